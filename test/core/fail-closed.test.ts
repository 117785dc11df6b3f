/**
 * Fail closed: a rule that throws on a file yields an error-severity IAC002 ("rule X could not
 * check this file"), so the review cannot pass with that file unchecked; the other rules'
 * findings still come out, and a suppression comment in the file does not silence it. Run
 * through the public engine (`reviewWithCatalog`) with one registered rule made to crash.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { detectors } from '../../checks/registry.js';
import { catalogIds, failsAt, resolveConfig, reviewWithCatalog } from '../../src/core/index.js';
import type { ModelRule } from '../../src/api/rule.js';

/** A model rule whose judgement of the program throws, as a rule overflowing its stack would. */
function crashingRule(id: string): ModelRule {
  const rule = detectors.find((candidate) => candidate.meta.id === id);
  if (rule?.scope !== 'model' || !rule.program) throw new Error(`${id} is not a rule that judges the program model`);
  vi.spyOn(rule, 'program').mockImplementation(() => {
    throw new RangeError('Maximum call stack size exceeded');
  });
  return rule;
}

afterEach(() => {
  vi.restoreAllMocks();
});

const SOURCE = '"""Runs code."""\n\n\ndef run(code):\n    """Runs it."""\n    exec(code)\n';

function reviewSource(content: string) {
  return reviewWithCatalog({ files: [{ path: 'lib/runner.py', content, status: 'added' }], config: resolveConfig({}, catalogIds), mode: 'change' });
}

describe('a rule that cannot check a file', () => {
  it('yields an error-severity IAC002 naming the rule; the other rules still report', () => {
    const rule = crashingRule('IAC303');
    const result = reviewSource(SOURCE);
    const failures = result.findings.filter((finding) => finding.ruleId === 'IAC002');
    expect(failures).toEqual([
      expect.objectContaining({
        severity: 'error',
        path: 'lib/runner.py',
        line: 1,
        message: `rule IAC303 (${rule.meta.name}) could not check the program this file belongs to: Maximum call stack size exceeded`,
      }),
    ]);
    expect(result.findings.map((finding) => finding.ruleId)).toContain('IAC307');
    // With the default fail_on (error) the review fails instead of passing silently.
    expect(failsAt(result.findings, 'error')).toBe(true);
  });

  it('without the crash, the same file has no IAC002 (the finding comes from the crash alone)', () => {
    expect(reviewSource(SOURCE).findings.filter((finding) => finding.ruleId === 'IAC002')).toEqual([]);
  });

  it('cannot be silenced by a suppression comment in the file it failed on', () => {
    crashingRule('IAC303');
    const result = reviewSource(`# iac-review: ignore[IAC002] nothing to see here\n${SOURCE}`);
    expect(result.findings.filter((finding) => finding.ruleId === 'IAC002').map((finding) => finding.severity)).toEqual(['error']);
  });
});
