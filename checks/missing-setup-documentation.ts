/**
 * IAC403: a change that adds or changes a Pulumi stack while no README says how to install,
 * deploy and test it. Only in change reviews (a scan has no notion of "adds or changes").
 *
 * A stack is a file whose path says so (`lib/*stack*.py|ts`, `__main__.py`, `tap.py`,
 * `bin/tap.ts`, `index.ts`), or any reviewed non-test file of a project program that creates
 * Pulumi resources (read from the program model, so both languages). The READMEs read are
 * README(.md|.rst|.txt) in the root and in lib/, together. "Says how" means a command, not prose:
 * - install: `pip install`, `python -m pip install`, `pipenv install`, `poetry install`,
 *   `uv sync` / `uv pip install`, `conda install`, `make install`; `npm install`/`npm ci`,
 *   `yarn install`, `pnpm install`;
 * - deploy: `pulumi up` (or `pulumi update`), or a `deploy` script run through make, pipenv,
 *   poetry, uv, npm, yarn or pnpm;
 * - test: `pytest`, `python -m unittest`, `tox`, `nox`, `jest`, `mocha`, `vitest`, or a `test`
 *   script run through make, pipenv, poetry, uv, npm, yarn or pnpm.
 * The commands suggested follow the stack's language.
 * A README that exists but is not available to the review is given the benefit of the doubt.
 */
import type { ModelRule, ReviewedFile } from '../src/api/rule.js';
import { languageOf } from '../src/syntax/source-unit.js';
import { isTestPath } from '../src/python/units.js';
import { isTypeScriptTestPath } from '../src/typescript/units.js';

const README = /^(lib\/)?readme(\.(md|markdown|rst|txt))?$/i;
const RUNNER = String.raw`(?:make|pipenv\s+run|poetry\s+run|uv\s+run|npm\s+run|npm|yarn|pnpm)`;

type StackLanguage = 'python' | 'typescript';

const STEPS: { step: string; commands: Record<StackLanguage, string>; patterns: RegExp[] }[] = [
  {
    step: 'install',
    commands: { python: '`pip install -r requirements.txt` or `pipenv install`', typescript: '`npm ci` or `npm install`' },
    patterns: [
      /\b(pip3?|pipenv|poetry|conda)\s+install\b/i,
      /\bpython3?\s+-m\s+pip\s+install\b/i,
      /\buv\s+(sync|pip\s+install|add)\b/i,
      /\bmake\s+install\b/i,
      /\b(npm|pnpm|yarn)\s+(install|ci|i)\b/i,
    ],
  },
  {
    step: 'deploy',
    commands: { python: '`pulumi up`', typescript: '`pulumi up`' },
    patterns: [/\bpulumi\s+(up|update)\b/i, new RegExp(String.raw`\b${RUNNER}\s+deploy\b`, 'i')],
  },
  {
    step: 'test',
    commands: { python: '`pytest`', typescript: '`npm test`' },
    patterns: [/\bpytest\b/i, /\bpython3?\s+-m\s+unittest\b/i, /\b(tox|nox|jest|mocha|vitest)\b/i, new RegExp(String.raw`\b${RUNNER}\s+(run\s+)?test`, 'i')],
  },
];

const STACK_PATHS: Record<StackLanguage, RegExp[]> = {
  python: [/(^|\/)lib\/[^/]*stack[^/]*\.py$/i, /(^|\/)(__main__|tap)\.py$/],
  typescript: [/(^|\/)lib\/[^/]*stack[^/]*\.ts$/i, /(^|\/)bin\/tap\.ts$/, /^index\.ts$/],
};

function stackLanguage(path: string): StackLanguage | undefined {
  const language = languageOf(path);
  if (language === 'python') return isTestPath(path) ? undefined : 'python';
  if (language === 'typescript') return isTypeScriptTestPath(path) ? undefined : 'typescript';
  return undefined;
}

function isChanged(file: ReviewedFile): boolean {
  return file.status !== 'unchanged';
}

export const missingSetupDocumentation: ModelRule<{ resourceFiles: Set<string> }> = {
  meta: {
    id: 'IAC403',
    name: 'missing-setup-documentation',
    title: 'Missing setup documentation',
    category: 'Documentation',
    severity: 'notice',
    why: 'Without install, deploy and test steps the next person cannot run the stack: which requirements file, which stack and config, and how the tests are run are all guesses.',
    fix: 'Add a README.md (root or lib/) with the commands: `pip install -r requirements.txt` (or pipenv; `npm ci` for TypeScript), `pulumi stack select <stack>` and `pulumi up`, and `python -m pytest tests/` (`npm test`).',
    badExample: '# TAP stack\n\nA VPC with two subnets and an API Lambda in us-east-1.',
    goodExample: '## Install\n\npip install -r requirements.txt\n\n## Deploy\n\npulumi up\n\n## Test\n\npython -m pytest tests/unit',
    example: { path: 'README.md', files: { 'lib/tap_stack.py': 'import pulumi_aws as aws\n\nlogs = aws.s3.Bucket("logs")\n' } },
    seed: { report: 'model-failures-tracking', section: 'Incomplete Documentation' },
    languages: ['python', 'typescript'],
  },
  scope: 'model',
  begin: () => ({ resourceFiles: new Set<string>() }),
  // Files of a project program that create resources (a Markdown answer is not a stack file).
  program(model, { state }) {
    if (model.kind !== 'project') return;
    for (const resource of model.resources) state.resourceFiles.add(resource.site.path);
  },
  project(project, context) {
    if (context.settings.mode !== 'change') return;
    const isStack = (file: ReviewedFile) => {
      const language = stackLanguage(file.path);
      return language !== undefined && (context.state.resourceFiles.has(file.path) || STACK_PATHS[language].some((pattern) => pattern.test(file.path)));
    };
    const stacks = project.files.filter((file) => isChanged(file) && isStack(file)).sort((a, b) => a.path.localeCompare(b.path));
    const stack = stacks[0];
    if (!stack) return;
    const language = stackLanguage(stack.path) ?? 'python';
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
        : `${readmes.join(' and ')} ${readmes.length > 1 ? 'do' : 'does'} not say how to ${missing.map(({ step }) => step).join(', ').replace(/, ([^,]*)$/, ' and $1')} the stack \`${stack.path}\`${others}: no ${missing.map(({ commands }) => commands[language]).join(', no ')}.`;
    context.report({ path: stack.path, span: { line: 1, column: 1, endLine: 1, endColumn: firstLine.length + 1 }, snippet: firstLine || stack.path, message });
  },
};
