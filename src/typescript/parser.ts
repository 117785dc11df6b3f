/**
 * Parsing TypeScript: the `typescript` grammar of tree-sitter-typescript through the same native
 * addon and flat trees as Python (src/syntax/parse.ts). Pulumi programs are `.ts`; the `tsx`
 * grammar is not used (its JSX rules misread `<Type>value` casts, which `.ts` files may hold).
 */
import TypeScript from 'tree-sitter-typescript';
import type { FlatTree } from '../syntax/flat-tree.js';
import { grammarParser } from '../syntax/parse.js';

export { ParserUnavailableError, ParseTimeoutError } from '../syntax/parse.js';

const parse = grammarParser('tree-sitter-typescript', TypeScript.typescript);

/**
 * Parses TypeScript source within `budgetMs` (0: no limit). Node ids start at `idBase` when
 * given (parsing the same text again with the same base gives the same ids), else at fresh ones.
 */
export function parseTypeScript(text: string, budgetMs = 0, idBase?: number): FlatTree {
  return parse(text, budgetMs, idBase);
}
