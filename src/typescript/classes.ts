/**
 * What IAC301 needs to know about a TypeScript class, read from its declaration: whether it
 * extends Pulumi's `ComponentResource`, which resources it creates (`new aws.ec2.Vpc(...)`),
 * how its constructor calls `super(...)`, whether it registers its outputs, and whether its
 * caller hands it options (`opts`, `parent`, `provider`) to pass on. The TypeScript mirror of
 * src/python/class-roles.ts.
 */
import type { SyntaxNode } from '../syntax/flat-tree.js';
import { descendants } from '../syntax/walk.js';

export type BaseKind = 'component' | 'none' | 'other';

export interface TypeScriptCreation {
  node: SyntaxNode;
  /** `aws.ec2.Vpc`: the constructor as a reader knows it. */
  label: string;
  /** The resource options argument (`{ parent: this }`), when written. */
  options: SyntaxNode | undefined;
}

export interface TypeScriptClass {
  name: string;
  nameNode: SyntaxNode;
  base: BaseKind;
  creations: TypeScriptCreation[];
  constructorNode: SyntaxNode | undefined;
  superCall: SyntaxNode | undefined;
  registersOutputs: boolean;
  /** The constructor takes options, a parent or a provider from its caller. */
  receivesOptions: boolean;
}

const COMPONENT = /^@pulumi\/pulumi\.ComponentResource$/;
const OPTION_PARAMETER = /^(opts|options|parent|provider|providers|resourceOptions)$/;

/** `aws.ec2.Vpc` -> `@pulumi/aws.ec2.Vpc` through the unit's imports; undefined for anything else. */
export function qualifiedTypeScriptName(node: SyntaxNode, imports: ReadonlyMap<string, string>): string | undefined {
  if (node.type !== 'identifier' && node.type !== 'member_expression') return undefined;
  const text = node.text;
  if (!/^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/.test(text)) return undefined;
  const [first, ...rest] = text.split('.');
  const module = imports.get(first as string);
  return module === undefined ? undefined : [module, ...rest].join('.');
}

/** A `new` of a class from a Pulumi package other than the core SDK: a resource. */
export function resourceCreation(node: SyntaxNode, imports: ReadonlyMap<string, string>): TypeScriptCreation | undefined {
  if (node.type !== 'new_expression') return undefined;
  const constructor = node.childForFieldName('constructor');
  const qualified = constructor && qualifiedTypeScriptName(constructor, imports);
  if (!qualified || !qualified.startsWith('@pulumi/') || qualified.startsWith('@pulumi/pulumi.')) return undefined;
  if (!/\.[A-Z][\w$]*$/.test(qualified)) return undefined;
  const args = node.childForFieldName('arguments')?.namedChildren.filter((child) => child.type !== 'comment') ?? [];
  return { node, label: qualified.replace(/^@pulumi\//, ''), options: args[2] };
}

function baseKind(declaration: SyntaxNode, imports: ReadonlyMap<string, string>): BaseKind {
  const heritage = declaration.namedChildren.find((child) => child.type === 'class_heritage');
  const extendsClause = heritage?.namedChildren.find((child) => child.type === 'extends_clause');
  const base = extendsClause?.childForFieldName('value') ?? extendsClause?.namedChildren[0];
  if (!base) return 'none';
  const qualified = qualifiedTypeScriptName(base, imports);
  return qualified && COMPONENT.test(qualified) ? 'component' : 'other';
}

export function readTypeScriptClass(declaration: SyntaxNode, imports: ReadonlyMap<string, string>): TypeScriptClass | undefined {
  const nameNode = declaration.childForFieldName('name');
  const body = declaration.childForFieldName('body');
  if (!nameNode || !body) return undefined;
  const constructorNode = body.namedChildren.find((member) => member.type === 'method_definition' && member.childForFieldName('name')?.text === 'constructor');
  const creations: TypeScriptCreation[] = [];
  let superCall: SyntaxNode | undefined;
  let registersOutputs = false;
  for (const node of descendants(body)) {
    const creation = resourceCreation(node, imports);
    if (creation) creations.push(creation);
    else if (node.type === 'call_expression') {
      const callee = node.childForFieldName('function');
      if (callee?.type === 'super' && !superCall) superCall = node;
      else if (callee?.type === 'member_expression' && callee.childForFieldName('property')?.text === 'registerOutputs') registersOutputs = true;
    }
  }
  const parameters = constructorNode?.childForFieldName('parameters')?.namedChildren ?? [];
  const receivesOptions = parameters.some((parameter) => {
    const name = parameter.childForFieldName('pattern')?.text ?? '';
    const type = parameter.childForFieldName('type')?.text ?? '';
    return OPTION_PARAMETER.test(name) || /ResourceOptions|Provider\b/.test(type);
  });
  return { name: nameNode.text, nameNode, base: baseKind(declaration, imports), creations, constructorNode, superCall, registersOutputs, receivesOptions };
}

/** The options object literal says `parent:` (or spreads something that may). */
export function optionsMayHaveParent(options: SyntaxNode | undefined): boolean {
  if (!options) return false;
  if (options.type !== 'object') return true;
  return options.namedChildren.some((entry) =>
    entry.type === 'spread_element' ||
    ((entry.type === 'pair' && entry.childForFieldName('key')?.text === 'parent') || (entry.type === 'shorthand_property_identifier' && entry.text === 'parent')),
  );
}

/** Class names a unit's top level instantiates (`new TapStack(...)` in a program's entry point). */
export function topLevelInstantiations(root: SyntaxNode): Set<string> {
  const names = new Set<string>();
  for (const node of descendants(root)) {
    if (node.type !== 'new_expression') continue;
    const constructor = node.childForFieldName('constructor');
    if (constructor?.type !== 'identifier') continue;
    let inside = false;
    for (let parent = node.parent; parent; parent = parent.parent) {
      if (/function|method_definition|class_body|arrow_function/.test(parent.type)) inside = true;
    }
    if (!inside) names.add(constructor.text);
  }
  return names;
}
