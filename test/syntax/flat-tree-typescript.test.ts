/**
 * The flat trees of the native addon for TypeScript (tree-sitter-typescript's `typescript`
 * grammar) against node-tree-sitter with the same grammar, node by node (see
 * reference-trees.ts), and the two languages side by side in one addon: each tree keeps its own
 * grammar's names, and a parse over budget in one language leaves the other's parser alone.
 */
import fc from 'fast-check';
import TreeSitter from 'tree-sitter';
import TreeSitterTypeScript from 'tree-sitter-typescript';
import { describe, expect, it } from 'vitest';
import { parsePython } from '../../src/python/parser.js';
import { parseTypeScript, ParseTimeoutError } from '../../src/typescript/parser.js';
import { expectSameTrees, flatShapes, referenceShapes, type LanguageUnderTest } from './reference-trees.js';

const reference = new TreeSitter();
reference.setLanguage(TreeSitterTypeScript.typescript as unknown as TreeSitter.Language);

const TYPESCRIPT: LanguageUnderTest = {
  parse: (text) => parseTypeScript(text),
  reference,
  grammar: TreeSitterTypeScript.typescript,
  queried: { types: ['new_expression', 'call_expression', 'pair'], fields: ['constructor', 'function', 'arguments', 'key', 'value'] },
};

const STACK = `import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { ec2 } from "@pulumi/aws";

export interface TapStackArgs {
  environmentSuffix?: string;
  tags?: pulumi.Input<{ [key: string]: string }>;
}

/** The stack — ünïcödé ✅ 🚀 in a doc comment. */
export class TapStack extends pulumi.ComponentResource {
  public readonly vpcId: pulumi.Output<string>;

  constructor(name: string, args: TapStackArgs = {}, opts?: pulumi.ComponentResourceOptions) {
    super("tap:stack:TapStack", name, args, opts);
    const suffix = args.environmentSuffix ?? "dev";
    const provider = new aws.Provider(\`aws-\${suffix}\`, { region: "us-east-1" }, { parent: this });
    const vpc = new ec2.Vpc(\`vpc-\${suffix}\`, { cidrBlock: "10.0.0.0/16", enableDnsHostnames: true, tags: { ...args.tags, Name: "main" } }, { parent: this, provider });
    const subnets = ["a", "b"].map((zone, i) => new aws.ec2.Subnet(\`subnet-\${zone}\`, { vpcId: vpc.id, cidrBlock: \`10.0.\${i}.0/24\` }, { parent: this, dependsOn: [vpc] }));
    this.vpcId = vpc.id;
    this.registerOutputs({ vpcId: this.vpcId, subnetIds: subnets.map((s) => s.id) });
  }
}
`;

const TEST_FILE = `import * as pulumi from "@pulumi/pulumi";
pulumi.runtime.setMocks({
  newResource: (args: pulumi.runtime.MockResourceArgs): { id: string; state: any } => ({ id: \`\${args.name}_id\`, state: args.inputs }),
  call: (args: pulumi.runtime.MockCallArgs) => args.inputs,
});
describe("TapStack", () => {
  it("creates a VPC", async () => {
    const { TapStack } = await import("../lib/tap-stack");
    const stack = new TapStack("t", {});
    expect(await new Promise((resolve) => stack.vpcId.apply(resolve))).toBeDefined();
  });
});
`;

const EDGE_CASES = [
  '',
  'x',
  'const a = "😀😀"; let b = 1\rconst c = 2\r\nexport default a;\n',
  'const cast = <string>value; const other = value as unknown as number;\n',
  'function broken(: {\n  const x = (1,\n',
  'const t = `unterminated ${a',
  'class TapStack {\n  constructor() {\n    new aws.s3.Bucket("b", {\n',
  'resource "aws_s3_bucket" "b" {\n  bucket = "x"\n}\n',
  'const vm = require("vm"); eval(code); new Function("return 1")();\n',
  'enum Env { Dev = "dev", Prod = "prod" }\ntype Maybe<T> = T | undefined;\nabstract class A<T extends object = {}> implements B { private x?: T; }\n',
  'const r = /[/]\\//g.test(s) ? a?.b?.[c] ?? d : (e!, f satisfies G);\n',
  `const x = ${'('.repeat(200)}1${')'.repeat(200)};\n`,
  STACK,
  TEST_FILE,
];

describe('TypeScript flat trees match node-tree-sitter', () => {
  it.each(EDGE_CASES.map((text, position) => [position, text]))('edge case %i', (_position, text) => {
    expectSameTrees(TYPESCRIPT, text);
  });

  it('random and mutated text', () => {
    const pieces = fc.constantFrom('class ', 'new ', '(', ')', '{', '}', '[', ']', '<', '>', ':', ';', '\n', '  ', '"', "'", '`', '${', '//', '/*', '*/', 'x', '=', '=>', ',', '.', 'é', '😀', '\r\n', '\\', '@', 'as ', 'import ', ' from ');
    const source = fc.oneof(
      fc.string({ maxLength: 120 }),
      fc.array(pieces, { maxLength: 60 }).map((parts) => parts.join('')),
      fc.constantFrom(STACK, TEST_FILE).chain((text) => fc.nat(text.length).map((cut) => text.slice(0, cut))),
    );
    fc.assert(
      fc.property(source, (text) => {
        expect(flatShapes(TYPESCRIPT, text)).toEqual(referenceShapes(TYPESCRIPT, text));
      }),
      { numRuns: 300, seed: 20_261_202 },
    );
  });
});

describe('two languages in one addon', () => {
  it('each tree names its nodes by its own grammar, in any order of parses', () => {
    const python = 'import pulumi\nvpc = aws.ec2.Vpc("v", cidr_block="10.0.0.0/16")\n';
    const typescript = 'import * as aws from "@pulumi/aws";\nconst vpc = new aws.ec2.Vpc("v", { cidrBlock: "10.0.0.0/16" });\n';
    const first = parsePython(python);
    const second = parseTypeScript(typescript);
    const third = parsePython(python);
    expect(first.rootNode.type).toBe('module');
    expect(second.rootNode.type).toBe('program');
    expect(third.rootNode.toString()).toBe(first.rootNode.toString());
    expect(second.rootNode.descendantsOfType('new_expression')[0]?.childForFieldName('constructor')?.text).toBe('aws.ec2.Vpc');
    expect(second.rootNode.descendantsOfType('call')).toEqual([]);
    expect(first.grammar).not.toBe(second.grammar);
    expect(second.rootNode.id).not.toBe(first.rootNode.id);
  });

  it('a TypeScript parse over its budget throws and leaves both parsers ready', () => {
    const huge = `const x = [${'1, '.repeat(400_000)}];\n`;
    expect(() => parseTypeScript(huge, 0.001)).toThrow(ParseTimeoutError);
    expect(parsePython('y = 2\n').rootNode.toString()).toBe('(module (expression_statement (assignment left: (identifier) right: (integer))))');
    expect(parseTypeScript('let y = 2;\n').rootNode.toString()).toBe('(program (lexical_declaration (variable_declarator name: (identifier) value: (number))))');
  });
});
