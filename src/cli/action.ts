/**
 * The GitHub Action (action.yml at the repository root): what GitHub gives a workflow step,
 * turned into an `iac-review diff` run in the workflow's checkout. The event payload
 * (GITHUB_EVENT_PATH) names the base and head commits, the step's inputs arrive as INPUT_*
 * variables, and the step's outputs go to the GITHUB_OUTPUT file. The review itself is the CLI's:
 * same flags, configuration file (read at the base), annotations (`--format github` workflow
 * commands) and exit status (0 pass, 1 findings at fail-on, 2 usage or internal error).
 */
import { appendFileSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Severity } from '../api/types.js';
import { CONFIG_PATH } from '../core/index.js';
import { commitProjectSource, GitError, repositoryRoot, resolveCommit } from './git-diff.js';
import { FORMATS, type Format } from './output.js';
import { loadConfig } from './scan-target.js';

export type ActionEnvironment = Readonly<Record<string, string | undefined>>;

/** A problem with the step's setup (event, inputs, checkout): exit 2 with an error annotation. */
export class ActionError extends Error {}

export interface ActionInputs {
  config: string;
  format: Format;
  failOn: Severity | '';
  newOnly: 'true' | 'false' | '';
  sarifFile: string;
  base: string;
  head: string;
}

/** The step's inputs: action.yml passes each one as INPUT_<NAME> (upper case, `-` as `_`). */
export function actionInputs(env: ActionEnvironment): ActionInputs {
  const input = (name: string): string => (env[`INPUT_${name.toUpperCase().replace(/-/g, '_')}`] ?? '').trim();
  const oneOf = <T extends string>(name: string, allowed: readonly T[]): T => {
    const value = input(name);
    if (!(allowed as readonly string[]).includes(value)) throw new ActionError(`input ${name}: "${value}" is not one of ${allowed.filter(Boolean).join(', ')}`);
    return value as T;
  };
  return {
    config: input('config'),
    format: oneOf('format', ['', ...FORMATS]) || 'github',
    failOn: oneOf('fail-on', ['', 'error', 'warning', 'notice'] as const),
    newOnly: oneOf('new-only', ['', 'true', 'false'] as const),
    sarifFile: input('sarif-file'),
    base: input('base'),
    head: input('head'),
  };
}

interface EventPayload {
  pull_request?: { base?: { sha?: string }; head?: { sha?: string } };
  merge_group?: { base_sha?: string; head_sha?: string };
  before?: string;
  after?: string;
}

const NO_COMMIT = /^0+$/;

/** The base and head commits of the change the workflow runs for: the inputs, else the event's. */
export function changeOf(env: ActionEnvironment, inputs: Pick<ActionInputs, 'base' | 'head'>): { base: string; head: string } {
  let event: EventPayload = {};
  const eventName = env.GITHUB_EVENT_NAME ?? 'unknown';
  if (!inputs.base || !inputs.head) {
    if (!env.GITHUB_EVENT_PATH) throw new ActionError('GITHUB_EVENT_PATH is not set: run this in a GitHub Actions workflow, or set the base and head inputs');
    event = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as EventPayload;
  }
  const fromEvent = event.pull_request
    ? { base: event.pull_request.base?.sha, head: event.pull_request.head?.sha }
    : event.merge_group
      ? { base: event.merge_group.base_sha, head: event.merge_group.head_sha }
      : { base: event.before && !NO_COMMIT.test(event.before) ? event.before : undefined, head: event.after ?? env.GITHUB_SHA };
  const base = inputs.base || fromEvent.base;
  const head = inputs.head || fromEvent.head;
  if (!base || !head) {
    throw new ActionError(`the ${eventName} event names no base commit to compare with: run on pull_request (or merge_group, push to an existing branch), or set the base input`);
  }
  return { base, head };
}

/** new-only left empty: `review.new_only` of the configuration at the base, else on (as in the App). */
function newOnlyByDefault(root: string, base: string, config: string): boolean {
  try {
    const source = commitProjectSource(root, base);
    return loadConfig(config ? resolve(root, config) : undefined, () => source.readFile(CONFIG_PATH), `${CONFIG_PATH} at ${base}`).newOnly ?? true;
  } catch {
    return true; // An unreadable or invalid configuration: the CLI reports it (exit 2).
  }
}

export interface ActionPlan {
  /** The repository's root in the checkout; the CLI runs there. */
  root: string;
  base: string;
  head: string;
  /** The CLI's arguments after `iac-review`. */
  args: string[];
  /** Where the SARIF report is written, absolute; undefined when not asked for. */
  sarifFile: string | undefined;
}

export function planAction(env: ActionEnvironment): ActionPlan {
  const inputs = actionInputs(env);
  const { base, head } = changeOf(env, inputs);
  const workspace = env.GITHUB_WORKSPACE;
  if (!workspace) throw new ActionError('GITHUB_WORKSPACE is not set: run this in a GitHub Actions workflow');
  let root: string;
  try {
    root = repositoryRoot(workspace);
  } catch {
    throw new ActionError(`${workspace} is not a git checkout: check the repository out first (actions/checkout with fetch-depth: 0)`);
  }
  for (const [name, sha] of [['base', base], ['head', head]] as const) {
    try {
      resolveCommit(root, sha);
    } catch (error) {
      if (!(error instanceof GitError)) throw error;
      throw new ActionError(`the ${name} commit ${sha} is not in the checkout: check out with actions/checkout and fetch-depth: 0, so the base and head commits are both there`);
    }
  }
  const sarifFile = inputs.sarifFile ? resolve(workspace, inputs.sarifFile) : undefined;
  const newOnly = inputs.newOnly ? inputs.newOnly === 'true' : newOnlyByDefault(root, base, inputs.config);
  const args = [
    'diff',
    '--base',
    base,
    '--head',
    head,
    '--format',
    inputs.format,
    newOnly ? '--new-only' : '--no-new-only',
    ...(inputs.config ? ['--config', resolve(workspace, inputs.config)] : []),
    ...(inputs.failOn ? ['--fail-on', inputs.failOn] : []),
    ...(sarifFile ? ['--sarif-output', sarifFile] : []),
  ];
  return { root, base, head, args, sarifFile };
}

/** Appends the step's outputs to the GITHUB_OUTPUT file (name=value lines). */
export function writeOutputs(env: ActionEnvironment, outputs: Record<string, string>): void {
  if (!env.GITHUB_OUTPUT) return;
  appendFileSync(env.GITHUB_OUTPUT, Object.entries(outputs).map(([name, value]) => `${name}=${value.replace(/[\r\n]/g, ' ')}\n`).join(''));
}

/** An error as a workflow command: an annotation on the run, not just a log line. */
export function errorCommand(message: string): string {
  return `::error title=iac-review::${message.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')}\n`;
}
