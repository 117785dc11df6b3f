/**
 * Whether a position in a unit lies in code, or inside a string or comment. Line-based
 * detectors (pasted Terraform, CloudFormation YAML) use it to skip text that Python itself
 * treats as data.
 */
import type { Point } from '../api/types.js';
import type { SyntaxNode } from './parser.js';

/** True when `point` falls inside a string literal or a comment of the tree under `root`. */
export function isInStringOrComment(root: SyntaxNode, point: Point): boolean {
  for (let node: SyntaxNode | null = root.descendantForPosition(point); node; node = node.parent) {
    if (node.type === 'string' || node.type === 'comment') return true;
  }
  return false;
}

/**
 * True when the text at the position is data that may mention another tool's syntax: a comment,
 * a docstring or other bare string statement, a multi-line string, or an f-string (where
 * `${name.attr}` is a `$` followed by a Python interpolation).
 */
export function isDescriptivePythonText(root: SyntaxNode, point: Point): boolean {
  for (let node: SyntaxNode | null = root.descendantForPosition(point); node; node = node.parent) {
    if (node.type === 'comment') return true;
    if (node.type === 'string') {
      const start = node.namedChildren.find((child) => child.type === 'string_start');
      if (start && /f/i.test(start.text)) return true;
      let outer: SyntaxNode = node;
      while (outer.parent?.type === 'concatenated_string') outer = outer.parent;
      // Multi-line strings are templates (user data, generated files) rather than values.
      return outer.parent?.type === 'expression_statement' || outer.startPosition.row !== outer.endPosition.row;
    }
  }
  return false;
}
