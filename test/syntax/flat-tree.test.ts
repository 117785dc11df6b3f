/**
 * The flat trees of the native addon (src/native/, src/syntax/flat-tree.ts) for Python against
 * node-tree-sitter, the reference binding of the same C library and grammar (see
 * reference-trees.ts for what is compared). Inputs: generated stacks, hand-picked edge cases (Unicode
 * beyond the BMP, CRLF, lone CR, syntax errors, missing nodes) and fast-check strings.
 */
import fc from 'fast-check';
import TreeSitter from 'tree-sitter';
import TreeSitterPython from 'tree-sitter-python';
import { describe, expect, it } from 'vitest';
import type { FlatNode } from '../../src/syntax/flat-node.js';
import { parsePython, ParseTimeoutError } from '../../src/python/parser.js';
import { generateCorpus } from '../bench/corpus.js';
import { expectSameTrees, flatShapes, referenceShapes, type LanguageUnderTest } from './reference-trees.js';

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

const PYTHON: LanguageUnderTest = {
  parse: (text) => parsePython(text),
  reference,
  grammar: TreeSitterPython,
  queried: { types: ['call', 'keyword_argument'], fields: ['function', 'arguments', 'name', 'value'] },
};

describe('flat trees match node-tree-sitter', () => {
  it.each(EDGE_CASES.map((text, position) => [position, text]))('edge case %i', (_position, text) => {
    expectSameTrees(PYTHON, text);
  });

  it('generated stacks', () => {
    expect(CORPUS.length).toBeGreaterThan(5);
    for (const text of CORPUS) expectSameTrees(PYTHON, text);
  });

  it('random and mutated text', () => {
    const pieces = fc.constantFrom('def ', 'class ', '(', ')', '[', ']', ':', '\n', '    ', '"', "'''", '#', 'x', '=', ',', 'é', '😀', '\r\n', '\\', '@', 'lambda', ' if ', ' else ');
    const source = fc.oneof(fc.string({ maxLength: 120 }), fc.array(pieces, { maxLength: 60 }).map((parts) => parts.join('')), fc.constantFrom(...CORPUS).chain((text) => fc.nat(text.length).map((cut) => text.slice(0, cut))));
    fc.assert(
      fc.property(source, (text) => {
        expect(flatShapes(PYTHON, text)).toEqual(referenceShapes(PYTHON, text));
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
