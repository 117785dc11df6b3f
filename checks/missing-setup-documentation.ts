/**
 * IAC403: a change that adds or changes a Pulumi stack while no README says how to install,
 * deploy and test it. Only in change reviews (a scan has no notion of "adds or changes").
 *
 * A stack is `lib/*stack*.py`, `__main__.py`, `tap.py`, or any reviewed non-test .py file that
 * creates Pulumi resources. The READMEs read are README(.md|.rst|.txt) in the root and in lib/,
 * together. "Says how" means a command, not prose:
 * - install: `pip install`, `python -m pip install`, `pipenv install`, `poetry install`,
 *   `uv sync` / `uv pip install`, `conda install`, `make install`;
 * - deploy: `pulumi up` (or `pulumi update`), or a `deploy` script run through make, pipenv,
 *   poetry, uv or npm;
 * - test: `pytest`, `python -m unittest`, `tox`, `nox`, or a `test` script run through make,
 *   pipenv, poetry, uv or npm.
 * A README that exists but is not available to the review is given the benefit of the doubt.
 */
import type { ProjectRule, ReviewedFile } from '../src/api/rule.js';
import { isTestPath, languageOf } from '../src/python/units.js';
import { resourceCalls } from '../src/python/pulumi.js';

const README = /^(lib\/)?readme(\.(md|markdown|rst|txt))?$/i;
const RUNNER = String.raw`(?:make|pipenv\s+run|poetry\s+run|uv\s+run|npm\s+run|npm)`;

const STEPS: { step: string; commands: string; patterns: RegExp[] }[] = [
  {
    step: 'install',
    commands: '`pip install -r requirements.txt` or `pipenv install`',
    patterns: [/\b(pip3?|pipenv|poetry|conda)\s+install\b/i, /\bpython3?\s+-m\s+pip\s+install\b/i, /\buv\s+(sync|pip\s+install|add)\b/i, /\bmake\s+install\b/i],
  },
  {
    step: 'deploy',
    commands: '`pulumi up`',
    patterns: [/\bpulumi\s+(up|update)\b/i, new RegExp(String.raw`\b${RUNNER}\s+deploy\b`, 'i')],
  },
  {
    step: 'test',
    commands: '`pytest`',
    patterns: [/\bpytest\b/i, /\bpython3?\s+-m\s+unittest\b/i, /\b(tox|nox)\b/i, new RegExp(String.raw`\b${RUNNER}\s+test`, 'i')],
  },
];

function isStack(file: ReviewedFile): boolean {
  if (languageOf(file.path) !== 'python' || isTestPath(file.path)) return false;
  if (/(^|\/)lib\/[^/]*stack[^/]*\.py$/i.test(file.path) || /(^|\/)(__main__|tap)\.py$/.test(file.path)) return true;
  const unit = file.units[0];
  return unit !== undefined && resourceCalls(unit.root, unit.imports).length > 0;
}

export const missingSetupDocumentation: ProjectRule<ReviewedFile[]> = {
  meta: {
    id: 'IAC403',
    name: 'missing-setup-documentation',
    title: 'Missing setup documentation',
    category: 'Documentation',
    severity: 'notice',
    why: 'Without install, deploy and test steps the next person cannot run the stack: which requirements file, which stack and config, and how the tests are run are all guesses.',
    fix: 'Add a README.md (root or lib/) with the commands: `pip install -r requirements.txt` (or pipenv), `pulumi stack select <stack>` and `pulumi up`, and `python -m pytest tests/`.',
    badExample: '(a change adding lib/tap_stack.py with no README, or a README that only describes the architecture)',
    goodExample: '## Install\n\npip install -r requirements.txt\n\n## Deploy\n\npulumi up\n\n## Test\n\npython -m pytest tests/unit',
    seed: { report: 'model-failures-tracking', section: 'Incomplete Documentation' },
  },
  scope: 'project',
  begin: () => [],
  // Whether a changed file is a stack is read while its tree is fresh.
  visitFile(file, stacks, context) {
    if (context.settings.mode === 'change' && file.status !== 'unchanged' && isStack(file)) stacks.push(file);
  },
  check(project, context, changedStacks) {
    if (context.settings.mode !== 'change') return;
    // Files without units (not parsed: binary, too big) are never visited; their path may still say "stack".
    const unparsed = project.files.filter((file) => file.units.length === 0 && file.status !== 'unchanged' && isStack(file));
    const stacks = [...changedStacks, ...unparsed].sort((a, b) => a.path.localeCompare(b.path));
    const stack = stacks[0];
    if (!stack) return;
    const readmes = [...new Set([...project.paths, ...project.files.map((file) => file.path)])].filter((path) => README.test(path)).sort();
    const texts = readmes.map((path) => project.readFile(path));
    if (texts.some((text) => text === undefined)) return;
    const documentation = texts.join('\n');
    const missing = readmes.length === 0 ? STEPS : STEPS.filter(({ patterns }) => !patterns.some((pattern) => pattern.test(documentation)));
    if (missing.length === 0) return;
    const firstLine = stack.text?.split(/\r?\n/, 1)[0] ?? '';
    const others = stacks.length > 1 ? ` (and ${stacks.length - 1} other stack file${stacks.length > 2 ? 's' : ''})` : '';
    const message =
      readmes.length === 0
        ? `This change adds or changes the stack \`${stack.path}\`${others}, but the project has no README (README.md or lib/README.md) saying how to install, deploy and test it.`
        : `${readmes.join(' and ')} ${readmes.length > 1 ? 'do' : 'does'} not say how to ${missing.map(({ step }) => step).join(', ').replace(/, ([^,]*)$/, ' and $1')} the stack \`${stack.path}\`${others}: no ${missing.map(({ commands }) => commands).join(', no ')}.`;
    context.report({ path: stack.path, span: { line: 1, column: 1, endLine: 1, endColumn: firstLine.length + 1 }, snippet: firstLine || stack.path, message });
  },
};
