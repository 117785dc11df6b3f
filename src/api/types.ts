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

/**
 * One replacement in a file: `text` replaces the span (1-based lines and columns, `endColumn`
 * exclusive, UTF-16 code units). An empty span inserts; an empty `text` deletes.
 */
export interface TextEdit extends Span {
  text: string;
}

/**
 * A deterministic fix for a finding: edits applied together, never a guess. Edits of one fix
 * do not overlap. Hosts apply them from the end of the file backwards (CLI `scan --fix`), show
 * them as a diff or a GitHub suggestion, or hand them on as SARIF `fixes`.
 */
export interface Fix {
  /** What the fix does, in a few words ("Rename `cidr` to `cidr_block`"). */
  description: string;
  edits: readonly TextEdit[];
}

export interface Finding extends Span {
  ruleId: string;
  severity: Severity;
  /** Path relative to the reviewed root, always with `/`. */
  path: string;
  category: string;
  message: string;
  /** The source text the finding points at, whitespace-normalised; feeds fingerprints. */
  snippet: string;
  /** A deterministic fix, when the rule knows one. */
  fix?: Fix;
  /** Set by a change review with `new_only`: the same finding (fingerprint) is in the base commit. */
  preExisting?: boolean;
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
  /** What the rule's automatic fix does and when it is offered (findings carry it as `fix`), for the catalog. */
  autofix?: string;
  badExample: string;
  goodExample: string;
  /**
   * Where the examples are judged, when not as the stack module (`lib/tap_stack.py`, or
   * `lib/tap-stack.ts` for TypeScript examples): the file they are (`requirements.txt`), and the
   * project files around them (`Pulumi.yaml`, `lib/AWS_REGION`). The catalog test reviews both
   * examples this way: the bad one must draw the rule, the good one must not.
   */
  example?: {
    path?: string;
    project?: Readonly<Record<string, string>>;
    /** Files the change adds beside the example (the stack a README documents). */
    files?: Readonly<Record<string, string>>;
    /** The examples are file paths, judged as files the change adds there. */
    examplesArePaths?: boolean;
  };
  seed: SeedReference;
  /** The languages the rule checks (language rules: those it has visitors for; IaC rules: every front-end's). */
  languages?: readonly LanguageId[];
}
