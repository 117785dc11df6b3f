/**
 * A failure inside the review itself (here: the engine throwing, or its worker stopped at a
 * limit) still completes the check run, with a conclusion and a message; nothing stays in
 * progress. The engine is a stand-in that throws what the worker pool would.
 */
import { describe, expect, it } from 'vitest';
import { ReviewDeadlineError, ReviewHeapError } from '../../src/app/engine-pool.js';
import { ParserUnavailableError } from '../../src/core/index.js';
import { createTestProbot, deliver, expectAllMocksUsed, fixture, GitHubMock, PROJECT_TREE, useNock, type PrFile } from './support.js';

const { unmatched } = useNock();

async function reviewWhileTheEngineThrows(error: Error) {
  const files: PrFile[] = [{ path: 'lib/tap_stack.py', status: 'added', content: 'import pulumi\n' }];
  const mock = new GitHubMock().token().config().createCheckRun().listFiles(files).blobsOf(files);
  mock.tree(PROJECT_TREE, ['lib/tap_stack.py']).baseTree(PROJECT_TREE).updateCheckRun();
  const { probot } = await createTestProbot(undefined, {
    reviewer: {
      engine: async () => {
        throw error;
      },
    },
  });
  await deliver(probot, 'pull_request', fixture('pull_request.opened'));
  expectAllMocksUsed(mock, unmatched);
  return mock.completion();
}

const AT_FILE = { phase: 'analysing', path: 'lib/tap_stack.py', index: 0, total: 1 } as const;

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

  it('a review stopped at its deadline completes as timed_out, naming the file', async () => {
    const completion = await reviewWhileTheEngineThrows(new ReviewDeadlineError(120_000, AT_FILE));
    expect(completion).toMatchObject({ status: 'completed', conclusion: 'timed_out', output: { title: 'Not reviewed: stopped after 120 s while analysing `lib/tap_stack.py` (file 1 of 1)' } });
    expect(completion.output.summary).toMatch(/took longer than its 120 s limit and was stopped while analysing `lib\/tap_stack.py`.*IAC_REVIEW_DEADLINE_MS/s);
  });

  it('a review stopped at the worker heap limit fails, naming the file', async () => {
    const completion = await reviewWhileTheEngineThrows(new ReviewHeapError(512, AT_FILE));
    expect(completion).toMatchObject({ status: 'completed', conclusion: 'failure', output: { title: 'Not reviewed: out of memory while analysing `lib/tap_stack.py` (file 1 of 1)' } });
    expect(completion.output.summary).toMatch(/needed more than its 512 MB of heap.*IAC_REVIEW_WORKER_HEAP_MB/s);
  });
});
