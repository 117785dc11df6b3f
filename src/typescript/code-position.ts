/**
 * Whether a position in a TypeScript unit lies in code, or in text the program treats as data.
 * Line-based detectors (pasted Terraform, CloudFormation YAML) use it as Python's does.
 */
import type { Point } from '../api/types.js';
import type { SyntaxNode } from '../syntax/flat-tree.js';

const TEXT = new Set(['string', 'template_string', 'comment', 'regex']);

/** True when `point` falls inside a string, template literal, regular expression or comment. */
export function isInTypeScriptStringOrComment(root: SyntaxNode, point: Point): boolean {
  for (let node: SyntaxNode | null = root.descendantForPosition(point); node; node = node.parent) {
    if (node.type === 'template_substitution') return false;
    if (TEXT.has(node.type)) return true;
  }
  return false;
}

/**
 * True when the text at the position may mention another tool's syntax on purpose: a comment or
 * a multi-line template literal (user data, generated files). In a one-line template literal,
 * `${var.x}` is read by the rule that asked (a substitution of `var` cannot be JavaScript).
 */
export function isDescriptiveTypeScriptText(root: SyntaxNode, point: Point): boolean {
  for (let node: SyntaxNode | null = root.descendantForPosition(point); node; node = node.parent) {
    if (node.type === 'comment') return true;
    if (node.type === 'string') return false;
    if (node.type === 'template_string') return node.startPosition.row !== node.endPosition.row || !/^\$\{\s*var\./.test(textAt(node, point));
  }
  // Outside any string: in code, `${` is not an interpolation at all.
  return true;
}

function textAt(node: SyntaxNode, point: Point): string {
  const line = node.text.split('\n')[point.row - node.startPosition.row] ?? '';
  const offset = point.row === node.startPosition.row ? point.column - node.startPosition.column : point.column;
  return line.slice(offset);
}
