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

// Each quantifier can only stop where the next part starts (`\s*(?:\[...\]\s*)?`, not `\s*(?:...)?\s*`):
// patterns over manifest lines must not backtrack super-linearly on a long line.
const PEP508_PULUMI = /^pulumi(?![\w.-])\s*(?:\[[^\]]*\]\s*)?([<>=!~][^;#]*)/i;
const PEP621_PULUMI = /["'](pulumi(?![\w.-])\s*(?:\[[^\]]*\]\s*)?([<>=!~][^"';]*)(?:;[^"']*)?)["']/gi;

/** The line without its `#` comment (a `#` at the start or after whitespace). */
function stripComment(line: string): string {
  const index = line.search(/(?:^|\s)#/);
  return index < 0 ? line : line.slice(0, index);
}

const PULUMI_KEY = /^(\s*)pulumi\s*=\s*/;
const QUOTED_VALUE = /^(?:"([^"]*)"|'([^']*)')/;
const VERSION_WORD = /\bversion/g;
const VERSION_VALUE = /\bversion\s*=\s*["']([^"']*)["']/y;

/**
 * `pulumi = "^2.0"`, `pulumi = '<3'` or `pulumi = {..., version = "<3", ...}`: the text from
 * `pulumi` to the closing quote or brace, and the version. In a table the last `version = "..."`
 * before the first `}` counts (as a greedy `\{[^}]*\bversion...` would read it); each candidate
 * is tried once, so a long unclosed table costs linear time instead of quadratic.
 */
function keyedPin(line: string): { column: number; shown: string; spec: string } | undefined {
  const key = PULUMI_KEY.exec(line);
  if (!key) return undefined;
  const indent = key[1] ?? '';
  const rest = line.slice(key[0].length);
  const shownFrom = (end: number) => line.slice(indent.length, key[0].length + end);
  const quoted = QUOTED_VALUE.exec(rest);
  if (quoted) return { column: indent.length + 1, shown: shownFrom(quoted[0].length), spec: quoted[1] ?? quoted[2] ?? '' };
  const firstBrace = rest.indexOf('}');
  const lastBrace = rest.lastIndexOf('}');
  if (!rest.startsWith('{') || firstBrace < 0) return undefined;
  const starts = [...rest.slice(0, firstBrace).matchAll(VERSION_WORD)].map((match) => match.index);
  for (let position = starts.length - 1; position >= 0; position--) {
    VERSION_VALUE.lastIndex = starts[position] as number;
    const version = VERSION_VALUE.exec(rest);
    if (!version || lastBrace < VERSION_VALUE.lastIndex) continue;
    return { column: indent.length + 1, shown: shownFrom(rest.indexOf('}', VERSION_VALUE.lastIndex) + 1), spec: version[1] ?? '' };
  }
  return undefined;
}

function requirementsPins(text: string): PulumiPin[] {
  const pins: PulumiPin[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = stripComment(raw);
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
    const line = stripComment(raw);
    const keyed = keyedPin(line);
    if (keyed) {
      const { column, shown, spec } = keyed;
      pins.push({ line: index + 1, column, endColumn: column + shown.length, spec, text: shown });
      return;
    }
    if (!pyproject) return;
    for (const quoted of line.matchAll(PEP621_PULUMI)) {
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
  return alternatives.every((alternative) => alternative.split(/,|(?<!\s)\s+(?=[<>=!~^])/).some((clause) => clauseCapsBelowThree(clause.trim())));
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
