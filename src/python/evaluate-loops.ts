/**
 * Loops as the static evaluator (evaluate.ts) sees them: the `for` statements and comprehension
 * clauses enclosing a node, and the binding of loop targets (`i`, `k, v`, `(i, (a, b))`) to
 * the values of one iteration.
 */
import { UNKNOWN, type Binding } from './evaluate-values.js';
import type { SyntaxNode } from './parser.js';
import { descendants } from '../syntax/walk.js';

interface LoopFrame {
  target: SyntaxNode;
  iterable: SyntaxNode;
}

/** Enclosing `for` loops and comprehension clauses of `node` within its function, outermost first. */
export function loopFrames(node: SyntaxNode): LoopFrame[] {
  // Collected innermost first and reversed once: `unshift` per level was quadratic in the depth.
  const frames: LoopFrame[] = [];
  let child = node;
  for (let current = node.parent; current; child = current, current = current.parent) {
    if (current.type === 'function_definition' || current.type === 'class_definition' || current.type === 'lambda') break;
    if (current.type === 'for_statement' && current.childForFieldName('body')?.id === child.id) {
      const target = current.childForFieldName('left');
      const iterable = current.childForFieldName('right');
      if (target && iterable) frames.push({ target, iterable });
    } else if (
      (current.type === 'list_comprehension' || current.type === 'generator_expression' || current.type === 'set_comprehension' || current.type === 'dictionary_comprehension') &&
      current.childForFieldName('body')?.id === child.id
    ) {
      const clauses = current.namedChildren.filter((clause) => clause.type === 'for_in_clause');
      for (let position = clauses.length - 1; position >= 0; position--) {
        const clause = clauses[position] as SyntaxNode;
        const target = clause.childForFieldName('left');
        const iterable = clause.childForFieldName('right');
        if (target && iterable) frames.push({ target, iterable });
      }
    }
  }
  return frames.reverse();
}

export function patternNames(pattern: SyntaxNode): string[] {
  if (pattern.type === 'identifier') return [pattern.text];
  const names: string[] = [];
  for (const node of descendants(pattern)) {
    if (node.type === 'identifier' && node.parent?.type !== 'attribute' && node.parent?.type !== 'subscript') names.push(node.text);
  }
  return names;
}

export function bindPattern(pattern: SyntaxNode, value: Binding, env: Map<string, Binding>): boolean {
  if (pattern.type === 'identifier') {
    env.set(pattern.text, value);
    return true;
  }
  if (pattern.type === 'pattern_list' || pattern.type === 'tuple_pattern' || pattern.type === 'list_pattern' || pattern.type === 'tuple' || pattern.type === 'list') {
    const targets = pattern.namedChildren.filter((child) => child.type !== 'comment');
    if (targets.some((target) => target.type === 'list_splat_pattern')) return false;
    if (value === UNKNOWN) {
      for (const target of targets) for (const name of patternNames(target)) env.set(name, UNKNOWN);
      return true;
    }
    if (!Array.isArray(value) || value.length !== targets.length) return false;
    return targets.every((target, index) => bindPattern(target, (value[index] as Binding | undefined) ?? UNKNOWN, env));
  }
  if (pattern.type === 'parenthesized_expression') {
    const inner = pattern.namedChildren[0];
    return inner ? bindPattern(inner, value, env) : false;
  }
  return false;
}
