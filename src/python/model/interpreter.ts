/**
 * The Python front-end's evaluator: runs a program's statements abstractly, once, to learn what
 * it creates. Module code runs top to bottom; calls into the program's own functions, methods and
 * classes run their bodies with the arguments of the call (so a helper's parameter, a `self.x`
 * set in one method and read in another, or a loop over a known list all have their values);
 * what cannot be known (a parameter nobody visible passes, a config value, an API call) becomes
 * an unknown value with the reason. Statements here; expressions in expressions.ts, calls in
 * calls.ts.
 *
 * Bounded: every statement and expression costs a step from a budget proportional to the
 * program's size, calls nest at most MAX_CALL_DEPTH deep, loops expand at most MAX_ITERATIONS
 * times, and nesting deeper than MAX_NESTING is not followed; past a bound the evaluator keeps
 * going with unknown values instead of following more code, so hostile input costs linear time.
 */
import type { Site } from '../../pulumi/site.js';
import { EvaluationRun, MAX_ITERATIONS, MAX_NESTING, type EvalModule } from '../../pulumi/evaluation/run.js';
import { unknown } from '../../pulumi/values.js';
import type { SyntaxNode } from '../../syntax/flat-tree.js';
import type { ClassInfo, FunctionValue, ObjectValue, ProgramModule, EvalValue } from '../../pulumi/evaluation/eval-values.js';
import type { Scope } from '../../pulumi/evaluation/scope.js';

/** Finds the program's modules by dotted name for imports, evaluating a module before its names are used. */
export interface ProgramResolver {
  module(dotted: string, frame: Frame): ProgramModule | undefined;
  /** A name another unit of the program defines at top level, for imports whose module is not found (Markdown answers). */
  definedElsewhere(moduleName: string, name: string, frame: Frame): EvalValue | undefined;
}

export { MAX_CALL_DEPTH, MAX_ITERATIONS } from '../../pulumi/evaluation/run.js';

export type Completion = 'normal' | 'return' | 'break' | 'continue' | 'raise';

export type ModuleState = EvalModule;

/** One running function (or module) body. */
export interface Frame {
  returns: EvalValue[];
  /** The class whose method is running. */
  owner?: ClassInfo;
  functionName?: string;
  /** The object `self` is, inside a method. */
  self?: ObjectValue;
  /** Run with the arguments of a visible call (false for code run because nobody visible calls it). */
  visible: boolean;
  module: ModuleState;
}

export interface ExpressionEvaluator {
  evaluate(node: SyntaxNode, scope: Scope, frame: Frame): EvalValue;
  /** A condition (`if`, `elif`, a conditional expression): like `evaluate`, recording an Output tested there. */
  conditionValue(node: SyntaxNode, scope: Scope, frame: Frame): EvalValue;
  assign(target: SyntaxNode, value: EvalValue, scope: Scope, frame: Frame): void;
  iterate(value: EvalValue, site: Site | undefined): { items: EvalValue[]; exact: boolean } | undefined;
  truthiness(value: EvalValue): boolean | undefined;
  defineFunction(node: SyntaxNode, scope: Scope, frame: Frame, owner?: ClassInfo): FunctionValue;
  defineClass(node: SyntaxNode, decorators: readonly SyntaxNode[], scope: Scope, frame: Frame): void;
  importStatement(node: SyntaxNode, scope: Scope, frame: Frame): void;
}

export class Interpreter extends EvaluationRun {
  expressions!: ExpressionEvaluator;
  program!: ProgramResolver;

  override site(node: SyntaxNode, frame: Frame | { source: EvalModule['source'] }): Site {
    return super.site(node, 'module' in frame ? frame.module : frame);
  }

  runModule(module: ModuleState): void {
    if (module.state !== 'pending') return;
    module.state = 'running';
    const frame: Frame = { returns: [], visible: true, module };
    this.block(module.root.namedChildren, module.scope, frame);
    module.state = 'done';
  }

  /** Runs statements in order; stops at the first that does not complete normally. */
  block(statements: readonly SyntaxNode[], scope: Scope, frame: Frame): Completion {
    if (this.nesting >= MAX_NESTING) return 'normal';
    this.nesting++;
    // A branch the rest of the block runs in (see `alternatives`) ends with the block.
    const branches = this.branches.length;
    try {
      for (const statement of statements) {
        const completion = this.statement(statement, scope, frame);
        if (completion !== 'normal') return completion;
      }
      return 'normal';
    } finally {
      this.nesting--;
      this.branches.length = branches;
    }
  }

  private body(node: SyntaxNode | null, scope: Scope, frame: Frame): Completion {
    if (!node) return 'normal';
    return this.block(node.type === 'block' ? node.namedChildren : [node], scope, frame);
  }

  statement(node: SyntaxNode, scope: Scope, frame: Frame): Completion {
    this.steps++;
    const expressions = this.expressions;
    switch (node.type) {
      case 'expression_statement':
        for (const child of node.namedChildren) expressions.evaluate(child, scope, frame);
        return 'normal';
      case 'return_statement': {
        const value = node.namedChildren.find((child) => child.type !== 'comment');
        frame.returns.push(value ? expressions.evaluate(value, scope, frame) : { kind: 'null', site: undefined });
        return 'return';
      }
      case 'raise_statement':
        for (const child of node.namedChildren) expressions.evaluate(child, scope, frame);
        return 'raise';
      case 'break_statement':
        return 'break';
      case 'continue_statement':
        return 'continue';
      case 'if_statement':
        return this.ifStatement(node, scope, frame);
      case 'for_statement':
        return this.forStatement(node, scope, frame);
      case 'while_statement': {
        const condition = node.childForFieldName('condition');
        if (condition) expressions.evaluate(condition, scope, frame);
        this.loops.push({ index: undefined, count: undefined });
        try {
          this.body(node.childForFieldName('body'), scope, frame);
        } finally {
          this.loops.pop();
        }
        return 'normal';
      }
      case 'try_statement':
        return this.tryStatement(node, scope, frame);
      case 'with_statement': {
        for (const clause of node.namedChildren) {
          if (clause.type !== 'with_clause') continue;
          for (const item of clause.namedChildren) this.withItem(item, scope, frame);
        }
        return this.body(node.childForFieldName('body'), scope, frame);
      }
      case 'match_statement': {
        const subject = node.childForFieldName('subject');
        if (subject) expressions.evaluate(subject, scope, frame);
        const choice = this.newChoice();
        for (const [branch, clause] of (node.childForFieldName('body')?.namedChildren ?? []).entries()) {
          if (clause.type === 'case_clause') this.inBranch(choice, branch, () => this.body(clause.childForFieldName('consequence'), scope, frame));
        }
        return 'normal';
      }
      case 'function_definition':
        scope.bind(node.childForFieldName('name')?.text ?? '', expressions.defineFunction(node, scope, frame));
        return 'normal';
      case 'class_definition':
        expressions.defineClass(node, [], scope, frame);
        return 'normal';
      case 'decorated_definition': {
        const definition = node.childForFieldName('definition');
        const decorators = node.namedChildren.filter((child) => child.type === 'decorator');
        if (definition?.type === 'class_definition') expressions.defineClass(definition, decorators, scope, frame);
        else if (definition?.type === 'function_definition') scope.bind(definition.childForFieldName('name')?.text ?? '', expressions.defineFunction(definition, scope, frame));
        return 'normal';
      }
      case 'import_statement':
      case 'import_from_statement':
        expressions.importStatement(node, scope, frame);
        return 'normal';
      case 'assert_statement': {
        // The message (`assert ok, f"..."`) is built only when the assertion fails.
        const condition = node.namedChildren.find((child) => child.type !== 'comment');
        if (condition) expressions.evaluate(condition, scope, frame);
        return 'normal';
      }
      case 'delete_statement':
        for (const child of node.namedChildren) expressions.evaluate(child, scope, frame);
        return 'normal';
      default:
        // pass, global, nonlocal, comments, future imports, print/exec statements of Python 2, ERROR nodes.
        return 'normal';
    }
  }

  private ifStatement(node: SyntaxNode, scope: Scope, frame: Frame): Completion {
    const branches: { condition: SyntaxNode | null; body: SyntaxNode | null }[] = [{ condition: node.childForFieldName('condition'), body: node.childForFieldName('consequence') }];
    for (const alternative of node.childrenForFieldName('alternative')) {
      if (alternative.type === 'elif_clause') branches.push({ condition: alternative.childForFieldName('condition'), body: alternative.childForFieldName('consequence') });
      else branches.push({ condition: null, body: alternative.childForFieldName('body') });
    }
    if (!branches.some((branch) => branch.condition === null)) branches.push({ condition: null, body: null });
    // Branches whose condition is known to be false are skipped; the first known-true one is the only one.
    const bodies: (SyntaxNode | null)[] = [];
    for (const branch of branches) {
      if (branch.condition) {
        const truth = this.expressions.truthiness(this.expressions.conditionValue(branch.condition, scope, frame));
        if (truth === false) continue;
        bodies.push(branch.body);
        if (truth === true) break;
      } else {
        bodies.push(branch.body);
      }
    }
    if (bodies.length === 1) return this.body(bodies[0] ?? null, scope, frame);
    return this.alternatives(bodies, scope, frame);
  }

  /**
   * Runs each alternative from the same bindings (the condition is not known), then keeps the
   * bindings they agree on; a name bound differently by them becomes unknown.
   */
  private alternatives(bodies: readonly (SyntaxNode | null)[], scope: Scope, frame: Frame): Completion {
    const before = scope.snapshot();
    const outcomes: { bindings: Map<string, EvalValue>; completion: Completion }[] = [];
    const choice = this.newChoice();
    for (const [branch, body] of bodies.entries()) {
      scope.restore(before);
      const completion = this.inBranch(choice, branch, () => this.body(body, scope, frame));
      outcomes.push({ bindings: scope.snapshot(), completion });
    }
    // Alternatives that leave (return, raise) do not flow on; their bindings do not matter after.
    const flowing = outcomes.filter((outcome) => outcome.completion === 'normal');
    if (flowing.length === 0) {
      scope.restore(outcomes[outcomes.length - 1]?.bindings ?? before);
      const completions = new Set(outcomes.map((outcome) => outcome.completion));
      return completions.size === 1 ? (outcomes[0]?.completion ?? 'normal') : 'return';
    }
    // `if c: return a` then `return b`: what follows runs only in the one alternative that flows on.
    if (flowing.length === 1 && outcomes.length > 1) this.branches.push({ choice, branch: outcomes.indexOf(flowing[0] as (typeof outcomes)[number]) });
    const merged = new Map<string, EvalValue>();
    const names = new Set<string>();
    for (const outcome of flowing) for (const name of outcome.bindings.keys()) names.add(name);
    for (const name of names) {
      const values = flowing.map((outcome) => outcome.bindings.get(name));
      const first = values[0];
      if (first !== undefined && values.every((value) => value === first || sameValue(value, first))) merged.set(name, first);
      else {
        // Bound by some alternatives only, or differently: keep an unknown that says so.
        const defined = values.find((value) => value !== undefined);
        merged.set(name, mergeAlternatives(values, defined));
      }
    }
    scope.restore(merged);
    return 'normal';
  }

  /** `with open(path) as f`: the context manager is evaluated, what it binds is not known. */
  private withItem(item: SyntaxNode, scope: Scope, frame: Frame): void {
    const value = item.childForFieldName('value') ?? item.namedChildren[0];
    if (!value) return;
    if (value.type !== 'as_pattern') {
      this.expressions.evaluate(value, scope, frame);
      return;
    }
    const [manager] = value.namedChildren;
    if (manager) this.expressions.evaluate(manager, scope, frame);
    const alias = value.namedChildren.find((child) => child.type === 'as_pattern_target');
    const target = alias?.namedChildren[0];
    if (target) this.expressions.assign(target, unknown('the value `with` binds', this.site(target, frame)), scope, frame);
  }

  private forStatement(node: SyntaxNode, scope: Scope, frame: Frame): Completion {
    const left = node.childForFieldName('left');
    const right = node.childForFieldName('right');
    const body = node.childForFieldName('body');
    if (!left || !right) return 'normal';
    const iterable = this.expressions.evaluate(right, scope, frame);
    const iteration = this.exhausted ? undefined : this.expressions.iterate(iterable, this.site(right, frame));
    if (!iteration || iteration.items.length > MAX_ITERATIONS) {
      // Unknown iterations: the body once, with the loop variable unknown.
      this.loops.push({ index: undefined, count: iteration?.items.length });
      try {
        this.expressions.assign(left, unknown(`an item of \`${right.text.slice(0, 60)}\``, this.site(right, frame)), scope, frame);
        // One pass stands for every iteration: a `return` or `break` in it may not happen.
        this.body(body, scope, frame);
        return 'normal';
      } finally {
        this.loops.pop();
      }
    }
    const count = iteration.exact ? iteration.items.length : undefined;
    for (const [index, item] of iteration.items.entries()) {
      this.loops.push({ index, count });
      let completion: Completion;
      try {
        this.expressions.assign(left, item, scope, frame);
        completion = this.body(body, scope, frame);
      } finally {
        this.loops.pop();
      }
      if (completion === 'break') break;
      if (completion === 'return' || completion === 'raise') return completion;
    }
    const alternative = node.childForFieldName('alternative');
    if (alternative) this.body(alternative.childForFieldName('body'), scope, frame);
    return 'normal';
  }

  private tryStatement(node: SyntaxNode, scope: Scope, frame: Frame): Completion {
    const completion = this.body(node.childForFieldName('body'), scope, frame);
    for (const child of node.namedChildren) {
      if (child.type === 'except_clause' || child.type === 'except_group_clause') {
        // The handler runs only when something failed: run it for what it creates, keep the try's outcome.
        const block = child.namedChildren.find((part) => part.type === 'block');
        const before = scope.snapshot();
        this.body(block ?? null, scope, frame);
        scope.restore(before);
      } else if (child.type === 'else_clause' && completion === 'normal') {
        this.body(child.childForFieldName('body'), scope, frame);
      } else if (child.type === 'finally_clause') {
        this.body(child.namedChildren.find((part) => part.type === 'block') ?? null, scope, frame);
      }
    }
    return completion === 'raise' ? 'normal' : completion;
  }

  /** Runs a function body with its parameters bound; the return value (joined over `return`s). */
  callFunction(fn: FunctionValue, bindings: Scope, frame: Frame): EvalValue {
    const node = fn.node;
    this.executed.add(node.id);
    const body = node.childForFieldName('body');
    if (!body) return unknown(`what \`${fn.name}\` returns`, fn.site);
    if (node.type === 'lambda') return this.expressions.evaluate(body, bindings, frame);
    this.callStack.push(node.id);
    try {
      const completion = this.body(body, bindings, frame);
      if (frame.returns.length === 0) return completion === 'raise' ? unknown(`\`${fn.name}\` raises`, fn.site) : { kind: 'null', site: undefined };
      const [first] = frame.returns;
      if (frame.returns.every((value) => value === first)) return first as EvalValue;
      return mergeAlternatives(frame.returns, first);
    } finally {
      this.callStack.pop();
    }
  }
}

function sameValue(a: EvalValue | undefined, b: EvalValue | undefined): boolean {
  if (!a || !b || a.kind !== b.kind) return false;
  if ((a.kind === 'string' || a.kind === 'number' || a.kind === 'boolean') && 'value' in b) return a.value === b.value;
  return a.kind === 'null';
}

/**
 * What a name holds after alternatives that bind it differently: resources and lists stay
 * visible when all alternatives agree on what kind they are... otherwise an unknown.
 */
function mergeAlternatives(values: readonly (EvalValue | undefined)[], example: EvalValue | undefined): EvalValue {
  const defined = values.filter((value): value is EvalValue => value !== undefined);
  const strings = defined.every((value) => value.kind === 'string' || value.kind === 'template' || (value.kind === 'unknown' && value.string === true));
  return unknown(defined.length < values.length ? 'a name bound only on some paths' : 'a value that depends on a condition', example && 'site' in example ? example.site : undefined, strings && defined.length > 0);
}
