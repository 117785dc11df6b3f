/**
 * Recognising Pulumi constructs by what names resolve to through the imports, so every
 * import form (`import pulumi_aws as aws`, `from pulumi_aws import ec2`,
 * `from pulumi_aws.ec2 import Vpc`) is understood the same way.
 */
import type { SyntaxNode } from './parser.js';
import { callArguments, calleeName } from './calls.js';
import type { ImportTable } from './names.js';
import { descendantsOfType } from '../syntax/walk.js';

const PROVIDER_PACKAGE = /^pulumi_[a-z0-9_]+$/;
const NOT_A_RESOURCE = /(Args|ArgsDict|Output|Result|Arn|Type|Enum)$/;

const resourceClassNames = new Map<string, boolean>();

/** True for a provider resource class such as `pulumi_aws.ec2.Vpc` or `pulumi_aws.Provider` (memoised: names repeat endlessly). */
export function isResourceClass(qualified: string): boolean {
  let answer = resourceClassNames.get(qualified);
  if (answer === undefined) {
    answer = readIsResourceClass(qualified);
    if (resourceClassNames.size < 20_000) resourceClassNames.set(qualified, answer);
  }
  return answer;
}

function readIsResourceClass(qualified: string): boolean {
  const parts = qualified.split('.');
  const top = parts[0] ?? '';
  const last = parts[parts.length - 1] ?? '';
  if (!PROVIDER_PACKAGE.test(top) || parts.length < 2) return false;
  if (parts.some((part) => part === 'config')) return false;
  return /^[A-Z]/.test(last) && !NOT_A_RESOURCE.test(last);
}

export function isComponentResourceName(qualified: string | undefined): boolean {
  return qualified === 'pulumi.ComponentResource' || qualified === 'pulumi.resource.ComponentResource';
}

export function isResourceOptionsName(qualified: string | undefined): boolean {
  return qualified === 'pulumi.ResourceOptions' || qualified === 'pulumi.resource.ResourceOptions';
}

export interface ResourceCall {
  call: SyntaxNode;
  qualified: string;
}

/** Calls below `scope` that construct a provider resource. */
export function resourceCalls(scope: SyntaxNode, imports: ImportTable): ResourceCall[] {
  const found: ResourceCall[] = [];
  for (const call of descendantsOfType(scope, 'call')) {
    const qualified = calleeName(call, imports);
    if (qualified && isResourceClass(qualified)) found.push({ call, qualified });
  }
  return found;
}

/** The `opts` argument of a resource call: `opts=` or the third positional argument. */
export function resourceOptionsArgument(call: SyntaxNode): SyntaxNode | undefined {
  const args = callArguments(call);
  return args.keywords.get('opts') ?? args.positional[2];
}

/**
 * Keyword arguments of an inline `pulumi.ResourceOptions(...)`; undefined when the options
 * come from a variable or helper whose contents cannot be seen.
 */
export function inlineResourceOptions(opts: SyntaxNode, imports: ImportTable): ReadonlyMap<string, SyntaxNode> | undefined {
  if (opts.type !== 'call' || !isResourceOptionsName(calleeName(opts, imports))) return undefined;
  const args = callArguments(opts);
  return args.hasSplat ? undefined : args.keywords;
}
