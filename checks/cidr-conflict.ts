/**
 * IAC503: CIDR blocks that cannot work, judged on the program model. Invalid CIDR strings (bad
 * octets, host bits set, a VPC or subnet prefix outside AWS's /16-/28) in any CIDR argument or
 * field, subnets of one VPC that overlap each other, and subnets outside their VPC's blocks.
 * A subnet's VPC is the resource its `vpc_id` reads (`vpc.id`, `self.vpc.id`, a parameter the
 * model followed); each loop or comprehension iteration is a subnet of its own, compared with
 * the others only where the iteration is sure to happen.
 */
import type { ModelRule } from '../src/api/rule.js';
import { cidrProblem, containsBlock, isIpv4CidrName, prefixBounds, type Ipv4Block } from '../src/aws/cidr.js';
import type { CreationContext, ProgramModel, Resource, Site, Value } from '../src/pulumi/model.js';
import { subnetBlocks, vpcBlocks, vpcLabel, type SubnetBlock } from '../src/pulumi/network.js';
import { siteKey } from '../src/pulumi/site.js';
import { exclusiveCreations, stringOf, writtenSite } from '../src/pulumi/values.js';

/** Free-text arguments: a tag may mention a CIDR in any form. */
const FREE_TEXT = new Set(['tags', 'tags_all']);
/** How deep nested argument values are searched for CIDR fields. */
const MAX_FIELD_DEPTH = 12;
/** Overlapping subnets examined per subnet: a program that repeats one block many times is reported without comparing every pair. */
const MAX_CANDIDATES = 64;

type Path = readonly (Site | Value | undefined)[];

export const cidrConflict: ModelRule = {
  meta: {
    id: 'IAC503',
    name: 'cidr-conflict',
    title: 'CIDR overlap or invalid CIDR',
    category: 'Infrastructure',
    severity: 'error',
    why: 'AWS rejects invalid blocks (host bits set, octets over 255, a VPC or subnet prefix outside /16-/28) and refuses to create a subnet that overlaps another subnet of the VPC or lies outside the VPC block; the deployment fails half-way.',
    fix: 'Give each subnet a distinct network-aligned block inside its VPC block, e.g. `10.0.1.0/24`, `10.0.2.0/24` in `10.0.0.0/16`; when generating blocks in a loop, derive them from the loop index.',
    badExample:
      'vpc = aws.ec2.Vpc("main", cidr_block="10.0.0.0/16")\naws.ec2.Subnet("a", vpc_id=vpc.id, cidr_block="10.0.1.0/24")\naws.ec2.Subnet("b", vpc_id=vpc.id, cidr_block="10.0.1.0/24")',
    goodExample:
      'vpc = aws.ec2.Vpc("main", cidr_block="10.0.0.0/16")\nfor i, az in enumerate(azs[:2]):\n    aws.ec2.Subnet(f"public-{i}", vpc_id=vpc.id, availability_zone=az, cidr_block=f"10.0.{i + 1}.0/24")',
    seed: { report: 'model-failures-tracking', section: 'CIDR Conflicts' },
    languages: ['python', 'typescript'],
  },
  scope: 'model',
  program(program, context) {
    const reviewed = new Set(context.project.files.map((file) => file.path));
    // One finding of each kind per position: code that runs more than once (loops, helpers) writes each block once.
    const reporter = (): Report => {
      const reported = new Set<string>();
      return (sites, message) => {
        const at = sites.find((site) => reviewed.has(site.path)) ?? (sites[sites.length - 1] as Site);
        const key = siteKey(at);
        if (reported.has(key)) return;
        reported.add(key);
        context.report({ at, message });
      };
    };
    checkValidity(program, reporter());
    const subnets = subnetBlocks(program);
    checkOverlaps(subnets, reporter());
    checkContainment(subnets, vpcBlocks(program), reporter());
  },
};

/** Reports at the first of `sites` (best first) that is in a reviewed file, once per position. */
type Report = (sites: readonly Site[], message: string) => void;

/** Every CIDR argument of AWS resources and Args objects, and every CIDR field of the dicts inside their arguments. */
function checkValidity(program: ProgramModel, report: Report): void {
  for (const resource of program.resources) {
    if (resource.type.provider !== 'aws') continue;
    for (const argument of resource.args.values()) {
      if (FREE_TEXT.has(argument.name)) continue;
      const path: Path = [resource.callSite, argument.site];
      if (isIpv4CidrName(argument.name)) checkStrings(argument.value, path, prefixBounds(resource.type.key, argument.name), resource.site, report);
      checkFields(argument.value, path, resource.site, report);
    }
  }
  for (const object of program.argsObjects) {
    if (!object.site) continue;
    const resourceKey = object.argsType?.replace(/Args$/, '') ?? '';
    for (const [name, value] of object.entries) {
      if (FREE_TEXT.has(name)) continue;
      if (isIpv4CidrName(snakeCase(name))) checkStrings(value, [object], prefixBounds(resourceKey, snakeCase(name)), object.site, report);
      checkFields(value, [object], object.site, report);
    }
  }
}

/** CIDR fields of dicts nested in a value (`ingress=[{"cidr_blocks": [...]}]`). */
function checkFields(value: Value, path: Path, fallback: Site, report: Report): void {
  const stack: { value: Value; path: Path; depth: number }[] = [{ value, path, depth: 0 }];
  while (stack.length) {
    const { value: current, path: trail, depth } = stack.pop() as { value: Value; path: Path; depth: number };
    if (depth > MAX_FIELD_DEPTH) continue;
    if (current.kind === 'list') {
      for (const item of current.items) stack.push({ value: item, path: [...trail, current], depth: depth + 1 });
    } else if (current.kind === 'dict') {
      for (const [key, item] of current.entries) {
        if (FREE_TEXT.has(snakeCase(key))) continue;
        if (isIpv4CidrName(snakeCase(key))) checkStrings(item, [...trail, current], undefined, fallback, report);
        stack.push({ value: item, path: [...trail, current], depth: depth + 1 });
      }
    }
  }
}

/** A CIDR value (one string or a list of them): the first problem, reported where the string is written. */
function checkStrings(value: Value, path: Path, bounds: Parameters<typeof cidrProblem>[1], fallback: Site, report: Report): void {
  const items = value.kind === 'list' ? value.items.map((item) => ({ item, path: [...path, value, item] })) : [{ item: value, path: [...path, value] }];
  for (const { item, path: trail } of items) {
    const text = stringOf(item);
    const problem = text === undefined ? undefined : cidrProblem(text, bounds);
    if (!problem) continue;
    // The string itself, where it is written (a constant, a helper's caller); else where it is used.
    report([item.site, writtenSite(trail), fallback].filter((site): site is Site => site !== undefined), problem);
  }
}

function snakeCase(key: string): string {
  return key.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/-/g, '_').toLowerCase();
}

/** Every loop around the creation has a known number of iterations, or is the one pass standing for loops whose iterations are not known. */
function sureToHappen(context: CreationContext): boolean {
  return context.loops.every((loop) => loop.index === undefined || loop.count !== undefined);
}

function sameSite(a: Site, b: Site): boolean {
  return a.source === b.source && a.start === b.start && a.end === b.end;
}

function where(other: Resource, from: Site): string {
  return other.site.path === from.path ? `line ${other.site.line}` : `${other.site.path} line ${other.site.line}`;
}

/** Subnets of one VPC that share addresses: reported on the later one, naming the first it overlaps. */
function checkOverlaps(subnets: readonly SubnetBlock[], report: Report): void {
  const clashes: { later: SubnetBlock; earlier: SubnetBlock }[] = [];
  const byVpc = new Map<Resource, SubnetBlock[]>();
  for (const subnet of subnets) {
    if (!sureToHappen(subnet.subnet.context)) continue;
    const group = byVpc.get(subnet.vpc);
    if (group) group.push(subnet);
    else byVpc.set(subnet.vpc, [subnet]);
  }
  for (const group of byVpc.values()) {
    // By start address: a block overlaps an earlier one exactly when it starts before that one ends.
    group.sort((a, b) => a.block.start - b.block.start || a.subnet.id - b.subnet.id);
    let active: SubnetBlock[] = [];
    for (const subnet of group) {
      active = active.filter((other) => other.block.end >= subnet.block.start);
      for (const other of active.slice(-MAX_CANDIDATES)) {
        if (!comparable(other, subnet)) continue;
        const [earlier, later] = other.subnet.id < subnet.subnet.id ? [other, subnet] : [subnet, other];
        clashes.push({ earlier, later });
      }
      active.push(subnet);
    }
  }
  clashes.sort((a, b) => a.later.subnet.id - b.later.subnet.id || a.earlier.subnet.id - b.earlier.subnet.id);
  for (const { earlier, later } of clashes) report(later.sites, overlapMessage(earlier, later));
}

/** Two subnets that would both exist: not alternatives of an undecided condition, and, from one line, different iterations of loops with known counts. */
function comparable(a: SubnetBlock, b: SubnetBlock): boolean {
  if (exclusiveCreations(a.subnet.context, b.subnet.context)) return false;
  if (!sameSite(a.subnet.site, b.subnet.site)) return true;
  // From the same line: the one pass over a loop whose iterations are not known is not two subnets.
  return [...a.subnet.context.loops, ...b.subnet.context.loops].every((loop) => loop.index !== undefined);
}

function overlapMessage(earlier: SubnetBlock, later: SubnetBlock): string {
  const [a, b] = [earlier.block.text, later.block.text];
  const vpc = vpcLabel(later.vpc);
  if (sameSite(earlier.subnet.site, later.subnet.site)) {
    const iterations = earlier.subnet.context.loops.some((loop, index) => loop.index !== later.subnet.context.loops[index]?.index);
    if (!iterations) {
      const line = where(later.subnet, later.subnet.site);
      return a === b
        ? `Subnet CIDR \`${b}\` is also used by another subnet that the code on ${line} creates in VPC \`${vpc}\` (it runs more than once): subnets of one VPC must not overlap.`
        : `Subnet CIDR \`${b}\` overlaps \`${a}\` of another subnet that the code on ${line} creates in VPC \`${vpc}\` (it runs more than once).`;
    }
    return a === b
      ? `Subnet CIDR \`${a}\` is produced on more than one iteration of the loop: the subnets of VPC \`${vpc}\` overlap.`
      : `Subnet CIDR \`${b}\` overlaps \`${a}\`, both produced by this loop for VPC \`${vpc}\`.`;
  }
  const other = where(earlier.subnet, later.subnet.site);
  return a === b
    ? `Subnet CIDR \`${b}\` is also used by the subnet on ${other} in VPC \`${vpc}\`: subnets of one VPC must not overlap.`
    : `Subnet CIDR \`${b}\` overlaps \`${a}\` of the subnet on ${other} in VPC \`${vpc}\`.`;
}

function checkContainment(subnets: readonly SubnetBlock[], blocks: ReadonlyMap<Resource, readonly Ipv4Block[] | undefined>, report: Report): void {
  for (const subnet of subnets) {
    const vpcBlocksKnown = blocks.get(subnet.vpc);
    if (!vpcBlocksKnown || vpcBlocksKnown.some((block) => containsBlock(block, subnet.block))) continue;
    const listed = vpcBlocksKnown.map((block) => `\`${block.text}\``).join(', ');
    report(
      subnet.sites,
      `Subnet CIDR \`${subnet.block.text}\` lies outside the block${vpcBlocksKnown.length > 1 ? 's' : ''} ${listed} of VPC \`${vpcLabel(subnet.vpc)}\` (${where(subnet.vpc, subnet.subnet.site)}).`,
    );
  }
}
