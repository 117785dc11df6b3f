/**
 * Which version of a Python distribution a project pins, read from its manifests:
 * requirements*.txt, Pipfile, pyproject.toml (PEP 621 and Poetry) and setup.py. Line-based
 * on purpose: manifests in AI-generated answers are often slightly broken, and all we need is
 * the specifier next to one distribution name.
 */
import { normalizeName } from './pep440.js';
import type { ProjectView } from '../api/rule.js';
import { MAJOR_PINNING_OPERATORS, readVersionClause } from './version-clauses.js';

export interface DependencyPin {
  /** Manifest path the pin was read from. */
  path: string;
  /** 1-based line of the pin. */
  line: number;
  /** The specifier as written (`>=6.0.0,<7.0.0`, `^6.5`, `==7.2.0`, `*`). */
  specifier: string;
  /** The major version pip/poetry would install, when the specifier decides it. */
  major: number | undefined;
  /** The lowest version the specifier allows, when it names one (`>=6.5` -> 6.5). */
  minimum: string | undefined;
}

const MANIFEST = /(^|\/)(requirements[^/]*\.txt|Pipfile|pyproject\.toml|setup\.py)$/;
const ORDER = ['requirements.txt', 'pyproject.toml', 'Pipfile', 'setup.py'];

/** PEP 503 normalisation: `Pulumi_AWS` and `pulumi-aws` are the same distribution. */
export function normalizeDistribution(name: string): string {
  return normalizeName(name);
}

interface Clause {
  operator: string;
  /** Up to three release numbers: `6.5.0` of `6.5.0rc1`, `6` of `6.*`. */
  parts: number[];
}

/** A clause as pep440.ts reads it (version-clauses.ts), else as `lenientClause` does. */
function readClause(clause: string): Clause | undefined {
  const read = readVersionClause(clause);
  return read ? { operator: read.operator, parts: read.version.release.slice(0, 3) } : lenientClause(clause);
}

/**
 * Clauses pep440.ts does not read (`>=6.0.0<7.0.0`, `~=6`, `>=6.*`, `6.x`, `>=6 --hash=...`): the
 * operator and the release numbers at the start of the version, anything after them ignored.
 */
function lenientClause(clause: string): Clause | undefined {
  const match = /^(===|==|~=|!=|<=|>=|<|>|\^|~|=)?\s*(.+)$/.exec(clause);
  if (!match) return undefined;
  const version = /^v?(\d+)(?:\.(\d+|\*))?(?:\.(\d+|\*))?/.exec((match[2] ?? '').trim());
  if (!version) return undefined;
  const parts = [version[1], version[2], version[3]].filter((part): part is string => part !== undefined && part !== '*').map(Number);
  return { operator: match[1] ?? '==', parts };
}

/**
 * The major version a specifier resolves to: exact and compatible-release pins name it
 * (`==6.5.0`, `~=6.5`, `^6`, `6.*`); otherwise an upper bound decides, since installers pick
 * the newest allowed version (`>=6,<7` -> 6, `<=6.9` -> 6). A lower bound alone (`>=6`) or `*`
 * lets the newest release in, which is not known here.
 */
export function specifierMajor(specifier: string): { major: number | undefined; minimum: string | undefined } {
  const clauses = specifier.split(',').map((clause) => clause.trim()).filter(Boolean);
  let major: number | undefined;
  let upper: number | undefined;
  let minimum: string | undefined;
  for (const text of clauses) {
    const clause = readClause(text);
    if (!clause || clause.parts[0] === undefined) continue;
    const first = clause.parts[0];
    const version = clause.parts.join('.');
    if (MAJOR_PINNING_OPERATORS.has(clause.operator)) {
      major = first;
      minimum = version;
      continue;
    }
    switch (clause.operator) {
      case '>=':
      case '>':
        minimum = version;
        break;
      case '<':
        upper = clause.parts.slice(1).every((part) => part === 0) ? first - 1 : first;
        break;
      case '<=':
        upper = first;
        break;
      default:
        break;
    }
  }
  return { major: major ?? upper, minimum };
}

function stripComment(line: string): string {
  const index = line.search(/(^|\s)#/);
  return index === -1 ? line : line.slice(0, index);
}

/** The specifier for `distribution` on one manifest line, if the line names it. */
function specifierOnLine(line: string, distribution: string, kind: 'requirements' | 'toml' | 'python'): string | undefined {
  // The name must end there: `pulumi-aws` is not `pulumi-awsx`.
  const name = `${distribution.split('-').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[-_.]+')}(?![\\w.-])`;
  if (kind === 'requirements') {
    const match = new RegExp(`^\\s*${name}\\s*(?:\\[[^\\]]*\\])?\\s*([^;]*)`, 'i').exec(stripComment(line));
    return match ? (match[1] ?? '').trim() : undefined;
  }
  // A quoted requirement string: `"pulumi-aws>=6,<7"` (PEP 621 arrays, setup.py install_requires).
  const quoted = new RegExp(`["']${name}\\s*(?:\\[[^\\]]*\\])?\\s*([^"';]*)[^"']*["']`, 'i').exec(line);
  if (quoted) return (quoted[1] ?? '').trim();
  if (kind === 'toml') {
    // `pulumi-aws = "^6.0"` (Poetry, Pipfile) or `pulumi-aws = { version = ">=6" }`.
    const table = new RegExp(`^\\s*["']?${name}["']?\\s*=\\s*(.+)$`, 'i').exec(stripComment(line));
    if (table) {
      const value = table[1] ?? '';
      const version = /version\s*=\s*["']([^"']*)["']/.exec(value) ?? /^["']([^"']*)["']/.exec(value.trim());
      return version ? (version[1] ?? '').trim() : '';
    }
  }
  return undefined;
}

function manifestKind(path: string): 'requirements' | 'toml' | 'python' {
  if (path.endsWith('.txt')) return 'requirements';
  if (path.endsWith('.py')) return 'python';
  return 'toml';
}

function manifestRank(path: string): [number, number, string] {
  const base = path.split('/').pop() ?? path;
  const order = ORDER.indexOf(base);
  return [path.split('/').length, order === -1 ? ORDER.length : order, path];
}

/**
 * The project's pin of `distribution` (`pulumi-aws`), from the shallowest manifest that names it
 * (requirements.txt before pyproject.toml, Pipfile and setup.py at the same depth).
 */
export function findDependencyPin(project: ProjectView, distribution: string): DependencyPin | undefined {
  const wanted = normalizeDistribution(distribution);
  const manifests = project.paths.filter((path) => MANIFEST.test(path)).sort((a, b) => {
    const [depthA, orderA, pathA] = manifestRank(a);
    const [depthB, orderB, pathB] = manifestRank(b);
    return depthA - depthB || orderA - orderB || pathA.localeCompare(pathB);
  });
  for (const path of manifests) {
    const text = project.readFile(path);
    if (text === undefined) continue;
    const kind = manifestKind(path);
    const lines = text.split(/\r?\n/);
    for (let index = 0; index < lines.length; index++) {
      const specifier = specifierOnLine(lines[index] ?? '', wanted, kind);
      if (specifier === undefined) continue;
      return { path, line: index + 1, specifier: specifier || '*', ...specifierMajor(specifier) };
    }
  }
  return undefined;
}
