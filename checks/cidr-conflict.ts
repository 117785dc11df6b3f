/**
 * IAC503: CIDR blocks that cannot work. Invalid CIDR strings (bad octets, host bits set, a VPC or
 * subnet prefix outside AWS's /16-/28), subnets of one VPC that overlap each other, and subnets
 * outside their VPC's blocks. Values are literals, constants, or f-strings over simple loops
 * (`for i, az in enumerate(azs[:2]): cidr_block=f"10.0.{i+1}.0/24"`); anything else is skipped.
 */
import type { FileRule, FileRuleContext } from '../src/api/rule.js';
import type { PythonUnit } from '../src/python/units.js';
import { calleeName } from '../src/python/calls.js';
import { cidrPairsByCall, isCidrKey, resourceKeywords, snakeKey, stringsOf } from '../src/python/cidr-arguments.js';
import { containsBlock, looksLikeIpv6, parseIpv4Cidr } from '../src/aws/cidr.js';
import { Evaluator } from '../src/python/evaluate.js';
import type { SyntaxNode } from '../src/python/parser.js';
import { SUBNET, VPC, VPC_ASSOCIATION, vpcBindings, vpcReference, type CidrValue } from '../src/python/vpc-blocks.js';
import { descendantsOfType } from '../src/syntax/walk.js';

interface SubnetEntry {
  call: SyntaxNode;
  node: SyntaxNode;
  values: CidrValue[];
  exact: boolean;
  /** Identifies the VPC within its scope; undefined when it cannot be compared. */
  vpcKey: string | undefined;
  vpcName: string | undefined;
  /** True when the VPC reference is fixed across the subnet's loop iterations. */
  vpcStable: boolean;
}

export const cidrConflict: FileRule = {
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
  },
  scope: 'file',
  check(unit, context) {
    const evaluator = new Evaluator();
    const subnets: SubnetEntry[] = [];
    const vpcBlocks = new Map<string, { name: string; blocks: CidrValue[]; line: number } | null>();
    const invalidNodes = new Set<number>();

    const pairsByCall = cidrPairsByCall(unit);
    for (const call of descendantsOfType(unit.root, 'call')) {
      const qualified = calleeName(call, unit.imports);
      if (!qualified?.startsWith('pulumi_aws.')) continue;
      const keywords = resourceKeywords(call, unit);
      for (const [key, value] of keywords) {
        if (!isCidrKey(key)) continue;
        checkValidity(value, evaluator, context, invalidNodes, prefixBoundsFor(qualified, key));
      }
      // Dict-style arguments (`ingress=[{"cidr_blocks": [...]}]`) inside the call's own arguments.
      for (const node of pairsByCall.get(call.id) ?? []) {
        const keyNode = node.childForFieldName('key');
        const value = node.childForFieldName('value');
        const key = keyNode ? evaluator.evaluate(keyNode) : undefined;
        if (typeof key === 'string' && value && isCidrKey(snakeKey(key))) checkValidity(value, evaluator, context, invalidNodes, undefined);
      }
      if (qualified === SUBNET) {
        const entry = subnetEntry(call, keywords, evaluator, invalidNodes);
        if (entry) subnets.push(entry);
      }
    }

    const vpcs = vpcBindings(unit, evaluator);
    for (const subnet of subnets) {
      if (!subnet.vpcKey) continue;
      if (!vpcBlocks.has(subnet.vpcKey)) vpcBlocks.set(subnet.vpcKey, vpcs.get(subnet.vpcKey) ?? null);
    }
    checkOverlaps(subnets, unit, context);
    checkContainment(subnets, unit, vpcBlocks, context);
  },
};

/** AWS accepts VPC and subnet blocks from /16 to /28 only. */
function prefixBoundsFor(qualified: string, key: string): { min: number; max: number; what: string } | undefined {
  if (key !== 'cidr_block') return undefined;
  if (qualified === VPC || qualified === VPC_ASSOCIATION) return { min: 16, max: 28, what: 'A VPC block' };
  if (qualified === SUBNET) return { min: 16, max: 28, what: 'A subnet block' };
  return undefined;
}

function checkValidity(
  node: SyntaxNode,
  evaluator: Evaluator,
  context: FileRuleContext,
  invalidNodes: Set<number>,
  bounds: { min: number; max: number; what: string } | undefined,
): void {
  if (invalidNodes.has(node.id)) return;
  const evaluation = evaluator.evaluateAll(node);
  const strings = evaluation ? stringsOf(evaluation.values) : undefined;
  if (!strings) return;
  for (const text of new Set(strings)) {
    if (looksLikeIpv6(text)) continue;
    const parsed = parseIpv4Cidr(text);
    let problem: string | undefined;
    if (!parsed.ok) problem = `\`${text}\` is not a valid IPv4 CIDR block: it ${parsed.reason}.`;
    else if (bounds && (parsed.block.prefix < bounds.min || parsed.block.prefix > bounds.max)) {
      problem = `${bounds.what} must be between /${bounds.min} and /${bounds.max}; \`${text}\` is a /${parsed.block.prefix}.`;
    }
    if (problem) {
      invalidNodes.add(node.id);
      context.report({ node, message: problem });
      return;
    }
  }
}

function subnetEntry(call: SyntaxNode, keywords: Map<string, SyntaxNode>, evaluator: Evaluator, invalidNodes: Set<number>): SubnetEntry | undefined {
  const node = keywords.get('cidr_block');
  if (!node || invalidNodes.has(node.id)) return undefined;
  const evaluation = evaluator.evaluateAll(node);
  if (!evaluation) return undefined;
  const values: CidrValue[] = [];
  for (const value of evaluation.values) {
    if (typeof value !== 'string') return undefined;
    const parsed = parseIpv4Cidr(value);
    if (!parsed.ok) return undefined;
    values.push({ text: value, block: parsed.block });
  }
  const vpc = keywords.get('vpc_id');
  const reference = vpc ? vpcReference(vpc, call) : undefined;
  return {
    call,
    node,
    values,
    exact: evaluation.exact,
    vpcKey: reference?.key,
    vpcName: reference?.name,
    vpcStable: reference?.stable ?? false,
  };
}

/** True when the two nodes sit in different branches of one `if`, `match` or conditional expression. */
function mutuallyExclusive(a: SyntaxNode, b: SyntaxNode): boolean {
  const branchOf = new Map<number, number>();
  for (let child = a, current = a.parent; current; child = current, current = current.parent) branchOf.set(current.id, child.id);
  for (let child = b, current = b.parent; current; child = current, current = current.parent) {
    const branchA = branchOf.get(current.id);
    if (branchA === undefined) continue;
    const exclusive = ['if_statement', 'conditional_expression', 'block'].includes(current.type);
    if (!exclusive || branchA === child.id) return false;
    if (current.type === 'block') return current.parent?.type === 'match_statement';
    if (current.type === 'conditional_expression') return true;
    // In an `if`, the condition is shared; the consequence and each elif/else are exclusive.
    const condition = current.childForFieldName('condition');
    return condition?.id !== branchA && condition?.id !== child.id;
  }
  return false;
}

function line(node: SyntaxNode, unit: PythonUnit): number {
  return unit.lineOffset + node.startPosition.row + 1;
}

function checkOverlaps(subnets: SubnetEntry[], unit: PythonUnit, context: FileRuleContext): void {
  const reported = new Set<number>();
  for (const [index, subnet] of subnets.entries()) {
    if (!subnet.vpcKey || !subnet.vpcStable) continue;
    // The same call producing overlapping blocks on different iterations of its loop.
    if (subnet.exact && subnet.values.length > 1) {
      const clash = firstClash(subnet.values, subnet.values, true);
      if (clash) {
        const [a, b] = clash;
        reported.add(subnet.node.id);
        context.report({
          node: subnet.node,
          message:
            a.text === b.text
              ? `Subnet CIDR \`${a.text}\` is produced on more than one iteration of the loop: the subnets of VPC \`${subnet.vpcName}\` overlap.`
              : `Subnet CIDR \`${b.text}\` overlaps \`${a.text}\`, both produced by this loop for VPC \`${subnet.vpcName}\`.`,
        });
        continue;
      }
    }
    for (const earlier of subnets.slice(0, index)) {
      if (earlier.vpcKey !== subnet.vpcKey || earlier.call.id === subnet.call.id || reported.has(subnet.node.id)) continue;
      if (mutuallyExclusive(earlier.call, subnet.call)) continue;
      const clash = firstClash(earlier.values, subnet.values, false);
      if (!clash) continue;
      const [a, b] = clash;
      reported.add(subnet.node.id);
      context.report({
        node: subnet.node,
        message:
          a.text === b.text
            ? `Subnet CIDR \`${b.text}\` is also used by the subnet on line ${line(earlier.call, unit)} in VPC \`${subnet.vpcName}\`: subnets of one VPC must not overlap.`
            : `Subnet CIDR \`${b.text}\` overlaps \`${a.text}\` of the subnet on line ${line(earlier.call, unit)} in VPC \`${subnet.vpcName}\`.`,
      });
    }
  }
}

/**
 * The first pair of overlapping blocks (in `left`, `right` order). Sorting by start address keeps
 * this O(n log n): after sorting, a block overlaps an earlier one exactly when it starts at or
 * before the largest end seen so far.
 */
function firstClash(left: CidrValue[], right: CidrValue[], same: boolean): [CidrValue, CidrValue] | undefined {
  const tagged = same
    ? left.map((value, index) => ({ value, side: 0, index }))
    : [...left.map((value, index) => ({ value, side: 0, index })), ...right.map((value, index) => ({ value, side: 1, index }))];
  tagged.sort((a, b) => a.value.block.start - b.value.block.start || a.side - b.side || a.index - b.index);
  let clash: [CidrValue, CidrValue] | undefined;
  let clashRank = Infinity;
  // Widest-reaching block seen so far on each side.
  const reach: ({ value: CidrValue; index: number } | undefined)[] = [undefined, undefined];
  for (const entry of tagged) {
    const other = same ? reach[0] : reach[1 - entry.side];
    if (other && entry.value.block.start <= other.value.block.end) {
      const [a, b] = same ? (other.index < entry.index ? [other, entry] : [entry, other]) : entry.side === 1 ? [other, entry] : [entry, other];
      const rank = same ? b.index * left.length + a.index : a.index * right.length + b.index;
      if (rank < clashRank) {
        clashRank = rank;
        clash = [a.value, b.value];
      }
    }
    const own = same ? 0 : entry.side;
    const current = reach[own];
    if (!current || entry.value.block.end > current.value.block.end) reach[own] = { value: entry.value, index: entry.index };
  }
  return clash;
}

function checkContainment(
  subnets: SubnetEntry[],
  unit: PythonUnit,
  vpcs: Map<string, { name: string; blocks: CidrValue[]; line: number } | null>,
  context: FileRuleContext,
): void {
  for (const subnet of subnets) {
    const vpc = subnet.vpcKey ? vpcs.get(subnet.vpcKey) : undefined;
    if (!vpc) continue;
    const outside = subnet.values.find((value) => !vpc.blocks.some((block) => containsBlock(block.block, value.block)));
    if (!outside) continue;
    const blocks = vpc.blocks.map((block) => `\`${block.text}\``).join(', ');
    context.report({
      node: subnet.node,
      message: `Subnet CIDR \`${outside.text}\` lies outside the block${vpc.blocks.length > 1 ? 's' : ''} ${blocks} of VPC \`${vpc.name}\` (line ${unit.lineOffset + vpc.line + 1}).`,
    });
  }
}
