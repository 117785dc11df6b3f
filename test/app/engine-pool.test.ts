/**
 * The engine pool: reviews run in worker threads with this project's engine and give what the
 * engine gives in-process; deflated texts and whole byte buffers are moved, not copied; a
 * review past its deadline or heap limit is stopped naming the file it was on; an aborted
 * review (a newer push, shutdown) stops its worker; the pool keeps working after each.
 */
import { availableParallelism } from 'node:os';
import { afterAll, describe, expect, it } from 'vitest';
import { EnginePool, ReviewDeadlineError, ReviewHeapError } from '../../src/app/engine-pool.js';
import { lineFixesOf } from '../../src/app/line-fixes.js';
import { SupersededError } from '../../src/app/review-queue.js';
import { catalogIds, resolveConfig, reviewWithCatalog, type InputFile } from '../../src/core/index.js';
import { DeflatedText } from '../../src/syntax/stored-text.js';
import { slowFiles } from './slow-review.js';

const config = resolveConfig({}, catalogIds);
/** Starting a worker loads the whole engine (from TypeScript here): seconds on a busy machine. */
const WORKER_TEST_TIMEOUT_MS = 60_000;
const pools: EnginePool[] = [];
function pool(settings: ConstructorParameters<typeof EnginePool>[0] = {}): EnginePool {
  const created = new EnginePool(settings);
  pools.push(created);
  return created;
}

/** One pool for the tests that need no particular limits: its threads start once. */
const shared = pool();

afterAll(async () => {
  await Promise.all(pools.map((created) => created.close()));
});

const STACK = '"""Stack."""\nimport pulumi\nimport pulumi_aws as aws\n\nbucket = aws.s3.Bucket("logs", acl="public-read")\nprovider = aws.Provider("west", region="us-west-2")\n';
const RUNNER = '"""Runs code."""\n\n\ndef run(code):\n    """Runs it."""\n    exec(code)\n';
const PROJECT_TEXTS = new Map([['lib/AWS_REGION', 'us-east-1\n']]);

function inputs(): InputFile[] {
  return [
    { path: 'lib/tap_stack.py', content: DeflatedText.of(STACK) as DeflatedText, status: 'added' },
    { path: 'lib/runner.py', content: new TextEncoder().encode(RUNNER), status: 'modified' },
    { path: 'README.md', content: '# Stack\n\n```python\nexec(x)\n```\n', status: 'added' },
  ];
}

describe('the engine pool', () => {
  it('gives exactly what the engine gives in-process, with project files from the snapshot', async () => {
    const engines = shared;
    const inWorker = await engines.review({ files: inputs(), config, mode: 'change', project: { paths: ['lib/AWS_REGION', 'Pulumi.yaml'], texts: PROJECT_TEXTS } });
    const inProcess = reviewWithCatalog({ files: inputs(), config, mode: 'change', project: { paths: ['lib/AWS_REGION', 'Pulumi.yaml'], readFile: (path) => PROJECT_TEXTS.get(path) } });
    const { lineFixes, ...result } = inWorker;
    expect(result).toEqual(inProcess);
    // With the lines each finding's fix rewrites, worked out where the bytes are.
    expect(lineFixes).toEqual(lineFixesOf(inProcess.findings, inputs()));
    expect(lineFixes).toHaveLength(inProcess.findings.length);
    expect(inWorker.findings.map((finding) => finding.ruleId)).toEqual(expect.arrayContaining(['IAC304', 'IAC307']));
    expect(inWorker.settings).toMatchObject({ region: 'us-east-1', regionSource: 'lib/AWS_REGION' });
  }, WORKER_TEST_TIMEOUT_MS);

  it('moves whole buffers to the worker and copies views into shared ones', async () => {
    const deflated = DeflatedText.of(STACK) as DeflatedText;
    const whole = new TextEncoder().encode(RUNNER);
    const pooled = Buffer.from(RUNNER); // a view into Node's shared 8 KB pool: never moved
    expect(pooled.byteLength).toBeLessThan(pooled.buffer.byteLength);
    const files: InputFile[] = [
      { path: 'lib/a.py', content: deflated, status: 'added' },
      { path: 'lib/b.py', content: whole, status: 'added' },
      { path: 'lib/c.py', content: pooled, status: 'added' },
    ];
    const result = await shared.review({ files, config, mode: 'change' });
    expect(result.filesAnalyzed).toBe(3);
    expect(deflated.deflated.byteLength).toBe(0);
    expect(whole.byteLength).toBe(0);
    expect(pooled.toString()).toBe(RUNNER);
  }, WORKER_TEST_TIMEOUT_MS);

  it('stops a review at its deadline, naming the file, and carries on with the next', async () => {
    const engines = pool({ deadlineMs: 3000 });
    const started = performance.now();
    const error = await engines.review({ files: slowFiles(), config, mode: 'change' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ReviewDeadlineError);
    expect((error as ReviewDeadlineError).where).toMatch(/^while (reading|analysing) `lib\/slow_\d+\.py` \(file \d+ of 40\)$/);
    expect(performance.now() - started).toBeLessThan(30_000);
    const next = await engines.review({ files: inputs(), config, mode: 'change' });
    expect(next.filesAnalyzed).toBe(3);
  }, WORKER_TEST_TIMEOUT_MS);

  it('stops a review that outgrows the worker heap, naming the file, and carries on with the next', async () => {
    const engines = pool({ heapMb: 32 });
    const error = await engines.review({ files: slowFiles(), config, mode: 'change' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ReviewHeapError);
    expect((error as ReviewHeapError).message).toBe('the review needed more than its 32 MB of heap');
    expect((error as ReviewHeapError).where).toMatch(/`lib\/slow_\d+\.py`/);
    const next = await engines.review({ files: inputs(), config, mode: 'change' });
    expect(next.filesAnalyzed).toBe(3);
  }, WORKER_TEST_TIMEOUT_MS);

  it('an aborted review rejects with the abort reason and its worker stops', async () => {
    const engines = shared;
    const controller = new AbortController();
    const running = engines.review({ files: slowFiles(), config, mode: 'change' }, controller.signal);
    setTimeout(() => controller.abort(new SupersededError('9f3b2c1d4e5f60718293a4b5c6d7e8f901234567')), 200);
    await expect(running).rejects.toBeInstanceOf(SupersededError);
    const next = await engines.review({ files: inputs(), config, mode: 'change' });
    expect(next.filesAnalyzed).toBe(3);
  }, WORKER_TEST_TIMEOUT_MS);

  it('never runs more threads than the machine has cores', () => {
    expect(new EnginePool({ workers: 512 }).settings.workers).toBe(Math.min(512, availableParallelism()));
    expect(new EnginePool().settings.workers).toBe(Math.min(2, availableParallelism()));
  });
});
