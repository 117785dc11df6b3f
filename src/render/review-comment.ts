/**
 * The body of one inline review comment: what was found, why it matters, how to fix or
 * suppress it, and a hidden fingerprint marker so later runs never post it again.
 */
import { catalogEntry, ruleDocsUrl } from '../core/catalog.js';
import type { Finding } from '../api/types.js';
import { inertMessage } from './inert.js';

/** The marker ends the comment: one quoted from the reviewed code further up does not count. */
const FINGERPRINT_MARKER = /<!--\s*iac-review:fp=([0-9a-f]{8,64})\s*-->\s*$/g;

export function fingerprintMarker(fingerprint: string): string {
  return `<!-- iac-review:fp=${fingerprint} -->`;
}

/** Every fingerprint marker in a comment body. */
export function fingerprintsIn(body: string | null | undefined): string[] {
  if (!body) return [];
  return [...body.matchAll(FINGERPRINT_MARKER)].map((match) => match[1] as string);
}

/**
 * A GitHub suggested change: the block's lines replace the commented lines when someone presses
 * "Commit suggestion" (no lines: they are deleted). The fence is longer than any backtick run in
 * the text, so code holding a fence cannot end the block early.
 */
export function suggestionBlock(lines: readonly string[]): string {
  let longestRun = 0;
  for (const line of lines) for (const match of line.matchAll(/`+/g)) longestRun = Math.max(longestRun, match[0].length);
  const fence = '`'.repeat(Math.max(3, longestRun + 1));
  return [`${fence}suggestion`, ...lines, fence].join('\n');
}

/** How the comment presents the finding's fix (see app/suggested-change.ts). */
export interface FixPresentation {
  /** The new text of the commented lines: the fix rewrites only lines the change added. */
  suggestion?: readonly string[] | undefined;
  /** Why the fix is described in words rather than suggested. */
  fixNotSuggested?: string | undefined;
}

function fixLines(finding: Finding, presentation: FixPresentation): string[] {
  if (!finding.fix) return [];
  const description = inertMessage(finding.fix.description.replace(/\.$/, ''));
  if (presentation.suggestion) return [`**Suggested fix:** ${description}.`, '', suggestionBlock(presentation.suggestion), ''];
  const why = presentation.fixNotSuggested ? `; it is not offered as a one-click suggestion because ${presentation.fixNotSuggested}` : '';
  return [`**Automatic fix:** ${description}. \`iac-review scan --fix\` applies it${why}.`, ''];
}

export function renderReviewComment(finding: Finding, fingerprint: string, presentation: FixPresentation = {}): string {
  const entry = catalogEntry(finding.ruleId);
  const title = entry?.title ?? finding.ruleId;
  const lines = [
    `**${finding.ruleId} · ${title}** (${finding.severity}, ${finding.category})`,
    '',
    inertMessage(finding.message),
    '',
  ];
  for (const line of fixLines(finding, presentation)) lines.push(line);
  if (entry?.why) lines.push(`**Why it matters:** ${entry.why}`, '');
  if (entry?.fix) lines.push(`**How to fix:** ${entry.fix}`, '');
  lines.push(
    `[Rule ${finding.ruleId} documentation](${ruleDocsUrl(finding.ruleId)}) · To suppress, add \`# iac-review: ignore[${finding.ruleId}] <reason>\` at the end of the line or alone on the line above (a reason is required).`,
    '',
    fingerprintMarker(fingerprint),
  );
  return lines.join('\n');
}
