/**
 * Definitions and imports for the Python evaluator: `def` and `lambda` make function values
 * closed over their scope; `class` runs its body for attributes and methods and notes whether it
 * is a Pulumi component; `import` binds program modules (evaluated first) or external names.
 */
import type { ComponentClass } from '../../pulumi/model.js';
import type { SyntaxNode } from '../../syntax/flat-tree.js';
import type { PythonExpressions } from './expressions.js';
import type { Frame } from './interpreter.js';
import type { ClassInfo, FunctionValue, EvalValue } from '../../pulumi/evaluation/eval-values.js';
import { Scope } from '../../pulumi/evaluation/scope.js';

const COMPONENT_BASES = new Set(['pulumi.ComponentResource', 'pulumi.resource.ComponentResource']);
/** Class bodies being run, so a `def` in one becomes a method of that class. */
const classOfScope = new WeakMap<Scope, ClassInfo>();

function decoratorNames(node: SyntaxNode): string[] {
  const parent = node.parent;
  if (parent?.type !== 'decorated_definition') return [];
  return parent.namedChildren
    .filter((child) => child.type === 'decorator')
    .map((decorator) => {
      const expression = decorator.namedChildren[0];
      const callee = expression?.type === 'call' ? expression.childForFieldName('function') : expression;
      return callee?.text.split('.').pop() ?? '';
    });
}

export function defineFunction(node: SyntaxNode, scope: Scope, frame: Frame, expressions: PythonExpressions, owner?: ClassInfo): FunctionValue {
  const classInfo = owner ?? (scope.kind === 'class' ? classOfScope.get(scope) : undefined);
  // A method's body does not see its class body's names: it closes over the scope around the class.
  const closure = scope.kind === 'class' && scope.parent ? scope.parent : scope;
  const fn: FunctionValue = {
    kind: 'function',
    name: node.type === 'lambda' ? '<lambda>' : (node.childForFieldName('name')?.text ?? '<function>'),
    node,
    closure,
    decorators: node.type === 'lambda' ? [] : decoratorNames(node),
    module: frame.module,
    site: expressions.interpreter.site(node.type === 'lambda' ? node : (node.childForFieldName('name') ?? node), frame),
  };
  if (classInfo) fn.owner = classInfo;
  return fn;
}

export function defineClass(node: SyntaxNode, decorators: readonly SyntaxNode[], scope: Scope, frame: Frame, expressions: PythonExpressions): void {
  const interpreter = expressions.interpreter;
  const nameNode = node.childForFieldName('name');
  const name = nameNode?.text ?? '<class>';
  const bases: EvalValue[] = [];
  const baseTexts: string[] = [];
  for (const argument of node.childForFieldName('superclasses')?.namedChildren ?? []) {
    if (argument.type === 'keyword_argument' || argument.type === 'comment') continue;
    baseTexts.push(argument.text);
    bases.push(expressions.evaluate(argument, scope, frame));
  }
  const isComponentResource = bases.some((base) => (base.kind === 'external' && COMPONENT_BASES.has(base.name)) || (base.kind === 'class' && base.info.isComponentResource));
  const isDataclass = decorators.some((decorator) => /(^|\.)dataclass$/.test((decorator.namedChildren[0]?.type === 'call' ? decorator.namedChildren[0].childForFieldName('function') : decorator.namedChildren[0])?.text ?? ''));
  const site = interpreter.site(nameNode ?? node, frame);
  const component: ComponentClass = { name, path: frame.module.path, site, bases: baseTexts, isComponentResource, registersOutputs: false, instances: [], resources: [] };
  const info: ClassInfo = {
    name,
    node,
    path: frame.module.path,
    bases,
    baseTexts,
    attributes: new Map(),
    isComponentResource,
    isDataclass,
    fieldNames: [],
    site,
    instantiated: false,
    component,
  };
  // Inherited dataclass fields come first.
  for (const base of bases) if (base.kind === 'class' && base.info.isDataclass) for (const name of base.info.fieldNames) info.fieldNames.push(name);
  const body = new Scope('class', scope, scope.path);
  classOfScope.set(body, info);
  const statements = node.childForFieldName('body')?.namedChildren ?? [];
  for (const statement of statements) {
    // Dataclass fields: `name: str` and `name: str = "x"`, in order.
    const assignment = statement.type === 'expression_statement' ? statement.namedChildren[0] : undefined;
    if (assignment?.type === 'assignment' && assignment.childForFieldName('type')) {
      const left = assignment.childForFieldName('left');
      if (left?.type === 'identifier' && !info.fieldNames.includes(left.text)) info.fieldNames.push(left.text);
    }
    interpreter.statement(statement, body, frame);
  }
  for (const [key, value] of body.entries()) info.attributes.set(key, value);
  if (isComponentResource) interpreter.builder.components.push(component);
  scope.bind(name, { kind: 'class', info, site });
  interpreter.classes.push(info);
}

/** The dotted module name a relative import means from a module at `path` (`from .network import x` in lib/tap_stack.py -> lib.network). */
function absoluteModule(moduleText: string, path: string): string {
  const dots = /^\.+/.exec(moduleText)?.[0].length ?? 0;
  if (dots === 0) return moduleText;
  const folders = path.split('/').slice(0, -1);
  const base = folders.slice(0, Math.max(0, folders.length - (dots - 1)));
  const rest = moduleText.slice(dots);
  return [...base, ...(rest ? rest.split('.') : [])].join('.');
}

export function importStatement(node: SyntaxNode, scope: Scope, frame: Frame, expressions: PythonExpressions): void {
  const interpreter = expressions.interpreter;
  const program = interpreter.program;
  const site = interpreter.site(node, frame);
  if (node.type === 'import_statement') {
    for (const child of node.namedChildren) {
      if (child.type === 'dotted_name') {
        // `import a.b` binds `a`; `a.b` is then reached through attributes.
        const first = child.text.split('.')[0] ?? child.text;
        const module = program.module(first, frame);
        scope.bind(first, module ?? { kind: 'external', name: first, site });
      } else if (child.type === 'aliased_import') {
        const name = child.childForFieldName('name')?.text;
        const alias = child.childForFieldName('alias')?.text;
        if (!name || !alias) continue;
        scope.bind(alias, program.module(name, frame) ?? { kind: 'external', name, site });
      }
    }
    return;
  }
  const moduleNode = node.childForFieldName('module_name');
  if (!moduleNode) return;
  const moduleName = absoluteModule(moduleNode.text, frame.module.path);
  const module = program.module(moduleName, frame);
  if (node.namedChildren.some((child) => child.type === 'wildcard_import')) {
    if (module) for (const [name, value] of module.scope.entries()) if (!name.startsWith('_')) scope.bind(name, value);
    return;
  }
  for (const child of node.childrenForFieldName('name')) {
    const name = child.type === 'aliased_import' ? child.childForFieldName('name')?.text : child.text;
    const alias = child.type === 'aliased_import' ? child.childForFieldName('alias')?.text : child.text;
    if (!name || !alias) continue;
    const value = module?.scope.own(name) ?? program.module(`${moduleName}.${name}`, frame) ?? (module ? undefined : program.definedElsewhere(moduleName, name, frame));
    scope.bind(alias, value ?? { kind: 'external', name: `${moduleName}.${name}`, site });
  }
}
