/**
 * Where a program places its resources, read from the program model once and shared by the
 * region rules (IAC201 region differs from the requirement, IAC502 mixed regions): which regions
 * explicit providers and per-resource `region` arguments name, and every availability zone, ARN
 * and endpoint written in resource arguments, invoke arguments and stack outputs, with the
 * resource it configures. Tags and logical names are labels, not placement, and are not read.
 */
import { GLOBAL_SERVICE_ARN_SERVICES, GLOBAL_SERVICE_REGION, isRegionName, regionsInText, zoneRegion } from '../aws/regions.js';
import type { ConfigRead, ProgramModel, Resource, Site, Value } from './model.js';
import { effectiveProvider, ownProvider, providerKey, providerName } from './providers.js';
import { typeName } from './spelling.js';
import { referencedResources, stringOf } from './values.js';

export type MentionKind = 'provider' | 'resource-region' | 'availability-zone' | 'arn' | 'endpoint';

export interface RegionMention {
  kind: MentionKind;
  region: string;
  /** What the mention is, for messages: ``availability zone `us-west-2a` ``. */
  label: string;
  /** For ARNs: the service (`acm`, `lambda`...). */
  service?: string;
  /** Where to report it: the literal (in a constant, a list looped over...), else the argument. */
  site: Site;
  /** The resource whose argument names the region; undefined in stack outputs and invoke arguments. */
  resource?: Resource;
  /** Where the mention is, for messages: `` `aws.ec2.Subnet` ``, `` stack output `url` ``. */
  owner: string;
  /** The region is the default of a configuration read: it applies when the key is not set. */
  configDefault?: ConfigRead;
}

/** Where a resource is created: a known region (its own `region` argument, or its provider's), the default provider, or not known. */
export type Placement =
  | { kind: 'region'; region: string; how: 'argument' }
  | { kind: 'region'; region: string; how: 'provider'; providerName: string }
  | { kind: 'default' }
  | { kind: 'unknown' };

export interface ProgramRegions {
  /** Each resource's mentions once, in document order (a literal in a loop is one mention per resource made). */
  mentions: RegionMention[];
  /** Regions served by an explicit provider with a known region, or named by a per-resource `region`. */
  explicitRegions: Set<string>;
  /** Explicit providers whose region cannot be read statically (config without default, loops over config...). */
  unknownProviders: number;
  /** Some AWS resource is created with the default provider and no `region` argument. */
  defaultProviderResources: boolean;
  usesCloudFront: boolean;
}

const isProvider = (resource: Resource) => resource.type.provider === 'aws' && resource.type.key === 'index.Provider';
/** Arguments that label a resource rather than place it. */
const LABEL_ARGUMENTS = new Set(['tags', 'tags_all', 'region']);

/** The regions a value names as a region: a region name, or a config read's default region. */
function regionValues(value: Value | undefined): { regions: string[]; configDefault?: ConfigRead; site: Site | undefined } | undefined {
  if (!value) return undefined;
  if (value.kind === 'config') {
    const fallback = value.read.default;
    const text = stringOf(fallback);
    return text !== undefined && isRegionName(text) ? { regions: [text], configDefault: value.read, site: fallback?.site } : undefined;
  }
  const text = stringOf(value);
  return text !== undefined && isRegionName(text) ? { regions: [text], site: value.site } : undefined;
}

/** The region of an `aws.Provider` resource, if it has exactly one known region. */
export function providerRegion(provider: Resource): string | undefined {
  const region = provider.args.get('region');
  return region ? regionValues(region.value)?.regions[0] : undefined;
}

/** The `aws.Provider` a provider option names, when it names exactly one. */
function providerResource(value: Value): Resource | undefined {
  const providers = referencedResources(value).filter(isProvider);
  return providers.length === 1 ? providers[0] : undefined;
}

export function placementOf(resource: Resource): Placement {
  const own = resource.args.get('region');
  if (own) {
    const region = regionValues(own.value)?.regions[0];
    return region ? { kind: 'region', region, how: 'argument' } : { kind: 'unknown' };
  }
  const choice = effectiveProvider(resource);
  if (choice.kind !== 'explicit') return choice.kind === 'default' ? { kind: 'default' } : { kind: 'unknown' };
  const provider = providerResource(choice.value);
  const region = provider ? providerRegion(provider) : undefined;
  const option = ownProvider(choice.setBy);
  return region && option ? { kind: 'region', region, how: 'provider', providerName: providerName(option) } : { kind: 'unknown' };
}

type Emit = (mention: Omit<RegionMention, 'owner' | 'resource'>) => void;

/** Availability zones, ARNs and endpoints anywhere inside a value (lists, dicts, templates, JSON documents, Output results, config defaults). */
function textMentions(value: Value, fallback: Site | undefined, emit: Emit): void {
  const stack: { value: Value; configDefault?: ConfigRead }[] = [{ value }];
  const seen = new Set<Value>();
  while (stack.length) {
    const { value: current, configDefault } = stack.pop() as { value: Value; configDefault?: ConfigRead };
    if (seen.has(current)) continue;
    seen.add(current);
    const site = current.site ?? fallback;
    switch (current.kind) {
      case 'string':
      case 'template': {
        // JSON text: its parts, at their own sites (the ARN in a multi-line policy).
        if (current.kind === 'string' && current.encodes) {
          stack.push({ value: current.encodes });
          break;
        }
        const text = current.kind === 'string' ? current.value : templateText(current.parts);
        if (!site) break;
        const extra = configDefault ? { configDefault } : {};
        const zone = zoneRegion(text);
        if (zone) {
          emit({ kind: 'availability-zone', region: zone, label: `availability zone \`${text}\``, site, ...extra });
          break;
        }
        for (const found of regionsInText(text)) {
          const label = found.kind === 'arn' ? `ARN \`${found.text}\`` : `endpoint \`${found.text}\``;
          emit({ kind: found.kind, region: found.region, label, site, ...(found.service ? { service: found.service } : {}), ...extra });
        }
        break;
      }
      case 'list':
        for (let index = current.items.length - 1; index >= 0; index--) stack.push({ value: current.items[index] as Value });
        break;
      case 'dict':
        for (const item of [...current.entries.values()].reverse()) stack.push({ value: item });
        break;
      case 'output':
        if (current.known) stack.push({ value: current.known });
        break;
      case 'unknown':
        if (current.encodes) stack.push({ value: current.encodes });
        break;
      case 'config':
        if (current.read.default) stack.push({ value: current.read.default, configDefault: current.read });
        break;
      default:
        break;
    }
  }
}

/** A template's text with known holes filled in and unknown ones as `{…}` (they can never form a region). */
function templateText(parts: readonly (string | Value)[]): string {
  return parts.map((part) => (typeof part === 'string' ? part : part.kind === 'number' ? String(part.value) : (stringOf(part) ?? '{…}'))).join('');
}

const cache = new WeakMap<ProgramModel, ProgramRegions>();

export function programRegions(model: ProgramModel): ProgramRegions {
  let facts = cache.get(model);
  if (!facts) {
    facts = collect(model);
    cache.set(model, facts);
  }
  return facts;
}

function collect(model: ProgramModel): ProgramRegions {
  const facts: ProgramRegions = { mentions: [], explicitRegions: new Set(), unknownProviders: 0, defaultProviderResources: false, usesCloudFront: false };
  const unknownProviders = new Set<string>();
  const language = model.language;
  for (const resource of model.resources) {
    if (resource.type.provider === 'aws' && resource.type.module === 'cloudfront') facts.usesCloudFront = true;
    const owner = `\`${typeName(resource.type, language)}\``;
    const seen = new Set<string>();
    const emit: Emit = (mention) => {
      const key = `${siteKey(mention.site)}:${mention.kind}:${mention.region}`;
      if (seen.has(key)) return;
      seen.add(key);
      facts.mentions.push({ ...mention, owner, resource });
    };
    const region = resource.args.get('region');
    if (isProvider(resource)) {
      const regions = region ? regionValues(region.value) : undefined;
      const site = regions?.site ?? region?.site;
      if (!regions || !site) unknownProviders.add(`site:${siteKey(resource.site)}`);
      else {
        for (const name of regions.regions) {
          facts.explicitRegions.add(name);
          const label = regions.configDefault ? `provider region \`${name}\` (the default of config \`${regions.configDefault.key}\`)` : `provider region \`${name}\``;
          emit({ kind: 'provider', region: name, label, site, ...(regions.configDefault ? { configDefault: regions.configDefault } : {}) });
        }
      }
    } else if (resource.type.provider === 'aws') {
      const regions = region ? regionValues(region.value) : undefined;
      const site = regions?.site ?? region?.site;
      if (regions && site) {
        for (const name of regions.regions) {
          facts.explicitRegions.add(name);
          emit({ kind: 'resource-region', region: name, label: `resource region \`${name}\``, site, ...(regions.configDefault ? { configDefault: regions.configDefault } : {}) });
        }
      }
      if (!region) {
        const choice = effectiveProvider(resource);
        if (choice.kind === 'default') facts.defaultProviderResources = true;
        if (choice.kind === 'explicit' && !providerResource(choice.value)) unknownProviders.add(providerKey(choice.value));
      }
    }
    for (const argument of resource.args.values()) {
      if (!LABEL_ARGUMENTS.has(argument.name)) textMentions(argument.value, argument.site, emit);
    }
  }
  for (const invoke of model.invokes) {
    const [module, name] = invoke.key.split('.');
    const owner = `\`${invoke.provider}.${module === 'index' ? '' : `${module}.`}${name}\``;
    for (const argument of invoke.args.values()) textMentions(argument.value, argument.site, (mention) => facts.mentions.push({ ...mention, owner }));
  }
  for (const output of model.exports) {
    const name = stringOf(output.name);
    const owner = name !== undefined ? `stack output \`${name}\`` : 'a stack output';
    textMentions(output.value, output.site, (mention) => facts.mentions.push({ ...mention, owner }));
  }
  facts.mentions.sort((a, b) => (a.site.path < b.site.path ? -1 : a.site.path > b.site.path ? 1 : a.site.line - b.site.line || a.site.start - b.site.start));
  facts.unknownProviders = unknownProviders.size;
  return facts;
}

/** Equal for the same place in the same file (a Markdown block's offsets are its own). */
export function siteKey(site: Site): string {
  return `${site.path}:${site.source.lineOffset}:${site.start}:${site.end}`;
}

/**
 * us-east-1 names that belong to global services: CloudFront needs its ACM certificates,
 * Lambda@Edge functions and WAF ACLs in us-east-1 whatever region the stack uses.
 */
export function isGlobalServiceMention(mention: RegionMention, facts: ProgramRegions): boolean {
  if (mention.region !== GLOBAL_SERVICE_REGION) return false;
  if (facts.usesCloudFront) return true;
  return mention.kind === 'arn' && mention.service !== undefined && GLOBAL_SERVICE_ARN_SERVICES.has(mention.service);
}

/**
 * Regions the requirement allows: the required one, plus the regions of explicit providers when
 * the program visibly also deploys to the required region (a deliberate multi-region design).
 */
export function allowedRegions(required: string, facts: ProgramRegions): Set<string> {
  const allowed = new Set([required]);
  const requiredInUse =
    facts.explicitRegions.has(required) ||
    facts.mentions.some((mention) => mention.region === required) ||
    (facts.defaultProviderResources && (facts.explicitRegions.size > 0 || facts.unknownProviders > 0));
  if (requiredInUse) for (const region of facts.explicitRegions) allowed.add(region);
  return allowed;
}

export type MentionVerdict = { flag: false } | { flag: true; placement?: Placement };

/**
 * Whether a mention is outside the required region: its region is not allowed, and nothing
 * suggests a provider whose region cannot be read serves it (then the literal may well be right).
 * A config default is not judged when the stack file that states the requirement sets that key.
 */
export function requirementVerdict(mention: RegionMention, allowed: ReadonlySet<string>, facts: ProgramRegions, regionSource: string | undefined): MentionVerdict {
  if (isGlobalServiceMention(mention, facts) || allowed.has(mention.region)) return { flag: false };
  const read = mention.configDefault;
  if (read?.namespace === 'aws' && read.key === 'region' && regionSource?.startsWith('aws:region in ')) return { flag: false };
  if (mention.kind === 'provider' || mention.kind === 'resource-region') return { flag: true };
  const placement = mention.resource ? placementOf(mention.resource) : ({ kind: 'default' } as const);
  if (placement.kind === 'region') return { flag: true, placement };
  if (mention.resource?.args.has('region') || (mention.resource && effectiveProvider(mention.resource).kind === 'explicit')) return { flag: false };
  return facts.unknownProviders > 0 ? { flag: false } : { flag: true };
}
