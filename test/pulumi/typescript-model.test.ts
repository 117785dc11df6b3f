/**
 * The TypeScript front-end's program model: the same model as Python's, from Pulumi TypeScript.
 */
import { describe, expect, it } from 'vitest';
import { buildTypeScriptProgram } from '../../src/typescript/model/build-program.js';
import { typeScriptFileUnit } from '../../src/typescript/units.js';
import type { ProgramModel, Resource } from '../../src/pulumi/model.js';
import { effectiveProvider } from '../../src/pulumi/providers.js';
import { argument, describeValue, stringOf } from '../../src/pulumi/values.js';

function typeScriptModel(files: Record<string, string>): ProgramModel {
  const units = Object.entries(files).map(([path, text]) => {
    const unit = typeScriptFileUnit(path, text);
    return { unit, root: unit.root, modulePath: unit.path };
  });
  return buildTypeScriptProgram(units, '.', 'project');
}

const resourcesOf = (model: ProgramModel, key: string): Resource[] => model.resources.filter((resource) => resource.type.key === key);
const header = 'import * as pulumi from "@pulumi/pulumi";\nimport * as aws from "@pulumi/aws";\n\n';

describe('TypeScript program model', () => {
  it('reads a resource, its camelCase inputs as canonical names, and its options', () => {
    const model = typeScriptModel({
      'index.ts': `${header}const vpc = new aws.ec2.Vpc("main", { cidrBlock: "10.0.0.0/16", enableDnsHostnames: true });\nconst igw = new aws.ec2.InternetGateway("igw", { vpcId: vpc.id }, { dependsOn: [vpc] });\n`,
    });
    const [vpc] = resourcesOf(model, 'ec2.Vpc');
    const [igw] = resourcesOf(model, 'ec2.InternetGateway');
    expect(vpc?.language).toBe('typescript');
    expect(stringOf(argument(vpc!, 'cidr_block'))).toBe('10.0.0.0/16');
    expect(vpc?.args.get('cidr_block')?.written).toBe('cidrBlock');
    expect(argument(igw!, 'vpc_id')).toMatchObject({ kind: 'output', resource: vpc, attribute: 'id' });
    expect(model.edges).toContainEqual(expect.objectContaining({ from: igw, to: vpc, kind: 'depends_on' }));
    expect(vpc?.boundTo).toBe('vpc');
  });

  it('follows class fields across methods, spreads, and .map over known arrays', () => {
    const model = typeScriptModel({
      'lib/tap-stack.ts':
        header +
        'const AZS = ["us-east-1a", "us-east-1b"];\n' +
        'const common = { mapPublicIpOnLaunch: true };\n' +
        'export class TapStack extends pulumi.ComponentResource {\n' +
        '  public readonly vpc: aws.ec2.Vpc;\n' +
        '  private readonly cidr = "10.1.0.0/16";\n' +
        '  constructor(name: string, args: { env: string }, opts?: pulumi.ComponentResourceOptions) {\n' +
        '    super("tap:stack:TapStack", name, args, opts);\n' +
        '    this.vpc = this.createVpc();\n' +
        '    const subnets = AZS.map((az, i) => new aws.ec2.Subnet(`public-${i}`, { ...common, vpcId: this.vpc.id, availabilityZone: az, cidrBlock: `10.1.${i}.0/24` }, { parent: this }));\n' +
        '    this.registerOutputs({ vpcId: this.vpc.id });\n' +
        '  }\n' +
        '  private createVpc(): aws.ec2.Vpc {\n' +
        '    return new aws.ec2.Vpc("vpc", { cidrBlock: this.cidr }, { parent: this });\n' +
        '  }\n' +
        '}\n',
    });
    const [vpc] = resourcesOf(model, 'ec2.Vpc');
    expect(stringOf(argument(vpc!, 'cidr_block'))).toBe('10.1.0.0/16');
    const subnets = resourcesOf(model, 'ec2.Subnet');
    expect(subnets.map((subnet) => stringOf(argument(subnet, 'cidr_block')))).toEqual(['10.1.0.0/24', '10.1.1.0/24']);
    expect(subnets.map((subnet) => stringOf(argument(subnet, 'availability_zone')))).toEqual(['us-east-1a', 'us-east-1b']);
    expect(argument(subnets[0]!, 'map_public_ip_on_launch')).toMatchObject({ kind: 'boolean', value: true });
    expect(subnets[1]?.context.loops).toEqual([{ index: 1, count: 2 }]);
    expect(model.components[0]).toMatchObject({ name: 'TapStack', isComponentResource: true, typeToken: 'tap:stack:TapStack', registersOutputs: true });
    expect(argument(subnets[0]!, 'vpc_id')).toMatchObject({ kind: 'output', resource: vpc });
  });

  it('links the entry point and its provider to the stack across modules', () => {
    const model = typeScriptModel({
      'lib/tap-stack.ts': `${header}export class TapStack extends pulumi.ComponentResource {\n  constructor(name: string, opts?: pulumi.ComponentResourceOptions) {\n    super("tap:stack:TapStack", name, {}, opts);\n    new aws.s3.Bucket("logs", {}, { parent: this });\n  }\n}\n`,
      'bin/tap.ts': `${header}import { TapStack } from "../lib/tap-stack";\nconst provider = new aws.Provider("aws", { region: "eu-west-1" });\nconst stack = new TapStack("tap", { provider });\nexport const stackName = pulumi.getStack();\n`,
    });
    const [bucket] = resourcesOf(model, 's3.Bucket');
    expect(bucket?.context.calledFromVisibleCode).toBe(true);
    const choice = effectiveProvider(bucket!);
    expect(choice.kind === 'explicit' && choice.value.kind === 'resource' ? choice.value.resource.type.key : choice.kind).toBe('index.Provider');
    expect(model.exports.map((entry) => stringOf(entry.name))).toEqual(['stackName']);
  });

  it('records config defaults, Outputs in template literals, and keeps pulumi.interpolate quiet', () => {
    const model = typeScriptModel({
      'index.ts':
        header +
        'const config = new pulumi.Config();\n' +
        'const region = config.get("region") ?? "us-east-1";\n' +
        'const bucket = new aws.s3.Bucket("b");\n' +
        'const bad = `arn:${bucket.arn}/*`;\n' +
        'const good = pulumi.interpolate`arn:${bucket.arn}/*`;\n' +
        'const policy = JSON.stringify({ Resource: bucket.arn });\n' +
        'const fine = bucket.arn.apply((arn) => JSON.stringify({ Resource: arn }));\n',
    });
    expect(model.configReads.map((read) => [read.key, describeValue(read.default)])).toContainEqual(['region', '"us-east-1"']);
    expect(model.outputMisuses.map((misuse) => [misuse.how, misuse.site.line])).toEqual([
      ['template', 7],
      ['json.dumps', 9],
    ]);
  });

  it('runs a counted for loop and gives up on loops it cannot count', () => {
    const model = typeScriptModel({ 'index.ts': `${header}for (let i = 0; i < 3; i++) {\n  new aws.sqs.Queue(\`q\${i}\`);\n}\nwhile (true) {\n  new aws.sns.Topic("t");\n}\n` });
    expect(resourcesOf(model, 'sqs.Queue').map((queue) => stringOf(queue.name))).toEqual(['q0', 'q1', 'q2']);
    expect(resourcesOf(model, 'sns.Topic')).toHaveLength(1);
  });

  it('records attribute reads on resources and provider function results, with canonical names and the name as written', () => {
    const model = typeScriptModel({
      'index.ts':
        header +
        'const bucket = new aws.s3.Bucket("b");\n' +
        'export const url = bucket.websiteUrl;\n' +
        'export const zones = aws.getAvailabilityZonesOutput({ state: "available" }).names;\n' +
        'export async function account() {\n' +
        '  const identity = await aws.getCallerIdentity();\n' +
        '  return identity.accountId;\n' +
        '}\n' +
        'export const region = aws.getRegion().then((r) => r.name);\n',
    });
    expect(model.attributeReads.map((read) => [read.resource?.type.key ?? read.invoke?.key, read.name, read.written, read.site.line, read.site.text])).toEqual([
      ['s3.Bucket', 'website_url', 'websiteUrl', 5, 'websiteUrl'],
      ['index.get_availability_zones', 'names', 'names', 6, 'names'],
      ['index.get_caller_identity', 'account_id', 'accountId', 9, 'accountId'],
    ]);
  });

  it('records an Output tested in a condition only where it is read, and compared with a plain value', () => {
    const model = typeScriptModel({
      'index.ts':
        header +
        'const bucket = new aws.s3.Bucket("b");\n' +
        'if (bucket.websiteEndpoint) { new aws.s3.Bucket("c"); }\n' +
        'function attach(arn?: pulumi.Input<string>) { return arn ? [arn] : []; }\n' +
        'attach(bucket.arn);\n' +
        'export const east = bucket.region === "us-east-1";\n',
    });
    expect(model.outputMisuses.map((misuse) => [misuse.how, misuse.site.line])).toEqual([
      ['condition', 5],
      ['comparison', 8],
    ]);
  });
});
