/** Human-readable output: one line per finding, `path:line:column`, colour only on a TTY. */
import { countBySeverity } from '../core/outcome.js';
import type { Finding, Severity } from '../api/types.js';

const COLOURS: Record<Severity, string> = { error: '\u001b[31m', warning: '\u001b[33m', notice: '\u001b[36m' };
const DIM = '\u001b[2m';
const RESET = '\u001b[0m';

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

export function renderText(findings: readonly Finding[], filesAnalyzed: number, colour: boolean): string {
  const paint = (code: string, text: string) => (colour ? `${code}${text}${RESET}` : text);
  const lines = findings.map(
    (finding) =>
      `${finding.path}:${finding.line}:${finding.column}: ${paint(COLOURS[finding.severity], finding.severity)} ${finding.ruleId} ${finding.message} ${paint(DIM, `[${finding.category}]`)}`,
  );
  const counts = countBySeverity(findings);
  const summary = findings.length
    ? `${plural(findings.length, 'finding')} (${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${plural(counts.notice, 'notice')}) in ${plural(filesAnalyzed, 'file')} analyzed.`
    : `No findings in ${plural(filesAnalyzed, 'file')} analyzed.`;
  return [...lines, ...(lines.length ? [''] : []), summary, ''].join('\n');
}
