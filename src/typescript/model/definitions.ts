/**
 * Definitions and imports for the TypeScript evaluator: function declarations, function
 * expressions and arrow functions (which keep the `this` of where they are written); classes
 * with their methods, static members and field initializers, noting whether a class extends
 * `pulumi.ComponentResource`; and imports, which bind program modules (evaluated first) or
 * names outside the program (`@pulumi/aws` is known as `pulumi_aws`, as in Python).
 */
import type { ComponentClass } from '../../pulumi/model.js';
import type { ClassInfo, EvalValue, FunctionValue } from '../../pulumi/evaluation/eval-values.js';
import { Scope } from '../../pulumi/evaluation/scope.js';
import type { SyntaxNode } from '../../syntax/flat-tree.js';
import type { TypeScriptExpressions } from './expressions.js';
import type { Frame } from './interpreter.js';

const COMPONENT_BASES = new Set(['pulumi.ComponentResource', 'pulumi.resource.ComponentResource']);

/** A field initializer (`private x = 3;`, `vpc = new aws.ec2.Vpc(...)`) run on each new object. */
export interface FieldInitializer {
  name: string;
  value: SyntaxNode | null;
  scope: Scope;
}

const fields = new WeakMap<ClassInfo, FieldInitializer[]>();

export function fieldInitializers(info: ClassInfo): readonly FieldInitializer[] {
  return fields.get(info) ?? [];
}

/** The name the program's modules use for a package: `@pulumi/aws` is `pulumi_aws`, `@pulumi/pulumi` is `pulumi`. */
export function externalModuleName(specifier: string): string {
  if (specifier === '@pulumi/pulumi') return 'pulumi';
  const scoped = /^@pulumi\/([a-z0-9-]+)$/.exec(specifier);
  return scoped ? `pulumi_${(scoped[1] as string).replace(/-/g, '_')}` : specifier;
}

export function defineFunction(node: SyntaxNode, scope: Scope, frame: Frame, expressions: TypeScriptExpressions, owner?: ClassInfo): FunctionValue {
  const name = node.childForFieldName('name')?.text ?? (node.type === 'arrow_function' ? '<arrow>' : '<function>');
  const fn: FunctionValue = {
    kind: 'function',
    name,
    node,
    closure: scope,
    decorators: [],
    module: frame.module,
    site: expressions.interpreter.site(node.childForFieldName('name') ?? node, frame),
  };
  if (owner) fn.owner = owner;
  // An arrow function keeps the `this` of the code it is written in.
  if (node.type === 'arrow_function' && frame.self) fn.self = frame.self;
  return fn;
}

export function defineClass(node: SyntaxNode, scope: Scope, frame: Frame, expressions: TypeScriptExpressions): EvalValue {
  const interpreter = expressions.interpreter;
  const nameNode = node.childForFieldName('name');
  const name = nameNode?.text ?? '<class>';
  const bases: EvalValue[] = [];
  const baseTexts: string[] = [];
  const heritage = node.namedChildren.find((child) => child.type === 'class_heritage');
  for (const clause of heritage?.namedChildren ?? []) {
    if (clause.type !== 'extends_clause') continue;
    const value = clause.childForFieldName('value') ?? clause.namedChildren[0];
    if (!value) continue;
    baseTexts.push(value.text);
    bases.push(expressions.evaluate(value, scope, frame));
  }
  const isComponentResource = bases.some((base) => (base.kind === 'external' && COMPONENT_BASES.has(base.name)) || (base.kind === 'class' && base.info.isComponentResource));
  const site = interpreter.site(nameNode ?? node, frame);
  const component: ComponentClass = { name, path: frame.module.path, site, bases: baseTexts, isComponentResource, registersOutputs: false, instances: [], resources: [] };
  const info: ClassInfo = { name, node, path: frame.module.path, bases, baseTexts, attributes: new Map(), isComponentResource, isDataclass: false, fieldNames: [], site, instantiated: false, component };
  const initializers: FieldInitializer[] = [];
  const classScope = new Scope('class', scope, scope.path);
  for (const member of node.childForFieldName('body')?.namedChildren ?? []) {
    const memberName = member.childForFieldName('name')?.text;
    if (!memberName) continue;
    const isStatic = member.children.some((child) => child.type === 'static');
    if (member.type === 'method_definition') {
      info.attributes.set(memberName, defineFunction(member, scope, frame, expressions, info));
    } else if (member.type === 'public_field_definition' || member.type === 'field_definition') {
      const value = member.childForFieldName('value');
      if (isStatic) info.attributes.set(memberName, value ? expressions.evaluate(value, classScope, frame) : { kind: 'null', site });
      else initializers.push({ name: memberName, value, scope });
    }
  }
  fields.set(info, initializers);
  if (isComponentResource) interpreter.builder.components.push(component);
  interpreter.classes.push(info);
  const value: EvalValue = { kind: 'class', info, site };
  if (nameNode) scope.bind(name, value);
  return value;
}

export function importStatement(node: SyntaxNode, scope: Scope, frame: Frame, expressions: TypeScriptExpressions): void {
  const interpreter = expressions.interpreter;
  const source = node.childForFieldName('source');
  const specifier = source ? source.text.slice(1, -1) : undefined;
  const clause = node.namedChildren.find((child) => child.type === 'import_clause');
  if (!specifier || !clause) return;
  const site = interpreter.site(node, frame);
  const module = specifier.startsWith('.') ? interpreter.program.module(specifier, frame.module.path) : undefined;
  const external = externalModuleName(specifier);
  for (const part of clause.namedChildren) {
    if (part.type === 'identifier' || part.type === 'namespace_import') {
      // `import aws from "..."` and `import * as aws from "..."`: the module itself.
      const local = part.type === 'identifier' ? part.text : part.namedChildren.find((child) => child.type === 'identifier')?.text;
      if (local) scope.bind(local, module ?? { kind: 'external', name: external, site });
    } else if (part.type === 'named_imports') {
      for (const specifierNode of part.namedChildren) {
        if (specifierNode.type !== 'import_specifier') continue;
        const name = specifierNode.childForFieldName('name')?.text;
        const local = specifierNode.childForFieldName('alias')?.text ?? name;
        if (!name || !local) continue;
        const found = module?.scope.own(name) ?? (module ? undefined : specifier.startsWith('.') ? interpreter.program.definedElsewhere(name, frame) : undefined);
        scope.bind(local, found ?? { kind: 'external', name: `${external}.${name}`, site });
      }
    }
  }
}
