/**
 * Syntax error regions of a parse tree, whatever its grammar: outermost ERROR nodes and MISSING
 * nodes, merged when they touch the same or adjacent lines, so one broken spot gives one
 * finding, not a cascade.
 */
import type { SyntaxNode } from './flat-tree.js';
import type { Point } from './positions.js';
import { descendants } from './walk.js';

export interface SyntaxErrorRegion {
  start: Point;
  end: Point;
  startIndex: number;
  endIndex: number;
  /** The first node of the region, for the message. */
  first: SyntaxNode;
}

/**
 * The regions of `root`. With `endBefore` (where a cut-off tail starts), only errors that end
 * before it: an ERROR node reaching into the tail is the parser's recovery from the cut, so the
 * errors nested in it are looked at instead.
 */
export function syntaxErrorRegions(root: SyntaxNode, endBefore = Infinity): SyntaxErrorRegion[] {
  if (!root.hasError) return [];
  const nodes: SyntaxNode[] = [];
  let skipUntil = -1;
  for (const node of descendants(root)) {
    if (node.startIndex < skipUntil || node.endIndex >= endBefore) continue;
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
