/**
 * The context every resource section writes with (`Ctx`) and its small helpers: resource and
 * function names in the file's import style, `opts=` and `tags=` arguments.
 */
import type { Planter } from './planter.js';
import type { Random } from './seeded-random.js';
import type { Project, Style } from './vocabulary.js';

// ---------------------------------------------------------------- resource snippets

export interface Ctx {
  random: Random;
  planter: Planter;
  project: Project;
  style: Style;
  /** Modules of pulumi_aws used (for `from pulumi_aws import ...`). */
  modules: Set<string>;
  /** Uses json.dumps. */
  json: boolean;
  /** Planted failures reserved for this file. */
  parent: string;
}

export function r(ctx: Ctx, module: string, resource: string): string {
  ctx.modules.add(module);
  return `${ctx.style.aws(module)}${resource}`;
}

/** A top-level name of pulumi_aws (`aws.Provider`, `aws.get_availability_zones`). */
export function fn(ctx: Ctx, name: string): string {
  ctx.modules.add(name);
  return ctx.style.awsAlias ? `aws.${name}` : name;
}

export function opts(ctx: Ctx, extra = ''): string {
  return `opts=${ctx.style.opts}(parent=${ctx.parent}${extra})`;
}

export function tags(ctx: Ctx, name: string): string {
  return `tags={**self.tags, "Name": f"${name}"}`;
}
