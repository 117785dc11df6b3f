import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/bench/**', 'node_modules/**'],
    // Generous: corpus reviews take seconds alone, but a loaded machine (parallel CI jobs) stretches them.
    testTimeout: 60_000,
    pool: 'forks',
  },
});
