/** The value of a TypeScript string literal (`'a\'b'` is `a'b`), as the program would see it. */
import type { SyntaxNode } from '../syntax/flat-tree.js';

/** The text of a string or template literal; each `${...}` substitution reads as `hole`. */
export function typeScriptStringValue(node: SyntaxNode, hole = ''): string {
  let text = '';
  for (const child of node.namedChildren) {
    if (child.type === 'string_fragment') text += child.text;
    else if (child.type === 'escape_sequence') text += unescape(child.text);
    else if (child.type === 'template_substitution') text += hole;
  }
  return text;
}

/** The value of a string literal or a template literal without substitutions; undefined for anything else. */
export function typeScriptLiteralString(node: SyntaxNode | null | undefined): string | undefined {
  if (node?.type === 'string') return typeScriptStringValue(node);
  if (node?.type === 'template_string' && !node.namedChildren.some((child) => child.type === 'template_substitution')) return typeScriptStringValue(node);
  return undefined;
}

function unescape(sequence: string): string {
  const simple: Record<string, string> = { '\\n': '\n', '\\t': '\t', '\\r': '\r', '\\\\': '\\', "\\'": "'", '\\"': '"', '\\`': '`', '\\$': '$', '\\0': '\0' };
  return simple[sequence] ?? sequence.slice(1);
}
