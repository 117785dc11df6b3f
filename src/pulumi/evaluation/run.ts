/**
 * What every front-end's evaluator shares: the model being built, the step budget that keeps
 * evaluation linear in the program's size, the loops around the code being run (each resource
 * records them), which function bodies have run, the call stack (for the depth limit and
 * recursion), and sites for nodes of the module being run.
 */
import type { ModelBuilder } from '../builder.js';
import { Site, type SiteSource } from '../site.js';
import type { SyntaxNode } from '../../syntax/flat-tree.js';
import type { Resource } from '../model.js';
import type { ClassInfo, EvalValue } from './eval-values.js';
import type { Scope } from './scope.js';

export const MAX_CALL_DEPTH = 10;
export const MAX_ITERATIONS = 128;
export const MAX_NESTING = 120;

/** One module of the program under evaluation. */
export interface EvalModule {
  /** The path its code stands for (a file, or the file a Markdown block names). */
  path: string;
  root: SyntaxNode;
  scope: Scope;
  source: SiteSource;
  state: 'pending' | 'running' | 'done';
}

/** Shared by every creation outside undecided alternatives (most of them). */
const NO_BRANCHES: { choice: number; branch: number }[] = [];

export class EvaluationRun {
  steps = 0;
  nesting = 0;
  readonly loops: { index: number | undefined; count: number | undefined }[] = [];
  /** Undecided alternatives around the code being run (CreationContext.branches). */
  readonly branches: { choice: number; branch: number }[] = [];
  private choices = 0;
  /** Function bodies run at least once (the entry pass runs the others). */
  readonly executed = new Set<number>();
  readonly callStack: number[] = [];
  /** Every class the program defines, in definition order. */
  readonly classes: ClassInfo[] = [];
  /** Attributes the program sets on resource objects itself (`vpc.private_subnet_ids = [...]`), not outputs. */
  readonly resourceFields = new WeakMap<Resource, Map<string, EvalValue>>();

  constructor(
    readonly builder: ModelBuilder,
    readonly budget: number,
  ) {}

  get exhausted(): boolean {
    return this.steps > this.budget;
  }

  site(node: SyntaxNode, module: { source: SiteSource }): Site {
    return new Site(module.source, node.startIndex, node.endIndex);
  }

  /** A new undecided choice: its branches are exclusive (see `inBranch`). */
  newChoice(): number {
    return ++this.choices;
  }

  /** Runs `run` as branch `branch` of the undecided choice `choice`. */
  inBranch<T>(choice: number, branch: number, run: () => T): T {
    this.branches.push({ choice, branch });
    try {
      return run();
    } finally {
      this.branches.pop();
    }
  }

  /** The undecided alternatives around the code being run, as a resource created now records them. */
  branchContext(): { choice: number; branch: number }[] {
    return this.branches.length ? this.branches.map((branch) => ({ ...branch })) : NO_BRANCHES;
  }

  /** The loops around the code being run, as a resource created now records them. */
  loopContext(): { index: number | undefined; count: number | undefined }[] {
    return this.loops.map((loop) => ({ ...loop }));
  }
}
