/**
 * IAC701: a file added by the change outside the agreed layout (the seed's model created
 * test_integration.py when only test_tap_stack.py was asked for). Only applies to reviews of
 * a change; a plain scan has no notion of "added".
 */
import picomatch from 'picomatch';
import { CONFIG_PATH } from '../src/api/config-path.js';
import type { ModelRule } from '../src/api/rule.js';

export const fileOutsideAllowedStructure: ModelRule = {
  meta: {
    id: 'IAC701',
    name: 'file-outside-allowed-structure',
    title: 'File added outside the allowed structure',
    category: 'File Structure',
    severity: 'error',
    why: 'Generated answers that add files the task did not ask for (extra test suites, scratch scripts, copies) break the agreed layout and slip unreviewed code into the repository.',
    fix: 'Move the code into an allowed file or folder, or drop the file; if the layout really changed, add the path to `structure.allowed` in .github/iac-review.yml.',
    badExample: 'scripts/test_integration.py',
    goodExample: 'tests/integration/test_tap_stack.py',
    example: { examplesArePaths: true },
    seed: { report: 'model-failure-analysis', section: 'File Structure Non-Compliance' },
    languages: ['python', 'typescript'],
  },
  scope: 'model',
  project(project, context) {
    if (context.settings.mode !== 'change') return;
    const allowed = picomatch(context.settings.allowedStructure as string[], { dot: true });
    const shown = context.settings.allowedStructure.slice(0, 8).join(', ');
    for (const file of project.files) {
      if (file.status !== 'added' || file.path === CONFIG_PATH || allowed(file.path)) continue;
      const firstLine = file.text?.split(/\r?\n/, 1)[0] ?? '';
      context.report({
        path: file.path,
        span: { line: 1, column: 1, endLine: 1, endColumn: firstLine.length + 1 },
        snippet: file.path,
        message: `\`${file.path}\` was added outside the allowed structure (${shown}${context.settings.allowedStructure.length > 8 ? ', …' : ''}).`,
      });
    }
  },
};
