/**
 * A failure inside the review itself (here: the engine throwing) still completes the check
 * run, with a conclusion and a message; nothing stays in progress.
 */
import { describe, expect, it, vi } from 'vitest';
import { ParserUnavailableError } from '../../src/core/index.js';
import { createTestProbot, deliver, expectAllMocksUsed, fixture, GitHubMock, PROJECT_TREE, useNock, type PrFile } from './support.js';

const engine = vi.hoisted(() => ({ error: new Error('set by each test') as Error }));

vi.mock('../../src/core/index.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/core/index.js')>();
  return {
    ...original,
    reviewWithCatalogAsync: async () => {
      throw engine.error;
    },
  };
});

const { unmatched } = useNock();

async function reviewWhileTheEngineThrows(error: Error) {
  engine.error = error;
  const files: PrFile[] = [{ path: 'lib/tap_stack.py', status: 'added', content: 'import pulumi\n' }];
  const mock = new GitHubMock().token().config().createCheckRun().listFiles(files).blobsOf(files);
  mock.tree(PROJECT_TREE, ['lib/tap_stack.py']).updateCheckRun();
  const { probot } = await createTestProbot();
  await deliver(probot, 'pull_request', fixture('pull_request.opened'));
  expectAllMocksUsed(mock, unmatched);
  return mock.completion();
}

describe('the engine throwing', () => {
  it('completes the check run as failure with an explanation', async () => {
    const completion = await reviewWhileTheEngineThrows(new TypeError("Cannot read properties of undefined (reading 'childForFieldName')"));
    expect(completion).toMatchObject({ status: 'completed', conclusion: 'failure', output: { title: 'Review failed: internal error' } });
    expect(completion.output.summary).toMatch(/While running the detectors, Cannot read properties of undefined/);
  });

  it('says when the parser cannot run in this installation, and that the pull request is not at fault', async () => {
    const completion = await reviewWhileTheEngineThrows(new ParserUnavailableError("iac-review's parser addon (src/native/build/Release/flat_tree.node) cannot be loaded: invalid ELF header"));
    expect(completion).toMatchObject({ status: 'completed', conclusion: 'failure', output: { title: 'Review failed: the parser is not installed correctly' } });
    expect(completion.output.summary).toMatch(/cannot be loaded: invalid ELF header\. This is a fault of the App's installation, not of this pull request/);
  });
});
