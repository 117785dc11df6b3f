/**
 * IAC301: the seed's architecture failure, judged on the stack. The stack class (`TapStack`, or
 * the class a module instantiates at its top level) must be a `ComponentResource`, call
 * `super().__init__(type, name, props, opts)`, parent its children to itself and register its
 * outputs. Helper classes that receive `parent`/`provider`/`opts` from their caller and pass them
 * on, data and args classes, mixins, provider factories and test doubles are not stacks; a plain
 * helper that creates resources with nothing from its caller gets a warning (its resources
 * leave the component tree). A unit cut off mid-file is judged on the code before the cut.
 */
import type { ModelRule, UnitContext } from '../src/api/rule.js';
import { optionsMayHaveParent, readTypeScriptClass, topLevelInstantiations, type TypeScriptCreation } from '../src/typescript/classes.js';
import type { PythonUnit } from '../src/python/units.js';
import { callArguments } from '../src/python/calls.js';
import { baseKinds, className, classRole, moduleLevelInstantiations, shortResourceName, type Creation } from '../src/python/class-roles.js';
import { dottedName, importTable, type ImportTable } from '../src/python/names.js';
import { componentResourceFix } from '../src/python/rule-fixes.js';
import type { SyntaxNode } from '../src/python/parser.js';
import { inlineResourceOptions, resourceCalls, resourceOptionsArgument } from '../src/python/pulumi.js';
import { parsedBeforeCut } from '../src/python/truncation.js';
import { descendantsOfType } from '../src/syntax/walk.js';

/** Resources named in a message before "and N more". */
const NAMED_IN_MESSAGE = 3;

export const stackNotComponentResource: ModelRule<undefined> = {
  meta: {
    id: 'IAC301',
    name: 'stack-not-component-resource',
    title: 'Stack not a ComponentResource',
    category: 'Architecture',
    severity: 'error',
    why: 'A plain stack class that creates resources gives Pulumi no parent to group them under: no component in `pulumi preview`, no shared options (provider, protect) inherited by children, and no outputs registered.',
    fix: 'Subclass `pulumi.ComponentResource`, call `super().__init__("pkg:index:TapStack", name, None, opts)`, pass `opts=pulumi.ResourceOptions(parent=self)` to each child and end with `self.register_outputs({...})`. A helper class may stay plain if it receives `parent`/`provider` (or `opts`) from the stack and passes them to what it creates.',
    autofix: 'Python: the class gets the `ComponentResource` base, `__init__` an `opts=None` parameter if it has none, and a first statement `super().__init__("pkg:index:<Class>", name, None, opts)`; when the module imports `pulumi` (or `ComponentResource`) and `__init__` takes `name` and calls no `__init__` itself.',
    badExample: 'class TapStack:\n    def __init__(self, name):\n        self.vpc = aws.ec2.Vpc(f"{name}-vpc", cidr_block="10.0.0.0/16")',
    goodExample:
      'class TapStack(pulumi.ComponentResource):\n    def __init__(self, name, opts=None):\n        super().__init__("tap:stack:TapStack", name, None, opts)\n        self.vpc = aws.ec2.Vpc(f"{name}-vpc", cidr_block="10.0.0.0/16",\n            opts=pulumi.ResourceOptions(parent=self))\n        self.register_outputs({"vpc_id": self.vpc.id})',
    seed: { report: 'model-failure-analysis', section: 'Architecture Pattern Violation' },
    languages: ['python', 'typescript'],
  },
  scope: 'model',
  visitors: {
    python: (context) => ({ 'unit:exit': () => checkPythonUnit(context.unit, context) }),
    typescript: (context) => ({ class_declaration: (node) => judgeTypeScriptClass(node, context) }),
  },
};

type UnitReporter = Pick<UnitContext, 'report'>;

function checkPythonUnit(unit: PythonUnit, context: UnitReporter): void {
  // A file cut inside a bracket leaves its classes unparsed: judge the code before the cut.
  const before = unit.root.hasError ? parsedBeforeCut(unit.text, unit.tree) : undefined;
  const root = before?.rootNode ?? unit.root;
  const imports = before ? importTable(root) : unit.imports;
  const classes = [...descendantsOfType(root, 'class_definition')];
  const kinds = baseKinds(classes, imports);
  const stackNames = moduleLevelInstantiations(root);
  for (const klass of classes) {
    const role = classRole(klass, imports, kinds, stackNames, unit.isTestFile);
    const nameNode = klass.childForFieldName('name') ?? klass;
    // A fix edits the unit's own tree; a cut-off unit is judged on a reparsed prefix, so no fix there.
    const fix = before ? undefined : componentResourceFix(klass, unit);
    if (role.kind === 'stack') {
      context.report({
        node: nameNode,
        message: `The stack class \`${className(klass)}\` is a plain class: it creates ${listCreations(role.creations, unit)} but does not subclass \`pulumi.ComponentResource\`, so nothing groups its resources or passes them a parent and provider.`,
        ...(fix ? { fix } : {}),
      });
    } else if (role.kind === 'detached-helper') {
      context.report({
        node: nameNode,
        severity: 'warning',
        message: `Class \`${className(klass)}\` creates ${listCreations(role.creations, unit)} but is neither a \`pulumi.ComponentResource\` nor given a \`parent\`/\`provider\` (or \`opts\`) by its caller to pass on: its resources sit outside the stack's component with the default provider.`,
        ...(fix ? { fix } : {}),
      });
    } else if (role.kind === 'component' && !(unit.isTestFile && /^(Mock|Fake|Stub|Dummy)/.test(className(klass)))) {
      checkComponent(klass, nameNode, unit, imports, context);
    }
  }
}

function lineOf(node: SyntaxNode, unit: PythonUnit): number {
  return unit.lineOffset + node.startPosition.row + 1;
}

/** `aws.ec2.Vpc (line 12), aws.ec2.Subnet (line 20) and 4 more`. */
function listCreations(creations: readonly Creation[], unit: PythonUnit): string {
  const named = creations.slice(0, NAMED_IN_MESSAGE).map(({ call, label }) => `\`${label}\` (line ${lineOf(call, unit)})`);
  const more = creations.length - named.length;
  return more > 0 ? `${named.join(', ')} and ${more} more` : named.join(', ');
}

function checkComponent(klass: SyntaxNode, nameNode: SyntaxNode, unit: PythonUnit, imports: ImportTable, context: UnitReporter): void {
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
  checkChildrenParented(klass, body, unit, imports, context);
}

/**
 * One warning per component for the children it creates with inline options but no `parent`.
 * Providers are left out: one works wherever it sits in the tree, and it is what children inherit.
 */
function checkChildrenParented(klass: SyntaxNode, body: SyntaxNode, unit: PythonUnit, imports: ImportTable, context: UnitReporter): void {
  const orphans: Creation[] = [];
  for (const { call, qualified } of resourceCalls(body, imports)) {
    if (/\.Provider$/.test(qualified)) continue;
    const opts = resourceOptionsArgument(call);
    const options = opts ? inlineResourceOptions(opts, imports) : new Map<string, SyntaxNode>();
    if (options && !options.has('parent')) orphans.push({ call, label: shortResourceName(qualified) });
  }
  const first = orphans[0];
  if (!first) return;
  const what = orphans.length === 1 ? `${listCreations(orphans, unit)} without \`parent=self\`: it is` : `${orphans.length} resources without \`parent=self\` (${listCreations(orphans, unit)}): they are`;
  context.report({
    node: first.call.childForFieldName('function') ?? first.call,
    severity: 'warning',
    message: `Component \`${className(klass)}\` creates ${what} not grouped under the component and do${orphans.length === 1 ? 'es' : ''} not inherit its options (provider, protect).`,
  });
}

function isSuperInitCall(call: SyntaxNode): boolean {
  const fn = call.childForFieldName('function');
  if (!fn || fn.type !== 'attribute' || fn.childForFieldName('attribute')?.text !== '__init__') return false;
  const object = fn.childForFieldName('object');
  if (!object) return false;
  if (object.type === 'call' && object.childForFieldName('function')?.text === 'super') return true;
  return /(^|\.)ComponentResource$/.test(object.text);
}

function checkSuperArguments(call: SyntaxNode, klass: SyntaxNode, context: UnitReporter): void {
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

/**
 * TypeScript: the same judgement on `class_declaration`s. A stack class (`TapStack`, any
 * `...Stack`, or a class the unit instantiates at its top level) must extend
 * `pulumi.ComponentResource`, call `super(type, name, args, opts)`, parent its children and
 * register its outputs; a plain helper given nothing by its caller gets a warning.
 */
function judgeTypeScriptClass(declaration: SyntaxNode, context: UnitContext): void {
  const { unit } = context;
  const klass = readTypeScriptClass(declaration, unit.imports);
  if (!klass || !klass.creations.length) return;
  if (unit.isTestFile && /^(Mock|Fake|Stub|Dummy)/.test(klass.name)) return;
  const list = (creations: readonly TypeScriptCreation[]) => listTypeScriptCreations(creations, unit);
  if (klass.base === 'none') {
    const isStack = klass.name === 'TapStack' || /Stack$/.test(klass.name) || topLevelInstantiations(unit.root).has(klass.name);
    if (isStack && !unit.isTestFile) {
      context.report({
        node: klass.nameNode,
        message: `The stack class \`${klass.name}\` is a plain class: it creates ${list(klass.creations)} but does not extend \`pulumi.ComponentResource\`, so nothing groups its resources or passes them a parent and provider.`,
      });
    } else if (!klass.receivesOptions && !unit.isTestFile) {
      context.report({
        node: klass.nameNode,
        severity: 'warning',
        message: `Class \`${klass.name}\` creates ${list(klass.creations)} but is neither a \`pulumi.ComponentResource\` nor given a \`parent\`/\`provider\` (or \`opts\`) by its caller to pass on: its resources sit outside the stack's component with the default provider.`,
      });
    }
    return;
  }
  if (klass.base !== 'component') return;
  if (klass.constructorNode) {
    const args = klass.superCall?.childForFieldName('arguments')?.namedChildren.filter((child) => child.type !== 'comment') ?? [];
    const spread = args.some((arg) => arg.type === 'spread_element');
    if (!klass.superCall) {
      context.report({ node: klass.constructorNode.childForFieldName('name') ?? klass.constructorNode, message: `\`${klass.name}\`'s constructor never calls \`super(type, name, args, opts)\`: the component is never registered with Pulumi.` });
    } else if (!spread && args.length < 2) {
      context.report({ node: klass.superCall, message: `\`${klass.name}\` calls \`super\` without a type token and name: use \`super("pkg:index:${klass.name}", name, {}, opts)\`.` });
    } else if (!spread && args.length < 4) {
      context.report({ node: klass.superCall, severity: 'warning', message: `\`${klass.name}\` does not pass \`opts\` to \`super\`: the caller's provider, parent and protect options are dropped.` });
    }
    if (!klass.registersOutputs) {
      context.report({ node: klass.nameNode, severity: 'notice', message: `Component \`${klass.name}\` never calls \`this.registerOutputs(...)\`: Pulumi cannot tell when it has finished creating children.` });
    }
  }
  const orphans = klass.creations.filter((creation) => !/\.Provider$/.test(creation.label) && !optionsMayHaveParent(creation.options));
  const first = orphans[0];
  if (!first) return;
  const what = orphans.length === 1 ? `${list(orphans)} without \`parent: this\`: it is` : `${orphans.length} resources without \`parent: this\` (${list(orphans)}): they are`;
  context.report({
    node: first.node.childForFieldName('constructor') ?? first.node,
    severity: 'warning',
    message: `Component \`${klass.name}\` creates ${what} not grouped under the component and do${orphans.length === 1 ? 'es' : ''} not inherit its options (provider, protect).`,
  });
}

function listTypeScriptCreations(creations: readonly TypeScriptCreation[], unit: PythonUnit): string {
  const named = creations.slice(0, NAMED_IN_MESSAGE).map(({ node, label }) => `\`${label}\` (line ${lineOf(node, unit)})`);
  const more = creations.length - named.length;
  return more > 0 ? `${named.join(', ')} and ${more} more` : named.join(', ');
}
