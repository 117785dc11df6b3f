/**
 * Parsing Python: tree-sitter's C library and the tree-sitter-python grammar, called through
 * the project's small native addon (src/native/), which returns each tree as one flat array
 * (see flat-tree.ts for why). Parsing is synchronous; the addon keeps one parser per thread.
 */
import Python from 'tree-sitter-python';
import type { FlatNode } from '../syntax/flat-node.js';
import { FlatTree } from '../syntax/flat-tree.js';
import { GrammarNames } from '../syntax/grammar-names.js';
import { loadFlatTreeAddon, ParserUnavailableError, type FlatTreeAddon } from '../syntax/native-addon.js';

export { ParserUnavailableError };

export type SyntaxNode = FlatNode;
export type Tree = FlatTree;

/** Thrown when a file takes longer than its parse budget (pathological input). */
export class ParseTimeoutError extends Error {
  constructor(readonly budgetMs: number) {
    super(`parsing took longer than ${budgetMs} ms`);
    this.name = 'ParseTimeoutError';
  }
}

let shared: { addon: FlatTreeAddon; grammar: GrammarNames } | undefined;

function parser(): { addon: FlatTreeAddon; grammar: GrammarNames } {
  if (!shared) {
    const addon = loadFlatTreeAddon();
    let names: ReturnType<FlatTreeAddon['setLanguage']>;
    try {
      names = addon.setLanguage(Python);
    } catch (error) {
      throw new ParserUnavailableError(`the installed tree-sitter-python grammar does not fit iac-review's parser addon: ${(error as Error).message}`, { cause: error });
    }
    shared = { addon, grammar: new GrammarNames(names[0], names[1]) };
  }
  return shared;
}

/**
 * Parses Python source within `budgetMs` (0: no limit). Node ids start at `idBase` when given
 * (parsing the same text again with the same base gives the same ids), else at fresh ones.
 */
export function parsePython(text: string, budgetMs = 0, idBase?: number): Tree {
  const { addon, grammar } = parser();
  const records = addon.parse(text, Math.max(0, Math.round(budgetMs * 1000)));
  if (!records) throw new ParseTimeoutError(budgetMs);
  return new FlatTree(text, records, grammar, idBase);
}
