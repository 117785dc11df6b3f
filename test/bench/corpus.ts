/**
 * A deterministic corpus of generated Pulumi-Python code for benchmarks and tests: what a pull
 * request full of model-written stacks looks like. Files are built from a seeded PRNG (no
 * Math.random, no clock), so the same options always give byte-identical files.
 *
 * Layout (one repository holding many generated projects, so the allowed-structure rule stays
 * quiet except where a stray file is planted):
 *   lib/<project>/tap_stack.py            ComponentResource stack wiring the components
 *   lib/<project>/components/*.py          networking, security, storage, iam, compute, database, monitoring
 *   lib/<project>/lambda/handler.py        plain boto3 handler code
 *   lib/<project>/__main__.py, __init__.py entry point, package markers
 *   lib/<project>/MODEL_RESPONSE.md        model answers: prose with ```python blocks
 *   tests/<project>/unit|integration/...   pulumi mocks and boto3 integration tests
 *
 * Planted failures at a realistic rate (about one file in five carries one): truncated files
 * and Markdown answers, `class TapStack:` without ComponentResource, exec() in tests, SSH/RDP
 * open to 0.0.0.0/0, public buckets, unencrypted databases, wildcard IAM, hard-coded AMIs,
 * mixed regions, Terraform syntax in answers, missing imports, syntax errors, placeholders,
 * tests without assertions, overlapping CIDRs, outdated runtimes, development settings.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface CorpusFile {
  path: string;
  content: string;
  /** Failures planted in this file (absent in manifests). */
  planted?: string[];
}

export interface CorpusOptions {
  /** PRNG seed; the default corpus uses 20250808. */
  seed?: number;
  /** Number of reviewable files (.py and .md). */
  files?: number;
  /** Approximate total size in bytes of the reviewable files. */
  totalBytes?: number;
  /** Also emit per-project manifests (requirements.txt, Pulumi.yaml, Pulumi.<stack>.yaml). */
  manifests?: boolean;
}

export interface CorpusStats {
  files: number;
  bytes: number;
  lines: number;
  planted: Record<string, number>;
}

export const DEFAULT_CORPUS: Required<CorpusOptions> = { seed: 20250808, files: 1000, totalBytes: 10_000_000, manifests: false };

/** mulberry32: small, fast, good enough for test data, fully deterministic. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Log-normal multiplier around 1 (median 1). */
  spread(sigma: number): number {
    const u = Math.max(1e-9, this.next());
    const v = this.next();
    return Math.exp(sigma * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v));
  }

  sample<T>(items: readonly T[], count: number): T[] {
    const pool = [...items];
    const out: T[] = [];
    while (out.length < count && pool.length) out.push(pool.splice(Math.floor(this.next() * pool.length), 1)[0] as T);
    return out;
  }
}

const PROJECT_WORDS = [
  'payments', 'analytics', 'webapp', 'datalake', 'iot', 'inventory', 'orders', 'billing', 'search', 'media',
  'identity', 'notifications', 'reporting', 'catalog', 'checkout', 'telemetry', 'ledger', 'gateway', 'crm', 'portal',
];
const REGIONS = ['us-east-1', 'us-east-2', 'us-west-2', 'eu-west-1', 'eu-central-1', 'ap-southeast-1', 'ap-northeast-1', 'ca-central-1'];
const ENVIRONMENTS = ['dev', 'staging', 'prod', 'production', 'qa'];
const SERVICES = ['api', 'worker', 'auth', 'ingest', 'export', 'scheduler', 'events', 'images', 'users', 'reports', 'audit', 'sync'];
const COMPONENTS = ['networking', 'security', 'storage', 'iam', 'compute', 'database', 'monitoring'] as const;
type Component = (typeof COMPONENTS)[number];

/** Line-based Python emitter with indentation. */
class Code {
  private readonly lines: string[] = [];
  private depth = 0;
  length = 0;

  line(text = ''): this {
    const line = text ? '    '.repeat(this.depth) + text : '';
    this.lines.push(line);
    this.length += line.length + 1;
    return this;
  }

  many(texts: readonly string[]): this {
    for (const text of texts) this.line(text);
    return this;
  }

  in(): this {
    this.depth++;
    return this;
  }

  out(): this {
    this.depth = Math.max(0, this.depth - 1);
    return this;
  }

  get level(): number {
    return this.depth;
  }

  set level(value: number) {
    this.depth = value;
  }

  text(): string {
    return this.lines.join('\n') + '\n';
  }
}

/** How a file spells its imports: `aws.ec2.Vpc` or `ec2.Vpc`, `pulumi.ResourceOptions` or `ResourceOptions`. */
interface Style {
  awsAlias: boolean;
  aws: (module: string) => string;
  opts: string;
  component: string;
  output: string;
  importLines: (modules: readonly string[], needJson: boolean) => string[];
}

function styleFor(random: Random): Style {
  const awsAlias = random.chance(0.75);
  const pulumiFrom = random.chance(0.35);
  return {
    awsAlias,
    aws: (module) => (awsAlias ? `aws.${module}.` : `${module}.`),
    opts: pulumiFrom ? 'ResourceOptions' : 'pulumi.ResourceOptions',
    component: pulumiFrom ? 'ComponentResource' : 'pulumi.ComponentResource',
    output: pulumiFrom ? 'Output' : 'pulumi.Output',
    importLines: (modules, needJson) => {
      const lines: string[] = [];
      if (needJson) lines.push('import json');
      lines.push('from typing import Dict, List, Optional');
      lines.push('');
      lines.push('import pulumi');
      if (awsAlias) lines.push('import pulumi_aws as aws');
      else lines.push(`from pulumi_aws import ${[...new Set(modules)].sort().join(', ')}`);
      if (pulumiFrom) lines.push('from pulumi import ComponentResource, Output, ResourceOptions');
      return lines;
    },
  };
}

interface Project {
  name: string;
  region: string;
  environment: string;
  production: boolean;
  cidr: number;
  azCount: number;
  services: string[];
  components: Component[];
  monolith: boolean;
}

interface Plan {
  path: string;
  kind: FileKind;
  project: Project;
  target: number;
}

type FileKind = 'stack' | 'component' | 'handler' | 'main' | 'init' | 'unit' | 'integration' | 'answer' | 'stray';

/** Relative weight (bytes) of each kind of file, before scaling to the corpus total. */
const KIND_WEIGHT: Record<FileKind, number> = {
  stack: 22_000,
  component: 11_000,
  handler: 4_000,
  main: 1_200,
  init: 60,
  unit: 9_000,
  integration: 7_000,
  answer: 24_000,
  stray: 3_000,
};

class Planter {
  readonly counts: Record<string, number> = {};
  /** Failures planted in the file being rendered. */
  current: string[] = [];

  constructor(private readonly random: Random) {}

  /** True (and counted) with the given probability. */
  plant(name: string, probability: number): boolean {
    if (!this.random.chance(probability)) return false;
    this.counts[name] = (this.counts[name] ?? 0) + 1;
    this.current.push(name);
    return true;
  }
}

/** Generates the corpus in memory. */
export function generateCorpus(options: CorpusOptions = {}): CorpusFile[] {
  return generate({ ...DEFAULT_CORPUS, ...options }).files;
}

/** The corpus with counts of planted failures. */
export function generateCorpusWithStats(options: CorpusOptions = {}): { files: CorpusFile[]; stats: CorpusStats } {
  return generate({ ...DEFAULT_CORPUS, ...options });
}

/** Writes files under `folder` (created as needed). */
export function writeCorpus(folder: string, files: readonly CorpusFile[]): void {
  for (const file of files) {
    const target = join(folder, file.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, file.content);
  }
}

export function isReviewableCorpusPath(path: string): boolean {
  return path.endsWith('.py') || path.endsWith('.md');
}

function generate(options: Required<CorpusOptions>): { files: CorpusFile[]; stats: CorpusStats } {
  const random = new Random(options.seed);
  const planter = new Planter(random);
  const plans: Plan[] = [];
  const projects: Project[] = [];
  for (let index = 0; plans.length < options.files; index++) {
    const project = makeProject(random, index);
    projects.push(project);
    for (const plan of planProject(random, project)) if (plans.length < options.files) plans.push(plan);
  }
  // Scale targets so the reviewable files add up to about `totalBytes`.
  const weights = plans.map((plan) => plan.target);
  const sum = weights.reduce((a, b) => a + b, 0);
  for (const plan of plans) plan.target = Math.max(40, Math.round((plan.target / sum) * options.totalBytes));

  const files: CorpusFile[] = plans.map((plan) => {
    planter.current = [];
    const content = render(random, planter, plan);
    return { path: plan.path, content, planted: planter.current };
  });
  if (options.manifests) {
    for (const project of projects) if (files.some((file) => file.path.startsWith(`lib/${project.name}/`))) files.push(...manifests(random, planter, project));
  }
  const reviewable = files.filter((file) => isReviewableCorpusPath(file.path));
  return {
    files,
    stats: {
      files: reviewable.length,
      bytes: reviewable.reduce((total, file) => total + Buffer.byteLength(file.content), 0),
      lines: reviewable.reduce((total, file) => total + file.content.split('\n').length, 0),
      planted: planter.counts,
    },
  };
}

function makeProject(random: Random, index: number): Project {
  const environment = random.pick(ENVIRONMENTS);
  const components = ['networking', ...random.sample(COMPONENTS.slice(1), random.int(2, 6))] as Component[];
  return {
    name: `${random.pick(PROJECT_WORDS)}_${String(index).padStart(3, '0')}`,
    region: random.pick(REGIONS),
    environment,
    production: environment === 'prod' || environment === 'production',
    cidr: random.int(0, 200),
    azCount: random.int(2, 3),
    services: random.sample(SERVICES, random.int(2, 6)),
    components,
    monolith: index % 40 === 17,
  };
}

function planProject(random: Random, project: Project): Plan[] {
  const base = `lib/${project.name}`;
  const plans: Plan[] = [];
  const add = (path: string, kind: FileKind, sigma = 0.45) => plans.push({ path, kind, project, target: KIND_WEIGHT[kind] * random.spread(sigma) });
  add(`${base}/__init__.py`, 'init');
  add(`${base}/__main__.py`, 'main', 0.3);
  // One project in forty puts everything in one enormous stack file.
  if (project.monolith) plans.push({ path: `${base}/tap_stack.py`, kind: 'stack', project, target: KIND_WEIGHT.stack * random.int(8, 14) });
  else add(`${base}/tap_stack.py`, 'stack');
  add(`${base}/components/__init__.py`, 'init');
  for (const component of project.components) add(`${base}/components/${component}.py`, 'component');
  if (project.components.includes('compute') || random.chance(0.4)) add(`${base}/lambda/handler.py`, 'handler');
  add(`tests/${project.name}/unit/test_tap_stack.py`, 'unit');
  if (random.chance(0.8)) add(`tests/${project.name}/integration/test_tap_stack.py`, 'integration');
  if (random.chance(0.55)) add(`${base}/MODEL_RESPONSE.md`, 'answer', 0.5);
  if (random.chance(0.3)) add(`${base}/IDEAL_RESPONSE.md`, 'answer', 0.5);
  // The seed's "created test_integration.py nobody asked for".
  if (random.chance(0.04)) add(`${project.name}_test_integration.py`, 'stray');
  return plans;
}

function render(random: Random, planter: Planter, plan: Plan): string {
  let text: string;
  switch (plan.kind) {
    case 'init':
      text = random.chance(0.5) ? '' : `"""${title(plan.project.name)} package."""\n`;
      break;
    case 'main':
      text = mainFile(random, planter, plan);
      break;
    case 'stack':
      text = stackFile(random, planter, plan);
      break;
    case 'component':
      text = componentFile(random, planter, plan, (plan.path.split('/').pop() ?? '').replace('.py', '') as Component);
      break;
    case 'handler':
      text = handlerFile(random, planter, plan);
      break;
    case 'unit':
      text = unitTestFile(random, planter, plan);
      break;
    case 'integration':
    case 'stray':
      text = integrationTestFile(random, planter, plan);
      break;
    case 'answer':
      text = answerFile(random, planter, plan);
      break;
  }
  if (plan.kind !== 'init' && plan.kind !== 'answer') {
    if (planter.plant('non-ascii comment', 0.02)) text = `# -*- coding: utf-8 -*-\n# Créé par le modèle — déploiement “${plan.project.name}” ✅\n${text}`;
    if (planter.plant('truncated file', 0.035)) text = truncate(random, text);
    else if (planter.plant('CRLF line endings', 0.01)) text = text.replace(/\n/g, '\r\n');
  }
  return text;
}

/** Cuts a file mid-line somewhere in its last third, as a response that ran out of tokens. */
function truncate(random: Random, text: string): string {
  const cut = Math.floor(text.length * (0.66 + random.next() * 0.33));
  return text.slice(0, cut);
}

function title(name: string): string {
  return name
    .split(/[_-]/)
    .filter((part) => !/^\d+$/.test(part))
    .map((part) => part[0]?.toUpperCase() + part.slice(1))
    .join(' ');
}

function azs(project: Project): string[] {
  return ['a', 'b', 'c'].slice(0, project.azCount).map((letter) => `${project.region}${letter}`);
}

function mainFile(random: Random, planter: Planter, plan: Plan): string {
  const { project } = plan;
  const code = new Code();
  code.line(`"""Pulumi program entry point for the ${title(project.name)} stack."""`);
  code.line('import pulumi');
  code.line('import pulumi_aws as aws');
  code.line('');
  code.line(`from lib.${project.name}.tap_stack import TapStack, TapStackArgs`);
  code.line('');
  code.line('config = pulumi.Config()');
  code.line(`environment_suffix = config.get("environmentSuffix") or "${project.environment}"`);
  code.line(`region = config.get("region") or "${project.region}"`);
  code.line('');
  code.line('provider = aws.Provider("aws-provider", region=region)');
  code.line('');
  code.line('stack = TapStack(');
  code.line(`    f"TapStack{environment_suffix}",`);
  code.line('    TapStackArgs(environment_suffix=environment_suffix, tags={"Project": "' + project.name + '"}),');
  code.line('    opts=pulumi.ResourceOptions(provider=provider),');
  code.line(')');
  code.line('');
  for (const output of ['vpc_id', 'public_subnet_ids', 'private_subnet_ids', 'bucket_name', 'lambda_arn']) {
    if (random.chance(0.7)) code.line(`pulumi.export("${output}", stack.${output})`);
  }
  return code.text();
}

// ---------------------------------------------------------------- resource snippets

interface Ctx {
  random: Random;
  planter: Planter;
  project: Project;
  style: Style;
  /** Modules of pulumi_aws used (for `from pulumi_aws import ...`). */
  modules: Set<string>;
  /** Uses json.dumps. */
  json: boolean;
  /** Planted failures reserved for this file. */
  parent: string;
}

function r(ctx: Ctx, module: string, resource: string): string {
  ctx.modules.add(module);
  return `${ctx.style.aws(module)}${resource}`;
}

/** A top-level name of pulumi_aws (`aws.Provider`, `aws.get_availability_zones`). */
function fn(ctx: Ctx, name: string): string {
  ctx.modules.add(name);
  return ctx.style.awsAlias ? `aws.${name}` : name;
}

function opts(ctx: Ctx, extra = ''): string {
  return `opts=${ctx.style.opts}(parent=${ctx.parent}${extra})`;
}

function tags(ctx: Ctx, name: string): string {
  return `tags={**self.tags, "Name": f"${name}"}`;
}

function networking(code: Code, ctx: Ctx): void {
  const { project, random, planter } = ctx;
  const second = project.cidr % 250;
  code.line('# VPC with DNS support so endpoints and RDS resolve privately.');
  code.line(`self.vpc = ${r(ctx, 'ec2', 'Vpc')}(`);
  code.in().many([
    `f"{self.name_prefix}-vpc",`,
    `cidr_block="10.${second}.0.0/16",`,
    'enable_dns_hostnames=True,',
    'enable_dns_support=True,',
    tags(ctx, '{self.name_prefix}-vpc') + ',',
    opts(ctx) + ',',
  ]).out().line(')');
  code.line('');
  code.line(`self.igw = ${r(ctx, 'ec2', 'InternetGateway')}(`);
  code.in().many([`f"{self.name_prefix}-igw",`, 'vpc_id=self.vpc.id,', tags(ctx, '{self.name_prefix}-igw') + ',', opts(ctx) + ',']).out().line(')');
  code.line('');
  if (random.chance(0.5)) {
    code.line(`available = ${fn(ctx, 'get_availability_zones')}(state="available")`);
    code.line('zones = available.names[:' + project.azCount + ']');
  } else if (planter.plant('hard-coded availability zones', 0.5)) {
    code.line(`zones = [${azs(project).map((zone) => `"${zone}"`).join(', ')}]`);
  } else {
    code.line(`zones = ${fn(ctx, 'get_availability_zones')}().names[:${project.azCount}]`);
  }
  code.line('');
  const overlap = planter.plant('overlapping subnet CIDRs', 0.04);
  code.line('self.public_subnets = []');
  code.line('self.private_subnets = []');
  code.line('for index, zone in enumerate(zones):');
  code.in();
  code.line(`public = ${r(ctx, 'ec2', 'Subnet')}(`);
  code.in().many([
    `f"{self.name_prefix}-public-{index + 1}",`,
    'vpc_id=self.vpc.id,',
    `cidr_block=f"10.${second}.{index}.0/24",`,
    'availability_zone=zone,',
    'map_public_ip_on_launch=True,',
    `tags={**self.tags, "Name": f"{self.name_prefix}-public-{index + 1}", "Tier": "public"},`,
    opts(ctx) + ',',
  ]).out().line(')');
  code.line('self.public_subnets.append(public)');
  code.line(`private = ${r(ctx, 'ec2', 'Subnet')}(`);
  code.in().many([
    `f"{self.name_prefix}-private-{index + 1}",`,
    'vpc_id=self.vpc.id,',
    `cidr_block=f"10.${second}.{index + ${overlap ? 0 : 10}}.0/24",`,
    'availability_zone=zone,',
    `tags={**self.tags, "Name": f"{self.name_prefix}-private-{index + 1}", "Tier": "private"},`,
    opts(ctx) + ',',
  ]).out().line(')');
  code.line('self.private_subnets.append(private)');
  code.out();
  code.line('');
  if (overlap) {
    code.line(`self.reserved_subnet = ${r(ctx, 'ec2', 'Subnet')}(`);
    code.in().many([`f"{self.name_prefix}-reserved",`, 'vpc_id=self.vpc.id,', `cidr_block="10.${second}.0.0/20",`, opts(ctx) + ',']).out().line(')');
    code.line('');
  }
  const natDependency = !planter.plant('NAT without IGW dependency', 0.05);
  code.line('self.nat_gateways = []');
  code.line('for index, subnet in enumerate(self.public_subnets):');
  code.in();
  code.line(`eip = ${r(ctx, 'ec2', 'Eip')}(f"{self.name_prefix}-nat-eip-{index + 1}", domain="vpc", ${opts(ctx)})`);
  code.line(`nat = ${r(ctx, 'ec2', 'NatGateway')}(`);
  code.in().many([
    `f"{self.name_prefix}-nat-{index + 1}",`,
    'allocation_id=eip.id,',
    'subnet_id=subnet.id,',
    tags(ctx, '{self.name_prefix}-nat-{index + 1}') + ',',
    opts(ctx, natDependency ? ', depends_on=[self.igw]' : '') + ',',
  ]).out().line(')');
  code.line('self.nat_gateways.append(nat)');
  code.out();
  code.line('');
  code.line(`self.public_route_table = ${r(ctx, 'ec2', 'RouteTable')}(`);
  code.in().many([
    `f"{self.name_prefix}-public-rt",`,
    'vpc_id=self.vpc.id,',
    `routes=[${r(ctx, 'ec2', 'RouteTableRouteArgs')}(cidr_block="0.0.0.0/0", gateway_id=self.igw.id)],`,
    tags(ctx, '{self.name_prefix}-public-rt') + ',',
    opts(ctx) + ',',
  ]).out().line(')');
  code.line('for index, subnet in enumerate(self.public_subnets):');
  code.in().line(`${r(ctx, 'ec2', 'RouteTableAssociation')}(`);
  code.in().many([`f"{self.name_prefix}-public-rta-{index + 1}",`, 'subnet_id=subnet.id,', 'route_table_id=self.public_route_table.id,', opts(ctx) + ',']).out().line(')');
  code.out();
  code.line('for index, (subnet, nat) in enumerate(zip(self.private_subnets, self.nat_gateways)):');
  code.in().line(`table = ${r(ctx, 'ec2', 'RouteTable')}(`);
  code.in().many([
    `f"{self.name_prefix}-private-rt-{index + 1}",`,
    'vpc_id=self.vpc.id,',
    `routes=[{"cidr_block": "0.0.0.0/0", "nat_gateway_id": nat.id}],`,
    tags(ctx, '{self.name_prefix}-private-rt-{index + 1}') + ',',
    opts(ctx) + ',',
  ]).out().line(')');
  code.line(`${r(ctx, 'ec2', 'RouteTableAssociation')}(`);
  code.in().many([`f"{self.name_prefix}-private-rta-{index + 1}",`, 'subnet_id=subnet.id,', 'route_table_id=table.id,', opts(ctx) + ',']).out().line(')');
  code.out();
  code.line('');
  if (random.chance(0.6)) {
    code.line(`self.flow_logs_group = ${r(ctx, 'cloudwatch', 'LogGroup')}(`);
    code.in().many([`f"{self.name_prefix}-vpc-flow-logs",`, `retention_in_days=${random.pick([7, 14, 30, 90, 365])},`, opts(ctx) + ',']).out().line(')');
    code.line('');
  }
}

function securityGroup(code: Code, ctx: Ctx, service: string, index: number): void {
  const { planter, random } = ctx;
  const port = random.pick([8080, 3000, 5000, 8443, 9000]);
  const open = planter.plant('security group open to the world', 0.035);
  const openPort = random.pick([22, 3389, 5432, 3306, -1]);
  code.line(`# Security group for the ${service} tier.`);
  code.line(`self.${service}_sg = ${r(ctx, 'ec2', 'SecurityGroup')}(`);
  code.in().many([`f"{self.name_prefix}-${service}-sg",`, `description="${title(service)} tier security group",`, 'vpc_id=self.vpc_id,', 'ingress=[']);
  code.in();
  if (random.chance(0.5)) {
    code.line(`${r(ctx, 'ec2', 'SecurityGroupIngressArgs')}(`);
    code.in().many([`description="HTTPS from the load balancer",`, 'protocol="tcp",', 'from_port=443,', 'to_port=443,', 'cidr_blocks=["0.0.0.0/0"],']).out().line('),');
  } else {
    code.line(`{"protocol": "tcp", "from_port": ${port}, "to_port": ${port}, "cidr_blocks": [self.vpc_cidr]},`);
  }
  if (open) {
    code.line(
      openPort === -1
        ? '{"protocol": "-1", "from_port": 0, "to_port": 0, "cidr_blocks": ["0.0.0.0/0"]},'
        : `{"protocol": "tcp", "from_port": ${openPort}, "to_port": ${openPort}, "cidr_blocks": ["0.0.0.0/0"]},`,
    );
  } else if (random.chance(0.3)) {
    code.line(`{"protocol": "tcp", "from_port": 22, "to_port": 22, "cidr_blocks": ["10.${index}.0.0/16"]},`);
  }
  code.out().line('],');
  code.line('egress=[{"protocol": "-1", "from_port": 0, "to_port": 0, "cidr_blocks": ["0.0.0.0/0"]}],');
  code.line(tags(ctx, `{self.name_prefix}-${service}-sg`) + ',');
  code.line(opts(ctx) + ',');
  code.out().line(')');
  if (random.chance(0.4)) {
    code.line(`${r(ctx, 'ec2', 'SecurityGroupRule')}(`);
    code.in().many([
      `f"{self.name_prefix}-${service}-from-bastion",`,
      'type="ingress",',
      'protocol="tcp",',
      'from_port=22,',
      'to_port=22,',
      `security_group_id=self.${service}_sg.id,`,
      'source_security_group_id=self.bastion_sg_id,',
      opts(ctx) + ',',
    ]).out().line(')');
  }
  code.line('');
}

function storage(code: Code, ctx: Ctx, service: string): void {
  const { planter, random, project } = ctx;
  ctx.json = true;
  const placeholder = project.production && planter.plant('placeholder bucket name', 0.05);
  const bucketName = placeholder ? random.pick(['test-bucket', 'my-bucket', 'example-bucket']) : `{self.name_prefix}-${service.replace(/_/g, '-')}`;
  code.line(`self.${service}_bucket = ${r(ctx, 's3', 'Bucket')}(`);
  code.in().line(placeholder ? `"${bucketName}",` : `f"${bucketName}",`);
  if (planter.plant('public bucket ACL', 0.025)) code.line('acl="public-read",');
  if (project.production && planter.plant('force_destroy in production', 0.05)) code.line('force_destroy=True,');
  code.line(tags(ctx, `{self.name_prefix}-${service}`) + ',');
  code.line(opts(ctx) + ',');
  code.out().line(')');
  code.line(`${r(ctx, 's3', 'BucketVersioning')}(`);
  code.in().many([
    `f"{self.name_prefix}-${service}-versioning",`,
    `bucket=self.${service}_bucket.id,`,
    `versioning_configuration=${r(ctx, 's3', 'BucketVersioningVersioningConfigurationArgs')}(status="Enabled"),`,
    opts(ctx) + ',',
  ]).out().line(')');
  code.line(`${r(ctx, 's3', 'BucketServerSideEncryptionConfiguration')}(`);
  code.in().many([
    `f"{self.name_prefix}-${service}-encryption",`,
    `bucket=self.${service}_bucket.id,`,
    'rules=[',
    `    ${r(ctx, 's3', 'BucketServerSideEncryptionConfigurationRuleArgs')}(`,
    `        apply_server_side_encryption_by_default=${r(ctx, 's3', 'BucketServerSideEncryptionConfigurationRuleApplyServerSideEncryptionByDefaultArgs')}(`,
    '            sse_algorithm="aws:kms",',
    '        ),',
    '        bucket_key_enabled=True,',
    '    )',
    '],',
    opts(ctx) + ',',
  ]).out().line(')');
  const blockOff = planter.plant('public access block disabled', 0.02);
  code.line(`${r(ctx, 's3', 'BucketPublicAccessBlock')}(`);
  code.in().many([
    `f"{self.name_prefix}-${service}-public-access",`,
    `bucket=self.${service}_bucket.id,`,
    `block_public_acls=${blockOff ? 'False' : 'True'},`,
    'block_public_policy=True,',
    'ignore_public_acls=True,',
    'restrict_public_buckets=True,',
    opts(ctx) + ',',
  ]).out().line(')');
  const publicPolicy = planter.plant('bucket policy Principal *', 0.02);
  code.line(`${r(ctx, 's3', 'BucketPolicy')}(`);
  code.in().many([`f"{self.name_prefix}-${service}-policy",`, `bucket=self.${service}_bucket.id,`, `policy=self.${service}_bucket.arn.apply(`]);
  code.in().line('lambda arn: json.dumps(');
  code.in().line('{');
  code.in().many([
    '"Version": "2012-10-17",',
    '"Statement": [',
    '    {',
    `        "Sid": "${publicPolicy ? 'PublicRead' : 'DenyInsecureTransport'}",`,
    `        "Effect": "${publicPolicy ? 'Allow' : 'Deny'}",`,
    '        "Principal": "*",',
    `        "Action": "${publicPolicy ? 's3:GetObject' : 's3:*'}",`,
    '        "Resource": [arn, f"{arn}/*"],',
    ...(publicPolicy ? [] : ['        "Condition": {"Bool": {"aws:SecureTransport": "false"}},']),
    '    }',
    '],',
  ]).out().line('}');
  code.out().line(')');
  code.out().line('),');
  code.line(opts(ctx) + ',');
  code.out().line(')');
  code.line('');
}

function iamRole(code: Code, ctx: Ctx, service: string): void {
  const { planter, random } = ctx;
  ctx.json = true;
  const wildcard = planter.plant('IAM Allow * on *', 0.02);
  code.line(`self.${service}_role = ${r(ctx, 'iam', 'Role')}(`);
  code.in().many([
    `f"{self.name_prefix}-${service}-role",`,
    'assume_role_policy=json.dumps(',
    '    {',
    '        "Version": "2012-10-17",',
    '        "Statement": [',
    '            {',
    '                "Effect": "Allow",',
    '                "Principal": {"Service": "lambda.amazonaws.com"},',
    '                "Action": "sts:AssumeRole",',
    '            }',
    '        ],',
    '    }',
    '),',
    tags(ctx, `{self.name_prefix}-${service}-role`) + ',',
    opts(ctx) + ',',
  ]).out().line(')');
  code.line(`${r(ctx, 'iam', 'RolePolicyAttachment')}(`);
  code.in().many([
    `f"{self.name_prefix}-${service}-basic-execution",`,
    `role=self.${service}_role.name,`,
    'policy_arn="arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",',
    opts(ctx) + ',',
  ]).out().line(')');
  const actions = random.sample(['s3:GetObject', 's3:PutObject', 'dynamodb:GetItem', 'dynamodb:PutItem', 'sqs:SendMessage', 'sqs:ReceiveMessage', 'kms:Decrypt', 'logs:PutLogEvents'], random.int(2, 4));
  code.line(`${r(ctx, 'iam', 'RolePolicy')}(`);
  code.in().many([
    `f"{self.name_prefix}-${service}-inline",`,
    `role=self.${service}_role.id,`,
    'policy=json.dumps(',
    '    {',
    '        "Version": "2012-10-17",',
    '        "Statement": [',
    '            {',
    '                "Effect": "Allow",',
    `                "Action": ${wildcard ? '"*"' : `[${actions.map((action) => `"${action}"`).join(', ')}]`},`,
    `                "Resource": ${wildcard ? '"*"' : `"arn:aws:${actions[0]?.split(':')[0]}:*:*:${service}-*"`},`,
    '            }',
    '        ],',
    '    }',
    '),',
    opts(ctx) + ',',
  ]).out().line(')');
  code.line('');
}

function lambdaFunction(code: Code, ctx: Ctx, service: string): void {
  const { planter, random, project } = ctx;
  const outdated = planter.plant('outdated Lambda runtime', 0.04);
  const runtime = outdated ? random.pick(['python3.6', 'python3.7', 'nodejs12.x']) : random.pick(['python3.11', 'python3.12', 'python3.13']);
  code.line(`self.${service}_function = ${r(ctx, 'lambda_', 'Function')}(`);
  code.in().many([
    `f"{self.name_prefix}-${service}",`,
    `runtime="${runtime}",`,
    'handler="handler.main",',
    `role=self.${service}_role.arn,`,
    `code=pulumi.AssetArchive({".": pulumi.FileArchive("./lib/${project.name}/lambda")}),`,
    `timeout=${random.pick([10, 30, 60, 120])},`,
    `memory_size=${random.pick([128, 256, 512, 1024])},`,
    `environment=${r(ctx, 'lambda_', 'FunctionEnvironmentArgs')}(`,
    '    variables={',
    `        "ENVIRONMENT": self.environment_suffix,`,
    `        "TABLE_NAME": f"{self.name_prefix}-${service}",`,
    `        "LOG_LEVEL": "${random.pick(['INFO', 'DEBUG', 'WARNING'])}",`,
    ...(planter.plant('hard-coded secret', 0.015) ? ['        "DB_PASSWORD": "SuperSecret123!",'] : []),
    '    }',
    '),',
    `vpc_config=${r(ctx, 'lambda_', 'FunctionVpcConfigArgs')}(`,
    '    subnet_ids=[subnet.id for subnet in self.private_subnets],',
    `    security_group_ids=[self.${service}_sg.id],`,
    ') if self.private_subnets else None,',
    tags(ctx, `{self.name_prefix}-${service}`) + ',',
    opts(ctx) + ',',
  ]).out().line(')');
  code.line(`${r(ctx, 'cloudwatch', 'LogGroup')}(`);
  code.in().many([
    `f"{self.name_prefix}-${service}-logs",`,
    `name=self.${service}_function.name.apply(lambda name: f"/aws/lambda/{name}"),`,
    `retention_in_days=${random.pick([14, 30, 90])},`,
    opts(ctx) + ',',
  ]).out().line(')');
  code.line('');
}

function instance(code: Code, ctx: Ctx, service: string): void {
  const { planter, random } = ctx;
  if (planter.plant('hard-coded AMI', 0.04)) {
    code.line(`ami_id = "ami-0${random.int(100000, 999999).toString(16)}${random.int(1000000, 9999999).toString(16)}"`);
  } else {
    code.line(`ami_id = ${r(ctx, 'ec2', 'get_ami')}(`);
    code.in().many(['most_recent=True,', 'owners=["amazon"],', `filters=[{"name": "name", "values": ["al2023-ami-*-x86_64"]}],`]).out().line(').id');
  }
  code.line(`self.${service}_launch_template = ${r(ctx, 'ec2', 'LaunchTemplate')}(`);
  code.in().many([
    `f"{self.name_prefix}-${service}-lt",`,
    'image_id=ami_id,',
    `instance_type="${random.pick(['t3.micro', 't3.small', 'm5.large', 'c6i.xlarge'])}",`,
    `vpc_security_group_ids=[self.${service}_sg.id],`,
    'metadata_options={"http_tokens": "required", "http_endpoint": "enabled"},',
    `block_device_mappings=[{"device_name": "/dev/xvda", "ebs": {"volume_size": ${random.pick([20, 30, 50])}, "encrypted": ${planter.plant('unencrypted EBS', 0.02) ? 'False' : 'True'}}}],`,
    `user_data=base64.b64encode(USER_DATA.encode()).decode(),`,
    opts(ctx) + ',',
  ]).out().line(')');
  code.line(`self.${service}_asg = ${r(ctx, 'autoscaling', 'Group')}(`);
  code.in().many([
    `f"{self.name_prefix}-${service}-asg",`,
    `min_size=${random.int(1, 2)},`,
    `max_size=${random.int(3, 10)},`,
    `desired_capacity=${random.int(1, 3)},`,
    'vpc_zone_identifiers=[subnet.id for subnet in self.private_subnets],',
    `launch_template={"id": self.${service}_launch_template.id, "version": "$Latest"},`,
    `tags=[{"key": "Name", "value": f"{self.name_prefix}-${service}", "propagate_at_launch": True}],`,
    opts(ctx) + ',',
  ]).out().line(')');
  code.line('');
}

function database(code: Code, ctx: Ctx, service: string): void {
  const { planter, random, project } = ctx;
  const unencrypted = planter.plant('unencrypted RDS', 0.03);
  const devSettings = project.production && planter.plant('development settings in production', 0.15);
  code.line(`self.${service}_subnet_group = ${r(ctx, 'rds', 'SubnetGroup')}(`);
  code.in().many([`f"{self.name_prefix}-${service}-db-subnets",`, 'subnet_ids=[subnet.id for subnet in self.private_subnets],', tags(ctx, `{self.name_prefix}-${service}-db-subnets`) + ',', opts(ctx) + ',']).out().line(')');
  const engine = random.pick(['postgres', 'mysql']);
  code.line(`self.${service}_db = ${r(ctx, 'rds', 'Instance')}(`);
  code.in().many([
    `f"{self.name_prefix}-${service}-db",`,
    `engine="${engine}",`,
    `engine_version="${engine === 'postgres' ? random.pick(['15.4', '16.3']) : '8.0.35'}",`,
    `instance_class="${random.pick(['db.t3.micro', 'db.t3.medium', 'db.r6g.large'])}",`,
    `allocated_storage=${random.pick([20, 50, 100])},`,
    `db_subnet_group_name=self.${service}_subnet_group.name,`,
    `vpc_security_group_ids=[self.${service}_sg.id],`,
    `username="${service}_admin",`,
    'manage_master_user_password=True,',
    `multi_az=${project.production ? 'True' : 'False'},`,
    ...(unencrypted ? ['storage_encrypted=False,'] : ['storage_encrypted=True,']),
    `backup_retention_period=${devSettings ? 0 : random.pick([7, 14, 35])},`,
    `skip_final_snapshot=${devSettings || !project.production ? 'True' : 'False'},`,
    `deletion_protection=${project.production && !devSettings ? 'True' : 'False'},`,
    tags(ctx, `{self.name_prefix}-${service}-db`) + ',',
    opts(ctx) + ',',
  ]).out().line(')');
  code.line('');
}

function monitoring(code: Code, ctx: Ctx, service: string): void {
  const { random } = ctx;
  code.line(`self.${service}_alarm_topic = ${r(ctx, 'sns', 'Topic')}(f"{self.name_prefix}-${service}-alarms", ${opts(ctx)})`);
  for (const metric of random.sample(['Errors', 'Throttles', 'Duration', 'ConcurrentExecutions'], random.int(1, 3))) {
    code.line(`${r(ctx, 'cloudwatch', 'MetricAlarm')}(`);
    code.in().many([
      `f"{self.name_prefix}-${service}-${metric.toLowerCase()}",`,
      'comparison_operator="GreaterThanThreshold",',
      `evaluation_periods=${random.int(1, 5)},`,
      `metric_name="${metric}",`,
      'namespace="AWS/Lambda",',
      `period=${random.pick([60, 300])},`,
      'statistic="Sum",',
      `threshold=${random.int(1, 100)},`,
      `dimensions={"FunctionName": f"{self.name_prefix}-${service}"},`,
      `alarm_actions=[self.${service}_alarm_topic.arn],`,
      opts(ctx) + ',',
    ]).out().line(')');
  }
  code.line('');
}

const SECTION: Record<Component, (code: Code, ctx: Ctx, service: string, index: number) => void> = {
  networking: (code, ctx) => networking(code, ctx),
  security: securityGroup,
  storage,
  iam: iamRole,
  compute: (code, ctx, service, index) => {
    securityGroup(code, ctx, service, index);
    if (ctx.random.chance(0.6)) {
      iamRole(code, ctx, service);
      lambdaFunction(code, ctx, service);
    } else {
      instance(code, ctx, service);
    }
  },
  database: (code, ctx, service, index) => {
    securityGroup(code, ctx, service, index);
    database(code, ctx, service);
  },
  monitoring,
};

function header(code: Code, ctx: Ctx, doc: string, extra: readonly string[] = []): void {
  code.line(`"""${doc}"""`);
  code.line('');
  // Emitted after the body so `from pulumi_aws import ...` lists the modules really used.
  code.line('%IMPORTS%');
  for (const line of extra) code.line(line);
  code.line('');
  code.line('');
}

function finish(code: Code, ctx: Ctx, extraImports: readonly string[] = []): string {
  let imports = ctx.style.importLines([...ctx.modules], ctx.json);
  if (ctx.json && ctx.planter.plant('missing import json', 0.04)) imports = imports.filter((line) => line !== 'import json');
  imports = [...extraImports, ...imports];
  return code.text().replace('%IMPORTS%', imports.join('\n'));
}

function serviceName(services: readonly string[], index: number): string {
  const round = Math.floor(index / services.length);
  return `${services[index % services.length]}${round ? `_${round + 1}` : ''}`;
}

function componentFile(random: Random, planter: Planter, plan: Plan, component: Component): string {
  const { project } = plan;
  const ctx: Ctx = { random, planter, project, style: styleFor(random), modules: new Set(), json: false, parent: 'self' };
  const name = `${title(component)}Component`;
  const extraImports = component === 'compute' ? ['import base64'] : [];

  // Helper methods first (one per service, as generated stacks do), until the file is big enough.
  const methods = new Code();
  methods.level = 1;
  const created: string[] = [];
  const budget = plan.target - 2_200;
  do {
    const service = serviceName(project.services, created.length);
    const method = component === 'networking' ? `_create_endpoint_${service}` : `_create_${service}`;
    created.push(method);
    methods.line(`def ${method}(self) -> None:`);
    methods.in();
    if (!planter.plant('missing method docstring', 0.03)) methods.line(`"""Resources of the ${service} ${component === 'networking' ? 'endpoint' : 'service'}."""`);
    if (component === 'networking') {
      methods.line(`${r(ctx, 'ec2', 'VpcEndpoint')}(`);
      methods.in().many([
        `f"{self.name_prefix}-${service}-endpoint",`,
        'vpc_id=self.vpc.id,',
        `service_name=f"com.amazonaws.${project.region}.${random.pick(['s3', 'dynamodb', 'sqs', 'sns', 'logs', 'ssm', 'secretsmanager'])}",`,
        'vpc_endpoint_type="Interface",',
        'private_dns_enabled=True,',
        'subnet_ids=[subnet.id for subnet in self.private_subnets],',
        opts(ctx) + ',',
      ]).out().line(')');
    } else if (planter.plant('placeholder method body', 0.01)) {
      methods.line('# TODO: implement the rest of this service');
      methods.line('pass');
    } else {
      SECTION[component](methods, ctx, service, created.length);
    }
    methods.out().line('');
  } while (methods.length < budget && created.length < 400);

  const code = new Code();
  header(code, ctx, `${title(component)} resources for the ${title(project.name)} stack.`);
  if (component === 'compute') code.line('USER_DATA = """#!/bin/bash\nyum update -y\nsystemctl enable amazon-ssm-agent\n"""').line('').line('');
  code.line(`class ${name}Args:`);
  code.in().line(`"""Inputs of ${name}."""`).line('');
  code.line('def __init__(');
  code.in().many(['self,', 'environment_suffix: str,', 'vpc_id: Optional[pulumi.Input[str]] = None,', 'private_subnets: Optional[List] = None,', 'tags: Optional[Dict[str, str]] = None,']).out();
  code.line('):');
  code.in().many(['self.environment_suffix = environment_suffix', 'self.vpc_id = vpc_id', 'self.private_subnets = private_subnets or []', 'self.tags = tags or {}']).out();
  code.out().line('').line('');
  code.line(`class ${name}(${ctx.style.component}):`);
  code.in();
  if (!planter.plant('missing class docstring', 0.06)) {
    code.line(`"""${title(component)} layer: ${component === 'networking' ? 'VPC, subnets, gateways, routes and endpoints' : 'one set of resources per service'}."""`).line('');
  }
  code.line(`def __init__(self, name: str, args: ${name}Args, opts: Optional[${ctx.style.opts}] = None):`);
  code.in();
  code.line(`super().__init__("tap:${component}:${name}", name, None, opts)`);
  code.many([
    'self.environment_suffix = args.environment_suffix',
    `self.name_prefix = f"${project.name.replace(/_/g, '-')}-{args.environment_suffix}"`,
    'self.tags = {**args.tags, "Environment": args.environment_suffix, "ManagedBy": "pulumi"}',
    'self.vpc_id = args.vpc_id',
    'self.vpc_cidr = "10.0.0.0/16"',
    'self.private_subnets = args.private_subnets',
    'self.bastion_sg_id = None',
    '',
  ]);
  if (component === 'networking') networking(code, ctx);
  for (const method of created) code.line(`self.${method}()`);
  code.line('');
  code.line('self.register_outputs({');
  code.in().line('"environment_suffix": self.environment_suffix,').out().line('})');
  code.out().line('');
  let text = finish(code, ctx, extraImports) + methods.text().replace(/\n+$/, '\n');
  if (planter.plant('syntax error', 0.015)) text = plantSyntaxError(random, text);
  return text;
}

function plantSyntaxError(random: Random, text: string): string {
  const lines = text.split('\n');
  const candidates = lines.map((line, index) => ({ line, index })).filter(({ line }) => /^\s+def .*\):$/.test(line) || /^\s+(if|for) .*:$/.test(line));
  const chosen = candidates.length ? random.pick(candidates) : undefined;
  if (!chosen) return text;
  lines[chosen.index] = chosen.line.replace(/:$/, '');
  return lines.join('\n');
}

function stackFile(random: Random, planter: Planter, plan: Plan): string {
  const { project } = plan;
  const ctx: Ctx = { random, planter, project, style: styleFor(random), modules: new Set(), json: false, parent: 'self' };
  const code = new Code();
  const monolith = plan.target > KIND_WEIGHT.stack * 4;
  header(code, ctx, `tap_stack.py: the main Pulumi ComponentResource of the ${title(project.name)} project.`, monolith ? [] : project.components.map((component) => `from .components.${component} import ${title(component)}Component, ${title(component)}ComponentArgs`));
  code.line('class TapStackArgs:');
  code.in().line('"""Arguments of TapStack."""').line('');
  code.line('def __init__(self, environment_suffix: Optional[str] = None, tags: Optional[Dict[str, str]] = None):');
  code.in().many([`self.environment_suffix = environment_suffix or "${project.environment}"`, 'self.tags = tags or {}']).out();
  code.out().line('').line('');
  const plain = planter.plant('TapStack not a ComponentResource', 0.1);
  code.line(plain ? 'class TapStack:' : `class TapStack(${ctx.style.component}):`);
  code.in();
  code.line(`"""Wires networking, security, storage, compute and data for ${title(project.name)}."""`).line('');
  code.line(`def __init__(self, name: str, args: TapStackArgs, opts: Optional[${ctx.style.opts}] = None):`);
  code.in();
  if (!plain) code.line(`super().__init__("tap:stack:TapStack", name, None, opts)`);
  code.many(['self.environment_suffix = args.environment_suffix', `self.name_prefix = f"${project.name.replace(/_/g, '-')}-{args.environment_suffix}"`, 'self.tags = {**args.tags, "Environment": args.environment_suffix}', 'self.vpc_cidr = "10.0.0.0/16"', 'self.bastion_sg_id = None', '']);
  if (planter.plant('mixed regions', 0.05)) {
    const other = random.pick(REGIONS.filter((region) => region !== project.region));
    code.line(`self.replica_provider = ${fn(ctx, 'Provider')}("replica", region="${other}", ${opts(ctx)})`);
  }
  if (monolith) {
    networking(code, ctx);
    code.line('self.vpc_id = self.vpc.id');
    let round = 0;
    while (code.length < plan.target - 2_000 && round < 2_000) {
      const component = random.pick(COMPONENTS.slice(1));
      const service = `${random.pick(project.services)}_${round}`;
      if (component === 'compute') {
        securityGroup(code, ctx, service, round);
        iamRole(code, ctx, service);
        lambdaFunction(code, ctx, service);
      } else {
        SECTION[component](code, ctx, service, round);
      }
      round++;
    }
  } else {
    const componentArgs = (component: Component) => `${title(component)}ComponentArgs(environment_suffix=self.environment_suffix, tags=self.tags${component === 'networking' ? '' : ', vpc_id=self.networking.vpc.id, private_subnets=self.networking.private_subnets'})`;
    for (const component of project.components) {
      code.line(`self.${component} = ${title(component)}Component(`);
      code.in().many([`f"{name}-${component}",`, `${componentArgs(component)},`, `opts=${ctx.style.opts}(parent=self),`]).out().line(')');
    }
    code.line('');
    code.line('self.vpc_id = self.networking.vpc.id');
    code.line('self.public_subnet_ids = [subnet.id for subnet in self.networking.public_subnets]');
    code.line('self.private_subnet_ids = [subnet.id for subnet in self.networking.private_subnets]');
    code.line('self.private_subnets = self.networking.private_subnets');
    code.line('');
    // Cross-cutting resources the model put straight into the stack.
    let round = 0;
    while (code.length < plan.target - 1_500 && round < 200) {
      const service = `${random.pick(project.services)}_shared_${round}`;
      const component = random.pick(['storage', 'iam', 'monitoring', 'security'] as const);
      SECTION[component](code, ctx, service, round);
      round++;
    }
  }
  code.line('self.bucket_name = None');
  code.line('self.lambda_arn = None');
  if (!plain) {
    code.line('self.register_outputs({');
    code.in().many(['"vpc_id": self.vpc_id,', '"environment_suffix": self.environment_suffix,']).out().line('})');
  }
  return finish(code, ctx);
}

function handlerFile(random: Random, planter: Planter, plan: Plan): string {
  const code = new Code();
  code.line(`"""Lambda handler for the ${title(plan.project.name)} services."""`);
  code.many(['import json', 'import logging', 'import os', '', 'import boto3', '', 'logger = logging.getLogger()', 'logger.setLevel(os.environ.get("LOG_LEVEL", "INFO"))', '', 'dynamodb = boto3.resource("dynamodb")', 's3 = boto3.client("s3")', '', '']);
  let round = 0;
  while (code.length < plan.target - 800 && round < 300) {
    const name = `${random.pick(['get', 'put', 'list', 'delete', 'process', 'sync'])}_${random.pick(['item', 'order', 'user', 'record', 'event', 'report'])}_${round}`;
    code.line(`def ${name}(event, context):`);
    code.in().line(`"""Handles ${name.replace(/_/g, ' ')} requests."""`);
    code.line('table = dynamodb.Table(os.environ["TABLE_NAME"])');
    code.line('body = json.loads(event.get("body") or "{}")');
    code.line('if not body.get("id"):');
    code.in().line('return {"statusCode": 400, "body": json.dumps({"error": "id is required"})}').out();
    code.line('try:');
    code.in().line(`result = table.${random.pick(['get_item(Key={"id": body["id"]})', 'put_item(Item=body)', 'delete_item(Key={"id": body["id"]})', 'scan(Limit=50)'])}`);
    code.line(`logger.info("${name} done", extra={"id": body.get("id")})`).out();
    code.line('except Exception as error:  # noqa: BLE001');
    code.in().line(`logger.exception("${name} failed")`).line('return {"statusCode": 500, "body": json.dumps({"error": str(error)})}').out();
    if (planter.plant('shell command in handler', 0.01)) code.line('os.system(f"aws s3 cp /tmp/out s3://{os.environ[\'BUCKET\']}/")');
    code.line('return {"statusCode": 200, "body": json.dumps(result, default=str)}');
    code.out().line('').line('');
    round++;
  }
  code.line('def main(event, context):');
  code.in().line('"""Entry point: routes on the HTTP method."""').line('method = event.get("httpMethod", "GET")').line('return {"statusCode": 200, "body": json.dumps({"method": method})}').out();
  return code.text();
}

function unitTestFile(random: Random, planter: Planter, plan: Plan): string {
  const { project } = plan;
  const code = new Code();
  const execPlanted = planter.plant('exec in tests', 0.05);
  code.line(`"""Unit tests for the ${title(project.name)} TapStack, run against Pulumi mocks."""`);
  code.many(['import json', 'import unittest', '', 'import pulumi', '', '']);
  code.line('class MyMocks(pulumi.runtime.Mocks):');
  code.in().line('"""Returns predictable IDs and echoes inputs."""').line('');
  code.line('def new_resource(self, args: pulumi.runtime.MockResourceArgs):');
  code.in().many(['outputs = dict(args.inputs)', 'if args.typ == "aws:ec2/vpc:Vpc":', '    outputs["id"] = "vpc-123456"', 'if args.typ == "aws:s3/bucket:Bucket":', '    outputs["arn"] = f"arn:aws:s3:::{args.name}"', 'return [args.name + "_id", outputs]']).out().line('');
  code.line('def call(self, args: pulumi.runtime.MockCallArgs):');
  code.in().many(['if args.token == "aws:index/getAvailabilityZones:getAvailabilityZones":', `    return {"names": [${azs(project).map((zone) => `"${zone}"`).join(', ')}]}`, 'return {}']).out();
  code.out().line('').line('');
  code.line('pulumi.runtime.set_mocks(MyMocks(), preview=False)');
  code.line('');
  code.line(`from lib.${project.name}.tap_stack import TapStack, TapStackArgs  # noqa: E402`);
  code.line('');
  code.line('');
  code.line('class TestTapStack(unittest.TestCase):');
  code.in().line('"""TapStack resources and outputs."""').line('');
  code.line('def setUp(self):');
  code.in().line('self.stack = TapStack("test-stack", TapStackArgs(environment_suffix="test"))').out().line('');
  let round = 0;
  while (code.length < plan.target - 600 && round < 300) {
    const subject = random.pick(['vpc', 'public_subnet_ids', 'private_subnet_ids', 'tags', 'environment_suffix', 'name_prefix']);
    const empty = planter.plant('test without assertion', 0.02);
    code.line('@pulumi.runtime.test');
    code.line(`def test_${subject}_${round}(self):`);
    code.in().line(`"""${subject.replace(/_/g, ' ')} is set up as expected."""`);
    if (empty) {
      code.line(`value = self.stack.${subject}`);
      code.line('print(value)');
    } else if (subject === 'vpc') {
      code.line('def check(vpc_id):');
      code.in().line('self.assertEqual(vpc_id, "vpc-123456")').out();
      code.line('return self.stack.vpc_id.apply(check)');
    } else if (subject.endsWith('_ids')) {
      code.line(`def check(ids):`);
      code.in().line(`self.assertEqual(len(ids), ${project.azCount})`).line('for subnet_id in ids:').in().line('self.assertTrue(subnet_id)').out().out();
      code.line(`return pulumi.Output.all(*self.stack.${subject}).apply(check)`);
    } else {
      code.line(`self.assertIsNotNone(self.stack.${subject})`);
      if (random.chance(0.5)) code.line(`self.assertIn("test", json.dumps(self.stack.tags))`);
    }
    code.out().line('');
    round++;
  }
  if (execPlanted) {
    code.line('def test_lambda_handler(self):');
    code.in().line('"""The handler answers 200."""');
    code.line(`with open("lib/${project.name}/lambda/handler.py", encoding="utf-8") as handle:`);
    code.in().line('lambda_code = handle.read()').out();
    code.line('exec(lambda_code, globals())');
    code.line('self.assertEqual(main({}, None)["statusCode"], 200)').out().line('');
  }
  code.out().line('');
  code.line('if __name__ == "__main__":');
  code.in().line('unittest.main()');
  return code.text();
}

function integrationTestFile(random: Random, planter: Planter, plan: Plan): string {
  const { project } = plan;
  const code = new Code();
  code.line(`"""Integration tests: the deployed ${title(project.name)} stack, read from cfn-outputs/flat-outputs.json."""`);
  code.many(['import json', 'import os', 'import unittest', '', 'import boto3', '', '']);
  code.line('OUTPUTS_FILE = os.path.join(os.path.dirname(__file__), "..", "..", "..", "cfn-outputs", "flat-outputs.json")');
  code.line('');
  code.line('');
  code.line('class TestDeployedStack(unittest.TestCase):');
  code.in().line('"""Checks the live resources."""').line('');
  code.line('@classmethod');
  code.line('def setUpClass(cls):');
  code.in().line('with open(OUTPUTS_FILE, encoding="utf-8") as handle:').in().line('cls.outputs = json.load(handle)').out();
  code.line(`cls.region = os.environ.get("AWS_REGION", "${project.region}")`);
  code.line('cls.ec2 = boto3.client("ec2", region_name=cls.region)');
  code.line('cls.s3 = boto3.client("s3", region_name=cls.region)');
  code.line('cls.lambda_client = boto3.client("lambda", region_name=cls.region)').out().line('');
  let round = 0;
  while (code.length < plan.target - 300 && round < 300) {
    const which = random.int(0, 2);
    code.line(`def test_${['vpc_exists', 'bucket_is_encrypted', 'lambda_is_configured'][which]}_${round}(self):`);
    code.in().line(`"""${['The VPC exists and has DNS support.', 'The bucket has default encryption.', 'The function runs the expected runtime.'][which]}"""`);
    if (which === 0) {
      code.line('vpc_id = self.outputs["vpc_id"]');
      code.line('response = self.ec2.describe_vpcs(VpcIds=[vpc_id])');
      code.line('self.assertEqual(len(response["Vpcs"]), 1)');
      code.line('attribute = self.ec2.describe_vpc_attribute(VpcId=vpc_id, Attribute="enableDnsSupport")');
      code.line('self.assertTrue(attribute["EnableDnsSupport"]["Value"])');
    } else if (which === 1) {
      code.line('bucket = self.outputs["bucket_name"]');
      code.line('encryption = self.s3.get_bucket_encryption(Bucket=bucket)');
      code.line('rules = encryption["ServerSideEncryptionConfiguration"]["Rules"]');
      code.line('self.assertTrue(any(rule["ApplyServerSideEncryptionByDefault"]["SSEAlgorithm"] == "aws:kms" for rule in rules))');
    } else {
      code.line('function = self.lambda_client.get_function(FunctionName=self.outputs["lambda_arn"])');
      code.line('with self.subTest(part="runtime"):');
      code.in().line('self.assertTrue(function["Configuration"]["Runtime"].startswith("python3"))').out();
    }
    code.out().line('');
    round++;
  }
  code.out();
  code.line('');
  code.line('if __name__ == "__main__":');
  code.in().line('unittest.main()');
  return code.text();
}

function answerFile(random: Random, planter: Planter, plan: Plan): string {
  const { project } = plan;
  const parts: string[] = [];
  parts.push(`# ${title(project.name)} infrastructure with Pulumi (Python)\n`);
  parts.push(`Below is a complete Pulumi Python implementation for the ${title(project.name)} platform in \`${project.region}\`. It follows the ComponentResource pattern, keeps every resource tagged and exports the values the integration tests read.\n`);
  parts.push('## Project structure\n\n```\nlib/\n  tap_stack.py\n  components/\ntests/\n  unit/test_tap_stack.py\n  integration/test_tap_stack.py\n```\n');
  let size = parts.join('\n').length;
  let index = 0;
  const terraform = planter.plant('Terraform syntax in an answer', 0.04);
  while (size < plan.target) {
    const component = project.components[index % project.components.length] as Component;
    const section = componentFile(random, planter, { ...plan, kind: 'component', target: Math.min(plan.target - size, random.int(3_000, 9_000)) }, component);
    const fence = random.chance(0.85) ? 'python' : random.pick(['py', 'Python']);
    const listIndent = random.chance(0.1) ? '   ' : '';
    parts.push(`## ${index + 1}. \`lib/components/${component}.py\`\n`);
    parts.push(`${listIndent ? '1. ' : ''}The ${component} layer ${random.pick(['creates', 'defines', 'provisions'])} ${random.pick(['the resources below', 'one set of resources per service', 'what the stack needs'])}:\n`);
    parts.push(`${listIndent}\`\`\`${fence}\n${section.split('\n').map((line) => (line ? listIndent + line : line)).join('\n')}${listIndent}\`\`\`\n`);
    if (terraform && index === 1) parts.push('Equivalent bucket definition:\n\n```python\nresource "aws_s3_bucket" "logs" {\n  bucket = "logs"\n  acl    = "private"\n}\n```\n');
    parts.push(random.pick(['Key points:\n\n- Every resource has `parent=self`.\n- Names carry the environment suffix.\n', 'This keeps the layer self-contained and testable with mocks.\n', '']));
    size = parts.join('\n').length;
    index++;
    if (index > 60) break;
  }
  let text = parts.join('\n');
  if (planter.plant('truncated answer', 0.12)) text = truncate(random, text);
  return text;
}

function manifests(random: Random, planter: Planter, project: Project): CorpusFile[] {
  const base = `lib/${project.name}`;
  // The code uses pulumi-aws 7 names; a few projects pin the previous major (wrong SDK version).
  const awsMajor = planter.plant('pulumi-aws 6 pinned for pulumi-aws 7 code', 0.06) ? 6 : 7;
  return [
    { path: `${base}/requirements.txt`, content: `pulumi>=3.0.0,<4.0.0\npulumi-aws>=${awsMajor}.0.0,<${awsMajor + 1}.0.0\nboto3>=1.34\npytest>=8\n` },
    { path: `${base}/Pulumi.yaml`, content: `name: ${project.name.replace(/_/g, '-')}\nruntime:\n  name: python\n  options:\n    virtualenv: venv\ndescription: ${title(project.name)} infrastructure\n` },
    { path: `${base}/Pulumi.${project.environment}.yaml`, content: `config:\n  aws:region: ${project.region}\n  ${project.name.replace(/_/g, '-')}:environmentSuffix: ${project.environment}\n` },
  ];
}
