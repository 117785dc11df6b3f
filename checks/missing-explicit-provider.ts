/**
 * IAC302: the seed's "Missing Resource Provider Pattern". Three cases:
 *  - a stack creates AWS resources, yet the program never builds `aws.Provider(region=...)` and
 *    never passes one through `opts` (the default provider takes its region from whoever runs it);
 *  - a component that uses one provider for its resources creates some without it;
 *  - an `aws.Provider(...)` without a region.
 * The whole program is considered (also unreviewed files such as an unchanged `tap.py`); code
 * whose options come from callers that are not visible stays silent.
 */
import { detachNode } from '../src/syntax/detached-node.js';
import { copyOf, withCopiedStrings } from '../src/syntax/string-copies.js';
import { programUnits } from '../src/python/program.js';
import type { ProjectRule, ProjectRuleContext } from '../src/api/rule.js';
import type { PythonUnit } from '../src/python/units.js';
import { callArguments, calleeName } from '../src/python/calls.js';
import { dottedName } from '../src/python/names.js';
import type { SyntaxNode } from '../src/python/parser.js';
import { isResourceClass, isResourceOptionsName } from '../src/python/pulumi.js';
import { isProviderClass, resourceProvider, shortAwsName } from '../src/python/regions.js';
import { closestAncestor, descendantsOfType } from '../src/syntax/walk.js';

/** Services whose resources often need a dedicated provider (CloudFront certificates in us-east-1). */
const SPECIAL_PURPOSE = /^pulumi_aws\.(acm|cloudfront|wafv2|shield)\./;
const GENERIC_PROVIDER_NAME = /^_?(aws_)?provider$/i;

interface AwsResource {
  call: SyntaxNode;
  qualified: string;
}

export const missingExplicitProvider: ProjectRule<DefaultProviderState> = {
  meta: {
    id: 'IAC302',
    name: 'missing-explicit-provider',
    title: 'No explicit provider',
    category: 'Best Practice',
    severity: 'warning',
    why: 'Resources created with the default provider land in whatever region and account the environment of the person or pipeline running `pulumi up` points at. An explicit `aws.Provider(region=...)`, passed down through `opts` (and inherited by children with `parent=self`), pins where the stack deploys.',
    fix: 'Build `aws.Provider("aws", region=...)` in the entry point, pass it as `opts=pulumi.ResourceOptions(provider=provider)` to the stack component, and parent every child to the component; inside a component that uses a provider, pass it to every resource.',
    badExample: 'class TapStack(pulumi.ComponentResource):\n    def __init__(self, name, opts=None):\n        super().__init__("tap:stack:TapStack", name, None, opts)\n        aws.s3.BucketV2("logs", opts=pulumi.ResourceOptions(parent=self))\n\nTapStack("tap")',
    goodExample:
      'provider = aws.Provider("aws", region="us-east-1")\nTapStack("tap", opts=pulumi.ResourceOptions(provider=provider))',
    seed: { report: 'model-failure-analysis', section: 'Missing Resource Provider Pattern' },
  },
  scope: 'project',
  begin: () => ({ anyProvider: false, called: new Set<string>(), candidates: [] }),
  // Each reviewed file is judged while its tree is fresh and leaves the facts the default-provider check needs.
  visitFile(file, state, context) {
    for (const unit of file.units) {
      if (unit.isTestFile) continue;
      checkProviderRegions(unit, context);
      checkComponents(unit, context);
      state.anyProvider ||= buildsOrPassesProvider(unit);
      addCalledNames(unit, state.called);
      // Copied strings: names read from nodes are slices that would keep the file's text alive.
      const resources = awsResources(unit.root, unit).map(({ call, qualified }) => ({ qualified: copyOf(qualified), condition: withCopiedStrings(defaultCondition(call)), callee: detachNode({ node: calleeNode(call) }, 'node', unit) }));
      if (resources.length) state.candidates.push({ unit, resources });
    }
  },
  check(project, context, state) {
    // The project's other Python files count too: a provider built in an unchanged module.
    const others = programUnits(project).filter(({ unit, reviewed }) => !reviewed && !unit.isTestFile);
    if (state.anyProvider || others.some(({ unit }) => buildsOrPassesProvider(unit))) return;
    for (const { unit } of others) addCalledNames(unit, state.called);
    for (const candidate of state.candidates) checkDefaultProvider(candidate, state.called, context);
  },
};

/** What the default-provider check keeps of a reviewed unit: its AWS resources, without trees. */
interface DefaultProviderCandidate {
  unit: PythonUnit;
  resources: { qualified: string; condition: DefaultCondition; callee: { node: SyntaxNode } }[];
}

interface DefaultProviderState {
  /** Some program unit builds an `aws.Provider` or passes one on. */
  anyProvider: boolean;
  /** Last names of everything the program calls. */
  called: Set<string>;
  candidates: DefaultProviderCandidate[];
}

/**
 * When a resource certainly uses the default provider: always, or only when the class or
 * function around it (which takes `opts`, so a caller could pass a provider) is called somewhere.
 */
type DefaultCondition = { always: true } | { ifCalled: string };

function awsResources(scope: SyntaxNode, unit: PythonUnit): AwsResource[] {
  const found: AwsResource[] = [];
  for (const call of descendantsOfType(scope, 'call')) {
    const qualified = calleeName(call, unit.imports);
    if (qualified?.startsWith('pulumi_aws.') && isResourceClass(qualified) && !isProviderClass(qualified)) found.push({ call, qualified });
  }
  return found;
}

function calleeNode(call: SyntaxNode): SyntaxNode {
  return call.childForFieldName('function') ?? call;
}

/** `aws.Provider("x")` with no region at all. */
function checkProviderRegions(unit: PythonUnit, context: ProjectRuleContext): void {
  for (const call of descendantsOfType(unit.root, 'call')) {
    if (!isProviderClass(calleeName(call, unit.imports))) continue;
    const args = callArguments(call);
    if (args.keywords.has('region') || args.hasSplat) continue;
    context.report({
      unit,
      node: calleeNode(call),
      message: `\`${calleeNode(call).text}(...)\` is built without \`region\`: it falls back to AWS_REGION or the profile of whoever runs \`pulumi up\`; pass \`region=\` explicitly.`,
    });
  }
}

/** True when the unit builds a provider, passes one in resource options, or threads one through a parameter. */
function buildsOrPassesProvider(unit: PythonUnit): boolean {
  for (const node of descendantsOfType(unit.root, ['call', 'parameters', 'lambda_parameters'])) {
    if (node.type !== 'call') {
      if (node.namedChildren.some((parameter) => /(^|_)providers?$/.test(parameterName(parameter) ?? ''))) return true;
      continue;
    }
    const qualified = calleeName(node, unit.imports);
    if (isProviderClass(qualified)) return true;
    if (isResourceOptionsName(qualified) || qualified?.endsWith('ResourceOptions.merge') || qualified?.endsWith('InvokeOptions')) {
      const keywords = callArguments(node).keywords;
      if (keywords.has('provider') || keywords.has('providers')) return true;
    }
  }
  return false;
}

function parameterName(parameter: SyntaxNode): string | undefined {
  if (parameter.type === 'identifier') return parameter.text;
  const name = parameter.childForFieldName('name') ?? parameter.namedChildren.find((child) => child.type === 'identifier');
  return name?.type === 'identifier' ? name.text : undefined;
}

/** Last name segment of every call in the program (`TapStack` for `lib.tap_stack.TapStack(...)`). */
function addCalledNames(unit: PythonUnit, names: Set<string>): void {
  for (const call of descendantsOfType(unit.root, 'call')) {
    const name = dottedName(calleeNode(call));
    if (name) names.add(name.split('.').pop() ?? name);
  }
}

function hasOptsParameter(definition: SyntaxNode): boolean {
  return (definition.childForFieldName('parameters')?.namedChildren ?? []).some((parameter) => parameterName(parameter) === 'opts');
}

/**
 * Whether a resource certainly ends up with the default provider: it is created at module level,
 * or in code whose options could come from a caller only when that caller is visible.
 */
function defaultCondition(call: SyntaxNode): DefaultCondition {
  const klass = closestAncestor(call, 'class_definition');
  if (klass) {
    const init = (klass.childForFieldName('body')?.namedChildren ?? [])
      .map((child) => (child.type === 'decorated_definition' ? child.childForFieldName('definition') : child))
      .find((child) => child?.type === 'function_definition' && child.childForFieldName('name')?.text === '__init__');
    return init && hasOptsParameter(init) ? { ifCalled: klass.childForFieldName('name')?.text ?? '' } : { always: true };
  }
  const fn = closestAncestor(call, 'function_definition');
  if (fn && hasOptsParameter(fn)) return { ifCalled: fn.childForFieldName('name')?.text ?? '' };
  return { always: true };
}

function checkDefaultProvider({ unit, resources: all }: DefaultProviderCandidate, called: ReadonlySet<string>, context: ProjectRuleContext): void {
  const resources = all.filter(({ condition }) => 'always' in condition || called.has(condition.ifCalled));
  const [first] = resources;
  if (!first) return;
  const others = resources.length - 1;
  context.report({
    unit,
    node: first.callee.node,
    message: `\`${shortAwsName(first.qualified)}\`${others ? ` and ${others} other AWS resource${others > 1 ? 's' : ''} in this file` : ''} use${others ? '' : 's'} the default provider: the program never builds \`aws.Provider(region=...)\` or passes one through \`opts\`, so the region depends on whoever runs \`pulumi up\`.`,
  });
}

/** Resources of a component created without the provider the component's other resources use. */
function checkComponents(unit: PythonUnit, context: ProjectRuleContext): void {
  for (const klass of descendantsOfType(unit.root, 'class_definition')) {
    const body = klass.childForFieldName('body');
    if (!body) continue;
    const resources = awsResources(body, unit).filter(({ call }) => closestAncestor(call, 'class_definition')?.id === klass.id);
    const explicit = new Map<string, number>();
    const without: { resource: AwsResource; inherited: boolean }[] = [];
    for (const resource of resources) {
      const provider = resourceProvider(resource.call, unit);
      if (provider.kind === 'explicit') {
        if (SPECIAL_PURPOSE.test(resource.qualified)) continue;
        const key = provider.name ?? provider.node.text;
        explicit.set(key, (explicit.get(key) ?? 0) + 1);
      } else if (provider.kind === 'default' || provider.kind === 'inherited') {
        without.push({ resource, inherited: provider.kind === 'inherited' });
      }
    }
    if (explicit.size !== 1 || without.length === 0) continue;
    const [name, count] = [...explicit.entries()][0] as [string, number];
    const generic = GENERIC_PROVIDER_NAME.test(name.split('.').pop() ?? '');
    if (!generic && !(count >= 2 && count > without.length)) continue;
    const superPassesProvider = [...descendantsOfType(body, 'call')].some(
      (call) => /(^|\.)__init__$/.test(dottedName(calleeNode(call)) ?? calleeNode(call).text) && /provider/.test(call.childForFieldName('arguments')?.text ?? ''),
    );
    const className = klass.childForFieldName('name')?.text ?? 'the component';
    for (const { resource, inherited } of without) {
      if (inherited && superPassesProvider) continue;
      context.report({
        unit,
        node: calleeNode(resource.call),
        message: inherited
          ? `\`${shortAwsName(resource.qualified)}\` in \`${className}\` only sets \`parent=self\`, so it inherits the provider the component was given, not \`${name}\` that the component's other resources use.`
          : `\`${shortAwsName(resource.qualified)}\` in \`${className}\` is created without \`provider=${name}\`, which the component's other resources use: it falls back to the default provider.`,
      });
    }
  }
}
