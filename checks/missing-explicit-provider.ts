/**
 * IAC302: the seed's "Missing Resource Provider Pattern". Three cases, judged on the program model:
 *  - a program creates AWS resources, yet never builds an `aws.Provider` and never passes one
 *    through resource options: the default provider takes its region from whoever runs
 *    `pulumi up` (one finding per file, naming the resources);
 *  - a component that uses one provider for its resources creates some without it;
 *  - an `aws.Provider(...)` without a region.
 * Providers are inherited as Pulumi inherits them: from the parent resource, whichever it is.
 * Resources whose options come from callers that are not visible stay silent.
 */
import type { ModelRule, ProgramContext } from '../src/api/rule.js';
import type { ComponentClass, ProgramModel, Resource } from '../src/pulumi/model.js';
import { effectiveProvider, ownProvider, providerKey, providerName } from '../src/pulumi/providers.js';
import { optionExample, selfName, spell, typeName } from '../src/pulumi/spelling.js';
import { providerRegionFix } from '../src/python/rule-fixes.js';

/** Services whose resources often need a dedicated provider (CloudFront certificates in us-east-1). */
const SPECIAL_PURPOSE = new Set(['acm', 'cloudfront', 'wafv2', 'shield']);
const GENERIC_PROVIDER_NAME = /^_?(aws_?)?provider$/i;

const isProvider = (resource: Resource) => resource.type.provider === 'aws' && resource.type.key === 'index.Provider';
const isAwsResource = (resource: Resource) => resource.type.provider === 'aws' && !isProvider(resource);

export const missingExplicitProvider: ModelRule = {
  meta: {
    id: 'IAC302',
    name: 'missing-explicit-provider',
    title: 'No explicit provider',
    category: 'Best Practice',
    severity: 'warning',
    why: 'Resources created with the default provider land in whatever region and account the environment of the person or pipeline running `pulumi up` points at. An explicit `aws.Provider(region=...)`, passed down through `opts` (and inherited by children with `parent=self`), pins where the stack deploys.',
    fix: 'Build `aws.Provider("aws", region=...)` in the entry point, pass it as `opts=pulumi.ResourceOptions(provider=provider)` to the stack component, and parent every child to the component; inside a component that uses a provider, pass it to every resource.',
    autofix: 'Python: `aws.Provider("aws")` gets `region="<required region>"`; when the region comes from the configuration or lib/AWS_REGION, the file builds no other provider and the provider\'s name does not suggest another region.',
    badExample: 'class TapStack(pulumi.ComponentResource):\n    def __init__(self, name, opts=None):\n        super().__init__("tap:stack:TapStack", name, None, opts)\n        aws.s3.BucketV2("logs", opts=pulumi.ResourceOptions(parent=self))\n\nTapStack("tap")',
    goodExample:
      'provider = aws.Provider("aws", region="us-east-1")\nTapStack("tap", opts=pulumi.ResourceOptions(provider=provider))',
    seed: { report: 'model-failure-analysis', section: 'Missing Resource Provider Pattern' },
    languages: ['python', 'typescript'],
  },
  scope: 'model',
  program(program, context) {
    checkProviderRegions(program, context);
    for (const component of program.components) checkComponent(component, context);
    checkDefaultProvider(program, context);
  },
};

/** Each resource once, though code that runs twice (a helper called from two places) creates it twice. */
function distinctBySite(resources: readonly Resource[]): Resource[] {
  const seen = new Set<string>();
  return resources.filter((resource) => {
    const key = `${resource.site.path}:${resource.site.source.lineOffset}:${resource.site.start}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** `aws.Provider("x")` with no region at all. */
function checkProviderRegions(program: ProgramModel, context: ProgramContext): void {
  const providers = distinctBySite(program.resources.filter(isProvider));
  for (const provider of providers) {
    if (provider.args.has('region') || provider.argsOpen) continue;
    const inFile = providers.filter((other) => other.site.path === provider.site.path).length;
    const fix = providerRegionFix(provider, context.settings, inFile);
    context.report({
      at: provider,
      message: `\`${provider.constructorText}(...)\` is built without \`region\`: it falls back to AWS_REGION or the profile of whoever runs \`pulumi up\`; pass \`region${provider.language === 'python' ? '=' : ':'}\` explicitly.`,
      ...(fix ? { fix } : {}),
    });
  }
}

/** The program never builds a provider nor passes one, and resources certainly use the default one: once per file. */
function checkDefaultProvider(program: ProgramModel, context: ProgramContext): void {
  const usesProviders = program.resources.some((resource) => isProvider(resource) || ownProvider(resource) !== undefined) || program.invokes.some((invoke) => invoke.options.values.has('provider'));
  if (usesProviders) return;
  const byFile = new Map<string, Resource[]>();
  for (const resource of distinctBySite(program.resources.filter(isAwsResource))) {
    if (effectiveProvider(resource).kind !== 'default') continue;
    const list = byFile.get(resource.site.path) ?? [];
    list.push(resource);
    byFile.set(resource.site.path, list);
  }
  for (const resources of byFile.values()) {
    const [first, ...others] = resources;
    if (!first) continue;
    const language = first.language;
    const providerCall = language === 'python' ? '`aws.Provider(region=...)`' : '`new aws.Provider(name, { region })`';
    const named = others.length ? ` (also ${others.slice(0, 5).map((resource) => `\`${typeName(resource.type, language)}\` line ${resource.site.line}`).join(', ')}${others.length > 5 ? ', ...' : ''})` : '';
    context.report({
      at: first,
      message: `\`${typeName(first.type, language)}\`${others.length ? ` and ${others.length} other AWS resource${others.length > 1 ? 's' : ''} in this file use` : ' uses'} the default provider: the program never builds ${providerCall} or passes one through \`${language === 'python' ? 'opts' : 'resource options'}\`, so the region depends on whoever runs \`pulumi up\`${named}.`,
    });
  }
}

/** Resources of a component created without the provider the component's other resources use. */
function checkComponent(component: ComponentClass, context: ProgramContext): void {
  const explicit = new Map<string, { count: number; name: string }>();
  const without: { resource: Resource; inherited: boolean }[] = [];
  for (const resource of distinctBySite(component.resources.filter(isAwsResource))) {
    const own = ownProvider(resource);
    if (own) {
      if (SPECIAL_PURPOSE.has(resource.type.module)) continue;
      const key = providerKey(own.value);
      const known = explicit.get(key) ?? { count: 0, name: providerName(own) };
      known.count++;
      explicit.set(key, known);
      continue;
    }
    if (resource.options.open) continue;
    const parent = resource.options.values.get('parent')?.value;
    without.push({ resource, inherited: parent?.kind === 'resource' });
  }
  if (explicit.size !== 1 || without.length === 0) return;
  const [[key, { count, name }]] = [...explicit.entries()] as [[string, { count: number; name: string }]];
  const generic = GENERIC_PROVIDER_NAME.test(name.split('.').pop() ?? '');
  if (!generic && !(count >= 2 && count > without.length)) return;
  for (const { resource, inherited } of without) {
    const language = resource.language;
    if (inherited) {
      const choice = effectiveProvider(resource);
      // The component was given a provider itself (`super().__init__(..., opts with provider)`): children inherit it.
      if (choice.kind === 'explicit' && (providerKey(choice.value) === key || choice.setBy !== resource)) continue;
      if (choice.kind === 'unknown' && !component.instances.some((instance) => instance.options.open)) continue;
    }
    const self = selfName(language);
    context.report({
      at: resource,
      message: inherited
        ? `\`${typeName(resource.type, language)}\` in \`${component.name}\` only sets \`${spell('parent', language)}${language === 'python' ? '=' : ': '}${self}\`, so it inherits the provider the component was given, not \`${name}\` that the component's other resources use.`
        : `\`${typeName(resource.type, language)}\` in \`${component.name}\` is created without \`${language === 'python' ? `provider=${name}` : `provider: ${name}`}\`, which the component's other resources use: it falls back to the default provider (pass \`${optionExample('provider', name, language)}\`).`,
    });
  }
}
