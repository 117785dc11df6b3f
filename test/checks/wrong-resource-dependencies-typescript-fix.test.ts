/**
 * IAC501's TypeScript fix (`dependsOn: [igw]`), beside the rule's table in
 * wrong-resource-dependencies.test.ts: when the gateway can be named at the NAT gateway and how
 * the options are written decide whether a fix is offered, and what it writes.
 */
import { wrongResourceDependencies } from '../../checks/wrong-resource-dependencies.js';
import { ruleTester } from '../support/rule-tester.js';

const path = 'lib/network.ts';
const header = 'import * as pulumi from "@pulumi/pulumi";\nimport * as aws from "@pulumi/aws";\n\n';
const network =
  'const vpc = new aws.ec2.Vpc("vpc", { cidrBlock: "10.0.0.0/16" });\n' +
  'const publicSubnet = new aws.ec2.Subnet("public", { vpcId: vpc.id, cidrBlock: "10.0.1.0/24" });\n' +
  'const igw = new aws.ec2.InternetGateway("igw", { vpcId: vpc.id });\n' +
  'const eip = new aws.ec2.Eip("nat", { domain: "vpc" });\n';
/** A module-level program whose NAT gateway (line 8) is written as `nat`. */
const program = (nat: string) => `${header}${network}${nat}`;
const natCall = (options: string) => `new aws.ec2.NatGateway("nat", { subnetId: publicSubnet.id, allocationId: eip.id }${options});\n`;
const missing = { line: 8, message: /does not depend on internet gateway `igw` \(line 6\): add `dependsOn: \[igw\]`/ };

/** A component: the gateway in `this.igw`, made by `createNetwork`; `body` is the constructor's calls. */
const component = (body: string, natMethod = 'createNat') =>
  header +
  'export class Network extends pulumi.ComponentResource {\n' +
  '    private vpc!: aws.ec2.Vpc;\n' +
  '    private igw!: aws.ec2.InternetGateway;\n' +
  '    private publicSubnet!: aws.ec2.Subnet;\n' +
  '    constructor(name: string, opts?: pulumi.ComponentResourceOptions) {\n' +
  '        super("x:net:Network", name, {}, opts);\n' +
  body +
  '    }\n' +
  '    createNetwork() {\n' +
  '        this.vpc = new aws.ec2.Vpc("vpc", { cidrBlock: "10.0.0.0/16" }, { parent: this });\n' +
  '        this.publicSubnet = new aws.ec2.Subnet("public", { vpcId: this.vpc.id, cidrBlock: "10.0.1.0/24" }, { parent: this });\n' +
  '        this.igw = new aws.ec2.InternetGateway("igw", { vpcId: this.vpc.id }, { parent: this });\n' +
  '    }\n' +
  `    ${natMethod}() {\n` +
  '        const eip = new aws.ec2.Eip("nat", { domain: "vpc" }, { parent: this });\n' +
  '        new aws.ec2.NatGateway("nat", { subnetId: this.publicSubnet.id, allocationId: eip.id }, { parent: this });\n' +
  '    }\n' +
  '}\n' +
  'new Network("net");\n';
const componentFixed = (source: string) => source.replace('allocationId: eip.id }, { parent: this });', 'allocationId: eip.id }, { parent: this, dependsOn: [this.igw] });');

ruleTester(wrongResourceDependencies, {
  valid: [
    // The fix's output for a component: this.igw in the options, nothing left to report.
    { path, code: componentFixed(component('        this.createNetwork();\n        this.createNat();\n')) },
  ],
  invalid: [
    {
      name: 'fix: no options: a third argument',
      path,
      code: program(natCall('')),
      errors: [{ ...missing, column: 5, endColumn: 23 }],
      output: program(natCall(', { dependsOn: [igw] }')),
    },
    {
      name: 'fix: inline options on one line get the property',
      path,
      code: program(natCall(', { protect: true }')),
      errors: [missing],
      output: program(natCall(', { protect: true, dependsOn: [igw] }')),
    },
    {
      name: 'fix: a trailing comma on one line stays last',
      path,
      code: program(natCall(', { protect: true, }')),
      errors: [missing],
      output: program(natCall(', { protect: true, dependsOn: [igw], }')),
    },
    {
      name: 'fix: empty options',
      path,
      code: program(natCall(', {}')),
      errors: [missing],
      output: program(natCall(', { dependsOn: [igw] }')),
    },
    {
      name: 'fix: options one per line keep their layout (with and without a trailing comma)',
      path,
      code: program(natCall(', {\n    protect: true,\n    ignoreChanges: ["tags"]\n}')),
      errors: [missing],
      output: program(natCall(', {\n    protect: true,\n    ignoreChanges: ["tags"],\n    dependsOn: [igw]\n}')),
    },
    {
      name: 'fix: options one per line with a trailing comma',
      path,
      code: program(natCall(', {\n    protect: true,\n}')),
      errors: [missing],
      output: program(natCall(', {\n    protect: true,\n    dependsOn: [igw],\n}')),
    },
    {
      name: 'fix: arguments one per line: the new argument on its own line',
      path,
      code: program('new aws.ec2.NatGateway(\n    "nat",\n    { subnetId: publicSubnet.id, allocationId: eip.id },\n);\n'),
      errors: [missing],
      output: program('new aws.ec2.NatGateway(\n    "nat",\n    { subnetId: publicSubnet.id, allocationId: eip.id },\n    { dependsOn: [igw] },\n);\n'),
    },
    {
      name: 'fix: in a function, the gateway a const of the same function',
      path,
      code: `${header}export function build() {\n${network.replace(/^/gm, '  ')}  ${natCall('')}}\nbuild();\n`,
      errors: [{ line: 9, message: /internet gateway `igw`/ }],
      output: `${header}export function build() {\n${network.replace(/^/gm, '  ')}  ${natCall(', { dependsOn: [igw] }')}}\nbuild();\n`,
    },
    {
      name: 'no fix: options in a variable',
      path,
      code: program(`const shared = { protect: true };\n${natCall(', shared')}`),
      errors: [{ ...missing, line: 9 }],
      output: null,
    },
    {
      name: 'no fix: options with a spread',
      path,
      code: program(`const shared = { protect: true };\n${natCall(', { ...shared, deleteBeforeReplace: true }')}`),
      errors: [{ ...missing, line: 9 }],
      output: null,
    },
    {
      name: 'no fix: a dependsOn already (on the Elastic IP, not the gateway)',
      path,
      code: program(natCall(', { dependsOn: [eip] }')),
      errors: [missing],
      output: null,
    },
    {
      name: 'no fix: the gateway is a let (it may be reassigned)',
      path,
      code: program(natCall('')).replace('const igw =', 'let igw ='),
      errors: [missing],
      output: null,
    },
    {
      name: 'no fix: the gateway is a const of a block the NAT gateway is outside of',
      path,
      code: program(natCall('')).replace(/const igw = (.*)\n/, 'if (vpc) {\n    const igw = $1\n}\n'),
      errors: [{ line: 10, message: /internet gateway `igw` \(line 7\)/ }],
      output: null,
    },
    {
      name: 'no fix: a nested block shadows the gateway name',
      path,
      code: program(`{\n    const igw = "not the gateway";\n    ${natCall('')}}\n`),
      errors: [{ ...missing, line: 10 }],
      output: null,
    },
    {
      name: 'no fix: the gateway is a module const, the NAT gateway in a function',
      path,
      code: program(`function nat() {\n    ${natCall('')}}\nnat();\n`),
      errors: [{ ...missing, line: 9 }],
      output: null,
    },
    {
      name: 'fix: this.igw made during construction, the NAT gateway by a method construction runs afterwards',
      path,
      code: component('        this.createNetwork();\n        this.createNat();\n'),
      errors: [{ line: 20, message: /internet gateway `this\.igw` \(line 16\)/ }],
      output: componentFixed(component('        this.createNetwork();\n        this.createNat();\n')),
    },
    {
      name: 'fix: this.igw made during construction, the NAT gateway by a method a caller runs later',
      path,
      code: component('        this.createNetwork();\n'),
      errors: [{ line: 19, message: /internet gateway `this\.igw`/ }],
      output: componentFixed(component('        this.createNetwork();\n')),
    },
    {
      name: 'no fix: construction runs the NAT gateway method before the one making this.igw',
      path,
      code: component('        this.createNetwork();\n        this.createNat();\n        this.createGateway();\n').replace(
        /( {8}this\.igw = .*\n)( {4}}\n)/,
        '$2    createGateway() {\n$1    }\n',
      ),
      errors: [{ line: 23, message: /internet gateway `this\.igw` \(line 19\)/ }],
      output: null,
    },
    {
      name: 'no fix: this.igw made by a method construction does not run',
      path,
      code: component('').replace('new Network("net");\n', 'const net = new Network("net");\nnet.createNetwork();\nnet.createNat();\n'),
      errors: [{ line: 18, message: /internet gateway `this\.igw`/ }],
      output: null,
    },
  ],
});
