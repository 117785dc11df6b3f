/**
 * Shared vocabulary of the pure core: severities, positions, findings and rule metadata.
 * Nothing here knows about GitHub, the CLI or the file system.
 */
import type { Span } from '../syntax/positions.js';

export const SEVERITIES = ['notice', 'warning', 'error'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Numeric rank so severities can be compared: notice < warning < error. */
export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

export type { Point, Span } from '../syntax/positions.js';

export interface Finding extends Span {
  ruleId: string;
  severity: Severity;
  /** Path relative to the reviewed root, always with `/`. */
  path: string;
  category: string;
  message: string;
  /** The source text the finding points at, whitespace-normalised; feeds fingerprints. */
  snippet: string;
}

/** Which seed report a rule comes from, and the section in it. */
export interface SeedReference {
  report: 'model-failure-analysis' | 'model-failures-tracking' | 'engine';
  section: string;
}

/** The languages rules can cover. */
export type LanguageId = 'python' | 'typescript';

export interface RuleMeta {
  /** Stable identifier used in JSON, SARIF, comments, docs and suppressions. */
  id: string;
  /** Kebab-case name, equal to the detector's file name. */
  name: string;
  title: string;
  category: string;
  severity: Severity;
  /** Why it matters (Ruff's "why is this bad"). */
  why: string;
  /** How to fix it (Ruff's "use instead"). */
  fix: string;
  badExample: string;
  goodExample: string;
  seed: SeedReference;
  /** The languages the rule checks (language rules: those it has visitors for; IaC rules: every front-end's). */
  languages?: readonly LanguageId[];
}
