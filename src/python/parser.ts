/**
 * The one tree-sitter parser shared by the whole process. Parsing is synchronous and the
 * parser object is reusable, so every file goes through this single instance.
 */
import Parser from 'tree-sitter';
import Python from 'tree-sitter-python';
import { installFastAccessors } from './node-accessors.js';

export type SyntaxNode = Parser.SyntaxNode;
export type Tree = Parser.Tree;

/** Thrown when a file takes longer than its parse budget (pathological input). */
export class ParseTimeoutError extends Error {
  constructor(readonly budgetMs: number) {
    super(`parsing took longer than ${budgetMs} ms`);
    this.name = 'ParseTimeoutError';
  }
}

let shared: Parser | undefined;

/** Checks the JavaScript-side node accessors against the native ones (see node-accessors.ts). */
const ACCESSOR_SAMPLE = [
  '"""Doc — ünïcödé ✅ 🚀."""\r',
  'import pulumi_aws as aws',
  'from x.y import (a as b, c)',
  '@decorator(1)',
  'class Stack(pulumi.ComponentResource):',
  '    def __init__(self, name: str, *args, **kwargs) -> None:',
  '        super().__init__("t", name, None, opts)',
  '        for i, zone in enumerate(zones[:2]):',
  '            self.s = aws.ec2.Subnet(f"{name}-é-{i}", cidr_block=f"10.0.{i}.0/24", tags={"N": "x", **t})',
  '        x = [a for a in b if a] + (1, 2) - -3 ** 2 // 4',
  '        with open("f") as h: data = h.read()  # comment 💡',
  '        lambda q: q or not q and q is None',
  '        try:',
  '            exec(data, globals())',
  '        except Exception as error:',
  '            raise',
  '    value = {1: [2, {3}], "k": (yield)}',
  'def broken(:',
  '    x = (1,',
].join('\n');

function parser(): Parser {
  if (!shared) {
    shared = new Parser();
    shared.setLanguage(Python as unknown as Parser.Language);
    installFastAccessors(shared, ACCESSOR_SAMPLE);
  }
  return shared;
}

/**
 * Parses Python source within `budgetMs` (0: no limit). The buffer size is set from the
 * text so long files are read in one pass instead of tree-sitter's default small chunks.
 */
export function parsePython(text: string, budgetMs = 0): Tree {
  const instance = parser();
  instance.setTimeoutMicros(Math.max(0, Math.round(budgetMs * 1000)));
  const tree = instance.parse(text, undefined, { bufferSize: Math.max(64 * 1024, text.length * 2 + 16) }) as Tree | null;
  if (!tree) {
    // A timed-out parser resumes the old document on its next call unless reset.
    instance.reset();
    throw new ParseTimeoutError(budgetMs);
  }
  return tree;
}
