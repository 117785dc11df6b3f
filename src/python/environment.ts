/**
 * "Production default suffix": code that falls back to a production environment name when no
 * configuration is given, so an unconfigured `pulumi up` deploys production:
 *
 *   environment_suffix = config.get("environmentSuffix") or "prod"
 *   env = os.environ.get("ENVIRONMENT_SUFFIX", "production")
 *   def __init__(self, environment_suffix: str = "prod"): ...
 *
 * Shared by the rules that only apply in production (IAC202, IAC305): their visitors note each
 * file's production default during the engine's traversal, and their program judgement asks
 * whether a program deploys to production (`productionReason`).
 */
import type { ProjectView, ReviewSettings, UnitContext, Visitors } from '../api/rule.js';
import type { ProgramModel } from '../pulumi/model.js';
import { isProductionName } from '../api/environments.js';
import { parsePython, type SyntaxNode } from './parser.js';
import { callArguments } from './calls.js';
import { snakeKey, stringValue, unwrap } from './literal-values.js';
import { descendantsOfType } from '../syntax/walk.js';

export interface ProductionDefault {
  /** The production literal (`"prod"`). */
  node: SyntaxNode;
  value: string;
  /**
   * The default decides where the program deploys: a parameter default, a fallback of an
   * environment variable, of the configuration or of an environment-named name. A lookup in
   * some other dict (`tags.get("Environment", "Production")`) only speaks for its own file.
   */
  programWide: boolean;
}

/** Receivers of lookups that read the deployment's settings: `config.get`, `os.environ.get`, `cfg.get`. */
const SETTINGS_RECEIVER = /(^|[._])(config|cfg|conf|environ|settings|os)$/i;

const ENVIRONMENT_NAME = /(^|_)(env|environment|stage|suffix)(_name|_suffix|_type)?$/;
const LOOKUP_METHODS = new Set(['get', 'get_secret', 'getenv', 'setdefault']);

/** True for names like `environment_suffix`, `environmentSuffix`, `ENV`, `stage`, `self.env`. */
export function isEnvironmentName(name: string): boolean {
  const last = name.split('.').pop() ?? name;
  return ENVIRONMENT_NAME.test(snakeKey(last));
}

/** The first expression below `root` that defaults the whole program's environment to a production name. */
function programWideDefault(root: SyntaxNode): ProductionDefault | undefined {
  for (const node of descendantsOfType(root, DEFAULT_NODES)) {
    const found = productionDefaultAt(node);
    if (found?.programWide) return found;
  }
  return undefined;
}

const DEFAULT_NODES = ['boolean_operator', 'call', 'default_parameter', 'typed_default_parameter'];

function productionLiteral(node: SyntaxNode | null | undefined, programWide = true): ProductionDefault | undefined {
  if (!node) return undefined;
  const value = stringValue(node);
  return value !== undefined && isProductionName(value) ? { node: unwrap(node), value, programWide } : undefined;
}

/** True for `getenv(...)` and lookups on the configuration or the process environment. */
function readsSettings(call: SyntaxNode): boolean {
  const fn = call.childForFieldName('function');
  if (fn?.type !== 'attribute') return true;
  const receiver = fn.childForFieldName('object');
  return receiver !== null && SETTINGS_RECEIVER.test(receiver.type === 'call' ? (receiver.childForFieldName('function')?.text ?? '') : receiver.text);
}

/** A production default at this node (one of DEFAULT_NODES), if it is one. */
export function productionDefaultAt(node: SyntaxNode): ProductionDefault | undefined {
  if (node.type === 'default_parameter' || node.type === 'typed_default_parameter') {
    const name = node.childForFieldName('name');
    return name && isEnvironmentName(name.text) ? productionLiteral(node.childForFieldName('value')) : undefined;
  }
  if (node.type === 'boolean_operator') {
    if (node.childForFieldName('operator')?.text !== 'or') return undefined;
    const literal = productionLiteral(node.childForFieldName('right'));
    const left = node.childForFieldName('left');
    if (!literal || !left) return undefined;
    const lookedUp = unwrap(left);
    if (lookedUp.type === 'identifier' || lookedUp.type === 'attribute') {
      return isEnvironmentName(lookedUp.text) ? literal : undefined;
    }
    if (lookedUp.type === 'call') {
      const key = lookupKey(lookedUp);
      return key !== undefined && (isEnvironmentName(key) || assignedToEnvironmentName(node)) ? { ...literal, programWide: readsSettings(lookedUp) } : undefined;
    }
    return undefined;
  }
  // `config.get("env", "prod")`, `os.environ.get("ENV", "prod")`, `os.getenv("ENV", default="prod")`.
  const key = lookupKey(node);
  if (key === undefined) return undefined;
  const args = callArguments(node);
  const fallback = args.keywords.get('default') ?? args.positional[1];
  const literal = productionLiteral(fallback, readsSettings(node));
  return literal && (isEnvironmentName(key) || assignedToEnvironmentName(node)) ? literal : undefined;
}

/** The string key of a lookup call such as `config.get("env")` or `os.getenv("ENV")`. */
function lookupKey(call: SyntaxNode): string | undefined {
  const fn = call.childForFieldName('function');
  if (!fn) return undefined;
  const method = fn.type === 'attribute' ? fn.childForFieldName('attribute')?.text : fn.type === 'identifier' ? fn.text : undefined;
  if (!method || !LOOKUP_METHODS.has(method)) return undefined;
  const args = callArguments(call);
  const keyNode = args.positional[0] ?? args.keywords.get('key');
  return keyNode ? stringValue(keyNode) : undefined;
}

function assignedToEnvironmentName(expression: SyntaxNode): boolean {
  const parent = expression.parent;
  if (parent?.type !== 'assignment' || parent.childForFieldName('right')?.id !== expression.id) return false;
  const left = parent.childForFieldName('left');
  return !!left && (left.type === 'identifier' || left.type === 'attribute') && isEnvironmentName(left.text);
}

const ENTRY_POINTS = ['tap.py', '__main__.py'];

/** A production default, placed in its file. */
interface PlacedDefault {
  value: string;
  path: string;
  /** 1-based line in the file. */
  line: number;
  programWide: boolean;
}

function describeDefault(found: PlacedDefault, from: string | undefined): string {
  return `default environment "${found.value}" ${found.path === from ? 'on' : `in ${found.path}`} line ${found.line}`;
}

/** Per review: what the settings and entry points say, and the production default each reviewed file holds. */
export interface ProductionState {
  /** A reason for every program; `null` when the configuration names another environment; undefined when each program decides. */
  readonly program: string | null | undefined;
  readonly defaults: Map<string, PlacedDefault>;
}

/**
 * Why every program under review deploys to production, when that holds for all of them: the
 * settings say so (config `environment`, a Pulumi.prod*.yaml stack file), or the project's entry
 * point (tap.py, __main__.py) defaults to a production environment. `null` when the configuration
 * names another environment (it wins over defaults in the code). An entry point under review is
 * read by the visitors; one outside the change is parsed here from its text.
 */
export function beginProduction(project: ProjectView, settings: ReviewSettings): ProductionState {
  const defaults = new Map<string, PlacedDefault>();
  if (settings.production) return { program: `environment "${settings.environment ?? 'production'}"`, defaults };
  if (settings.environment !== undefined) return { program: null, defaults };
  for (const path of ENTRY_POINTS) {
    if (project.files.some((file) => file.path === path)) continue;
    const text = project.readFile(path);
    const found = text === undefined ? undefined : programWideDefault(parsePython(text).rootNode);
    if (found) return { program: describeDefault({ value: found.value, path, line: found.node.startPosition.row + 1, programWide: true }, undefined), defaults };
  }
  return { program: undefined, defaults };
}

/** Visitors noting the first production default of each non-test file under review. */
export function productionDefaultVisitors(context: UnitContext<ProductionState>): Visitors {
  const { unit, state } = context;
  if (state.program !== undefined || unit.isTestFile) return {};
  const note = (node: SyntaxNode) => {
    if (state.defaults.get(unit.path)?.programWide) return;
    const found = productionDefaultAt(node);
    if (!found) return;
    const placed = { value: found.value, path: unit.path, line: unit.lineOffset + found.node.startPosition.row + 1, programWide: found.programWide };
    // The first default of the file, or its first program-wide one.
    const noted = state.defaults.get(unit.path);
    if (!noted || (!noted.programWide && placed.programWide)) state.defaults.set(unit.path, placed);
  };
  return Object.fromEntries(DEFAULT_NODES.map((type) => [type, note]));
}

/**
 * Why code in `path` deploys to production: the review-wide reason, else the program's entry
 * point's production default, else one in the file itself, else a program-wide one in another
 * file of its program (an args class's `environment_suffix="prod"` applies to every resource the
 * program creates). Undefined when nothing says production.
 */
export function productionReason(state: ProductionState, program: ProgramModel, path: string): string | undefined {
  if (state.program !== undefined) return state.program ?? undefined;
  const entry = ENTRY_POINTS.map((file) => state.defaults.get(file)).find((found) => found?.programWide && program.files.includes(found.path));
  if (entry) return describeDefault(entry, path);
  const own = state.defaults.get(path);
  if (own) return describeDefault(own, path);
  for (const file of program.files) {
    const found = state.defaults.get(file);
    if (found?.programWide) return describeDefault(found, path);
  }
  return undefined;
}
