/**
 * VPCs and their blocks, for IAC503 (checks/cidr-conflict.ts): a `vpc.id` / `self.vpc.id`
 * reference as a key scoped to where the name lives (and whether it stays the same VPC across
 * loop iterations), and each VPC's known IPv4 blocks (primary plus secondary associations).
 */
import type { PythonUnit } from './units.js';
import { calleeName } from './calls.js';
import { resourceKeywords } from './cidr-arguments.js';
import { parseIpv4Cidr, type Ipv4Block } from '../aws/cidr.js';
import { loopFrames, type Evaluator } from './evaluate.js';
import { dottedName } from './names.js';
import type { SyntaxNode } from './parser.js';
import { descendantsOfType } from '../syntax/walk.js';
import { getOrCompute } from '../syntax/memo-table.js';

export const VPC = 'pulumi_aws.ec2.Vpc';
export const SUBNET = 'pulumi_aws.ec2.Subnet';
export const VPC_ASSOCIATION = 'pulumi_aws.ec2.VpcIpv4CidrBlockAssociation';

export interface CidrValue {
  text: string;
  block: Ipv4Block;
}

/**
 * `vpc.id` / `self.vpc.id` as a key scoped to where the name lives (the class for `self.x`,
 * the enclosing function or module otherwise). Undefined for anything more complex.
 */
export function vpcReference(node: SyntaxNode, at: SyntaxNode): { key: string; name: string; stable: boolean } | undefined {
  const dotted = dottedName(node);
  if (!dotted) return undefined;
  const name = dotted.replace(/\.id$/, '');
  const head = name.split('.')[0] ?? name;
  const scope = name.startsWith('self.') ? enclosing(at, ['class_definition']) : enclosing(at, ['function_definition', 'module']);
  if (!scope) return undefined;
  const loopNames = new Set(loopFrames(at).flatMap((frame) => identifiersIn(frame.target)));
  if (loopNames.has(head)) return undefined;
  const assignments = assignmentsTo(scope, name);
  if (assignments.length > 1) return undefined;
  // A VPC built inside a loop is a different VPC on every iteration.
  const stable = assignments.every((assignment) => loopFrames(assignment).length === 0 && !insideLoop(assignment, scope));
  return { key: `${scope.id}:${name}`, name, stable };
}

function enclosing(node: SyntaxNode, types: string[]): SyntaxNode | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (types.includes(current.type)) return current;
    if (current.type === 'module') return types.includes('module') ? current : undefined;
  }
  return undefined;
}

function insideLoop(node: SyntaxNode, scope: SyntaxNode): boolean {
  for (let current = node.parent; current && current.id !== scope.id; current = current.parent) {
    if (current.type === 'for_statement' || current.type === 'while_statement') return true;
  }
  return false;
}

function identifiersIn(node: SyntaxNode): string[] {
  return [...descendantsOfType(node, 'identifier')].map((identifier) => identifier.text);
}

const assignmentsCache = new WeakMap<SyntaxNode, Map<string, SyntaxNode[]>>();

/** Assignments whose target is exactly `name` within `scope` (class-wide for `self.x`); memoised per scope and name. */
function assignmentsTo(scope: SyntaxNode, name: string): SyntaxNode[] {
  const byName = getOrCompute(assignmentsCache, scope, () => new Map<string, SyntaxNode[]>());
  return getOrCompute(byName, name, () => findAssignmentsTo(scope, name));
}

function findAssignmentsTo(scope: SyntaxNode, name: string): SyntaxNode[] {
  const found: SyntaxNode[] = [];
  const classWide = name.startsWith('self.');
  for (const node of descendantsOfType(scope, ['assignment', 'augmented_assignment', 'for_statement'])) {
    if (!classWide && enclosing(node, ['function_definition', 'module'])?.id !== scope.id) continue;
    const left = node.childForFieldName('left');
    if (!left) continue;
    if (node.type === 'for_statement') {
      if (!classWide && identifiersIn(left).includes(name)) found.push(node);
      continue;
    }
    if (dottedName(left) === name) found.push(node);
  }
  return found;
}

/** VPC key -> the VPC's known blocks (primary plus secondary associations); null when not fully known. */
export function vpcBindings(unit: PythonUnit, evaluator: Evaluator): Map<string, { name: string; blocks: CidrValue[]; line: number } | null> {
  const result = new Map<string, { name: string; blocks: CidrValue[]; line: number } | null>();
  const associations: { call: SyntaxNode; keywords: Map<string, SyntaxNode> }[] = [];
  for (const call of descendantsOfType(unit.root, 'call')) {
    const qualified = calleeName(call, unit.imports);
    if (qualified === VPC_ASSOCIATION) associations.push({ call, keywords: resourceKeywords(call, unit) });
    if (qualified !== VPC) continue;
    const assignment = call.parent;
    if (assignment?.type !== 'assignment' || assignment.childForFieldName('right')?.id !== call.id) continue;
    const left = assignment.childForFieldName('left');
    const name = left ? dottedName(left) : undefined;
    if (!name) continue;
    const reference = vpcReference(left as SyntaxNode, call);
    if (!reference || !reference.stable) continue;
    const keywords = resourceKeywords(call, unit);
    const cidr = keywords.get('cidr_block');
    const evaluation = cidr && !keywords.has('ipv4_ipam_pool_id') ? evaluator.evaluateAll(cidr) : undefined;
    const only = evaluation?.values.length === 1 ? evaluation.values[0] : undefined;
    const parsed = typeof only === 'string' ? parseIpv4Cidr(only) : undefined;
    result.set(reference.key, parsed?.ok ? { name, blocks: [{ text: only as string, block: parsed.block }], line: call.startPosition.row } : null);
  }
  for (const { call, keywords } of associations) {
    const vpc = keywords.get('vpc_id');
    const reference = vpc ? vpcReference(vpc, call) : undefined;
    if (!reference) continue;
    const known = result.get(reference.key);
    if (!known) continue;
    const cidr = keywords.get('cidr_block');
    const evaluation = cidr ? evaluator.evaluateAll(cidr) : undefined;
    const blocks = evaluation?.values.map((value) => (typeof value === 'string' ? parseIpv4Cidr(value) : undefined));
    if (!blocks || blocks.some((parsed) => !parsed?.ok)) {
      result.set(reference.key, null);
      continue;
    }
    for (const parsed of blocks) if (parsed?.ok) known.blocks.push({ text: parsed.block.text, block: parsed.block });
  }
  return result;
}
