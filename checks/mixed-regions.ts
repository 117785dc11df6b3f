/**
 * IAC502: one stack that names more than one region (availability zones, ARNs, endpoints,
 * providers) without one explicit provider per region, and availability zones given to a
 * resource that its provider (inherited through `parent` too) or its own `region` argument
 * places in another region. Read from the program model. With a required region known, IAC201
 * already reports every literal outside it, so this check leaves those to IAC201.
 */
import type { ModelRule, ProgramContext } from '../src/api/rule.js';
import { isRegionName } from '../src/aws/regions.js';
import { allowedRegions, isGlobalServiceMention, placementOf, programRegions, requirementVerdict, siteKey, type ProgramRegions, type RegionMention } from '../src/pulumi/region-facts.js';
import { typeName } from '../src/pulumi/spelling.js';

export const mixedRegions: ModelRule = {
  meta: {
    id: 'IAC502',
    name: 'mixed-regions',
    title: 'Resources in mixed regions',
    category: 'Infrastructure',
    severity: 'error',
    why: 'A provider deploys to exactly one region. A stack that names zones, ARNs or endpoints of several regions through one (default) provider creates some resources in the wrong region, and the deployment fails or the resources cannot reach each other.',
    fix: 'Create one `aws.Provider(region=...)` per region and pass the matching provider to every resource of that region through `opts`; derive zones from `aws.get_availability_zones()` with the same provider.',
    badExample: 'aws.ec2.Subnet("a", vpc_id=vpc.id, cidr_block="10.0.1.0/24", availability_zone="us-east-1a")\naws.ec2.Subnet("b", vpc_id=vpc.id, cidr_block="10.0.2.0/24", availability_zone="us-west-2a")',
    goodExample:
      'west = aws.Provider("west", region="us-west-2")\naws.ec2.Subnet("b", vpc_id=west_vpc.id, cidr_block="10.1.2.0/24", availability_zone="us-west-2a",\n    opts=pulumi.ResourceOptions(provider=west))',
    seed: { report: 'model-failures-tracking', section: 'Region Mismatches' },
    languages: ['python', 'typescript'],
  },
  scope: 'model',
  program(model, context) {
    const facts = programRegions(model);
    const required = context.settings.region?.trim().toLowerCase();
    const allowed = required && isRegionName(required) ? allowedRegions(required, facts) : undefined;
    const considered = facts.mentions.filter((mention) => !isGlobalServiceMention(mention, facts));
    // IAC201 reports every literal outside the required region; do not say it twice.
    const left = allowed ? considered.filter((mention) => !requirementVerdict(mention, allowed, facts, context.settings.regionSource).flag) : considered;
    checkZonesAgainstPlacement(left, context);
    if (allowed) return;
    const byFile = new Map<string, RegionMention[]>();
    for (const mention of left) {
      const same = byFile.get(mention.site.path);
      if (same) same.push(mention);
      else byFile.set(mention.site.path, [mention]);
    }
    for (const mentions of byFile.values()) checkMixing(mentions, facts, context);
  },
};

/** An availability zone given to a resource that its provider or its `region` argument places in another region. */
function checkZonesAgainstPlacement(mentions: readonly RegionMention[], context: ProgramContext): void {
  const reported = new Set<string>();
  for (const mention of mentions) {
    const resource = mention.resource;
    if (mention.kind !== 'availability-zone' || !resource) continue;
    const placement = placementOf(resource);
    if (placement.kind !== 'region' || placement.region === mention.region) continue;
    const key = siteKey(mention.site);
    if (reported.has(key)) continue;
    reported.add(key);
    const how = placement.how === 'provider' ? `with provider \`${placement.providerName}\` in ${placement.region}` : `in ${placement.region} by its \`region\` argument`;
    context.report({
      at: mention.site,
      message: `${capitalize(mention.label)} is in ${mention.region}, but \`${typeName(resource.type, resource.language)}\` is created ${how}.`,
    });
  }
}

/** More than one region in one file, with fewer explicit providers than regions. */
function checkMixing(mentions: readonly RegionMention[], facts: ProgramRegions, context: ProgramContext): void {
  if (facts.unknownProviders > 0) return;
  // Each written mention once, though a loop or a helper called twice configures several resources with it.
  const uncovered = new Map<string, Map<string, RegionMention>>();
  for (const mention of mentions) {
    if (facts.explicitRegions.has(mention.region)) continue;
    const sites = uncovered.get(mention.region) ?? new Map<string, RegionMention>();
    if (!sites.has(siteKey(mention.site))) sites.set(siteKey(mention.site), mention);
    uncovered.set(mention.region, sites);
  }
  if (uncovered.size < 2) return;
  // The region mentioned most (first on ties) is taken as the default provider's; the others are mixed in.
  const ranked = [...uncovered.entries()].map(([region, sites]) => [region, [...sites.values()]] as const).sort((a, b) => b[1].length - a[1].length);
  const [primary, primaryMentions] = ranked[0] as (typeof ranked)[number];
  const firstPrimary = primaryMentions[0] as RegionMention;
  for (const [region, located] of ranked.slice(1)) {
    for (const mention of located) {
      context.report({
        at: mention.site,
        message: `${capitalize(mention.label)} (${region}) is mixed with ${primary} (line ${firstPrimary.site.line}) in one stack, and no \`aws.Provider(region="${region}")\` serves it: use one explicit provider per region.`,
      });
    }
  }
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
