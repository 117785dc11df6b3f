/**
 * The Probot app: wires GitHub events to their handlers. `npm start` runs it with
 * `probot run ./dist/src/index.js`, configured by APP_ID, PRIVATE_KEY(_PATH), WEBHOOK_SECRET...
 */
import type { ApplicationFunctionOptions, Probot } from 'probot';
import { Reviewer } from './app/reviewer.js';
import { checkRunHandler, checkSuiteHandler } from './handlers/check-events.js';
import { healthHandler } from './handlers/health.js';
import { issueCommentHandler } from './handlers/issue-comment.js';
import { PULL_REQUEST_EVENTS, pullRequestHandler } from './handlers/pull-request.js';
import { TOOL_VERSION } from './version.js';

export default function iacReviewApp(app: Probot, options?: Partial<ApplicationFunctionOptions>): void {
  const reviewer = new Reviewer();
  try {
    options?.addHandler?.(healthHandler(TOOL_VERSION));
  } catch (error) {
    // Loaded without an HTTP server (e.g. `probot.load` in a script): no health endpoint needed.
    app.log.debug({ err: error }, 'health endpoint not registered');
  }
  app.on([...PULL_REQUEST_EVENTS], pullRequestHandler(reviewer));
  app.on('issue_comment.created', issueCommentHandler(reviewer));
  app.on('check_run.rerequested', checkRunHandler(reviewer));
  app.on(['check_suite.requested', 'check_suite.rerequested'], checkSuiteHandler(reviewer));
}
