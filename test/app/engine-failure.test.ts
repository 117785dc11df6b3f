/**
 * A failure inside the review itself (here: the engine throwing) still completes the check
 * run, with a conclusion and a message; nothing stays in progress.
 */
import { describe, expect, it, vi } from 'vitest';
import { createTestProbot, deliver, expectAllMocksUsed, fixture, GitHubMock, PROJECT_TREE, useNock, type PrFile } from './support.js';

vi.mock('../../src/engine/index.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/engine/index.js')>();
  return {
    ...original,
    reviewWithCatalogAsync: async () => {
      throw new TypeError("Cannot read properties of undefined (reading 'childForFieldName')");
    },
  };
});

const { unmatched } = useNock();

describe('the engine throwing', () => {
  it('completes the check run as failure with an explanation', async () => {
    const files: PrFile[] = [{ path: 'lib/tap_stack.py', status: 'added', content: 'import pulumi\n' }];
    const mock = new GitHubMock().token().config().createCheckRun().listFiles(files).blobsOf(files);
    mock.tree(PROJECT_TREE, ['lib/tap_stack.py']).updateCheckRun();
    const { probot } = await createTestProbot();
    await deliver(probot, 'pull_request', fixture('pull_request.opened'));
    expectAllMocksUsed(mock, unmatched);
    expect(mock.completion()).toMatchObject({ status: 'completed', conclusion: 'failure', output: { title: 'Review failed: internal error' } });
    expect(mock.completion().output.summary).toMatch(/While running the detectors, Cannot read properties of undefined/);
  });
});
