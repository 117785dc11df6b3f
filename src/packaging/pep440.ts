/**
 * A small PEP 440 implementation: versions, their ordering, and specifier sets (`==`, `!=`,
 * `<`, `<=`, `>`, `>=`, `~=`, `===`, `.*` wildcards) turned into version ranges, so that two
 * pins of one package can be checked for overlap. Pre-release subtleties (`<3` excluding
 * `3.0.0rc1`) are ignored: pip does not pick pre-releases unless asked.
 */

export interface Version {
  epoch: number;
  release: number[];
  /** 0 = alpha, 1 = beta, 2 = release candidate. */
  pre?: [number, number];
  post?: number;
  dev?: number;
  local?: string;
}

// The regular expression PEP 440 gives in its appendix (case-insensitive, leading `v` allowed).
const VERSION_PATTERN =
  /^\s*v?(?:(?:(\d+)!)?(\d+(?:\.\d+)*)(?:[-_.]?(a|b|c|rc|alpha|beta|pre|preview)[-_.]?(\d+)?)?(?:(?:-(\d+))|(?:[-_.]?(post|rev|r)[-_.]?(\d+)?))?(?:[-_.]?(dev)[-_.]?(\d+)?)?)(?:\+([a-z0-9]+(?:[-_.][a-z0-9]+)*))?\s*$/i;

const PRE_KIND: Record<string, number> = { a: 0, alpha: 0, b: 1, beta: 1, c: 2, rc: 2, pre: 2, preview: 2 };

export function parseVersion(text: string): Version | undefined {
  const match = VERSION_PATTERN.exec(text);
  if (!match) return undefined;
  const [, epoch, release, preLabel, preNumber, postImplicit, postLabel, postNumber, devLabel, devNumber, local] = match;
  const version: Version = { epoch: epoch ? Number(epoch) : 0, release: (release ?? '0').split('.').map(Number) };
  if (preLabel) version.pre = [PRE_KIND[preLabel.toLowerCase()] ?? 0, preNumber ? Number(preNumber) : 0];
  if (postImplicit !== undefined) version.post = Number(postImplicit);
  else if (postLabel) version.post = postNumber ? Number(postNumber) : 0;
  if (devLabel) version.dev = devNumber ? Number(devNumber) : 0;
  if (local) version.local = local.toLowerCase();
  return version;
}

function compareNumbers(a: number, b: number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** PEP 440 ordering (local labels ignored): 1.0.dev0 < 1.0a1 < 1.0 < 1.0.post1. */
export function compareVersions(a: Version, b: Version): number {
  if (a.epoch !== b.epoch) return compareNumbers(a.epoch, b.epoch);
  const length = Math.max(a.release.length, b.release.length);
  for (let index = 0; index < length; index++) {
    const order = compareNumbers(a.release[index] ?? 0, b.release[index] ?? 0);
    if (order !== 0) return order;
  }
  const preKey = (v: Version): [number, number] => {
    if (v.pre) return v.pre;
    if (v.post === undefined && v.dev !== undefined) return [-Infinity, 0];
    return [Infinity, 0];
  };
  const [aPre, aPreNumber] = preKey(a);
  const [bPre, bPreNumber] = preKey(b);
  if (aPre !== bPre) return compareNumbers(aPre, bPre);
  if (aPreNumber !== bPreNumber) return compareNumbers(aPreNumber, bPreNumber);
  const postOrder = compareNumbers(a.post ?? -Infinity, b.post ?? -Infinity);
  if (postOrder !== 0) return postOrder;
  return compareNumbers(a.dev ?? Infinity, b.dev ?? Infinity);
}

export function formatVersion(version: Version): string {
  const epoch = version.epoch ? `${version.epoch}!` : '';
  const pre = version.pre ? `${['a', 'b', 'rc'][version.pre[0]]}${version.pre[1]}` : '';
  const post = version.post !== undefined ? `.post${version.post}` : '';
  const dev = version.dev !== undefined ? `.dev${version.dev}` : '';
  return `${epoch}${version.release.join('.')}${pre}${post}${dev}`;
}

export type Operator = '===' | '==' | '!=' | '<=' | '>=' | '~=' | '<' | '>';

export interface Specifier {
  operator: Operator;
  /** The version text as written (without `.*`). */
  version: string;
  /** `==1.2.*` / `!=1.2.*`. */
  wildcard: boolean;
}

const SPECIFIER = /^\s*(===|==|!=|<=|>=|~=|<|>)\s*(?:([^\s,;]+)\s*)?$/;

export type SpecifierParse = { ok: true; specifiers: Specifier[] } | { ok: false; reason: string };

/** Parses a comma-separated specifier set such as `>=3.0.0,<4.0.0`; empty text is no constraint. */
export function parseSpecifierSet(text: string): SpecifierParse {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, specifiers: [] };
  const specifiers: Specifier[] = [];
  for (const part of trimmed.split(',')) {
    const match = SPECIFIER.exec(part);
    if (!match) {
      if (/^\s*=\s*[^=]/.test(part)) return { ok: false, reason: '`=` is not a version operator; use `==`' };
      return { ok: false, reason: `\`${part.trim()}\` is not a version specifier` };
    }
    const operator = match[1] as Operator;
    let version = match[2] ?? '';
    if (version === '') return { ok: false, reason: `\`${operator}\` has no version` };
    if (operator === '===') {
      specifiers.push({ operator, version, wildcard: false });
      continue;
    }
    // A second operator glued to the version: `>=6.0.0<7.0.0`.
    if (/[<>=!~]/.test(version)) return { ok: false, reason: 'separate specifiers with a comma' };
    let wildcard = false;
    if (version.endsWith('.*')) {
      if (operator !== '==' && operator !== '!=') return { ok: false, reason: `\`${operator}\` does not take a \`.*\` wildcard` };
      wildcard = true;
      version = version.slice(0, -2);
    }
    const parsed = parseVersion(version);
    if (!parsed) return { ok: false, reason: `\`${version}\` is not a valid version` };
    if (wildcard && (parsed.pre || parsed.post !== undefined || parsed.dev !== undefined || parsed.local)) {
      return { ok: false, reason: `\`${version}.*\` is not a valid wildcard` };
    }
    if (operator === '~=' && parsed.release.length < 2) return { ok: false, reason: '`~=` needs at least two version parts (`~=3.0`)' };
    if (parsed.local && operator !== '==' && operator !== '!=') return { ok: false, reason: `\`${operator}\` does not allow a local version label` };
    specifiers.push({ operator, version, wildcard });
  }
  return { ok: true, specifiers };
}

export interface Bound {
  version: Version;
  inclusive: boolean;
}

/** The versions a specifier set allows: an interval minus some excluded points or prefixes. */
export interface VersionRange {
  lower?: Bound;
  upper?: Bound;
  excluded: Specifier[];
}

/** `1.2` -> `1.3`: the first version after every `1.2.*`. */
function bumpLast(release: number[]): Version {
  const next = release.slice();
  next[next.length - 1] = (next[next.length - 1] ?? 0) + 1;
  return { epoch: 0, release: next };
}

function tighterLower(a: Bound | undefined, b: Bound): Bound {
  if (!a) return b;
  const order = compareVersions(a.version, b.version);
  if (order !== 0) return order > 0 ? a : b;
  return a.inclusive ? b : a;
}

function tighterUpper(a: Bound | undefined, b: Bound): Bound {
  if (!a) return b;
  const order = compareVersions(a.version, b.version);
  if (order !== 0) return order < 0 ? a : b;
  return a.inclusive ? b : a;
}

/** The range allowed by every specifier (their intersection); unparseable versions are ignored. */
export function rangeOf(specifiers: readonly Specifier[]): VersionRange {
  const range: VersionRange = { excluded: [] };
  const lower = (bound: Bound) => (range.lower = tighterLower(range.lower, bound));
  const upper = (bound: Bound) => (range.upper = tighterUpper(range.upper, bound));
  for (const specifier of specifiers) {
    const version = parseVersion(specifier.version);
    if (!version) continue;
    switch (specifier.operator) {
      case '==':
      case '===':
        if (specifier.wildcard) {
          lower({ version: { epoch: version.epoch, release: version.release }, inclusive: true });
          upper({ version: { ...bumpLast(version.release), epoch: version.epoch }, inclusive: false });
        } else {
          lower({ version, inclusive: true });
          upper({ version, inclusive: true });
        }
        break;
      case '!=':
        range.excluded.push(specifier);
        break;
      case '>=':
        lower({ version, inclusive: true });
        break;
      case '>':
        lower({ version, inclusive: false });
        break;
      case '<=':
        upper({ version, inclusive: true });
        break;
      case '<':
        upper({ version, inclusive: false });
        break;
      case '~=':
        lower({ version, inclusive: true });
        upper({ version: { ...bumpLast(version.release.slice(0, -1)), epoch: version.epoch }, inclusive: false });
        break;
    }
  }
  return range;
}

function matchesExcluded(version: Version, specifier: Specifier): boolean {
  const excluded = parseVersion(specifier.version);
  if (!excluded) return false;
  if (!specifier.wildcard) return compareVersions(version, excluded) === 0;
  return excluded.release.every((part, index) => (version.release[index] ?? 0) === part) && version.epoch === excluded.epoch;
}

/** True when no version satisfies the range. */
export function isEmptyRange(range: VersionRange): boolean {
  const { lower, upper } = range;
  if (!lower || !upper) return false;
  const order = compareVersions(lower.version, upper.version);
  if (order > 0) return true;
  if (order === 0) {
    if (!lower.inclusive || !upper.inclusive) return true;
    return range.excluded.some((specifier) => matchesExcluded(lower.version, specifier));
  }
  return false;
}

export function intersect(a: VersionRange, b: VersionRange): VersionRange {
  const range: VersionRange = { excluded: [...a.excluded, ...b.excluded] };
  if (a.lower) range.lower = a.lower;
  if (b.lower) range.lower = tighterLower(range.lower, b.lower);
  if (a.upper) range.upper = a.upper;
  if (b.upper) range.upper = tighterUpper(range.upper, b.upper);
  return range;
}

export function satisfies(version: Version, specifiers: readonly Specifier[]): boolean {
  const range = rangeOf(specifiers);
  if (range.lower) {
    const order = compareVersions(version, range.lower.version);
    if (order < 0 || (order === 0 && !range.lower.inclusive)) return false;
  }
  if (range.upper) {
    const order = compareVersions(version, range.upper.version);
    if (order > 0 || (order === 0 && !range.upper.inclusive)) return false;
  }
  return !range.excluded.some((specifier) => matchesExcluded(version, specifier));
}

/** True when every version the range allows is below `limit` (pre-releases of `limit` aside). */
export function allBelow(range: VersionRange, limit: Version): boolean {
  if (!range.upper) return false;
  return compareVersions(range.upper.version, limit) < 0 || (compareVersions(range.upper.version, limit) === 0 && !range.upper.inclusive);
}

/** True when every version the range allows is at or above `limit`. */
export function allAtOrAbove(range: VersionRange, limit: Version): boolean {
  if (!range.lower) return false;
  return compareVersions(range.lower.version, limit) >= 0;
}

/** PEP 503 normalised project name: `PyYAML` -> `pyyaml`, `pulumi_aws` -> `pulumi-aws`. */
export function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}
