/* eslint-disable @typescript-eslint/no-explicit-any -- request bodies captured from nock are untyped JSON */
/**
 * Test support for the App: a Probot instance with a throwaway key (retry and throttling off),
 * webhook fixtures shaped like GitHub's, and nock interceptors for the review's API calls
 * (github-mock.ts). Deliveries only queue reviews; `deliver` awaits the queue's `idle()`, so a
 * test sees every review finished without sleeping.
 */
import { generateKeyPairSync } from 'node:crypto';
import type { Logger } from 'probot';
import { Probot, ProbotOctokit } from 'probot';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { Reviewer, type ReviewerSettings } from '../../src/app/reviewer.js';
import { createIacReviewApp } from '../../src/index.js';
import { WEBHOOK_SECRET, type GitHubMock } from './github-mock.js';

export * from './github-mock.js';

let privateKey: string | undefined;
/** A throwaway RSA key, generated once per test file and never written anywhere. */
export function testPrivateKey(): string {
  privateKey ??= generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
  }).privateKey;
  return privateKey;
}

export interface LogRecord {
  level: string;
  msg: string;
  data: unknown;
}

/** A pino-compatible logger that keeps records in memory, so tests can assert log lines. */
export function memoryLogger(records: LogRecord[] = []): Logger & { records: LogRecord[] } {
  const make = (): Logger => {
    const write = (level: string) => (data: unknown, msg?: string) => {
      records.push({ level, msg: typeof data === 'string' ? data : (msg ?? ''), data });
    };
    const logger = {
      level: 'trace',
      child: () => make(),
      trace: write('trace'),
      debug: write('debug'),
      info: write('info'),
      warn: write('warn'),
      error: write('error'),
      fatal: write('fatal'),
      silent: () => {},
      isLevelEnabled: () => true,
    };
    return logger as unknown as Logger;
  };
  return Object.assign(make(), { records });
}

/**
 * Retry and throttling off. The function form matters: Probot passes its own `throttle`
 * options to the constructor, which would override an object default's `enabled: false`
 * (and throttling then spaces write requests a second apart).
 */
export const TestOctokit = ProbotOctokit.defaults((options: Record<string, any>) => ({
  ...options,
  retry: { enabled: false },
  throttle: { ...options.throttle, enabled: false },
}));

export interface TestProbotOptions {
  /** Load the app into the probot (false when createNodeMiddleware loads it: use `testApp`). */
  loadApp?: boolean;
  /** Queue and review settings. */
  reviewer?: ReviewerSettings;
  /** The client-side GitHub timeout (ms); the default is the production one. */
  requestTimeoutMs?: number;
  /** Another octokit class (e.g. with retry enabled). */
  Octokit?: typeof ProbotOctokit;
}

const reviewers = new WeakMap<Probot, Reviewer>();

/** The app function bound to a fresh reviewer that `deliver` and `reviewerOf` find through `probot`. */
export function testApp(probot: Probot, options: TestProbotOptions = {}): ReturnType<typeof createIacReviewApp> {
  const reviewer = new Reviewer(options.reviewer);
  reviewers.set(probot, reviewer);
  return createIacReviewApp({ reviewer, ...(options.requestTimeoutMs ? { requestTimeoutMs: options.requestTimeoutMs } : {}) });
}

export function reviewerOf(probot: Probot): Reviewer {
  const reviewer = reviewers.get(probot);
  if (!reviewer) throw new Error('no reviewer: the app was not loaded through createTestProbot or testApp');
  return reviewer;
}

export async function createTestProbot(
  log = memoryLogger(),
  options: TestProbotOptions = {},
): Promise<{ probot: Probot; log: ReturnType<typeof memoryLogger>; reviewer: Reviewer | undefined }> {
  const probot = new Probot({
    appId: 123,
    privateKey: testPrivateKey(),
    secret: WEBHOOK_SECRET,
    log,
    Octokit: options.Octokit ?? TestOctokit,
  });
  if (options.loadApp ?? true) await probot.load(testApp(probot, options), { cwd: process.cwd(), addHandler: () => {} });
  return { probot, log, reviewer: reviewers.get(probot) };
}

export type EventName = 'pull_request' | 'issue_comment' | 'check_run' | 'check_suite';


/** Delivers an event and waits until every review it queued has finished. */
export async function deliver(probot: Probot, name: EventName, payload: Record<string, unknown>): Promise<void> {
  await receive(probot, name, payload);
  await reviewers.get(probot)?.idle();
}

/** Delivers an event and returns once the handlers have (the reviews they queued may still run). */
export async function receive(probot: Probot, name: EventName, payload: Record<string, unknown>): Promise<void> {
  await probot.receive({ id: `delivery-${Math.random().toString(16).slice(2)}`, name, payload } as never);
}


/**
 * nock for a test file: no real network, every request must match an interceptor, and each
 * test ends with no pending mocks (checked by `expectAllMocksUsed`).
 */
export function useNock(): { unmatched: string[] } {
  const unmatched: string[] = [];
  const record = (request: { method?: string; path?: string }) => unmatched.push(`${request.method} ${request.path}`);
  beforeAll(() => {
    nock.disableNetConnect();
    nock.emitter.on('no match', record);
  });
  afterAll(() => {
    nock.emitter.removeListener('no match', record);
    nock.enableNetConnect();
  });
  beforeEach(() => {
    unmatched.length = 0;
  });
  afterEach(() => {
    nock.cleanAll();
  });
  return { unmatched };
}

export function expectAllMocksUsed(mock: GitHubMock, unmatched: readonly string[]): void {
  expect(unmatched).toEqual([]);
  expect(nock.pendingMocks()).toEqual([]);
  expect(mock.scope.isDone()).toBe(true);
}
