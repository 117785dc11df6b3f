/**
 * Calls of names outside the program, for the Python evaluator: Pulumi AWS resources, Args
 * classes and provider functions (judged through the AWS tables), other providers' resources,
 * `pulumi.ResourceOptions`, `pulumi.Config`, `pulumi.export`, `Output` helpers, `json.dumps`;
 * and component resources (a program class deriving from `pulumi.ComponentResource`).
 */
import { awsApi, PYTHON_PACKAGE } from '../../aws/api.js';
import type { Argument, DictValue, Invoke, OutputValue, ResourceOptions, Resource, Value } from '../../pulumi/model.js';
import { addResource, creationContext, openOptions, optionsOf as sharedOptionsOf } from '../../pulumi/evaluation/resources.js';
import type { Site } from '../../pulumi/site.js';
import { outputsIn, plainOf, referencedResources, unknown } from '../../pulumi/values.js';
import type { CallArguments, CallSite } from './calls.js';
import { toModelValue } from '../../pulumi/evaluation/model-values.js';
import type { ClassInfo, ObjectValue, EvalValue } from '../../pulumi/evaluation/eval-values.js';

/** Pulumi's option names in Python; the model spells them without the keyword-clash underscore. */
const canonical = (name: string) => (name.endsWith('_') ? name.slice(0, -1) : name);
/** Python module names of the AWS SDK that clash with keywords (`lambda_`) are the schema's `lambda`. */
const schemaModule = (name: string) => (name.endsWith('_') ? name.slice(0, -1) : name);

const OUTPUT_HELPERS = new Set(['concat', 'format', 'all', 'json_dumps', 'from_input', 'secret', 'unsecret', 'json_loads']);
const OTHER_PROVIDER = /^pulumi_([a-z0-9_]+)\.(.+)$/;

export function callExternal(name: string, args: CallArguments, call: CallSite): EvalValue {
  const site = call.expressions.interpreter.site(call.node, call.frame);
  const normalized = name.replace(/^pulumi\.(resource|config|output)\./, 'pulumi.');
  if (name.startsWith(`${PYTHON_PACKAGE}.`)) return awsCall(name, args, call, site);
  switch (normalized) {
    case 'pulumi.ResourceOptions':
    case 'pulumi.InvokeOptions':
    case 'pulumi.CustomTimeouts':
      return keywordDict(args, site, normalized, call);
    case 'pulumi.ResourceOptions.merge':
      return mergeOptions(args.positional.map((argument) => argument.value), site);
    case 'pulumi.Config':
      return { kind: 'config-object', namespace: stringArgument(args, 0, 'name'), site };
    case 'pulumi.export': {
      const exportName = args.positional[0]?.value ?? args.keywords.get('name')?.value;
      const value = args.positional[1]?.value ?? args.keywords.get('value')?.value;
      call.expressions.interpreter.builder.exports.push({ name: toModelValue(exportName ?? unknown('a name', site)), value: toModelValue(value ?? unknown('a value', site)), site });
      return { kind: 'null', site };
    }
    case 'pulumi.output':
    case 'pulumi.Output.from_input':
    case 'pulumi.Output.secret': {
      const known = args.positional[0] ? toModelValue(args.positional[0].value) : undefined;
      if (known?.kind === 'output') return known;
      return { kind: 'output', resources: referencedResources(known), via: normalized.split('.').pop() ?? 'output', ...(known ? { known } : {}), site };
    }
    case 'pulumi.get_stack':
    case 'pulumi.get_project':
    case 'pulumi.get_organization':
      return unknown(`\`${normalized}()\``, site, true);
    case 'pulumi.StackReference':
      return { kind: 'resource', resource: createResource({ provider: 'pulumi', module: 'pulumi', name: 'StackReference' }, args, call, site), site };
    case 'json.dumps':
      return jsonDumps(args, call, site);
    case 'os.getenv':
    case 'os.environ.get':
      return unknown(`an environment variable`, site, true);
    default:
      break;
  }
  const helper = /^pulumi\.Output\.(\w+)$/.exec(normalized)?.[1];
  if (helper && OUTPUT_HELPERS.has(helper)) {
    const inputs = [...args.positional, ...args.keywords.values()].map((argument) => toModelValue(argument.value));
    const output: OutputValue = { kind: 'output', resources: [...new Set(inputs.flatMap((input) => referencedResources(input)))], via: helper, site };
    // `Output.json_dumps({...})`: the document is readable, whatever Outputs it holds.
    if (helper === 'json_dumps' && args.positional[0]) output.known = jsonText(toModelValue(args.positional[0].value), site);
    return output;
  }
  const other = OTHER_PROVIDER.exec(name);
  if (other && other[1] !== 'aws') {
    const parts = (other[2] as string).split('.');
    const last = parts[parts.length - 1] ?? '';
    if (/^[A-Z]/.test(last) && !/(Args|ArgsDict)$/.test(last)) {
      const module = parts.length > 1 ? parts.slice(0, -1).join('.') : 'index';
      return { kind: 'resource', resource: createResource({ provider: other[1] as string, module, name: last }, args, call, site), site };
    }
  }
  return unknown(`the result of \`${name.length > 60 ? `${name.slice(0, 57)}...` : name}\``, site);
}

function awsCall(name: string, args: CallArguments, call: CallSite, site: Site): EvalValue {
  const member = awsApi(7).lookup(name);
  if (!member) return unknown(`\`${name}\``, site);
  switch (member.kind) {
    case 'resource': {
      const token = awsApi(7).signature('resource', member.module, member.name)?.token;
      const resource = createResource({ provider: 'aws', module: schemaModule(member.module), name: member.name, ...(token ? { token } : {}) }, args, call, site);
      return { kind: 'resource', resource, site };
    }
    case 'args-class': {
      const object = keywordDict(args, site, `${schemaModule(member.module)}.${member.name.replace(/Dict$/, '')}`, call);
      call.expressions.interpreter.builder.argsObjects.push(object);
      return object;
    }
    case 'function': {
      const isOutputForm = member.name.endsWith('_output');
      const key = `${schemaModule(member.module)}.${isOutputForm ? member.name.slice(0, -'_output'.length) : member.name}`;
      const interpreter = call.expressions.interpreter;
      const { values, open } = argumentsOf(args, ['opts'], call);
      const invoke: Invoke = {
        language: 'python',
        key,
        provider: 'aws',
        args: values,
        argsOpen: open,
        options: optionsOf(args.keywords.get('opts')?.value, site),
        site: interpreter.site(call.callee, call.frame),
        callSite: site,
        context: creationContext(interpreter, call.frame),
      };
      interpreter.builder.invokes.push(invoke);
      return isOutputForm ? { kind: 'output', resources: [], via: 'invoke', invoke, site } : { kind: 'invoke-result', invoke, site };
    }
    default:
      return unknown(`\`${name}\``, site);
  }
}

/** Keyword arguments as a dict (`ResourceOptions(...)`, `SecurityGroupIngressArgs(...)`). */
function keywordDict(args: CallArguments, site: Site, argsType: string, call: CallSite): DictValue {
  const entries = new Map<string, Value>();
  const entrySites = new Map<string, Site>();
  for (const [key, argument] of args.keywords) {
    const name = argsType.startsWith('pulumi.') ? canonical(key) : key;
    entries.set(name, toModelValue(argument.value));
    const written = argument.node?.type === 'keyword_argument' ? argument.node.childForFieldName('value') : undefined;
    if (written) entrySites.set(name, call.expressions.interpreter.site(written, call.frame));
  }
  return { kind: 'dict', entries, open: args.open || args.positional.length > 0, argsType, entrySites, site };
}

function mergeOptions(values: readonly EvalValue[], site: Site): Value {
  const entries = new Map<string, Value>();
  const entrySites = new Map<string, Site>();
  let open = false;
  for (const value of values) {
    if (value.kind === 'dict') {
      for (const [key, item] of value.entries) entries.set(key, item);
      for (const [key, entrySite] of value.entrySites ?? []) entrySites.set(key, entrySite);
      open ||= value.open;
    } else if (value.kind !== 'null') {
      open = true;
    }
  }
  return { kind: 'dict', entries, open, argsType: 'pulumi.ResourceOptions', entrySites, site };
}

function stringArgument(args: CallArguments, index: number, keyword: string): string | undefined {
  const value = args.positional[index]?.value ?? args.keywords.get(keyword)?.value;
  return value?.kind === 'string' ? value.value : undefined;
}

/** `json.dumps(x)`: JSON text when all of x is known; an Output inside is a misuse (IAC109). */
function jsonDumps(args: CallArguments, call: CallSite, site: Site): EvalValue {
  const value = args.positional[0] ? toModelValue(args.positional[0].value) : undefined;
  for (const output of outputsIn(value)) call.expressions.misuse('json.dumps', output, call.node, call.frame);
  return jsonText(value, site);
}

/** The JSON text of a value: a string when all of it is known, else an unknown string; either way it keeps what it encodes. */
function jsonText(value: Value | undefined, site: Site): Value {
  const plain = plainOf(value);
  if (plain !== undefined) return { kind: 'string', value: JSON.stringify(plain), site, ...(value && value.kind !== 'string' ? { encodes: value } : {}) };
  return value ? { kind: 'unknown', reason: 'JSON text of values not all known', site, string: true, encodes: value } : unknown('JSON text', site, true);
}

/** Argument values by canonical name, from keywords and an `args=` / positional Args object. */
function argumentsOf(args: CallArguments, reserved: readonly string[], call: CallSite): { values: Map<string, Argument>; open: boolean } {
  const interpreter = call.expressions.interpreter;
  const values = new Map<string, Argument>();
  let open = args.open;
  const add = (name: string, value: EvalValue, site: Site | undefined) => {
    values.set(name, { name, written: name, value: toModelValue(value), site });
  };
  for (const [name, argument] of args.keywords) {
    if (reserved.includes(name)) continue;
    if (name === 'args') {
      const object = argument.value;
      if (object.kind === 'dict') {
        for (const [key, value] of object.entries) add(key, value, value.site);
        open ||= object.open;
      } else if (object.kind !== 'null') {
        open = true;
      }
      continue;
    }
    add(name, argument.value, argument.node ? interpreter.site(argument.node, call.frame) : undefined);
  }
  return { values, open };
}

type TypeParts = { provider: string; module: string; name: string; token?: string };

/** A resource from a constructor call: `Vpc(name, args=None, opts=None, **kwargs)` and its other forms. */
function createResource(type: TypeParts, args: CallArguments, call: CallSite, site: Site): Resource {
  const interpreter = call.expressions.interpreter;
  const [first, second, third] = args.positional;
  const { values, open } = argumentsOf(args, ['resource_name', 'opts'], call);
  let argsOpen = open;
  let optionsValue = args.keywords.get('opts')?.value ?? third?.value;
  if (second) {
    // The second positional argument is the Args object, or (with keyword properties) the options.
    if (second.value.kind === 'dict' && second.value.argsType?.startsWith('pulumi.')) optionsValue ??= second.value;
    else if (second.value.kind === 'dict') {
      for (const [key, value] of second.value.entries) if (!values.has(key)) values.set(key, { name: key, written: key, value, site: value.site });
      argsOpen ||= second.value.open;
    } else if (second.value.kind !== 'null') {
      argsOpen = true;
    }
  }
  const nameValue = toModelValue(first?.value ?? args.keywords.get('resource_name')?.value ?? unknown('no name given', site));
  return addResource(interpreter, {
    language: 'python',
    type,
    constructorText: call.callee.text,
    name: nameValue,
    nameSite: first?.node ? interpreter.site(first.node, call.frame) : site,
    args: values,
    argsOpen,
    options: optionsOf(optionsValue, site),
    site: interpreter.site(call.callee, call.frame),
    callSite: site,
    context: creationContext(interpreter, call.frame),
    ...(call.frame.owner ? { owner: call.frame.owner } : {}),
  });
}

export function createComponent(info: ClassInfo, args: CallArguments, call: CallSite, visible: boolean): Resource {
  const interpreter = call.expressions.interpreter;
  const site = interpreter.site(call.node, call.frame);
  const nameValue = toModelValue(args.positional[0]?.value ?? args.keywords.get('name')?.value ?? args.keywords.get('resource_name')?.value ?? unknown('a name no visible caller passes', site));
  const optionsValue = args.keywords.get('opts')?.value ?? args.positional.find((argument) => argument.value.kind === 'dict' && argument.value.argsType === 'pulumi.ResourceOptions')?.value;
  return addResource(interpreter, {
    language: 'python',
    type: { provider: 'component', module: info.path, name: info.name, key: `component.${info.name}` },
    constructorText: call.callee.text,
    name: nameValue,
    nameSite: site,
    args: new Map(),
    argsOpen: true,
    options: optionsValue ? optionsOf(optionsValue, site) : args.open || !visible ? openOptions('the options of a caller that is not visible', site) : optionsOf(undefined, site),
    site: interpreter.site(call.callee, call.frame),
    callSite: site,
    context: { ...creationContext(interpreter, call.frame), calledFromVisibleCode: visible },
    component: info.component,
  });
}

/** `super().__init__("tap:stack:TapStack", name, None, opts)`: the component's type token and its own options. */
export function componentInit(self: ObjectValue, args: CallArguments, call: CallSite): void {
  const resource = self.resource;
  if (!resource) return;
  const site = call.expressions.interpreter.site(call.node, call.frame);
  const token = args.positional[0]?.value ?? args.keywords.get('t')?.value;
  if (token?.kind === 'string') {
    resource.type.token = token.value;
    self.info.component.typeToken = token.value;
  }
  const opts = args.positional[3]?.value ?? args.keywords.get('opts')?.value;
  if (opts !== undefined) resource.options = optionsOf(opts, site);
  else if (args.open) resource.options = openOptions('options passed through *args or **kwargs', site);
}

/** Python's option names are the model's, but for the keyword-clash underscore (`import_`). */
export function optionsOf(value: EvalValue | undefined, site: Site): ResourceOptions {
  return sharedOptionsOf(value, site, canonical);
}
