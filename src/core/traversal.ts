/**
 * The engine's one traversal of a unit: every rule's visitors are merged into tables indexed by
 * node type number, and the flat records are walked once in document order. A node object is
 * made only for nodes some rule visits; exits are called when the walk leaves a node's subtree.
 * A rule whose visitor throws stops being called for the rest of the unit, and the failure is
 * handed back so the engine can say which rule could not check the unit.
 */
import type { Visitors } from '../api/rule.js';
import type { FlatTree, SyntaxNode } from '../syntax/flat-tree.js';
import { SUBTREE_END } from '../syntax/flat-records.js';

type Handler = { rule: number; visit: (node: SyntaxNode) => void };

export interface TraversalFailure {
  /** Index of the visitor set (the rule) that failed. */
  rule: number;
  error: unknown;
}

export function traverse(tree: FlatTree, visitorSets: readonly Visitors[]): TraversalFailure[] {
  const typeCount = tree.grammar.typeCount;
  const enter: (Handler[] | undefined)[] = new Array(typeCount + 1);
  const exit: (Handler[] | undefined)[] = new Array(typeCount + 1);
  const unitExits: Handler[] = [];
  visitorSets.forEach((visitors, rule) => {
    for (const [key, visit] of Object.entries(visitors)) {
      if (!visit) continue;
      if (key === 'unit:exit') {
        unitExits.push({ rule, visit: visit as () => void });
        continue;
      }
      const leaving = key.endsWith(':exit');
      const typeNumber = tree.grammar.typeNumberNamed(leaving ? key.slice(0, -':exit'.length) : key);
      if (typeNumber === undefined) continue;
      const table = leaving ? exit : enter;
      (table[typeNumber] ??= []).push({ rule, visit: visit as (node: SyntaxNode) => void });
    }
  });
  const failed = new Map<number, unknown>();
  const call = (handler: Handler, node: SyntaxNode) => {
    if (failed.has(handler.rule)) return;
    try {
      handler.visit(node);
    } catch (error) {
      failed.set(handler.rule, error);
    }
  };
  // Nodes whose exit is pending: their subtree ends and indices, innermost last.
  const pendingEnds: number[] = [];
  const pendingNodes: number[] = [];
  const leave = (until: number) => {
    while (pendingEnds.length && (pendingEnds[pendingEnds.length - 1] as number) <= until) {
      pendingEnds.pop();
      const index = pendingNodes.pop() as number;
      const node = tree.node(index);
      for (const handler of exit[tree.typeNumberAt(index)] ?? []) call(handler, node);
    }
  };
  const count = tree.nodeCount;
  for (let index = 0; index < count; index++) {
    if (pendingEnds.length) leave(index);
    const type = tree.typeNumberAt(index);
    const handlers = enter[type];
    if (handlers) {
      const node = tree.node(index);
      for (const handler of handlers) call(handler, node);
    }
    if (exit[type]) {
      pendingEnds.push(tree.read(index, SUBTREE_END));
      pendingNodes.push(index);
    }
  }
  leave(Number.MAX_SAFE_INTEGER);
  for (const handler of unitExits) {
    if (failed.has(handler.rule)) continue;
    try {
      (handler.visit as unknown as () => void)();
    } catch (error) {
      failed.set(handler.rule, error);
    }
  }
  return [...failed].map(([rule, error]) => ({ rule, error }));
}
