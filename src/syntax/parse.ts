/**
 * Parsing with a tree-sitter grammar through the project's native addon (src/native/), which
 * returns each tree as one flat array (see flat-tree.ts). One addon instance per thread serves
 * every language; each grammar gets a parser of its own there. Parsing is synchronous.
 */
import { FlatTree } from './flat-tree.js';
import { GrammarNames } from './grammar-names.js';
import { loadFlatTreeAddon, ParserUnavailableError, type FlatTreeAddon } from './native-addon.js';

export { ParserUnavailableError };

/** Thrown when a file takes longer than its parse budget (pathological input). */
export class ParseTimeoutError extends Error {
  constructor(readonly budgetMs: number) {
    super(`parsing took longer than ${budgetMs} ms`);
    this.name = 'ParseTimeoutError';
  }
}

/** Parses `text` within `budgetMs` (0: no limit); node ids start at `idBase` when given (the same text and base give the same ids). */
export type ParseFunction = (text: string, budgetMs?: number, idBase?: number) => FlatTree;

/** The addon, kept once a grammar has been registered with it (a failed load is tried again next time). */
let sharedAddon: FlatTreeAddon | undefined;

/**
 * A parse function for one grammar (`language`: the grammar package's language object, such as
 * `tree-sitter-python`'s export); `label` names it in errors. The addon loads on the first parse.
 */
export function grammarParser(label: string, language: unknown): ParseFunction {
  let loaded: { addon: FlatTreeAddon; id: number; grammar: GrammarNames } | undefined;
  const load = () => {
    const addon = sharedAddon ?? loadFlatTreeAddon();
    let registered: ReturnType<FlatTreeAddon['addLanguage']>;
    try {
      registered = addon.addLanguage(language);
    } catch (error) {
      throw new ParserUnavailableError(`the installed ${label} grammar does not fit iac-review's parser addon: ${(error as Error).message}`, { cause: error });
    }
    sharedAddon = addon;
    const [id, symbols, fields] = registered;
    return { addon, id, grammar: new GrammarNames(symbols, fields) };
  };
  return (text, budgetMs = 0, idBase) => {
    const { addon, id, grammar } = (loaded ??= load());
    const records = addon.parse(id, text, Math.max(0, Math.round(budgetMs * 1000)));
    if (!records) throw new ParseTimeoutError(budgetMs);
    return new FlatTree(text, records, grammar, idBase);
  };
}
