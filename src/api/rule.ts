/**
 * The contract between the engine and a detector (modelled on ESLint's meta + create).
 * A detector never computes file positions itself: it reports nodes or unit-relative points
 * and the engine maps them into the containing file (Markdown blocks sit at an offset).
 */
import type { SyntaxNode } from '../python/parser.js';
import type { PythonUnit } from '../python/units.js';
import type { Point, RuleMeta, Severity, Span } from './types.js';

/** Facts about the project every detector may rely on, derived once per review. */
export interface ReviewSettings {
  /** The region the infrastructure must use, when known. */
  region: string | undefined;
  /** Where `region` came from (config, lib/AWS_REGION, Pulumi.<stack>.yaml), for messages. */
  regionSource: string | undefined;
  environment: string | undefined;
  /** True when the environment is production (config or a Pulumi.prod*.yaml stack file). */
  production: boolean;
  allowedStructure: readonly string[];
  /** `scan` reviews a tree as it is; `change` reviews a pull request or a diff. */
  mode: 'scan' | 'change';
}

export interface UnitReport {
  /** Report the span of this node... */
  node?: SyntaxNode;
  /** ...or of these 0-based unit points (end exclusive). */
  start?: Point;
  end?: Point;
  message: string;
  /** Overrides the rule's default severity for this finding (before config overrides). */
  severity?: Severity;
}

export interface FileRuleContext {
  readonly settings: ReviewSettings;
  report(report: UnitReport): void;
}

export interface FileRule {
  meta: RuleMeta;
  scope: 'file';
  check(unit: PythonUnit, context: FileRuleContext): void;
}

export type FileStatus = 'added' | 'modified' | 'renamed' | 'copied' | 'changed' | 'unchanged';

/** A file under review as project rules see it. */
export interface ReviewedFile {
  path: string;
  status: FileStatus;
  /** Decoded text, undefined for binary, undecodable or oversized files. */
  text: string | undefined;
  units: readonly PythonUnit[];
}

/** What project rules can see beyond the reviewed files (manifests, READMEs, stack files). */
export interface ProjectView {
  readonly files: readonly ReviewedFile[];
  /** Text of any project file that was made available, reviewed or not. */
  readFile(path: string): string | undefined;
  /** Paths of every project file known to exist (reviewed or not). */
  readonly paths: readonly string[];
}

export type ProjectReport =
  | { unit: PythonUnit; node: SyntaxNode; message: string; severity?: Severity }
  | { path: string; span: Span; message: string; snippet?: string; severity?: Severity };

export interface ProjectRuleContext {
  readonly settings: ReviewSettings;
  report(report: ProjectReport): void;
}

/**
 * A rule that judges the project as a whole. It may also look at each file while the engine
 * has just parsed it (`visitFile`, with per-review `state` from `begin`), collecting compact
 * facts for `check` instead of reading every file's tree again at the end: with a bounded tree
 * cache, a tree read again is a tree parsed again.
 */
export interface ProjectRule<State = unknown> {
  meta: RuleMeta;
  scope: 'project';
  /** Per-review state for `visitFile` and `check`; the project view already lists every file. */
  begin?(project: ProjectView, settings: ReviewSettings): State;
  /** Called once per reviewed file with units, right after it is parsed. */
  visitFile?(file: ReviewedFile, state: State, context: ProjectRuleContext): void;
  /** The judgement over the whole project, after every file; optional for rules that judge file by file in `visitFile`. */
  check?(project: ProjectView, context: ProjectRuleContext, state: State): void;
}

export type Rule = FileRule | ProjectRule;
