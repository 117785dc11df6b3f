/**
 * IAC201: the seed's "Wrong region deployment". When the project states a required region
 * (config `region`, lib/AWS_REGION or `aws:region` in Pulumi.<stack>.yaml), the regions the
 * program model places resources in must match it: providers (with a configuration default),
 * per-resource `region=`, availability zones, ARNs and endpoints in arguments and stack outputs.
 * SDK clients (`boto3.client(region_name=...)`, in tests too) are Python code outside the model:
 * read by visitors. Silent when no region is required.
 */
import type { ModelRule, ReviewSettings } from '../src/api/rule.js';
import { isRegionName } from '../src/aws/regions.js';
import { allowedRegions, programRegions, requirementVerdict, siteKey, type MentionVerdict, type RegionMention } from '../src/pulumi/region-facts.js';
import { callArguments, calleeName, stringLiteralValue } from '../src/python/calls.js';
import { importsOf } from '../src/python/units.js';
import type { SyntaxNode } from '../src/syntax/flat-tree.js';

const SDK_CLIENT = /^(?:boto3\.(?:client|resource|Session|session\.Session)|.+\.(?:client|resource))$/;

function requiredRegion(settings: ReviewSettings): string | undefined {
  const required = settings.region?.trim().toLowerCase();
  return required && isRegionName(required) ? required : undefined;
}

function requirement(settings: ReviewSettings, required: string): string {
  return `the required region is ${required} (from ${settings.regionSource ?? 'the configuration'})`;
}

export const regionDiffersFromRequirement: ModelRule = {
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
    example: { project: { 'lib/AWS_REGION': 'us-east-1\n' } },
    seed: { report: 'model-failures-tracking', section: 'Ignoring Specific Requirements' },
    languages: ['python', 'typescript'],
  },
  scope: 'model',
  program(model, context) {
    const required = requiredRegion(context.settings);
    if (!required) return;
    const facts = programRegions(model);
    const allowed = allowedRegions(required, facts);
    const reported = new Set<string>();
    for (const mention of facts.mentions) {
      const verdict = requirementVerdict(mention, allowed, facts, context.settings.regionSource);
      if (!verdict.flag) continue;
      const key = `${siteKey(mention.site)}:${mention.region}`;
      if (reported.has(key)) continue;
      reported.add(key);
      context.report({ at: mention.site, message: message(mention, verdict, requirement(context.settings, required)) });
    }
  },
  visitors: {
    python(context) {
      const required = requiredRegion(context.settings);
      if (!required) return {};
      const imports = importsOf(context.unit);
      // Module constants (`REGION = "us-west-2"`) a client's `region_name` may name: judged at the end.
      const constants = new Map<string, string | undefined>();
      const clients: SyntaxNode[] = [];
      return {
        assignment(node) {
          const left = node.childForFieldName('left');
          if (left?.type !== 'identifier' || node.parent?.parent?.type !== 'module') return;
          const right = node.childForFieldName('right');
          const value = right ? stringLiteralValue(right) : undefined;
          // Bound twice: not a constant.
          constants.set(left.text, constants.has(left.text) ? undefined : value);
        },
        call(call) {
          const name = calleeName(call, imports);
          if (name && SDK_CLIENT.test(name) && callArguments(call).keywords.has('region_name')) clients.push(call);
        },
        'unit:exit'() {
          for (const call of clients) {
            const value = callArguments(call).keywords.get('region_name') as SyntaxNode;
            const region = stringLiteralValue(value) ?? (value.type === 'identifier' ? constants.get(value.text) : undefined);
            if (!region || !isRegionName(region) || region === required) continue;
            context.report({ node: value, message: `SDK client region \`${region}\` differs from the requirement: ${requirement(context.settings, required)}.` });
          }
        },
      };
    },
  },
};

function message(mention: RegionMention, verdict: MentionVerdict & { flag: true }, requirementText: string): string {
  switch (mention.kind) {
    case 'provider':
    case 'resource-region':
      return `${capitalize(mention.label)} differs from the requirement: ${requirementText}.`;
    default: {
      const placement = verdict.placement;
      const via =
        placement?.kind !== 'region'
          ? ''
          : placement.how === 'provider'
            ? ` (created with provider \`${placement.providerName}\` in ${placement.region})`
            : ` (created in ${placement.region} by its \`region\` argument)`;
      return `${capitalize(mention.label)} in ${mention.owner}${via} is in ${mention.region}, but ${requirementText}.`;
    }
  }
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
