/**
 * Reading the parts of call and slice nodes for the static evaluator (evaluate.ts): a call's
 * positional argument nodes and a slice's start, stop and step. Pure syntax, no evaluation.
 */
import type { SyntaxNode } from './parser.js';

export function argumentList(call: SyntaxNode): SyntaxNode[] {
  const args = call.childForFieldName('arguments');
  if (!args || args.type !== 'argument_list') return [];
  return args.namedChildren.filter((child) => child.type !== 'comment');
}

export function sliceParts(slice: SyntaxNode): { start?: SyntaxNode; stop?: SyntaxNode; step?: SyntaxNode } | undefined {
  const parts: (SyntaxNode | undefined)[] = [undefined];
  for (const child of slice.children) {
    if (child.type === ':') parts.push(undefined);
    else if (child.type !== 'comment') {
      if (parts[parts.length - 1] !== undefined) return undefined;
      parts[parts.length - 1] = child;
    }
  }
  if (parts.length < 2 || parts.length > 3) return undefined;
  return { start: parts[0], stop: parts[1], step: parts[2] };
}
