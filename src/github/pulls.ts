/**
 * Pull requests: their changed files, review comments already posted, new reviews, and the
 * one summary comment per pull request.
 */
import { changedLines, type ChangedLines } from '../diff/changed-lines.js';
import { fingerprintsIn } from '../render/review-comment.js';
import { SUMMARY_COMMENT_MARKER } from '../render/markdown.js';
import type { GitHub, RepoRef } from './types.js';

/**
 * Requests that create comments are not retried automatically: a 5xx or a timeout does not
 * prove GitHub dropped the request, and a blind retry could post the same comments twice.
 * The findings go to the summary instead, and the next run's fingerprints see what landed.
 */
const NO_RETRY = { request: { retries: 0 } };

/** GitHub lists at most 3,000 files of a pull request. */
export const MAX_LISTED_FILES = 3000;

export type GitHubFileStatus = 'added' | 'removed' | 'modified' | 'renamed' | 'copied' | 'changed' | 'unchanged';

export interface ChangedFile {
  path: string;
  previousPath: string | undefined;
  status: GitHubFileStatus;
  /** Blob SHA of the head version. */
  sha: string;
  /**
   * The lines the patch adds, read when the file is listed; undefined when GitHub sent no patch
   * (binary files, very large diffs). The patch text itself is not kept: for an added file it
   * is the whole file again.
   */
  diff: ChangedLines | undefined;
  additions: number;
  deletions: number;
  changes: number;
}

export async function listChangedFiles(github: GitHub, repo: RepoRef, pullNumber: number): Promise<ChangedFile[]> {
  const files = await github.paginate(github.rest.pulls.listFiles, { ...repo, pull_number: pullNumber, per_page: 100 });
  return files.map((file) => ({
    path: file.filename,
    previousPath: file.previous_filename ?? undefined,
    status: file.status,
    sha: file.sha ?? '',
    diff: file.patch ? changedLines(file.patch) : undefined,
    additions: file.additions,
    deletions: file.deletions,
    changes: file.changes,
  }));
}

export interface PullRequestInfo {
  number: number;
  headSha: string;
  /** The base branch's commit the pull request is compared with: what the review demands is read there. */
  baseSha: string;
  state: string;
  draft: boolean;
}

export async function getPullRequest(github: GitHub, repo: RepoRef, pullNumber: number): Promise<PullRequestInfo> {
  const { data } = await github.rest.pulls.get({ ...repo, pull_number: pullNumber });
  return { number: data.number, headSha: data.head.sha, baseSha: data.base.sha, state: data.state, draft: data.draft ?? false };
}

/**
 * Open pull requests whose head is `sha`. Used when a check event carries no pull requests
 * (GitHub leaves `pull_requests` empty for forks).
 */
export async function findOpenPullRequestsForSha(github: GitHub, repo: RepoRef, sha: string): Promise<number[]> {
  const numbers: number[] = [];
  for await (const page of github.paginate.iterator(github.rest.pulls.list, { ...repo, state: 'open', per_page: 100 })) {
    for (const pull of page.data) if (pull.head.sha === sha) numbers.push(pull.number);
  }
  return numbers;
}

interface Authored {
  user?: { type?: string } | null;
}

function byBot(comment: Authored): boolean {
  return comment.user?.type === 'Bot';
}

/**
 * Fingerprints of findings an earlier run already commented on. Only comments written by a
 * bot count, so a person quoting a marker cannot silence a finding.
 */
export async function postedFingerprints(github: GitHub, repo: RepoRef, pullNumber: number): Promise<Set<string>> {
  const comments = await github.paginate(github.rest.pulls.listReviewComments, { ...repo, pull_number: pullNumber, per_page: 100 });
  const found = new Set<string>();
  for (const comment of comments) {
    if (!byBot(comment)) continue;
    for (const fingerprint of fingerprintsIn(comment.body)) found.add(fingerprint);
  }
  return found;
}

export interface InlineComment {
  path: string;
  line: number;
  startLine?: number;
  body: string;
}

function commentParams(comment: InlineComment) {
  return {
    path: comment.path,
    line: comment.line,
    side: 'RIGHT' as const,
    ...(comment.startLine !== undefined ? { start_line: comment.startLine, start_side: 'RIGHT' as const } : {}),
    body: comment.body,
  };
}

/** One review (event COMMENT) carrying every inline comment. */
export async function createReview(github: GitHub, repo: RepoRef, pullNumber: number, commitId: string, body: string, comments: InlineComment[]): Promise<void> {
  await github.rest.pulls.createReview({
    ...repo,
    pull_number: pullNumber,
    commit_id: commitId,
    event: 'COMMENT',
    body,
    comments: comments.map(commentParams),
    ...NO_RETRY,
  });
}

/** A single inline comment (the fallback when a review with many comments was rejected). */
export async function createReviewComment(github: GitHub, repo: RepoRef, pullNumber: number, commitId: string, comment: InlineComment): Promise<void> {
  await github.rest.pulls.createReviewComment({ ...repo, pull_number: pullNumber, commit_id: commitId, ...commentParams(comment), ...NO_RETRY });
}

/** Creates the summary comment, or edits the one an earlier run left (found by its marker). */
export async function upsertSummaryComment(
  github: GitHub,
  repo: RepoRef,
  pullNumber: number,
  body: string,
  createIfMissing: boolean,
): Promise<'created' | 'updated' | 'skipped'> {
  const comments = await github.paginate(github.rest.issues.listComments, { ...repo, issue_number: pullNumber, per_page: 100 });
  const existing = comments.find((comment) => byBot(comment) && comment.body?.includes(SUMMARY_COMMENT_MARKER));
  if (existing) {
    if (existing.body === body) return 'updated';
    await github.rest.issues.updateComment({ ...repo, comment_id: existing.id, body });
    return 'updated';
  }
  if (!createIfMissing) return 'skipped';
  await github.rest.issues.createComment({ ...repo, issue_number: pullNumber, body, ...NO_RETRY });
  return 'created';
}
