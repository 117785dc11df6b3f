/**
 * IAC301: the seed's architecture failure. A class that creates Pulumi resources must be a
 * `ComponentResource`, call `super().__init__(type, name, props, opts)`, parent its children
 * to itself and register its outputs.
 */
import type { FileRule, FileRuleContext } from '../src/api/rule.js';
import type { PythonUnit } from '../src/python/units.js';
import { callArguments } from '../src/python/calls.js';
import { dottedName, qualifiedName } from '../src/python/names.js';
import type { SyntaxNode } from '../src/python/parser.js';
import { inlineResourceOptions, isComponentResourceName, resourceCalls, resourceOptionsArgument } from '../src/python/pulumi.js';
import { componentResourceFix } from '../src/python/rule-fixes.js';
import { descendantsOfType } from '../src/syntax/walk.js';

type BaseKind = 'component' | 'none' | 'other';

export const stackNotComponentResource: FileRule = {
  meta: {
    id: 'IAC301',
    name: 'stack-not-component-resource',
    title: 'Stack not a ComponentResource',
    category: 'Architecture',
    severity: 'error',
    why: 'A plain class that creates resources gives Pulumi no parent to group them under: no component in `pulumi preview`, no shared options (provider, protect) inherited by children, and no outputs registered.',
    fix: 'Subclass `pulumi.ComponentResource`, call `super().__init__("pkg:index:TapStack", name, None, opts)`, pass `opts=pulumi.ResourceOptions(parent=self)` to each child and end with `self.register_outputs({...})`.',
    badExample: 'class TapStack:\n    def __init__(self, name):\n        self.vpc = aws.ec2.Vpc(f"{name}-vpc", cidr_block="10.0.0.0/16")',
    goodExample:
      'class TapStack(pulumi.ComponentResource):\n    def __init__(self, name, opts=None):\n        super().__init__("tap:stack:TapStack", name, None, opts)\n        self.vpc = aws.ec2.Vpc(f"{name}-vpc", cidr_block="10.0.0.0/16",\n            opts=pulumi.ResourceOptions(parent=self))\n        self.register_outputs({"vpc_id": self.vpc.id})',
    seed: { report: 'model-failure-analysis', section: 'Architecture Pattern Violation' },
  },
  scope: 'file',
  check(unit, context) {
    const classes = [...descendantsOfType(unit.root, 'class_definition')];
    const kinds = new Map<string, BaseKind>();
    // Resolve in-module inheritance (class B(A) with A a component) in document order.
    for (const klass of classes) kinds.set(className(klass), baseKind(klass, unit, kinds));
    for (const klass of classes) {
      const body = klass.childForFieldName('body');
      if (!body) continue;
      const creations = resourceCalls(body, unit.imports);
      const kind = kinds.get(className(klass));
      const nameNode = klass.childForFieldName('name') ?? klass;
      if (kind === 'none' && creations.length > 0) {
        context.report({
          node: nameNode,
          message: `Class \`${className(klass)}\` creates Pulumi resources (${creations[0]?.qualified.replace(/^pulumi_aws/, 'aws')}) but does not subclass \`pulumi.ComponentResource\`.`,
          fix: componentResourceFix(klass, unit),
        });
      } else if (kind === 'component') {
        checkComponent(klass, nameNode, unit, context);
      }
    }
  },
};

function className(klass: SyntaxNode): string {
  return klass.childForFieldName('name')?.text ?? '<anonymous>';
}

function baseKind(klass: SyntaxNode, unit: PythonUnit, known: ReadonlyMap<string, BaseKind>): BaseKind {
  const superclasses = klass.childForFieldName('superclasses');
  const bases = superclasses ? superclasses.namedChildren.filter((node) => node.type !== 'keyword_argument' && node.type !== 'comment') : [];
  if (bases.length === 0) return 'none';
  if (bases.every((base) => base.text === 'object')) return 'none';
  for (const base of bases) {
    const qualified = qualifiedName(base, unit.imports);
    if (isComponentResourceName(qualified)) return 'component';
    if (qualified && known.get(qualified) === 'component') return 'component';
  }
  return 'other';
}

function checkComponent(klass: SyntaxNode, nameNode: SyntaxNode, unit: PythonUnit, context: FileRuleContext): void {
  const body = klass.childForFieldName('body');
  if (!body) return;
  const init = body.namedChildren
    .map((child) => (child.type === 'decorated_definition' ? child.childForFieldName('definition') : child))
    .find((child): child is SyntaxNode => child?.type === 'function_definition' && child.childForFieldName('name')?.text === '__init__');
  if (init) {
    const superCall = [...descendantsOfType(init, 'call')].find(isSuperInitCall);
    if (!superCall) {
      context.report({
        node: init.childForFieldName('name') ?? init,
        message: `\`${className(klass)}.__init__\` never calls \`super().__init__(type, name, props, opts)\`: the component is never registered with Pulumi.`,
      });
    } else {
      checkSuperArguments(superCall, klass, context);
    }
    const registers = [...descendantsOfType(body, 'call')].some((call) => dottedName(call.childForFieldName('function') ?? call)?.endsWith('.register_outputs'));
    if (!registers) {
      context.report({
        node: nameNode,
        severity: 'notice',
        message: `Component \`${className(klass)}\` never calls \`self.register_outputs(...)\`: Pulumi cannot tell when it has finished creating children.`,
      });
    }
  }
  for (const { call, qualified } of resourceCalls(body, unit.imports)) {
    const opts = resourceOptionsArgument(call);
    const options = opts ? inlineResourceOptions(opts, unit.imports) : new Map<string, SyntaxNode>();
    if (options && !options.has('parent')) {
      context.report({
        node: call.childForFieldName('function') ?? call,
        severity: 'warning',
        message: `\`${qualified.replace(/^pulumi_aws/, 'aws')}\` is created inside component \`${className(klass)}\` without \`parent=self\`: it will not be grouped under the component or inherit its provider.`,
      });
    }
  }
}

function isSuperInitCall(call: SyntaxNode): boolean {
  const fn = call.childForFieldName('function');
  if (!fn || fn.type !== 'attribute' || fn.childForFieldName('attribute')?.text !== '__init__') return false;
  const object = fn.childForFieldName('object');
  if (!object) return false;
  if (object.type === 'call' && object.childForFieldName('function')?.text === 'super') return true;
  return /(^|\.)ComponentResource$/.test(object.text);
}

function checkSuperArguments(call: SyntaxNode, klass: SyntaxNode, context: FileRuleContext): void {
  const args = callArguments(call);
  if (args.hasSplat) return;
  const explicitSelf = call.childForFieldName('function')?.childForFieldName('object')?.type !== 'call' ? 1 : 0;
  const positional = args.positional.length - explicitSelf;
  const has = (index: number, keyword: string) => positional > index || args.keywords.has(keyword);
  if (!has(0, 't') || !has(1, 'name')) {
    context.report({
      node: call,
      message: `\`${className(klass)}\` calls \`super().__init__\` without a type token and name: use \`super().__init__("pkg:index:${className(klass)}", name, None, opts)\`.`,
    });
  } else if (!has(3, 'opts')) {
    context.report({
      node: call,
      severity: 'warning',
      message: `\`${className(klass)}\` does not pass \`opts\` to \`super().__init__\`: the caller's provider, parent and protect options are dropped.`,
    });
  }
}
