/**
 * Builds the program model of a TypeScript program, as the Python front-end does: every module
 * is evaluated once (a module a relative import names is evaluated first), then the entry pass
 * runs, with unknown arguments, the classes and functions no visible code ran.
 */
import { ModelBuilder } from '../../pulumi/builder.js';
import type { EvalModule } from '../../pulumi/evaluation/run.js';
import { Scope } from '../../pulumi/evaluation/scope.js';
import type { ProgramModel } from '../../pulumi/model.js';
import type { SiteSource } from '../../pulumi/site.js';
import { lineStartsOf } from '../../syntax/flat-records.js';
import type { SyntaxNode } from '../../syntax/flat-tree.js';
import type { SourceUnit } from '../../syntax/source-unit.js';
import { callFunction, instantiate, unknownArguments, type CallSite } from './calls.js';
import { TypeScriptExpressions } from './expressions.js';
import { TypeScriptInterpreter, type Frame, type ProgramResolver } from './interpreter.js';

const STEPS_PER_NODE = 30;
const MIN_STEPS = 20_000;

export interface ProgramUnit {
  unit: SourceUnit;
  root: SyntaxNode;
  modulePath: string;
}

export function buildTypeScriptProgram(units: readonly ProgramUnit[], root: string, kind: ProgramModel['kind']): ProgramModel {
  const builder = new ModelBuilder(root, kind, 'typescript');
  const nodes = units.reduce((total, unit) => total + unit.root.tree.nodeCount, 0);
  const interpreter = new TypeScriptInterpreter(builder, Math.max(MIN_STEPS, nodes * STEPS_PER_NODE));
  const expressions = new TypeScriptExpressions(interpreter);
  interpreter.expressions = expressions;
  const modules = units.map(({ unit, root: tree, modulePath }) => moduleState(unit, tree, modulePath));
  for (const { unit } of units) builder.files.add(unit.path);
  interpreter.program = resolver(modules, interpreter);
  for (const module of modules) interpreter.runModule(module);
  entryPass(modules, interpreter, expressions);
  return builder.build();
}

function moduleState(unit: SourceUnit, root: SyntaxNode, modulePath: string): EvalModule {
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
  return { path: modulePath, root, scope: new Scope('module', undefined, modulePath), source, state: 'pending' };
}

/** `../lib/tap-stack` from `bin/tap.ts` is `lib/tap-stack.ts` (or `lib/tap-stack/index.ts`). */
function resolvePath(specifier: string, from: string): string[] {
  const parts = from.split('/').slice(0, -1);
  for (const segment of specifier.split('/')) {
    if (segment === '..') parts.pop();
    else if (segment !== '.' && segment !== '') parts.push(segment);
  }
  const base = parts.join('/').replace(/\.(js|ts)$/, '');
  return [`${base}.ts`, `${base}/index.ts`, base];
}

function resolver(modules: readonly EvalModule[], interpreter: TypeScriptInterpreter): ProgramResolver {
  const byPath = new Map(modules.map((module) => [module.path, module]));
  return {
    module(specifier, from) {
      for (const candidate of resolvePath(specifier, from)) {
        const module = byPath.get(candidate);
        if (!module) continue;
        interpreter.runModule(module);
        return { kind: 'program-module', path: module.path, scope: module.scope, site: undefined };
      }
      return undefined;
    },
    definedElsewhere(name, frame) {
      // A Markdown answer's blocks import each other by paths the answer only names in prose.
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

function entryPass(modules: readonly EvalModule[], interpreter: TypeScriptInterpreter, expressions: TypeScriptExpressions): void {
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
  for (const info of interpreter.classes) {
    for (const [name, member] of info.attributes) {
      if (interpreter.exhausted) return;
      if (name === 'constructor' || member.kind !== 'function' || interpreter.executed.has(member.node.id)) continue;
      const frame: Frame = { returns: [], visible: false, module: member.module, owner: info };
      const self = (info.lastInstance ??= { kind: 'object', info, fields: new Map(), site: info.site });
      callFunction({ ...member, self }, unknownArguments(), entryCall(member.node, frame, expressions), false);
    }
  }
}

function entryCall(node: SyntaxNode, frame: Frame, expressions: TypeScriptExpressions): CallSite {
  return { node, callee: node.childForFieldName('name') ?? node, frame, expressions };
}
