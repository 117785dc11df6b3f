/**
 * IAC501: resources created in an order that cannot work. Three cases:
 *  - `__init__` calls a method that reads `self.x`, which is only assigned by a method called
 *    later (an AttributeError at `pulumi up`, or a resource built from the wrong value);
 *  - a NAT gateway (or its Elastic IP) without a dependency on the internet gateway of the same
 *    program: the seed's route-table/NAT sequencing failure;
 *  - a resource referenced by a hard-coded ID string while the resource object is in scope.
 */
import type { FileRule, FileRuleContext } from '../src/engine/rule.js';
import type { PythonUnit } from '../src/engine/source.js';
import { callArguments, calleeName, stringLiteralValue } from '../src/python/calls.js';
import { dottedName } from '../src/python/names.js';
import type { SyntaxNode } from '../src/python/parser.js';
import { inlineResourceOptions, isResourceClass, resourceOptionsArgument } from '../src/python/pulumi.js';
import { ownScopeNodes } from '../src/python/scope-walk.js';
import { descendants, descendantsOfType } from '../src/python/walk.js';

const NESTED_SCOPES = ['function_definition', 'lambda', 'class_definition'];

export const wrongResourceDependencies: FileRule = {
  meta: {
    id: 'IAC501',
    name: 'wrong-resource-dependencies',
    title: 'Wrong or missing resource dependencies',
    category: 'Infrastructure',
    severity: 'error',
    why: 'Pulumi creates resources in parallel unless one references another. A NAT gateway created before the VPC\'s internet gateway is attached fails; a `_create_*` method that reads an attribute a later method assigns raises AttributeError; a hard-coded ID hides the dependency on a resource the program is creating, so it is not waited for (and points at the wrong resource on the next deployment).',
    fix: 'Call the `_create_*` methods in dependency order; give NAT gateways (or their Elastic IPs) `opts=pulumi.ResourceOptions(depends_on=[igw])`; reference `vpc.id` instead of a `"vpc-..."` string.',
    badExample:
      'igw = aws.ec2.InternetGateway("igw", vpc_id=vpc.id)\neip = aws.ec2.Eip("nat", domain="vpc")\nnat = aws.ec2.NatGateway("nat", subnet_id=public.id, allocation_id=eip.id)',
    goodExample:
      'igw = aws.ec2.InternetGateway("igw", vpc_id=vpc.id)\neip = aws.ec2.Eip("nat", domain="vpc")\nnat = aws.ec2.NatGateway("nat", subnet_id=public.id, allocation_id=eip.id,\n    opts=pulumi.ResourceOptions(depends_on=[igw]))',
    seed: { report: 'model-failure-analysis', section: 'Incomplete Resource Dependencies' },
  },
  scope: 'file',
  check(unit, context) {
    if (unit.isTestFile) return;
    for (const klass of descendantsOfType(unit.root, 'class_definition')) checkMethodOrder(klass, unit, context);
    const resources = resourceCalls(unit);
    checkNatGateways(resources, unit, context);
    checkHardCodedIds(resources, unit, context);
  },
};

function fileLine(node: SyntaxNode, unit: PythonUnit): number {
  return unit.lineOffset + node.startPosition.row + 1;
}


// ---------------------------------------------------------------------------------------------
// Case 1: __init__ calls methods in an order where one reads what a later one assigns.

interface MethodFacts {
  /** Attribute -> first node reading it. */
  reads: Map<string, SyntaxNode>;
  assigns: Set<string>;
  calls: Set<string>;
}

function methodsOf(klass: SyntaxNode): Map<string, SyntaxNode> {
  const methods = new Map<string, SyntaxNode>();
  for (const child of klass.childForFieldName('body')?.namedChildren ?? []) {
    const definition = child.type === 'decorated_definition' ? child.childForFieldName('definition') : child;
    const name = definition?.type === 'function_definition' ? definition.childForFieldName('name')?.text : undefined;
    if (definition && name) methods.set(name, definition);
  }
  return methods;
}

function classAttributes(klass: SyntaxNode): Set<string> {
  const names = new Set<string>();
  for (const child of klass.childForFieldName('body')?.namedChildren ?? []) {
    const assignment = child.type === 'expression_statement' ? child.namedChildren[0] : undefined;
    const left = assignment?.type === 'assignment' ? assignment.childForFieldName('left') : undefined;
    if (left) for (const identifier of descendantsOfType(left, 'identifier')) names.add(identifier.text);
  }
  return names;
}

function selfName(method: SyntaxNode): string | undefined {
  const first = method.childForFieldName('parameters')?.namedChildren[0];
  return first?.type === 'identifier' ? first.text : undefined;
}

/** `self.x` -> `x` for an attribute node on the method's self parameter (memoised: `__init__` is read twice). */
function selfAttribute(node: SyntaxNode, self: string): string | undefined {
  if (node.type !== 'attribute') return undefined;
  const memo = node.tree.memo<{ self: string; attribute: string | undefined }>('selfAttribute');
  const cached = memo[node.index];
  if (cached?.self === self) return cached.attribute;
  const object = node.childForFieldName('object');
  const attribute = object?.type === 'identifier' && object.text === self ? node.childForFieldName('attribute')?.text : undefined;
  memo[node.index] = { self, attribute };
  return attribute;
}

const TARGET_PATTERNS = ['pattern_list', 'tuple_pattern', 'list_pattern', 'parenthesized_expression'];

function directFacts(method: SyntaxNode, unit: PythonUnit): MethodFacts {
  const facts: MethodFacts = { reads: new Map(), assigns: new Set(), calls: new Set() };
  const self = selfName(method);
  const body = method.childForFieldName('body');
  if (!self || !body) return facts;
  const guarded = new Set<string>();
  for (const node of ownSelfNodes(body, self, unit, true)) {
    if (node.type === 'call') {
      const fn = node.childForFieldName('function');
      const called = fn ? selfAttribute(fn, self) : undefined;
      if (called) facts.calls.add(called);
      // hasattr(self, "x") / getattr(self, "x", ...) guard reads of x.
      if (fn?.type === 'identifier' && (fn.text === 'hasattr' || fn.text === 'getattr')) {
        const [object, name] = callArguments(node).positional;
        const attribute = name ? stringLiteralValue(name) : undefined;
        if (object?.text === self && attribute) guarded.add(attribute);
      }
      continue;
    }
    const attribute = selfAttribute(node, self);
    if (!attribute) continue;
    const parent = node.parent ?? undefined;
    if (assignmentTargetingUp(node)) facts.assigns.add(attribute);
    else if (!parent || parent.type !== 'call' || parent.childForFieldName('function')?.id !== node.id) {
      if (!facts.reads.has(attribute)) facts.reads.set(attribute, node);
    }
  }
  for (const attribute of guarded) facts.reads.delete(attribute);
  return facts;
}

/** True for ASCII identifier characters (a non-ASCII neighbour is left to the tree to decide). */
function isWordCode(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
}

/** True when `text` has the word `word` at `index` (not followed by an ASCII identifier character). */
function wordAt(text: string, index: number, word: string): boolean {
  return text.startsWith(word, index) && !isWordCode(text.charCodeAt(index + word.length));
}

/**
 * The nodes of a method body the order checks look at, outside nested functions, lambdas and
 * classes, in document order: calls whose callee may be `self.x` (or `hasattr`/`getattr` when
 * `guards`), and `self.x` attribute nodes. Found through the shared node index and the source
 * text (every occurrence of the `self` name, confirmed by the tree) instead of visiting every
 * node of the body: a call's callee starts where the call starts, so a call whose text does
 * not start with the word `self` (or `hasattr`/`getattr`) cannot have one of those callees.
 */
function ownSelfNodes(body: SyntaxNode, self: string, unit: PythonUnit, guards: boolean): SyntaxNode[] {
  const text = unit.text;
  const found: SyntaxNode[] = [];
  for (const call of descendantsOfType(body, 'call')) {
    const start = call.startIndex;
    if (wordAt(text, start, self) || (guards && (wordAt(text, start, 'hasattr') || wordAt(text, start, 'getattr')))) found.push(call);
  }
  const end = body.endIndex;
  for (let index = text.indexOf(self, body.startIndex); index >= 0 && index + self.length <= end; index = text.indexOf(self, index + 1)) {
    const identifier = body.tree.leafOfTypeAt('identifier', index, index + self.length);
    if (!identifier) continue;
    const attribute = identifier.parent;
    if (attribute?.type === 'attribute' && attribute.childForFieldName('object')?.id === identifier.id) found.push(attribute);
  }
  found.sort((a, b) => a.startIndex - b.startIndex || b.endIndex - a.endIndex);
  return outsideNestedScopes(found, descendantsOfType(body, NESTED_SCOPES));
}

/** The nodes (sorted by start) that are not inside one of `scopes` (sorted by start, properly nested or disjoint). */
function outsideNestedScopes(nodes: readonly SyntaxNode[], scopes: readonly SyntaxNode[]): SyntaxNode[] {
  const kept: SyntaxNode[] = [];
  const open: { end: number; id: number }[] = [];
  let next = 0;
  for (const node of nodes) {
    const start = node.startIndex;
    for (; next < scopes.length && (scopes[next] as SyntaxNode).startIndex <= start; next++) {
      const scope = scopes[next] as SyntaxNode;
      while (open.length && (open[open.length - 1] as { end: number }).end <= scope.startIndex) open.pop();
      open.push({ end: scope.endIndex, id: scope.id });
    }
    while (open.length && (open[open.length - 1] as { end: number }).end <= start) open.pop();
    const innermost = open[open.length - 1];
    if (!innermost || innermost.id === node.id) kept.push(node);
  }
  return kept;
}

/**
 * The assignment whose target `node` is (also inside `a, b = ...` patterns), reading only the
 * parents it needs: the climb through patterns stops at the method body at the latest (a block
 * is not a pattern).
 */
function assignmentTargetingUp(node: SyntaxNode): SyntaxNode | undefined {
  let current = node;
  let parent = node.parent;
  while (parent && TARGET_PATTERNS.includes(parent.type)) {
    current = parent;
    parent = parent.parent;
  }
  const isTarget = (parent?.type === 'assignment' || parent?.type === 'augmented_assignment') && parent.childForFieldName('left')?.id === current.id;
  return isTarget && parent ? parent : undefined;
}

/** Reads and assignments including those of the methods a method calls (to a fixpoint). */
function closedFacts(methods: Map<string, SyntaxNode>, unit: PythonUnit): Map<string, MethodFacts> {
  const facts = new Map<string, MethodFacts>();
  for (const [name, method] of methods) facts.set(name, directFacts(method, unit));
  const direct = new Map([...facts].map(([name, value]) => [name, { reads: new Map(value.reads), assigns: new Set(value.assigns), calls: value.calls }]));
  let changed = true;
  for (let round = 0; changed && round < 50; round++) {
    changed = false;
    for (const [name, own] of facts) {
      for (const callee of direct.get(name)?.calls ?? []) {
        const other = facts.get(callee);
        if (!other || callee === name) continue;
        for (const [attribute, node] of other.reads) {
          if (!own.reads.has(attribute)) {
            own.reads.set(attribute, node);
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
  return facts;
}

type InitEvent = { kind: 'call'; method: string; node: SyntaxNode; at: number } | { kind: 'assign'; attribute: string; at: number };

function checkMethodOrder(klass: SyntaxNode, unit: PythonUnit, context: FileRuleContext): void {
  const methods = methodsOf(klass);
  const init = methods.get('__init__');
  const self = init ? selfName(init) : undefined;
  const body = init?.childForFieldName('body');
  if (!init || !self || !body) return;
  const facts = closedFacts(methods, unit);
  const defaults = classAttributes(klass);
  const events: InitEvent[] = [];
  for (const node of ownSelfNodes(body, self, unit, false)) {
    if (node.type === 'call') {
      const fn = node.childForFieldName('function');
      const method = fn ? selfAttribute(fn, self) : undefined;
      if (method && method !== '__init__' && methods.has(method)) events.push({ kind: 'call', method, node, at: node.endIndex });
    } else {
      const attribute = selfAttribute(node, self);
      const statement = attribute ? assignmentTargetingUp(node) : undefined;
      if (attribute && statement) events.push({ kind: 'assign', attribute, at: statement.endIndex + 0.5 });
    }
  }
  events.sort((a, b) => a.at - b.at);
  const assigned = new Set<string>(defaults);
  for (const [index, event] of events.entries()) {
    if (event.kind === 'assign') {
      assigned.add(event.attribute);
      continue;
    }
    const own = facts.get(event.method);
    if (!own) continue;
    for (const [attribute, readNode] of own.reads) {
      if (assigned.has(attribute) || own.assigns.has(attribute) || methods.has(attribute)) continue;
      const later = events.slice(index + 1).find((next) => next.kind === 'call' && facts.get(next.method)?.assigns.has(attribute));
      if (!later || later.kind !== 'call') continue;
      context.report({
        node: event.node,
        message: `\`${self}.${event.method}()\` reads \`${self}.${attribute}\` (line ${fileLine(readNode, unit)}), which is only assigned by \`${self}.${later.method}()\`, called later (line ${fileLine(later.node, unit)}): call \`${later.method}\` first.`,
      });
      break;
    }
    for (const attribute of own.assigns) assigned.add(attribute);
  }
}

// ---------------------------------------------------------------------------------------------
// Resource bindings shared by cases 2 and 3.

interface Resource {
  call: SyntaxNode;
  qualified: string;
  /** The name the resource is reachable by (`igw`, `self.igw`, `self.nat_gateways`). */
  binding: string | undefined;
  /** Scope the binding lives in (class for `self.x`, function or module otherwise). */
  scope: SyntaxNode | undefined;
}

function resourceCalls(unit: PythonUnit): Resource[] {
  const found: Resource[] = [];
  for (const call of descendantsOfType(unit.root, 'call')) {
    const qualified = calleeName(call, unit.imports);
    if (!qualified?.startsWith('pulumi_aws.') || !isResourceClass(qualified)) continue;
    const binding = bindingOf(call);
    found.push({ call, qualified, binding, scope: binding ? scopeOf(call, binding) : undefined });
  }
  return found;
}

/** What a resource is stored in: `x = R()`, `self.x = R()`, `xs.append(R())`, `xs = [R() for ...]`, `xs[k] = R()`. */
function bindingOf(call: SyntaxNode): string | undefined {
  let node = call;
  for (let guard = 0; guard < 8; guard++) {
    const parent = node.parent;
    if (!parent) return undefined;
    if (parent.type === 'parenthesized_expression' || parent.type === 'list' || parent.type === 'tuple') {
      node = parent;
      continue;
    }
    if ((parent.type === 'list_comprehension' || parent.type === 'generator_expression') && parent.childForFieldName('body')?.id === node.id) {
      node = parent;
      continue;
    }
    if (parent.type === 'assignment' && parent.childForFieldName('right')?.id === node.id) {
      const left = parent.childForFieldName('left');
      if (!left) return undefined;
      return dottedName(left.type === 'subscript' ? (left.childForFieldName('value') ?? left) : left);
    }
    if (parent.type === 'argument_list') {
      const fn = parent.parent?.childForFieldName('function');
      const method = fn?.type === 'attribute' ? fn.childForFieldName('attribute')?.text : undefined;
      const object = fn?.childForFieldName('object');
      if ((method === 'append' || method === 'extend') && object) return dottedName(object);
    }
    return undefined;
  }
  return undefined;
}

function scopeOf(node: SyntaxNode, name: string): SyntaxNode | undefined {
  const types = name.startsWith('self.') ? ['class_definition'] : ['function_definition', 'module'];
  for (let current = node.parent; current; current = current.parent) {
    if (types.includes(current.type)) return current;
  }
  return undefined;
}

/** The resources a dotted reference at `at` can mean: a local binding first, then the module's, or the class's for `self.x`. */
function resolve(reference: string, at: SyntaxNode, resources: readonly Resource[]): Resource[] {
  const candidates = resources.filter((resource) => resource.binding === reference);
  if (candidates.length === 0) return [];
  if (reference.startsWith('self.')) {
    const klass = scopeOf(at, reference);
    return candidates.filter((resource) => resource.scope?.id === klass?.id);
  }
  const local = scopeOf(at, reference);
  const inLocal = candidates.filter((resource) => resource.scope?.id === local?.id);
  if (inLocal.length > 0) return inLocal;
  return candidates.filter((resource) => resource.scope?.type === 'module');
}

/** Like `resolve`, and a loop variable stands for what its loop iterates over (`for eip in eips`). */
function resolveWithLoops(reference: string, at: SyntaxNode, resources: readonly Resource[]): Resource[] {
  const direct = resolve(reference, at, resources);
  if (direct.length > 0 || reference.includes('.')) return direct;
  for (let current = at.parent; current; current = current.parent) {
    if (NESTED_SCOPES.includes(current.type)) break;
    if (current.type !== 'for_statement') continue;
    const left = current.childForFieldName('left');
    const iterable = current.childForFieldName('right');
    if (!left || !iterable || ![...descendantsOfType(left, 'identifier')].some((identifier) => identifier.text === reference)) continue;
    return references(iterable).flatMap((name) => resolve(name, at, resources));
  }
  return [];
}

/** Inline options of a resource call, also through a variable assigned once (`child = ResourceOptions(...)`). */
function optionsOf(call: SyntaxNode, unit: PythonUnit): ReadonlyMap<string, SyntaxNode> | undefined {
  const opts = resourceOptionsArgument(call);
  if (!opts || opts.type === 'none') return new Map();
  const inline = inlineResourceOptions(opts, unit.imports);
  if (inline || opts.type !== 'identifier') return inline;
  let scope: SyntaxNode | undefined;
  for (let current = call.parent; current && !scope; current = current.parent) {
    if (current.type === 'function_definition' || current.type === 'module') scope = current;
  }
  if (!scope) return undefined;
  const parameters = scope.childForFieldName('parameters');
  if (parameters && references(parameters).includes(opts.text)) return undefined;
  const assignments = [...ownScopeNodes(scope)].filter(
    (node) => node.type === 'assignment' && node.childForFieldName('left')?.text === opts.text,
  );
  const value = assignments.length === 1 ? assignments[0]?.childForFieldName('right') : undefined;
  return value ? inlineResourceOptions(value, unit.imports) : undefined;
}

/** Dotted names referenced below `node` (`eip.id` gives `eip.id` and `eip`). */
function references(node: SyntaxNode): string[] {
  const names = new Set<string>();
  for (const child of descendants(node)) {
    if (child.type !== 'identifier' && child.type !== 'attribute') continue;
    const dotted = dottedName(child);
    if (!dotted) continue;
    const parts = dotted.split('.');
    for (let length = 1; length <= parts.length; length++) names.add(parts.slice(0, length).join('.'));
  }
  return [...names];
}

// ---------------------------------------------------------------------------------------------
// Case 2: NAT gateways without a dependency on the internet gateway.

const GATEWAYS = new Set(['pulumi_aws.ec2.InternetGateway', 'pulumi_aws.ec2.InternetGatewayAttachment']);

interface DependencyView {
  /** Resources a resource depends on, or undefined when its options cannot be read. */
  deps: Resource[] | undefined;
  /** Names in the relevant arguments that resolve to nothing (parameters, other objects). */
  unresolved: string[];
}

function dependencies(resource: Resource, resources: readonly Resource[], unit: PythonUnit, relevant?: readonly string[]): DependencyView {
  const args = callArguments(resource.call);
  const options = optionsOf(resource.call, unit);
  if (!options || args.hasSplat) return { deps: undefined, unresolved: [] };
  const deps: Resource[] = [];
  const unresolved: string[] = [];
  const argumentNodes = [...args.positional.slice(1, 2), ...[...args.keywords].filter(([key]) => key !== 'opts').map(([, value]) => value)];
  for (const value of argumentNodes) {
    for (const name of references(value)) deps.push(...resolveWithLoops(name, resource.call, resources));
  }
  const dependsOn = options.get('depends_on');
  if (dependsOn) {
    const items = dependsOn.type === 'list' || dependsOn.type === 'tuple' ? dependsOn.namedChildren.filter((item) => item.type !== 'comment') : [dependsOn];
    for (const item of items) {
      const name = dottedName(item.type === 'subscript' ? (item.childForFieldName('value') ?? item) : item);
      const found = name ? resolveWithLoops(name, resource.call, resources) : [];
      if (found.length === 0) unresolved.push(item.text);
      deps.push(...found);
    }
  }
  for (const key of relevant ?? []) {
    const value = args.keywords.get(key);
    if (!value || stringLiteralValue(value) !== undefined) continue;
    const heads = references(value).filter((name) => !name.includes('.') || (name.startsWith('self.') && name.split('.').length === 2));
    const head = heads.find((name) => name.startsWith('self.')) ?? heads[0];
    if (head && resolveWithLoops(head, resource.call, resources).length === 0) unresolved.push(head);
  }
  return { deps, unresolved };
}

function checkNatGateways(resources: readonly Resource[], unit: PythonUnit, context: FileRuleContext): void {
  const gateways = resources.filter((resource) => GATEWAYS.has(resource.qualified) && resource.binding);
  if (gateways.length === 0) return;
  for (const nat of resources) {
    if (nat.qualified !== 'pulumi_aws.ec2.NatGateway') continue;
    const connectivity = callArguments(nat.call).keywords.get('connectivity_type');
    if (connectivity && stringLiteralValue(connectivity) === 'private') continue;
    // Only gateways the NAT gateway could refer to from where it is created.
    const reachable = gateways.filter((gateway) => resolve(gateway.binding as string, nat.call, resources).some((found) => found.call.id === gateway.call.id));
    if (reachable.length === 0) continue;
    const own = dependencies(nat, resources, unit, ['allocation_id']);
    if (!own.deps || own.unresolved.length > 0) continue;
    const verdict = reachesGateway(own.deps, reachable, resources, unit);
    if (verdict !== 'missing') continue;
    const gateway = reachable[0] as Resource;
    context.report({
      node: nat.call.childForFieldName('function') ?? nat.call,
      message: `This NAT gateway does not depend on internet gateway \`${gateway.binding}\` (line ${fileLine(gateway.call, unit)}): add \`depends_on=[${gateway.binding}]\` to its options (or to its Elastic IP's), or it may be created before the gateway is attached and fail.`,
    });
  }
}

/** Walks the dependency graph from `start`; 'unknown' when some options along the way cannot be read. */
function reachesGateway(start: readonly Resource[], gateways: readonly Resource[], resources: readonly Resource[], unit: PythonUnit): 'yes' | 'missing' | 'unknown' {
  const targets = new Set(gateways.map((gateway) => gateway.call.id));
  const seen = new Set<number>();
  const pending = [...start];
  while (pending.length > 0) {
    const resource = pending.pop() as Resource;
    if (seen.has(resource.call.id)) continue;
    seen.add(resource.call.id);
    if (targets.has(resource.call.id) || GATEWAYS.has(resource.qualified)) return 'yes';
    const view = dependencies(resource, resources, unit);
    if (!view.deps || view.unresolved.length > 0) return 'unknown';
    pending.push(...view.deps);
  }
  return 'missing';
}

// ---------------------------------------------------------------------------------------------
// Case 3: hard-coded IDs of resources the program creates.

const ID_KINDS: Record<string, { prefix: string; qualified: string; what: string }> = {
  vpc: { prefix: 'vpc', qualified: 'pulumi_aws.ec2.Vpc', what: 'VPC' },
  subnet: { prefix: 'subnet', qualified: 'pulumi_aws.ec2.Subnet', what: 'subnet' },
  sg: { prefix: 'sg', qualified: 'pulumi_aws.ec2.SecurityGroup', what: 'security group' },
  igw: { prefix: 'igw', qualified: 'pulumi_aws.ec2.InternetGateway', what: 'internet gateway' },
  nat: { prefix: 'nat', qualified: 'pulumi_aws.ec2.NatGateway', what: 'NAT gateway' },
  rtb: { prefix: 'rtb', qualified: 'pulumi_aws.ec2.RouteTable', what: 'route table' },
  eipalloc: { prefix: 'eipalloc', qualified: 'pulumi_aws.ec2.Eip', what: 'Elastic IP' },
};
const ID_KEYWORDS: Record<string, keyof typeof ID_KINDS> = {
  vpc_id: 'vpc',
  subnet_id: 'subnet',
  subnet_ids: 'subnet',
  security_group_id: 'sg',
  security_group_ids: 'sg',
  security_groups: 'sg',
  vpc_security_group_ids: 'sg',
  source_security_group_id: 'sg',
  gateway_id: 'igw',
  internet_gateway_id: 'igw',
  nat_gateway_id: 'nat',
  route_table_id: 'rtb',
  allocation_id: 'eipalloc',
};
const AWS_ID = /^([a-z]+)-(?:[0-9a-f]{8}|[0-9a-f]{17})$/;

function checkHardCodedIds(resources: readonly Resource[], unit: PythonUnit, context: FileRuleContext): void {
  for (const call of descendantsOfType(unit.root, 'call')) {
    const qualified = calleeName(call, unit.imports);
    if (!qualified?.startsWith('pulumi_aws.')) continue;
    for (const [keyword, value] of callArguments(call).keywords) {
      const kindName = ID_KEYWORDS[keyword];
      if (!kindName) continue;
      const kind = ID_KINDS[kindName];
      if (!kind) continue;
      const strings = value.type === 'list' || value.type === 'tuple' ? value.namedChildren : [value];
      for (const node of strings) {
        const text = stringLiteralValue(node);
        const match = text ? AWS_ID.exec(text) : null;
        if (!match || match[1] !== kind.prefix) continue;
        const inScope = resources.find((resource) => resource.qualified === kind.qualified && resource.binding && resolve(resource.binding, call, resources).some((found) => found.call.id === resource.call.id));
        if (!inScope) continue;
        context.report({
          node,
          message: `\`${keyword}\` hard-codes the ${kind.what} ID \`${text}\` while \`${inScope.binding}\` (line ${fileLine(inScope.call, unit)}) creates that kind of resource here: reference \`${inScope.binding}.id\` so Pulumi orders the creation and the ID stays right.`,
        });
      }
    }
  }
}
