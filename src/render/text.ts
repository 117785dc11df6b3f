/**
 * Human-readable output: findings grouped by file, each with its rule title, a one-line fix
 * hint and the docs link, then a summary per category. `quiet` lists errors only,
 * `statistics` counts per rule instead of listing. Colour only when asked (a terminal).
 */
import { catalogEntry, ruleDocsUrl } from '../core/catalog.js';
import { countBySeverity } from '../core/outcome.js';
import type { Finding, Severity } from '../api/types.js';

const COLOURS: Record<Severity, string> = { error: '\u001b[31m', warning: '\u001b[33m', notice: '\u001b[36m' };
const BOLD = '\u001b[1m';
const DIM = '\u001b[2m';
const RESET = '\u001b[0m';
const HINT_LIMIT = 120;

export interface TextOptions {
  colour: boolean;
  /** Errors only, and the counts. */
  quiet?: boolean;
  /** Counts per rule instead of one entry per finding. */
  statistics?: boolean;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/**
 * Control characters (a file name or message carrying escape sequences), line breaks (a file
 * name with a newline would forge an output line) and bidirectional overrides shown as escapes,
 * not obeyed by the terminal.
 */
export function printable(text: string): string {
  let shown = '';
  for (const char of text) {
    const code = char.charCodeAt(0);
    if ((code < 0x20 && char !== '\t') || (code >= 0x7f && code <= 0x9f)) shown += `\\x${code.toString(16).padStart(2, '0')}`;
    else if (code === 0x2028 || code === 0x2029 || (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069)) shown += `\\u${code.toString(16)}`;
    else shown += char;
  }
  return shown;
}

/** The first sentence of a rule's fix advice, at most one line. */
export function fixHint(finding: Finding): string | undefined {
  if (finding.fix) return `${finding.fix.description} (automatic: iac-review scan --fix)`;
  const advice = catalogEntry(finding.ruleId)?.fix;
  if (!advice) return undefined;
  const sentence = advice.split(/(?<=[.;])\s/)[0]?.replace(/[;.]$/, '') ?? advice;
  return sentence.length > HINT_LIMIT ? `${sentence.slice(0, HINT_LIMIT - 1)}…` : sentence;
}

function severityCounts(findings: readonly Finding[]): string {
  const counts = countBySeverity(findings);
  return `${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${plural(counts.notice, 'notice')}`;
}

function summaryLine(findings: readonly Finding[], filesAnalyzed: number): string {
  if (!findings.length) return `No findings in ${plural(filesAnalyzed, 'file')} analyzed.`;
  const fixable = findings.filter((finding) => finding.fix).length;
  const preExisting = findings.filter((finding) => finding.preExisting).length;
  const notes = [
    ...(fixable ? [`${fixable} fixable with --fix`] : []),
    ...(preExisting ? [`${preExisting} pre-existing (also in the base), not counted for fail_on`] : []),
  ];
  return `${plural(findings.length, 'finding')} (${severityCounts(findings)}) in ${plural(filesAnalyzed, 'file')} analyzed${notes.length ? `; ${notes.join('; ')}` : ''}.`;
}

function addTo(groups: Map<string, Finding[]>, key: string, finding: Finding): void {
  const group = groups.get(key);
  if (group) group.push(finding);
  else groups.set(key, [finding]);
}

function byFile(findings: readonly Finding[]): Map<string, Finding[]> {
  const groups = new Map<string, Finding[]>();
  for (const finding of findings) addTo(groups, finding.path, finding);
  return groups;
}

function categorySummary(findings: readonly Finding[]): string[] {
  const groups = new Map<string, Finding[]>();
  for (const finding of findings) addTo(groups, finding.category, finding);
  const width = [...groups.keys()].reduce((widest, name) => Math.max(widest, name.length), 0);
  return [
    'By category:',
    ...[...groups.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([category, members]) => `  ${category.padEnd(width)}  ${String(members.length).padStart(4)}  (${severityCounts(members)})`),
  ];
}

function statisticsTable(findings: readonly Finding[]): string[] {
  const rows = new Map<string, { count: number; fixable: number }>();
  for (const finding of findings) {
    const row = rows.get(finding.ruleId) ?? { count: 0, fixable: 0 };
    row.count++;
    if (finding.fix) row.fixable++;
    rows.set(finding.ruleId, row);
  }
  return [
    'count  rule    fixable  title',
    ...[...rows.entries()]
      .sort(([a, x], [b, y]) => y.count - x.count || a.localeCompare(b))
      .map(([ruleId, row]) => `${String(row.count).padStart(5)}  ${ruleId.padEnd(6)}  ${String(row.fixable).padStart(7)}  ${catalogEntry(ruleId)?.title ?? ''}`),
  ];
}

export function renderText(findings: readonly Finding[], filesAnalyzed: number, options: TextOptions): string {
  const paint = (code: string, text: string) => (options.colour ? `${code}${text}${RESET}` : text);
  const lines: string[] = [];
  if (options.statistics) {
    if (findings.length) for (const line of [...statisticsTable(findings), '']) lines.push(line);
  } else if (options.quiet) {
    for (const finding of findings.filter((entry) => entry.severity === 'error' && !entry.preExisting)) {
      lines.push(`${printable(finding.path)}:${finding.line}:${finding.column}: ${paint(COLOURS.error, 'error')} ${finding.ruleId} ${printable(finding.message)}`);
    }
  } else {
    for (const [path, members] of byFile(findings)) {
      lines.push(paint(BOLD, printable(path || '(project)')));
      for (const finding of members) {
        const position = `${finding.line}:${finding.column}`.padEnd(8);
        const severity = paint(COLOURS[finding.severity], finding.severity.padEnd(7));
        const marker = finding.preExisting ? `${paint(DIM, '(pre-existing)')} ` : '';
        const title = catalogEntry(finding.ruleId)?.title ?? finding.ruleId;
        const hint = fixHint(finding);
        lines.push(`  ${position}  ${severity}  ${finding.ruleId}  ${marker}${printable(finding.message)}`);
        lines.push(`  ${' '.repeat(8)}  ${paint(DIM, `${title} · ${ruleDocsUrl(finding.ruleId)}`)}`);
        if (hint) lines.push(`  ${' '.repeat(8)}  ${paint(DIM, `fix: ${printable(hint)}`)}`);
      }
      lines.push('');
    }
    if (findings.length) for (const line of [...categorySummary(findings), '']) lines.push(line);
  }
  lines.push(summaryLine(findings, filesAnalyzed), '');
  return lines.join('\n');
}
