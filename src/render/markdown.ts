/**
 * Markdown for GitHub: the check run's summary and text, and the one summary comment per pull
 * request. GitHub rejects a summary, text or comment over 65,535 characters, so every body is
 * built item by item and says what it had to leave out.
 */
import { catalogEntry } from '../core/catalog.js';
import { countBySeverity } from '../core/outcome.js';
import type { Finding, Severity } from '../api/types.js';
import { codeSpan, inertMessage } from './inert.js';

export const GITHUB_TEXT_LIMIT = 65_535;
/** Room kept for the "n more not shown" line. */
const CUT_NOTE_RESERVE = 400;

export const SUMMARY_COMMENT_MARKER = '<!-- iac-review:summary -->';

export type Conclusion = 'success' | 'failure' | 'neutral';

export interface FileLinker {
  /** A link to `path` (and lines) at the reviewed commit. */
  file(path: string, line?: number, endLine?: number): string;
}

export interface ReviewReport {
  conclusion: Conclusion;
  findings: readonly Finding[];
  failOn: Severity;
  headSha: string;
  /** Files in the pull request as GitHub listed them. */
  filesChanged: number;
  /** Files given to the engine (not removed). */
  filesReviewed: number;
  /** Files whose content went through the detectors. */
  filesAnalyzed: number;
  /** Files left out by `paths.include` / `paths.exclude`. */
  filesExcluded: number;
  region?: string | undefined;
  regionSource?: string | undefined;
  production?: boolean;
  /** Things the reader should know: limits hit, comments that could not be posted... */
  notes: readonly string[];
  links?: FileLinker;
}

export interface CheckOutput {
  title: string;
  summary: string;
  text?: string;
}

/** Escapes text for a Markdown table cell or inline use. */
export function escapeMarkdown(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|').replace(/</g, '&lt;');
}

export function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** Cuts text to at most `limit` UTF-8 bytes (on a character boundary), marking the cut. */
export function clipBytes(text: string, limit = GITHUB_TEXT_LIMIT): string {
  if (byteLength(text) <= limit) return text;
  const marker = '\n\n_… cut at GitHub’s 65,535-character limit._';
  let end = Math.min(text.length, limit);
  while (end > 0 && byteLength(text.slice(0, end)) > limit - byteLength(marker)) end = Math.floor(end * 0.95);
  return text.slice(0, end) + marker;
}

/**
 * `head`, then as many `items` as fit under the limit, then `tail`; when items are dropped,
 * `describeCut(count)` says so in their place.
 */
export function fitItems(
  head: string,
  items: readonly string[],
  tail: string,
  describeCut: (omitted: number) => string,
  limit = GITHUB_TEXT_LIMIT,
): string {
  const budget = limit - byteLength(head) - byteLength(tail) - CUT_NOTE_RESERVE;
  let used = 0;
  let kept = 0;
  for (const item of items) {
    const size = byteLength(item) + 1;
    if (used + size > budget) break;
    used += size;
    kept++;
  }
  const body = items.slice(0, kept).join('\n');
  const cut = kept < items.length ? `\n${describeCut(items.length - kept)}\n` : '';
  return clipBytes(`${head}${body}${cut}${tail}`, limit);
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function severityCounts(findings: readonly Finding[]): string {
  const counts = countBySeverity(findings);
  const parts = (['error', 'warning', 'notice'] as const).filter((severity) => counts[severity] > 0).map((severity) => plural(counts[severity], severity));
  return parts.length ? parts.join(', ') : 'no findings';
}

interface CategoryGroup {
  category: string;
  findings: Finding[];
}

/** Findings grouped by taxonomy category, categories in catalog (rule ID) order. */
export function groupByCategory(findings: readonly Finding[]): CategoryGroup[] {
  const groups = new Map<string, CategoryGroup>();
  for (const finding of findings) {
    const group = groups.get(finding.category) ?? { category: finding.category, findings: [] };
    group.findings.push(finding);
    groups.set(finding.category, group);
  }
  const firstId = (group: CategoryGroup) => group.findings.reduce((min, finding) => (finding.ruleId < min ? finding.ruleId : min), '\uffff');
  return [...groups.values()].sort((a, b) => firstId(a).localeCompare(firstId(b)));
}

function ruleCounts(findings: readonly Finding[]): string {
  const counts = new Map<string, number>();
  for (const finding of findings) counts.set(finding.ruleId, (counts.get(finding.ruleId) ?? 0) + 1);
  return [...counts.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([ruleId, count]) => `${ruleId} ${escapeMarkdown(catalogEntry(ruleId)?.title ?? '')}${count > 1 ? ` (${count})` : ''}`.trim())
    .join('<br>');
}

export function location(finding: Finding, links?: FileLinker): string {
  if (!finding.path || finding.path === '.') return 'project';
  const lines = finding.endLine > finding.line ? `${finding.line}-${finding.endLine}` : `${finding.line}`;
  const label = codeSpan(`${finding.path}:${lines}`);
  return links ? `[${label}](${links.file(finding.path, finding.line, finding.endLine)})` : label;
}

function findingLine(finding: Finding, links?: FileLinker): string {
  const title = catalogEntry(finding.ruleId)?.title ?? '';
  const marker = finding.preExisting ? ' _(pre-existing)_' : '';
  return `- **${finding.severity}**${marker} ${finding.ruleId} ${escapeMarkdown(title)} at ${location(finding, links)}: ${inertMessage(finding.message)}`;
}

export function checkTitle(report: ReviewReport): string {
  if (report.conclusion === 'neutral' && report.findings.length === 0) return 'Nothing to review';
  // Pre-existing findings (review.new_only) are not the change's: counted apart, after the new ones.
  const preExisting = report.findings.filter((finding) => finding.preExisting).length;
  const fresh = severityCounts(report.findings.filter((finding) => !finding.preExisting));
  const counts = preExisting ? `${fresh === 'no findings' ? 'No new findings' : fresh}, ${preExisting} pre-existing` : fresh;
  return report.conclusion === 'failure' ? `${counts} (fails at ${report.failOn})` : counts === 'no findings' ? 'No findings' : counts;
}

function headline(report: ReviewReport): string {
  const verdict =
    report.conclusion === 'failure'
      ? `**Failing:** at least one finding is at or above \`fail_on: ${report.failOn}\`.`
      : report.conclusion === 'neutral'
        ? '**Neutral:** nothing in this change could be reviewed.'
        : report.findings.length
          ? `**Passing:** no finding is at or above \`fail_on: ${report.failOn}\`.`
          : '**Passing:** no findings.';
  const preExisting = report.findings.filter((finding) => finding.preExisting).length;
  const facts = [
    `${plural(report.filesChanged, 'changed file')} at \`${report.headSha.slice(0, 7)}\``,
    `${report.filesAnalyzed} analyzed`,
    ...(report.filesExcluded ? [`${report.filesExcluded} excluded by \`paths\``] : []),
    // Only findings this change introduced fail it (review.new_only); the others are listed as pre-existing.
    ...(preExisting ? [`${preExisting} pre-existing (also in the base commit, not failing)`] : []),
  ];
  const context = [
    `region: ${report.region ? `${codeSpan(report.region)} (from ${inertMessage(report.regionSource ?? 'configuration')})` : 'unknown'}`,
    `environment: ${report.production ? 'production' : 'not production'}`,
  ];
  return `${verdict}\n\n${facts.join(' · ')}\n${context.join(' · ')}\n`;
}

function notesSection(notes: readonly string[]): string {
  return notes.length ? `\n### Notes\n${notes.map((note) => `- ${inertMessage(note)}`).join('\n')}\n` : '';
}

/** The check run's output: title, summary (counts by category) and text (every finding). */
export function renderCheckOutput(report: ReviewReport): CheckOutput {
  const groups = groupByCategory(report.findings);
  const head = `${headline(report)}\n| Severity | Findings |\n| --- | ---: |\n${(['error', 'warning', 'notice'] as const)
    .map((severity) => `| ${severity} | ${countBySeverity(report.findings)[severity]} |`)
    .join('\n')}\n`;
  const categoryRows = groups.map((group) => `| ${escapeMarkdown(group.category)} | ${group.findings.length} | ${ruleCounts(group.findings)} |`);
  const table = categoryRows.length ? '\n### Findings by category\n| Category | Findings | Rules |\n| --- | ---: | --- |\n' : '';
  const summary = fitItems(
    `${head}${table}`,
    categoryRows,
    notesSection(report.notes),
    (omitted) => `\n_… ${plural(omitted, 'more category')} not shown: the summary is limited to 65,535 characters._`,
  );
  if (!report.findings.length) return { title: checkTitle(report), summary };

  const items: string[] = [];
  for (const group of groups) {
    items.push(`\n### ${escapeMarkdown(group.category)} (${group.findings.length})`);
    for (const finding of group.findings) items.push(findingLine(finding, report.links));
  }
  const findingCount = (lines: readonly string[]) => lines.filter((line) => line.startsWith('- ')).length;
  const text = fitItems('## All findings\n', items, '', (omitted) => {
    const shown = findingCount(items.slice(0, items.length - omitted));
    return `\n_… ${plural(report.findings.length - shown, 'more finding')} not shown: the check-run text is limited to 65,535 characters. The annotations and \`iac-review\` run locally list them all._`;
  });
  return { title: checkTitle(report), summary, text };
}

/** Why a finding is in the summary comment rather than inline. */
export type NotInlineReason = 'pre-existing' | 'outside-diff' | 'no-diff' | 'over-limit' | 'anchor-rejected' | 'post-failed';

export interface InlineOutcome {
  /** Inline comments posted by this run. */
  posted: number;
  /** Findings already commented on by an earlier run (same fingerprint). */
  alreadyPosted: number;
  notInline: readonly { finding: Finding; reason: NotInlineReason }[];
  maxInline: number;
}

const REASON_TITLES: Record<NotInlineReason, string> = {
  'outside-diff': 'On lines this change did not add',
  'no-diff': 'In files GitHub shows no diff for (too large, renamed or binary)',
  'over-limit': 'Over the inline comment limit',
  'anchor-rejected': 'GitHub rejected the inline position',
  'post-failed': 'Inline comment could not be posted',
  'pre-existing': 'Pre-existing: the base commit has them too (they do not fail the check)',
};

/** The pull request's one summary comment, found again by its hidden marker and edited in place. */
export function renderSummaryComment(report: ReviewReport, inline: InlineOutcome, checkRunUrl?: string): string {
  const link = checkRunUrl ? ` · [check run](${checkRunUrl})` : '';
  const head = [
    SUMMARY_COMMENT_MARKER,
    `## iac-review: ${checkTitle(report)}`,
    '',
    headline(report),
    `Inline comments: ${inline.posted} new this run, ${inline.alreadyPosted} from earlier runs (limit ${inline.maxInline} per review)${link}.`,
    '',
  ].join('\n');
  const items: string[] = [];
  for (const reason of Object.keys(REASON_TITLES) as NotInlineReason[]) {
    const findings = inline.notInline.filter((entry) => entry.reason === reason).map((entry) => entry.finding);
    if (!findings.length) continue;
    items.push(`\n### ${REASON_TITLES[reason]} (${findings.length})`);
    for (const finding of findings) items.push(findingLine(finding, report.links));
  }
  return fitItems(
    head,
    items,
    notesSection(report.notes),
    (omitted) => `\n_… ${plural(omitted, 'more line')} not shown: a comment is limited to 65,535 characters; the check run lists every finding._`,
  );
}

/** The check run's output when the review could not be carried out. */
export function renderFailureOutput(title: string, explanation: string): CheckOutput {
  const summary = clipBytes(
    `${explanation}\n\nThis commit was not reviewed. Comment \`/recheck\` on the pull request (write access needed) or press **Re-run** on this check to try again.`,
  );
  return { title, summary };
}
