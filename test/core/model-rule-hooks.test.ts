/**
 * The engine's contract with a rule's hooks: `begin` once per review, the unit visitors per
 * unit of their language while its tree is fresh (`unit:exit` last), `project` at the end with
 * the same state; a hook that throws becomes an IAC002 finding and never sinks the review.
 */
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/core/config.js';
import { review } from '../../src/core/review.js';
import type { ModelRule } from '../../src/api/rule.js';
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
  { path: 'README.md', content: '# Notes\n\n```python\nb = 2\n```\n\n```typescript\nconst c = 3;\n```\n', status: 'added' as const },
  { path: 'lib/data.json', content: '{}', status: 'added' as const },
];

function run(rule: ModelRule<string[]>) {
  return review({ files, config: resolveConfig({}, ['IAC999']), mode: 'change', rules: [rule], knownRuleIds: ['IAC999'] });
}

const summary = (findings: { ruleId: string; path: string; line: number; message: string }[]) => findings.map((finding) => `${finding.ruleId} ${finding.path}:${finding.line} ${finding.message}`).sort();

describe('model rule hooks', () => {
  it('begin once, visitors per unit of their language, project at the end with the same state', () => {
    const calls: string[] = [];
    const result = run({
      meta,
      scope: 'model',
      begin(project) {
        calls.push(`begin ${project.files.length} files`);
        return [];
      },
      visitors: {
        python: ({ unit, state, report }) => ({
          identifier: (node) => void state.push(`python ${unit.path} ${node.text}`),
          'unit:exit': () => report({ node: unit.root, message: `visited ${unit.path}` }),
        }),
        typescript: ({ unit, state }) => ({ identifier: (node) => void state.push(`typescript ${unit.path} ${node.text}`) }),
      },
      project(project, context) {
        calls.push(`project ${context.state.join('; ')}`);
        expect(project.files).toHaveLength(3);
        context.report({ path: 'lib/a.py', span: { line: 1, column: 1, endLine: 1, endColumn: 2 }, message: 'judged' });
      },
    });
    expect(calls).toEqual(['begin 3 files', 'project python lib/a.py a; python README.md b; typescript README.md c']);
    expect(summary(result.findings)).toEqual(['IAC999 README.md:4 visited README.md', 'IAC999 lib/a.py:1 judged', 'IAC999 lib/a.py:1 visited lib/a.py']);
  });

  it('a begin that throws is reported once and the rule\'s other hooks do not run', () => {
    const calls: string[] = [];
    const result = run({
      meta,
      scope: 'model',
      begin() {
        throw new Error('no state');
      },
      visitors: { python: () => ({ 'unit:exit': () => void calls.push('visit') }) },
      project: () => void calls.push('project'),
    });
    expect(calls).toEqual([]);
    expect(result.findings.map((finding) => finding.message)).toEqual(['rule IAC999 (hook-probe) could not check the project: no state']);
  });

  it('a visitor that throws is reported on that file; the other files and the project judgement still run', () => {
    const result = run({
      meta,
      scope: 'model',
      begin: () => [],
      visitors: {
        python: ({ unit, state }) => ({
          'unit:exit'() {
            if (unit.path === 'lib/a.py') throw new Error('boom');
            state.push(unit.path);
          },
        }),
      },
      project(_project, context) {
        context.report({ path: 'README.md', span: { line: 1, column: 1, endLine: 1, endColumn: 2 }, message: `judged ${context.state.join(',')}` });
      },
    });
    expect(summary(result.findings)).toEqual(['IAC002 lib/a.py:1 rule IAC999 (hook-probe) could not check this file: boom', 'IAC999 README.md:1 judged README.md']);
  });
});
