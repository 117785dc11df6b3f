/**
 * IAC402: versions AWS or Pulumi no longer support: deprecated Lambda runtimes, RDS engine
 * versions past the end of standard support, and `pulumi` pinned below 3 in a manifest.
 *
 * Deprecated Lambda runtimes are the members the provider's own `lambda_.Runtime` enum marks
 * deprecated (in the table of the pulumi-aws version the project pins, named in the message),
 * plus a few older ones the enum no longer lists; the replacement advice is per runtime family.
 * Only facts that no longer change are encoded for RDS: an engine whose end of support has passed.
 * RDS: MySQL 5.7 and older, PostgreSQL 12 and older (standard support for 11 ended
 * 2024-02-29, for 12 on 2025-02-28), MariaDB 10.3 and older, Aurora MySQL 5.6/5.7
 * (`aurora`, `aurora-mysql` 5.7) and Aurora PostgreSQL 12 and older.
 * Manifests are read only when they are under review, so a change is not blamed for a pin it
 * did not touch.
 */
import type { ProjectRule, ProjectRuleContext, ProjectView } from '../src/api/rule.js';
import { judgeFor, type Judge } from '../src/packaging/aws-provider-version.js';
import type { PythonUnit } from '../src/python/units.js';
import { capsBelowThree, pulumiPins } from '../src/packaging/pulumi-pins.js';
import { callArguments, calleeName, stringLiteralValue } from '../src/python/calls.js';
import { qualifiedName } from '../src/python/names.js';
import type { SyntaxNode } from '../src/python/parser.js';
import { callsNamed, identifiersMatching, nodesOfType } from '../src/python/fast-walk.js';

/**
 * Which Lambda runtimes are deprecated comes from the provider's table (`lambda_.Runtime`'s
 * deprecated members, for the pinned pulumi-aws version); these are deprecated by AWS too but
 * are not (or no longer) members there.
 */
const DEPRECATED_OUTSIDE_TABLE = new Set(['nodejs', 'nodejs4.3', 'nodejs4.3-edge', 'nodejs6.10', 'nodejs8.10', 'dotnetcore1.0', 'dotnetcore2.0', 'dotnet6']);

/** What to move to, per runtime family (the table says what is deprecated, not what replaces it). */
function replacementFor(runtime: string): string {
  if (runtime === 'go1.x') return 'provided.al2023 (Go compiled to a `bootstrap` binary)';
  if (runtime === 'java8') return 'java21 (or java8.al2)';
  if (runtime === 'provided') return 'provided.al2023';
  if (runtime.startsWith('python')) return 'python3.12 or newer';
  if (runtime.startsWith('nodejs')) return 'nodejs22.x';
  if (runtime.startsWith('ruby')) return 'ruby3.3 or newer';
  if (runtime.startsWith('dotnet')) return 'dotnet8';
  if (runtime.startsWith('java')) return 'java21';
  return 'a supported runtime';
}

interface State {
  project: ProjectView;
  judge?: Judge;
}

/** The replacement for a deprecated runtime and which table says so; undefined when it is current. */
function deprecatedRuntime(runtime: string, state: State): { replacement: string; label?: string } | undefined {
  const judge = (state.judge ??= judgeFor(state.project));
  if (judge.api.enumType('lambda_', 'Runtime')?.deprecated.has(runtime)) return { replacement: replacementFor(runtime), label: judge.label };
  return DEPRECATED_OUTSIDE_TABLE.has(runtime) ? { replacement: replacementFor(runtime) } : undefined;
}

const LAMBDA_RUNTIME_CALLS = new Set(['pulumi_aws.lambda_.Function', 'pulumi_aws.lambda_.FunctionArgs']);
const LAYER_CALLS = new Set(['pulumi_aws.lambda_.LayerVersion', 'pulumi_aws.lambda_.LayerVersionArgs']);
const RUNTIME_ENUM = 'pulumi_aws.lambda_.Runtime.';
const RDS_ENGINE_CALLS = new Set(
  ['Instance', 'Cluster', 'ClusterInstance', 'GlobalCluster'].flatMap((name) => [`pulumi_aws.rds.${name}`, `pulumi_aws.rds.${name}Args`]),
);
const RDS_FAMILY_CALLS = new Set(
  ['ParameterGroup', 'ClusterParameterGroup'].flatMap((name) => [`pulumi_aws.rds.${name}`, `pulumi_aws.rds.${name}Args`]),
);
const RDS_ENGINE_ENUM = 'pulumi_aws.rds.EngineType.';
/** Last names of every call above, to find candidate calls through the text. */
const CALL_NAMES = [...LAMBDA_RUNTIME_CALLS, ...LAYER_CALLS, ...RDS_ENGINE_CALLS, ...RDS_FAMILY_CALLS].map((name) => name.split('.').pop()).join('|');
const MANIFEST = /(^|\/)(requirements[^/]*\.txt|Pipfile|pyproject\.toml)$/;

export const outdatedRuntime: ProjectRule<State> = {
  meta: {
    id: 'IAC402',
    name: 'outdated-runtime',
    title: 'Outdated runtime or version',
    category: 'Documentation',
    severity: 'warning',
    why: 'Models repeat the versions of their training data: deprecated Lambda runtimes get no patches and AWS then blocks creating and updating functions on them, RDS engines past end of standard support are billed for Extended Support or force-upgraded, and Pulumi 2 cannot load current providers.',
    fix: 'Use a supported runtime (python3.12, nodejs22.x, provided.al2023), a current engine version (MySQL 8.0, PostgreSQL 16), and `pulumi>=3,<4` in requirements.txt.',
    badExample: 'aws.lambda_.Function("fn", runtime="python3.7", handler="index.handler", role=role.arn, code=code)',
    goodExample: 'aws.lambda_.Function("fn", runtime="python3.12", handler="index.handler", role=role.arn, code=code)',
    seed: { report: 'model-failures-tracking', section: 'Outdated Information' },
  },
  scope: 'project',
  begin: (project) => ({ project }),
  visitFile(file, state, context) {
    for (const unit of file.units) checkUnit(unit, context, state);
  },
  check(project, context) {
    const reviewed = new Set(project.files.map((file) => file.path));
    for (const path of project.paths) {
      if (!MANIFEST.test(path) || !reviewed.has(path)) continue;
      const text = project.readFile(path);
      if (text !== undefined) checkManifest(path, text, context);
    }
  },
};

function checkUnit(unit: PythonUnit, context: ProjectRuleContext, state: State): void {
  let constants: Map<string, string> | undefined;
  const valueOf = (node: SyntaxNode): string | undefined =>
    stringLiteralValue(node) ?? (node.type === 'identifier' ? (constants ??= moduleStringConstants(unit.root)).get(node.text) : undefined);

  // Enum members such as `aws.lambda_.Runtime.PYTHON3D7`, wherever they are used.
  for (const member of identifiersMatching(unit.root, unit.text, '[A-Z][A-Z0-9_]*D[0-9X_]*|GO1DX|JAVA8|CUSTOM|NODE_JS|DOTNET6')) {
    const node = member.parent;
    if (node?.type !== 'attribute' || node.childForFieldName('attribute')?.id !== member.id) continue;
    const qualified = qualifiedName(node, unit.imports);
    if (!qualified?.startsWith(RUNTIME_ENUM)) continue;
    const runtime = runtimeFromEnumMember(qualified.slice(RUNTIME_ENUM.length));
    const deprecated = runtime ? deprecatedRuntime(runtime, state) : undefined;
    if (runtime && deprecated) context.report({ unit, node, message: runtimeMessage(`\`${node.text}\` (${runtime})`, deprecated) });
  }

  for (const call of callsNamed(unit.root, unit.text, CALL_NAMES)) {
    const callee = calleeName(call, unit.imports);
    if (!callee) continue;
    const args = callArguments(call);
    if (LAMBDA_RUNTIME_CALLS.has(callee)) {
      const node = args.keywords.get('runtime');
      const runtime = node ? valueOf(node) : undefined;
      const deprecated = runtime ? deprecatedRuntime(runtime, state) : undefined;
      if (node && runtime && deprecated) context.report({ unit, node, message: runtimeMessage(`\`${runtime}\``, deprecated) });
    } else if (LAYER_CALLS.has(callee)) {
      const list = args.keywords.get('compatible_runtimes');
      if (list?.type !== 'list') continue;
      for (const element of list.namedChildren) {
        const runtime = valueOf(element);
        const deprecated = runtime ? deprecatedRuntime(runtime, state) : undefined;
        if (runtime && deprecated) context.report({ unit, node: element, message: runtimeMessage(`\`${runtime}\``, deprecated) });
      }
    } else if (RDS_ENGINE_CALLS.has(callee)) {
      const engineNode = args.keywords.get('engine');
      const versionNode = args.keywords.get('engine_version');
      const engine = engineNode ? engineName(engineNode, unit, valueOf) : undefined;
      if (engineNode && engine === 'aurora') {
        context.report({ unit, node: engineNode, message: `RDS engine \`aurora\`: ${endOfLife('aurora', '')}` });
        continue;
      }
      if (!versionNode) continue;
      const version = valueOf(versionNode);
      if (!engine || !version) continue;
      const eol = endOfLife(engine, version);
      if (eol) context.report({ unit, node: versionNode, message: `RDS engine \`${engine}\` version \`${version}\`: ${eol}` });
    } else if (RDS_FAMILY_CALLS.has(callee)) {
      const familyNode = args.keywords.get('family');
      const family = familyNode ? valueOf(familyNode) : undefined;
      const parsed = family ? /^(aurora-mysql|aurora-postgresql|aurora|mysql|postgres|mariadb)(\d+(?:\.\d+)?)$/.exec(family) : null;
      if (!familyNode || !parsed) continue;
      const eol = endOfLife(parsed[1] ?? '', parsed[2] ?? '');
      if (eol) context.report({ unit, node: familyNode, message: `Parameter group family \`${family}\`: ${eol}` });
    }
  }
}

function runtimeMessage(shown: string, deprecated: { replacement: string; label?: string }): string {
  const source = deprecated.label ? ` (a deprecated \`Runtime\` member in ${deprecated.label})` : '';
  return `Lambda runtime ${shown} is deprecated${source}: it gets no security patches and AWS blocks creating and then updating functions on it; use ${deprecated.replacement}.`;
}

/** `PYTHON3D7` -> `python3.7`, `NODE_JS16D_X` -> `nodejs16.x`, `DOTNET_CORE3D1` -> `dotnetcore3.1`. */
function runtimeFromEnumMember(member: string): string | undefined {
  if (!/^[A-Z0-9_]+$/.test(member)) return undefined;
  if (member === 'CUSTOM') return 'provided';
  return member
    .toLowerCase()
    .replace(/_/g, '')
    .replace(/(\d)d(\d|x)/g, '$1.$2');
}

function engineName(node: SyntaxNode, unit: PythonUnit, valueOf: (node: SyntaxNode) => string | undefined): string | undefined {
  const literal = valueOf(node);
  if (literal) return literal.toLowerCase();
  const qualified = node.type === 'attribute' ? qualifiedName(node, unit.imports) : undefined;
  if (!qualified?.startsWith(RDS_ENGINE_ENUM)) return undefined;
  return qualified.slice(RDS_ENGINE_ENUM.length).toLowerCase().replace(/_/g, '-');
}

/** Why an engine version is past end of standard support and what to use, or undefined when it is not (or unknown). */
function endOfLife(engine: string, version: string): string | undefined {
  const extended = 'AWS bills Extended Support for it or upgrades it';
  if (engine === 'aurora') return 'Aurora MySQL 1 (MySQL 5.6 compatible) reached end of life on 2023-02-28; use `aurora-mysql` 3 (MySQL 8.0).';
  const numbers = /^(\d+)(?:\.(\d+))?/.exec(version.trim());
  if (!numbers) return undefined;
  const major = Number(numbers[1]);
  const minor = numbers[2] === undefined ? undefined : Number(numbers[2]);
  switch (engine) {
    case 'mysql':
      if (major < 5 || (major === 5 && minor !== undefined && minor <= 7)) {
        return `MySQL ${major}.${minor ?? 'x'} is past the end of standard support (5.7 ended 2024-02-29) and ${extended}; use 8.0 or newer.`;
      }
      return undefined;
    case 'aurora-mysql':
      if (major === 5 && minor !== undefined && minor <= 7) {
        return 'Aurora MySQL 2 (MySQL 5.7 compatible) reached end of standard support on 2024-10-31; use Aurora MySQL 3 (`8.0.mysql_aurora.3.x`).';
      }
      return undefined;
    case 'postgres':
    case 'aurora-postgresql':
      if (major <= 12) {
        return `PostgreSQL ${major} is past the end of standard support (${major <= 11 ? '11 ended 2024-02-29' : '12 ended 2025-02-28'}) and ${extended}; use 16 or newer.`;
      }
      return undefined;
    case 'mariadb':
      if (major < 10 || (major === 10 && minor !== undefined && minor <= 3)) {
        return `MariaDB ${major}.${minor ?? 'x'} is past the end of standard support (10.3 ended 2023-10-23); use 10.11 or newer.`;
      }
      return undefined;
    default:
      return undefined;
  }
}

/** Module-level names assigned exactly once, to a string literal, and never rebound anywhere. */
function moduleStringConstants(root: SyntaxNode): Map<string, string> {
  const assignments = new Map<string, number>();
  for (const node of nodesOfType(root, ['assignment', 'augmented_assignment', 'for_statement', 'named_expression'])) {
    const target = node.childForFieldName(node.type === 'named_expression' ? 'name' : 'left');
    if (target?.type === 'identifier') assignments.set(target.text, (assignments.get(target.text) ?? 0) + 1);
  }
  const constants = new Map<string, string>();
  for (const statement of root.namedChildren) {
    if (statement.type !== 'expression_statement') continue;
    const assignment = statement.namedChildren[0];
    if (assignment?.type !== 'assignment') continue;
    const left = assignment.childForFieldName('left');
    const right = assignment.childForFieldName('right');
    if (left?.type !== 'identifier' || !right || assignments.get(left.text) !== 1) continue;
    const value = stringLiteralValue(right);
    if (value !== undefined) constants.set(left.text, value);
  }
  return constants;
}

// ---------------------------------------------------------------------------------------
// pulumi pins in manifests

function checkManifest(path: string, text: string, context: ProjectRuleContext): void {
  for (const pin of pulumiPins(path, text)) {
    if (!capsBelowThree(pin.spec)) continue;
    context.report({
      path,
      span: { line: pin.line, column: pin.column, endLine: pin.line, endColumn: pin.endColumn },
      snippet: pin.text,
      message: `\`${pin.text}\` keeps Pulumi below 3: Pulumi 2 is end-of-life and current providers (pulumi-aws 5 and later) need \`pulumi>=3,<4\`.`,
    });
  }
}
