/**
 * Syntax error regions of a parse tree: outermost ERROR nodes and MISSING nodes, merged when
 * they touch the same or adjacent lines, so one broken spot gives one finding, not a cascade.
 */
import type { SyntaxNode } from './parser.js';
import type { Point } from '../api/types.js';
import { descendants, descendantsOfType } from '../syntax/walk.js';

export interface SyntaxErrorRegion {
  start: Point;
  end: Point;
  startIndex: number;
  endIndex: number;
  /** The first node of the region, for the message. */
  first: SyntaxNode;
}

/** Python 2 statements tree-sitter still accepts but Python 3 rejects. */
const PYTHON2_STATEMENTS: Record<string, string> = {
  print_statement: 'Python 2 `print` statement; use print(...)',
  exec_statement: 'Python 2 `exec` statement',
};

export function python2Statements(root: SyntaxNode): { node: SyntaxNode; message: string }[] {
  return descendantsOfType(root, Object.keys(PYTHON2_STATEMENTS)).map((node) => ({ node, message: PYTHON2_STATEMENTS[node.type] as string }));
}

export function syntaxErrorRegions(root: SyntaxNode): SyntaxErrorRegion[] {
  if (!root.hasError) return [];
  const nodes: SyntaxNode[] = [];
  let skipUntil = -1;
  for (const node of descendants(root)) {
    if (node.startIndex < skipUntil) continue;
    if (node.type === 'ERROR' || node.isMissing) {
      nodes.push(node);
      // Errors nested inside this one belong to the same region.
      skipUntil = Math.max(node.endIndex, node.startIndex + 1);
    }
  }
  const regions: SyntaxErrorRegion[] = [];
  for (const node of nodes) {
    const previous = regions[regions.length - 1];
    if (previous && node.startPosition.row <= previous.end.row + 1) {
      if (node.endIndex > previous.endIndex) {
        previous.end = node.endPosition;
        previous.endIndex = node.endIndex;
      }
      continue;
    }
    regions.push({ start: node.startPosition, end: node.endPosition, startIndex: node.startIndex, endIndex: node.endIndex, first: node });
  }
  return regions;
}
