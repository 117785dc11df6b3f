/**
 * The contract between the engine and a rule (modelled on ESLint's meta + create, and Ruff's
 * shared semantic model). A rule declares what it reads:
 *  - `visitors`: language rules get node visitors, per language, called during the engine's one
 *    traversal of each unit (no rule walks a tree itself);
 *  - `program`: IaC rules judge the program model (src/pulumi/model.ts) a front-end built once
 *    per program, whatever the language;
 *  - `project`: rules about the project's files (manifests, layout, documentation).
 * A rule never computes positions, copies strings or keeps trees: it reports a node or a model
 * site, and the engine works out the file span and the snippet.
 */
import type { ProgramModel, Site } from '../pulumi/model.js';
import type { SyntaxNode } from '../syntax/flat-tree.js';
import type { SourceUnit } from '../syntax/source-unit.js';
import type { Fix, Point, RuleMeta, Severity, Span } from './types.js';

export type { LanguageId } from './types.js';
import type { LanguageId } from './types.js';

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

/** One edit of a fix, in unit terms like a report: replace this node, or these points (equal points insert). */
export interface UnitEdit {
  node?: SyntaxNode;
  start?: Point;
  end?: Point;
  text: string;
}

/** A deterministic fix as a rule builds it (helpers: src/python/fix-edits.ts); the engine maps it to file positions. */
export interface UnitFix {
  description: string;
  edits: readonly UnitEdit[];
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
  /** Replacement text that resolves the finding, only when it is certain. */
  fix?: UnitFix;
}

export type FileStatus = 'added' | 'modified' | 'renamed' | 'copied' | 'changed' | 'unchanged';

/** A file under review as rules see it. */
export interface ReviewedFile {
  path: string;
  status: FileStatus;
  /** Decoded text, undefined for binary, undecodable or oversized files. */
  text: string | undefined;
  /** Its units, whatever their language (a Markdown answer has one per code block). */
  units: readonly SourceUnit[];
}

/** What project rules can see beyond the reviewed files (manifests, READMEs, stack files). */
export interface ProjectView {
  readonly files: readonly ReviewedFile[];
  /** Text of any project file that was made available, reviewed or not. */
  readFile(path: string): string | undefined;
  /** Paths of every project file known to exist (reviewed or not). */
  readonly paths: readonly string[];
}

/**
 * A report placed in a file: what project judgements report, and what a visitor keeps until the
 * end of the review (placed while the unit's tree is at hand; src/api/report-placement.ts).
 */
export interface PlacedReport {
  path: string;
  span: Span;
  message: string;
  snippet?: string;
  severity?: Severity;
  fix?: Fix;
}

/**
 * Node visitors for the traversal of one unit: keys are node types (`call`, `class_definition`),
 * `<type>:exit` for leaving a node, and `unit:exit` once the unit is done.
 */
export type Visitors = Partial<Record<string, (node: SyntaxNode) => void>> & { 'unit:exit'?: () => void };

export interface UnitContext<State = undefined> {
  readonly unit: SourceUnit;
  /** The file the unit belongs to (its other units, its status in the change). */
  readonly file: ReviewedFile;
  readonly settings: ReviewSettings;
  /** The rule's per-review state from `begin`. */
  readonly state: State;
  report(report: UnitReport): void;
}

/**
 * One edit of a fix on the program model: `text` replaces the site's text; an empty site
 * (`new Site(source, offset, offset)`) inserts there. Helpers: src/python/fix-edits.ts.
 */
export interface ModelEdit {
  site: Site;
  text: string;
}

export interface ModelFix {
  description: string;
  edits: readonly ModelEdit[];
}

/** A report on something of the program model: a resource, an argument, a value, a class. */
export interface ModelReport {
  at: Site | { site: Site | undefined } | undefined;
  message: string;
  severity?: Severity;
  /** Replacement text that resolves the finding, only when it is certain. */
  fix?: ModelFix;
}

export interface ProgramContext<State = undefined> {
  readonly settings: ReviewSettings;
  readonly project: ProjectView;
  readonly state: State;
  /** Reports on files outside the review (an unchanged module the model read) are dropped by the engine. */
  report(report: ModelReport): void;
}

export interface ProjectContext<State = undefined> {
  readonly settings: ReviewSettings;
  readonly state: State;
  report(report: PlacedReport): void;
}

/**
 * A rule in the engine's one pass: per-language visitors, a judgement per program model, a
 * judgement over the project's files; any of the three, sharing the state `begin` makes.
 */
export interface ModelRule<State = undefined> {
  meta: RuleMeta;
  scope: 'model';
  begin?(project: ProjectView, settings: ReviewSettings): State;
  visitors?: { [L in LanguageId]?: (context: UnitContext<State>) => Visitors };
  program?(program: ProgramModel, context: ProgramContext<State>): void;
  project?(project: ProjectView, context: ProjectContext<State>): void;
}

/** Every rule of the catalog. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Rule = ModelRule<any>;
