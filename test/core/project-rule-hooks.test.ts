/**
 * The engine's contract with project rules that look at files as they are parsed: `begin`
 * once per review, `visitFile` once per file with units (right after its parse, with the state
 * from `begin`), `check` at the end with the same state; a hook that throws becomes an IAC002
 * finding and never sinks the review.
 */
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/core/config.js';
import { review } from '../../src/core/review.js';
import type { ProjectRule } from '../../src/api/rule.js';
import type { RuleMeta } from '../../src/api/types.js';

const meta: RuleMeta = {
  id: 'IAC999',
  name: 'hook-probe',
  title: 'Hook probe',
  category: 'Test',
  severity: 'warning',
  why: 'test',
  fix: 'test',
  badExample: 'x',
  goodExample: 'y',
  seed: { report: 'model-failures-tracking', section: 'test' },
};

const files = [
  { path: 'lib/a.py', content: 'a = 1\n', status: 'added' as const },
  { path: 'README.md', content: '# Notes\n\n```python\nb = 2\n```\n\n```python\nc = 3\n```\n', status: 'added' as const },
  { path: 'lib/data.json', content: '{}', status: 'added' as const },
];

function run(rule: ProjectRule<string[]>) {
  return review({ files, config: resolveConfig({}, ['IAC999']), mode: 'change', rules: [rule as ProjectRule], knownRuleIds: ['IAC999'] });
}

describe('project rule hooks', () => {
  it('begin once, visitFile per file with units while its trees are readable, check with the same state', () => {
    const calls: string[] = [];
    const result = run({
      meta,
      scope: 'project',
      begin(project) {
        calls.push(`begin ${project.files.length} files`);
        return [];
      },
      visitFile(file, state, context) {
        const names = file.units.map((unit) => unit.root.descendantsOfType('identifier')[0]?.text);
        state.push(`${file.path}: ${names.join(',')}`);
        const unit = file.units[0];
        if (unit) context.report({ unit, node: unit.root, message: `visited ${file.path}` });
      },
      check(project, context, state) {
        calls.push(`check ${state.join('; ')}`);
        expect(project.files).toHaveLength(3);
        context.report({ path: 'lib/a.py', span: { line: 1, column: 1, endLine: 1, endColumn: 2 }, message: 'checked' });
      },
    });
    expect(calls).toEqual(['begin 3 files', 'check lib/a.py: a; README.md: b,c']);
    expect(result.findings.map((finding) => `${finding.path}:${finding.line} ${finding.message}`).sort()).toEqual([
      'README.md:4 visited README.md',
      'lib/a.py:1 checked',
      'lib/a.py:1 visited lib/a.py',
    ]);
  });

  it('a begin that throws is reported once and its visitFile and check do not run', () => {
    const calls: string[] = [];
    const result = run({
      meta,
      scope: 'project',
      begin() {
        throw new Error('no state');
      },
      visitFile: () => void calls.push('visit'),
      check: () => void calls.push('check'),
    });
    expect(calls).toEqual([]);
    expect(result.findings.map((finding) => finding.message)).toEqual(['rule IAC999 (hook-probe) could not check the project: no state']);
  });

  it('a visitFile that throws is reported on that file; the other files and check still run', () => {
    const result = run({
      meta,
      scope: 'project',
      begin: () => [],
      visitFile(file, state) {
        if (file.path === 'lib/a.py') throw new Error('boom');
        state.push(file.path);
      },
      check(_project, context, state) {
        context.report({ path: 'README.md', span: { line: 1, column: 1, endLine: 1, endColumn: 2 }, message: `checked ${state.join(',')}` });
      },
    });
    expect(result.findings.map((finding) => `${finding.ruleId} ${finding.path} ${finding.message}`).sort()).toEqual([
      'IAC002 lib/a.py rule IAC999 (hook-probe) could not check this file: boom',
      'IAC999 README.md checked README.md',
    ]);
  });
});
