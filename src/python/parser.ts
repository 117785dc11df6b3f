/**
 * The one tree-sitter parser shared by the whole process. Parsing is synchronous and the
 * parser object is reusable, so every file goes through this single instance.
 */
import Parser from 'tree-sitter';
import Python from 'tree-sitter-python';

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

function parser(): Parser {
  if (!shared) {
    shared = new Parser();
    shared.setLanguage(Python as unknown as Parser.Language);
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
