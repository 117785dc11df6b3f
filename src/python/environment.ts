/**
 * "Production default suffix": code that falls back to a production environment name when no
 * configuration is given, so an unconfigured `pulumi up` deploys production:
 *
 *   environment_suffix = config.get("environmentSuffix") or "prod"
 *   env = os.environ.get("ENVIRONMENT_SUFFIX", "production")
 *   def __init__(self, environment_suffix: str = "prod"): ...
 *
 * Shared by the rules that only apply in production (IAC202, IAC305).
 */
import type { ProjectView, ReviewedFile, ReviewSettings } from '../api/rule.js';
import { isProductionName } from '../api/environments.js';
import { parsePython, type SyntaxNode } from './parser.js';
import { callArguments } from './calls.js';
import { snakeKey, stringValue, unwrap } from './literal-values.js';
import { descendantsOfType } from '../syntax/walk.js';

export interface ProductionDefault {
  /** The production literal (`"prod"`). */
  node: SyntaxNode;
  value: string;
}

const ENVIRONMENT_NAME = /(^|_)(env|environment|stage|suffix)(_name|_suffix|_type)?$/;
const LOOKUP_METHODS = new Set(['get', 'get_secret', 'getenv', 'setdefault']);

/** True for names like `environment_suffix`, `environmentSuffix`, `ENV`, `stage`, `self.env`. */
export function isEnvironmentName(name: string): boolean {
  const last = name.split('.').pop() ?? name;
  return ENVIRONMENT_NAME.test(snakeKey(last));
}

const defaultsCache = new WeakMap<SyntaxNode, { found: ProductionDefault | undefined }>();

/** The first expression below `root` that defaults the environment to a production name (memoised per node: two rules ask). */
export function productionDefault(root: SyntaxNode): ProductionDefault | undefined {
  const cached = defaultsCache.get(root);
  if (cached) return cached.found;
  const found = findProductionDefault(root);
  defaultsCache.set(root, { found });
  return found;
}

function findProductionDefault(root: SyntaxNode): ProductionDefault | undefined {
  for (const node of descendantsOfType(root, ['boolean_operator', 'call', 'default_parameter', 'typed_default_parameter'])) {
    const found = productionDefaultAt(node);
    if (found) return found;
  }
  return undefined;
}

function productionLiteral(node: SyntaxNode | null | undefined): ProductionDefault | undefined {
  if (!node) return undefined;
  const value = stringValue(node);
  return value !== undefined && isProductionName(value) ? { node: unwrap(node), value } : undefined;
}

function productionDefaultAt(node: SyntaxNode): ProductionDefault | undefined {
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
      return key !== undefined && (isEnvironmentName(key) || assignedToEnvironmentName(node)) ? literal : undefined;
    }
    return undefined;
  }
  // `config.get("env", "prod")`, `os.environ.get("ENV", "prod")`, `os.getenv("ENV", default="prod")`.
  const key = lookupKey(node);
  if (key === undefined) return undefined;
  const args = callArguments(node);
  const fallback = args.keywords.get('default') ?? args.positional[1];
  const literal = productionLiteral(fallback);
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

function describeDefault(found: ProductionDefault, lineOffset: number, path?: string): string {
  const line = lineOffset + found.node.startPosition.row + 1;
  return `default environment "${found.value}" ${path ? `in ${path} ` : 'on '}line ${line}`;
}

/**
 * Why every non-test unit under review deploys to production, when that holds for the whole
 * program: the settings say so (config `environment`, a Pulumi.prod*.yaml stack file), or the
 * program's entry point (tap.py, __main__.py) defaults to a production environment. `null`
 * when the configuration names another environment (it wins over defaults in the code);
 * `undefined` when each file decides for itself (`fileProductionReason`). Reads texts, not
 * parsed units, so a rule can ask before the engine parses anything.
 */
export function programProductionReason(project: ProjectView, settings: ReviewSettings): string | null | undefined {
  if (settings.production) return `environment "${settings.environment ?? 'production'}"`;
  if (settings.environment !== undefined) return null;
  for (const path of ENTRY_POINTS) {
    const reviewed = project.files.find((file) => file.path === path);
    const text = reviewed ? reviewed.text : project.readFile(path);
    const found = text === undefined ? undefined : productionDefault(parsePython(text).rootNode);
    if (found) return describeDefault(found, 0, path);
  }
  return undefined;
}

/** Why a file's units deploy to production when the file itself holds a production default. */
export function fileProductionReason(file: ReviewedFile): string | undefined {
  for (const unit of file.units) {
    const found = productionDefault(unit.root);
    if (found) return describeDefault(found, unit.lineOffset);
  }
  return undefined;
}
