import { describe, expect, it } from 'vitest';
import { scanTypeScript } from '../../src/typescript/lexical-scan.js';
import { findTypeScriptTruncation, typeScriptUnitTruncation } from '../../src/typescript/truncation.js';
import { lastBlock, STACK, tsFile } from './support.js';

function truncationOf(text: string) {
  return typeScriptUnitTruncation(tsFile(text));
}

describe('TypeScript truncation', () => {
  it('finds nothing in a complete stack, with regexes, divisions, quotes and backticks in comments', () => {
    expect(truncationOf(STACK)).toBeUndefined();
    expect(scanTypeScript(STACK)).toMatchObject({ openBrackets: [], openStringAt: undefined, openCommentAt: undefined, lastToken: { text: '}' } });
  });

  it.each([
    ['inside a string', 'const bucket = new aws.s3.Bucket("logs-', 'ends inside an unterminated string', 'const bucket'],
    ['inside a template literal', 'const name = `vpc-${suffix}-', 'ends inside an unterminated template literal', 'const name'],
    ['inside a substitution of a template literal', 'const name = `vpc-${suffix.map((s) => `${s', "ends inside a template literal's `${...}`", 'const name'],
    ['inside a block comment', 'const a = 1;\n/* the VPC comes', 'ends inside an unterminated `/*` comment', '/* the VPC'],
    ['after an operator', 'const total = base +', 'ends after the operator `+`', 'const total'],
    ['after a dot', 'const id = vpc.', 'ends after the operator `.`', 'const id'],
    ['after an arrow', 'const f = (x: number) =>', 'ends after the operator `=>`', 'const f'],
    ['after a keyword', 'import { ec2 } from', 'ends after the keyword `from`', 'import'],
    ['mid-statement', 'export class TapStack extends pulumi.Compo', 'ends mid-statement', 'export class'],
  ])('is found %s', (_case, text, reason, startsWith) => {
    const truncation = truncationOf(text);
    expect(truncation?.reason).toBe(reason);
    expect(text.slice(truncation?.innermostStartIndex)).toMatch(new RegExp(`^${startsWith.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}`));
    expect(truncation?.endIndex).toBe(text.trimEnd().length);
  });

  it('in a stack cut inside its class, starts at the class (outermost) and points at the innermost statement', () => {
    const cut = STACK.slice(0, STACK.indexOf('tags:'));
    const truncation = truncationOf(cut);
    expect(truncation?.reason).toBe('ends inside an unclosed `{`');
    expect(cut.slice(truncation?.startIndex)).toMatch(/^export class TapStack/);
    expect(cut.slice(truncation?.innermostStartIndex)).toMatch(/^const vpc = new aws\.ec2\.Vpc/);
    expect(truncation?.openBracketIndex).toBe(cut.lastIndexOf('{'));
  });

  it('catches every cut of the stack from its class body on', () => {
    const bodyStart = STACK.indexOf('{', STACK.indexOf('class TapStack')) + 1;
    const end = STACK.trimEnd().length;
    const missed: string[] = [];
    for (let cut = bodyStart; cut < end; cut++) {
      const text = STACK.slice(0, cut);
      if (!findTypeScriptTruncation(text, tsFile(text).tree)) missed.push(JSON.stringify(text.slice(-30)));
    }
    expect(missed).toEqual([]);
  });

  it('does not take a brace missing mid-file for a cut when the file closes at column 0', () => {
    const text = STACK.replace('    this.vpcId = vpc.id;\n', '    if (half > 1) {\n    this.vpcId = vpc.id;\n');
    expect(tsFile(text).root.hasError).toBe(true);
    expect(truncationOf(text)).toBeUndefined();
  });

  it('does not take a bracket left open mid-file, with statements after it, for a cut', () => {
    const text = 'const a = [1, 2;\nconst b = 3;\nexport const c = a;\nfoo(\n';
    expect(truncationOf('const a = [1, 2;\nconst b = 3;\nexport const c = a;\n')).toBeUndefined();
    expect(truncationOf(text)?.reason).toBe('ends inside an unclosed `(`');
  });

  it('reads Markdown-escaped backticks (\\`) in code as escapes, not as template literals', () => {
    const text = 'const query = \\`fields @message\\`;\nexport const q = query;\n';
    expect(scanTypeScript(text).openStringAt).toBeUndefined();
    expect(truncationOf(text)).toBeUndefined();
  });

  it('ignores a hashbang line', () => {
    expect(scanTypeScript('#!/usr/bin/env node\nconst a = "it\'s";\n')).toMatchObject({ openStringAt: undefined, lastToken: { text: ';' } });
  });
});

describe('TypeScript truncation of Markdown answers', () => {
  it('is the last block never closed, even when its code is complete', () => {
    const truncation = typeScriptUnitTruncation(lastBlock('Here is the stack:\n\n```typescript\nconst a = 1;\n'));
    expect(truncation?.reason).toBe('is never closed (no closing ```)');
  });

  it('is the last block cut mid-construct, reported for its code rather than its fence', () => {
    const truncation = typeScriptUnitTruncation(lastBlock('```ts\nconst vpc = new aws.ec2.Vpc("v", {\n  cidrBlock: "10.0.'));
    expect(truncation?.reason).toBe('ends inside an unterminated string');
  });

  it('looks only at the last block', () => {
    const markdown = '```ts\nconst broken = (\n```\n\nThen:\n\n```ts\nconst a = 1;\n```\n';
    expect(typeScriptUnitTruncation(lastBlock(markdown))).toBeUndefined();
  });

  it('is no cut for an excerpt that elides code on purpose', () => {
    expect(typeScriptUnitTruncation(lastBlock('```typescript\nnew aws.cloudwatch.Dashboard("d", {\n  widgets: [\n    // ... dashboard widgets\n```\n'))).toBeUndefined();
    expect(typeScriptUnitTruncation(lastBlock('```typescript\nrouteTableIds: [privateRouteTable.id],  // ✅ CORRECT\n```\n'))).toBeUndefined();
  });
});
