/**
 * Inline review comments: new findings (by fingerprint) on lines the change added, with the
 * finding's fix as a suggested change when it rewrites only added lines (suggested-change.ts), at most
 * `maxInline` per review, posted as one review. When GitHub rejects the review (422, e.g. one
 * anchor it does not accept), each comment is posted on its own so one bad anchor does not
 * lose the others; the ones still rejected go to the summary comment.
 */
import type { Logger } from 'probot';
import { severityRank, type Finding } from '../api/types.js';
import type { LineReplacement } from '../core/apply-fixes.js';
import { createReview, createReviewComment, type ChangedFile, type InlineComment } from '../github/pulls.js';
import { describeError, httpStatus, type GitHub, type RepoRef } from '../github/types.js';
import type { InlineOutcome, NotInlineReason } from '../render/markdown.js';
import { renderReviewComment } from '../render/review-comment.js';
import { fingerprintAll } from './fingerprint.js';
import { placeComment } from './suggested-change.js';

export interface InlineInput {
  github: GitHub;
  repo: RepoRef;
  pullNumber: number;
  headSha: string;
  findings: readonly Finding[];
  changed: readonly ChangedFile[];
  /** Fingerprints already commented on; undefined when they could not be listed (post nothing). */
  alreadyPosted: ReadonlySet<string> | undefined;
  maxInline: number;
  checkRunUrl: string | undefined;
  log: Logger;
  /** The lines a finding's fix rewrites (engine-wire.ts `lineFixes`), for suggested changes; none without it. */
  lineFixOf?: (finding: Finding) => LineReplacement | undefined;
}

export interface InlineResult extends InlineOutcome {
  notes: string[];
}

interface Candidate {
  finding: Finding;
  comment: InlineComment;
}

export async function postInlineComments(input: InlineInput): Promise<InlineResult> {
  const { github, repo, pullNumber, headSha, log } = input;
  const fingerprints = fingerprintAll(input.findings);
  const patches = new Map(input.changed.map((file) => [file.path, file]));

  const notInline: { finding: Finding; reason: NotInlineReason }[] = [];
  const candidates: Candidate[] = [];
  let alreadyPosted = 0;
  for (const finding of input.findings) {
    const fingerprint = fingerprints.get(finding) as string;
    if (input.alreadyPosted?.has(fingerprint)) {
      alreadyPosted++;
      continue;
    }
    // A finding the base commit has too is not the author's: the summary lists it, no comment.
    if (finding.preExisting) {
      notInline.push({ finding, reason: 'pre-existing' });
      continue;
    }
    const file = patches.get(finding.path);
    const placed = file?.diff ? placeComment(finding, file.diff, finding.fix ? input.lineFixOf?.(finding) : undefined) : undefined;
    if (!placed) {
      notInline.push({ finding, reason: file && !file.diff ? 'no-diff' : 'outside-diff' });
      continue;
    }
    candidates.push({ finding, comment: { path: finding.path, ...placed.anchor, body: renderReviewComment(finding, fingerprint, placed) } });
  }

  const notes: string[] = [];
  if (input.alreadyPosted === undefined) {
    for (const candidate of candidates) notInline.push({ finding: candidate.finding, reason: 'post-failed' });
    return { posted: 0, alreadyPosted, notInline, maxInline: input.maxInline, notes };
  }

  // The most severe first; the engine's order (path, line) otherwise.
  const ranked = candidates
    .map((candidate, index) => ({ candidate, index }))
    .sort((a, b) => severityRank(b.candidate.finding.severity) - severityRank(a.candidate.finding.severity) || a.index - b.index)
    .map((entry) => entry.candidate);
  const chosen = ranked.slice(0, input.maxInline);
  for (const candidate of ranked.slice(input.maxInline)) notInline.push({ finding: candidate.finding, reason: 'over-limit' });
  if (!chosen.length) return { posted: 0, alreadyPosted, notInline, maxInline: input.maxInline, notes };

  const link = input.checkRunUrl ? ` The [check run](${input.checkRunUrl}) has the full summary.` : '';
  const body = `**iac-review** found ${chosen.length} new finding${chosen.length === 1 ? '' : 's'} on lines this change added.${link}`;
  try {
    await createReview(github, repo, pullNumber, headSha, body, chosen.map((candidate) => candidate.comment));
    return { posted: chosen.length, alreadyPosted, notInline, maxInline: input.maxInline, notes };
  } catch (error) {
    if (httpStatus(error) !== 422) {
      log.warn({ err: error }, 'creating the review failed');
      for (const candidate of chosen) notInline.push({ finding: candidate.finding, reason: 'post-failed' });
      notes.push(`The review with ${chosen.length} inline comment(s) could not be created: ${describeError(error)}.`);
      return { posted: 0, alreadyPosted, notInline, maxInline: input.maxInline, notes };
    }
    log.info({ err: error }, 'review rejected (422); posting comments one by one');
  }

  // One by one, in order (sequential requests also keep clear of secondary rate limits).
  let posted = 0;
  let rejected = 0;
  for (const candidate of chosen) {
    try {
      await createReviewComment(github, repo, pullNumber, headSha, candidate.comment);
      posted++;
    } catch (error) {
      const status = httpStatus(error);
      if (status === 422) rejected++;
      notInline.push({ finding: candidate.finding, reason: status === 422 ? 'anchor-rejected' : 'post-failed' });
      log.warn({ err: error, path: candidate.comment.path, line: candidate.comment.line }, 'inline comment not posted');
    }
  }
  if (rejected) notes.push(`GitHub rejected ${rejected} inline comment position(s); those findings are listed in the summary comment.`);
  if (chosen.length - posted - rejected > 0) notes.push(`${chosen.length - posted - rejected} inline comment(s) could not be posted.`);
  return { posted, alreadyPosted, notInline, maxInline: input.maxInline, notes };
}
