/**
 * Orphaned check runs: a crash or SIGKILL mid-review leaves its `iac-review` run in progress
 * for good, since the process that would complete it is gone (SIGTERM is handled: index.ts).
 * When the App next reviews that pull request, it looks on the commits concerned (the head, and
 * the previous head after a push) for its own runs still in progress that no review of this
 * process is carrying out, and completes them as cancelled, "Interrupted: iac-review stopped
 * before finishing". Runs of other apps with the same name are left alone.
 */
import type { Logger } from 'probot';
import { completeCheckRun, listRunningCheckRuns } from '../github/checks.js';
import type { GitHub, RepoRef } from '../github/types.js';
import { orphanedOutput } from './failure-output.js';

/**
 * Completes this App's in-progress `iac-review` runs on `shas` that are not in `tracked`.
 * Never throws: a run it cannot complete is logged, and the review goes on. Returns the IDs completed.
 */
export async function completeOrphanedRuns(github: GitHub, repo: RepoRef, shas: readonly string[], appId: number | undefined, tracked: ReadonlySet<number>, log: Logger): Promise<number[]> {
  // Without our own app ID (GitHub did not say) another app's run could not be told apart.
  if (appId === undefined) return [];
  const completed: number[] = [];
  for (const sha of new Set(shas)) {
    try {
      const orphans = (await listRunningCheckRuns(github, repo, sha)).filter((run) => run.appId === appId && !tracked.has(run.id));
      for (const run of orphans) {
        await completeCheckRun(github, repo, run.id, 'cancelled', orphanedOutput(run.startedAt));
        completed.push(run.id);
        log.warn({ checkRun: run.id, sha, startedAt: run.startedAt }, 'orphaned iac-review check run completed as interrupted');
      }
    } catch (error) {
      log.warn({ err: error, sha }, 'could not look for or complete orphaned iac-review check runs');
    }
  }
  return completed;
}
