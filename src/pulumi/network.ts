/**
 * VPCs and their subnets in a program model (IAC503 and the network rules): the VPC resource a
 * `vpc_id` refers to (`vpc.id`, `self.vpc.id`, through any variable or parameter the model
 * followed), each VPC's IPv4 blocks (its primary block plus secondary associations), and the
 * subnets with their blocks.
 */
import { parseIpv4Cidr, type Ipv4Block } from '../aws/cidr.js';
import type { ProgramModel, Resource, Site, Value } from './model.js';
import { stringOf, writtenSite } from './values.js';

const VPC = 'ec2.Vpc';
const SUBNET = 'ec2.Subnet';
const VPC_ASSOCIATION = 'ec2.VpcIpv4CidrBlockAssociation';

const isAws = (resource: Resource, key: string) => resource.type.provider === 'aws' && resource.type.key === key;

/** The VPC resource a `vpc_id` value reads the `id` of, when the model knows it. */
export function vpcOf(value: Value | undefined): Resource | undefined {
  if (value?.kind !== 'output' || value.attribute !== 'id' || !value.resource) return undefined;
  return isAws(value.resource, VPC) ? value.resource : undefined;
}

export interface SubnetBlock {
  subnet: Resource;
  vpc: Resource;
  block: Ipv4Block;
  /**
   * Where to point at the block, best first: where its text is written (a literal in the call, a
   * constant, a helper's caller), where the subnet's arguments use it, the subnet itself.
   */
  sites: readonly Site[];
}

/** Subnets whose VPC and (valid) IPv4 block the model knows. */
export function subnetBlocks(program: ProgramModel): SubnetBlock[] {
  const found: SubnetBlock[] = [];
  for (const subnet of program.resources) {
    if (!isAws(subnet, SUBNET)) continue;
    const vpc = vpcOf(subnet.args.get('vpc_id')?.value);
    const argument = subnet.args.get('cidr_block');
    const text = stringOf(argument?.value);
    const parsed = text === undefined ? undefined : parseIpv4Cidr(text);
    if (!vpc || !parsed?.ok) continue;
    const sites = [argument?.value.site, writtenSite([subnet.callSite, argument?.site, argument?.value]), subnet.site].filter((site): site is Site => site !== undefined);
    found.push({ subnet, vpc, block: parsed.block, sites });
  }
  return found;
}

/**
 * Each VPC's IPv4 blocks, or undefined when they are not all known (a block from configuration or
 * IPAM, an association whose block is not known). When an association's VPC is not known, any VPC
 * may have more blocks: every VPC's blocks are then not known.
 */
export function vpcBlocks(program: ProgramModel): Map<Resource, Ipv4Block[] | undefined> {
  const blocks = new Map<Resource, Ipv4Block[] | undefined>();
  for (const vpc of program.resources) {
    if (!isAws(vpc, VPC)) continue;
    const parsed = vpc.args.has('ipv4_ipam_pool_id') ? undefined : blockOf(vpc.args.get('cidr_block')?.value);
    blocks.set(vpc, parsed ? [parsed] : undefined);
  }
  for (const association of program.resources) {
    if (!isAws(association, VPC_ASSOCIATION)) continue;
    const vpc = vpcOf(association.args.get('vpc_id')?.value);
    if (!vpc) {
      for (const key of blocks.keys()) blocks.set(key, undefined);
      break;
    }
    const block = blockOf(association.args.get('cidr_block')?.value);
    const known = blocks.get(vpc);
    blocks.set(vpc, known && block ? [...known, block] : undefined);
  }
  return blocks;
}

function blockOf(value: Value | undefined): Ipv4Block | undefined {
  const text = stringOf(value);
  const parsed = text === undefined ? undefined : parseIpv4Cidr(text);
  return parsed?.ok ? parsed.block : undefined;
}

/** How a VPC is called in messages: the variable or attribute it is stored in, else its constructor and name. */
export function vpcLabel(vpc: Resource): string {
  if (vpc.boundTo) return vpc.boundTo;
  const name = stringOf(vpc.name);
  return name !== undefined ? `${vpc.constructorText}("${name}")` : vpc.constructorText;
}
