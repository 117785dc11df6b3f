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
  const operator = /^(?:===|==|~=|!=|<=|>=|<|>|\^|~|=)/.exec(clause)?.[0];
  const rest = clause.slice(operator?.length ?? 0).trim();
  if (LINE_BREAK.test(rest)) return undefined;
  const version = /^v?(\d+)(?:\.(\d+|\*))?(?:\.(\d+|\*))?/.exec(rest);
  if (!version) return undefined;
  const parts = [version[1], version[2], version[3]].filter((part): part is string => part !== undefined && part !== '*').map(Number);
  return { operator: operator ?? '==', parts };
}

const LINE_BREAK = /[\n\r\u2028\u2029]/;

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

/** The patterns that find one distribution's name on a manifest line (built once per search). */
interface NamePatterns {
  /** `name [extras] specifier` at the start of a requirements line. */
  requirement: RegExp;
  /** A quote and the name: the start of a quoted requirement string. */
  quoted: RegExp;
  /** `name =` (or `"name" =`) at the start of a TOML line. */
  key: RegExp;
}

function namePatterns(distribution: string): NamePatterns {
  // The name must end there: `pulumi-aws` is not `pulumi-awsx`.
  const name = `${distribution.split('-').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[-_.]+')}(?![\\w.-])`;
  return {
    requirement: new RegExp(`^\\s*${name}\\s*(?:\\[[^\\]]*\\]\\s*)?([^;]*)`, 'i'),
    quoted: new RegExp(`["']${name}`, 'gi'),
    key: new RegExp(`^\\s*["']?${name}["']?\\s*=`, 'i'),
  };
}

/**
 * `"pulumi-aws>=6,<7"` (PEP 621 arrays, setup.py install_requires): after the quote and the name,
 * optional `[extras]`, then the specifier up to a quote or `;`, and a closing quote somewhere
 * after it. Read step by step: as one pattern (`\s*(...)?\s*([^"';]*)[^"']*["']`) an unclosed
 * string backtracked in time cubic in its length.
 */
function quotedSpecifier(line: string, quoted: RegExp): string | undefined {
  for (const match of line.matchAll(quoted)) {
    let rest = line.slice(match.index + match[0].length);
    const extras = /^\s*\[[^\]]*\]/.exec(rest);
    if (extras && /["']/.test(rest.slice(extras[0].length))) rest = rest.slice(extras[0].length);
    const specifier = /^\s*([^"';]*)/.exec(rest)?.[1] ?? '';
    // Once no quote follows the name, none follows a later one either.
    if (!/["']/.test(rest.slice(rest.length - rest.trimStart().length + specifier.length))) return undefined;
    return specifier.trim();
  }
  return undefined;
}

/** The specifier for a distribution on one manifest line, if the line names it. */
function specifierOnLine(line: string, patterns: NamePatterns, kind: 'requirements' | 'toml' | 'python'): string | undefined {
  if (kind === 'requirements') {
    const match = patterns.requirement.exec(stripComment(line));
    return match ? (match[1] ?? '').trim() : undefined;
  }
  const quoted = quotedSpecifier(line, patterns.quoted);
  if (quoted !== undefined) return quoted;
  if (kind === 'toml') {
    // `pulumi-aws = "^6.0"` (Poetry, Pipfile) or `pulumi-aws = { version = ">=6" }`.
    const uncommented = stripComment(line);
    const key = patterns.key.exec(uncommented);
    const after = key ? uncommented.slice(key[0].length) : '';
    const value = after.trimStart();
    // As `=\s*(.+)$` read it: something after the `=` on this line.
    if (key && !LINE_BREAK.test(value) && (value !== '' || /[^\S\n\r\u2028\u2029]$/.test(after))) {
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
  const patterns = namePatterns(wanted);
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
      const specifier = specifierOnLine(lines[index] ?? '', patterns, kind);
      if (specifier === undefined) continue;
      return { path, line: index + 1, specifier: specifier || '*', ...specifierMajor(specifier) };
    }
  }
  return undefined;
}
