/**
 * The Probot app: wires GitHub events to their handlers. `npm start` runs it with
 * `probot run ./dist/src/index.js`, configured by APP_ID, PRIVATE_KEY(_PATH), WEBHOOK_SECRET...
 * plus the queue and timeout settings in app/settings.ts.
 *
 * Handlers only queue reviews (app/reviewer.ts), so each delivery is acknowledged at once.
 * Every GitHub request made for an event gets the client-side timeout.
 */
import type { ApplicationFunctionOptions, Context, Probot } from 'probot';
import { MemoryGuard } from './app/memory-guard.js';
import { refusalMessage, unsafeStartReason } from './app/safe-start.js';
import { Reviewer } from './app/reviewer.js';
import { EnginePool } from './app/engine-pool.js';
import { appSettingsFromEnv, type AppSettings } from './app/settings.js';
import { applyRequestTimeout } from './github/request-timeout.js';
import { checkRunHandler, checkSuiteHandler } from './handlers/check-events.js';
import { healthHandler } from './handlers/health.js';
import { issueCommentHandler } from './handlers/issue-comment.js';
import { PULL_REQUEST_EVENTS, pullRequestHandler } from './handlers/pull-request.js';
import { TOOL_VERSION } from './core/version.js';

export interface IacReviewAppOptions {
  /** The reviewer (and its queue); tests keep it to await `idle()`. */
  reviewer?: Reviewer;
  /** Per-request GitHub timeout in milliseconds. */
  requestTimeoutMs?: number;
}

/** A reviewer with the queue and engine pool the settings ask for. */
function reviewerFor(settings: AppSettings): Reviewer {
  const pool = new EnginePool(settings.engine);
  return new Reviewer({
    concurrency: settings.concurrency,
    maxWaiting: settings.maxWaiting,
    treeCacheBytes: settings.treeCacheBytes,
    engine: (input, signal) => pool.review(input, signal),
  });
}

/** The app function with its own reviewer and settings (the default export reads them from the environment). */
export function createIacReviewApp(options: IacReviewAppOptions = {}): (app: Probot, appOptions?: Partial<ApplicationFunctionOptions>) => void {
  return (app, appOptions) => {
    const settings = appSettingsFromEnv();
    const reviewer = options.reviewer ?? reviewerFor(settings);
    const timeoutMs = options.requestTimeoutMs ?? settings.requestTimeoutMs;
    const withTimeout =
      <C extends Pick<Context, 'octokit'>>(handler: (context: C) => Promise<void>) =>
      (context: C): Promise<void> => {
        applyRequestTimeout(context.octokit, timeoutMs);
        return handler(context);
      };
    try {
      appOptions?.addHandler?.(healthHandler(TOOL_VERSION));
    } catch (error) {
      // Loaded without an HTTP server (e.g. `probot.load` in a script): no health endpoint needed.
      app.log.debug({ err: error }, 'health endpoint not registered');
    }
    app.on([...PULL_REQUEST_EVENTS], withTimeout(pullRequestHandler(reviewer)));
    app.on('issue_comment.created', withTimeout(issueCommentHandler(reviewer)));
    app.on('check_run.rerequested', withTimeout(checkRunHandler(reviewer)));
    app.on(['check_suite.requested', 'check_suite.rerequested'], withTimeout(checkSuiteHandler(reviewer)));
  };
}

/**
 * The app as `probot run` loads it, with the memory guard (app/memory-guard.ts). On SIGTERM (a deploy, `docker stop`) running reviews are
 * interrupted so their check runs complete as cancelled instead of staying in progress; the
 * process exits once they have, or after 8 s (Docker's grace period is 10 s).
 */
export default function iacReviewApp(app: Probot, options?: Partial<ApplicationFunctionOptions>): void {
  const unsafe = unsafeStartReason(process.env);
  if (unsafe) {
    // Before the server listens: no delivery is ever accepted with a guessable secret.
    process.stderr.write(`${refusalMessage(unsafe)}\n`);
    process.exit(1);
  }
  const settings = appSettingsFromEnv();
  const reviewer = reviewerFor(settings);
  createIacReviewApp({ reviewer, requestTimeoutMs: settings.requestTimeoutMs })(app, options);
  // Near the heap limit the newest review stops with a clear check run, before the process would run out of memory.
  new MemoryGuard((reading) => reviewer.relieveMemoryPressure(reading, app.log)).start();
  process.once('SIGTERM', () => {
    app.log.info('SIGTERM: interrupting running reviews before exiting');
    void reviewer.shutdown(app.log).finally(() => process.exit(0));
  });
}
