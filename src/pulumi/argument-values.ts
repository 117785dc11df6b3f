/**
 * Whether a known value fits the type a provider argument accepts (IAC108): a string where a list
 * is required, a dict where JSON text is required, a number or boolean written as a string, a
 * value outside an enum AWS accepts nothing else from, an AWS-managed policy ARN that does not
 * exist. Values the model does not know (Outputs, configuration, parameters) are never judged;
 * nested dicts and lists are judged against their input types.
 */
import type { AwsApi } from '../aws/api.js';
import { pythonName } from '../aws/python-names.js';
import { closestName } from '../aws/suggest.js';
import { alternativesOf, describeType, type ArgType } from '../aws/type-codes.js';
import type { DictValue, SourceLanguage, Value } from './model.js';
import { stringOf } from './values.js';

type ListType = { kind: 'list'; item: ArgType };
type ObjectType = { kind: 'object'; module: string; name: string };

/**
 * Enums whose members are every value AWS accepts, so a value outside them is wrong (source:
 * the AWS API references of Lambda `Runtime`, S3 canned ACLs, SSM parameter types, ELBv2
 * `IpAddressType`, Auto Scaling `Granularity`). Other enums of the provider list common values
 * only (EC2 tenancy lacks `host`, RDS engines lack `mysql`), so a value outside them proves nothing.
 */
const CLOSED_ENUMS = new Set(['lambda_.Runtime', 's3.CannedAcl', 'ssm.ParameterType', 'alb.IpAddressType', 'autoscaling.MetricsGranularity']);
/** Enums of sizes within families: a size the family does not have is wrong; a family newer than the table is not judged. */
const FAMILY_ENUMS = new Set(['ec2.InstanceType']);
const AWS_MANAGED_POLICY = 'arn:aws:iam::aws:policy/';

export interface ValueProblem {
  /** The value judged (a list item, a dict entry's value, or the argument's value). */
  value: Value;
  /** Where it sits below the argument: `ingress[0].from_port`. */
  path: string;
  message: string;
  /**
   * A string where a number or boolean is taken (`"30"`, `"true"`) is a `notice` in Python (the
   * provider converts it; the SDK's type says otherwise) and an error in TypeScript (`pulumi up`
   * compiles the program, and tsc rejects it); everything else is an error.
   */
  severity: 'error' | 'notice';
}

interface Judging {
  api: AwsApi;
  language: SourceLanguage;
  problems: ValueProblem[];
}

/** Problems of one argument's value against its type; `path` starts with the argument's name. */
export function valueProblems(api: AwsApi, value: Value, type: ArgType, path: string, language: SourceLanguage): ValueProblem[] {
  const judging: Judging = { api, language, problems: [] };
  judge(judging, value, type, path, 0);
  return judging.problems;
}

/** How a program of the language writes what the message suggests. */
const WRITTEN = {
  python: { boolean: (value: boolean) => (value ? 'True' : 'False'), dict: 'a dict', map: 'a dict (`{"Name": "web"}`)', json: '`json.dumps(...)`, or `pulumi.Output.json_dumps(...)` when it holds Outputs', archive: (path: string) => `\`pulumi.FileArchive(${path})\` (or \`pulumi.AssetArchive\`)` },
  typescript: { boolean: (value: boolean) => String(value), dict: 'an object', map: 'an object (`{ Name: "web" }`)', json: '`JSON.stringify(...)`, or `pulumi.jsonStringify(...)` when it holds Outputs', archive: (path: string) => `\`new pulumi.asset.FileArchive(${path})\` (or \`pulumi.asset.AssetArchive\`)` },
} as const;

/** Why a string where a number or boolean is taken matters, per language. */
function coercion(language: SourceLanguage): string {
  return language === 'typescript' ? 'tsc rejects it when `pulumi up` compiles the program' : 'the provider converts it, but the SDK declares the other type';
}

const isNumericText = (text: string) => /^\s*-?\d+(\.\d+)?\s*$/.test(text);
const isBooleanText = (text: string) => /^(true|false)$/i.test(text.trim());

function judge(judging: Judging, value: Value, type: ArgType, path: string, depth: number): void {
  if (depth > 8) return;
  const { api, language } = judging;
  const written = WRITTEN[language];
  const alternatives = alternativesOf(type);
  if (alternatives.some((alternative) => alternative.kind === 'any')) return;
  const has = (kind: ArgType['kind']) => alternatives.some((alternative) => alternative.kind === kind);
  const report = (message: string, severity: 'error' | 'notice' = 'error') => judging.problems.push({ value, path, message, severity });
  const coercible = language === 'typescript' ? 'error' : 'notice';
  const expected = describeType(type);
  switch (value.kind) {
    case 'string':
    case 'template': {
      const text = stringOf(value);
      if (has('string') || has('enum')) {
        if (text !== undefined) judgeText(api, text, alternatives, report);
        return;
      }
      if (text === undefined) {
        if (has('list') || has('map') || has('object')) report(`is a string, but it takes ${expected}.`);
        return;
      }
      if (has('number') && isNumericText(text)) report(`is the string "${text}", but it takes a number (${coercion(language)}): write \`${text.trim()}\` without quotes.`, coercible);
      else if (has('boolean') && isBooleanText(text)) report(`is the string "${text}", but it takes a boolean (${coercion(language)}): write \`${written.boolean(/^true$/i.test(text.trim()))}\`.`, coercible);
      else if (has('list')) report(`is a string, but it takes ${expected}: write \`[${JSON.stringify(text)}]\`.`);
      else if (has('asset')) report(`is the string "${text}", but it takes an asset or archive: use ${written.archive(JSON.stringify(text))}.`);
      else report(`is the string "${text}", but it takes ${expected}.`);
      return;
    }
    case 'number':
    case 'boolean':
      if (has(value.kind) || has('string') || has('enum')) return;
      if (value.kind === 'number' && has('boolean')) return;
      if (has('list') || has('map') || has('object')) report(`is ${value.kind === 'number' ? `the number ${value.value}` : `\`${written.boolean(value.value)}\``}, but it takes ${expected}.`);
      return;
    case 'list': {
      const list = alternatives.find((alternative): alternative is ListType => alternative.kind === 'list');
      if (list) {
        value.items.forEach((item, index) => judge(judging, item, list.item, `${path}[${index}]`, depth + 1));
        return;
      }
      if (has('map')) report(`is a list, but it takes ${expected}: write ${written.map}, not a list of \`Key\`/\`Value\` pairs.`);
      else if (has('object')) report(`is a list, but it takes ${expected}: pass one block, not a list.`);
      else if (has('string')) report(`is a list, but it takes ${expected}.`);
      return;
    }
    case 'dict': {
      // A dict with entries the model cannot see is an object of the program's own class or a
      // merge of alternatives: its shape is not known well enough to call it wrong.
      if (value.open) return;
      const object = alternatives.find((alternative): alternative is ObjectType => alternative.kind === 'object');
      if (object) {
        judgeFields(judging, value, object, path, depth);
        return;
      }
      if (has('map')) return;
      if (has('list')) report(`is ${written.dict}, but it takes ${expected}: wrap it in a list.`);
      else if (has('string')) report(`is ${written.dict}, but it takes ${expected}: a JSON document has to be passed as text (${written.json}).`);
      return;
    }
    default:
      return;
  }
}

function judgeFields(judging: Judging, value: DictValue, object: ObjectType, path: string, depth: number): void {
  const signature = judging.api.signature('type', object.module, `${object.name}Args`);
  if (!signature) return;
  for (const [key, field] of value.entries) {
    const spec = signature.args.get(key) ?? signature.args.get(pythonName(key));
    if (spec) judge(judging, field, spec.type, `${path}.${key}`, depth + 1);
  }
}

/** A known string where strings (or enum values) are taken: enums that are closed, AWS-managed policy ARNs. */
function judgeText(api: AwsApi, text: string, alternatives: readonly ArgType[], report: (message: string) => void): void {
  for (const alternative of alternatives) {
    if (alternative.kind !== 'enum') continue;
    const key = `${alternative.module}.${alternative.name}`;
    const enumType = api.enumType(alternative.module, alternative.name);
    if (!enumType || enumType.values.has(text)) return;
    if (CLOSED_ENUMS.has(key)) {
      const suggestion = closestName(text, [...enumType.values].filter((candidate) => !enumType.deprecated.has(candidate)));
      report(`is "${text}", which is not a \`${alternative.name}\` AWS accepts${suggestion ? `; did you mean "${suggestion}"?` : `: one of ${sample(enumType.values)}.`}`);
      return;
    }
    if (FAMILY_ENUMS.has(key)) {
      const dot = text.indexOf('.');
      const family = dot > 0 ? text.slice(0, dot + 1) : undefined;
      const sizes = family ? [...enumType.values].filter((candidate) => candidate.startsWith(family)) : [];
      if (sizes.length) report(`is "${text}": the ${family?.slice(0, -1)} family has no such size (${sample(new Set(sizes))}).`);
      return;
    }
  }
  if (text.startsWith(AWS_MANAGED_POLICY)) judgeManagedPolicy(api, text, report);
}

/** `arn:aws:iam::aws:policy/AWSLambdaBasicExecutionRole`: the policy lives under `service-role/`. */
function judgeManagedPolicy(api: AwsApi, text: string, report: (message: string) => void): void {
  const policies = api.enumType('iam', 'ManagedPolicy');
  if (!policies || policies.values.has(text)) return;
  const name = text.slice(text.lastIndexOf('/') + 1);
  const elsewhere = [...policies.values].find((candidate) => candidate.endsWith(`/${name}`));
  if (elsewhere) report(`is "${text}", but that AWS-managed policy is "${elsewhere}".`);
}

function sample(values: ReadonlySet<string>): string {
  const list = [...values].sort().slice(0, 8).map((value) => `"${value}"`);
  return `${list.join(', ')}${values.size > 8 ? ', ...' : ''}`;
}
