/**
 * `_create_*` helpers that nothing calls (IAC203): generated stacks define `_create_vpc`,
 * `_create_subnets`... and forget to call some of them, so those resources never exist. A
 * helper counts as called when its name appears as an identifier (not its own `def`), in a
 * string (`getattr(self, "_create_x")`), or in another project source.
 */
import { decoratorsOf, definitionName, unwrapDefinition } from './definitions.js';
import { nodesOfType } from './fast-walk.js';
import type { SyntaxNode } from './parser.js';
import type { PythonSourceText } from './project-python.js';
import type { PythonUnit } from './units.js';

/** A whole `_create_*` word. */
const CREATOR_WORD = /(?<![A-Za-z0-9_])_create_\w+/g;

function creatorWords(text: string): Set<string> {
  const words = new Set<string>();
  for (const match of text.matchAll(CREATOR_WORD)) words.add(match[0]);
  return words;
}

const creatorWordsCache = new WeakMap<PythonSourceText, Set<string>>();
const creatorWordSources = new WeakMap<readonly PythonSourceText[], Map<string, number>>();

/** The `_create_*` words of one source, read once per review. */
function sourceCreatorWords(source: PythonSourceText): Set<string> {
  let words = creatorWordsCache.get(source);
  if (!words) creatorWordsCache.set(source, (words = creatorWords(source.text)));
  return words;
}

/** How many sources contain each `_create_*` word: one scan of each text per review, not one per creator. */
function creatorWordCounts(sources: readonly PythonSourceText[]): Map<string, number> {
  let counts = creatorWordSources.get(sources);
  if (!counts) {
    counts = new Map<string, number>();
    for (const source of sources) for (const word of sourceCreatorWords(source)) counts.set(word, (counts.get(word) ?? 0) + 1);
    creatorWordSources.set(sources, counts);
  }
  return counts;
}

/**
 * The `_create_*` identifiers the unit uses other than as `def` names. Found through the text
 * (every whole-word occurrence, confirmed by the tree) instead of reading every identifier, in
 * one pass for all candidates.
 */
function creatorsReferencedAsIdentifiers(unit: PythonUnit): Set<string> {
  const names = new Set<string>();
  for (const match of unit.text.matchAll(CREATOR_WORD)) {
    const name = match[0];
    if (names.has(name)) continue;
    const node = unit.root.descendantForIndex(match.index, match.index + name.length);
    if (node.type !== 'identifier' || node.startIndex !== match.index || node.endIndex !== match.index + name.length) continue;
    const parent = node.parent;
    if (parent?.type === 'function_definition' && parent.childForFieldName('name')?.id === node.id) continue;
    names.add(name);
  }
  return names;
}

export function uncalledCreators(unit: PythonUnit, sources: readonly PythonSourceText[]): SyntaxNode[] {
  if (!/\bdef\s+_create_/.test(unit.text)) return [];
  const candidates: SyntaxNode[] = [];
  const collect = (container: SyntaxNode | null) => {
    for (const child of container?.namedChildren ?? []) {
      const definition = unwrapDefinition(child);
      if (definition?.type !== 'function_definition' || decoratorsOf(definition).length > 0) continue;
      if (/^_create_\w+$/.test(definitionName(definition))) candidates.push(definition);
    }
  };
  collect(unit.root);
  for (const klass of nodesOfType(unit.root, 'class_definition')) collect(klass.childForFieldName('body'));
  if (candidates.length === 0) return [];

  const referenced = new Set<string>();
  for (const node of nodesOfType(unit.root, 'string')) {
    for (const match of node.text.matchAll(/_create_\w+/g)) referenced.add(match[0]);
  }
  const asIdentifiers = creatorsReferencedAsIdentifiers(unit);
  const counts = creatorWordCounts(sources);
  const sameAsUnit = sources.filter((source) => source.path === unit.path && source.text === unit.text);
  const inOtherSources = (name: string) => (counts.get(name) ?? 0) > sameAsUnit.filter((source) => sourceCreatorWords(source).has(name)).length;
  return candidates.filter((definition) => {
    const name = definitionName(definition);
    return !referenced.has(name) && !asIdentifiers.has(name) && !inOtherSources(name);
  });
}
