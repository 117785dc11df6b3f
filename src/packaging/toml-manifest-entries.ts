/**
 * Reading dependency tables out of TOML manifests (Pipfile, pyproject.toml) for
 * toml-manifests.ts: parsing the text, the two entry styles (`name = constraint` tables and lists
 * of PEP 508 strings), and finding the line each entry is written on, which the TOML parser
 * does not report.
 */
import { parse as parseToml } from 'smol-toml';
import { emptyManifest, entry, type Manifest, type ManifestKind } from './manifest-model.js';
import { normalizeName, type Specifier } from './pep440.js';
import { parseRequirement } from './pep508.js';
import { getOrCompute } from '../syntax/memo-table.js';

export type TomlTable = Record<string, unknown>;

export function isTable(value: unknown): value is TomlTable {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

interface Place {
  line: number;
  column: number;
  endColumn: number;
}

/**
 * Where each key (`name =` at the start of a line) and each quoted string is written, built in
 * one pass over the lines: looking every entry up by scanning the lines from its section was
 * quadratic in a manifest with thousands of dependencies.
 */
interface LineIndex {
  keys: Map<string, Place[]>;
  strings: Map<string, Place[]>;
}

const KEY = /^\s*(?:"([^"]*)"|'([^']*)'|([^\s=]+))\s*=/;
const QUOTED = /"([^"]*)"|'([^']*)'/g;
const lineIndexes = new WeakMap<readonly string[], LineIndex>();

function lineIndex(lines: readonly string[]): LineIndex {
  return getOrCompute(lineIndexes, lines, () => {
    const index: LineIndex = { keys: new Map(), strings: new Map() };
    const add = (map: Map<string, Place[]>, text: string, place: Place) => {
      const places = map.get(text);
      if (places) places.push(place);
      else map.set(text, [place]);
    };
    lines.forEach((line, row) => {
      const key = KEY.exec(line);
      if (key) add(index.keys, key[1] ?? key[2] ?? key[3] ?? '', { line: row + 1, column: 1, endColumn: 1 + key[0].length });
      for (const quoted of line.matchAll(QUOTED)) {
        add(index.strings, quoted[1] ?? quoted[2] ?? '', { line: row + 1, column: quoted.index + 1, endColumn: quoted.index + 1 + quoted[0].length });
      }
    });
    return index;
  });
}

/** The first place at or after `fromLine` (1-based; places are in line order), else the first anywhere, else line 1. */
function locate(lines: readonly string[], places: readonly Place[] | undefined, fromLine = 1): Place {
  if (!places) return { line: 1, column: 1, endColumn: (lines[0]?.length ?? 0) + 1 };
  let low = 0;
  let high = places.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((places[middle] as Place).line < fromLine) low = middle + 1;
    else high = middle;
  }
  return (places[low] ?? places[0]) as Place;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The 1-based line of a `[section]` header, or 1 when it is not written as a header. */
function sectionLine(lines: readonly string[], section: string): number {
  const pattern = new RegExp(`^\\s*\\[\\s*${section.split('.').map((part) => `["']?${escapeRegExp(part)}["']?`).join('\\s*\\.\\s*')}\\s*\\]`);
  const index = lines.findIndex((line) => pattern.test(line));
  return index < 0 ? 1 : index + 1;
}

export function parseTomlText(path: string, kind: ManifestKind, text: string): { table: TomlTable } | { manifest: Manifest } {
  try {
    return { table: parseToml(text) as TomlTable };
  } catch (error) {
    const manifest = emptyManifest(path, kind);
    manifest.opaque = true;
    manifest.declaresDependencies = true;
    manifest.parseError = ((error as Error).message.split('\n')[0] ?? 'invalid TOML').replace(/^Invalid TOML document:\s*/, '');
    const line = (error as { line?: unknown }).line;
    if (typeof line === 'number' && line > 0) manifest.parseErrorLine = line;
    return { manifest };
  }
}

/** Adds `name = constraint` entries (Pipfile and Poetry style) of one table. */
export function addKeyedEntries(
  manifest: Manifest,
  lines: readonly string[],
  table: TomlTable,
  section: string,
  constraint: (value: string) => Specifier[] | undefined,
): void {
  const start = sectionLine(lines, section);
  for (const [name, value] of Object.entries(table)) {
    if (name.toLowerCase() === 'python') continue;
    const where = locate(lines, lineIndex(lines).keys.get(name), start);
    const written = (lines[where.line - 1] ?? name).trim();
    let specifiers: Specifier[] = [];
    let known = false;
    let marker: string | undefined;
    let extras: string[] = [];
    if (typeof value === 'string') {
      const parsed = constraint(value);
      if (parsed) {
        specifiers = parsed;
        known = true;
      }
    } else if (isTable(value)) {
      if (typeof value.version === 'string') {
        const parsed = constraint(value.version);
        if (parsed) {
          specifiers = parsed;
          known = true;
        }
      } else if (!('git' in value) && !('path' in value) && !('file' in value) && !('url' in value)) {
        known = true; // `{extras = [...]}` without a version: any version
      }
      if (typeof value.markers === 'string') marker = value.markers;
      if (typeof value.python === 'string' || typeof value.platform === 'string' || typeof value.sys_platform === 'string') marker = marker ?? 'python/platform restricted';
      if (Array.isArray(value.extras)) extras = value.extras.filter((extra): extra is string => typeof extra === 'string');
    } else if (Array.isArray(value)) {
      marker = 'multiple constraints'; // Poetry's per-environment constraint list
    }
    manifest.requirements.push({
      name,
      normalized: normalizeName(name),
      extras,
      specifiers,
      constraintKnown: known,
      ...(marker ? { marker } : {}),
      text: written.length > 0 ? written : name,
      line: where.line,
      column: where.column,
      endColumn: where.column + written.length,
      section,
    });
  }
}

/** Adds PEP 508 string entries (`[project] dependencies`, dependency groups, PDM/uv lists). */
export function addStringEntries(manifest: Manifest, lines: readonly string[], values: unknown, section: string): void {
  if (!Array.isArray(values)) return;
  const start = sectionLine(lines, section.split('.').slice(0, -1).join('.') || section);
  for (const value of values) {
    if (typeof value !== 'string') continue; // `{include-group = "..."}`
    const where = locate(lines, lineIndex(lines).strings.get(value), start);
    const position = { line: where.line, column: where.column + 1, endColumn: where.column + 1 + value.length };
    const parsed = parseRequirement(value);
    if (parsed.kind === 'unknown') manifest.opaque = true;
    else if (parsed.kind === 'invalid') manifest.invalid.push({ text: value, reason: parsed.reason, ...position });
    else manifest.requirements.push(entry(parsed.name, parsed.extras, parsed.specifiers, parsed.constraintKnown, parsed.marker, value, position.line, position.column, section));
  }
}
