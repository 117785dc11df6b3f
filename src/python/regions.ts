/**
 * Where a Pulumi-Python program names an AWS region: explicit providers, per-resource `region=`
 * arguments, SDK clients, availability-zone names, ARNs and service endpoints. Shared by the
 * region checks (IAC201 region differs from the requirement, IAC502 mixed regions, IAC302).
 */
import type { PythonUnit } from './units.js';
import { callArguments, calleeName } from './calls.js';
import type { Evaluator } from './evaluate.js';
import { dottedName } from './names.js';
import type { SyntaxNode } from './parser.js';
import { inlineResourceOptions, isResourceClass, resourceOptionsArgument } from './pulumi.js';
import { descendantsOfType } from '../syntax/walk.js';

const REGION = '(?:us|eu|ap|sa|ca|me|af|il|mx|cn)(?:-gov|-iso|-isob)?-(?:north|south|east|west|central|northeast|northwest|southeast|southwest)-\\d{1,2}';
const REGION_ONLY = new RegExp(`^${REGION}$`);
const AVAILABILITY_ZONE = new RegExp(`^(${REGION})[a-z]$`);
const ARN = new RegExp(`arn:aws(?:-cn|-us-gov|-iso|-iso-b)?:([a-z0-9-]+):(${REGION}):`, 'g');
const ENDPOINTS = [
  new RegExp(`(?<![a-z0-9])(${REGION})\\.(?:amazonaws\\.com|on\\.aws|api\\.aws)(?![a-z0-9-])`, 'g'),
  new RegExp(`\\bcom\\.amazonaws\\.(${REGION})(?![0-9a-z-])`, 'g'),
];

export function isRegionName(text: string): boolean {
  return REGION_ONLY.test(text);
}

export type MentionKind = 'provider' | 'resource-region' | 'sdk-client' | 'availability-zone' | 'arn' | 'endpoint';

export interface RegionMention {
  kind: MentionKind;
  region: string;
  /** The node to report: the string literal, or the `region=` argument's value. */
  node: SyntaxNode;
  /** What the mention is, for messages (`availability zone \`us-west-2a\``). */
  label: string;
  /** For ARNs: the service (`acm`, `lambda`...). */
  service?: string;
}

export function isProviderClass(qualified: string | undefined): boolean {
  return qualified === 'pulumi_aws.Provider' || qualified === 'pulumi_aws.provider.Provider';
}

const SDK_CLIENT = /^(?:boto3\.(?:client|resource|Session|session\.Session)|.+\.(?:client|resource))$/;

/** A bare string statement (docstring or a string used as a comment): not a value. */
function isDocstringLike(parent: SyntaxNode | undefined): boolean {
  return parent?.type === 'expression_statement' && parent.namedChildCount === 1;
}

const ANY_REGION = new RegExp(REGION);

/**
 * False when a string literal cannot name a region: every mention (a region, an availability
 * zone, an ARN, an endpoint) contains a region name, and a string's value differs from its
 * source text only by escapes, none of which yields a letter, digit or `-` (a backslash-newline
 * disappears, hence the second test).
 */
function mayNameRegion(text: string, node: SyntaxNode): boolean {
  const source = text.slice(node.startIndex, node.endIndex);
  return ANY_REGION.test(source) || (source.includes('\\') && ANY_REGION.test(source.replace(/\\\r?\n/g, '')));
}

/** Every place a unit names a region, in document order. */
export function regionMentions(unit: PythonUnit, evaluator: Evaluator): RegionMention[] {
  const mentions: RegionMention[] = [];
  // Calls and strings from the shared node index; only strings whose text can name a region are read further.
  for (const node of descendantsOfType(unit.root, ['call', 'string', 'concatenated_string'])) {
    if (node.type === 'call') {
      mentions.push(...callRegionMentions(node, unit, evaluator));
      continue;
    }
    if (node.type === 'string' && !mayNameRegion(unit.text, node)) continue;
    const parent = node.parent ?? undefined;
    if (parent?.type === 'concatenated_string' || isDocstringLike(parent)) continue;
    const formatted = node.type === 'string' && /f/i.test(node.firstChild?.text ?? '');
    const value = formatted ? undefined : evaluator.evaluate(node);
    if (typeof value === 'string') {
      const zone = AVAILABILITY_ZONE.exec(value);
      if (zone?.[1]) {
        mentions.push({ kind: 'availability-zone', region: zone[1], node, label: `availability zone \`${value}\`` });
        continue;
      }
      mentions.push(...textMentions(value, node));
    } else if (formatted) {
      for (const part of node.namedChildren) if (part.type === 'string_content') mentions.push(...textMentions(part.text, node));
    }
  }
  return mentions;
}

function textMentions(text: string, node: SyntaxNode): RegionMention[] {
  const found: RegionMention[] = [];
  for (const match of text.matchAll(ARN)) {
    const [whole, service, region] = match;
    if (service && region) found.push({ kind: 'arn', region, node, service, label: `ARN \`${shorten(arnAround(text, match.index ?? 0, whole))}\`` });
  }
  for (const pattern of ENDPOINTS) {
    for (const match of text.matchAll(pattern)) {
      const region = match[1];
      if (region) found.push({ kind: 'endpoint', region, node, label: `endpoint \`${shorten(wordAround(text, match.index ?? 0, match[0].length))}\`` });
    }
  }
  return found;
}

function arnAround(text: string, index: number, whole: string): string {
  const rest = /^[^\s"',}\]]*/.exec(text.slice(index + whole.length))?.[0] ?? '';
  return whole + rest;
}

function wordAround(text: string, index: number, length: number): string {
  const before = /[^\s"'/,]*$/.exec(text.slice(0, index))?.[0] ?? '';
  const after = /^[^\s"'/,]*/.exec(text.slice(index + length))?.[0] ?? '';
  return before + text.slice(index, index + length) + after;
}

function shorten(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

function callRegionMentions(call: SyntaxNode, unit: PythonUnit, evaluator: Evaluator): RegionMention[] {
  const qualified = calleeName(call, unit.imports);
  if (!qualified) return [];
  const args = callArguments(call);
  let kind: MentionKind | undefined;
  let keyword = 'region';
  if (isProviderClass(qualified)) kind = 'provider';
  else if (qualified.startsWith('pulumi_aws.') && isResourceClass(qualified)) kind = 'resource-region';
  else if (SDK_CLIENT.test(qualified) && args.keywords.has('region_name')) {
    kind = 'sdk-client';
    keyword = 'region_name';
  }
  const value = kind ? args.keywords.get(keyword) : undefined;
  if (!kind || !value) return [];
  const evaluation = evaluator.evaluateAll(value);
  if (!evaluation) return [];
  const regions = [...new Set(evaluation.values.filter((item): item is string => typeof item === 'string' && isRegionName(item)))];
  const what = kind === 'provider' ? 'provider region' : kind === 'sdk-client' ? 'SDK client region' : 'resource region';
  return regions.map((region) => ({ kind: kind as MentionKind, region, node: value, label: `${what} \`${region}\`` }));
}

export interface ProviderConstruction {
  call: SyntaxNode;
  /** Regions the provider is built for; undefined when the region is not known statically. */
  regions: string[] | undefined;
  /** True when the call passes no `region` at all (and no `**kwargs`). */
  missingRegion: boolean;
  /** What the provider is assigned to (`west`, `self.provider`), when it is a plain name. */
  binding: string | undefined;
}

/** Every `aws.Provider(...)` construction of a unit. */
export function providerConstructions(unit: PythonUnit, evaluator: Evaluator): ProviderConstruction[] {
  const found: ProviderConstruction[] = [];
  for (const call of descendantsOfType(unit.root, 'call')) {
    if (!isProviderClass(calleeName(call, unit.imports))) continue;
    const args = callArguments(call);
    const value = args.keywords.get('region');
    let regions: string[] | undefined;
    if (value) {
      const evaluation = evaluator.evaluateAll(value);
      const strings = evaluation?.values.filter((item): item is string => typeof item === 'string');
      regions = strings && strings.length === evaluation?.values.length && strings.every(isRegionName) ? [...new Set(strings)] : undefined;
    }
    found.push({ call, regions, missingRegion: !value && !args.hasSplat, binding: assignedName(call) });
  }
  return found;
}

/** `x` or `self.x` when `call` is the whole right-hand side of an assignment to it. */
export function assignedName(call: SyntaxNode): string | undefined {
  let node = call;
  while (node.parent?.type === 'parenthesized_expression') node = node.parent;
  const parent = node.parent;
  if (parent?.type !== 'assignment' || parent.childForFieldName('right')?.id !== node.id) return undefined;
  const left = parent.childForFieldName('left');
  return left ? dottedName(left) : undefined;
}

export type ResourceProvider =
  | { kind: 'default' }
  | { kind: 'inherited' }
  | { kind: 'unknown' }
  | { kind: 'explicit'; node: SyntaxNode; name: string | undefined };

/** Which provider a resource call uses, as far as its inline options tell. */
export function resourceProvider(call: SyntaxNode, unit: PythonUnit): ResourceProvider {
  const opts = resourceOptionsArgument(call);
  if (!opts || opts.type === 'none') return { kind: 'default' };
  const inline = inlineResourceOptions(opts, unit.imports);
  if (!inline) return { kind: 'unknown' };
  const explicit = inline.get('provider') ?? inline.get('providers');
  if (explicit) {
    if (explicit.type === 'none') return { kind: 'default' };
    return { kind: 'explicit', node: explicit, name: dottedName(explicit) };
  }
  return inline.has('parent') ? { kind: 'inherited' } : { kind: 'default' };
}

/** The nearest enclosing call that constructs a provider resource (`pulumi_aws.*`), if any. */
export function enclosingResourceCall(node: SyntaxNode, unit: PythonUnit): { call: SyntaxNode; qualified: string } | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === 'function_definition' || current.type === 'class_definition' || current.type === 'lambda') return undefined;
    if (current.type !== 'call') continue;
    const qualified = calleeName(current, unit.imports);
    if (qualified?.startsWith('pulumi_aws.') && isResourceClass(qualified)) return { call: current, qualified };
  }
  return undefined;
}

/** `aws.ec2.Subnet` for `pulumi_aws.ec2.Subnet`, for messages. */
export function shortAwsName(qualified: string): string {
  return qualified.replace(/^pulumi_aws\./, 'aws.');
}
