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
import type { ModelRule, ProgramContext, ProjectContext, ProjectView } from '../src/api/rule.js';
import { judgeForLanguage, type Judge } from '../src/packaging/aws-provider-version.js';
import { capsBelowThree, pulumiPins } from '../src/packaging/pulumi-pins.js';
import semver from 'semver';
import { parsePackageJson } from '../src/packaging/package-json.js';
import type { SourceLanguage, Value } from '../src/pulumi/model.js';
import type { Site } from '../src/pulumi/site.js';

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
  judges: Map<SourceLanguage, Judge>;
}

/** The replacement for a deprecated runtime and which table says so; undefined when it is current. */
function deprecatedRuntime(runtime: string, language: SourceLanguage, state: State): { replacement: string; label?: string } | undefined {
  let judge = state.judges.get(language);
  if (!judge) state.judges.set(language, (judge = judgeForLanguage(state.project, language)));
  if (judge.api.enumType('lambda_', 'Runtime')?.deprecated.has(runtime)) return { replacement: replacementFor(runtime), label: judge.label };
  return DEPRECATED_OUTSIDE_TABLE.has(runtime) ? { replacement: replacementFor(runtime) } : undefined;
}

/** Resource types (model keys) and the arguments read on each; `…Args` objects are judged like their resource. */
const LAMBDA_FUNCTIONS = new Set(['lambda.Function']);
const LAMBDA_LAYERS = new Set(['lambda.LayerVersion']);
const RDS_ENGINES = new Set(['rds.Instance', 'rds.Cluster', 'rds.ClusterInstance', 'rds.GlobalCluster']);
const RDS_FAMILIES = new Set(['rds.ParameterGroup', 'rds.ClusterParameterGroup']);
const PYTHON_MANIFEST = /(^|\/)(requirements[^/]*\.txt|Pipfile|pyproject\.toml)$/;

/** An argument's value as the rule reads it: a string, where to report it, and how it was written. */
interface Written {
  value: string;
  site: Site | undefined;
  /** The source text when it is not the string itself (an enum member). */
  shownAs: string | undefined;
}

/** Where an argument is written in the call (or the dict entry): a value defined elsewhere is reported there. */
type ArgumentAt = (name: string) => { value: Value; site: Site | undefined } | undefined;

function written(value: Value | undefined, argumentSite: Site | undefined): Written | undefined {
  if (value?.kind !== 'string') return undefined;
  const site = value.site;
  const inside = site && argumentSite && site.source === argumentSite.source && site.start >= argumentSite.start && site.end <= argumentSite.end;
  if (!inside && argumentSite) return { value: value.value, site: argumentSite, shownAs: undefined };
  const text = site?.text;
  const isLiteral = text === undefined || /^(['"`]).*\1$/s.test(text);
  return { value: value.value, site, shownAs: isLiteral ? undefined : text };
}

export const outdatedRuntime: ModelRule<State> = {
  meta: {
    id: 'IAC402',
    name: 'outdated-runtime',
    title: 'Outdated runtime or version',
    category: 'Documentation',
    severity: 'warning',
    why: 'Models repeat the versions of their training data: deprecated Lambda runtimes get no patches and AWS then blocks creating and updating functions on them, RDS engines past end of standard support are billed for Extended Support or force-upgraded, and Pulumi 2 cannot load current providers.',
    fix: 'Use a supported runtime (python3.12, nodejs22.x, provided.al2023), a current engine version (MySQL 8.0, PostgreSQL 16), and `pulumi>=3,<4` in requirements.txt (`"@pulumi/pulumi": "^3"` in package.json).',
    badExample: 'aws.lambda_.Function("fn", runtime="python3.7", handler="index.handler", role=role.arn, code=code)',
    goodExample: 'aws.lambda_.Function("fn", runtime="python3.12", handler="index.handler", role=role.arn, code=code)',
    seed: { report: 'model-failures-tracking', section: 'Outdated Information' },
    languages: ['python', 'typescript'],
  },
  scope: 'model',
  begin: (project) => ({ project, judges: new Map() }),
  program(model, context) {
    // A resource built in a loop is judged per iteration (each may have its own runtime); the engine drops repeats.
    for (const resource of model.resources) {
      if (resource.type.provider !== 'aws') continue;
      checkArguments(resource.type.key, (name) => resource.args.get(name), model.language, context);
    }
    for (const object of model.argsObjects) {
      const key = object.argsType?.replace(/Args$/, '');
      if (!key) continue;
      const entry = (name: string) => {
        const value = object.entries.get(name);
        return value && { value, site: object.entrySites?.get(name) ?? value.site };
      };
      checkArguments(key, entry, model.language, context);
    }
  },
  project(project, context) {
    const reviewed = new Set(project.files.map((file) => file.path));
    for (const path of project.paths) {
      if (!reviewed.has(path)) continue;
      if (PYTHON_MANIFEST.test(path)) {
        const text = project.readFile(path);
        if (text !== undefined) checkManifest(path, text, context);
      }
    }
    checkPackageJson(project, context);
  },
};

function checkArguments(key: string, argument: ArgumentAt, language: SourceLanguage, context: ProgramContext<State>): void {
  const runtime = (value: Value | undefined, at: Site | undefined) => {
    const shown = written(value, at);
    const deprecated = shown ? deprecatedRuntime(shown.value, language, context.state) : undefined;
    if (shown && deprecated) {
      const name = shown.shownAs ? `\`${shown.shownAs}\` (${shown.value})` : `\`${shown.value}\``;
      context.report({ at: shown.site, message: runtimeMessage(name, deprecated) });
    }
  };
  const read = (name: string) => {
    const found = argument(name);
    return written(found?.value, found?.site);
  };
  if (LAMBDA_FUNCTIONS.has(key)) runtime(argument('runtime')?.value, argument('runtime')?.site);
  else if (LAMBDA_LAYERS.has(key)) {
    const list = argument('compatible_runtimes');
    if (list?.value.kind === 'list') for (const item of list.value.items) runtime(item, list.site);
  } else if (RDS_ENGINES.has(key)) {
    const engine = read('engine');
    const name = engine?.value.toLowerCase();
    if (engine && name === 'aurora') {
      context.report({ at: engine.site, message: `RDS engine \`aurora\`: ${endOfLife('aurora', '')}` });
      return;
    }
    const version = read('engine_version');
    const eol = name && version ? endOfLife(name, version.value) : undefined;
    if (version && eol) context.report({ at: version.site, message: `RDS engine \`${name}\` version \`${version.value}\`: ${eol}` });
  } else if (RDS_FAMILIES.has(key)) {
    const family = read('family');
    const parsed = family ? /^(aurora-mysql|aurora-postgresql|aurora|mysql|postgres|mariadb)(\d+(?:\.\d+)?)$/.exec(family.value) : null;
    const eol = parsed ? endOfLife(parsed[1] ?? '', parsed[2] ?? '') : undefined;
    if (family && eol) context.report({ at: family.site, message: `Parameter group family \`${family.value}\`: ${eol}` });
  }
}

function runtimeMessage(shown: string, deprecated: { replacement: string; label?: string }): string {
  const source = deprecated.label ? ` (a deprecated \`Runtime\` member in ${deprecated.label})` : '';
  return `Lambda runtime ${shown} is deprecated${source}: it gets no security patches and AWS blocks creating and then updating functions on it; use ${deprecated.replacement}.`;
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

// ---------------------------------------------------------------------------------------
// pulumi pins in manifests

function checkManifest(path: string, text: string, context: ProjectContext<State>): void {
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

/** `"@pulumi/pulumi": "^2.0.0"` in a reviewed package.json: no version npm may install from it is 3 or newer. */
function checkPackageJson(project: ProjectView, context: ProjectContext<State>): void {
  for (const file of project.files) {
    if (!/(^|\/)package\.json$/.test(file.path) || file.path.includes('node_modules/') || file.text === undefined) continue;
    for (const dependency of parsePackageJson(file.text).dependencies) {
      if (dependency.name !== '@pulumi/pulumi' || !dependency.isRange || semver.validRange(dependency.range) === null) continue;
      if (semver.intersects(dependency.range, '>=3.0.0')) continue;
      context.report({
        path: file.path,
        span: { line: dependency.line, column: dependency.column, endLine: dependency.line, endColumn: dependency.endColumn },
        snippet: dependency.text,
        message: `\`${dependency.text}\` keeps Pulumi below 3: Pulumi 2 is end-of-life and current providers (@pulumi/aws 5 and later) need \`"@pulumi/pulumi": "^3"\`.`,
      });
    }
  }
}
