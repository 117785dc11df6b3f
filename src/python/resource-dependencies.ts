/**
 * Resource dependencies for the NAT gateway case of IAC501 (checks/wrong-resource-dependencies.ts):
 * the resources a resource depends on through its arguments and `depends_on`, and whether the
 * dependency graph from a resource reaches an internet gateway.
 */
import type { PythonUnit } from './units.js';
import { callArguments, stringLiteralValue } from './calls.js';
import { dottedName } from './names.js';
import { optionsOf, references, resolveWithLoops, type Resource } from './resource-bindings.js';

export const GATEWAYS = new Set(['pulumi_aws.ec2.InternetGateway', 'pulumi_aws.ec2.InternetGatewayAttachment']);

export interface DependencyView {
  /** Resources a resource depends on, or undefined when its options cannot be read. */
  deps: Resource[] | undefined;
  /** Names in the relevant arguments that resolve to nothing (parameters, other objects). */
  unresolved: string[];
}

export function dependencies(resource: Resource, resources: readonly Resource[], unit: PythonUnit, relevant?: readonly string[]): DependencyView {
  const args = callArguments(resource.call);
  const options = optionsOf(resource.call, unit);
  if (!options || args.hasSplat) return { deps: undefined, unresolved: [] };
  const deps: Resource[] = [];
  const unresolved: string[] = [];
  const argumentNodes = [...args.positional.slice(1, 2), ...[...args.keywords].filter(([key]) => key !== 'opts').map(([, value]) => value)];
  for (const value of argumentNodes) {
    for (const name of references(value)) deps.push(...resolveWithLoops(name, resource.call, resources));
  }
  const dependsOn = options.get('depends_on');
  if (dependsOn) {
    const items = dependsOn.type === 'list' || dependsOn.type === 'tuple' ? dependsOn.namedChildren.filter((item) => item.type !== 'comment') : [dependsOn];
    for (const item of items) {
      const name = dottedName(item.type === 'subscript' ? (item.childForFieldName('value') ?? item) : item);
      const found = name ? resolveWithLoops(name, resource.call, resources) : [];
      if (found.length === 0) unresolved.push(item.text);
      deps.push(...found);
    }
  }
  for (const key of relevant ?? []) {
    const value = args.keywords.get(key);
    if (!value || stringLiteralValue(value) !== undefined) continue;
    const heads = references(value).filter((name) => !name.includes('.') || (name.startsWith('self.') && name.split('.').length === 2));
    const head = heads.find((name) => name.startsWith('self.')) ?? heads[0];
    if (head && resolveWithLoops(head, resource.call, resources).length === 0) unresolved.push(head);
  }
  return { deps, unresolved };
}

/** Walks the dependency graph from `start`; 'unknown' when some options along the way cannot be read. */
export function reachesGateway(start: readonly Resource[], gateways: readonly Resource[], resources: readonly Resource[], unit: PythonUnit): 'yes' | 'missing' | 'unknown' {
  const targets = new Set(gateways.map((gateway) => gateway.call.id));
  const seen = new Set<number>();
  const pending = [...start];
  while (pending.length > 0) {
    const resource = pending.pop() as Resource;
    if (seen.has(resource.call.id)) continue;
    seen.add(resource.call.id);
    if (targets.has(resource.call.id) || GATEWAYS.has(resource.qualified)) return 'yes';
    const view = dependencies(resource, resources, unit);
    if (!view.deps || view.unresolved.length > 0) return 'unknown';
    pending.push(...view.deps);
  }
  return 'missing';
}
