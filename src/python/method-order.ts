/**
 * The `__init__` method-order case of IAC501 (checks/wrong-resource-dependencies.ts), as visitors
 * of the engine's one traversal: per class, the `self.x` attributes each method reads and assigns
 * and the `self` methods it calls (outside nested functions, lambdas and classes, which run
 * later), then, when the class is left, the `__init__` calls in an order where a method reads
 * what only a later-called method assigns. Python code order: it has no place in the model.
 */
import type { Visitors } from '../api/rule.js';
import { callArguments, stringLiteralValue } from './calls.js';
import type { SyntaxNode } from './parser.js';

export interface MethodMisorder {
  /** The `self.early()` call in `__init__`. */
  call: SyntaxNode;
  self: string;
  method: string;
  attribute: string;
  /** 0-based unit rows of the first read and of the later call. */
  readRow: number;
  later: string;
  laterRow: number;
}

interface MethodFacts {
  self: string;
  /** Attribute -> 0-based row of its first read. */
  reads: Map<string, number>;
  assigns: Set<string>;
  calls: Set<string>;
  /** Attributes guarded by `hasattr(self, "x")` / `getattr(self, "x", ...)`. */
  guarded: Set<string>;
}

type InitEvent = { kind: 'call'; method: string; node: SyntaxNode; at: number } | { kind: 'assign'; attribute: string; at: number };

interface ClassFacts {
  name: string;
  methods: Map<string, MethodFacts>;
  /** Class-level names (`nat_gateway = None`): reading them early is safe. */
  defaults: Set<string>;
  /** Calls of `self` methods and `self.x` assignments in `__init__`, in order. */
  init: InitEvent[];
  body: SyntaxNode | null;
}

type Frame = { kind: 'class'; facts: ClassFacts } | { kind: 'method'; facts: MethodFacts; name: string; owner: ClassFacts } | { kind: 'nested' };

const TARGET_PATTERNS = new Set(['pattern_list', 'tuple_pattern', 'list_pattern', 'parenthesized_expression']);

/** The assignment whose target `node` is (also inside `a, b = ...` patterns). */
function assignmentTargeting(node: SyntaxNode): SyntaxNode | undefined {
  let current = node;
  let parent = node.parent;
  while (parent && TARGET_PATTERNS.has(parent.type)) {
    current = parent;
    parent = parent.parent;
  }
  const isTarget = (parent?.type === 'assignment' || parent?.type === 'augmented_assignment') && parent.childForFieldName('left')?.id === current.id;
  return isTarget && parent ? parent : undefined;
}

function selfAttribute(node: SyntaxNode | null, self: string): string | undefined {
  if (node?.type !== 'attribute') return undefined;
  const object = node.childForFieldName('object');
  return object?.type === 'identifier' && object.text === self ? node.childForFieldName('attribute')?.text : undefined;
}

/**
 * Visitors that hand every misordered `__init__` call to `found` when its class is left, and to
 * `constructed` the methods `__init__` runs (itself, the `self` methods it calls, theirs...).
 */
export function methodOrderVisitors(found: (misorder: MethodMisorder) => void, constructed?: (className: string, methods: ReadonlySet<string>) => void): Visitors {
  const frames: Frame[] = [];
  const top = () => frames[frames.length - 1];
  const method = () => {
    const frame = top();
    return frame?.kind === 'method' ? frame : undefined;
  };
  const enterFunction = (node: SyntaxNode) => {
    const frame = top();
    const name = node.type === 'function_definition' ? node.childForFieldName('name')?.text : undefined;
    const first = node.childForFieldName('parameters')?.namedChildren[0];
    if (frame?.kind !== 'class' || !name || first?.type !== 'identifier') {
      frames.push({ kind: 'nested' });
      return;
    }
    const facts: MethodFacts = { self: first.text, reads: new Map(), assigns: new Set(), calls: new Set(), guarded: new Set() };
    frame.facts.methods.set(name, facts);
    frames.push({ kind: 'method', facts, name, owner: frame.facts });
  };
  const leave = () => void frames.pop();
  return {
    class_definition(node) {
      const name = node.childForFieldName('name')?.text ?? '';
      frames.push({ kind: 'class', facts: { name, methods: new Map(), defaults: new Set(), init: [], body: node.childForFieldName('body') } });
    },
    'class_definition:exit'() {
      const frame = frames.pop();
      if (frame?.kind !== 'class') return;
      judge(frame.facts, found);
      if (constructed && frame.facts.methods.has('__init__')) constructed(frame.facts.name, runByInit(frame.facts.methods));
    },
    function_definition: enterFunction,
    'function_definition:exit': leave,
    lambda: enterFunction,
    'lambda:exit': leave,
    assignment(node) {
      const frame = top();
      if (frame?.kind !== 'class' || node.parent?.parent?.id !== frame.facts.body?.id) return;
      const left = node.childForFieldName('left');
      const targets = left?.type === 'identifier' ? [left] : (left?.namedChildren ?? []);
      for (const target of targets) if (target.type === 'identifier') frame.facts.defaults.add(target.text);
    },
    call(node) {
      const frame = method();
      if (!frame) return;
      const fn = node.childForFieldName('function');
      const called = selfAttribute(fn, frame.facts.self);
      if (called) {
        frame.facts.calls.add(called);
        if (frame.name === '__init__') frame.owner.init.push({ kind: 'call', method: called, node, at: node.endIndex });
      } else if (fn?.type === 'identifier' && (fn.text === 'hasattr' || fn.text === 'getattr')) {
        const [object, name] = callArguments(node).positional;
        const attribute = name ? stringLiteralValue(name) : undefined;
        if (object?.text === frame.facts.self && attribute) frame.facts.guarded.add(attribute);
      }
    },
    attribute(node) {
      const frame = method();
      const attribute = frame ? selfAttribute(node, frame.facts.self) : undefined;
      if (!frame || !attribute) return;
      const statement = assignmentTargeting(node);
      if (statement) {
        frame.facts.assigns.add(attribute);
        // The assignment takes effect once its right-hand side (`self.vpc = self._network()`) ran.
        if (frame.name === '__init__') frame.owner.init.push({ kind: 'assign', attribute, at: statement.endIndex + 0.5 });
        return;
      }
      const parent = node.parent;
      const isCallee = parent?.type === 'call' && parent.childForFieldName('function')?.id === node.id;
      if (!isCallee && !frame.facts.reads.has(attribute)) frame.facts.reads.set(attribute, node.startPosition.row);
    },
  };
}

/** `__init__` and the methods it calls, directly or through other methods. */
function runByInit(methods: ReadonlyMap<string, MethodFacts>): Set<string> {
  const reached = new Set<string>(['__init__']);
  const pending = ['__init__'];
  while (pending.length) {
    for (const callee of methods.get(pending.pop() as string)?.calls ?? []) {
      if (methods.has(callee) && !reached.has(callee)) {
        reached.add(callee);
        pending.push(callee);
      }
    }
  }
  return reached;
}

/** Reads and assignments including those of the methods a method calls (to a fixpoint). */
function closedFacts(methods: ReadonlyMap<string, MethodFacts>): Map<string, { reads: Map<string, number>; assigns: Set<string> }> {
  const closed = new Map<string, { reads: Map<string, number>; assigns: Set<string> }>();
  for (const [name, facts] of methods) {
    const reads = new Map([...facts.reads].filter(([attribute]) => !facts.guarded.has(attribute)));
    closed.set(name, { reads, assigns: new Set(facts.assigns) });
  }
  let changed = true;
  for (let round = 0; changed && round < 50; round++) {
    changed = false;
    for (const [name, own] of closed) {
      for (const callee of methods.get(name)?.calls ?? []) {
        const other = closed.get(callee);
        if (!other || callee === name) continue;
        for (const [attribute, row] of other.reads) {
          if (!own.reads.has(attribute)) {
            own.reads.set(attribute, row);
            changed = true;
          }
        }
        for (const attribute of other.assigns) {
          if (!own.assigns.has(attribute)) {
            own.assigns.add(attribute);
            changed = true;
          }
        }
      }
    }
  }
  return closed;
}

function judge(klass: ClassFacts, found: (misorder: MethodMisorder) => void): void {
  const init = klass.methods.get('__init__');
  if (!init || klass.init.length === 0) return;
  const facts = closedFacts(klass.methods);
  const events = [...klass.init].sort((a, b) => a.at - b.at);
  const assigned = new Set(klass.defaults);
  for (const [index, event] of events.entries()) {
    if (event.kind === 'assign') {
      assigned.add(event.attribute);
      continue;
    }
    const own = facts.get(event.method);
    if (!own || event.method === '__init__') continue;
    for (const [attribute, readRow] of own.reads) {
      if (assigned.has(attribute) || own.assigns.has(attribute) || klass.methods.has(attribute)) continue;
      const later = events.slice(index + 1).find((next) => next.kind === 'call' && facts.get(next.method)?.assigns.has(attribute));
      if (!later || later.kind !== 'call') continue;
      found({ call: event.node, self: init.self, method: event.method, attribute, readRow, later: later.method, laterRow: later.node.startPosition.row });
      break;
    }
    for (const attribute of own.assigns) assigned.add(attribute);
  }
}
