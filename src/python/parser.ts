/**
 * The one tree-sitter parser shared by the whole process. Parsing is synchronous and the
 * parser object is reusable, so every file goes through this single instance.
 */
import Parser from 'tree-sitter';
import Python from 'tree-sitter-python';

export type SyntaxNode = Parser.SyntaxNode;
export type Tree = Parser.Tree;

let shared: Parser | undefined;

function parser(): Parser {
  if (!shared) {
    shared = new Parser();
    shared.setLanguage(Python as unknown as Parser.Language);
  }
  return shared;
}

/**
 * Parses Python source. The buffer size is set from the text so long files are read in one
 * pass instead of tree-sitter's default small chunks.
 */
export function parsePython(text: string): Tree {
  return parser().parse(text, undefined, { bufferSize: Math.max(64 * 1024, text.length * 2 + 16) });
}
