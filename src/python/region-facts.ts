/**
 * Program-wide facts about regions, computed once per review and shared by the region checks
 * (IAC201 region differs from the requirement, IAC502 mixed regions): which regions explicit
 * providers serve, where the code names regions, and which regions the requirement allows.
 */
import { callArguments, calleeName } from './calls.js';
import { Evaluator } from './evaluate.js';
import {
  enclosingResourceCall,
  providerConstructions,
  regionMentions,
  resourceProvider,
  type ProviderConstruction,
  type RegionMention,
} from './regions.js';
import { descendantsOfType } from '../syntax/walk.js';
import { detachNode } from '../syntax/detached-node.js';
import { programUnits, type ProgramUnit } from './program.js';
import type { ProjectView, ReviewedFile } from '../api/rule.js';
import type { PythonUnit } from './units.js';
import { getOrCompute } from '../syntax/memo-table.js';

/** Where a resource's provider comes from, without holding its node. */
export type ProviderRef = { kind: 'default' | 'inherited' | 'unknown' } | { kind: 'explicit'; name: string | undefined };

/** A region mention with what the region rules ask about it, read while the tree was at hand. */
export interface MentionFacts extends RegionMention {
  /** Index of the mention's node in its unit's tree: same node, same index, after a re-parse. */
  at: number;
  /** 0-based row of the node in its unit. */
  row: number;
  /** The AWS resource call the mention sits in (not inside a nested function) and its provider. */
  resource: { qualified: string; provider: ProviderRef } | undefined;
}

export interface UnitRegionFacts {
  unit: PythonUnit;
  reviewed: boolean;
  mentions: MentionFacts[];
  providers: ProviderConstruction[];
}

export interface ProgramRegionFacts {
  units: UnitRegionFacts[];
  /** Regions served by an explicit provider with a known region, or a per-resource `region=`. */
  explicitRegions: Set<string>;
  /** Explicit providers whose region cannot be read statically (config, loops over config...). */
  unknownProviders: number;
  /** Any non-test resource created with the default provider. */
  defaultProviderResources: boolean;
  usesCloudFront: boolean;
}

/**
 * Builds the program's region facts unit by unit: the region rules feed it each reviewed file
 * right after it is parsed (visitFile), and the project's other Python files at the end. One
 * builder per review, shared by IAC201 and IAC502; the facts hold no tree (see detachNode).
 */
class RegionFactsBuilder {
  private readonly facts: ProgramRegionFacts = {
    units: [],
    explicitRegions: new Set(),
    unknownProviders: 0,
    defaultProviderResources: false,
    usesCloudFront: false,
  };
  private readonly unknownProviderTexts = new Set<string>();
  private readonly added = new Set<PythonUnit>();
  private finished = false;

  add(unit: PythonUnit, reviewed: boolean): void {
    if (this.finished || this.added.has(unit)) return;
    this.added.add(unit);
    const facts = this.facts;
    const evaluator = new Evaluator();
    const mentions = regionMentions(unit, evaluator).map((mention) => mentionFacts(mention, unit));
    const providers = providerConstructions(unit, evaluator).map((provider) => detachNode(provider, 'call', unit));
    const entry: UnitRegionFacts = { unit, reviewed, mentions, providers };
    facts.units.push(entry);
    if (unit.isTestFile) return;
    for (const provider of entry.providers) {
      if (provider.regions) for (const region of provider.regions) facts.explicitRegions.add(region);
      else this.unknownProviderTexts.add(`${unit.path}:${provider.call.startIndex}`);
    }
    for (const mention of entry.mentions) if (mention.kind === 'resource-region') facts.explicitRegions.add(mention.region);
    for (const call of descendantsOfType(unit.root, 'call')) {
      const qualified = calleeName(call, unit.imports);
      if (!qualified?.startsWith('pulumi_aws.')) continue;
      if (qualified.startsWith('pulumi_aws.cloudfront.')) facts.usesCloudFront = true;
      if (!/^[A-Z]/.test(qualified.split('.').pop() ?? '') || /Args$/.test(qualified)) continue;
      const provider = resourceProvider(call, unit);
      if (provider.kind === 'default' && !qualified.endsWith('.Provider') && !callArguments(call).keywords.has('region')) facts.defaultProviderResources = true;
      if (provider.kind === 'explicit' && !providerOf(provider.name, unit, facts.units)) {
        this.unknownProviderTexts.add(provider.name ? `${provider.name.startsWith('self.') ? unit.path : ''}:${provider.name}` : `${unit.path}:${provider.node.startIndex}`);
      }
    }
  }

  /** Adds what was not fed yet (in program order) and closes the facts. */
  finish(program: readonly ProgramUnit[]): ProgramRegionFacts {
    if (!this.finished) {
      for (const { unit, reviewed } of program) this.add(unit, reviewed);
      this.facts.unknownProviders = this.unknownProviderTexts.size;
      this.finished = true;
    }
    return this.facts;
  }
}

function mentionFacts(mention: RegionMention, unit: PythonUnit): MentionFacts {
  const node = mention.node;
  const resource = enclosingResourceCall(node, unit);
  const provider = resource ? resourceProvider(resource.call, unit) : undefined;
  const facts: MentionFacts = {
    ...mention,
    at: node.index,
    row: node.startPosition.row,
    resource: resource && provider ? { qualified: resource.qualified, provider: provider.kind === 'explicit' ? { kind: 'explicit', name: provider.name } : { kind: provider.kind } } : undefined,
  };
  return detachNode(facts, 'node', unit);
}

const builders = new WeakMap<ProjectView, RegionFactsBuilder>();

function builderFor(project: ProjectView): RegionFactsBuilder {
  return getOrCompute(builders, project, () => new RegionFactsBuilder());
}

/** Feeds a reviewed file's units to the review's region facts while their trees are fresh. */
export function addFileRegionFacts(project: ProjectView, file: ReviewedFile): void {
  for (const unit of file.units) builderFor(project).add(unit, true);
}

/** The program's region facts: the fed files, then the project's other Python files. */
export function programRegionFacts(project: ProjectView): ProgramRegionFacts {
  return builderFor(project).finish(programUnits(project));
}

/**
 * The provider construction a `provider=` expression names: `west` anywhere in the program
 * (module-level names are imported across files), `self.x` only within the same file.
 */
export function providerOf(name: string | undefined, unit: PythonUnit, units: readonly UnitRegionFacts[]): ProviderConstruction | undefined {
  if (!name) return undefined;
  const candidates = units
    .filter((entry) => !name.startsWith('self.') || entry.unit === unit)
    .flatMap((entry) => entry.providers.filter((provider) => provider.binding === name));
  return candidates.length === 1 ? candidates[0] : undefined;
}

/** The one region of a provider, if it has exactly one known region. */
export function singleRegion(provider: ProviderConstruction | undefined): string | undefined {
  return provider?.regions?.length === 1 ? provider.regions[0] : undefined;
}

/**
 * us-east-1 names that belong to global services: CloudFront needs its ACM certificates,
 * Lambda@Edge functions and WAF ACLs in us-east-1 whatever region the stack uses.
 */
export function isGlobalServiceMention(mention: RegionMention, facts: ProgramRegionFacts): boolean {
  if (mention.region !== 'us-east-1') return false;
  if (facts.usesCloudFront) return true;
  return mention.kind === 'arn' && (mention.service === 'acm' || mention.service === 'wafv2');
}

/**
 * Regions the requirement allows: the required one, plus the regions of explicit providers when
 * the program visibly also deploys to the required region (a deliberate multi-region design).
 */
export function allowedRegions(required: string, facts: ProgramRegionFacts): Set<string> {
  const allowed = new Set([required]);
  const requiredInUse =
    facts.explicitRegions.has(required) ||
    facts.units.some((entry) => !entry.unit.isTestFile && entry.mentions.some((mention) => mention.region === required)) ||
    (facts.defaultProviderResources && (facts.explicitRegions.size > 0 || facts.unknownProviders > 0));
  if (requiredInUse) for (const region of facts.explicitRegions) allowed.add(region);
  return allowed;
}

export type MentionVerdict = { flag: false } | { flag: true; providerRegion?: string; providerName?: string };

/**
 * Whether IAC201 flags a mention: its region is not allowed and nothing suggests it is served by
 * a provider whose region cannot be read (then the literal may well be right).
 */
export function requirementVerdict(mention: MentionFacts, entry: UnitRegionFacts, allowed: ReadonlySet<string>, facts: ProgramRegionFacts): MentionVerdict {
  if (isGlobalServiceMention(mention, facts)) return { flag: false };
  if (allowed.has(mention.region)) return { flag: false };
  if (entry.unit.isTestFile && (mention.kind === 'availability-zone' || mention.kind === 'arn' || mention.kind === 'endpoint')) return { flag: false };
  if (mention.kind === 'provider' || mention.kind === 'resource-region' || mention.kind === 'sdk-client') return { flag: true };
  const provider = mention.resource?.provider;
  if (provider?.kind === 'explicit') {
    const region = singleRegion(providerOf(provider.name, entry.unit, facts.units));
    return region ? { flag: true, providerRegion: region, providerName: provider.name } : { flag: false };
  }
  return facts.unknownProviders > 0 ? { flag: false } : { flag: true };
}
