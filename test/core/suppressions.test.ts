import { describe, expect, it } from 'vitest';
import { unsafeCodeExecution } from '../../checks/unsafe-code-execution.js';
import { runCase } from '../support/rule-tester.js';
import { catalogIds } from '../../src/core/catalog.js';
import { resolveConfig } from '../../src/core/config.js';
import { review } from '../../src/core/review.js';

function findings(code: string, path = 'lib/tap_stack.py') {
  return review({
    files: [{ path, content: code }],
    config: resolveConfig({}, catalogIds),
    mode: 'scan',
    rules: [unsafeCodeExecution],
    knownRuleIds: catalogIds,
  }).findings.map((finding) => `${finding.ruleId}@${finding.line}: ${finding.message}`);
}

describe('suppressions', () => {
  it('silences the rule on the same line', () => {
    expect(findings('exec(code)  # iac-review: ignore[IAC307] fixture runs in a sandbox\n')).toEqual([]);
  });

  it('silences the rule on the line below a standalone comment', () => {
    expect(findings('# iac-review: ignore[IAC307] reviewed by security\nexec(code)\n')).toEqual([]);
  });

  it('does not reach two lines down', () => {
    expect(findings('# iac-review: ignore[IAC307] reviewed\n\nexec(code)\n')).toEqual([expect.stringMatching(/^IAC307@3/)]);
  });

  it('a trailing comment does not silence the next line', () => {
    expect(findings('x = 1  # iac-review: ignore[IAC307] reviewed\nexec(code)\n')).toEqual([expect.stringMatching(/^IAC307@2/)]);
  });

  it('only silences the named rule', () => {
    expect(findings('exec(code)  # iac-review: ignore[IAC306] wrong rule\n')).toEqual([expect.stringMatching(/^IAC307@1/)]);
  });

  it('accepts several IDs', () => {
    expect(findings('exec(code)  # iac-review: ignore[IAC306, IAC307] both reviewed\n')).toEqual([]);
  });

  it('reports a suppression without a reason as a notice, but still applies it', () => {
    expect(findings('exec(code)  # iac-review: ignore[IAC307]\n')).toEqual(['IAC001@1: Suppression gives no reason.']);
  });

  it('reports an unknown rule ID', () => {
    expect(findings('exec(code)  # iac-review: ignore[IAC999] typo\n')).toEqual([
      expect.stringMatching(/^IAC307@1/),
      'IAC001@1: Suppression names an unknown rule ID IAC999.',
    ]);
  });

  it('has no ignore-everything form', () => {
    expect(findings('exec(code)  # iac-review: ignore everything here\n')).toEqual([
      expect.stringMatching(/^IAC307@1/),
      'IAC001@1: Suppression names no rule ID (there is no ignore-everything; write ignore[IAC307]).',
    ]);
  });

  it('ignores the directive inside strings', () => {
    expect(findings('exec(code); s = "# iac-review: ignore[IAC307] nope"\n')).toEqual([expect.stringMatching(/^IAC307@1/)]);
  });

  it('works inside Markdown code blocks on the Markdown lines', () => {
    expect(findings('Intro\n\n```python\n# iac-review: ignore[IAC307] demo only\nexec(code)\nexec(more)\n```\n', 'answer.md')).toEqual([
      expect.stringMatching(/^IAC307@6/),
    ]);
  });

  it('is applied through the rule tester too', () => {
    expect(runCase(unsafeCodeExecution, { code: 'eval(x)  # iac-review: ignore[IAC307] constant input\n' })).toEqual([]);
  });
});
