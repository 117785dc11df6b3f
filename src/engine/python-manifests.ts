/**
 * Python dependency manifests: requirements*.txt (PEP 508 lines), Pipfile, pyproject.toml
 * (PEP 621 `[project]`, PEP 735 `[dependency-groups]`, Poetry, PDM and uv tables) and the literal
 * `install_requires` of setup.py, read into one model with the line each requirement sits on.
 */
import { parse as parseToml } from 'smol-toml';
import { stringLiteralValue } from '../python/calls.js';
import { parsePython, type SyntaxNode } from '../python/parser.js';
import { descendantsOfType } from '../python/walk.js';
import { normalizeName, parseSpecifierSet, parseVersion, type Specifier } from './pep440.js';

export interface Requirement {
  /** The project name as written. */
  name: string;
  /** PEP 503 normalised name (`pulumi-aws`). */
  normalized: string;
  extras: string[];
  specifiers: Specifier[];
  /** False when the version cannot be read (URL, VCS, unknown constraint syntax). */
  constraintKnown: boolean;
  /** Environment marker (`python_version < "3.11"`), if any. */
  marker?: string;
  /** The requirement as written, for messages. */
  text: string;
  /** 1-based position of `text` in the manifest. */
  line: number;
  column: number;
  endColumn: number;
  /** Pipfile / pyproject table the entry comes from (`packages`, `project.dependencies`...). */
  section: string;
}

export interface InvalidRequirement {
  text: string;
  reason: string;
  line: number;
  column: number;
  endColumn: number;
}

export type ManifestKind = 'requirements' | 'pipfile' | 'pyproject' | 'setup.py';

export interface Manifest {
  path: string;
  kind: ManifestKind;
  requirements: Requirement[];
  invalid: InvalidRequirement[];
  /** Paths named by `-r` lines, relative to the manifest's folder as written. */
  includes: string[];
  /** True when some dependencies cannot be known (editable installs, nameless URLs, dynamic setup.py). */
  opaque: boolean;
  /** False for a pyproject.toml or setup.py that declares no dependencies at all (tool settings only). */
  declaresDependencies: boolean;
  /** Set when the file could not be parsed (TOML syntax error). */
  parseError?: string;
  /** 1-based line of the parse error, when known. */
  parseErrorLine?: number;
}

export function isManifestPath(path: string): boolean {
  return manifestKind(path) !== undefined;
}

/** requirements*.txt (also inside a `requirements/` folder), Pipfile, pyproject.toml or setup.py. */
export function manifestKind(path: string): ManifestKind | undefined {
  const base = path.split('/').pop() ?? path;
  if (/^requirements[^/]*\.txt$/.test(base) || /(^|\/)requirements\/[^/]+\.txt$/.test(path)) return 'requirements';
  if (base === 'Pipfile') return 'pipfile';
  if (base === 'pyproject.toml') return 'pyproject';
  if (base === 'setup.py') return 'setup.py';
  return undefined;
}

export function parseManifest(path: string, text: string): Manifest | undefined {
  switch (manifestKind(path)) {
    case 'requirements':
      return { path, ...parseRequirementsText(text) };
    case 'pipfile':
      return parsePipfile(path, text);
    case 'pyproject':
      return parsePyproject(path, text);
    case 'setup.py':
      return parseSetupPy(path, text);
    default:
      return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// PEP 508 requirement strings

export type RequirementParse =
  | { kind: 'requirement'; name: string; extras: string[]; specifiers: Specifier[]; constraintKnown: boolean; marker?: string }
  | { kind: 'invalid'; reason: string }
  /** Cannot be read statically (URL without `#egg=`, environment variables). */
  | { kind: 'unknown' };

const NAME = /^([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)/;
const URL_OR_PATH = /^(?:[a-z][a-z0-9+.-]*:\/\/|[a-z]+\+[a-z]+:|file:|\.{1,2}(?:\/|$)|\/|~)/i;
const ARCHIVE = /\.(whl|tar\.gz|tgz|zip|tar\.bz2)$/i;

function eggName(text: string): string | undefined {
  return /#(?:.*&)?egg=([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(text)?.[1];
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

// ---------------------------------------------------------------------------------------------
// requirements.txt

export interface RequirementsText {
  kind: 'requirements';
  requirements: Requirement[];
  invalid: InvalidRequirement[];
  includes: string[];
  opaque: boolean;
  declaresDependencies: boolean;
}

/** Splits the text into logical lines (joining `\` continuations), remembering where each starts. */
function logicalLines(text: string): { text: string; line: number }[] {
  const physical = text.split(/\r?\n/);
  const lines: { text: string; line: number }[] = [];
  for (let index = 0; index < physical.length; index++) {
    const start = index;
    let current = physical[index] ?? '';
    while (current.endsWith('\\') && index + 1 < physical.length) {
      index++;
      current = current.slice(0, -1) + (physical[index] ?? '');
    }
    lines.push({ text: current, line: start + 1 });
  }
  return lines;
}

function stripComment(line: string): string {
  if (/^\s*#/.test(line)) return '';
  const match = /\s#/.exec(line);
  return match ? line.slice(0, match.index) : line;
}

export function parseRequirementsText(text: string): RequirementsText {
  const result: RequirementsText = { kind: 'requirements', requirements: [], invalid: [], includes: [], opaque: false, declaresDependencies: true };
  for (const logical of logicalLines(text)) {
    const content = stripComment(logical.text);
    const trimmed = content.trim();
    if (trimmed === '') continue;
    const column = content.length - content.trimStart().length + 1;
    if (trimmed.startsWith('-')) {
      const option = /^(-r|--requirement|-c|--constraint|-e|--editable)(?:\s*=\s*|\s+|(?=[^\s-]))(.+)$/.exec(trimmed);
      if (!option) continue; // --index-url, --pre, -f ... do not name packages
      const [, flag, value = ''] = option;
      if (flag === '-r' || flag === '--requirement') result.includes.push(value.trim());
      if (flag === '-e' || flag === '--editable') {
        const name = eggName(value);
        if (name) result.requirements.push(entry(name, [], [], false, undefined, trimmed, logical.line, column, 'requirements'));
        else result.opaque = true;
      }
      continue;
    }
    // Per-requirement options (`--hash=...`) follow the requirement.
    const requirementText = trimmed.replace(/\s+--[a-z][\s\S]*$/, '');
    const parsed = parseRequirement(requirementText);
    if (parsed.kind === 'unknown') {
      result.opaque = true;
    } else if (parsed.kind === 'invalid') {
      result.invalid.push({ text: requirementText, reason: parsed.reason, line: logical.line, column, endColumn: column + requirementText.length });
    } else {
      result.requirements.push(
        entry(parsed.name, parsed.extras, parsed.specifiers, parsed.constraintKnown, parsed.marker, requirementText, logical.line, column, 'requirements'),
      );
    }
  }
  return result;
}

function entry(
  name: string,
  extras: string[],
  specifiers: Specifier[],
  constraintKnown: boolean,
  marker: string | undefined,
  text: string,
  line: number,
  column: number,
  section: string,
): Requirement {
  return {
    name,
    normalized: normalizeName(name),
    extras,
    specifiers,
    constraintKnown,
    ...(marker ? { marker } : {}),
    text,
    line,
    column,
    endColumn: column + text.length,
    section,
  };
}

// ---------------------------------------------------------------------------------------------
// TOML manifests

type TomlTable = Record<string, unknown>;

function isTable(value: unknown): value is TomlTable {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

function emptyManifest(path: string, kind: ManifestKind): Manifest {
  return { path, kind, requirements: [], invalid: [], includes: [], opaque: false, declaresDependencies: false };
}

/** Line/column of the first line matching `pattern` at or after `fromLine` (1-based). */
function locate(lines: readonly string[], pattern: RegExp, fromLine = 1): { line: number; column: number; endColumn: number } {
  for (let index = Math.max(0, fromLine - 1); index < lines.length; index++) {
    const line = lines[index] ?? '';
    const match = pattern.exec(line);
    if (match) return { line: index + 1, column: match.index + 1, endColumn: match.index + 1 + match[0].length };
  }
  if (fromLine > 1) return locate(lines, pattern, 1);
  return { line: 1, column: 1, endColumn: (lines[0]?.length ?? 0) + 1 };
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

function parseTomlText(path: string, kind: ManifestKind, text: string): { table: TomlTable } | { manifest: Manifest } {
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
function addKeyedEntries(
  manifest: Manifest,
  lines: readonly string[],
  table: TomlTable,
  section: string,
  constraint: (value: string) => Specifier[] | undefined,
): void {
  const start = sectionLine(lines, section);
  for (const [name, value] of Object.entries(table)) {
    if (name.toLowerCase() === 'python') continue;
    const where = locate(lines, new RegExp(`^\\s*["']?${escapeRegExp(name)}["']?\\s*=`), start);
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
function addStringEntries(manifest: Manifest, lines: readonly string[], values: unknown, section: string): void {
  if (!Array.isArray(values)) return;
  const start = sectionLine(lines, section.split('.').slice(0, -1).join('.') || section);
  for (const value of values) {
    if (typeof value !== 'string') continue; // `{include-group = "..."}`
    const where = locate(lines, new RegExp(`["']${escapeRegExp(value)}["']`), start);
    const position = { line: where.line, column: where.column + 1, endColumn: where.column + 1 + value.length };
    const parsed = parseRequirement(value);
    if (parsed.kind === 'unknown') manifest.opaque = true;
    else if (parsed.kind === 'invalid') manifest.invalid.push({ text: value, reason: parsed.reason, ...position });
    else manifest.requirements.push(entry(parsed.name, parsed.extras, parsed.specifiers, parsed.constraintKnown, parsed.marker, value, position.line, position.column, section));
  }
}

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
  const parts = trimmed.split(/\s*,\s*|\s+(?=[<>=!~^])/).filter(Boolean);
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
    specifiers.push(...parsed.specifiers);
  }
  return specifiers;
}

function parsePipfile(path: string, text: string): Manifest {
  const parsed = parseTomlText(path, 'pipfile', text);
  if ('manifest' in parsed) return parsed.manifest;
  const manifest = emptyManifest(path, 'pipfile');
  manifest.declaresDependencies = true;
  const lines = text.split(/\r?\n/);
  for (const section of ['packages', 'dev-packages']) {
    const table = parsed.table[section];
    if (isTable(table)) addKeyedEntries(manifest, lines, table, section, pipfileConstraint);
  }
  manifest.opaque = manifest.requirements.some((requirement) => !requirement.constraintKnown && /\b(path|editable)\b/.test(requirement.text));
  return manifest;
}

function parsePyproject(path: string, text: string): Manifest {
  const parsed = parseTomlText(path, 'pyproject', text);
  if ('manifest' in parsed) return parsed.manifest;
  const manifest = emptyManifest(path, 'pyproject');
  const lines = text.split(/\r?\n/);
  const root = parsed.table;
  const project = isTable(root.project) ? root.project : undefined;
  if (project) {
    if (Array.isArray(project.dynamic) && project.dynamic.includes('dependencies')) manifest.opaque = true;
    if ('dependencies' in project) {
      manifest.declaresDependencies = true;
      addStringEntries(manifest, lines, project.dependencies, 'project.dependencies');
    }
    const optional = project['optional-dependencies'];
    if (isTable(optional)) {
      manifest.declaresDependencies = true;
      for (const [group, values] of Object.entries(optional)) addStringEntries(manifest, lines, values, `project.optional-dependencies.${group}`);
    }
  }
  const groups = root['dependency-groups'];
  if (isTable(groups)) {
    manifest.declaresDependencies = true;
    for (const [group, values] of Object.entries(groups)) addStringEntries(manifest, lines, values, `dependency-groups.${group}`);
  }
  const tool = isTable(root.tool) ? root.tool : {};
  const poetry = isTable(tool.poetry) ? tool.poetry : undefined;
  if (poetry) {
    for (const [section, table] of [
      ['tool.poetry.dependencies', poetry.dependencies],
      ['tool.poetry.dev-dependencies', poetry['dev-dependencies']],
    ] as const) {
      if (isTable(table)) {
        manifest.declaresDependencies = true;
        addKeyedEntries(manifest, lines, table, section, poetryConstraint);
      }
    }
    if (isTable(poetry.group)) {
      for (const [group, body] of Object.entries(poetry.group)) {
        if (isTable(body) && isTable(body.dependencies)) {
          manifest.declaresDependencies = true;
          addKeyedEntries(manifest, lines, body.dependencies, `tool.poetry.group.${group}.dependencies`, poetryConstraint);
        }
      }
    }
  }
  const pdm = isTable(tool.pdm) ? tool.pdm : undefined;
  if (pdm && isTable(pdm['dev-dependencies'])) {
    manifest.declaresDependencies = true;
    for (const [group, values] of Object.entries(pdm['dev-dependencies'])) addStringEntries(manifest, lines, values, `tool.pdm.dev-dependencies.${group}`);
  }
  const uv = isTable(tool.uv) ? tool.uv : undefined;
  if (uv && Array.isArray(uv['dev-dependencies'])) {
    manifest.declaresDependencies = true;
    addStringEntries(manifest, lines, uv['dev-dependencies'], 'tool.uv.dev-dependencies');
  }
  return manifest;
}

/** setup.py: the string literals of `install_requires=[...]` / `extras_require={...: [...]}`; anything else is opaque. */
function parseSetupPy(path: string, text: string): Manifest {
  const manifest = emptyManifest(path, 'setup.py');
  const root = parsePython(text).rootNode;
  const setupCall = [...descendantsOfType(root, 'call')].find((call) => /(^|\.)setup$/.test(call.childForFieldName('function')?.text ?? ''));
  if (!setupCall) {
    manifest.opaque = true;
    return manifest;
  }
  const args = setupCall.childForFieldName('arguments');
  for (const argument of args?.namedChildren ?? []) {
    if (argument.type === 'dictionary_splat' || argument.type === 'list_splat') manifest.opaque = true;
    if (argument.type !== 'keyword_argument') continue;
    const key = argument.childForFieldName('name')?.text;
    const value = argument.childForFieldName('value');
    if (!value || (key !== 'install_requires' && key !== 'extras_require' && key !== 'tests_require')) continue;
    manifest.declaresDependencies = true;
    const lists = key === 'extras_require' ? (value.type === 'dictionary' ? value.namedChildren.map((pair) => pair.childForFieldName('value')) : [null]) : [value];
    for (const list of lists) addSetupList(manifest, list ?? null, key);
  }
  return manifest;
}

function addSetupList(manifest: Manifest, list: SyntaxNode | null, section: string): void {
  if (!list || list.type !== 'list') {
    manifest.opaque = true;
    return;
  }
  for (const item of list.namedChildren) {
    if (item.type === 'comment') continue;
    const value = stringLiteralValue(item);
    if (value === undefined) {
      manifest.opaque = true;
      continue;
    }
    const position = { line: item.startPosition.row + 1, column: item.startPosition.column + 2, endColumn: item.startPosition.column + 2 + value.length };
    const parsed = parseRequirement(value);
    if (parsed.kind === 'unknown') manifest.opaque = true;
    else if (parsed.kind === 'invalid') manifest.invalid.push({ text: value, reason: parsed.reason, ...position });
    else manifest.requirements.push(entry(parsed.name, parsed.extras, parsed.specifiers, parsed.constraintKnown, parsed.marker, value, position.line, position.column, section));
  }
}
