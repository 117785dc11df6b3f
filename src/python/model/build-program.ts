/**
 * Builds the program model of a Python program: every module is evaluated once, in order (a
 * module a program import names is evaluated first), then the entry pass runs what no visible
 * code ran: classes nobody instantiates (a stack class whose caller is another file, or not in
 * the change), functions and methods nobody calls, with unknown arguments. What they create is in
 * the model too, marked as not called from visible code.
 */
import { ModelBuilder } from '../../pulumi/builder.js';
import type { ProgramModel } from '../../pulumi/model.js';
import type { SiteSource } from '../../pulumi/site.js';
import { lineStartsOf } from '../../syntax/flat-records.js';
import type { SyntaxNode } from '../../syntax/flat-tree.js';
import type { SourceUnit } from '../../syntax/source-unit.js';
import { callFunction, instantiate, unknownArguments, type CallSite } from './calls.js';
import { PythonExpressions } from './expressions.js';
import { Interpreter, type Frame, type ModuleState, type ProgramResolver } from './interpreter.js';
import type { ProgramModule, EvalValue } from '../../pulumi/evaluation/eval-values.js';
import { Scope } from '../../pulumi/evaluation/scope.js';

/** Steps of evaluation allowed per syntax node of the program, and a floor for tiny programs. */
const STEPS_PER_NODE = 30;
const MIN_STEPS = 20_000;
/** Modules whose names are never the program's own (imports of them are external even in an answer). */
const EXTERNAL_TOP_MODULES = /^(pulumi|pulumi_[a-z0-9_]+|boto3|botocore|json|os|sys|typing|dataclasses|re|base64|hashlib|ipaddress|datetime|time|logging|pathlib|unittest|pytest|moto|collections|enum|abc|functools|itertools|textwrap|yaml|requests)$/;

export interface ProgramUnit {
  unit: SourceUnit;
  /** The unit's syntax tree, held for the evaluation. */
  root: SyntaxNode;
  /** The path the unit's code stands for: the file, or the file a Markdown block says it is. */
  modulePath: string;
}

export function buildPythonProgram(units: readonly ProgramUnit[], root: string, kind: ProgramModel['kind']): ProgramModel {
  const builder = new ModelBuilder(root, kind, 'python');
  const nodes = units.reduce((total, { root }) => total + root.tree.nodeCount, 0);
  const interpreter = new Interpreter(builder, Math.max(MIN_STEPS, nodes * STEPS_PER_NODE));
  const expressions = new PythonExpressions(interpreter);
  interpreter.expressions = expressions;
  // Blocks of one Markdown answer that stand for the same file are excerpts of it, in order: a
  // block sees the names its earlier blocks defined (the import in the first block, a VPC in the second).
  const previous = new Map<string, Scope>();
  const modules = units.map(({ unit, root, modulePath }) => {
    const module = moduleState(unit, root, modulePath, kind === 'answer' ? previous.get(modulePath) : undefined);
    previous.set(modulePath, module.scope);
    return module;
  });
  for (const { unit } of units) builder.files.add(unit.path);
  interpreter.program = resolver(modules, interpreter);
  for (const module of modules) interpreter.runModule(module);
  entryPass(modules, interpreter, expressions);
  return builder.build();
}

function moduleState(unit: SourceUnit, root: SyntaxNode, modulePath: string, earlier: Scope | undefined): ModuleState {
  let lineStarts: Int32Array | undefined;
  const source: SiteSource = {
    path: unit.path,
    lineOffset: unit.lineOffset,
    columnOffset: unit.columnOffset,
    get lineStarts() {
      return (lineStarts ??= lineStartsOf(unit.text));
    },
    text: () => unit.text,
  };
  return { path: modulePath, root, scope: new Scope('module', earlier, modulePath), source, state: 'pending' };
}

/** Dotted names a module path answers to: `lib/tap_stack.py` is `lib.tap_stack` and `tap_stack`; `lib/__init__.py` is `lib`. */
function dottedNames(path: string): string[] {
  const parts = path.replace(/\.pyi?$/, '').split('/');
  if (parts[parts.length - 1] === '__init__') parts.pop();
  const names: string[] = [];
  for (let start = 0; start < parts.length; start++) names.push(parts.slice(start).join('.'));
  return names;
}

function resolver(modules: readonly ModuleState[], interpreter: Interpreter): ProgramResolver {
  const byName = new Map<string, ModuleState>();
  // Longer (more specific) paths first, so `lib.tap_stack` wins over another file's `tap_stack`.
  for (const module of modules) for (const name of dottedNames(module.path)) if (!byName.has(name)) byName.set(name, module);
  const asValue = (module: ModuleState): ProgramModule => {
    interpreter.runModule(module);
    return { kind: 'program-module', path: module.path, scope: module.scope, site: undefined };
  };
  return {
    module(dotted) {
      const module = byName.get(dotted);
      return module ? asValue(module) : undefined;
    },
    definedElsewhere(moduleName, name, frame) {
      if (EXTERNAL_TOP_MODULES.test(moduleName.split('.')[0] ?? '')) return undefined;
      for (const module of modules) {
        if (module === frame.module) continue;
        interpreter.runModule(module);
        const found = module.scope.own(name);
        if (found !== undefined) return found;
      }
      return undefined;
    },
  };
}

/** Runs, with unknown arguments, the classes, functions and methods no visible code ran. */
function entryPass(modules: readonly ModuleState[], interpreter: Interpreter, expressions: PythonExpressions): void {
  for (const module of modules) {
    const frame: Frame = { returns: [], visible: false, module };
    for (const [, value] of [...module.scope.entries()]) {
      if (interpreter.exhausted) return;
      if (value.kind === 'class' && value.info.path === module.path && !value.info.instantiated) {
        instantiate(value.info, unknownArguments(), entryCall(value.info.node, frame, expressions), false);
      } else if (value.kind === 'function' && value.module === module && !interpreter.executed.has(value.node.id)) {
        callFunction(value, unknownArguments(), entryCall(value.node, frame, expressions), false);
      }
    }
  }
  // Methods nobody called (an `add_monitoring()` the entry point would call): on an instance of their class.
  for (const info of interpreter.classes) {
    for (const [, member] of info.attributes) {
      if (interpreter.exhausted) return;
      if (member.kind !== 'function' || interpreter.executed.has(member.node.id)) continue;
      const module = member.module;
      const frame: Frame = { returns: [], visible: false, module, owner: info };
      const self: EvalValue = (info.lastInstance ??= { kind: 'object', info, fields: new Map(), site: info.site });
      const bound = member.decorators.includes('staticmethod') ? member : { ...member, self };
      callFunction(bound, unknownArguments(), entryCall(member.node, frame, expressions), false);
    }
  }
}

function entryCall(node: CallSite['node'], frame: Frame, expressions: PythonExpressions): CallSite {
  return { node, callee: node.childForFieldName('name') ?? node, frame, expressions };
}
