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
