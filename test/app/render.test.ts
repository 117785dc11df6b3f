/**
 * The App's pure parts: patch-to-line mapping, annotation batches, Markdown limits, review
 * comment bodies and fingerprints.
 */
import { describe, expect, it } from 'vitest';
import { fingerprint, fingerprintAll } from '../../src/app/fingerprint.js';
import { anchorFor, changedLines, MAX_RANGE_LINES } from '../../src/diff/changed-lines.js';
import type { Finding } from '../../src/api/types.js';
import { planAnnotations, toAnnotation } from '../../src/render/annotations.js';
import {
  byteLength,
  escapeMarkdown,
  GITHUB_TEXT_LIMIT,
  renderCheckOutput,
  renderSummaryComment,
  type ReviewReport,
} from '../../src/render/markdown.js';
import { fingerprintMarker, fingerprintsIn, renderReviewComment } from '../../src/render/review-comment.js';

function finding(overrides: Partial<Finding> = {}): Finding {
  return {
    ruleId: 'IAC307',
    severity: 'error',
    path: 'lib/tap_stack.py',
    line: 10,
    column: 5,
    endLine: 10,
    endColumn: 15,
    category: 'Security',
    message: '`exec()` executes a string as Python code: code injection risk.',
    snippet: 'exec(code)',
    ...overrides,
  };
}

// Two hunks as the pull-request files API returns them (no ---/+++ header).
const PATCH = [
  '@@ -1,4 +1,5 @@',
  ' import pulumi',
  '-import pulumi_aws',
  '+import pulumi_aws as aws',
  '+import json',
  ' ',
  ' ',
  '@@ -20,3 +21,6 @@ class TapStack(pulumi.ComponentResource):',
  '         self.vpc = aws.ec2.Vpc(',
  '             "vpc",',
  '+            cidr_block="10.0.0.0/16",',
  '+            enable_dns_support=True,',
  '+            tags=tags,',
  '         )',
  '\\ No newline at end of file',
].join('\n');

describe('changedLines and anchorFor', () => {
  const changed = changedLines(PATCH);

  it('collects added RIGHT-side lines and hunk ranges', () => {
    expect([...changed.added].sort((a, b) => a - b)).toEqual([2, 3, 23, 24, 25]);
    expect(changed.hunks).toEqual([
      { start: 1, end: 5 },
      { start: 21, end: 26 },
    ]);
  });

  it('anchors a single added line', () => {
    expect(anchorFor(changed, 2, 2)).toEqual({ line: 2 });
  });

  it('uses start_line for a range inside one hunk', () => {
    expect(anchorFor(changed, 21, 26)).toEqual({ startLine: 21, line: 26 });
    expect(anchorFor(changed, 23, 25)).toEqual({ startLine: 23, line: 25 });
  });

  it('falls back to the first added line when the range leaves the hunk', () => {
    expect(anchorFor(changed, 3, 23)).toEqual({ line: 3 });
    expect(anchorFor(changed, 26, 30)).toBeUndefined();
  });

  it('does not anchor findings on unchanged lines', () => {
    expect(anchorFor(changed, 1, 1)).toBeUndefined();
    expect(anchorFor(changed, 10, 12)).toBeUndefined();
    expect(anchorFor(changed, 22, 22)).toBeUndefined();
  });

  it('anchors long spans on one line instead of highlighting them whole', () => {
    const content = Array.from({ length: 40 }, (_, index) => `+line ${index + 1}`);
    const whole = changedLines(['@@ -0,0 +1,40 @@', ...content].join('\n'));
    expect(anchorFor(whole, 1, 1 + MAX_RANGE_LINES)).toEqual({ line: 1 });
    expect(anchorFor(whole, 1, MAX_RANGE_LINES)).toEqual({ startLine: 1, line: MAX_RANGE_LINES });
  });

  it('anchors nothing for a missing or unparsable patch', () => {
    expect(anchorFor(changedLines(undefined), 1, 1)).toBeUndefined();
    // parsePatch throws on a hunk whose counts do not match its lines: nothing is anchored.
    expect(anchorFor(changedLines('@@ -1,2 +1,9 @@\n+only one line'), 1, 1)).toBeUndefined();
    expect(anchorFor(changedLines('not a patch'), 1, 1)).toBeUndefined();
  });
});

describe('annotations', () => {
  it('batches 120 findings into 50, 50 and 20', () => {
    const findings = Array.from({ length: 120 }, (_, index) => finding({ line: index + 1, endLine: index + 1 }));
    expect(planAnnotations(findings).batches.map((batch) => batch.length)).toEqual([50, 50, 20]);
  });

  it('maps severity, title and columns the way GitHub wants them', () => {
    expect(toAnnotation(finding())).toMatchObject({
      path: 'lib/tap_stack.py',
      start_line: 10,
      end_line: 10,
      start_column: 5,
      end_column: 14, // inclusive
      annotation_level: 'failure',
      title: 'IAC307 Unsafe code execution (exec, eval, shell)',
    });
    const multiLine = toAnnotation(finding({ severity: 'warning', endLine: 12 }));
    expect(multiLine.annotation_level).toBe('warning');
    expect(multiLine).not.toHaveProperty('start_column');
    expect(toAnnotation(finding({ severity: 'notice' })).annotation_level).toBe('notice');
  });

  it('leaves out project-level findings that have no file', () => {
    const plan = planAnnotations([finding(), finding({ path: '.' })]);
    expect(plan.batches.flat()).toHaveLength(1);
    expect(plan.withoutPosition).toBe(1);
  });
});

function report(findings: Finding[], overrides: Partial<ReviewReport> = {}): ReviewReport {
  return {
    conclusion: 'failure',
    findings,
    failOn: 'error',
    headSha: '9f3b2c1d4e5f60718293a4b5c6d7e8f901234567',
    filesChanged: 3,
    filesReviewed: 3,
    filesAnalyzed: 3,
    filesExcluded: 0,
    notes: [],
    ...overrides,
  };
}

describe('Markdown', () => {
  it('groups the summary by taxonomy category with counts', () => {
    const output = renderCheckOutput(
      report([
        finding(),
        finding({ line: 20, endLine: 20 }),
        finding({ ruleId: 'IAC101', category: 'Code Generation', message: 'cut off' }),
        finding({ ruleId: 'IAC401', category: 'Documentation', severity: 'notice', message: 'no docstring' }),
      ]),
    );
    expect(output.title).toBe('3 errors, 1 notice (fails at error)');
    const rows = output.summary.split('\n').filter((line) => /^\| (Code Generation|Security|Documentation) /.test(line));
    expect(rows).toEqual([
      expect.stringMatching(/^\| Code Generation \| 1 \| IAC101/),
      expect.stringMatching(/^\| Security \| 2 \| IAC307 .* \(2\)/),
      expect.stringMatching(/^\| Documentation \| 1 \| IAC401/),
    ]);
  });

  it('keeps summary, text and the summary comment under 65,535 characters and says what was cut', () => {
    const long = 'x'.repeat(400);
    const findings = Array.from({ length: 3000 }, (_, index) =>
      finding({ line: index + 1, endLine: index + 1, message: `Finding ${index} ${long}`, category: `Category ${index % 400}` }),
    );
    const output = renderCheckOutput(report(findings));
    expect(byteLength(output.summary)).toBeLessThanOrEqual(GITHUB_TEXT_LIMIT);
    expect(byteLength(output.text ?? '')).toBeLessThanOrEqual(GITHUB_TEXT_LIMIT);
    expect(output.text).toMatch(/_… \d+ more findings not shown: the check-run text is limited to 65,535 characters/);
    const shown = (output.text ?? '').split('\n').filter((line) => line.startsWith('- ')).length;
    const said = Number(/_… (\d+) more findings/.exec(output.text ?? '')?.[1]);
    expect(shown + said).toBe(3000);

    const comment = renderSummaryComment(report(findings), {
      posted: 0,
      alreadyPosted: 0,
      maxInline: 30,
      notInline: findings.map((entry) => ({ finding: entry, reason: 'outside-diff' as const })),
    });
    expect(byteLength(comment)).toBeLessThanOrEqual(GITHUB_TEXT_LIMIT);
    expect(comment).toMatch(/more lines? not shown: a comment is limited to 65,535 characters/);
    expect(comment.startsWith('<!-- iac-review:summary -->')).toBe(true);
  });

  it('escapes table and HTML characters in messages', () => {
    expect(escapeMarkdown('a | b\n<script>')).toBe('a \\| b &lt;script>');
  });
});

describe('review comments and fingerprints', () => {
  it('carries rule, title, category, why, fix, docs, suppression and a hidden marker', () => {
    const body = renderReviewComment(finding(), 'abcdef0123456789abcd');
    expect(body).toMatch(/^\*\*IAC307 · Unsafe code execution \(exec, eval, shell\)\*\* \(error, Security\)/);
    expect(body).toMatch(/\*\*Why it matters:\*\*/);
    expect(body).toMatch(/\*\*How to fix:\*\*/);
    expect(body).toMatch(/\(https:\/\/[^)]+#iac307\)/);
    expect(body).toMatch(/# iac-review: ignore\[IAC307\] <reason>/);
    expect(body.endsWith(fingerprintMarker('abcdef0123456789abcd'))).toBe(true);
    expect(fingerprintsIn(body)).toEqual(['abcdef0123456789abcd']);
  });

  it('is stable when lines move and tells identical findings apart', () => {
    expect(fingerprint('IAC307', 'lib/a.py', 'exec(code)')).toBe(fingerprint('IAC307', 'lib/a.py', 'exec(code)'));
    const moved = fingerprintAll([finding({ line: 10 })]).values().next().value;
    const original = fingerprintAll([finding({ line: 42, endLine: 42 })]).values().next().value;
    expect(moved).toBe(original);
    const twins = [...fingerprintAll([finding(), finding({ line: 11, endLine: 11 })]).values()];
    expect(new Set(twins).size).toBe(2);
    expect(fingerprint('IAC307', 'lib/b.py', 'exec(code)')).not.toBe(fingerprint('IAC307', 'lib/a.py', 'exec(code)'));
  });
});
