/**
 * package.json as a dependency manifest (TypeScript projects): the `dependencies`,
 * `devDependencies` and `peerDependencies` entries with the line each sits on, and whether the
 * range is one npm can read. Ranges are npm's semver ranges (the `semver` package, npm's own).
 */
import semver from 'semver';

export interface PackageJsonDependency {
  name: string;
  range: string;
  /** Which table it is in. */
  table: 'dependencies' | 'devDependencies' | 'peerDependencies' | 'optionalDependencies';
  /** 1-based line and columns of the entry, for findings. */
  line: number;
  column: number;
  endColumn: number;
  text: string;
  /** npm reads it as a semver range (`^6.0.0`, `>=3 <4`, `6.x`); URLs, tags and workspace links are not ranges but valid. */
  isRange: boolean;
  /** Something npm cannot install from at all. */
  invalid: boolean;
}

export interface PackageJsonManifest {
  dependencies: PackageJsonDependency[];
  parseError?: string;
}

const TABLES = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'] as const;
/** Specifiers that are not semver ranges but name a source npm understands. */
const NON_RANGE = /^(https?:|git(\+\w+)?:|github:|gitlab:|bitbucket:|file:|link:|workspace:|npm:|[\w.-]+\/[\w.-]+(#.*)?$|latest$|next$|beta$|canary$|\*$)/;

export function parsePackageJson(text: string): PackageJsonManifest {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { dependencies: [], parseError: (error as Error).message };
  }
  if (typeof parsed !== 'object' || parsed === null) return { dependencies: [], parseError: 'not a JSON object' };
  const lines = text.split('\n');
  const dependencies: PackageJsonDependency[] = [];
  for (const table of TABLES) {
    const entries = (parsed as Record<string, unknown>)[table];
    if (typeof entries !== 'object' || entries === null) continue;
    // Entries come in the order they are written: each search starts where the last one ended.
    let cursor = Math.max(0, lines.findIndex((line) => line.includes(`"${table}"`)));
    for (const [name, value] of Object.entries(entries as Record<string, unknown>)) {
      if (typeof value !== 'string') continue;
      const found = locate(lines, cursor, name);
      if (found.line > 1) cursor = found.line - 1;
      const isRange = semver.validRange(value) !== null;
      dependencies.push({ name, range: value, table, ...found, isRange, invalid: !isRange && !NON_RANGE.test(value.trim()) });
    }
  }
  return { dependencies };
}

/** Where `"name": ...` sits, searching from line `from` on. */
function locate(lines: readonly string[], from: number, name: string): { line: number; column: number; endColumn: number; text: string } {
  const key = `"${name}"`;
  for (let index = from; index < lines.length; index++) {
    const column = (lines[index] as string).indexOf(key);
    if (column < 0) continue;
    const text = (lines[index] as string).trim().replace(/,$/, '');
    return { line: index + 1, column: column + 1, endColumn: (lines[index] as string).trimEnd().length + 1, text };
  }
  return { line: 1, column: 1, endColumn: 1, text: key };
}

/** Two ranges no single version satisfies. */
export function disjoint(a: string, b: string): boolean {
  try {
    return !semver.intersects(a, b);
  } catch {
    return false;
  }
}

/** Every version the range allows is below `major`.0.0, or every one is at or above it; undefined when it straddles. */
export function majorSide(range: string, major: number): 'below' | 'at-or-above' | undefined {
  try {
    const threshold = `${major}.0.0`;
    if (!semver.intersects(range, `>=${threshold}`)) return 'below';
    if (!semver.intersects(range, `<${threshold}`)) return 'at-or-above';
  } catch {
    return undefined;
  }
  return undefined;
}
