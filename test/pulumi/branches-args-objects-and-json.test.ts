/**
 * What the model keeps for the network and storage rules: the undecided alternatives around a
 * creation, Args objects wherever they are built, JSON documents with what they encode (also
 * through Outputs), where a value is written inside its containers, and the VPCs, subnets and
 * policy statements read from it.
 */
import { describe, expect, it } from 'vitest';
import { subnetBlocks, vpcBlocks, vpcOf } from '../../src/pulumi/network.js';
import { documentStatements, entrySite, policyStatements } from '../../src/pulumi/policy-documents.js';
import { argument, exclusiveCreations, stringOf, writtenSite } from '../../src/pulumi/values.js';
import { header, pythonModel, resourcesOf } from './model-support.js';

describe('creations in alternatives the evaluator cannot decide', () => {
  it('records the branch of each undecided if/elif/else, match and conditional expression; known conditions leave no branch', () => {
    const model = pythonModel({
      'main.py':
        header +
        'stack = pulumi.get_stack()\n' +
        'if stack == "prod":\n' +
        '    a = aws.s3.BucketV2("a")\n' +
        'elif stack == "dev":\n' +
        '    b = aws.s3.BucketV2("b")\n' +
        'else:\n' +
        '    c = aws.s3.BucketV2("c")\n' +
        'd = aws.s3.BucketV2("d") if stack == "x" else aws.s3.BucketV2("e")\n' +
        'match stack:\n' +
        '    case "prod":\n' +
        '        aws.s3.BucketV2("f")\n' +
        '    case _:\n' +
        '        aws.s3.BucketV2("g")\n' +
        'if True:\n' +
        '    aws.s3.BucketV2("h")\n',
    });
    const byName = new Map(resourcesOf(model, 's3.BucketV2').map((bucket) => [stringOf(bucket.name), bucket.context]));
    const [a, b, c, d, e, f, g, h] = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((name) => byName.get(name)!);
    expect(exclusiveCreations(a!, b!)).toBe(true);
    expect(exclusiveCreations(b!, c!)).toBe(true);
    expect(exclusiveCreations(d!, e!)).toBe(true);
    expect(exclusiveCreations(f!, g!)).toBe(true);
    expect(exclusiveCreations(a!, d!)).toBe(false);
    expect(exclusiveCreations(a!, f!)).toBe(false);
    expect(h!.branches).toEqual([]);
  });

  it('tells apart the same statement run twice: creations in different runs are not alternatives', () => {
    const model = pythonModel({
      'main.py': header + 'def bucket(name, public):\n    if public:\n        return aws.s3.BucketV2(name, acl="public-read")\n    return aws.s3.BucketV2(name)\n' + 'bucket("x", pulumi.get_stack() == "prod")\nbucket("y", pulumi.get_stack() == "dev")\n',
    });
    const [xPublic, xPrivate, yPublic] = resourcesOf(model, 's3.BucketV2');
    expect(exclusiveCreations(xPublic!.context, xPrivate!.context)).toBe(true);
    expect(exclusiveCreations(xPublic!.context, yPublic!.context)).toBe(false);
  });
});

describe('Args objects', () => {
  it('keeps every Args object built, with its type, also those no visible resource receives', () => {
    const model = pythonModel({
      'main.py':
        header +
        'def rules():\n    return [aws.ec2.SecurityGroupIngressArgs(protocol="tcp", from_port=22, to_port=22, cidr_blocks=["0.0.0.0/0"])]\n' +
        'aws.ec2.SecurityGroup("sg", ingress=[aws.ec2.SecurityGroupIngressArgs(protocol="tcp", from_port=443, to_port=443, cidr_blocks=["0.0.0.0/0"])])\n',
    });
    expect(model.argsObjects.map((object) => [object.argsType, object.entries.get('from_port')])).toEqual([
      ['ec2.SecurityGroupIngressArgs', expect.objectContaining({ value: 443 })],
      ['ec2.SecurityGroupIngressArgs', expect.objectContaining({ value: 22 })],
    ]);
    expect(resourcesOf(model, 'ec2.SecurityGroup')).toHaveLength(1);
  });
});

describe('JSON documents', () => {
  const program =
    header +
    'bucket = aws.s3.BucketV2("b")\n' +
    'known = json.dumps({"Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]})\n' +
    'mixed = json.dumps({"Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": bucket.arn}]})\n' +
    'helper = pulumi.Output.json_dumps({"Statement": [{"Effect": "Allow", "Action": "iam:PassRole", "Resource": "*"}]})\n' +
    'applied = bucket.arn.apply(lambda arn: json.dumps({"Statement": [{"Effect": "Allow", "Action": "kms:*", "Resource": [arn, "*"]}]}))\n' +
    'elsewhere = other_bucket.arn.apply(lambda arn: json.dumps({"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}))\n' +
    'text = \'{"Statement": [{"Effect": "Allow", "Action": "ec2:TerminateInstances", "Resource": "*"}]}\'\n' +
    'for name, policy in [("known", known), ("mixed", mixed), ("helper", helper), ("applied", applied), ("elsewhere", elsewhere), ("text", text)]:\n' +
    '    aws.iam.Policy(name, policy=policy)\n';

  it('json.dumps over known values is JSON text that keeps what it encodes; over Outputs an unknown string that does', () => {
    const model = pythonModel({ 'main.py': program });
    const [known, mixed] = resourcesOf(model, 'iam.Policy').map((policy) => argument(policy, 'policy'));
    expect(known).toMatchObject({ kind: 'string', value: '{"Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}', encodes: { kind: 'dict' } });
    expect(mixed).toMatchObject({ kind: 'unknown', string: true, encodes: { kind: 'dict' } });
  });

  it('Output.json_dumps and apply(lambda: json.dumps(...)) are Outputs whose known value is the document, also on a value not known', () => {
    const model = pythonModel({ 'main.py': program });
    const [, , helper, applied, elsewhere] = resourcesOf(model, 'iam.Policy').map((policy) => argument(policy, 'policy'));
    expect(helper).toMatchObject({ kind: 'output', via: 'json_dumps', known: { kind: 'string', encodes: { kind: 'dict' } } });
    expect(applied).toMatchObject({ kind: 'output', via: 'apply', known: { kind: 'unknown', encodes: { kind: 'dict' } } });
    expect(elsewhere).toMatchObject({ kind: 'output', via: 'apply', known: { kind: 'string' } });
  });

  it('policy statements are read through all of these, with the sites of their entries', () => {
    const model = pythonModel({ 'main.py': program });
    const statements = resourcesOf(model, 'iam.Policy').map((policy) => policyStatements(argument(policy, 'policy')));
    expect(statements.map((found) => found.map((statement) => statement.facts.actions))).toEqual([[['s3:*']], [['s3:GetObject']], [['iam:PassRole']], [['kms:*']], [['*']], [['ec2:TerminateInstances']]]);
    expect(statements.map((found) => found[0]?.facts.allResources)).toEqual([true, false, true, true, true, true]);
    const [first] = statements[0]!;
    expect(entrySite(first!, 'Action')?.text).toBe('"s3:*"');
    const [fromText] = statements[5]!;
    expect(fromText?.dict).toBeUndefined();
    expect(entrySite(fromText!, 'Action')?.text).toMatch(/^'\{"Statement"/);
  });

  it('reads get_policy_document statements in their own grammar', () => {
    const model = pythonModel({ 'main.py': header + 'doc = aws.iam.get_policy_document(statements=[{"actions": ["iam:*"], "resources": ["*"]}, {"effect": "Deny", "actions": ["*"], "resources": ["*"]}])\n' });
    const [invoke] = model.invokes;
    expect(documentStatements(argument(invoke!, 'statements')).map((statement) => [statement.facts.effect, statement.facts.actions])).toEqual([
      ['Allow', ['iam:*']],
      ['Deny', ['*']],
    ]);
  });
});

describe('where a value is written', () => {
  it('is the value inside its container, else the innermost container that holds it where it is written', () => {
    const model = pythonModel({
      'main.py': header + 'ANYWHERE = "0.0.0.0/0"\n' + 'aws.ec2.SecurityGroup("sg", ingress=[{"protocol": "tcp", "from_port": 22, "to_port": 22, "cidr_blocks": [ANYWHERE, "10.0.0.0/8"]}])\n',
    });
    const [group] = resourcesOf(model, 'ec2.SecurityGroup');
    const ingress = group!.args.get('ingress')!;
    const rule = ingress.value.kind === 'list' ? ingress.value.items[0] : undefined;
    const cidrs = rule?.kind === 'dict' ? rule.entries.get('cidr_blocks') : undefined;
    const [world, private_] = cidrs?.kind === 'list' ? cidrs.items : [];
    expect(writtenSite([group!.callSite, ingress.site, ingress.value, rule, cidrs, world])?.text).toBe('[ANYWHERE, "10.0.0.0/8"]');
    expect(writtenSite([group!.callSite, ingress.site, ingress.value, rule, cidrs, private_])?.text).toBe('"10.0.0.0/8"');
  });
});

describe('VPCs and subnets', () => {
  it('finds a subnet VPC through self attributes and parameters, and each VPC blocks with secondary associations', () => {
    const model = pythonModel({
      'main.py':
        header +
        'class Net:\n' +
        '    def __init__(self):\n' +
        '        self.vpc = aws.ec2.Vpc("v", cidr_block="10.0.0.0/16")\n' +
        '        aws.ec2.VpcIpv4CidrBlockAssociation("x", vpc_id=self.vpc.id, cidr_block="10.1.0.0/16")\n' +
        '        add(self.vpc, ["10.0.1.0/24", "10.1.1.0/24", "nonsense"])\n' +
        'def add(vpc, blocks):\n' +
        '    for i, block in enumerate(blocks):\n' +
        '        aws.ec2.Subnet(f"s{i}", vpc_id=vpc.id, cidr_block=block)\n' +
        'Net()\n' +
        'ipam = aws.ec2.Vpc("ipam", ipv4_ipam_pool_id=pool.id, ipv4_netmask_length=16)\n',
    });
    const [vpc, ipam] = resourcesOf(model, 'ec2.Vpc');
    const subnets = subnetBlocks(model);
    expect(subnets.map((subnet) => [subnet.vpc, subnet.block.text, subnet.sites[0]?.text])).toEqual([
      [vpc, '10.0.1.0/24', '"10.0.1.0/24"'],
      [vpc, '10.1.1.0/24', '"10.1.1.0/24"'],
    ]);
    expect(vpcOf(argument(resourcesOf(model, 'ec2.Subnet')[0]!, 'vpc_id'))).toBe(vpc);
    const blocks = vpcBlocks(model);
    expect(blocks.get(vpc!)?.map((block) => block.text)).toEqual(['10.0.0.0/16', '10.1.0.0/16']);
    expect(blocks.get(ipam!)).toBeUndefined();
  });

  it('knows no VPC blocks when an association names a VPC the model cannot see', () => {
    const model = pythonModel({ 'main.py': header + 'vpc = aws.ec2.Vpc("v", cidr_block="10.0.0.0/16")\naws.ec2.VpcIpv4CidrBlockAssociation("x", vpc_id=config.require("vpc"), cidr_block="10.1.0.0/16")\n' });
    expect(vpcBlocks(model).get(resourcesOf(model, 'ec2.Vpc')[0]!)).toBeUndefined();
  });
});
