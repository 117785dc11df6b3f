// @ts-check
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', '.bench-build/**', 'node_modules/**', 'coverage/**', 'examples/**', 'test/bench/results/**'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Probot, octokit and the checks must not leak into the pure core.
      'no-restricted-imports': 'off',
    },
  },
  {
    files: ['checks/**/*.ts', 'src/engine/**/*.ts', 'src/python/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['probot', '@octokit/*', 'octokit', '**/github/**', '**/app/**'], message: 'The pure core must not depend on GitHub code.' }] },
      ],
    },
  },
);
