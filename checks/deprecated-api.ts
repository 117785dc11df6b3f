/**
 * IAC104: resources, functions, Args classes, arguments and enum values the Pulumi AWS
 * provider marks `@deprecated` in its type declarations (`aws.s3.Bucket(acl=...)`,
 * `aws.s3.BucketV2`, `runtime="python3.8"`), reported with the provider's own message.
 * Judged against the table of the major version the project pins, like IAC105.
 */
import type { ProjectRule, ProjectView } from '../src/api/rule.js';
import type { PythonUnit } from '../src/python/units.js';
import { importsPulumiAws, judgeFor, type Judge } from '../src/packaging/aws-provider-version.js';
import { awsCalls, calleeTail, type AwsCall } from '../src/python/aws-usage.js';
import { callArguments, stringLiteralValue } from '../src/python/calls.js';
import type { SyntaxNode } from '../src/python/parser.js';
import type { UnitFix } from '../src/api/rule.js';
import { FUNCTION_KEYWORDS, RESOURCE_KEYWORDS, type AwsApi } from '../src/aws/api.js';
import { acceptsKeywords, replacementOf } from '../src/aws/replacements.js';
import { fixOf } from '../src/python/fix-edits.js';
import { qualifiedName } from '../src/python/names.js';

type Report = (node: SyntaxNode, message: string, fix?: UnitFix) => void;

export const deprecatedApi: ProjectRule<{ project: ProjectView; judge?: Judge }> = {
  meta: {
    id: 'IAC104',
    name: 'deprecated-api',
    title: 'Deprecated API',
    category: 'Code Generation',
    severity: 'warning',
    why: 'Deprecated provider resources, arguments and values (S3 bucket `acl=`/`versioning=`, `BucketV2`, old Lambda runtimes) are removed in later majors and often already behave differently; models trained on old examples keep producing them.',
    fix: 'Use the replacement the provider names in its deprecation message, e.g. a separate `aws.s3.BucketVersioning` resource instead of `versioning=` on the bucket.',
    badExample: 'aws.s3.Bucket("logs", acl="private", versioning={"enabled": True})',
    goodExample: 'bucket = aws.s3.Bucket("logs")\naws.s3.BucketVersioning("logs-versioning", bucket=bucket.id,\n    versioning_configuration={"status": "Enabled"})',
    seed: { report: 'model-failures-tracking', section: 'Incorrect API Usage' },
  },
  scope: 'project',
  begin: (project) => ({ project }),
  // File by file while the trees are fresh; the API table is chosen once, on the first file that needs it.
  visitFile(file, state, context) {
    for (const unit of file.units.filter(importsPulumiAws)) {
      const judge = (state.judge ??= judgeFor(state.project));
      checkUnit(unit, judge, (node, message, fix) => context.report({ unit, node, message, ...(fix ? { fix } : {}) }));
    }
  },
};

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
