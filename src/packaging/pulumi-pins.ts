/**
 * Where a manifest pins `pulumi` itself, and whether the pin keeps it below 3 (IAC402): the
 * `pulumi` lines of requirements*.txt, Pipfile and pyproject.toml (Poetry tables and PEP 621
 * arrays), with their positions. Line-based, like dependency-pins.ts, because manifests in
 * AI-generated answers are often slightly broken.
 */
import { MAJOR_PINNING_OPERATORS, readVersionClause } from './version-clauses.js';

export interface PulumiPin {
  line: number;
  column: number;
  endColumn: number;
  spec: string;
  text: string;
}

const PEP508_PULUMI = /^pulumi(?![\w.-])\s*(?:\[[^\]]*\])?\s*([<>=!~][^;#]*)/i;

function requirementsPins(text: string): PulumiPin[] {
  const pins: PulumiPin[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.replace(/(^|\s)#.*$/, '');
    const column = line.length - line.trimStart().length;
    const match = PEP508_PULUMI.exec(line.trimStart());
    if (!match) return;
    const shown = line.trim();
    pins.push({ line: index + 1, column: column + 1, endColumn: column + shown.length + 1, spec: match[1] ?? '', text: shown });
  });
  return pins;
}

/** `pulumi = "^2.0"` / `pulumi = {version = "<3"}` (Pipfile, Poetry) and `"pulumi>=2,<3"` in PEP 621 arrays. */
function tomlPins(text: string, pyproject: boolean): PulumiPin[] {
  const pins: PulumiPin[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.replace(/(^|\s)#.*$/, '');
    const keyed = /^(\s*)(pulumi\s*=\s*(?:"([^"]*)"|'([^']*)'|\{[^}]*\bversion\s*=\s*["']([^"']*)["'][^}]*\}))/.exec(line);
    if (keyed) {
      const column = (keyed[1]?.length ?? 0) + 1;
      const shown = keyed[2] ?? '';
      pins.push({ line: index + 1, column, endColumn: column + shown.length, spec: keyed[3] ?? keyed[4] ?? keyed[5] ?? '', text: shown });
      return;
    }
    if (!pyproject) return;
    for (const quoted of line.matchAll(/["'](pulumi(?![\w.-])\s*(?:\[[^\]]*\])?\s*([<>=!~][^"';]*)[^"']*)["']/gi)) {
      const column = quoted.index + 2;
      const shown = quoted[1] ?? '';
      pins.push({ line: index + 1, column, endColumn: column + shown.length, spec: quoted[2] ?? '', text: shown });
    }
  });
  return pins;
}

/**
 * True when a version specifier (PEP 440 or Poetry) allows no version 3 or later: every
 * `||` alternative has a clause that caps the major version below 3.
 */
export function capsBelowThree(spec: string): boolean {
  const alternatives = spec.split('||').map((part) => part.trim()).filter(Boolean);
  if (alternatives.length === 0) return false;
  return alternatives.every((alternative) => alternative.split(/,|\s+(?=[<>=!~^])/).some((clause) => clauseCapsBelowThree(clause.trim())));
}

function clauseCapsBelowThree(text: string): boolean {
  const clause = readClause(text);
  if (!clause) return false;
  if (MAJOR_PINNING_OPERATORS.has(clause.operator)) return clause.major < 3;
  switch (clause.operator) {
    case '<=':
      return clause.major < 3;
    case '<':
      return clause.major < 3 || (clause.major === 3 && clause.restIsZero);
    default:
      return false;
  }
}

interface Clause {
  operator: string;
  major: number;
  /** Every release number after the major is 0 (`3`, `3.0.0`; not `3.1`, `3.*`). */
  restIsZero: boolean;
}

/** A clause as pep440.ts reads it (version-clauses.ts), else as `lenientClause` does. */
function readClause(text: string): Clause | undefined {
  const read = readVersionClause(text);
  if (!read) return lenientClause(text);
  const [major = 0, ...rest] = read.version.release;
  return { operator: read.operator, major, restIsZero: !read.wildcard && rest.every((part) => part === 0) };
}

/** Clauses pep440.ts does not read (`~=2`, `<3.*`, `2.x`, `>=2.0<3`): the operator and the release numbers at the start of the version. */
function lenientClause(clause: string): Clause | undefined {
  const match = /^(===|==|~=|<=|>=|!=|<|>|\^|~|=)?\s*v?(\d+)((?:\.(?:\d+|\*))*)/.exec(clause);
  if (!match) return undefined;
  const rest = (match[3] ?? '').split('.').filter(Boolean);
  return { operator: match[1] ?? '==', major: Number(match[2]), restIsZero: rest.every((part) => part === '0') };
}

/** The `pulumi` pins of a requirements*.txt, Pipfile or pyproject.toml text. */
export function pulumiPins(path: string, text: string): PulumiPin[] {
  const base = path.split('/').pop() ?? path;
  return base.startsWith('requirements') ? requirementsPins(text) : tomlPins(text, base === 'pyproject.toml');
}
