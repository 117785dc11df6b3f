/**
 * `scan --fix` and `scan --diff`: the findings' fixes applied to the files, from the end of each
 * file backwards, overlapping fixes skipped. `--diff` prints them as a unified diff and writes
 * nothing. `--fix` checks the fixed files still parse (in memory) before writing them, then
 * reviews the written files again and says which fixed findings are gone and which are not.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import type { Finding } from '../api/types.js';
import { applyFileFixes, fixableByPath, type FileFixResult } from '../core/apply-fixes.js';
import type { ScanTarget } from './scan-target.js';

const BOM = '\ufeff';
/** Findings that say a file does not parse (or could not be analysed): a fix must not bring one in. */
const PARSE_RULES = new Set(['IAC101', 'IAC102', 'IAC002']);

export interface FilePlan extends FileFixResult {
  path: string;
  original: string;
  bom: boolean;
}

const where = (finding: Finding) => `${finding.path}:${finding.line}:${finding.column} ${finding.ruleId}`;
const identity = (finding: Finding) => [finding.ruleId, finding.path, finding.message, finding.snippet].join('\u0000');

/** The fixes of each file's findings, applied in memory. */
export function planFixes(target: ScanTarget, findings: readonly Finding[]): FilePlan[] {
  const plans: FilePlan[] = [];
  for (const [path, fixable] of fixableByPath(findings)) {
    const raw = target.readText(path);
    if (raw === undefined) continue;
    const bom = raw.startsWith(BOM);
    const original = bom ? raw.slice(1) : raw;
    plans.push({ path, original, bom, ...applyFileFixes(original, fixable) });
  }
  return plans;
}

function skippedLines(plans: readonly FilePlan[]): string[] {
  return plans.flatMap((plan) =>
    plan.skipped.map(({ finding, reason, with: other }) =>
      reason === 'overlap'
        ? `skipped ${where(finding)}: its fix overlaps the fix of ${other ? where(other) : 'another finding'}; run --fix again to apply it`
        : `skipped ${where(finding)}: its fix no longer matches the file`,
    ),
  );
}

/** `scan --diff`: the fixes as a unified diff (`a/` and `b/` paths, for `git apply`), nothing written. */
export function fixDiff(plans: readonly FilePlan[], pathPrefix: string): { diff: string; notes: string[] } {
  const changed = plans.filter((plan) => plan.text !== plan.original);
  const diff = changed
    .map((plan) => createTwoFilesPatch(`a/${pathPrefix}${plan.path}`, `b/${pathPrefix}${plan.path}`, plan.original, plan.text, undefined, undefined, { headerOptions: FILE_HEADERS_ONLY }))
    .join('');
  const applied = changed.reduce((sum, plan) => sum + plan.applied.length, 0);
  return { diff, notes: [`${applied} fix(es) in ${changed.length} file(s) shown as a diff; nothing was written.`, ...skippedLines(plans)] };
}

/** Files whose fixed text would bring in a parse problem the original did not have. */
function breakingParse(plans: readonly FilePlan[], before: readonly Finding[], checked: readonly Finding[]): Set<string> {
  const known = new Set(before.filter((finding) => PARSE_RULES.has(finding.ruleId)).map((finding) => `${finding.path}\u0000${finding.ruleId}`));
  const broken = new Set<string>();
  for (const finding of checked) {
    if (PARSE_RULES.has(finding.ruleId) && plans.some((plan) => plan.path === finding.path) && !known.has(`${finding.path}\u0000${finding.ruleId}`)) broken.add(finding.path);
  }
  return broken;
}

export interface FixOutcome {
  /** The review of the files as written. */
  after: ReturnType<ScanTarget['analyse']>;
  lines: string[];
}

/** `scan --fix`: applies, checks, writes, reviews again. */
export function applyFixes(target: ScanTarget, before: ReturnType<ScanTarget['analyse']>): FixOutcome {
  const plans = planFixes(target, before.findings).filter((plan) => plan.text !== plan.original || plan.skipped.length);
  const changed = plans.filter((plan) => plan.text !== plan.original);
  const checked = changed.length ? target.analyse(new Map(changed.map((plan) => [plan.path, plan.text]))).findings : [];
  const broken = breakingParse(changed, before.findings, checked);
  const lines: string[] = [];
  const written = changed.filter((plan) => !broken.has(plan.path));
  for (const plan of written) writeFileSync(join(target.root, plan.path), (plan.bom ? BOM : '') + plan.text, 'utf8');
  for (const plan of changed.filter((entry) => broken.has(entry.path))) {
    lines.push(`not written ${plan.path}: with its ${plan.applied.length} fix(es) it would no longer parse; please report this`);
  }
  const after = written.length ? target.analyse() : before;
  const remaining = new Set(after.findings.map(identity));
  const applied = written.flatMap((plan) => plan.applied);
  const stillPresent = applied.filter((finding) => remaining.has(identity(finding)));
  const summary = [
    `Applied ${applied.length} fix(es) to ${written.length} file(s).`,
    ...applied.map((finding) => `fixed ${where(finding)}: ${finding.fix?.description ?? ''}`),
    ...skippedLines(plans),
  ];
  if (applied.length) {
    lines.push(
      stillPresent.length
        ? `Re-analysis: ${stillPresent.length} fixed finding(s) still present: ${stillPresent.map(where).join(', ')}.`
        : `Re-analysis of the written files: all ${applied.length} fixed finding(s) are gone.`,
    );
  }
  return { after, lines: [...summary, ...lines] };
}
