/**
 * Parsing Python: tree-sitter's C library and the tree-sitter-python grammar, called through
 * the project's small native addon (src/native/, see src/syntax/parse.ts).
 */
import Python from 'tree-sitter-python';
import type { FlatNode } from '../syntax/flat-node.js';
import type { FlatTree } from '../syntax/flat-tree.js';
import { grammarParser } from '../syntax/parse.js';

export { ParserUnavailableError, ParseTimeoutError } from '../syntax/parse.js';

export type SyntaxNode = FlatNode;
export type Tree = FlatTree;

const parse = grammarParser('tree-sitter-python', Python);

/**
 * Parses Python source within `budgetMs` (0: no limit). Node ids start at `idBase` when given
 * (parsing the same text again with the same base gives the same ids), else at fresh ones.
 */
export function parsePython(text: string, budgetMs = 0, idBase?: number): Tree {
  return parse(text, budgetMs, idBase);
}
