/**
 * IAC303: ingress from 0.0.0.0/0 or ::/0 on anything but ports 80 and 443, judged on the program
 * model. Reads the three ways Pulumi AWS expresses ingress: `ec2.SecurityGroup` ingress lists
 * (plain dicts or `SecurityGroupIngressArgs`), `ec2.SecurityGroupRule` of type `ingress` and
 * `vpc.SecurityGroupIngressRule`; and ingress Args objects built anywhere, even where no visible
 * resource receives them. Values come through variables, helper parameters, loops over port
 * lists and `self` attributes; egress, private CIDRs and values not known are left alone.
 */
import type { ModelRule, ProgramContext } from '../src/api/rule.js';
import { isWorldCidr } from '../src/aws/cidr.js';
import { worldExposure } from '../src/aws/ports.js';
import type { DictValue, ProgramModel, Site, Value } from '../src/pulumi/model.js';
import { BySite } from '../src/pulumi/site.js';
import { itemsOf, numberOf, stringOf, writtenSite } from '../src/pulumi/values.js';

/** One ingress rule, whatever form it was written in: its fields, each with the path of values that leads to it (for positions). */
interface Ingress {
  field(name: string): { value: Value | undefined; path: readonly (Site | Value | undefined)[] };
  cidrLists: readonly string[];
  cidrSingles: readonly string[];
  protocolKey: string;
  /** Where to report when no CIDR position is in a reviewed file. */
  fallback: Site;
}

const GROUP_FIELDS = { cidrLists: ['cidr_blocks', 'ipv6_cidr_blocks'], cidrSingles: [], protocolKey: 'protocol' } as const;
const VPC_RULE_FIELDS = { cidrLists: [], cidrSingles: ['cidr_ipv4', 'cidr_ipv6'], protocolKey: 'ip_protocol' } as const;
const GROUPS = new Set(['ec2.SecurityGroup', 'ec2.DefaultSecurityGroup']);

export const securityGroupOpenToWorld: ModelRule = {
  meta: {
    id: 'IAC303',
    name: 'security-group-open-to-world',
    title: 'Security group open to the world',
    category: 'Security',
    severity: 'error',
    why: 'Ingress from 0.0.0.0/0 or ::/0 on SSH, RDP, database ports, all ports or protocol -1 exposes the service to the whole internet, where it is scanned within minutes.',
    fix: 'Restrict ingress to known CIDR blocks (the VPC block, an office range) or to another security group with `security_groups=[...]`/`referenced_security_group_id`; only 80 and 443 may be public, and SSH belongs behind SSM Session Manager or a bastion.',
    badExample: 'aws.ec2.SecurityGroup("web", vpc_id=vpc.id, ingress=[\n    {"protocol": "tcp", "from_port": 22, "to_port": 22, "cidr_blocks": ["0.0.0.0/0"]},\n])',
    goodExample:
      'aws.ec2.SecurityGroup("web", vpc_id=vpc.id, ingress=[\n    {"protocol": "tcp", "from_port": 443, "to_port": 443, "cidr_blocks": ["0.0.0.0/0"]},\n    {"protocol": "tcp", "from_port": 22, "to_port": 22, "cidr_blocks": ["10.0.0.0/16"]},\n])',
    seed: { report: 'model-failures-tracking', section: 'Security Misconfigurations' },
    languages: ['python', 'typescript'],
  },
  scope: 'model',
  program(program, context) {
    const reviewed = new Set(context.project.files.map((file) => file.path));
    // Code that runs more than once (loops over ports, helpers called twice) reports once per position.
    const bySite = new BySite<{ site: Site; cidr: string; exposures: string[] }>();
    for (const rule of ingressRules(program)) {
      const world = worldCidr(rule);
      if (!world) continue;
      const exposure = exposureOf(rule);
      if (!exposure) continue;
      const site = world.site && reviewed.has(world.site.path) ? world.site : rule.fallback;
      const entry = bySite.at(site, world.cidr, () => ({ site, cidr: world.cidr, exposures: [] }));
      if (!entry.exposures.includes(exposure)) entry.exposures.push(exposure);
    }
    report(bySite.values(), context);
  },
};

function report(entries: Iterable<{ site: Site; cidr: string; exposures: string[] }>, context: ProgramContext): void {
  for (const { site, cidr, exposures } of entries) {
    const shown = exposures.slice(0, 4);
    const more = exposures.length - shown.length;
    const listed = shown.length > 1 ? `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}` : shown[0];
    context.report({ at: site, message: `Ingress from \`${cidr}\` ${listed}${more > 0 ? ` (and ${more} more)` : ''} is open to the whole internet; only ports 80 and 443 may be public.` });
  }
}

/** Every ingress rule of the program: in security groups' ingress lists, rule resources, and Args objects. */
function* ingressRules(program: ProgramModel): Generator<Ingress> {
  for (const resource of program.resources) {
    if (resource.type.provider !== 'aws') continue;
    const key = resource.type.key;
    const argumentField = (name: string) => {
      const argument = resource.args.get(name);
      return { value: argument?.value, path: [resource.callSite, argument?.site, argument?.value] };
    };
    if (GROUPS.has(key)) {
      const ingress = resource.args.get('ingress');
      yield* listedRules(ingress?.value, [resource.callSite, ingress?.site], resource.site);
    } else if (key === 'ec2.SecurityGroupRule') {
      if (stringOf(resource.args.get('type')?.value) === 'ingress') yield { field: argumentField, ...GROUP_FIELDS, fallback: resource.site };
    } else if (key === 'vpc.SecurityGroupIngressRule') {
      yield { field: argumentField, ...VPC_RULE_FIELDS, fallback: resource.site };
    }
  }
  for (const object of program.argsObjects) {
    const fallback = object.site;
    if (!fallback) continue;
    if (object.argsType === 'ec2.SecurityGroupIngressArgs') yield dictRule(object, [], GROUP_FIELDS, fallback);
    else if (object.argsType === 'ec2.SecurityGroupArgs') yield* listedRules(entry(object, 'ingress'), [object], fallback);
    else if (object.argsType === 'ec2.SecurityGroupRuleArgs' && stringOf(entry(object, 'type')) === 'ingress') yield dictRule(object, [], GROUP_FIELDS, fallback);
    else if (object.argsType === 'vpc.SecurityGroupIngressRuleArgs') yield dictRule(object, [], VPC_RULE_FIELDS, fallback);
  }
}

/** The rules of an `ingress=[...]` list: dicts and Args objects. */
function* listedRules(list: Value | undefined, path: readonly (Site | Value | undefined)[], fallback: Site): Generator<Ingress> {
  for (const item of itemsOf(list) ?? []) {
    if (item.kind === 'dict') yield dictRule(item, [...path, list], GROUP_FIELDS, fallback);
  }
}

function dictRule(dict: DictValue, path: readonly (Site | Value | undefined)[], fields: Omit<Ingress, 'field' | 'fallback'>, fallback: Site): Ingress {
  return {
    field: (name) => {
      const value = entry(dict, name);
      return { value, path: [...path, dict, value] };
    },
    ...fields,
    fallback,
  };
}

/** A dict entry by its canonical name or as TypeScript (and Python dicts written by hand) spell it: `from_port` / `fromPort`. */
function entry(dict: DictValue, name: string): Value | undefined {
  return dict.entries.get(name) ?? dict.entries.get(name.replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase()));
}

/** The first world-open CIDR of a rule and where it is written. */
function worldCidr(rule: Ingress): { cidr: string; site: Site | undefined } | undefined {
  for (const key of rule.cidrSingles) {
    const { value, path } = rule.field(key);
    const cidr = stringOf(value);
    if (cidr !== undefined && isWorldCidr(cidr)) return { cidr, site: writtenSite(path) };
  }
  for (const key of rule.cidrLists) {
    const { value, path } = rule.field(key);
    for (const item of itemsOf(value) ?? []) {
      const cidr = stringOf(item);
      if (cidr !== undefined && isWorldCidr(cidr)) return { cidr, site: writtenSite(item === value ? path : [...path, item]) };
    }
  }
  return undefined;
}

/** What the rule opens ("on port 22 (SSH)", "with protocol `-1` ..."), or undefined when it is fine or not known. */
function exposureOf(rule: Ingress): string | undefined {
  const protocolValue = rule.field(rule.protocolKey).value;
  const protocol = stringOf(protocolValue) ?? (protocolValue?.kind === 'number' ? String(protocolValue.value) : undefined);
  return worldExposure(protocol, port(rule.field('from_port').value), port(rule.field('to_port').value));
}

function port(value: Value | undefined): number | undefined {
  const number = numberOf(value);
  if (number !== undefined) return number;
  const text = stringOf(value)?.trim();
  return text !== undefined && /^-?\d+$/.test(text) ? Number(text) : undefined;
}
