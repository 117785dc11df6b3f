/**
 * A table-driven tester for detectors, in the spirit of ESLint's RuleTester: every valid
 * snippet must produce no finding of the rule, every invalid one exactly the listed findings.
 * Cases run through the real engine, so position mapping and suppressions are exercised too.
 */
import { describe, expect, it } from 'vitest';
import { catalogIds } from '../../src/core/catalog.js';
import { resolveConfig } from '../../src/core/config.js';
import type { FileStatus, Rule } from '../../src/api/rule.js';
import { review, type InputFile } from '../../src/core/review.js';
import type { Finding, Severity } from '../../src/api/types.js';
import { applyFileFixes } from '../../src/core/apply-fixes.js';

export interface TestCase {
  /** Shown in the test name; defaults to the first line of the code. */
  name?: string;
  code?: string;
  /** Path of `code`; defaults to lib/tap_stack.py. */
  path?: string;
  status?: FileStatus;
  /** Further files reviewed together with `code`. */
  files?: { path: string; content: string | Uint8Array; status?: FileStatus }[];
  /** Project files that are available but not reviewed (manifests, stack files). */
  project?: Record<string, string>;
  /** Raw `.github/iac-review.yml` settings. */
  config?: Record<string, unknown>;
  mode?: 'scan' | 'change';
}

export interface ExpectedFinding {
  line: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  severity?: Severity;
  message?: RegExp | string;
  path?: string;
}

export interface InvalidCase extends TestCase {
  errors: ExpectedFinding[];
  /**
   * `code` after applying every fix the findings carry (ESLint's `output`); `null` when no
   * finding may carry a fix. Left out: fixes are not checked.
   */
  output?: string | null;
}

export function runCase(rule: Rule, testCase: TestCase): Finding[] {
  const files: InputFile[] = [];
  if (testCase.code !== undefined) {
    files.push({ path: testCase.path ?? 'lib/tap_stack.py', content: testCase.code, status: testCase.status ?? 'modified' });
  }
  files.push(...(testCase.files ?? []).map((file) => ({ ...file, status: file.status ?? 'modified' })));
  const project = testCase.project ?? {};
  const result = review({
    files,
    config: resolveConfig(testCase.config ?? {}, catalogIds),
    mode: testCase.mode ?? 'change',
    rules: [rule],
    knownRuleIds: catalogIds,
    project: { paths: Object.keys(project), readFile: (path) => project[path] },
  });
  // A detector that throws is reported by the engine as IAC002; in a table test it is a bug.
  const crash = result.findings.find((finding) => finding.ruleId === 'IAC002' && finding.message.includes('failed'));
  if (crash) throw new Error(`${rule.meta.id} crashed: ${crash.message}`);
  return result.findings.filter((finding) => finding.ruleId === rule.meta.id);
}

function title(testCase: TestCase): string {
  const source = testCase.name ?? testCase.code ?? testCase.files?.map((file) => file.path).join(', ') ?? '';
  const firstLine = source.split('\n').find((line) => line.trim()) ?? '(empty)';
  return firstLine.length > 70 ? `${firstLine.slice(0, 70)}…` : firstLine;
}

export function ruleTester(rule: Rule, cases: { valid: (string | TestCase)[]; invalid: InvalidCase[] }): void {
  describe(`${rule.meta.id} ${rule.meta.name}`, () => {
    describe('valid', () => {
      cases.valid.forEach((entry, index) => {
        const testCase = typeof entry === 'string' ? { code: entry } : entry;
        it(`#${index} ${title(testCase)}`, () => {
          expect(runCase(rule, testCase)).toEqual([]);
        });
      });
    });
    describe('invalid', () => {
      cases.invalid.forEach((testCase, index) => {
        it(`#${index} ${title(testCase)}`, () => {
          const findings = runCase(rule, testCase);
          expect(findings.map(summarise), JSON.stringify(findings.map(summarise))).toHaveLength(testCase.errors.length);
          testCase.errors.forEach((expected, position) => {
            const actual = findings[position] as Finding;
            expect(actual.line).toBe(expected.line);
            if (expected.column !== undefined) expect(actual.column).toBe(expected.column);
            if (expected.endLine !== undefined) expect(actual.endLine).toBe(expected.endLine);
            if (expected.endColumn !== undefined) expect(actual.endColumn).toBe(expected.endColumn);
            expect(actual.severity).toBe(expected.severity ?? rule.meta.severity);
            if (expected.path !== undefined) expect(actual.path).toBe(expected.path);
            if (expected.message !== undefined) expect(actual.message).toMatch(expected.message);
          });
          if (testCase.output !== undefined) expectOutput(rule, testCase, findings);
        });
      });
    });
  });
}

/** The fixed code is as expected, and reviewing it again no longer gives the fixed findings. */
function expectOutput(rule: Rule, testCase: InvalidCase, findings: Finding[]): void {
  const path = testCase.path ?? 'lib/tap_stack.py';
  const fixable = findings.filter((finding) => finding.fix && finding.path === path);
  if (testCase.output === null) {
    expect(fixable.map(summarise)).toEqual([]);
    return;
  }
  const fixed = applyFileFixes(testCase.code ?? '', fixable);
  expect(fixed.text).toBe(testCase.output);
  const again = runCase(rule, { ...testCase, code: fixed.text });
  const key = (finding: Finding) => `${finding.message}\u0000${finding.snippet}`;
  const remaining = new Set(again.map(key));
  expect(fixed.applied.filter((finding) => remaining.has(key(finding))).map(summarise)).toEqual([]);
}

function summarise(finding: Finding): string {
  return `${finding.path}:${finding.line}:${finding.column}-${finding.endLine}:${finding.endColumn} ${finding.severity} ${finding.message}`;
}
