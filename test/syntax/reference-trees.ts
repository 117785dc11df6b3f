/**
 * Comparing the native addon's flat trees with node-tree-sitter, the reference binding of the
 * same C library and grammar: for every node, in pre-order, the same type, flags, offsets,
 * points, field and shape; and the same answers to field and position queries. Shared by the
 * per-language flat-tree tests.
 */
import type TreeSitter from 'tree-sitter';
import { expect } from 'vitest';
import type { FlatNode } from '../../src/syntax/flat-node.js';
import type { FlatTree } from '../../src/syntax/flat-tree.js';

export interface Shape {
  type: string;
  named: boolean;
  missing: boolean;
  hasError: boolean;
  start: number;
  end: number;
  startPosition: string;
  endPosition: string;
  field: string | null;
  parentStart: number | null;
  childCount: number;
}

/** What both bindings' node objects say about a node (the same property names in both). */
type ShapeSource = Pick<FlatNode, 'type' | 'isNamed' | 'isMissing' | 'hasError' | 'startIndex' | 'endIndex' | 'startPosition' | 'endPosition' | 'childCount'>;

function shapeOf(node: ShapeSource, field: string | null, parentStart: number | null): Shape {
  return {
    type: node.type,
    named: node.isNamed,
    missing: node.isMissing,
    hasError: node.hasError,
    start: node.startIndex,
    end: node.endIndex,
    startPosition: `${node.startPosition.row}:${node.startPosition.column}`,
    endPosition: `${node.endPosition.row}:${node.endPosition.column}`,
    field,
    parentStart,
    childCount: node.childCount,
  };
}

/** One language as both bindings parse it. */
export interface LanguageUnderTest {
  /** The flat tree of the project's own parser. */
  parse(text: string): FlatTree;
  /** node-tree-sitter with the same grammar. */
  reference: TreeSitter;
  /** The grammar package's language object (its `nodeTypeInfo` lists the fields). */
  grammar: unknown;
  /** Node types whose field children `sameAnswers` compares, and those fields. */
  queried: { types: string[]; fields: string[] };
}

export function referenceShapes(language: LanguageUnderTest, text: string): Shape[] {
  const tree = language.reference.parse(text, undefined, { bufferSize: text.length * 2 + 16 });
  const shapes: Shape[] = [];
  const cursor = tree.walk();
  // Parents from the walk: node-tree-sitter 0.22's `node.parent` can skip a level for a
  // zero-width node (it searches down from the root by position).
  const parents: number[] = [];
  for (let depth = 0; ; ) {
    const node = cursor.currentNode;
    shapes.push(shapeOf(node, cursor.currentFieldName ?? null, parents.at(-1) ?? null));
    if (cursor.gotoFirstChild()) {
      parents.push(node.startIndex);
      depth++;
      continue;
    }
    for (;;) {
      if (depth === 0) return shapes;
      if (cursor.gotoNextSibling()) break;
      cursor.gotoParent();
      parents.pop();
      depth--;
    }
  }
}

/** Every field name of a grammar. */
function fieldsOf(grammar: unknown): string[] {
  return (grammar as { nodeTypeInfo: { fields?: Record<string, unknown> }[] }).nodeTypeInfo
    .flatMap((info) => Object.keys(info.fields ?? {}))
    .filter((name, position, all) => all.indexOf(name) === position);
}

const fieldCache = new Map<unknown, string[]>();

export function flatShapes(language: LanguageUnderTest, text: string): Shape[] {
  const fields = fieldCache.get(language.grammar) ?? fieldsOf(language.grammar);
  fieldCache.set(language.grammar, fields);
  const tree = language.parse(text);
  const shapes: Shape[] = [];
  for (let index = 0; index < tree.nodeCount; index++) {
    const node = tree.node(index);
    const parent = node.parent;
    const field = parent ? (fields.find((name) => parent.childrenForFieldName(name).includes(node)) ?? null) : null;
    shapes.push(shapeOf(node, field, parent ? parent.startIndex : null));
  }
  return shapes;
}

/** The same answers to position, type and field queries from both bindings. */
export function sameAnswers(language: LanguageUnderTest, text: string): void {
  const flat = language.parse(text).rootNode;
  const native = language.reference.parse(text, undefined, { bufferSize: text.length * 2 + 16 }).rootNode;
  const describeNode = (node: { type: string; startIndex: number; endIndex: number } | null) => (node ? `${node.type}@${node.startIndex}-${node.endIndex}` : null);
  for (let offset = 0; offset <= text.length; offset += Math.max(1, Math.floor(text.length / 40))) {
    expect(describeNode(flat.descendantForIndex(offset, Math.min(text.length, offset + 3)))).toBe(describeNode(native.descendantForIndex(offset, Math.min(text.length, offset + 3))));
    const point = flat.tree.pointAt(offset);
    expect(describeNode(flat.descendantForPosition(point))).toBe(describeNode(native.descendantForPosition(point)));
  }
  const { types, fields } = language.queried;
  const queried = flat.descendantsOfType(types);
  expect(queried.map(describeNode)).toEqual(native.descendantsOfType(types).map(describeNode));
  for (const node of queried.slice(0, 50)) {
    for (const field of fields) {
      const twin = native.descendantForIndex(node.startIndex, node.endIndex);
      const same = twin.type === node.type ? twin : twin.parent;
      expect(describeNode(node.childForFieldName(field))).toBe(describeNode(same?.childForFieldName(field) ?? null));
    }
  }
}

/** Both bindings agree on every node and on the queries. */
export function expectSameTrees(language: LanguageUnderTest, text: string): void {
  expect(flatShapes(language, text)).toEqual(referenceShapes(language, text));
  sameAnswers(language, text);
}
