/** The value of a TypeScript string literal (`'a\'b'` is `a'b`), as the program would see it. */
import type { SyntaxNode } from '../syntax/flat-tree.js';

export function typeScriptStringValue(node: SyntaxNode): string {
  let text = '';
  for (const child of node.namedChildren) {
    if (child.type === 'string_fragment') text += child.text;
    else if (child.type === 'escape_sequence') text += unescape(child.text);
  }
  return text;
}

function unescape(sequence: string): string {
  const simple: Record<string, string> = { '\\n': '\n', '\\t': '\t', '\\r': '\r', '\\\\': '\\', "\\'": "'", '\\"': '"', '\\`': '`', '\\$': '$', '\\0': '\0' };
  return simple[sequence] ?? sequence.slice(1);
}
