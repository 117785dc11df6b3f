/**
 * A baseline file: the fingerprints of the findings a repository had when it adopted the
 * tool (`iac-review baseline > .iac-review-baseline.json`). `scan --baseline FILE` reports only
 * findings not in it. Each entry names its rule, path and message so the file reads in review.
 */
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Finding } from '../api/types.js';
import { fingerprint, markPreExisting } from '../core/fingerprint.js';
import { UsageError } from './scan-target.js';

const baselineSchema = z.object({
  version: z.literal(1),
  tool: z.literal('iac-review'),
  findings: z.array(z.object({ fingerprint: z.string().regex(/^[0-9a-f]{8,64}$/), ruleId: z.string(), path: z.string(), message: z.string() })),
});

export type Baseline = z.infer<typeof baselineSchema>;

export function renderBaseline(findings: readonly Finding[]): string {
  const baseline: Baseline = {
    version: 1,
    tool: 'iac-review',
    findings: findings.map((finding) => ({ fingerprint: fingerprint(finding), ruleId: finding.ruleId, path: finding.path, message: finding.message })),
  };
  return `${JSON.stringify(baseline, null, 2)}\n`;
}

export function readBaseline(file: string): Baseline {
  if (!existsSync(file)) throw new UsageError(`baseline file not found: ${file}`);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`baseline file ${file} is not JSON: ${(error as Error).message}`);
  }
  const parsed = baselineSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UsageError(`baseline file ${file} is not an iac-review baseline (${issue?.path.join('.') || 'top level'}: ${issue?.message}); write one with \`iac-review baseline\``);
  }
  return parsed.data;
}

/** The findings not in the baseline, and how many were. */
export function withoutBaseline(findings: readonly Finding[], baseline: Baseline): { findings: Finding[]; known: number } {
  const marked = markPreExisting(findings, baseline.findings.map((entry) => entry.fingerprint));
  const fresh = marked.filter((finding) => !finding.preExisting);
  return { findings: fresh, known: marked.length - fresh.length };
}
