/**
 * Which provider a resource is created with, as Pulumi decides it: the `provider` (or
 * `providers`) option; else the provider its parent was given, inherited down the parent chain;
 * else the default provider, configured by whoever runs `pulumi up`. When options are not
 * visible (a component whose caller is not in the program) the answer is unknown.
 */
import type { Argument, Resource, Value } from './model.js';
import { describeValue } from './values.js';

export type ProviderChoice =
  | { kind: 'explicit'; value: Value; /** The resource whose options name it (itself or an ancestor). */ setBy: Resource }
  | { kind: 'default' }
  | { kind: 'unknown'; reason: string };

export const PROVIDER_OPTIONS = ['provider', 'providers'] as const;

/** The provider option a resource sets itself, if any. */
export function ownProvider(resource: Resource): Argument | undefined {
  for (const name of PROVIDER_OPTIONS) {
    const option = resource.options.values.get(name);
    if (option && option.value.kind !== 'null') return option;
  }
  return undefined;
}

export function effectiveProvider(resource: Resource): ProviderChoice {
  const seen = new Set<Resource>();
  for (let current: Resource | undefined = resource; current; ) {
    if (seen.has(current)) return { kind: 'unknown', reason: 'a parent cycle' };
    seen.add(current);
    const own = ownProvider(current);
    if (own) return { kind: 'explicit', value: own.value, setBy: current };
    if (current.options.open) return { kind: 'unknown', reason: current.options.openReason ?? 'options that are not visible' };
    const parent: Value | undefined = current.options.values.get('parent')?.value;
    if (!parent || parent.kind === 'null') return { kind: 'default' };
    if (parent.kind !== 'resource') return { kind: 'unknown', reason: `parent ${describeValue(parent)}` };
    current = parent.resource;
  }
  return { kind: 'default' };
}

/** A key that is equal for the same provider (the same resource, or the same expression as written). */
export function providerKey(value: Value): string {
  if (value.kind === 'resource') return `resource:${value.resource.id}`;
  if (value.kind === 'list') return value.items.map(providerKey).join(',');
  return `text:${value.site?.text ?? describeValue(value)}`;
}

/** How to name the provider in a message: the expression that passes it (`self.provider`), else where it is stored. */
export function providerName(option: Argument): string {
  if (option.site) return option.site.text;
  if (option.value.kind === 'resource') return option.value.resource.boundTo ?? describeValue(option.value);
  return option.value.site?.text ?? describeValue(option.value);
}
