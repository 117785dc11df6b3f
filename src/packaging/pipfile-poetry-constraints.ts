/**
 * Version constraints written the Pipfile way (PEP 440 specifier sets, `*`) and the Poetry way
 * (`^1.2`, `~1.2`, bare `1.2.3`), turned into PEP 440 specifiers for the manifest readers.
 */
import { parseSpecifierSet, parseVersion, type Specifier } from './pep440.js';

/** Pipfile versions are PEP 440 specifier sets; `*` means any version. */
export function pipfileConstraint(value: string): Specifier[] | undefined {
  const trimmed = value.trim();
  if (trimmed === '*' || trimmed === '') return [];
  const parsed = parseSpecifierSet(trimmed);
  return parsed.ok ? parsed.specifiers : undefined;
}

/**
 * Poetry constraints: `^1.2.3`, `~1.2`, `1.2.*`, bare `1.2.3` (exact), `>=1,<2` (also with spaces).
 * Alternatives (`||`) are not modelled: undefined means "unknown".
 */
export function poetryConstraint(value: string): Specifier[] | undefined {
  const trimmed = value.trim();
  if (trimmed === '*' || trimmed === '') return [];
  if (trimmed.includes('||') || trimmed.includes('|')) return undefined;
  const parts = trimmed.split(/(?<!\s)\s*,\s*|(?<!\s)\s+(?=[<>=!~^])/).filter(Boolean);
  const specifiers: Specifier[] = [];
  for (const part of parts) {
    const caret = /^\^\s*(\S+)$/.exec(part);
    const tilde = /^~(?!=)\s*(\S+)$/.exec(part);
    if (caret || tilde) {
      const version = parseVersion((caret ?? tilde)?.[1] ?? '');
      if (!version) return undefined;
      const release = version.release;
      let upper: number[];
      if (caret) {
        const firstNonZero = release.findIndex((part) => part !== 0);
        const index = firstNonZero < 0 ? release.length - 1 : firstNonZero;
        upper = release.slice(0, index + 1);
      } else {
        upper = release.length === 1 ? release.slice(0, 1) : release.slice(0, 2);
      }
      upper[upper.length - 1] = (upper[upper.length - 1] ?? 0) + 1;
      specifiers.push({ operator: '>=', version: (caret ?? tilde)?.[1] ?? '', wildcard: false });
      specifiers.push({ operator: '<', version: upper.join('.'), wildcard: false });
      continue;
    }
    if (/^\d/.test(part)) {
      const wildcard = part.endsWith('.*');
      const version = wildcard ? part.slice(0, -2) : part;
      if (!parseVersion(version)) return undefined;
      specifiers.push({ operator: '==', version, wildcard });
      continue;
    }
    const parsed = parseSpecifierSet(part);
    if (!parsed.ok) return undefined;
    for (const specifier of parsed.specifiers) specifiers.push(specifier);
  }
  return specifiers;
}
