/**
 * IAC109: a Pulumi `Output` (a resource attribute, an invoke's `_output` result, anything built
 * with `apply`/`Output.concat`...) used where a plain value is needed: in `json.dumps`, `str()`,
 * `+`/`%` string building, an f-string or `.format`, `.join`, an `if` or an `==` test, a resource's logical
 * name. The value only exists at deployment: the program fails (`TypeError: Object of type
 * Output is not JSON serializable`) or deploys the text "Calling __str__ on an Output[T] is not
 * supported". The language front-end records each such use in the model (`outputMisuses`);
 * code inside `apply`, `Output.all`, `Output.concat`, `Output.format` and `Output.json_dumps`
 * works on plain values and is not recorded. The message shows the fix with the right helper.
 */
import type { ModelRule } from '../src/api/rule.js';
import { resourceSignature } from '../src/pulumi/aws-signatures.js';
import type { OutputMisuse, OutputValue, SourceLanguage } from '../src/pulumi/model.js';
import { spell } from '../src/pulumi/spelling.js';
import { describeValue } from '../src/pulumi/values.js';
import { judgeForLanguage } from '../src/packaging/aws-provider-version.js';
import { importsPulumiAsPulumi, jsonDumpsFix, unitKey } from '../src/python/rule-fixes.js';
import { importsPulumiSdk, interpolateFix } from '../src/typescript/template-fix.js';

/** Per review: the units (unitKey) that import `pulumi` under its name, so a fix may write `pulumi.Output.json_dumps` or `pulumi.interpolate`. */
type State = Set<string>;

/** Template literals whose start a fix looks for, per program (each look scans the unit's text up to the hole). */
const MAX_TEMPLATE_SCANS = 20;

export const outputUsedAsPlainValue: ModelRule<State> = {
  meta: {
    id: 'IAC109',
    name: 'output-used-as-plain-value',
    title: 'Output used as a plain value',
    category: 'Code Generation',
    severity: 'error',
    why: 'Resource attributes are `Output`s whose values exist only during deployment. Formatting one into a string, a JSON policy, a condition or a resource name does not wait for the value: `json.dumps` raises TypeError, string building yields "Calling __str__ on an Output[T] is not supported", an `if` is always true, an `==` never holds, and a policy, description or name deploys with that text in it. TypeScript is the same (template literals, `+`, `JSON.stringify`, `String()`, `.join`: "Calling [toString] on an [Output<T>] is not supported"). An Output kept in a variable or field and tested (`if kms_key_arn:`) is the check for an optional argument and is not reported.',
    fix: 'Build strings with `pulumi.Output.concat(...)` / `pulumi.Output.format(...)`, JSON with `pulumi.Output.json_dumps(...)`, and anything else inside `.apply(lambda v: ...)` or `pulumi.Output.all(a, b).apply(lambda args: ...)`; in TypeScript ``pulumi.interpolate`...` ``, `pulumi.concat`, `pulumi.jsonStringify` and `pulumi.all([...]).apply(...)`. Logical names must be plain strings.',
    autofix: 'Python: `json.dumps(...)` over Outputs becomes `pulumi.Output.json_dumps(...)`; TypeScript: a template literal with an Output gets the `pulumi.interpolate` tag; when it is written as a resource\'s argument, every Output is a value of the document (not formatted into a string inside it) and the file imports `pulumi` under that name.',
    badExample: 'bucket = aws.s3.Bucket("data")\npolicy = json.dumps({"Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": f"{bucket.arn}/*"}]})',
    goodExample: 'bucket = aws.s3.Bucket("data")\npolicy = bucket.arn.apply(lambda arn: json.dumps({"Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": f"{arn}/*"}]}))',
    seed: { report: 'model-failures-tracking', section: 'Incorrect API Usage' },
    languages: ['python', 'typescript'],
  },
  scope: 'model',
  begin: () => new Set<string>(),
  visitors: {
    python(context) {
      if (importsPulumiAsPulumi(context.unit.imports)) context.state.add(unitKey(context.unit));
      return {};
    },
    typescript(context) {
      if (importsPulumiSdk(context.unit.imports)) context.state.add(unitKey(context.unit));
      return {};
    },
  },
  program(program, context) {
    if (!program.outputMisuses.length) return;
    const usesAws = program.resources.some((resource) => resource.type.provider === 'aws');
    const judge = usesAws ? judgeForLanguage(context.project, program.language) : undefined;
    let templateScans = 0;
    for (const misuse of program.outputMisuses) {
      if (insideAnother(misuse, program.outputMisuses)) continue;
      // Each Output in one `json.dumps(...)` is a misuse at the call, the engine keeps one finding there: all carry the same fix.
      const importsPulumi = context.state.has(unitKey(misuse.site.source));
      // Finding a template's start scans its unit: bounded, so a file full of misuses stays linear.
      const fix = misuse.language === 'python' ? jsonDumpsFix(misuse, program, importsPulumi) : misuse.how === 'template' && templateScans++ < MAX_TEMPLATE_SCANS ? interpolateFix(misuse, program.resources, importsPulumi) : undefined;
      const output = misuse.output;
      const shown = shownOutput(output, misuse.language);
      // Name the provider version that makes the attribute an Output, when it is a known AWS output.
      const signature = judge && output.resource ? resourceSignature(judge.api, output.resource) : undefined;
      const first = output.attribute?.split(/[.[]/)[0];
      const known = signature && first && (signature.outputs.has(first) || first === 'id' || first === 'urn');
      const what = shown === 'an Output' ? 'an `Output`' : `\`${shown}\`${known && judge ? ` (an \`Output\` in ${judge.label})` : ' (an `Output`)'}`;
      context.report({ at: misuse, message: `${what} ${problem(misuse)} ${remedy(misuse.how, misuse.language)}`, ...(fix ? { fix } : {}) });
    }
  },
};

/** What the language writes in place of an Output turned into text. */
function garbage(language: SourceLanguage, method = 'toString'): string {
  return language === 'python' ? '"Calling __str__ on an Output[T] is not supported"' : `"Calling [${method}] on an [Output<T>] is not supported"`;
}

/**
 * An f-string in a logical name, a template literal in `JSON.stringify(...)`: one mistake with the
 * same Output, reported once, at the use that encloses the other.
 */
function insideAnother(misuse: OutputMisuse, all: readonly OutputMisuse[]): boolean {
  const site = misuse.site;
  return all.some(
    (other) =>
      other !== misuse &&
      other.output.site === misuse.output.site &&
      other.site.source === site.source &&
      other.site.start <= site.start &&
      site.end <= other.site.end &&
      other.site.end - other.site.start > site.end - site.start,
  );
}

function problem(misuse: OutputMisuse): string {
  const python = misuse.language === 'python';
  switch (misuse.how) {
    case 'json.dumps':
      return python
        ? 'is passed to `json.dumps`, which raises "Object of type Output is not JSON serializable".'
        : `is passed to \`JSON.stringify\`, which writes the text ${garbage(misuse.language, 'toJSON')} in its place.`;
    case 'join':
      return python ? 'is joined as a string: `str.join` raises TypeError on it.' : `is joined into a string with \`.join\`, which writes the text ${garbage(misuse.language)} in its place.`;
    case 'concat':
      return python ? 'is concatenated with `+`, which raises TypeError.' : `is concatenated with \`+\`, which yields the text ${garbage(misuse.language)}.`;
    case 'condition':
      return 'is tested in a condition: an Output object is always true, whatever its value will be.';
    case 'comparison':
      return 'is compared with a plain value: an Output object never equals one, whatever its value will be.';
    case 'resource-name':
      return 'is used in a logical resource name, which must be a plain string known before deployment.';
    default:
      return `is formatted into a string (${formatting(misuse.how, misuse.language)}), which yields the text ${garbage(misuse.language)}, not its value.`;
  }
}

function formatting(how: string, language: SourceLanguage): string {
  switch (how) {
    case 'fstring':
      return 'an f-string';
    case 'template':
      return 'a template literal';
    case 'percent':
      return '`%` formatting';
    case 'format':
      return '`.format`';
    case 'str':
      return language === 'python' ? '`str()`' : '`String()`';
    default:
      return how;
  }
}

function remedy(how: string, language: SourceLanguage): string {
  if (language === 'typescript') {
    switch (how) {
      case 'json.dumps':
        return 'Use `pulumi.jsonStringify({...})`, or `JSON.stringify` inside `.apply(v => ...)`.';
      case 'join':
        return 'Use `pulumi.all([a, b]).apply(values => values.join(","))`.';
      case 'condition':
      case 'comparison':
        return 'Decide on plain values (configuration), or branch inside `.apply(v => ...)`.';
      case 'resource-name':
        return 'Name it from plain values (configuration, `pulumi.getStack()`).';
      default:
        return 'Use ``pulumi.interpolate`...${value}...` ``, `pulumi.concat(...)`, or `pulumi.all([a, b]).apply(([a, b]) => ...)`.';
    }
  }
  switch (how) {
    case 'json.dumps':
      return 'Use `pulumi.Output.json_dumps({...})`, or `json.dumps` inside `.apply(lambda v: ...)` / `pulumi.Output.all(a, b).apply(lambda args: json.dumps(...))`.';
    case 'join':
      return 'Use `pulumi.Output.all(*values).apply(lambda vs: ",".join(vs))`.';
    case 'condition':
    case 'comparison':
      return 'Decide on plain values (configuration), or branch inside `.apply(lambda v: ...)`.';
    case 'resource-name':
      return 'Name it from plain values (configuration, `pulumi.get_stack()`).';
    case 'str':
      return 'Use the Output itself, or `.apply(lambda v: str(v))`.';
    case 'percent':
    case 'format':
      return 'Use `pulumi.Output.format("...{0}...", value)` or `.apply(lambda v: ...)`.';
    default:
      return 'Use `pulumi.Output.concat("prefix-", value)` or `pulumi.Output.format("prefix-{0}", value)`, or build it inside `.apply(lambda v: f"...{v}")`.';
  }
}

/** `bucket.arn` / `this.bucket.websiteEndpoint`: the Output as the program writes it. */
function shownOutput(output: OutputValue, language: SourceLanguage): string {
  if (!output.resource || !output.attribute) return describeValue(output);
  const owner = output.resource.boundTo ?? output.resource.constructorText;
  return `${owner}.${output.attribute.split('.').map((name) => spell(name, language)).join('.')}`;
}
