// @ts-check
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';
import regexp from 'eslint-plugin-regexp';

/**
 * Folder boundaries: each folder may import only the folders listed for it (and packages).
 * Bottom to top: syntax < markdown < aws < pulumi < api < python, typescript (front-ends, side by
 * side) < packaging < checks < core
 * < render, diff < github < app < handlers < src/index.ts; cli and docs sit on core and render.
 * The lists form no cycle, so folders cannot import each other in a circle.
 */
const FOLDERS = ['syntax', 'markdown', 'aws', 'pulumi', 'api', 'python', 'typescript', 'packaging', 'checks', 'core', 'render', 'diff', 'github', 'app', 'handlers', 'cli', 'docs', 'native'];
const ALLOWED = {
  syntax: [],
  markdown: ['syntax'],
  aws: ['syntax'],
  pulumi: ['syntax', 'aws'],
  api: ['syntax', 'pulumi'],
  python: ['syntax', 'markdown', 'aws', 'pulumi', 'api'],
  typescript: ['syntax', 'markdown', 'aws', 'pulumi', 'api'],
  packaging: ['syntax', 'aws', 'pulumi', 'api', 'python', 'typescript'],
  checks: ['syntax', 'markdown', 'aws', 'pulumi', 'api', 'python', 'typescript', 'packaging'],
  core: ['syntax', 'markdown', 'aws', 'pulumi', 'api', 'python', 'typescript', 'packaging', 'checks'],
  render: ['syntax', 'api', 'core'],
  diff: ['syntax', 'api'],
  github: ['syntax', 'api', 'core', 'render', 'diff'],
  app: ['syntax', 'api', 'core', 'render', 'diff', 'github'],
  handlers: ['api', 'core', 'app', 'github'],
  cli: ['syntax', 'api', 'core', 'render', 'diff', 'packaging'],
  docs: ['api', 'core'],
};
/** What the pure core (everything up to core/) must never reach: GitHub. */
const GITHUB = ['probot', '@octokit/*', 'octokit'];
const PURE = new Set(['syntax', 'markdown', 'aws', 'pulumi', 'api', 'python', 'typescript', 'packaging', 'checks', 'core']);
/** Engine internals a rule never touches: the engine works out copies, lifetimes and node objects. */
const ENGINE_INTERNALS = ['**/syntax/detached-node.js', '**/syntax/string-copies.js', '**/syntax/memo-table.js', '**/syntax/flat-node.js'];

function boundary(folder) {
  const forbidden = FOLDERS.filter((other) => other !== folder && !ALLOWED[folder].includes(other));
  const patterns = [
    {
      group: forbidden.flatMap((other) => (other === 'checks' ? ['**/checks/**', '../checks/*'] : [`**/src/${other}/**`, `../${other}/**`, `../../${other}/**`])),
      message: `src/${folder} sits below these folders in the layering (eslint.config.js): move the code or invert the dependency.`,
    },
  ];
  if (PURE.has(folder)) patterns.push({ group: GITHUB, message: 'The pure core must not depend on GitHub code.' });
  return patterns.filter((pattern) => pattern.group.length > 0);
}

export default tseslint.config(
  { ignores: ['dist/**', '.bench-build/**', 'node_modules/**', 'coverage/**', 'examples/**', 'test/bench/results/**'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  ...Object.keys(ALLOWED).map((folder) => ({
    files: [folder === 'checks' ? 'checks/**/*.ts' : `src/${folder}/**/*.ts`],
    rules: { 'no-restricted-imports': ['error', { patterns: boundary(folder) }] },
  })),
  {
    // Everything here reads text from the reviewed code: no pattern may backtrack super-linearly
    // on it, and no call may spread an array sized by it (past ~120,000 items the stack overflows).
    files: ['checks/**/*.ts', 'src/**/*.ts'],
    plugins: { regexp },
    rules: {
      'regexp/no-super-linear-backtracking': 'error',
      'regexp/no-super-linear-move': ['error', { ignorePartial: false, ignoreSticky: false }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name=/^(push|unshift|splice)$/] > SpreadElement, CallExpression[callee.object.name='Math'] > SpreadElement",
          message: 'A spread of an array sized by the input overflows the stack past ~120,000 items: loop instead.',
        },
        {
          selector: "CallExpression[callee.property.name='set'] > ArrayExpression > SpreadElement:first-child",
          message: 'map.set(key, [...old, item]) copies the list for every item added (quadratic): push onto the list the map holds.',
        },
      ],
    },
  },
  {
    files: ['checks/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...boundary('checks'),
            { group: ENGINE_INTERNALS, message: 'A rule reports nodes or model sites; the engine manages copies, lifetimes and node objects.' },
          ],
        },
      ],
    },
  },
);
