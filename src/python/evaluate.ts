/**
 * A small static evaluator for the values network and region checks need: literals, f-strings,
 * arithmetic on integers, constants assigned exactly once, subscripts of literal lists and
 * dicts, and the iterations of simple `for` loops and comprehensions (`range()`, `enumerate()`,
 * `zip()`, `.items()`, literal lists and slices of known length).
 *
 * Anything it cannot see through (calls to other functions, config, parameters, names assigned
 * more than once) evaluates to `undefined`: callers stay silent on those. Expression evaluation
 * recurses with a hard depth cap, so deeply nested input cannot overflow the stack.
 *
 * This file is the entry point: `Evaluator` expands the enclosing loops and evaluates a node
 * once per iteration. The parts live beside it: evaluate-expressions.ts (one expression in one
 * environment), evaluate-scope-bindings.ts and evaluate-mutations.ts (what a name is bound to),
 * evaluate-loops.ts (enclosing loops, loop targets), evaluate-values.ts (the value model),
 * evaluate-syntax-parts.ts and evaluate-literal-text.ts (reading call, slice and literal nodes).
 */
import { ExpressionEvaluator } from './evaluate-expressions.js';
import { bindPattern, loopFrames, patternNames } from './evaluate-loops.js';
import { argumentList, sliceParts } from './evaluate-syntax-parts.js';
import { iterate, MAX_ITEMS, UNKNOWN, type Binding, type Env, type Value } from './evaluate-values.js';
import type { SyntaxNode } from './parser.js';

export { isDict, type DictValue, type Value } from './evaluate-values.js';
export { loopFrames } from './evaluate-loops.js';

export interface Evaluation {
  /** One value per combination of the enclosing loops' iterations (a single value outside loops). */
  values: Value[];
  /** False when an enclosing loop's number of iterations is not known exactly. */
  exact: boolean;
}

/** Evaluates a node once per iteration of its enclosing loops (`evaluateAll`), or once (`evaluate`). */
export class Evaluator extends ExpressionEvaluator {
  private readonly evaluations = new Map<number, Evaluation | undefined>();

  /**
   * Every value `node` takes, one per iteration of its enclosing loops (within its function).
   * Undefined when the value depends on something that cannot be evaluated.
   */
  evaluateAll(node: SyntaxNode): Evaluation | undefined {
    if (this.evaluations.has(node.id)) return this.evaluations.get(node.id);
    const result = this.evaluateAllUncached(node);
    this.evaluations.set(node.id, result);
    return result;
  }

  private evaluateAllUncached(node: SyntaxNode): Evaluation | undefined {
    const frames = loopFrames(node);
    let envs: Map<string, Binding>[] = [new Map()];
    let exact = true;
    for (const frame of frames) {
      const next: Map<string, Binding>[] = [];
      for (const env of envs) {
        const iterations = this.iterations(frame.iterable, env);
        if (!iterations) {
          exact = false;
          const unknown = new Map(env);
          for (const name of patternNames(frame.target)) unknown.set(name, UNKNOWN);
          next.push(unknown);
          continue;
        }
        if (!iterations.exact) exact = false;
        for (const element of iterations.elements) {
          const bound = new Map(env);
          if (!bindPattern(frame.target, element, bound)) return undefined;
          next.push(bound);
        }
      }
      if (next.length > MAX_ITEMS) return undefined;
      envs = next;
    }
    const values: Value[] = [];
    for (const env of envs) {
      const value = this.evaluate(node, env, 0);
      if (value === undefined) return undefined;
      values.push(value);
    }
    return { values, exact };
  }

  /** The iterations of an iterable expression, or undefined when not known. */
  private iterations(iterable: SyntaxNode, env: Env): { elements: Binding[]; exact: boolean } | undefined {
    const value = this.evaluate(iterable, env, 0);
    const elements = value === undefined ? undefined : iterate(value);
    if (elements) return elements.length > MAX_ITEMS ? undefined : { elements, exact: true };
    // `x[:N]` or `enumerate(x[:N])` over a list of unknown content: N iterations at most.
    const enumerated = iterable.type === 'call' && iterable.childForFieldName('function')?.text === 'enumerate';
    const target = enumerated ? argumentList(iterable)[0] : iterable;
    const count = target ? this.sliceLength(target, env) : undefined;
    if (count === undefined || count > MAX_ITEMS) return undefined;
    const startNode = enumerated ? argumentList(iterable)[1] : undefined;
    const start = startNode ? this.evaluate(startNode, env, 0) : 0;
    if (typeof start !== 'number') return undefined;
    const result: Binding[] = [];
    for (let index = 0; index < count; index++) result.push(enumerated ? ([start + index, UNKNOWN] as unknown as Value) : UNKNOWN);
    return { elements: result, exact: false };
  }

  /** N for `x[:N]` / `x[0:N]` with a known N, whatever `x` holds. */
  private sliceLength(node: SyntaxNode, env: Env): number | undefined {
    if (node.type !== 'subscript') return undefined;
    const slice = node.childForFieldName('subscript');
    if (!slice || slice.type !== 'slice') return undefined;
    const parts = sliceParts(slice);
    if (!parts || parts.step) return undefined;
    const start = parts.start ? this.evaluate(parts.start, env, 0) : 0;
    const stop = parts.stop ? this.evaluate(parts.stop, env, 0) : undefined;
    if (typeof start !== 'number' || typeof stop !== 'number' || start < 0 || stop < start) return undefined;
    return stop - start;
  }
}
