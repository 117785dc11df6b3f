import { describe, expect, it } from 'vitest';
import { isTypeScriptExcerpt } from '../../src/typescript/excerpts.js';
import { typeScriptSyntaxErrors } from '../../src/typescript/syntax-errors.js';
import { lastBlock, STACK, tsBlocks, tsFile } from './support.js';

const rows = (errors: ReturnType<typeof typeScriptSyntaxErrors>) => errors.map((error) => `${error.start.row}: ${error.message}`);

describe('TypeScript syntax errors', () => {
  it('finds none in a valid stack', () => {
    expect(typeScriptSyntaxErrors(tsFile(STACK))).toEqual([]);
  });

  it('gives one region per broken spot, with what tree-sitter could not read or expected', () => {
    const text = 'const a = 1;\nconst b = (2 +;\nconst c = 3;\n\n\n\nfunction f(x: number {\n  return x;\n}\nexport const d = 4;\n';
    const errors = typeScriptSyntaxErrors(tsFile(text));
    expect(errors.map((error) => error.start.row)).toEqual([1, 6]);
    expect(errors.every((error) => error.message.startsWith('Syntax error: '))).toBe(true);
  });

  it('merges errors on adjacent lines into one region', () => {
    const errors = typeScriptSyntaxErrors(tsFile('const a = (1 +;\nconst b = [2 +;\nexport const c = 3;\n'));
    expect(errors).toHaveLength(1);
    expect(errors[0]?.end.row).toBeGreaterThanOrEqual(1);
  });

  it('leaves the cut-off tail of a truncated file to the truncation analysis', () => {
    const cut = STACK.slice(0, STACK.indexOf('tags:'));
    expect(typeScriptSyntaxErrors(tsFile(cut))).toEqual([]);
    const brokenThenCut = `const a = (1 +;\n\n\n${cut}`;
    expect(rows(typeScriptSyntaxErrors(tsFile(brokenThenCut)))).toEqual([expect.stringMatching(/^0: Syntax error/)]);
  });

  it('reports Terraform pasted into a .ts file', () => {
    expect(typeScriptSyntaxErrors(tsFile('resource "aws_s3_bucket" "b" {\n  bucket = "x"\n}\n'))).not.toEqual([]);
  });
});

describe('Markdown excerpts', () => {
  it.each([
    ['elided arguments', 'const vpc = new aws.ec2.Vpc(`vpc-${suffix}`, ...);\n'],
    ['an elision comment', 'class TapStack {\n  // ... previous code\n  private createVpc( {\n}\n'],
    ['object properties', '// CORRECT\nserviceName: `com.amazonaws.${region}.dynamodb`,\nruntime: aws.lambda.Runtime.NodeJS20dX,\n'],
    ['class members', 'public readonly vpcId: pulumi.Output<string>;\nprivate createVpc(): aws.ec2.Vpc {\n'],
    ['a method chain', '.apply(([_clusterName, clusterId]) => {\n  return clusterId;\n})\n'],
  ])('are not syntax errors: %s', (_case, code) => {
    const [block] = tsBlocks(`Fix:\n\n\`\`\`typescript\n${code}\`\`\`\n`);
    expect(block && isTypeScriptExcerpt(block)).toBe(true);
    expect(block && typeScriptSyntaxErrors(block)).toEqual([]);
  });

  it('are only Markdown blocks that do not parse: a broken .ts file or a broken whole block is reported', () => {
    expect(typeScriptSyntaxErrors(tsFile('public readonly x: string;\nconst a = (1 +;\n'))).not.toEqual([]);
    const whole = lastBlock('```typescript\nconst a = (1 +;\nconst spread = { ...base, b: 2 };\nexport const c = a;\n```\n');
    expect(isTypeScriptExcerpt(whole)).toBe(false);
    expect(typeScriptSyntaxErrors(whole)).not.toEqual([]);
  });
});
