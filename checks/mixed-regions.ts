/**
 * IAC502: one stack that names more than one region (availability zones, ARNs, endpoints,
 * providers) without one explicit provider per region, and availability zones given to a
 * resource whose explicit provider serves another region. With a required region known,
 * IAC201 already reports every literal outside it, so this check leaves those to IAC201.
 */
import {
  addFileRegionFacts,
  allowedRegions,
  isGlobalServiceMention,
  programRegionFacts,
  providerOf,
  requirementVerdict,
  singleRegion,
  type MentionFacts,
  type ProgramRegionFacts,
  type UnitRegionFacts,
} from '../src/python/region-facts.js';
import type { ProjectRule, ProjectRuleContext, ProjectView } from '../src/api/rule.js';
import { isRegionName, shortAwsName } from '../src/python/regions.js';

interface Located {
  entry: UnitRegionFacts;
  mention: MentionFacts;
}

export const mixedRegions: ProjectRule<ProjectView> = {
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
  },
  scope: 'project',
  // The region facts are gathered file by file while the trees are fresh (shared with IAC201).
  begin: (project) => project,
  visitFile: (file, project) => addFileRegionFacts(project, file),
  check(project, context) {
    const facts = programRegionFacts(project);
    const required = context.settings.region?.trim().toLowerCase();
    const requirement = required && isRegionName(required) ? { required, allowed: allowedRegions(required, facts) } : undefined;
    const byFile = new Map<string, UnitRegionFacts[]>();
    for (const entry of facts.units) {
      if (!entry.reviewed || entry.unit.isTestFile) continue;
      byFile.set(entry.unit.path, [...(byFile.get(entry.unit.path) ?? []), entry]);
    }
    for (const entries of byFile.values()) {
      const mentions: Located[] = entries.flatMap((entry) =>
        entry.mentions.filter((mention) => mention.kind !== 'sdk-client' && !isGlobalServiceMention(mention, facts)).map((mention) => ({ entry, mention })),
      );
      // IAC201 reports every literal outside the required region; do not say it twice.
      const left = requirement ? mentions.filter(({ entry, mention }) => !requirementVerdict(mention, entry, requirement.allowed, facts).flag) : mentions;
      checkZonesAgainstProvider(left, facts, context);
      if (!requirement) checkMixing(left, facts, context);
    }
  },
};

/** An availability zone given to a resource whose explicit provider serves another region. */
function checkZonesAgainstProvider(mentions: Located[], facts: ProgramRegionFacts, context: ProjectRuleContext): void {
  for (const { entry, mention } of mentions) {
    if (mention.kind !== 'availability-zone') continue;
    const resource = mention.resource;
    if (!resource) continue;
    const provider = resource.provider;
    if (provider.kind !== 'explicit') continue;
    const region = singleRegion(providerOf(provider.name, entry.unit, facts.units));
    if (!region || region === mention.region) continue;
    context.report({
      unit: entry.unit,
      node: mention.node,
      message: `${capitalize(mention.label)} is in ${mention.region}, but \`${shortAwsName(resource.qualified)}\` is created with provider \`${provider.name}\` in ${region}.`,
    });
  }
}

/** More than one region in one file, with fewer explicit providers than regions. */
function checkMixing(mentions: Located[], facts: ProgramRegionFacts, context: ProjectRuleContext): void {
  if (facts.unknownProviders > 0) return;
  const uncovered = new Map<string, Located[]>();
  for (const located of mentions) {
    if (facts.explicitRegions.has(located.mention.region)) continue;
    uncovered.set(located.mention.region, [...(uncovered.get(located.mention.region) ?? []), located]);
  }
  if (uncovered.size < 2) return;
  // The region mentioned most (first on ties) is taken as the default provider's; the others are mixed in.
  const ranked = [...uncovered.entries()].sort((a, b) => b[1].length - a[1].length);
  const [primary, primaryMentions] = ranked[0] as [string, Located[]];
  const firstPrimary = primaryMentions[0] as Located;
  for (const [region, located] of ranked.slice(1)) {
    for (const { entry, mention } of located) {
      context.report({
        unit: entry.unit,
        node: mention.node,
        message: `${capitalize(mention.label)} (${region}) is mixed with ${primary} (line ${firstPrimary.mention.row + 1 + firstPrimary.entry.unit.lineOffset}) in one stack, and no \`aws.Provider(region="${region}")\` serves it: use one explicit provider per region.`,
      });
    }
  }
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
