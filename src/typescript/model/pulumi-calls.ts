/**
 * Names outside the program, for the TypeScript evaluator: `new aws.ec2.Vpc(name, args, opts)`
 * and other providers' resources, `new pulumi.Config()`, provider functions (`aws.getAmi`,
 * `aws.getAmiOutput`), Output helpers (`pulumi.output`, `pulumi.all`, `pulumi.interpolate`,
 * `pulumi.jsonStringify`), and component resources (a program class extending
 * `pulumi.ComponentResource`). Argument and option names are written camelCase and become the
 * model's snake_case names (`cidrBlock` -> `cidr_block`, `dependsOn` -> `depends_on`).
 */
import { awsApi } from '../../aws/api.js';
import { pythonModuleName, pythonName } from '../../aws/python-names.js';
import type { ClassInfo, EvalValue, ObjectValue } from '../../pulumi/evaluation/eval-values.js';
import { toModelValue } from '../../pulumi/evaluation/model-values.js';
import { addResource, creationContext, openOptions, optionsOf } from '../../pulumi/evaluation/resources.js';
import type { Argument, Invoke, Resource, Value } from '../../pulumi/model.js';
import type { Site } from '../../pulumi/site.js';
import { referencedResources, unknown } from '../../pulumi/values.js';
import type { CallArguments, CallSite } from './calls.js';

const OUTPUT_HELPERS = new Set(['output', 'secret', 'unsecret', 'all', 'concat', 'interpolate', 'jsonStringify', 'jsonParse']);

/** camelCase keys of inputs become the model's names; keys written otherwise (tag names like `Name`) stay as they are. */
function canonicalKey(key: string): string {
  return /^[a-z][A-Za-z0-9]*$/.test(key) ? pythonName(key) : key;
}

/** An input value with its objects' keys in the model's spelling (nested Args types included). */
function canonicalValue(value: Value, depth = 0): Value {
  if (depth > 12) return value;
  if (value.kind === 'list') return { ...value, items: value.items.map((item) => canonicalValue(item, depth + 1)) };
  if (value.kind !== 'dict') return value;
  const entries = new Map<string, Value>();
  for (const [key, item] of value.entries) entries.set(canonicalKey(key), canonicalValue(item, depth + 1));
  const entrySites = new Map<string, Site>();
  for (const [key, site] of value.entrySites ?? []) entrySites.set(canonicalKey(key), site);
  return { ...value, entries, entrySites };
}

export function newExternal(name: string, args: CallArguments, call: CallSite): EvalValue {
  const site = call.expressions.interpreter.site(call.node, call.frame);
  if (name === 'pulumi.Config') {
    const namespace = args.positional[0]?.value;
    return { kind: 'config-object', namespace: namespace?.kind === 'string' ? namespace.value : undefined, site };
  }
  if (name === 'pulumi.StackReference') return { kind: 'resource', resource: createResource({ provider: 'pulumi', module: 'pulumi', name: 'StackReference' }, args, call, site), site };
  if (name.startsWith('pulumi_aws.')) {
    const parts = name.split('.');
    const lookupName = parts.length === 3 ? `pulumi_aws.${pythonModuleName(parts[1] as string)}.${parts[2]}` : name;
    const member = awsApi(7).lookup(lookupName);
    if (member?.kind === 'resource') {
      const module = member.module.endsWith('_') ? member.module.slice(0, -1) : member.module;
      return { kind: 'resource', resource: createResource({ provider: 'aws', module, name: member.name }, args, call, site), site };
    }
    return unknown(`a new \`${name.replace(/^pulumi_aws/, 'aws')}\``, site);
  }
  const other = /^pulumi_([a-z0-9_]+)\.(.+)$/.exec(name);
  if (other) {
    const parts = (other[2] as string).split('.');
    const last = parts[parts.length - 1] ?? '';
    if (/^[A-Z]/.test(last)) return { kind: 'resource', resource: createResource({ provider: other[1] as string, module: parts.length > 1 ? parts.slice(0, -1).join('.') : 'index', name: last }, args, call, site), site };
  }
  return unknown(`a new \`${name}\``, site);
}

export function callExternal(name: string, args: CallArguments, call: CallSite): EvalValue {
  const site = call.expressions.interpreter.site(call.node, call.frame);
  const helper = /^pulumi\.(\w+)$/.exec(name)?.[1] ?? /^pulumi\.Output\.(\w+)$/.exec(name)?.[1];
  if (helper && OUTPUT_HELPERS.has(helper)) {
    const inputs = args.positional.map((argument) => toModelValue(argument.value));
    const known = helper === 'output' || helper === 'secret' ? inputs[0] : undefined;
    if (known?.kind === 'output') return known;
    return { kind: 'output', resources: [...new Set(inputs.flatMap((input) => referencedResources(input)))], via: helper, ...(known ? { known } : {}), site };
  }
  if (/^pulumi\.get(Stack|Project|Organization)$/.test(name)) return unknown(`\`${name}()\``, site, true);
  if (name.startsWith('pulumi_aws.')) return awsFunction(name, args, call, site);
  return unknown(`the result of \`${name.length > 60 ? `${name.slice(0, 57)}...` : name}\``, site);
}

/** `aws.ec2.getAmi({...})` (a promise) or `aws.ec2.getAmiOutput({...})` (an Output). */
function awsFunction(name: string, args: CallArguments, call: CallSite, site: Site): EvalValue {
  const interpreter = call.expressions.interpreter;
  const parts = name.split('.');
  const functionName = parts[parts.length - 1] ?? '';
  const isOutputForm = functionName.endsWith('Output');
  const base = pythonName(isOutputForm ? functionName.slice(0, -'Output'.length) : functionName);
  const module = parts.length === 3 ? pythonModuleName(parts[1] as string) : undefined;
  const member = awsApi(7).lookup(module ? `pulumi_aws.${module}.${base}` : `pulumi_aws.${base}`);
  if (member?.kind !== 'function') return unknown(`the result of \`${name.replace(/^pulumi_aws/, 'aws')}\``, site);
  const schemaModule = member.module.endsWith('_') ? member.module.slice(0, -1) : member.module;
  const { values, open } = argumentsOf(args.positional[0]?.value, args.open, interpreter.site(call.node, call.frame));
  const invoke: Invoke = {
    language: 'typescript',
    key: `${schemaModule}.${base}`,
    provider: 'aws',
    args: values,
    argsOpen: open,
    options: optionsOf(args.positional[1]?.value, site, canonicalKey),
    site: interpreter.site(call.callee, call.frame),
    callSite: site,
    context: creationContext(interpreter, call.frame),
  };
  interpreter.builder.invokes.push(invoke);
  // The direct form is a promise of the result: its fields are read after `await` (invoke-result passes through it).
  return isOutputForm ? { kind: 'output', resources: [], via: 'invoke', invoke, site } : { kind: 'invoke-result', invoke, site };
}

/** The inputs object (`{ cidrBlock: "10.0.0.0/16", ...common }`) as arguments by canonical name. */
function argumentsOf(value: EvalValue | undefined, spread: boolean, site: Site): { values: Map<string, Argument>; open: boolean } {
  const values = new Map<string, Argument>();
  if (value === undefined || value.kind === 'null') return { values, open: spread };
  if (value.kind !== 'dict') return { values, open: true };
  for (const [key, item] of value.entries) {
    const name = canonicalKey(key);
    values.set(name, { name, written: key, value: canonicalValue(toModelValue(item as EvalValue)), site: value.entrySites?.get(key) ?? item.site ?? site });
  }
  return { values, open: value.open || spread };
}

type TypeParts = { provider: string; module: string; name: string };

/** `new Vpc(name, args?, opts?)`. */
function createResource(type: TypeParts, args: CallArguments, call: CallSite, site: Site): Resource {
  const interpreter = call.expressions.interpreter;
  const [first, second, third] = args.positional;
  const { values, open } = argumentsOf(second?.value, args.open && args.positional.length < 2, site);
  return addResource(interpreter, {
    language: 'typescript',
    type,
    constructorText: call.callee.text,
    name: toModelValue(first?.value ?? unknown('no name given', site)),
    nameSite: first?.node ? interpreter.site(first.node, call.frame) : site,
    args: values,
    argsOpen: open,
    options: third ? optionsOf(third.value, site, canonicalKey) : args.open ? openOptions('options passed through a spread', site) : optionsOf(undefined, site, canonicalKey),
    site: interpreter.site(call.callee, call.frame),
    callSite: site,
    context: creationContext(interpreter, call.frame),
    ...(call.frame.owner ? { owner: call.frame.owner } : {}),
  });
}

export function createComponent(info: ClassInfo, args: CallArguments, call: CallSite, visible: boolean): Resource {
  const interpreter = call.expressions.interpreter;
  const site = interpreter.site(call.node, call.frame);
  const [first, , third] = args.positional;
  return addResource(interpreter, {
    language: 'typescript',
    type: { provider: 'component', module: info.path, name: info.name, key: `component.${info.name}` },
    constructorText: call.callee.text,
    name: toModelValue(first?.value ?? unknown('a name no visible caller passes', site)),
    nameSite: site,
    args: new Map(),
    argsOpen: true,
    options: third ? optionsOf(third.value, site, canonicalKey) : args.open || !visible ? openOptions('the options of a caller that is not visible', site) : optionsOf(undefined, site, canonicalKey),
    site: interpreter.site(call.callee, call.frame),
    callSite: site,
    context: { ...creationContext(interpreter, call.frame), calledFromVisibleCode: visible },
    component: info.component,
  });
}

/** `super("tap:stack:TapStack", name, args, opts)` in a component's constructor. */
export function componentInit(self: ObjectValue, args: CallArguments, call: CallSite): void {
  const resource = self.resource;
  if (!resource) return;
  const site = call.expressions.interpreter.site(call.node, call.frame);
  const token = args.positional[0]?.value;
  if (token?.kind === 'string') {
    resource.type.token = token.value;
    self.info.component.typeToken = token.value;
  }
  const opts = args.positional[3]?.value;
  if (opts !== undefined) resource.options = optionsOf(opts, site, canonicalKey);
  else if (args.open) resource.options = openOptions('options passed through a spread', site);
}
