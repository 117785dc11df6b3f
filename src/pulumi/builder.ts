/**
 * Collects what a front-end finds while it evaluates one program, and assembles the model:
 * the dependency edges are worked out here, once, from the arguments and options of every
 * resource, so no rule derives them again.
 */
import type { AttributeRead, ComponentClass, ConfigRead, DictValue, Edge, Invoke, OutputMisuse, ProgramModel, Resource, SourceLanguage, StackExport } from './model.js';
import type { SiteSource } from './site.js';
import { referencedResources } from './values.js';
import { getOrCompute } from '../syntax/memo-table.js';

export class ModelBuilder {
  private nextId = 1;
  readonly resources: Resource[] = [];
  readonly components: ComponentClass[] = [];
  readonly invokes: Invoke[] = [];
  readonly exports: StackExport[] = [];
  readonly configReads: ConfigRead[] = [];
  readonly outputMisuses: OutputMisuse[] = [];
  readonly argsObjects: DictValue[] = [];
  readonly attributeReads: AttributeRead[] = [];
  readonly files = new Set<string>();

  constructor(
    readonly root: string,
    readonly kind: ProgramModel['kind'],
    readonly language: SourceLanguage,
  ) {}

  newResourceId(): number {
    return this.nextId++;
  }

  addResource(resource: Resource): void {
    this.resources.push(resource);
  }

  private readonly misuseKeys = new Map<SiteSource, Set<string>>();

  addMisuse(misuse: OutputMisuse): void {
    // The same expression evaluated again (a helper called twice) is one misuse.
    const key = `${misuse.site.start}:${misuse.site.end}:${misuse.how}`;
    const keys = getOrCompute(this.misuseKeys, misuse.site.source, () => new Set<string>());
    if (keys.has(key)) return;
    keys.add(key);
    this.outputMisuses.push(misuse);
  }

  private readonly readKeys = new Map<SiteSource, Set<string>>();

  addAttributeRead(read: AttributeRead): void {
    // The same expression evaluated again on the same kind of object (a helper called twice) is one read.
    const target = read.resource ? `r:${read.resource.type.key}` : `i:${read.invoke?.key ?? ''}`;
    const key = `${read.site.start}:${read.site.end}:${target}`;
    const keys = getOrCompute(this.readKeys, read.site.source, () => new Set<string>());
    if (keys.has(key)) return;
    keys.add(key);
    this.attributeReads.push(read);
  }

  build(): ProgramModel {
    return {
      root: this.root,
      kind: this.kind,
      language: this.language,
      files: [...this.files].sort(),
      resources: this.resources,
      components: this.components,
      invokes: this.invokes,
      exports: this.exports,
      configReads: this.configReads,
      outputMisuses: this.outputMisuses,
      attributeReads: this.attributeReads,
      edges: edgesOf(this.resources),
      argsObjects: this.argsObjects,
    };
  }
}

const OPTION_EDGES: readonly [string, Edge['kind']][] = [
  ['depends_on', 'depends_on'],
  ['parent', 'parent'],
  ['provider', 'provider'],
  ['providers', 'provider'],
];

function edgesOf(resources: readonly Resource[]): Edge[] {
  const edges: Edge[] = [];
  for (const resource of resources) {
    for (const argument of resource.args.values()) {
      for (const target of referencedResources(argument.value)) {
        if (target !== resource) edges.push({ from: resource, to: target, kind: 'input', via: argument.name });
      }
    }
    for (const [name, kind] of OPTION_EDGES) {
      const value = resource.options.values.get(name)?.value;
      for (const target of referencedResources(value)) {
        if (target !== resource) edges.push({ from: resource, to: target, kind, via: name });
      }
    }
  }
  return edges;
}
