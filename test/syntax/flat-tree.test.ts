/**
 * The flat trees of the native addon (src/native/, src/python/flat-tree.ts) against
 * node-tree-sitter, the reference binding of the same C library and grammar: for every node,
 * in pre-order, the same type, flags, offsets, points, field and shape; and the same answers
 * to field and position queries. Inputs: generated stacks, hand-picked edge cases (Unicode
 * beyond the BMP, CRLF, lone CR, syntax errors, missing nodes) and fast-check strings.
 */
import fc from 'fast-check';
import TreeSitter from 'tree-sitter';
import TreeSitterPython from 'tree-sitter-python';
import { describe, expect, it } from 'vitest';
import type { FlatNode } from '../../src/syntax/flat-node.js';
import { parsePython, ParseTimeoutError } from '../../src/python/parser.js';
import { generateCorpus } from '../bench/corpus.js';

const reference = new TreeSitter();
reference.setLanguage(TreeSitterPython as unknown as TreeSitter.Language);

const EDGE_CASES = [
  '',
  'x',
  '"""Doc — ünïcödé ✅ 🚀."""\r\nimport pulumi_aws as aws\r\n',
  'a = "😀😀"; b = 1\rc = 2\n',
  'def broken(:\n    x = (1,\n',
  'class Stack(pulumi.ComponentResource):\n    def __init__(self, name, *args, **kwargs) -> None:\n        super().__init__("t", name, None, opts)\n',
  'print "python 2"\nexec code in ns\n',
  'if x:\n',
  'x = [a for a in b if a] + (1, 2) - -3 ** 2 // 4  # 💡 comment\n',
  'with open("f") as h: data = h.read()\nlambda q: q or not q and q is None\n',
  'resource "aws_s3_bucket" "b" {\n  bucket = "x"\n}\n',
  '@decorator(1)\nasync def f(a: int = 1, /, *, b: str = "é") -> dict[str, int]:\n    return {1: [2, {3}], "k": (yield)}\n',
  `x = ${'('.repeat(200)}1${')'.repeat(200)}\n`,
];
const CORPUS = generateCorpus({ seed: 11, files: 24, totalBytes: 60_000 })
  .filter((file) => file.path.endsWith('.py'))
  .map((file) => file.content);

interface Shape {
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

function referenceShapes(text: string): Shape[] {
  const tree = reference.parse(text, undefined, { bufferSize: text.length * 2 + 16 });
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

function flatShapes(text: string): Shape[] {
  const tree = parsePython(text);
  const shapes: Shape[] = [];
  for (let index = 0; index < tree.nodeCount; index++) {
    const node = tree.node(index);
    const parent = node.parent;
    const field = parent ? (FIELDS.find((name) => parent.childrenForFieldName(name).includes(node)) ?? null) : null;
    shapes.push(shapeOf(node, field, parent ? parent.startIndex : null));
  }
  return shapes;
}

/** Every field name of the grammar. */
const FIELDS = (TreeSitterPython as unknown as { nodeTypeInfo: { fields?: Record<string, unknown> }[] }).nodeTypeInfo
  .flatMap((info) => Object.keys(info.fields ?? {}))
  .filter((name, position, all) => all.indexOf(name) === position);

function sameAnswers(text: string): void {
  const flat = parsePython(text).rootNode;
  const native = reference.parse(text, undefined, { bufferSize: text.length * 2 + 16 }).rootNode;
  const describeNode = (node: { type: string; startIndex: number; endIndex: number } | null) => (node ? `${node.type}@${node.startIndex}-${node.endIndex}` : null);
  for (let offset = 0; offset <= text.length; offset += Math.max(1, Math.floor(text.length / 40))) {
    expect(describeNode(flat.descendantForIndex(offset, Math.min(text.length, offset + 3)))).toBe(describeNode(native.descendantForIndex(offset, Math.min(text.length, offset + 3))));
    const point = flat.tree.pointAt(offset);
    expect(describeNode(flat.descendantForPosition(point))).toBe(describeNode(native.descendantForPosition(point)));
  }
  const calls = flat.descendantsOfType(['call', 'keyword_argument']);
  expect(calls.map(describeNode)).toEqual(native.descendantsOfType(['call', 'keyword_argument']).map(describeNode));
  for (const call of calls.slice(0, 50)) {
    for (const field of ['function', 'arguments', 'name', 'value']) {
      const twin = native.descendantForIndex(call.startIndex, call.endIndex);
      const same = twin.type === call.type ? twin : twin.parent;
      expect(describeNode(call.childForFieldName(field))).toBe(describeNode(same?.childForFieldName(field) ?? null));
    }
  }
}

describe('flat trees match node-tree-sitter', () => {
  it.each(EDGE_CASES.map((text, position) => [position, text]))('edge case %i', (_position, text) => {
    expect(flatShapes(text)).toEqual(referenceShapes(text));
    sameAnswers(text);
  });

  it('generated stacks', () => {
    expect(CORPUS.length).toBeGreaterThan(5);
    for (const text of CORPUS) {
      expect(flatShapes(text)).toEqual(referenceShapes(text));
      sameAnswers(text);
    }
  });

  it('random and mutated text', () => {
    const pieces = fc.constantFrom('def ', 'class ', '(', ')', '[', ']', ':', '\n', '    ', '"', "'''", '#', 'x', '=', ',', 'é', '😀', '\r\n', '\\', '@', 'lambda', ' if ', ' else ');
    const source = fc.oneof(fc.string({ maxLength: 120 }), fc.array(pieces, { maxLength: 60 }).map((parts) => parts.join('')), fc.constantFrom(...CORPUS).chain((text) => fc.nat(text.length).map((cut) => text.slice(0, cut))));
    fc.assert(
      fc.property(source, (text) => {
        expect(flatShapes(text)).toEqual(referenceShapes(text));
      }),
      { numRuns: 300, seed: 20_261_121 },
    );
  });

  it('node objects are one per node and ids are unique across trees', () => {
    const first = parsePython('a = 1\n');
    const second = parsePython('a = 1\n');
    const assignment = first.rootNode.descendantsOfType('assignment')[0] as FlatNode;
    expect(assignment.parent?.parent).toBe(first.rootNode);
    expect(first.rootNode.descendantsOfType('assignment')[0]).toBe(assignment);
    expect(second.rootNode.id).not.toBe(first.rootNode.id);
  });

  it('a compact tree answers the same with new node objects, the same ids and the same root', () => {
    const tree = parsePython('import pulumi\nvpc = aws.ec2.Vpc("v", cidr_block="10.0.0.0/16")\n');
    const before = tree.rootNode.descendantsOfType('call')[0] as FlatNode;
    const memo = tree.memo<string>('probe');
    memo[before.index] = 'cached';
    tree.compact();
    const after = tree.rootNode.descendantsOfType('call')[0] as FlatNode;
    expect(after).not.toBe(before);
    expect(after.id).toBe(before.id);
    expect(after.text).toBe(before.text);
    expect(after.parent?.parent?.parent).toBe(tree.rootNode);
    expect(tree.memo<string>('probe')[after.index]).toBeUndefined();
    expect(tree.compactBytes).toBe(tree.nodeCount * 26);
  });

  it('finds a leaf by its exact span, as descendantForIndex does', () => {
    const text = 'self.a = self.b\nx = (1 +\ny = selfish\n';
    const tree = parsePython(text);
    for (const node of tree.rootNode.descendantsOfType('identifier')) {
      if (node.startIndex === node.endIndex) continue;
      expect(tree.leafOfTypeAt('identifier', node.startIndex, node.endIndex)).toBe(tree.rootNode.descendantForIndex(node.startIndex, node.endIndex));
    }
    expect(tree.leafOfTypeAt('identifier', text.indexOf('selfish'), text.indexOf('selfish') + 4)).toBeUndefined();
    expect(tree.leafOfTypeAt('identifier', 1, 3)).toBeUndefined();
  });

  it('a parse over its budget throws and the next parse starts afresh', () => {
    const huge = `x = [${'1, '.repeat(400_000)}]\n`;
    expect(() => parsePython(huge, 0.001)).toThrow(ParseTimeoutError);
    expect(parsePython('y = 2\n').rootNode.toString()).toBe('(module (expression_statement (assignment left: (identifier) right: (integer))))');
  });
});
