/**
 * IAC501: resources created in an order that cannot work. Three cases:
 *  - `__init__` calls a method that reads `self.x`, which is only assigned by a method called
 *    later (an AttributeError at `pulumi up`, or a resource built from the wrong value);
 *  - a NAT gateway (or its Elastic IP) without a dependency on the internet gateway of the same
 *    program: the seed's route-table/NAT sequencing failure;
 *  - a resource referenced by a hard-coded ID string while the resource object is in scope.
 */
import type { FileRule, FileRuleContext } from '../src/api/rule.js';
import type { PythonUnit } from '../src/python/units.js';
import { callArguments, calleeName, stringLiteralValue } from '../src/python/calls.js';
import { assignmentTargetingUp, classAttributes, closedFacts, methodsOf, ownSelfNodes, selfAttribute, selfName } from '../src/python/method-attributes.js';
import type { SyntaxNode } from '../src/python/parser.js';
import { resolve, resourceCalls, type Resource } from '../src/python/resource-bindings.js';
import { dependencies, GATEWAYS, reachesGateway } from '../src/python/resource-dependencies.js';
import { descendantsOfType } from '../src/syntax/walk.js';

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
// Case 2: NAT gateways without a dependency on the internet gateway.

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
