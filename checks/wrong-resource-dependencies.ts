/**
 * IAC501: resources created in an order that cannot work. Three cases:
 *  - a NAT gateway (or its Elastic IP) without a dependency on the internet gateway of its VPC:
 *    the seed's route-table/NAT sequencing failure, read from the model's dependency edges
 *    (arguments that read another resource, `depends_on`), wherever the gateway is kept;
 *  - a resource referenced by a hard-coded ID string while the program creates that resource
 *    where the code could reference it;
 *  - `__init__` calls a method that reads `self.x`, which only a method called later assigns
 *    (an AttributeError at `pulumi up`): Python code order, read by visitors.
 */
import type { ModelRule, ProgramContext } from '../src/api/rule.js';
import type { Edge, ProgramModel, Resource, Value } from '../src/pulumi/model.js';
import { spell, typeName } from '../src/pulumi/spelling.js';
import { itemsOf, option, referencedResources, stringOf } from '../src/pulumi/values.js';
import { methodOrderVisitors } from '../src/python/method-order.js';
import { importsPulumiAsPulumi, natDependsOnFix, unitKey } from '../src/python/rule-fixes.js';
import { emptyNatFixNotes, natDependsOnTypeScriptFix, natFixVisitors, type NatFixNotes } from '../src/typescript/nat-dependency-fix.js';

/**
 * Per review, for fixes: the units (unitKey) that import `pulumi` under its name, so a fix may
 * write `pulumi.ResourceOptions`; per class (unitKey and name) the methods `__init__` runs; per
 * TypeScript unit what its syntax says around NAT gateways.
 */
interface State {
  pulumiUnits: Set<string>;
  constructed: Map<string, ReadonlySet<string>>;
  typescript: Map<string, NatFixNotes>;
}

export const wrongResourceDependencies: ModelRule<State> = {
  meta: {
    id: 'IAC501',
    name: 'wrong-resource-dependencies',
    title: 'Wrong or missing resource dependencies',
    category: 'Infrastructure',
    severity: 'error',
    why: 'Pulumi creates resources in parallel unless one references another. A NAT gateway created before the VPC\'s internet gateway is attached fails; a `_create_*` method that reads an attribute a later method assigns raises AttributeError; a hard-coded ID hides the dependency on a resource the program is creating, so it is not waited for (and points at the wrong resource on the next deployment).',
    fix: 'Call the `_create_*` methods in dependency order; give NAT gateways (or their Elastic IPs) `opts=pulumi.ResourceOptions(depends_on=[igw])`; reference `vpc.id` instead of a `"vpc-..."` string.',
    autofix: 'A NAT gateway without the dependency gets it when the gateway is a plain name or `self`/`this` attribute in scope there and the options are written in the call without one. Python: `depends_on=[igw]` in its `pulumi.ResourceOptions(...)` (or new `opts=` when it has none and the module imports `pulumi`); TypeScript: `dependsOn: [igw]` in its options object (or a new `{ dependsOn: [igw] }` argument), the gateway a `const` of the same function or module created before it, or a `this` field a method assigns.',
    badExample:
      'igw = aws.ec2.InternetGateway("igw", vpc_id=vpc.id)\neip = aws.ec2.Eip("nat", domain="vpc")\nnat = aws.ec2.NatGateway("nat", subnet_id=public.id, allocation_id=eip.id)',
    goodExample:
      'igw = aws.ec2.InternetGateway("igw", vpc_id=vpc.id)\neip = aws.ec2.Eip("nat", domain="vpc")\nnat = aws.ec2.NatGateway("nat", subnet_id=public.id, allocation_id=eip.id,\n    opts=pulumi.ResourceOptions(depends_on=[igw]))',
    seed: { report: 'model-failure-analysis', section: 'Incomplete Resource Dependencies' },
    languages: ['python', 'typescript'],
  },
  scope: 'model',
  begin: () => ({ pulumiUnits: new Set(), constructed: new Map(), typescript: new Map() }),
  visitors: {
    python(context) {
      const unit = unitKey(context.unit);
      if (importsPulumiAsPulumi(context.unit.imports)) context.state.pulumiUnits.add(unit);
      if (context.unit.isTestFile) return {};
      const line = (row: number) => context.unit.lineOffset + row + 1;
      return methodOrderVisitors(
        ({ call, self, method, attribute, readRow, later, laterRow }) =>
          context.report({
            node: call,
            message: `\`${self}.${method}()\` reads \`${self}.${attribute}\` (line ${line(readRow)}), which is only assigned by \`${self}.${later}()\`, called later (line ${line(laterRow)}): call \`${later}\` first.`,
          }),
        (className, methods) => context.state.constructed.set(`${unit}\u0000${className}`, methods),
      );
    },
    typescript(context) {
      if (context.unit.isTestFile) return {};
      const notes = emptyNatFixNotes();
      context.state.typescript.set(unitKey(context.unit), notes);
      return natFixVisitors(notes, context.unit.text);
    },
  },
  program(model, context) {
    checkNatGateways(model, context);
    checkHardCodedIds(model, context);
  },
};

const isAws = (resource: Resource, key: string) => resource.type.provider === 'aws' && resource.type.key === key;
const GATEWAYS = ['ec2.InternetGateway', 'ec2.InternetGatewayAttachment'];
const isGateway = (resource: Resource) => GATEWAYS.some((key) => isAws(resource, key));

/** Each resource once, though code that runs twice (a loop, a helper called twice) creates it more often. */
function firstAtEachSite(resources: readonly Resource[]): Resource[] {
  const seen = new Set<string>();
  return resources.filter((resource) => {
    const key = `${resource.site.path}:${resource.site.source.lineOffset}:${resource.site.start}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

// ---------------------------------------------------------------------------------------------
// NAT gateways without a dependency on the internet gateway.

/** The resource of one type an argument reads (`subnet_id=public.id` -> the subnet). */
function referenced(resource: Resource, argument: string, key: string): Resource | undefined {
  return referencedResources(resource.args.get(argument)?.value).find((target) => isAws(target, key));
}

function vpcOf(resource: Resource): Resource | undefined {
  if (isAws(resource, 'ec2.NatGateway')) {
    const subnet = referenced(resource, 'subnet_id', 'ec2.Subnet');
    return subnet ? referenced(subnet, 'vpc_id', 'ec2.Vpc') : undefined;
  }
  return referenced(resource, 'vpc_id', 'ec2.Vpc');
}

/** True when a value may carry a dependency the model cannot see (a parameter, an unknown call's result). */
function mayHideDependency(value: Value | undefined): boolean {
  if (!value) return false;
  switch (value.kind) {
    case 'unknown':
      return !value.string;
    case 'output':
      return value.resources.length === 0;
    case 'list':
      return value.open || value.items.some(mayHideDependency);
    case 'dict':
      return value.open || [...value.entries.values()].some(mayHideDependency);
    case 'template':
      return value.parts.some((part) => typeof part !== 'string' && mayHideDependency(part));
    default:
      return false;
  }
}

type Reach = 'yes' | 'missing' | 'unknown';

interface Graph {
  /** Input and `depends_on` edges by the resource that has them. */
  outgoing: Map<Resource, Edge[]>;
  children: Map<Resource, Resource[]>;
}

function graphOf(model: ProgramModel): Graph {
  const outgoing = new Map<Resource, Edge[]>();
  const children = new Map<Resource, Resource[]>();
  const add = <T>(map: Map<Resource, T[]>, key: Resource, item: T) => {
    const list = map.get(key);
    if (list) list.push(item);
    else map.set(key, [item]);
  };
  for (const edge of model.edges) {
    if (edge.kind === 'input' || edge.kind === 'depends_on') add(outgoing, edge.from, edge);
    if (edge.kind === 'parent') add(children, edge.to, edge.from);
  }
  return { outgoing, children };
}

/** Follows input and `depends_on` edges from the NAT gateway (a component depended on means its children). */
function reachesGateway(nat: Resource, { outgoing, children }: Graph): Reach {
  if (nat.argsOpen || mayHideDependency(nat.args.get('allocation_id')?.value)) return 'unknown';
  const seen = new Set<Resource>();
  const pending = [nat];
  while (pending.length) {
    const resource = pending.pop() as Resource;
    if (seen.has(resource)) continue;
    seen.add(resource);
    if (isGateway(resource)) return 'yes';
    if (resource.options.open || mayHideDependency(option(resource, 'depends_on'))) return 'unknown';
    for (const edge of outgoing.get(resource) ?? []) {
      pending.push(edge.to);
      if (edge.kind === 'depends_on' && edge.to.type.provider === 'component') for (const child of children.get(edge.to) ?? []) pending.push(child);
    }
  }
  return 'missing';
}

/** The internet gateways a NAT gateway needs: those of its VPC; with its VPC unknown, any when the program has one VPC. */
function gatewaysFor(nat: Resource, gateways: readonly Resource[], vpcCount: number): Resource[] {
  const vpc = vpcOf(nat);
  if (vpc) return gateways.filter((gateway) => vpcOf(gateway) === vpc);
  if (vpcCount <= 1) return [...gateways];
  return gateways.filter((gateway) => gateway.site.path === nat.site.path && gateway.context.className === nat.context.className);
}

function checkNatGateways(model: ProgramModel, context: ProgramContext<State>): void {
  const gateways = model.resources.filter(isGateway);
  if (gateways.length === 0) return;
  const vpcCount = firstAtEachSite(model.resources.filter((resource) => isAws(resource, 'ec2.Vpc'))).length;
  const reported = new Set<string>();
  let graph: Graph | undefined;
  for (const nat of model.resources) {
    if (!isAws(nat, 'ec2.NatGateway') || stringOf(nat.args.get('connectivity_type')?.value) === 'private') continue;
    const key = `${nat.site.path}:${nat.site.source.lineOffset}:${nat.site.start}`;
    if (reported.has(key)) continue;
    const candidates = gatewaysFor(nat, gateways, vpcCount);
    if (candidates.length === 0 || reachesGateway(nat, (graph ??= graphOf(model))) !== 'missing') continue;
    reported.add(key);
    // Name the gateway the code can write: in the same file, kept in a variable, the gateway before its attachment.
    const rank = (gateway: Resource) => (gateway.site.path === nat.site.path ? 0 : 4) + (gateway.boundTo ? 0 : 2) + (isAws(gateway, 'ec2.InternetGateway') ? 0 : 1);
    const gateway = [...candidates].sort((a, b) => rank(a) - rank(b))[0] as Resource;
    const name = gateway.boundTo ?? `the ${typeName(gateway.type, gateway.language)}`;
    const where = gateway.site.path === nat.site.path ? `line ${gateway.site.line}` : `${gateway.site.path} line ${gateway.site.line}`;
    const reference = gateway.boundTo ?? (isAws(gateway, 'ec2.InternetGateway') ? 'igw' : 'attachment');
    const dependsOn = nat.language === 'python' ? `depends_on=[${reference}]` : `dependsOn: [${reference}]`;
    const unit = unitKey(nat.site.source);
    const fix =
      nat.language === 'python'
        ? natDependsOnFix(nat, gateway, context.state.pulumiUnits.has(unit), (className) => context.state.constructed.get(`${unit}\u0000${className}`))
        : natDependsOnTypeScriptFix(nat, gateway, context.state.typescript.get(unit));
    context.report({
      at: nat,
      ...(fix ? { fix } : {}),
      message: `This NAT gateway does not depend on internet gateway ${gateway.boundTo ? `\`${name}\`` : name} (${where}): add \`${dependsOn}\` to its options (or to its Elastic IP's), or it may be created before the gateway is attached and fail.`,
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Hard-coded IDs of resources the program creates.

const ID_KINDS: Record<string, { prefix: string; key: string; what: string }> = {
  vpc: { prefix: 'vpc', key: 'ec2.Vpc', what: 'VPC' },
  subnet: { prefix: 'subnet', key: 'ec2.Subnet', what: 'subnet' },
  sg: { prefix: 'sg', key: 'ec2.SecurityGroup', what: 'security group' },
  igw: { prefix: 'igw', key: 'ec2.InternetGateway', what: 'internet gateway' },
  nat: { prefix: 'nat', key: 'ec2.NatGateway', what: 'NAT gateway' },
  rtb: { prefix: 'rtb', key: 'ec2.RouteTable', what: 'route table' },
  eipalloc: { prefix: 'eipalloc', key: 'ec2.Eip', what: 'Elastic IP' },
};
const ID_ARGUMENTS: Record<string, keyof typeof ID_KINDS> = {
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

/**
 * A named resource the code at `user` could reference: created at module level of the same
 * file, kept in a `self` attribute of the same class, or a local of the same function.
 */
function inScope(candidate: Resource, user: { site: Resource['site']; context: Resource['context'] }): boolean {
  if (!candidate.boundTo || candidate.site.path !== user.site.path) return false;
  const { className, functionName } = candidate.context;
  if (className === undefined && functionName === undefined) return true;
  if (className !== user.context.className) return false;
  return candidate.boundTo.startsWith('self.') || candidate.boundTo.startsWith('this.') || functionName === user.context.functionName;
}

function checkHardCodedIds(model: ProgramModel, context: ProgramContext<State>): void {
  const reported = new Set<string>();
  const users = [...model.resources.filter((resource) => resource.type.provider === 'aws'), ...model.invokes.filter((invoke) => invoke.provider === 'aws')];
  for (const user of users) {
    for (const argument of user.args.values()) {
      const kind = ID_KINDS[ID_ARGUMENTS[argument.name] ?? ''];
      if (!kind) continue;
      for (const item of itemsOf(argument.value) ?? []) {
        const text = item.kind === 'string' ? item.value : undefined;
        const site = item.site;
        if (!text || !site || AWS_ID.exec(text)?.[1] !== kind.prefix) continue;
        const key = `${site.path}:${site.source.lineOffset}:${site.start}`;
        if (reported.has(key)) continue;
        const created = model.resources.find((resource) => isAws(resource, kind.key) && inScope(resource, user));
        if (!created) continue;
        reported.add(key);
        const language = model.language;
        context.report({
          at: site,
          message: `\`${spell(argument.name, language)}\` hard-codes the ${kind.what} ID \`${text}\` while \`${created.boundTo}\` (line ${created.site.line}) creates that kind of resource here: reference \`${created.boundTo}.id\` so Pulumi orders the creation and the ID stays right.`,
        });
      }
    }
  }
}
