/**
 * The catalog's examples are code the rules judge (Ruff's and ESLint's docs promise the same):
 * each rule's bad example draws at least one finding of the rule, its good example none. The
 * examples are snippets, so a Python snippet without imports gets the stack module's usual ones.
 */
import { describe, expect, it } from 'vitest';
import { detectors } from '../checks/registry.js';
import type { Rule } from '../src/api/rule.js';
import { runCase } from './support/rule-tester.js';

const PYTHON_IMPORTS = 'import json\nimport pulumi\nimport pulumi_aws as aws\n';

/** TypeScript snippets: an `import`/`new`/`const` the Python ones never have. */
const isTypeScript = (code: string) => /^(import \* as |import \{|const )|\bnew [A-Z]/m.test(code);

function exampleCase(rule: Rule, code: string) {
  const files = Object.entries(rule.meta.example?.files ?? {}).map(([path, content]) => ({ path, content, status: 'added' as const }));
  const project = { ...rule.meta.example?.project };
  if (rule.meta.example?.examplesArePaths) return { code: '', path: code, project, files, mode: 'change' as const, status: 'added' as const };
  const path = rule.meta.example?.path ?? (isTypeScript(code) ? 'lib/tap-stack.ts' : 'lib/tap_stack.py');
  const python = path.endsWith('.py') && !/^\s*(import|from) /m.test(code);
  // After a module docstring, so the docstring stays the module's.
  const docstring = /^"""[\s\S]*?"""\n/.exec(code)?.[0] ?? '';
  const text = python ? `${docstring}${PYTHON_IMPORTS}\n${code.slice(docstring.length)}\n` : code;
  return { code: text, path, project, files, mode: 'change' as const, status: 'added' as const };
}

describe('catalog examples', () => {
  it.each(detectors.map((rule) => [rule.meta.id, rule] as const))('%s: the bad example draws the rule, the good one does not', (_id, rule) => {
    const bad = runCase(rule, exampleCase(rule, rule.meta.badExample));
    expect(bad.length, `bad example of ${rule.meta.id}`).toBeGreaterThan(0);
    const good = runCase(rule, exampleCase(rule, rule.meta.goodExample));
    expect(good.map((finding) => finding.message), `good example of ${rule.meta.id}`).toEqual([]);
  });
});
