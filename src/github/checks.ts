/**
 * The `iac-review` check run: created in progress on the head SHA, annotations sent 50 per
 * request, then completed. The name is stable so branch protection can require it.
 */
import type { CheckAnnotation } from '../render/annotations.js';
import type { CheckOutput, Conclusion } from '../render/markdown.js';
import type { GitHub, RepoRef } from './types.js';

export const CHECK_NAME = 'iac-review';

/**
 * What a completed run can say: the review's own conclusions, plus `cancelled` for a review a
 * newer push superseded (its commit is no longer the pull request's head) or the App's restart
 * interrupted, and `timed_out` for a review stopped at its deadline.
 */
export type CheckConclusion = Conclusion | 'cancelled' | 'timed_out';

export interface CheckRun {
  id: number;
  htmlUrl: string | undefined;
  /** The App that created it (GitHub says so in the answer): how the App knows its own runs. */
  appId?: number | undefined;
}

export async function createCheckRun(github: GitHub, repo: RepoRef, headSha: string, externalId?: string): Promise<CheckRun> {
  const { data } = await github.rest.checks.create({
    ...repo,
    name: CHECK_NAME,
    head_sha: headSha,
    status: 'in_progress',
    started_at: new Date().toISOString(),
    ...(externalId ? { external_id: externalId } : {}),
    output: { title: 'Reviewing…', summary: 'iac-review is reviewing the changed files of this commit.' },
  });
  return { id: data.id, htmlUrl: data.html_url ?? undefined, appId: data.app?.id };
}

/** Appends annotations while the run is still in progress (GitHub takes 50 per request). */
export async function addAnnotations(github: GitHub, repo: RepoRef, checkRunId: number, output: CheckOutput, annotations: CheckAnnotation[]): Promise<void> {
  await github.rest.checks.update({ ...repo, check_run_id: checkRunId, output: { ...output, annotations } });
}

export async function completeCheckRun(
  github: GitHub,
  repo: RepoRef,
  checkRunId: number,
  conclusion: CheckConclusion,
  output: CheckOutput,
  annotations: CheckAnnotation[] = [],
): Promise<void> {
  await github.rest.checks.update({
    ...repo,
    check_run_id: checkRunId,
    status: 'completed',
    conclusion,
    completed_at: new Date().toISOString(),
    output: annotations.length ? { ...output, annotations } : output,
  });
}

/** A check run created already completed (a commit the App could not take on). */
export async function createCompletedCheckRun(github: GitHub, repo: RepoRef, headSha: string, conclusion: CheckConclusion, output: CheckOutput): Promise<CheckRun> {
  const now = new Date().toISOString();
  const { data } = await github.rest.checks.create({
    ...repo,
    name: CHECK_NAME,
    head_sha: headSha,
    status: 'completed',
    conclusion,
    started_at: now,
    completed_at: now,
    output,
  });
  return { id: data.id, htmlUrl: data.html_url ?? undefined };
}

export interface RunningCheckRun {
  id: number;
  appId: number | undefined;
  startedAt: string | undefined;
}

/** The `iac-review` check runs still in progress on a commit, of any app. */
export async function listRunningCheckRuns(github: GitHub, repo: RepoRef, sha: string): Promise<RunningCheckRun[]> {
  const { data } = await github.rest.checks.listForRef({ ...repo, ref: sha, check_name: CHECK_NAME, status: 'in_progress', filter: 'all', per_page: 100 });
  return data.check_runs.map((run) => ({ id: run.id, appId: run.app?.id, startedAt: run.started_at ?? undefined }));
}

/** True when some `iac-review` check run already exists on the commit (any state). */
export async function hasCheckRun(github: GitHub, repo: RepoRef, headSha: string): Promise<boolean> {
  const { data } = await github.rest.checks.listForRef({ ...repo, ref: headSha, check_name: CHECK_NAME, filter: 'latest', per_page: 1 });
  return data.total_count > 0;
}
