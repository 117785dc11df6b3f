/**
 * The Python front-end's program model: what a program creates, with which values, options and
 * edges, followed through the ways real answers write it.
 */
import { describe, expect, it } from 'vitest';
import { argument, describeValue, stringOf } from '../../src/pulumi/values.js';
import { effectiveProvider } from '../../src/pulumi/providers.js';
import { header, pythonModel, resourcesOf } from './model-support.js';

describe('Python program model: resources and their arguments', () => {
  it('resolves the provider type and the arguments of a direct call', () => {
    const model = pythonModel({ 'main.py': `${header}vpc = aws.ec2.Vpc("main", cidr_block="10.0.0.0/16", enable_dns_hostnames=True)\n` });
    const [vpc] = resourcesOf(model, 'ec2.Vpc');
    expect(vpc?.type).toMatchObject({ provider: 'aws', module: 'ec2', name: 'Vpc' });
    expect(stringOf(vpc?.name)).toBe('main');
    expect(stringOf(argument(vpc!, 'cidr_block'))).toBe('10.0.0.0/16');
    expect(argument(vpc!, 'enable_dns_hostnames')).toMatchObject({ kind: 'boolean', value: true });
    expect(vpc?.boundTo).toBe('vpc');
    expect(vpc?.site.line).toBe(6);
  });

  it('follows self attributes set in one method and read in another', () => {
    const model = pythonModel({
      'lib/stack.py':
        header +
        'class Stack(pulumi.ComponentResource):\n' +
        '    def __init__(self, name, opts=None):\n' +
        '        super().__init__("x:y:Stack", name, None, opts)\n' +
        '        self.cidr = "10.1.0.0/16"\n' +
        '        self._network()\n' +
        '        self._gateway()\n' +
        '    def _network(self):\n' +
        '        self.vpc = aws.ec2.Vpc("vpc", cidr_block=self.cidr, opts=ResourceOptions(parent=self))\n' +
        '    def _gateway(self):\n' +
        '        self.igw = aws.ec2.InternetGateway("igw", vpc_id=self.vpc.id, opts=ResourceOptions(parent=self))\n',
    });
    const [vpc] = resourcesOf(model, 'ec2.Vpc');
    const [igw] = resourcesOf(model, 'ec2.InternetGateway');
    expect(stringOf(argument(vpc!, 'cidr_block'))).toBe('10.1.0.0/16');
    expect(argument(igw!, 'vpc_id')).toMatchObject({ kind: 'output', resource: vpc, attribute: 'id' });
    expect(model.edges).toContainEqual(expect.objectContaining({ from: igw, to: vpc, kind: 'input', via: 'vpc_id' }));
    expect(vpc?.context).toMatchObject({ className: 'Stack', functionName: '_network' });
    const [stack] = resourcesOf(model, 'component.Stack');
    expect(model.edges).toContainEqual(expect.objectContaining({ from: vpc, to: stack, kind: 'parent' }));
    expect(model.components[0]).toMatchObject({ name: 'Stack', isComponentResource: true, typeToken: 'x:y:Stack' });
  });

  it('gives each loop iteration its own resource with its own values', () => {
    const model = pythonModel({
      'main.py':
        header +
        'AZS = ["us-east-1a", "us-east-1b", "us-east-1c"]\n' +
        'vpc = aws.ec2.Vpc("vpc", cidr_block="10.0.0.0/16")\n' +
        'subnets = []\n' +
        'for i, az in enumerate(AZS):\n' +
        '    subnets.append(aws.ec2.Subnet(f"public-{i}", vpc_id=vpc.id, availability_zone=az, cidr_block=f"10.0.{i + 1}.0/24"))\n' +
        'private = [aws.ec2.Subnet(f"private-{n}", vpc_id=vpc.id, cidr_block=f"10.0.{n}.0/24") for n in range(10, 12)]\n',
    });
    const subnets = resourcesOf(model, 'ec2.Subnet');
    expect(subnets.map((subnet) => stringOf(argument(subnet, 'cidr_block')))).toEqual(['10.0.1.0/24', '10.0.2.0/24', '10.0.3.0/24', '10.0.10.0/24', '10.0.11.0/24']);
    expect(subnets.map((subnet) => stringOf(argument(subnet, 'availability_zone')))).toEqual(['us-east-1a', 'us-east-1b', 'us-east-1c', undefined, undefined]);
    expect(subnets[1]?.context.loops).toEqual([{ index: 1, count: 3 }]);
  });

  it('passes arguments through helper parameters, dicts and module constants', () => {
    const model = pythonModel({
      'main.py':
        header +
        'PORTS = {"ssh": 22}\n' +
        'COMMON = {"protocol": "tcp", "cidr_blocks": ["0.0.0.0/0"]}\n' +
        'def security_group(name, port, description="x"):\n' +
        '    rule = dict(COMMON, from_port=port, to_port=port)\n' +
        '    return aws.ec2.SecurityGroup(name, description=description, ingress=[rule])\n' +
        'sg = security_group("admin", PORTS["ssh"])\n',
    });
    const [sg] = resourcesOf(model, 'ec2.SecurityGroup');
    const ingress = argument(sg!, 'ingress');
    expect(ingress?.kind).toBe('list');
    const rule = ingress?.kind === 'list' ? ingress.items[0] : undefined;
    expect(rule?.kind === 'dict' ? Object.fromEntries([...rule.entries].map(([key, value]) => [key, describeValue(value)])) : undefined).toEqual({
      protocol: '"tcp"',
      cidr_blocks: expect.any(String),
      from_port: '22',
      to_port: '22',
    });
    expect(stringOf(sg?.name)).toBe('admin');
    expect(sg?.context.functionName).toBe('security_group');
  });

  it('merges an Args object into the arguments', () => {
    const model = pythonModel({ 'main.py': `${header}bucket = aws.s3.Bucket("b", args=aws.s3.BucketArgs(force_destroy=True))\nqueue = aws.sqs.Queue("q", aws.sqs.QueueArgs(delay_seconds=5))\n` });
    expect(argument(resourcesOf(model, 's3.Bucket')[0]!, 'force_destroy')).toMatchObject({ kind: 'boolean', value: true });
    expect(argument(resourcesOf(model, 'sqs.Queue')[0]!, 'delay_seconds')).toMatchObject({ kind: 'number', value: 5 });
  });

  it('knows an argument it cannot see is missing from **kwargs', () => {
    const model = pythonModel({ 'main.py': `${header}def bucket(name, **kwargs):\n    return aws.s3.Bucket(name, **kwargs)\n` });
    expect(resourcesOf(model, 's3.Bucket')[0]?.argsOpen).toBe(true);
  });
});

describe('Python program model: across files, configuration, outputs', () => {
  it('links a stack class to the entry point that instantiates it with a provider', () => {
    const model = pythonModel({
      'lib/tap_stack.py':
        header +
        'class TapStack(pulumi.ComponentResource):\n' +
        '    def __init__(self, name, args, opts=None):\n' +
        '        super().__init__("tap:stack:TapStack", name, None, opts)\n' +
        '        self.bucket = aws.s3.Bucket(f"logs-{args.env}", opts=ResourceOptions(parent=self))\n',
      'tap.py':
        header +
        'from lib.tap_stack import TapStack\n' +
        'class Args:\n    def __init__(self, env):\n        self.env = env\n' +
        'provider = aws.Provider("aws", region="eu-west-1")\n' +
        'TapStack("tap", Args("prod"), opts=ResourceOptions(provider=provider))\n',
    });
    const [bucket] = resourcesOf(model, 's3.Bucket');
    expect(stringOf(bucket?.name)).toBe('logs-prod');
    expect(bucket?.context.calledFromVisibleCode).toBe(true);
    const choice = effectiveProvider(bucket!);
    expect(choice.kind).toBe('explicit');
    expect(choice.kind === 'explicit' && choice.value.kind === 'resource' ? choice.value.resource.type.key : undefined).toBe('index.Provider');
  });

  it('runs a class nobody visible instantiates with unknown arguments, and says so', () => {
    const model = pythonModel({
      'lib/tap_stack.py':
        header +
        'class TapStack(pulumi.ComponentResource):\n' +
        '    def __init__(self, name, opts=None):\n' +
        '        super().__init__("tap:stack:TapStack", name, None, opts)\n' +
        '        aws.s3.Bucket("logs", opts=ResourceOptions(parent=self))\n',
    });
    const [bucket] = resourcesOf(model, 's3.Bucket');
    expect(bucket?.context.calledFromVisibleCode).toBe(false);
    expect(effectiveProvider(bucket!).kind).toBe('unknown');
  });

  it('records configuration reads with their defaults', () => {
    const model = pythonModel({ 'main.py': `${header}config = pulumi.Config()\nregion = config.get("region") or "us-east-1"\nsize = config.get_int("size", 3)\nname = config.require("name")\n` });
    const reads = model.configReads.map((read) => [read.key, read.method, describeValue(read.default)]);
    expect(reads).toContainEqual(['region', 'get', '"us-east-1"']);
    expect(reads).toContainEqual(['size', 'get_int', '3']);
    expect(reads).toContainEqual(['name', 'require', 'nothing']);
  });

  it('records stack exports and Outputs used as plain strings', () => {
    const model = pythonModel({
      'main.py':
        header +
        'bucket = aws.s3.Bucket("b")\n' +
        'pulumi.export("bucket_name", bucket.id)\n' +
        'bad_policy = json.dumps({"Resource": bucket.arn})\n' +
        'bad_name = f"{bucket.id}-copy"\n' +
        'good_policy = bucket.arn.apply(lambda arn: json.dumps({"Resource": arn}))\n' +
        'good_name = pulumi.Output.concat(bucket.id, "-copy")\n',
    });
    expect(model.exports.map((entry) => stringOf(entry.name))).toEqual(['bucket_name']);
    expect(model.outputMisuses.map((misuse) => [misuse.how, misuse.site.line])).toEqual([
      ['json.dumps', 8],
      ['fstring', 9],
    ]);
  });

  it('stays linear and terminates on recursion and huge loops', () => {
    const model = pythonModel({
      'main.py': `${header}def f(n):\n    return f(n - 1)\nf(3)\nfor i in range(100000):\n    aws.s3.Bucket(f"b{i}")\nwhile True:\n    aws.sqs.Queue("q")\n`,
    });
    // The long range is not expanded: one resource stands for every iteration.
    expect(resourcesOf(model, 's3.Bucket')).toHaveLength(1);
    expect(resourcesOf(model, 's3.Bucket')[0]?.context.loops).toEqual([{ index: undefined, count: undefined }]);
    expect(resourcesOf(model, 'sqs.Queue')).toHaveLength(1);
  });

  it('skips a guard that has a None operand, and never builds an assertion message', () => {
    const model = pythonModel({
      'main.py':
        header +
        'enabled = pulumi.Config().get_bool("dns")\n' +
        'zone_id = None\n' +
        'if enabled and zone_id:\n' +
        '    aws.route53.Record("www", zone_id=zone_id, name="www", type="A")\n' +
        'bucket = aws.s3.Bucket("b")\n' +
        'assert bucket.arn.apply(lambda arn: arn.startswith("arn:")), f"bad {bucket.arn}"\n',
    });
    expect(resourcesOf(model, 'route53.Record')).toHaveLength(0);
    expect(model.outputMisuses).toHaveLength(0);
  });
});

