/**
 * Name bindings during evaluation: a module's, a function call's or a class body's names, with
 * the scope names are looked up in next. Python's rule that a class body is not visible from its
 * methods holds because a method's closure is the scope around the class, not the class body.
 */
import type { EvalValue } from './eval-values.js';

export class Scope {
  private readonly names = new Map<string, EvalValue>();

  constructor(
    readonly kind: 'module' | 'function' | 'class',
    readonly parent: Scope | undefined,
    /** The module path, for messages and component classes. */
    readonly path: string,
  ) {}

  lookup(name: string): EvalValue | undefined {
    const own = this.names.get(name);
    if (own !== undefined) return own;
    return this.parent?.lookup(name);
  }

  own(name: string): EvalValue | undefined {
    return this.names.get(name);
  }

  bind(name: string, value: EvalValue): void {
    this.names.set(name, value);
  }

  has(name: string): boolean {
    return this.names.has(name);
  }

  entries(): IterableIterator<[string, EvalValue]> {
    return this.names.entries();
  }

  /** A copy of the own bindings (to evaluate both branches of an `if` from the same start). */
  snapshot(): Map<string, EvalValue> {
    return new Map(this.names);
  }

  restore(bindings: ReadonlyMap<string, EvalValue>): void {
    this.names.clear();
    for (const [name, value] of bindings) this.names.set(name, value);
  }

}
