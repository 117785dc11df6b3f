/**
 * Building blocks for fixes rules attach to findings: edits on nodes and unit points, or on
 * model sites (the engine maps them to file positions, see src/api/fix-placement.ts). Each helper either builds
 * an edit that keeps the code valid or returns undefined; a rule offers no fix rather than a guess.
 */
import type { ModelEdit, UnitEdit, UnitFix } from '../api/rule.js';
import type { Point } from '../api/types.js';
import { Site } from '../pulumi/site.js';
import type { SyntaxNode } from './parser.js';

export function replaceNode(node: SyntaxNode, text: string): UnitEdit {
  return { node, text };
}

export function insertAt(point: Point, text: string): UnitEdit {
  return { start: point, end: point, text };
}

export function insertBefore(node: SyntaxNode, text: string): UnitEdit {
  return insertAt(node.startPosition, text);
}

export function insertAfter(node: SyntaxNode, text: string): UnitEdit {
  return insertAt(node.endPosition, text);
}

/** A fix from edits, or undefined when any edit could not be built. */
export function fixOf(description: string, ...edits: (UnitEdit | undefined)[]): UnitFix | undefined {
  if (!edits.length || edits.some((edit) => edit === undefined)) return undefined;
  return { description, edits: edits as UnitEdit[] };
}

/** The whitespace a unit line starts with, or undefined when something else precedes `column` on it. */
export function indentationBefore(unitText: string, point: Point): string | undefined {
  const line = unitText.split('\n')[point.row] ?? '';
  const prefix = line.slice(0, point.column);
  return /^[ \t]*$/.test(prefix) ? prefix : undefined;
}

/** True when the node is the first thing on its line (only indentation before it). */
function startsLine(node: SyntaxNode, unitText: string): boolean {
  return indentationBefore(unitText, node.startPosition) !== undefined;
}

/**
 * An edit adding `name=value` to a call's argument list, after its last argument, in the
 * call's own layout. Undefined for calls it cannot extend safely (a generator argument).
 */
export function addKeywordArgument(call: SyntaxNode, name: string, value: string, unitText: string): UnitEdit | undefined {
  const args = call.childForFieldName('arguments');
  return args?.type === 'argument_list' ? appendToList(args, `${name}=${value}`, unitText) : undefined;
}

/**
 * An edit adding `item` after the last item of a parenthesised list (arguments, parameters),
 * one item per line when the list is written that way, keeping a trailing comma and a comment
 * after the last item where they are. Undefined for a list without parentheses.
 */
export function appendToList(list: SyntaxNode, item: string, unitText: string): UnitEdit | undefined {
  const children = list.children;
  const open = children[0];
  const close = children.at(-1);
  if (open?.type !== '(' || close?.type !== ')') return undefined;
  const items = list.namedChildren.filter((child) => child.type !== 'comment');
  const last = items.at(-1);
  if (!last) return insertAfter(open, item);
  const after = children.slice(children.findIndex((child) => child.id === last.id) + 1);
  const comma = after[0]?.type === ',' ? after[0] : undefined;
  const onePerLine = close.startPosition.row > last.endPosition.row && startsLine(last, unitText);
  const indent = onePerLine ? indentationBefore(unitText, last.startPosition) : undefined;
  if (comma) {
    if (indent === undefined) return insertAfter(comma, ` ${item},`);
    // After a comment that ends the comma's line, so the comment stays with its item.
    const trailingComment = after[1]?.type === 'comment' && after[1].startPosition.row === comma.endPosition.row ? after[1] : undefined;
    return insertAfter(trailingComment ?? comma, `\n${indent}${item},`);
  }
  // A comment after the last item stays where it is: the new item goes on the same line.
  const commented = after[0]?.type === 'comment' && after[0].startPosition.row === last.endPosition.row;
  return insertAfter(last, indent === undefined || commented ? `, ${item}` : `,\n${indent}${item}`);
}

/**
 * The model-side twin of `addKeywordArgument`: `name=value` added to the Python call written at
 * `callSite` (its callee at `calleeSite`), read from the unit's text since the model keeps no
 * trees. Undefined when the argument list holds a comment (the text alone cannot place the new
 * argument safely) or does not read as `callee(...)`.
 */
export function appendPythonArgument(calleeSite: Site, callSite: Site, name: string, value: string): ModelEdit | undefined {
  const text = callSite.source.text();
  let open = calleeSite.end;
  while (open < callSite.end && /\s/.test(text[open] ?? '')) open++;
  const close = callSite.end - 1;
  if (text[open] !== '(' || text[close] !== ')' || text.slice(open, close).includes('#')) return undefined;
  let last = close - 1;
  while (last > open && /\s/.test(text[last] ?? '')) last--;
  const argument = `${name}=${value}`;
  const at = (offset: number, inserted: string): ModelEdit => ({ site: new Site(callSite.source, offset, offset), text: inserted });
  if (last === open) return at(open + 1, argument);
  const multiLine = text.slice(open, last).includes('\n') && text.slice(last, close).includes('\n');
  const lineStart = text.lastIndexOf('\n', last) + 1;
  const indent = multiLine && lineStart > open ? /^[ \t]*/.exec(text.slice(lineStart, last))?.[0] : undefined;
  if (text[last] === ',') return at(last + 1, indent === undefined ? ` ${argument}` : `\n${indent}${argument},`);
  return at(last + 1, indent === undefined ? `, ${argument}` : `,\n${indent}${argument}`);
}
