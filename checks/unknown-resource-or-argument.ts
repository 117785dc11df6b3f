/**
 * IAC105: keyword arguments, resources, functions, `*Args` classes and modules that the
 * Pulumi AWS provider does not have (`aws.ec2.Vpc(cidr=...)`, `aws.ec2.Vpcs(...)`). Judged
 * against the API table generated from `@pulumi/aws`'s own type declarations, for the major
 * version the project pins (requirements.txt, pyproject.toml, Pipfile, setup.py).
 *
 * A project rule because the verdict depends on the project's pin of `pulumi-aws`; it walks
 * every reviewed unit that imports `pulumi_aws` and loads a table only then.
 */
import type { ModelRule, ProjectView } from '../src/api/rule.js';
import type { ProgramModel } from '../src/pulumi/model.js';
import { spell } from '../src/pulumi/spelling.js';
import type { SourceUnit } from '../src/syntax/source-unit.js';
import { pythonModuleName } from '../src/aws/python-names.js';
import { qualifiedTypeScriptName } from '../src/typescript/classes.js';
import type { PythonUnit } from '../src/python/units.js';
import { FUNCTION_KEYWORDS, PYTHON_PACKAGE, RESOURCE_KEYWORDS, type ApiMember } from '../src/aws/api.js';
import { importsPulumiAws, judgeFor, judgeForLanguage, typeScriptJudgeFor, type Judge } from '../src/packaging/aws-provider-version.js';
import { unknownFields } from '../src/pulumi/argument-fields.js';
import { onePerSite, resourceMember, resourceSignature } from '../src/pulumi/aws-signatures.js';
import type { Site } from '../src/pulumi/site.js';
import { pythonName } from '../src/aws/python-names.js';
import { closestName, soleCloseMatch } from '../src/aws/suggest.js';
import { TOP_LEVEL_MODULE as TOP_LEVEL } from '../src/aws/types.js';
import { awsCalls, awsImports, calleePart, calleeTail, type AwsCall } from '../src/python/aws-usage.js';
import type { SyntaxNode } from '../src/python/parser.js';
import { renameFix } from '../src/python/rule-fixes.js';
import type { UnitFix } from '../src/api/rule.js';
import { fixOf, replaceNode } from '../src/python/fix-edits.js';

type Report = (node: SyntaxNode, message: string, fix?: UnitFix) => void;

type State = { project: ProjectView; judge?: Judge };

export const unknownResourceOrArgument: ModelRule<State> = {
  meta: {
    id: 'IAC105',
    name: 'unknown-resource-or-argument',
    title: 'Unknown resource or argument',
    category: 'Code Generation',
    severity: 'error',
    why: 'Models invent argument, resource and module names (`cidr=` for `cidr_block=`, `aws.ec2.Vpcs`); Python accepts the file and raises TypeError or AttributeError only at `pulumi up`.',
    fix: 'Use the names of the provider API for the pinned pulumi-aws version (`cidr_block`, not `cidr`); the finding names the closest real one.',
    autofix: 'Python: a misspelled argument, resource or module gets the right name (`cidrBlock` → `cidr_block`); when there is exactly one close match and the right name is not passed too.',
    badExample: 'aws.ec2.Vpc("main", cidr="10.0.0.0/16")',
    goodExample: 'aws.ec2.Vpc("main", cidr_block="10.0.0.0/16")',
    seed: { report: 'model-failures-tracking', section: 'Incorrect API Usage' },
    languages: ['python', 'typescript'],
  },
  scope: 'model',
  begin: (project) => ({ project }),
  visitors: {
    // Python: imports and calls, unit by unit; the API table is chosen once, on the first unit that needs it.
    python: (context) => ({
      'unit:exit': () => {
        const { unit, state } = context;
        if (!importsPulumiAws(unit)) return;
        const judge = (state.judge ??= judgeFor(state.project));
        checkUnit(unit, judge, judged(judge, (report) => context.report(report)));
      },
    }),
    // TypeScript: constructors the provider does not have (the model only holds resources it has).
    typescript: (context) => ({
      new_expression: (node) => judgeTypeScriptConstructor(node, context.unit, typeScriptJudgeFor(context.state.project), judged(typeScriptJudgeFor(context.state.project), (report) => context.report(report))),
    }),
  },
  // The arguments of every AWS resource in the model (TypeScript), and the keys of the blocks
  // nested in them (both languages), wherever their values come from.
  program(model, context) {
    if (!model.resources.some((resource) => resource.type.provider === 'aws')) return;
    const judge = judgeForLanguage(context.project, model.language);
    const report = (site: Site, message: string) =>
      context.report({ at: site, message: judge.uncertainty ? `${message} Only a warning: ${judge.uncertainty}.` : message, ...(judge.uncertainty ? { severity: 'warning' as const } : {}) });
    if (model.language === 'typescript') judgeTypeScriptArguments(model, judge, report);
    judgeNestedKeys(model, judge, report);
  },
};

/**
 * A reporter that turns findings judged against an uncertain table into warnings without fixes:
 * a table that may not be the project's, or a name another bundled major has while no manifest
 * says which major the project installs.
 */
function judged(judge: Judge, report: (report: { node: SyntaxNode; message: string; severity?: 'warning'; fix?: UnitFix }) => void): Report {
  return (node, message, fix) => {
    const uncertainty = judge.uncertainty ?? (!judge.pin && OTHER_MAJOR_NOTE.test(message) ? 'no manifest pins the provider, and another major has this name' : undefined);
    report({
      node,
      message: uncertainty ? `${message} Only a warning: ${uncertainty}.` : message,
      ...(uncertainty ? { severity: 'warning' as const } : {}),
      // A name judged against a table that may not be the project's is not rewritten.
      ...(fix && !uncertainty ? { fix } : {}),
    });
  };
}

/** What otherMajorsNote adds to a message. */
const OTHER_MAJOR_NOTE = /\(it exists in pulumi-aws /;

function didYouMean(suggestion: string | undefined): string {
  return suggestion ? `; did you mean \`${suggestion}\`?` : '.';
}

/** `(only in pulumi-aws 6.83.4)` when another bundled major has the name. */
function otherMajorsNote(judge: Judge, has: (member: ApiMember) => boolean, qualified: string): string {
  const versions = judge.others().filter((api) => {
    const member = api.lookup(qualified);
    return member !== undefined && has(member);
  });
  return versions.length ? ` (it exists in pulumi-aws ${versions.map((api) => api.version).join(', ')})` : '';
}

const isKnown = (member: ApiMember): boolean => member.kind !== 'unknown' && member.kind !== 'unknown-module';

/** Message for a name the module (or the package's top level) does not have. */
function unknownMemberMessage(judge: Judge, written: string, member: Extract<ApiMember, { kind: 'unknown' }>, qualified: string): string {
  const { api, label } = judge;
  const where = member.module === TOP_LEVEL ? `the top level of \`${PYTHON_PACKAGE}\`` : `module \`${member.module}\``;
  const note = otherMajorsNote(judge, isKnown, qualified);
  const elsewhere = api.modulesWithName(member.name).filter((module) => module !== member.module);
  if (elsewhere.length) {
    const modules = elsewhere.slice(0, 3).map((module) => (module === TOP_LEVEL ? `\`${PYTHON_PACKAGE}\`` : `\`${PYTHON_PACKAGE}.${module}\``));
    return `\`${written}\` is not in ${where} of ${label}${note}; \`${member.name}\` is in ${modules.join(', ')}.`;
  }
  let suggestion = api.suggestMember(member.module, member.name);
  if (!suggestion && member.module === TOP_LEVEL && /^[a-z]/.test(member.name)) suggestion = closestName(member.name, api.moduleNames());
  return `\`${written}\` is not in ${where} of ${label}${note}${didYouMean(suggestion)}`;
}

function unknownModuleMessage(judge: Judge, module: string): string {
  const qualified = `${PYTHON_PACKAGE}.${module}`;
  const note = otherMajorsNote(judge, (member) => member.kind === 'module', qualified);
  return `\`${module}\` is not a module of ${judge.label}${note}${didYouMean(closestName(module, judge.api.moduleNames()))}`;
}

function acceptedKeywords(member: ApiMember): Set<string> | undefined {
  switch (member.kind) {
    case 'resource':
      return new Set([...member.entry.args, ...RESOURCE_KEYWORDS]);
    case 'function':
      return new Set([...member.entry.args, ...FUNCTION_KEYWORDS]);
    case 'args-class':
      return new Set(member.entry.args);
    default:
      return undefined;
  }
}

function keywordMessage(judge: Judge, written: string, qualified: string, keyword: string, accepted: Set<string>): string {
  const snake = pythonName(keyword);
  if (snake !== keyword && accepted.has(snake)) {
    return `\`${keyword}\` is not an argument of \`${written}\` (${judge.label}): the Python SDK spells it \`${snake}\`.`;
  }
  const note = otherMajorsNote(
    judge,
    (member) => {
      const other = acceptedKeywords(member);
      return other !== undefined && other.has(keyword);
    },
    qualified,
  );
  const candidates = [...accepted].filter((name) => !RESOURCE_KEYWORDS.includes(name) && !FUNCTION_KEYWORDS.includes(name));
  return `\`${keyword}\` is not an argument of \`${written}\` in ${judge.label}${note}${didYouMean(closestName(keyword, candidates))}`;
}

/** The argument `keyword` certainly misspells, unless the call already passes that one. */
function keywordCorrection(keyword: string, accepted: Set<string>, passed: ReadonlyMap<string, SyntaxNode>): string | undefined {
  const snake = pythonName(keyword);
  const correction = accepted.has(snake) ? snake : soleCloseMatch(keyword, [...accepted].filter((name) => !RESOURCE_KEYWORDS.includes(name) && !FUNCTION_KEYWORDS.includes(name)));
  return correction && !passed.has(correction) ? correction : undefined;
}

/** Every call of `module` in the unit renamed to `correction` (one finding stands for all of them). */
function moduleRenameFix(calls: readonly AwsCall[], module: string, correction: string | undefined): UnitFix | undefined {
  if (!correction) return undefined;
  const parts = calls.filter((use) => use.member.kind === 'unknown-module' && use.member.module === module).map((use) => calleePart(use.callee, module));
  if (parts.some((part) => part.text !== module)) return undefined;
  return fixOf(`Rename module \`${module}\` to \`${correction}\``, ...parts.map((part) => replaceNode(part, correction)));
}

function checkUnit(unit: PythonUnit, judge: Judge, report: Report): void {
  const { api } = judge;
  // Names whose import is already reported: their uses are not reported again.
  const reported = new Set<string>();
  for (const imported of awsImports(unit, api)) {
    const { member } = imported;
    if (member.kind === 'unknown-module') {
      report(imported.node, unknownModuleMessage(judge, member.module));
    } else if (member.kind === 'unknown') {
      report(imported.node, unknownMemberMessage(judge, imported.node.text, member, imported.qualified));
    } else {
      continue;
    }
    reported.add(imported.qualified);
  }
  const isReported = (qualified: string): boolean => [...reported].some((prefix) => qualified === prefix || qualified.startsWith(`${prefix}.`));
  const reportedModules = new Set<string>();

  const calls = awsCalls(unit, api).filter((use) => !isReported(use.qualified));
  for (const use of calls) {
    const { member } = use;
    if (member.kind === 'unknown-module') {
      // One finding per module and unit: every call through it fails the same way.
      if (reportedModules.has(member.module)) continue;
      reportedModules.add(member.module);
      const fix = moduleRenameFix(calls, member.module, soleCloseMatch(member.module, api.moduleNames()));
      report(calleePart(use.callee, member.module), unknownModuleMessage(judge, member.module), fix);
      continue;
    }
    if (member.kind === 'unknown') {
      const tail = calleeTail(use.callee);
      const elsewhere = api.modulesWithName(member.name).some((module) => module !== member.module);
      const correction = member.module !== TOP_LEVEL && !elsewhere && tail.text === member.name ? api.soleMemberCorrection(member.module, member.name) : undefined;
      report(tail, unknownMemberMessage(judge, use.written, member, use.qualified), correction ? renameFix(tail, correction) : undefined);
      continue;
    }
    const accepted = acceptedKeywords(member);
    if (!accepted) continue;
    for (const [keyword, node] of use.keywords) {
      if (accepted.has(keyword) || (member.kind === 'resource' && /^__\w+__$/.test(keyword))) continue;
      const correction = keywordCorrection(keyword, accepted, use.keywords);
      report(node, keywordMessage(judge, use.written, use.qualified, keyword, accepted), correction ? renameFix(node, correction) : undefined);
    }
  }
}

/** `new aws.ec2.Vpcs(...)`, `new aws.ec3.Vpc(...)`: a constructor `@pulumi/aws` does not export. */
function judgeTypeScriptConstructor(node: SyntaxNode, unit: SourceUnit, judge: Judge, report: Report): void {
  const constructor = node.childForFieldName('constructor');
  const qualified = constructor && qualifiedTypeScriptName(constructor, unit.imports);
  if (!constructor || !qualified?.startsWith('@pulumi/aws.')) return;
  const parts = qualified.split('.').slice(1);
  if (parts.length !== 2) return;
  const [module, name] = parts as [string, string];
  const member = judge.api.lookup(`${PYTHON_PACKAGE}.${pythonModuleName(module)}.${name}`);
  const written = constructor.text;
  if (member?.kind === 'unknown-module') {
    const suggestion = closestName(pythonModuleName(module), judge.api.moduleNames());
    report(constructor, `\`${module}\` is not a module of ${judge.label}${didYouMean(suggestion && spell(suggestion.replace(/_$/, ''), 'typescript'))}`);
  } else if (member?.kind === 'unknown') {
    const suggestion = judge.api.suggestMember(member.module, member.name);
    report(constructor, `\`${written}\` is not a resource of ${judge.label}${didYouMean(suggestion)}`);
  }
}

/** Arguments (`handlr:`) an AWS resource of a TypeScript program does not take, through variables and spreads too. */
function judgeTypeScriptArguments(model: ProgramModel, judge: Judge, report: (site: NonNullable<ProgramModel['resources'][number]['site']>, message: string) => void): void {
  for (const resource of model.resources) {
    if (resource.language !== 'typescript' || resource.type.provider !== 'aws') continue;
    const member = resourceMember(judge.api, resource);
    if (!member) continue;
    const accepted = new Set(member.entry.args);
    for (const argument of resource.args.values()) {
      if (accepted.has(argument.name) || !argument.site) continue;
      const suggestion = closestName(argument.name, accepted);
      report(argument.site, `\`${argument.written}\` is not an argument of \`${resource.constructorText}\` in ${judge.label}${didYouMean(suggestion && spell(suggestion, 'typescript'))}`);
    }
  }
}

/**
 * `retryPolicy: { maximumEventAge: 3600 }`: a key the nested block's input type does not have.
 * TypeScript does not compile it; Python passes it on and the setting silently never applies.
 */
function judgeNestedKeys(model: ProgramModel, judge: Judge, report: (site: Site, message: string) => void): void {
  const seen = new Set<string>();
  for (const resource of onePerSite(model.resources.filter((candidate) => candidate.site !== undefined) as (ProgramModel['resources'][number] & { site: Site })[])) {
    const signature = resourceSignature(judge.api, resource);
    if (!signature) continue;
    for (const argument of resource.args.values()) {
      const spec = signature.args.get(argument.name);
      if (!spec) continue;
      for (const field of unknownFields(judge.api, argument.value, spec.type, argument.name)) {
        if (!field.site) continue;
        // A block shared by several resources (a constant, a helper's dict) is reported once.
        const key = `${field.site.source.path}:${field.site.source.lineOffset}:${field.site.start}:${field.key}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const accepted = field.accepted.map((name) => spell(name, resource.language));
        const suggestion = closestName(field.key, accepted);
        const consequence = resource.language === 'typescript' ? 'tsc rejects it when `pulumi up` compiles the program' : 'the SDK passes it on and the setting never applies';
        report(field.site, `\`${spell(field.key, resource.language)}\` is not a field of \`${spell(field.path.slice(0, field.path.lastIndexOf('.')), resource.language)}\` (\`${field.typeName}\` in ${judge.label}): ${consequence}${didYouMean(suggestion)}`);
      }
    }
  }
}
