/**
 * IAC303: ingress from 0.0.0.0/0 or ::/0 on anything but ports 80 and 443. Reads the three
 * ways Pulumi AWS expresses ingress: `ec2.SecurityGroup(ingress=[...])` with dicts or
 * `SecurityGroupIngressArgs`, `ec2.SecurityGroupRule(type="ingress")` and
 * `vpc.SecurityGroupIngressRule`. Egress, private CIDRs and values it cannot see are left alone.
 */
import type { FileRule } from '../src/api/rule.js';
import { callArguments, calleeName } from '../src/python/calls.js';
import { keywordMapping, mappingGet, NameResolver, type Mapping } from '../src/python/literal-values.js';
import type { SyntaxNode } from '../src/python/parser.js';
import { descendantsOfType } from '../src/syntax/walk.js';

const GROUPS = new Set(['pulumi_aws.ec2.SecurityGroup', 'pulumi_aws.ec2.DefaultSecurityGroup', 'pulumi_aws.ec2.SecurityGroupArgs']);
const INGRESS_ARGS = new Set(['pulumi_aws.ec2.SecurityGroupIngressArgs', 'pulumi_aws.ec2.SecurityGroupIngressArgsDict']);
const RULE = 'pulumi_aws.ec2.SecurityGroupRule';
const VPC_INGRESS_RULE = 'pulumi_aws.vpc.SecurityGroupIngressRule';
const PUBLIC_PORTS = new Set([80, 443]);
const ALL_PROTOCOLS = new Set(['-1', 'all']);
/** ICMP "ports" are message types; ping from anywhere is not what this rule is about. */
const ICMP_PROTOCOLS = new Set(['icmp', 'icmpv6', '1', '58']);
const PORT_NAMES: Record<number, string> = {
  20: 'FTP data',
  21: 'FTP',
  22: 'SSH',
  23: 'Telnet',
  25: 'SMTP',
  135: 'RPC',
  139: 'NetBIOS',
  445: 'SMB',
  1433: 'SQL Server',
  1521: 'Oracle',
  2049: 'NFS',
  2379: 'etcd',
  3306: 'MySQL',
  3389: 'RDP',
  5432: 'PostgreSQL',
  5439: 'Redshift',
  5601: 'Kibana',
  5984: 'CouchDB',
  6379: 'Redis',
  8080: 'HTTP alternate',
  9200: 'Elasticsearch',
  11211: 'Memcached',
  27017: 'MongoDB',
};

interface IngressRule {
  mapping: Mapping;
  /** Keys of the CIDR lists and single CIDRs in this form of rule. */
  cidrLists: string[];
  cidrSingles: string[];
  protocolKey: string;
}

export const securityGroupOpenToWorld: FileRule = {
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
  },
  scope: 'file',
  check(unit, context) {
    if (unit.isTestFile) return;
    const names = NameResolver.of(unit.root, unit.imports);
    const rules: IngressRule[] = [];
    const seen = new Set<number>();
    const add = (mapping: Mapping | undefined, form: 'group' | 'rule' | 'vpc') => {
      if (!mapping || seen.has(mapping.node.id)) return;
      seen.add(mapping.node.id);
      rules.push(
        form === 'vpc'
          ? { mapping, cidrLists: [], cidrSingles: ['cidr_ipv4', 'cidr_ipv6'], protocolKey: 'ip_protocol' }
          : { mapping, cidrLists: ['cidr_blocks', 'ipv6_cidr_blocks'], cidrSingles: [], protocolKey: 'protocol' },
      );
    };

    for (const call of descendantsOfType(unit.root, 'call')) {
      const qualified = calleeName(call, unit.imports);
      if (!qualified) continue;
      if (GROUPS.has(qualified)) {
        const ingress = callArguments(call).keywords.get('ingress');
        const list = ingress ? names.sequence(ingress) : undefined;
        for (const item of list?.items ?? []) add(names.mapping(item, unit.imports), 'group');
      } else if (INGRESS_ARGS.has(qualified)) {
        add(names.mapping(call, unit.imports), 'group');
      } else if (qualified === RULE) {
        const mapping = keywordMapping(call);
        const type = mapping ? mappingGet(mapping, 'type') : undefined;
        if (type && names.string(type.value) === 'ingress') add(mapping, 'rule');
      } else if (qualified === VPC_INGRESS_RULE) {
        add(keywordMapping(call), 'vpc');
      }
    }

    for (const rule of rules) {
      const world = worldCidr(rule, names);
      if (!world) continue;
      const exposure = exposureOf(rule, names);
      if (!exposure) continue;
      context.report({
        node: world.node,
        message: `Ingress from \`${world.cidr}\` ${exposure} is open to the whole internet; only ports 80 and 443 may be public.`,
      });
    }
  },
};

/** The first world-open CIDR of a rule, with the node to report (the literal inside the rule when there is one). */
function worldCidr(rule: IngressRule, names: NameResolver): { cidr: string; node: SyntaxNode } | undefined {
  for (const key of rule.cidrSingles) {
    const entry = mappingGet(rule.mapping, key);
    const cidr = entry ? names.string(entry.value) : undefined;
    if (entry && cidr !== undefined && isWorld(cidr)) return { cidr, node: entry.value };
  }
  for (const key of rule.cidrLists) {
    const entry = mappingGet(rule.mapping, key);
    if (!entry) continue;
    const list = names.sequence(entry.value);
    const inPlace = list?.node.id === entry.value.id;
    for (const item of list?.items ?? []) {
      const cidr = names.string(item);
      if (cidr !== undefined && isWorld(cidr)) return { cidr, node: inPlace ? item : entry.value };
    }
  }
  return undefined;
}

function isWorld(cidr: string): boolean {
  const trimmed = cidr.trim().toLowerCase();
  return /^\d{1,3}(\.\d{1,3}){3}\/0$/.test(trimmed) || /^[0-9a-f:]*::?[0-9a-f:]*\/0$/.test(trimmed);
}

/** What the rule opens ("on port 22 (SSH)", "to all traffic"), or undefined when it is fine or unknown. */
function exposureOf(rule: IngressRule, names: NameResolver): string | undefined {
  const protocolEntry = mappingGet(rule.mapping, rule.protocolKey);
  const protocolValue = protocolEntry ? (names.string(protocolEntry.value) ?? names.integer(protocolEntry.value)?.toString()) : undefined;
  const protocol = protocolValue?.trim().toLowerCase();
  if (protocol !== undefined && ALL_PROTOCOLS.has(protocol)) return `with protocol \`${protocolValue}\` (all traffic, every port)`;
  if (protocol !== undefined && ICMP_PROTOCOLS.has(protocol)) return undefined;
  const fromEntry = mappingGet(rule.mapping, 'from_port');
  const toEntry = mappingGet(rule.mapping, 'to_port');
  const from = fromEntry ? port(fromEntry.value, names) : undefined;
  const to = toEntry ? port(toEntry.value, names) : undefined;
  if (from === undefined || to === undefined) return undefined;
  if (from === to && PUBLIC_PORTS.has(from)) return undefined;
  if (from === to) return `on port ${from}${PORT_NAMES[from] ? ` (${PORT_NAMES[from]})` : ''}`;
  if (from <= 0 && (to >= 65535 || to <= 0)) return `on ports ${from}-${to} (all ports)`;
  const named = Object.keys(PORT_NAMES)
    .map(Number)
    .filter((known) => known >= from && known <= to)
    .slice(0, 3)
    .map((known) => `${known} ${PORT_NAMES[known]}`);
  return `on ports ${from}-${to}${named.length ? ` (including ${named.join(', ')})` : ''}`;
}

function port(node: SyntaxNode, names: NameResolver): number | undefined {
  const value = names.integer(node);
  if (value !== undefined) return value;
  const text = names.string(node);
  return text !== undefined && /^-?\d+$/.test(text.trim()) ? Number(text.trim()) : undefined;
}
