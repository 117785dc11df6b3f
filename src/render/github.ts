/**
 * GitHub Actions workflow commands (`::error file=...,line=...::message`): each finding becomes
 * an annotation on the workflow's check and the pull request's diff. Escaped as the Actions
 * runner reads them, so no path or message can end a command early or forge another one.
 */
import { catalogEntry, ruleDocsUrl } from '../core/catalog.js';
import { countBySeverity } from '../core/outcome.js';
import type { Finding, Severity } from '../api/types.js';
import { fixHint } from './text.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'notice'> = { error: 'error', warning: 'warning', notice: 'notice' };

/** A command's message: `%`, CR and LF encoded (the runner decodes them). */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A command property value: also `:` and `,`, which would end the value or the property list. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export interface GithubOptions {
  /** The scanned root relative to the repository root (`infra/`), so annotations land on repository paths. */
  pathPrefix?: string;
}

export function workflowCommand(finding: Finding, pathPrefix = ''): string {
  // A pre-existing finding does not fail the run: shown as a notice, not as an error.
  const level = finding.preExisting ? 'notice' : LEVEL[finding.severity];
  const title = `${finding.preExisting ? '(pre-existing) ' : ''}${finding.ruleId} ${catalogEntry(finding.ruleId)?.title ?? ''}`.trim();
  const properties = [`title=${escapeProperty(title)}`];
  if (finding.path && finding.path !== '.') {
    properties.unshift(`file=${escapeProperty(`${pathPrefix}${finding.path}`)}`, `line=${finding.line}`, `endLine=${Math.max(finding.line, finding.endLine)}`);
    if (finding.endLine === finding.line) properties.push(`col=${finding.column}`, `endColumn=${Math.max(finding.column, finding.endColumn - 1)}`);
  }
  const hint = fixHint(finding);
  const message = [finding.message, '', ...(hint ? [`Fix: ${hint}`] : []), `Docs: ${ruleDocsUrl(finding.ruleId)}`].join('\n');
  return `::${level} ${properties.join(',')}::${escapeData(message)}`;
}

export function renderGithub(findings: readonly Finding[], filesAnalyzed: number, options: GithubOptions = {}): string {
  const counts = countBySeverity(findings.filter((finding) => !finding.preExisting));
  const preExisting = findings.filter((finding) => finding.preExisting).length;
  const summary = `iac-review: ${findings.length} finding(s) in ${filesAnalyzed} file(s) analyzed: ${counts.error} error(s), ${counts.warning} warning(s), ${counts.notice} notice(s)${preExisting ? `, ${preExisting} pre-existing` : ''}.`;
  return [...findings.map((finding) => workflowCommand(finding, options.pathPrefix)), summary, ''].join('\n');
}
