/**
 * Renderers of the Pulumi program files of a project: `__main__.py`, the component modules,
 * `tap_stack.py` (including the occasional monolith) and the per-project manifests.
 */
import type { CorpusFile } from './options.js';
import type { Planter } from './planter.js';
import { Code } from './python-writer.js';
import type { Random } from './seeded-random.js';
import { fn, opts, r, type Ctx } from './section-context.js';
import { networking, securityGroup } from './network-sections.js';
import { SECTION, iamRole, lambdaFunction } from './service-sections.js';
import { title } from './text-helpers.js';
import { COMPONENTS, KIND_WEIGHT, REGIONS, styleFor, type Component, type Plan, type Project } from './vocabulary.js';

export function mainFile(random: Random, planter: Planter, plan: Plan): string {
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

export function componentFile(random: Random, planter: Planter, plan: Plan, component: Component): string {
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

export function stackFile(random: Random, planter: Planter, plan: Plan): string {
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

export function manifests(random: Random, planter: Planter, project: Project): CorpusFile[] {
  const base = `lib/${project.name}`;
  // The code uses pulumi-aws 7 names; a few projects pin the previous major (wrong SDK version).
  const awsMajor = planter.plant('pulumi-aws 6 pinned for pulumi-aws 7 code', 0.06) ? 6 : 7;
  return [
    { path: `${base}/requirements.txt`, content: `pulumi>=3.0.0,<4.0.0\npulumi-aws>=${awsMajor}.0.0,<${awsMajor + 1}.0.0\nboto3>=1.34\npytest>=8\n` },
    { path: `${base}/Pulumi.yaml`, content: `name: ${project.name.replace(/_/g, '-')}\nruntime:\n  name: python\n  options:\n    virtualenv: venv\ndescription: ${title(project.name)} infrastructure\n` },
    { path: `${base}/Pulumi.${project.environment}.yaml`, content: `config:\n  aws:region: ${project.region}\n  ${project.name.replace(/_/g, '-')}:environmentSuffix: ${project.environment}\n` },
  ];
}
