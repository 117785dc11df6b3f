/** TypeScript units for the analysis tests: a whole `.ts` file, or the blocks of a Markdown answer. */
import { unitsOf } from '../../src/core/source-units.js';
import type { SourceUnit } from '../../src/syntax/source-unit.js';
import { typeScriptFileUnit } from '../../src/typescript/units.js';

export function tsFile(text: string, path = 'lib/tap-stack.ts'): SourceUnit {
  return typeScriptFileUnit(path, text);
}

/** The TypeScript units of a Markdown answer, in document order. */
export function tsBlocks(markdown: string, path = 'lib/MODEL_RESPONSE.md'): SourceUnit[] {
  return unitsOf(path, markdown).filter((unit) => unit.language === 'typescript');
}

/** The final unit of a Markdown answer (the one that can be cut off). */
export function lastBlock(markdown: string): SourceUnit {
  const units = unitsOf('lib/MODEL_RESPONSE.md', markdown);
  const last = units[units.length - 1];
  if (!last) throw new Error('no code block');
  return last;
}

/** A complete Pulumi TypeScript stack, written for these tests. */
export const STACK = `import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";

export interface TapStackArgs {
  environmentSuffix?: string;
}

export class TapStack extends pulumi.ComponentResource {
  public readonly vpcId: pulumi.Output<string>;

  constructor(name: string, args: TapStackArgs = {}, opts?: pulumi.ComponentResourceOptions) {
    super("tap:stack:TapStack", name, args, opts);
    const suffix = args.environmentSuffix ?? "dev";
    const vpc = new aws.ec2.Vpc(\`vpc-\${suffix}\`, {
      cidrBlock: "10.0.0.0/16",
      tags: { Name: \`main-\${suffix.toUpperCase()}\`, Quote: "it's" },
    }, { parent: this });
    const namePattern = /^[a-z"'\`{(]+$/i;
    const half = 10 / 2 / 1;
    /* a block comment with a quote ' and a backtick \` */
    this.vpcId = vpc.id;
    this.registerOutputs({ vpcId: this.vpcId, valid: namePattern.test(suffix), half });
  }
}
`;
