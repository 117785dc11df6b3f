/**
 * TypeScript units in the review loop: they are parsed, counted, held to the parse budget and
 * the size limit, and carry suppressions, like Python units; each rule's visitors meet the
 * units of their own language.
 */
import { describe, expect, it } from 'vitest';
import type { ModelRule } from '../../src/api/rule.js';
import type { RuleMeta } from '../../src/api/types.js';
import { catalogIds } from '../../src/core/catalog.js';
import { resolveConfig } from '../../src/core/config.js';
import { reviewWithCatalog, type InputFile } from '../../src/core/index.js';
import { review } from '../../src/core/review.js';

const STACK_TS = 'import * as aws from "@pulumi/aws";\n\nexport const bucket = new aws.s3.Bucket("b");\n';
const ANSWER = '# Answer\n\n```python\nexec(code)\n```\n\n```typescript\nexec(code);\neval(code);\n```\n';

function catalogMeta(id: string): RuleMeta {
  return { id, name: id, title: id, category: 'Test', severity: 'error', why: '', fix: '', badExample: '', goodExample: '', seed: { report: 'engine', section: 'test' } };
}

function runCatalog(files: InputFile[], config: Record<string, unknown> = {}, mode: 'scan' | 'change' = 'change') {
  return reviewWithCatalog({ files: files.map((file) => ({ status: 'added' as const, ...file })), config: resolveConfig(config, catalogIds), mode });
}

describe('TypeScript units in the review', () => {
  it('are analysed files, as Python ones', () => {
    const result = review({
      files: [
        { path: 'lib/tap-stack.ts', content: STACK_TS },
        { path: 'lib/MODEL_RESPONSE.md', content: ANSWER },
        { path: 'lib/tap_stack.py', content: 'import pulumi\n' },
      ],
      config: resolveConfig({}, catalogIds),
      mode: 'scan',
      rules: [],
      knownRuleIds: catalogIds,
    });
    expect(result.filesAnalyzed).toBe(3);
  });

  it('meet the model rules\' visitors for their own language only', () => {
    const seen: string[] = [];
    const rule: ModelRule = {
      meta: catalogMeta('IAC307'),
      scope: 'model',
      visitors: {
        python: ({ unit }) => ({ call: (node) => void seen.push(`python ${unit.path} ${node.text}`) }),
        typescript: ({ unit }) => ({ call_expression: (node) => void seen.push(`typescript ${unit.path} ${node.text}`) }),
      },
    };
    review({
      files: [
        { path: 'lib/MODEL_RESPONSE.md', content: ANSWER },
        { path: 'lib/tap-stack.ts', content: 'run(1);\n' },
      ],
      config: resolveConfig({}, catalogIds),
      mode: 'scan',
      rules: [rule],
      knownRuleIds: catalogIds,
    });
    expect(seen).toEqual(['python lib/MODEL_RESPONSE.md exec(code)', 'typescript lib/MODEL_RESPONSE.md exec(code)', 'typescript lib/MODEL_RESPONSE.md eval(code)', 'typescript lib/tap-stack.ts run(1)']);
  });

  it('are judged by the rules that cover TypeScript, beside the Python block of the same answer', () => {
    const result = runCatalog([{ path: 'lib/MODEL_RESPONSE.md', content: ANSWER }]);
    expect(result.findings.map((finding) => `${finding.ruleId}@${finding.line}`)).toEqual(['IAC307@4', 'IAC307@9']);
  });

  it('are held to the parse budget and the size limit, with IAC002', () => {
    const slow = 'x = foo(1);\n'.repeat(60_000);
    const result = runCatalog(
      [
        { path: 'lib/slow.ts', content: slow },
        { path: 'lib/big.ts', content: 'x', size: 5_000_000 },
        { path: 'lib/big.d.ts', content: 'x', size: 5_000_000 },
        { path: 'lib/binary.ts', content: new Uint8Array([0x47, 0x00, 0xff, 0x00]) },
      ],
      { limits: { parse_timeout_ms: 1, max_file_bytes: 2_000_000 } },
      'scan',
    );
    expect(result.findings.map((finding) => `${finding.path} ${finding.ruleId}`)).toEqual(['lib/big.ts IAC002', 'lib/binary.ts IAC002', 'lib/slow.ts IAC002']);
    expect(result.findings.find((finding) => finding.path === 'lib/slow.ts')?.message).toBe('not analyzed: parsing took longer than 1 ms (limits.parse_timeout_ms)');
  });

  it('carry suppressions in // and /* */ comments, checked like Python ones', () => {
    const added = (content: string) => runCatalog([{ path: 'scripts/deploy.ts', content }]).findings.map((finding) => `${finding.ruleId}@${finding.line}: ${finding.message}`);
    expect(added('export const a = 1;\n')).toEqual([expect.stringMatching(/^IAC701@1: `scripts\/deploy\.ts` was added outside/)]);
    expect(added('// iac-review: ignore[IAC701] deploy helper agreed with the platform team\nexport const a = 1;\n')).toEqual([]);
    expect(added('/* iac-review: ignore[IAC701] agreed with the platform team */\nexport const a = 1;\n')).toEqual([]);
    expect(added('export const a = 1; // iac-review: ignore[IAC701]\n')).toEqual(['IAC001@1: Suppression gives no reason.']);
    expect(added('export const a = 1; // iac-review: ignore[IAC799] typo\n')).toEqual([
      expect.stringMatching(/^IAC701@1/),
      'IAC001@1: Suppression names an unknown rule ID IAC799.',
    ]);
    // A directive in a string is no comment.
    expect(added('export const a = "// iac-review: ignore[IAC701] not a comment";\n')).toEqual([expect.stringMatching(/^IAC701@1/)]);
  });

  it('carry suppressions inside Markdown blocks, on the Markdown file\'s lines', () => {
    const markdown = '# Answer\n\n```ts\nconst a = 1; // iac-review: ignore[IAC799] typo\n```\n';
    expect(runCatalog([{ path: 'lib/MODEL_RESPONSE.md', content: markdown }]).findings.map((finding) => `${finding.ruleId}@${finding.line}:${finding.column}`)).toEqual(['IAC001@4:14']);
  });
});
