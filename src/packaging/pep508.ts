/**
 * PEP 508 requirement strings (`name[extras] specifiers ; marker`, `name @ url`), as written in
 * requirements files, `[project] dependencies`, dependency groups and setup.py. Shared by the
 * manifest readers of python-manifests.ts.
 */
import { parseSpecifierSet, type Specifier } from './pep440.js';

export type RequirementParse =
  | { kind: 'requirement'; name: string; extras: string[]; specifiers: Specifier[]; constraintKnown: boolean; marker?: string }
  | { kind: 'invalid'; reason: string }
  /** Cannot be read statically (URL without `#egg=`, environment variables). */
  | { kind: 'unknown' };

const NAME = /^([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)/;
const URL_OR_PATH = /^(?:[a-z][a-z0-9+.-]*:\/\/|[a-z]+\+[a-z]+:|file:|\.{1,2}(?:\/|$)|\/|~)/i;
const ARCHIVE = /\.(whl|tar\.gz|tgz|zip|tar\.bz2)$/i;

/** The project name of a URL's `#egg=name` fragment. */
export function eggName(text: string): string | undefined {
  // What `/#(?:.*&)?egg=(NAME)/` finds, without its quadratic backtracking over a line of `#`s:
  // on the first line with a `#`, the last `&egg=` after that `#`, else the first `#egg=`.
  for (const line of text.split(/[\n\r\u2028\u2029]/)) {
    const hash = line.indexOf('#');
    if (hash < 0) continue;
    let found: string | undefined;
    for (const match of line.slice(hash).matchAll(/[#&]egg=([A-Za-z0-9][A-Za-z0-9._-]*)/g)) {
      if (match[0].startsWith('&')) found = match[1];
      else found ??= match[1];
    }
    if (found) return found;
  }
  return undefined;
}

/** Parses one PEP 508 requirement (`name[extras] specifiers ; marker` or `name @ url`). */
export function parseRequirement(raw: string): RequirementParse {
  const text = raw.trim();
  if (text.includes('${')) return { kind: 'unknown' };
  if (URL_OR_PATH.test(text) || ARCHIVE.test(text.split(/[;#\s]/)[0] ?? '')) {
    const name = eggName(text);
    return name ? { kind: 'requirement', name, extras: [], specifiers: [], constraintKnown: false } : { kind: 'unknown' };
  }
  const nameMatch = NAME.exec(text);
  if (!nameMatch) return { kind: 'invalid', reason: 'it does not start with a package name' };
  const name = nameMatch[1] as string;
  let rest = text.slice(name.length).trimStart();
  const extras: string[] = [];
  if (rest.startsWith('[')) {
    const close = rest.indexOf(']');
    if (close < 0) return { kind: 'invalid', reason: 'the `[extras]` list is not closed' };
    for (const extra of rest.slice(1, close).split(',')) {
      const trimmed = extra.trim();
      if (trimmed === '') continue;
      if (!NAME.test(trimmed) || NAME.exec(trimmed)?.[1] !== trimmed) return { kind: 'invalid', reason: `\`${trimmed}\` is not a valid extra name` };
      extras.push(trimmed);
    }
    rest = rest.slice(close + 1).trimStart();
  }
  if (rest.startsWith('@')) {
    const marker = splitMarker(rest.slice(1)).marker;
    return { kind: 'requirement', name, extras, specifiers: [], constraintKnown: false, ...(marker ? { marker } : {}) };
  }
  const { spec, marker } = splitMarker(rest);
  let specText = spec.trim();
  if (specText.startsWith('(') && specText.endsWith(')')) specText = specText.slice(1, -1);
  const parsed = parseSpecifierSet(specText);
  if (!parsed.ok) return { kind: 'invalid', reason: parsed.reason };
  return { kind: 'requirement', name, extras, specifiers: parsed.specifiers, constraintKnown: true, ...(marker ? { marker } : {}) };
}

function splitMarker(text: string): { spec: string; marker: string | undefined } {
  const index = text.indexOf(';');
  if (index < 0) return { spec: text, marker: undefined };
  return { spec: text.slice(0, index), marker: text.slice(index + 1).trim() || undefined };
}
