/**
 * IAC201: the seed's "Wrong region deployment". When the project states a required region
 * (config `region`, lib/AWS_REGION or `aws:region` in Pulumi.<stack>.yaml), region literals in
 * providers, per-resource `region=`, SDK clients, ARNs, availability-zone names and endpoints
 * must match it. Silent when no region is required.
 */
import { addFileRegionFacts, allowedRegions, programRegionFacts, requirementVerdict, type MentionFacts } from '../src/python/region-facts.js';
import type { ProjectRule, ProjectView } from '../src/api/rule.js';
import { isRegionName, shortAwsName } from '../src/python/regions.js';

export const regionDiffersFromRequirement: ProjectRule<ProjectView> = {
  meta: {
    id: 'IAC201',
    name: 'region-differs-from-requirement',
    title: 'Region differs from the requirement',
    category: 'Prompt Understanding',
    severity: 'error',
    why: 'The task fixed a region (config `region`, lib/AWS_REGION or `aws:region` in the stack file); infrastructure built for another one breaks latency, data-residency and cost assumptions, and availability zones or ARNs of another region fail outright at deployment.',
    fix: 'Use the required region in `aws.Provider(region=...)`, SDK clients, ARNs, availability zones and endpoints, or better derive them (`aws.get_availability_zones()`, `aws.get_region()`, resource outputs) instead of writing region literals.',
    badExample: '# lib/AWS_REGION: us-east-1\nprovider = aws.Provider("aws", region="us-west-2")\naws.ec2.Subnet("a", vpc_id=vpc.id, cidr_block="10.0.1.0/24", availability_zone="us-west-2a",\n    opts=pulumi.ResourceOptions(provider=provider))',
    goodExample: '# lib/AWS_REGION: us-east-1\nprovider = aws.Provider("aws", region="us-east-1")\nazs = aws.get_availability_zones(opts=pulumi.InvokeOptions(provider=provider)).names',
    seed: { report: 'model-failures-tracking', section: 'Ignoring Specific Requirements' },
  },
  scope: 'project',
  // The region facts are gathered file by file while the trees are fresh (shared with IAC502).
  begin: (project) => project,
  visitFile: (file, project) => addFileRegionFacts(project, file),
  check(project, context) {
    const required = context.settings.region?.trim().toLowerCase();
    if (!required || !isRegionName(required)) return;
    const source = context.settings.regionSource ?? 'the configuration';
    const facts = programRegionFacts(project);
    const allowed = allowedRegions(required, facts);
    for (const entry of facts.units) {
      if (!entry.reviewed) continue;
      const seen = new Set<string>();
      for (const mention of entry.mentions) {
        const key = `${mention.at}:${mention.region}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const verdict = requirementVerdict(mention, entry, allowed, facts);
        if (!verdict.flag) continue;
        const via =
          verdict.providerRegion && verdict.providerName
            ? ` (created with provider \`${verdict.providerName}\` in ${verdict.providerRegion})`
            : '';
        context.report({ unit: entry.unit, node: mention.node, message: message(mention, required, source, via) });
      }
    }
  },
};

function message(mention: MentionFacts, required: string, source: string, via: string): string {
  const requirement = `the required region is ${required} (from ${source})`;
  switch (mention.kind) {
    case 'provider':
      return `Provider region \`${mention.region}\` differs from the requirement: ${requirement}.`;
    case 'resource-region':
      return `Resource region \`${mention.region}\` differs from the requirement: ${requirement}.`;
    case 'sdk-client':
      return `SDK client region \`${mention.region}\` differs from the requirement: ${requirement}.`;
    default: {
      const resource = mention.resource;
      const where = resource ? ` in \`${shortAwsName(resource.qualified)}\`${via}` : '';
      const label = mention.label.charAt(0).toUpperCase() + mention.label.slice(1);
      return `${label}${where} is in ${mention.region}, but ${requirement}.`;
    }
  }
}
