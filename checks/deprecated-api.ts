/**
 * IAC104: resources, functions, Args classes, arguments and enum values the Pulumi AWS
 * provider marks `@deprecated` in its type declarations (`aws.s3.Bucket(acl=...)`,
 * `aws.s3.BucketV2`, `runtime="python3.8"`), reported with the provider's own message.
 * Judged against the table of the major version the project pins, like IAC105.
 */
import type { ModelRule, ProjectView } from '../src/api/rule.js';
import type { PythonUnit } from '../src/python/units.js';
import { importsPulumiAws, judgeFor, typeScriptJudgeFor, type Judge } from '../src/packaging/aws-provider-version.js';
import { resourceMember } from '../src/pulumi/aws-signatures.js';
import type { ProgramModel, Site } from '../src/pulumi/model.js';
import { awsCalls, calleeTail, type AwsCall } from '../src/python/aws-usage.js';
import { callArguments, stringLiteralValue } from '../src/python/calls.js';
import type { SyntaxNode } from '../src/python/parser.js';
import type { UnitFix } from '../src/api/rule.js';
import { FUNCTION_KEYWORDS, RESOURCE_KEYWORDS, type AwsApi } from '../src/aws/api.js';
import { acceptsKeywords, replacementOf } from '../src/aws/replacements.js';
import { fixOf } from '../src/python/fix-edits.js';
import { qualifiedName } from '../src/python/names.js';

type Report = (node: SyntaxNode, message: string, fix?: UnitFix) => void;

export const deprecatedApi: ModelRule<{ project: ProjectView; judge?: Judge }> = {
  meta: {
    id: 'IAC104',
    name: 'deprecated-api',
    title: 'Deprecated API',
    category: 'Code Generation',
    severity: 'warning',
    why: 'Deprecated provider resources, arguments and values (S3 bucket `acl=`/`versioning=`, `BucketV2`, old Lambda runtimes) are removed in later majors and often already behave differently; models trained on old examples keep producing them.',
    fix: 'Use the replacement the provider names in its deprecation message, e.g. a separate `aws.s3.BucketVersioning` resource instead of `versioning=` on the bucket.',
    autofix: 'Python: a deprecated resource or function becomes the one the provider names (`aws.s3.BucketV2` → `aws.s3.Bucket`); when the message names one current successor that accepts every argument the call passes, and the call is written through the module.',
    badExample: 'aws.s3.Bucket("logs", acl="private", versioning={"enabled": True})',
    goodExample: 'bucket = aws.s3.Bucket("logs")\naws.s3.BucketVersioning("logs-versioning", bucket=bucket.id,\n    versioning_configuration={"status": "Enabled"})',
    seed: { report: 'model-failures-tracking', section: 'Incorrect API Usage' },
    languages: ['python', 'typescript'],
  },
  scope: 'model',
  begin: (project) => ({ project }),
  visitors: {
    // Python: unit by unit while the tree is fresh; the API table is chosen once, on the first unit that needs it.
    python: (context) => ({
      'unit:exit': () => {
        const { unit, state } = context;
        if (!importsPulumiAws(unit)) return;
        const judge = (state.judge ??= judgeFor(state.project));
        checkUnit(unit, judge, (node, message, fix) => context.report({ node, message, ...(fix ? { fix } : {}) }));
      },
    }),
  },
  // TypeScript: the AWS resources of the program model, their arguments and enum values.
  program(model, context) {
    if (model.language !== 'typescript') return;
    judgeTypeScriptResources(model, typeScriptJudgeFor(context.project), (site, message) => context.report({ at: site, message }));
  },
};

function judgeTypeScriptResources(model: ProgramModel, judge: Judge, report: (site: Site, message: string) => void): void {
  const { api, label } = judge;
  for (const resource of model.resources) {
    if (resource.language !== 'typescript' || resource.type.provider !== 'aws') continue;
    const member = resourceMember(api, resource);
    if (!member) continue;
    const { entry } = member;
    if (entry.deprecated) report(resource.site, `\`${resource.constructorText}\` is deprecated in ${label}: ${sentence(entry.deprecated)}`);
    for (const argument of resource.args.values()) {
      if (!argument.site) continue;
      const message = entry.deprecatedArgs && Object.hasOwn(entry.deprecatedArgs, argument.name) ? entry.deprecatedArgs[argument.name] : undefined;
      if (message) {
        report(argument.site, `\`${argument.written}\` of \`${resource.constructorText}\` is deprecated in ${label}: ${sentence(message)}`);
        continue;
      }
      const enumName = entry.enumArgs && Object.hasOwn(entry.enumArgs, argument.name) ? entry.enumArgs[argument.name] : undefined;
      // Lambda runtimes are IAC402 outdated-runtime's, with replacement advice; not reported twice.
      if (!enumName || enumName === 'lambda_.Runtime' || argument.value.kind !== 'string') continue;
      const [moduleName, name] = enumName.split('.') as [string, string];
      const value = argument.value.value;
      const enumEntry = api.module(moduleName)?.enums[name];
      const deprecated = enumEntry?.deprecatedValues && Object.hasOwn(enumEntry.deprecatedValues, value) ? enumEntry.deprecatedValues[value] : undefined;
      if (deprecated) report(argument.value.site ?? argument.site, `\`${argument.written}: "${value}"\` of \`${resource.constructorText}\` is a deprecated value in ${label}: ${sentence(deprecated)}`);
    }
  }
}

/** The provider's message as one sentence ending in a full stop. */
function sentence(message: string): string {
  const trimmed = message.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/**
 * The call renamed to the provider's named successor: `aws.s3.BucketV2` -> `aws.s3.Bucket`, or
 * `aws.vpn.get_connection` -> `aws.ec2.get_vpn_connection` when the callee is written through the
 * package itself. Only when the successor takes every keyword passed (and, for functions, no positional ones).
 */
function replacementFix(use: AwsCall, api: AwsApi, unit: PythonUnit): UnitFix | undefined {
  const { member, callee } = use;
  if (member.kind !== 'resource' && member.kind !== 'function') return undefined;
  const replacement = replacementOf(api, member);
  if (!replacement || callee.type !== 'attribute') return undefined;
  const extra = member.kind === 'resource' ? RESOURCE_KEYWORDS : FUNCTION_KEYWORDS;
  if (!acceptsKeywords(api, replacement, use.keywords.keys(), extra)) return undefined;
  if (member.kind === 'function' && callArguments(use.call).positional.length) return undefined;
  const tail = calleeTail(callee);
  const description = `Use \`${replacement.module}.${replacement.name}\``;
  if (tail.text !== member.name) return undefined;
  if (replacement.module === member.module) return fixOf(description, { node: tail, text: replacement.name });
  const moduleNode = callee.childForFieldName('object');
  const packageNode = moduleNode?.type === 'attribute' ? moduleNode.childForFieldName('object') : undefined;
  const moduleName = moduleNode?.childForFieldName('attribute');
  if (!packageNode || !moduleName || moduleName.text !== member.module || qualifiedName(packageNode, unit.imports) !== 'pulumi_aws') return undefined;
  return fixOf(description, { start: moduleName.startPosition, end: tail.endPosition, text: `${replacement.module}.${replacement.name}` });
}

function checkUnit(unit: PythonUnit, judge: Judge, report: Report): void {
  const { api, label } = judge;
  for (const use of awsCalls(unit, api)) {
    const { member } = use;
    if (member.kind !== 'resource' && member.kind !== 'function' && member.kind !== 'args-class') continue;
    const { entry } = member;
    if (entry.deprecated) {
      report(calleeTail(use.callee), `\`${use.written}\` is deprecated in ${label}: ${sentence(entry.deprecated)}`, replacementFix(use, api, unit));
    }
    for (const [keyword, node] of use.keywords) {
      const message = entry.deprecatedArgs && Object.hasOwn(entry.deprecatedArgs, keyword) ? entry.deprecatedArgs[keyword] : undefined;
      if (message) report(node, `\`${keyword}\` of \`${use.written}\` is deprecated in ${label}: ${sentence(message)}`);
    }
    if (member.kind !== 'resource' || !member.entry.enumArgs) continue;
    for (const [keyword, enumName] of Object.entries(member.entry.enumArgs)) {
      // Lambda runtimes are IAC402 outdated-runtime's, with replacement advice; not reported twice.
      if (enumName === 'lambda_.Runtime') continue;
      const valueNode = use.values.get(keyword);
      const value = valueNode ? stringLiteralValue(valueNode) : undefined;
      if (!valueNode || value === undefined) continue;
      const [moduleName, name] = enumName.split('.') as [string, string];
      const enumEntry = api.module(moduleName)?.enums[name];
      const deprecated = enumEntry?.deprecatedValues && Object.hasOwn(enumEntry.deprecatedValues, value) ? enumEntry.deprecatedValues[value] : undefined;
      if (deprecated) {
        report(valueNode, `\`${keyword}="${value}"\` of \`${use.written}\` is a deprecated \`${enumName}\` value in ${label}: ${sentence(deprecated)}`);
      }
    }
  }
}
