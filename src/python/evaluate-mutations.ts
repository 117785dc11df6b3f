/**
 * Names a module changes in place (`xs.append(...)`, `d[k] = v`, `del d[k]`): the static
 * evaluator (evaluate.ts) must not treat such a list or dict as the constant it was assigned.
 */
import type { SyntaxNode } from './parser.js';
import { descendantsOfType } from '../syntax/walk.js';

const MUTATING_METHODS = new Set(['append', 'extend', 'insert', 'pop', 'remove', 'clear', 'update', 'setdefault', 'popitem', 'sort', 'reverse', 'add', 'discard']);

/** Identifiers of the methods that change a list, dict or set in place. */
const MUTATING_WORD = new RegExp(`(?<![A-Za-z0-9_])(?:${[...MUTATING_METHODS].join('|')})(?![A-Za-z0-9_])`, 'g');

/**
 * Names changed in place anywhere under `root`: `x.append(...)` and the other mutating methods,
 * `x[k] = v` / `x[k] += v` and `del x[k]`. Calls are found through the method names in the source
 * text (each occurrence confirmed by the tree) rather than by visiting every node.
 */
export function mutatedNames(root: SyntaxNode): Set<string> {
  const names = new Set<string>();
  const text = root.text;
  const base = root.startIndex;
  for (const match of text.matchAll(MUTATING_WORD)) {
    const start = base + match.index;
    const identifier = root.descendantForIndex(start, start + match[0].length);
    if (identifier.type !== 'identifier' || identifier.startIndex !== start || identifier.endIndex !== start + match[0].length) continue;
    const fn = identifier.parent;
    if (fn?.type !== 'attribute' || fn.childForFieldName('attribute')?.id !== identifier.id) continue;
    const call = fn.parent;
    if (call?.type !== 'call' || call.childForFieldName('function')?.id !== fn.id) continue;
    const target = fn.childForFieldName('object');
    if (target?.type === 'identifier') names.add(target.text);
  }
  for (const assignment of descendantsOfType(root, ['assignment', 'augmented_assignment'])) {
    const left = assignment.childForFieldName('left');
    const target = left?.type === 'subscript' ? left.childForFieldName('value') : undefined;
    if (target?.type === 'identifier') names.add(target.text);
  }
  // A `del` statement starts with the keyword.
  if (/(?<![A-Za-z0-9_])del(?![A-Za-z0-9_])/.test(text)) {
    for (const statement of descendantsOfType(root, 'delete_statement')) {
      const first = statement.namedChildren[0];
      const target = first?.type === 'subscript' ? first.childForFieldName('value') : undefined;
      if (target?.type === 'identifier') names.add(target.text);
    }
  }
  return names;
}
