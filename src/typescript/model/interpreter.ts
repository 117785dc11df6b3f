/**
 * The TypeScript front-end's evaluator: runs a program's statements abstractly, once, to learn
 * what it creates, as the Python one does (src/python/model/interpreter.ts): module code top to
 * bottom, calls into the program's own functions, arrow functions, classes and methods with the
 * call's arguments, loops over known arrays (`for...of`, `.map`, `.forEach`, counted `for`), and
 * unknown values with a reason for everything else. Statements here; expressions in
 * expressions.ts, calls in calls.ts. Bounded the same way (src/pulumi/evaluation/run.ts).
 */
import { EvaluationRun, MAX_ITERATIONS, MAX_NESTING, type EvalModule } from '../../pulumi/evaluation/run.js';
import type { ClassInfo, EvalValue, FunctionValue, ObjectValue, ProgramModule } from '../../pulumi/evaluation/eval-values.js';
import { Scope } from '../../pulumi/evaluation/scope.js';
import type { Site } from '../../pulumi/site.js';
import { unknown } from '../../pulumi/values.js';
import type { SyntaxNode } from '../../syntax/flat-tree.js';
import type { TypeScriptExpressions } from './expressions.js';

export type Completion = 'normal' | 'return' | 'break' | 'continue' | 'throw';

export interface Frame {
  returns: EvalValue[];
  owner?: ClassInfo;
  functionName?: string;
  /** `this` inside a method or constructor. */
  self?: ObjectValue;
  visible: boolean;
  module: EvalModule;
}

export interface ProgramResolver {
  /** A program module by the specifier an import names, from the importing module's path. */
  module(specifier: string, from: string): ProgramModule | undefined;
  definedElsewhere(name: string, frame: Frame): EvalValue | undefined;
}

export class TypeScriptInterpreter extends EvaluationRun {
  expressions!: TypeScriptExpressions;
  program!: ProgramResolver;

  override site(node: SyntaxNode, frame: Frame | { source: EvalModule['source'] }): Site {
    return super.site(node, 'module' in frame ? frame.module : frame);
  }

  runModule(module: EvalModule): void {
    if (module.state !== 'pending') return;
    module.state = 'running';
    const frame: Frame = { returns: [], visible: true, module };
    this.hoist(module.root.namedChildren, module.scope, frame);
    this.block(module.root.namedChildren, module.scope, frame);
    module.state = 'done';
  }

  /** Function and class declarations are bound before the code around them runs (JavaScript hoisting). */
  hoist(statements: readonly SyntaxNode[], scope: Scope, frame: Frame): void {
    for (const statement of statements) {
      const declaration = statement.type === 'export_statement' ? statement.childForFieldName('declaration') : statement;
      if (declaration?.type === 'function_declaration') {
        const name = declaration.childForFieldName('name')?.text;
        if (name) scope.bind(name, this.expressions.defineFunction(declaration, scope, frame));
      }
    }
  }

  block(statements: readonly SyntaxNode[], scope: Scope, frame: Frame): Completion {
    if (this.nesting >= MAX_NESTING) return 'normal';
    this.nesting++;
    try {
      for (const statement of statements) {
        const completion = this.statement(statement, scope, frame);
        if (completion !== 'normal') return completion;
      }
      return 'normal';
    } finally {
      this.nesting--;
    }
  }

  /** A statement used as a body: a block gets its own scope for `let`/`const`. */
  body(node: SyntaxNode | null, scope: Scope, frame: Frame): Completion {
    if (!node) return 'normal';
    if (node.type === 'statement_block') {
      const inner = new Scope('function', scope, scope.path);
      this.hoist(node.namedChildren, inner, frame);
      return this.block(node.namedChildren, inner, frame);
    }
    return this.block([node], scope, frame);
  }

  statement(node: SyntaxNode, scope: Scope, frame: Frame): Completion {
    this.steps++;
    const expressions = this.expressions;
    switch (node.type) {
      case 'expression_statement':
        for (const child of node.namedChildren) expressions.evaluate(child, scope, frame);
        return 'normal';
      case 'lexical_declaration':
      case 'variable_declaration':
        for (const declarator of node.namedChildren) {
          if (declarator.type !== 'variable_declarator') continue;
          const name = declarator.childForFieldName('name');
          const valueNode = declarator.childForFieldName('value');
          const value = valueNode ? expressions.evaluate(valueNode, scope, frame) : unknown('a variable with no value yet', name ? this.site(name, frame) : undefined);
          if (name) expressions.assign(name, value, scope, frame);
        }
        return 'normal';
      case 'export_statement':
        return this.exportStatement(node, scope, frame);
      case 'return_statement': {
        const value = node.namedChildren.find((child) => child.type !== 'comment');
        frame.returns.push(value ? expressions.evaluate(value, scope, frame) : { kind: 'null', site: undefined });
        return 'return';
      }
      case 'throw_statement':
        for (const child of node.namedChildren) expressions.evaluate(child, scope, frame);
        return 'throw';
      case 'break_statement':
        return 'break';
      case 'continue_statement':
        return 'continue';
      case 'statement_block':
        return this.body(node, scope, frame);
      case 'if_statement':
        return this.ifStatement(node, scope, frame);
      case 'for_in_statement':
        return this.forOf(node, scope, frame);
      case 'for_statement':
        return this.countedFor(node, scope, frame);
      case 'while_statement':
      case 'do_statement': {
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
      case 'try_statement': {
        const completion = this.body(node.childForFieldName('body'), scope, frame);
        const handler = node.childForFieldName('handler');
        if (handler) {
          const inner = new Scope('function', scope, scope.path);
          const parameter = handler.childForFieldName('parameter');
          if (parameter) expressions.assign(parameter, unknown('the error caught', this.site(parameter, frame)), inner, frame);
          this.body(handler.childForFieldName('body'), inner, frame);
        }
        const finalizer = node.childForFieldName('finalizer');
        if (finalizer) this.body(finalizer.childForFieldName('body'), scope, frame);
        return completion === 'throw' ? 'normal' : completion;
      }
      case 'switch_statement': {
        const value = node.childForFieldName('value');
        if (value) expressions.evaluate(value, scope, frame);
        for (const clause of node.childForFieldName('body')?.namedChildren ?? []) {
          const statements = clause.namedChildren.filter((child) => child.id !== clause.childForFieldName('value')?.id);
          this.block(statements, new Scope('function', scope, scope.path), frame);
        }
        return 'normal';
      }
      case 'labeled_statement':
        return this.body(node.childForFieldName('body'), scope, frame);
      case 'function_declaration':
        // Bound when the block was entered (hoisting); a nested declaration in a branch binds here.
        if (!scope.has(node.childForFieldName('name')?.text ?? '')) scope.bind(node.childForFieldName('name')?.text ?? '', expressions.defineFunction(node, scope, frame));
        return 'normal';
      case 'class_declaration':
      case 'abstract_class_declaration':
        expressions.defineClass(node, scope, frame);
        return 'normal';
      case 'import_statement':
        expressions.importStatement(node, scope, frame);
        return 'normal';
      default:
        // Type-only declarations (interface, type alias, enum, namespace), empty statements, comments.
        return 'normal';
    }
  }

  /** `export const x = ...` in the program's entry module is a stack output. */
  private exportStatement(node: SyntaxNode, scope: Scope, frame: Frame): Completion {
    const declaration = node.childForFieldName('declaration');
    if (declaration) {
      const completion = this.statement(declaration, scope, frame);
      if (declaration.type === 'lexical_declaration' || declaration.type === 'variable_declaration') {
        for (const declarator of declaration.namedChildren) {
          const name = declarator.type === 'variable_declarator' ? declarator.childForFieldName('name') : null;
          if (name?.type !== 'identifier') continue;
          const value = scope.lookup(name.text);
          if (value !== undefined) this.expressions.recordExport(name, value, frame);
        }
      }
      return completion;
    }
    const value = node.childForFieldName('value');
    if (value) this.expressions.evaluate(value, scope, frame);
    return 'normal';
  }

  private ifStatement(node: SyntaxNode, scope: Scope, frame: Frame): Completion {
    const condition = node.childForFieldName('condition');
    const consequence = node.childForFieldName('consequence');
    const alternative = node.childForFieldName('alternative');
    const otherwise = alternative ? (alternative.namedChildren.find((child) => child.type !== 'comment') ?? null) : null;
    const truth = condition ? this.expressions.truthiness(this.expressions.conditionValue(condition, scope, frame)) : undefined;
    if (truth === true) return this.body(consequence, scope, frame);
    if (truth === false) return this.body(otherwise, scope, frame);
    // Both branches, from the same bindings; a name they bind differently becomes unknown.
    const before = scope.snapshot();
    const first = this.body(consequence, scope, frame);
    const afterFirst = scope.snapshot();
    scope.restore(before);
    const second = this.body(otherwise, scope, frame);
    const afterSecond = scope.snapshot();
    const merged = new Map<string, EvalValue>();
    for (const name of new Set([...afterFirst.keys(), ...afterSecond.keys()])) {
      const a = afterFirst.get(name);
      const b = afterSecond.get(name);
      if (first !== 'normal' && b !== undefined) merged.set(name, b);
      else if (second !== 'normal' && a !== undefined) merged.set(name, a);
      else if (a === b && a !== undefined) merged.set(name, a);
      else merged.set(name, unknown('a value that depends on a condition', condition ? this.site(condition, frame) : undefined));
    }
    scope.restore(merged);
    return first !== 'normal' && second !== 'normal' && first === second ? first : 'normal';
  }

  /** `for (const x of xs)` over a known array (or `in` over a known object's keys); else the body once. */
  private forOf(node: SyntaxNode, scope: Scope, frame: Frame): Completion {
    const left = node.childForFieldName('left');
    const right = node.childForFieldName('right');
    const body = node.childForFieldName('body');
    if (!left || !right) return 'normal';
    const isIn = node.children.some((child) => !child.isNamed && child.type === 'in');
    const value = this.expressions.evaluate(right, scope, frame);
    const iteration = this.exhausted ? undefined : isIn ? this.expressions.keysOf(value) : this.expressions.iterate(value);
    if (!iteration || iteration.items.length > MAX_ITERATIONS) {
      this.loops.push({ index: undefined, count: iteration?.items.length });
      try {
        const inner = new Scope('function', scope, scope.path);
        this.expressions.assign(left, unknown(`an item of \`${right.text.slice(0, 60)}\``, this.site(right, frame)), inner, frame);
        this.body(body, inner, frame);
      } finally {
        this.loops.pop();
      }
      return 'normal';
    }
    const count = iteration.exact ? iteration.items.length : undefined;
    for (const [index, item] of iteration.items.entries()) {
      this.loops.push({ index, count });
      let completion: Completion;
      try {
        const inner = new Scope('function', scope, scope.path);
        this.expressions.assign(left, item, inner, frame);
        completion = this.body(body, inner, frame);
      } finally {
        this.loops.pop();
      }
      if (completion === 'break') break;
      if (completion === 'return' || completion === 'throw') return completion;
    }
    return 'normal';
  }

  /** `for (let i = 0; i < n; i++)`: iterated when the counter stays known, else the body once. */
  private countedFor(node: SyntaxNode, scope: Scope, frame: Frame): Completion {
    const inner = new Scope('function', scope, scope.path);
    const initializer = node.childForFieldName('initializer');
    if (initializer) this.statement(initializer, inner, frame);
    const condition = node.childForFieldName('condition');
    const increment = node.childForFieldName('increment');
    const body = node.childForFieldName('body');
    const test = () => (condition && condition.type !== 'empty_statement' ? this.expressions.truthiness(this.expressions.evaluate(condition.type === 'expression_statement' ? (condition.namedChildren[0] ?? condition) : condition, inner, frame)) : undefined);
    let index = 0;
    for (let truth = test(); truth === true && index < MAX_ITERATIONS && !this.exhausted; truth = test(), index++) {
      this.loops.push({ index, count: undefined });
      let completion: Completion;
      try {
        completion = this.body(body, new Scope('function', inner, scope.path), frame);
      } finally {
        this.loops.pop();
      }
      if (completion === 'break') return 'normal';
      if (completion === 'return' || completion === 'throw') return completion;
      if (increment) this.expressions.evaluate(increment, inner, frame);
      if (test() === undefined) break;
    }
    if (index === 0 && test() !== false) {
      this.loops.push({ index: undefined, count: undefined });
      try {
        this.body(body, new Scope('function', inner, scope.path), frame);
      } finally {
        this.loops.pop();
      }
    }
    return 'normal';
  }

  /** Runs a function body with its parameters bound; the return value (one, or unknown when several differ). */
  callFunction(fn: FunctionValue, bindings: Scope, frame: Frame): EvalValue {
    const node = fn.node;
    this.executed.add(node.id);
    const body = node.childForFieldName('body');
    if (!body) return unknown(`what \`${fn.name}\` returns`, fn.site);
    if (body.type !== 'statement_block') return this.expressions.evaluate(body, bindings, frame);
    this.callStack.push(node.id);
    try {
      this.hoist(body.namedChildren, bindings, frame);
      const completion = this.block(body.namedChildren, bindings, frame);
      if (frame.returns.length === 0) return completion === 'throw' ? unknown(`\`${fn.name}\` throws`, fn.site) : { kind: 'null', site: undefined };
      const [first] = frame.returns;
      if (frame.returns.every((value) => value === first)) return first as EvalValue;
      return unknown(`what \`${fn.name}\` returns`, fn.site);
    } finally {
      this.callStack.pop();
    }
  }
}
