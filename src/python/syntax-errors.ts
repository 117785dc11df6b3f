/**
 * Syntax errors of a Python tree: the error regions every grammar has (src/syntax/error-regions.ts)
 * and Python 2 statements tree-sitter still accepts.
 */
import type { SyntaxNode } from './parser.js';
import { descendantsOfType } from '../syntax/walk.js';

export { syntaxErrorRegions, type SyntaxErrorRegion } from '../syntax/error-regions.js';

/** Python 2 statements tree-sitter still accepts but Python 3 rejects. */
const PYTHON2_STATEMENTS: Record<string, string> = {
  print_statement: 'Python 2 `print` statement; use print(...)',
  exec_statement: 'Python 2 `exec` statement',
};

export function python2Statements(root: SyntaxNode): { node: SyntaxNode; message: string }[] {
  return descendantsOfType(root, Object.keys(PYTHON2_STATEMENTS)).map((node) => ({ node, message: PYTHON2_STATEMENTS[node.type] as string }));
}
