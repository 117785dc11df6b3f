/**
 * The TypeScript part of the benchmark corpus: Pulumi TypeScript stacks as models write them
 * (a `ComponentResource` class whose constructor builds a VPC, subnets in a loop over zones,
 * security groups, buckets, an IAM role with a JSON policy, a Lambda function and outputs),
 * plus Jest unit tests, about `bytesPerFile` each. Seeded: the same seed gives the same files.
 */
import { Random } from './seeded-random.js';

export interface TypeScriptCorpusFile {
  path: string;
  content: string;
}

const SERVICES = ['orders', 'billing', 'search', 'media', 'audit', 'users', 'reports', 'events'];
const PORTS = [22, 80, 443, 3306, 5432, 6379, 8080, 9200];

function header(): string {
  return 'import * as pulumi from "@pulumi/pulumi";\nimport * as aws from "@pulumi/aws";\n\n';
}

/** One section of a stack's constructor: a few resources wired to the VPC and to each other. */
function section(random: Random, index: number): string {
  const service = `${random.pick(SERVICES)}${index}`;
  const port = random.pick(PORTS);
  const zones = random.int(2, 3);
  return `
    // ${service}: network, storage, compute
    const ${service}Subnets = ["a", "b", "c"].slice(0, ${zones}).map((zone, i) =>
      new aws.ec2.Subnet(\`\${name}-${service}-\${zone}\`, {
        vpcId: this.vpc.id,
        cidrBlock: \`10.0.\${${(index * 4) % 256} + i}.0/24\`,
        availabilityZone: \`\${region}\${zone}\`,
        tags: { ...tags, Name: \`\${name}-${service}-\${zone}\` },
      }, { parent: this, provider }));
    const ${service}Sg = new aws.ec2.SecurityGroup(\`\${name}-${service}-sg\`, {
      vpcId: this.vpc.id,
      ingress: [{ protocol: "tcp", fromPort: ${port}, toPort: ${port}, cidrBlocks: ["10.0.0.0/8"] }],
      egress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }],
      tags,
    }, { parent: this, provider });
    const ${service}Bucket = new aws.s3.Bucket(\`\${name}-${service}-data\`, {
      forceDestroy: ${random.chance(0.5)},
      tags,
    }, { parent: this, provider });
    new aws.s3.BucketPublicAccessBlock(\`\${name}-${service}-pab\`, {
      bucket: ${service}Bucket.id,
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    }, { parent: this, provider });
    const ${service}Role = new aws.iam.Role(\`\${name}-${service}-role\`, {
      assumeRolePolicy: JSON.stringify({
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" }],
      }),
      tags,
    }, { parent: this, provider });
    new aws.iam.RolePolicy(\`\${name}-${service}-policy\`, {
      role: ${service}Role.id,
      policy: ${service}Bucket.arn.apply((arn) => JSON.stringify({
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Action: ["s3:GetObject", "s3:PutObject"], Resource: \`\${arn}/*\` }],
      })),
    }, { parent: this, provider });
    const ${service}Function = new aws.lambda.Function(\`\${name}-${service}-fn\`, {
      runtime: "nodejs20.x",
      handler: "index.handler",
      role: ${service}Role.arn,
      timeout: ${random.int(3, 60)},
      memorySize: ${random.pick([128, 256, 512, 1024])},
      code: new pulumi.asset.AssetArchive({ "index.js": new pulumi.asset.StringAsset("exports.handler = async () => ({ statusCode: 200 });") }),
      environment: { variables: { BUCKET: ${service}Bucket.bucket, STAGE: environmentSuffix } },
      vpcConfig: { subnetIds: ${service}Subnets.map((subnet) => subnet.id), securityGroupIds: [${service}Sg.id] },
      tags,
    }, { parent: this, provider });
    this.outputs["${service}FunctionArn"] = ${service}Function.arn;
`;
}

function stack(random: Random, fileIndex: number, bytes: number): string {
  const className = `${random.pick(SERVICES).replace(/^./, (letter) => letter.toUpperCase())}Stack${fileIndex}`;
  let body = '';
  for (let index = 0; body.length < bytes - 1500; index++) body += section(random, fileIndex * 40 + index);
  return `${header()}export interface ${className}Args {
  environmentSuffix?: string;
  tags?: Record<string, string>;
}

export class ${className} extends pulumi.ComponentResource {
  public readonly vpc: aws.ec2.Vpc;
  public readonly outputs: Record<string, pulumi.Output<string>> = {};

  constructor(name: string, args: ${className}Args = {}, opts?: pulumi.ComponentResourceOptions) {
    super("tap:stack:${className}", name, args, opts);
    const config = new pulumi.Config();
    const environmentSuffix = args.environmentSuffix ?? config.get("environmentSuffix") ?? "dev";
    const region = config.get("region") ?? "us-east-1";
    const tags = { Environment: environmentSuffix, Project: "tap", ...(args.tags ?? {}) };
    const provider = new aws.Provider(\`\${name}-provider\`, { region }, { parent: this });
    this.vpc = new aws.ec2.Vpc(\`\${name}-vpc\`, {
      cidrBlock: "10.0.0.0/16",
      enableDnsHostnames: true,
      enableDnsSupport: true,
      tags,
    }, { parent: this, provider });
${body}
    this.registerOutputs({ vpcId: this.vpc.id, ...this.outputs });
  }
}
`;
}

function unitTest(fileIndex: number, className: string): string {
  return `import * as pulumi from "@pulumi/pulumi";

pulumi.runtime.setMocks({
  newResource: (args) => ({ id: \`\${args.name}-id\`, state: args.inputs }),
  call: (args) => args.inputs,
});

describe("${className}", () => {
  it("creates its VPC", async () => {
    const { ${className} } = await import("../lib/stack-${fileIndex}");
    const stack = new ${className}("test", { environmentSuffix: "test" });
    const vpcId = await new Promise((resolve) => stack.vpc.id.apply(resolve));
    expect(vpcId).toBe("test-vpc-id");
  });
});
`;
}

/** `count` files: stacks under lib/, one Jest test per four stacks under test/. */
export function generateTypeScriptCorpus(seed: number, count: number, bytesPerFile: number): TypeScriptCorpusFile[] {
  const random = new Random(seed ^ 0x7473);
  const files: TypeScriptCorpusFile[] = [];
  for (let index = 0; files.length < count; index++) {
    const content = stack(random, index, Math.round(bytesPerFile * random.spread(0.4)));
    files.push({ path: `lib/stack-${index}.ts`, content });
    const className = /export class (\w+)/.exec(content)?.[1] ?? 'Stack';
    if (index % 4 === 3 && files.length < count) files.push({ path: `test/stack-${index}.unit.test.ts`, content: unitTest(index, className) });
  }
  return files;
}
