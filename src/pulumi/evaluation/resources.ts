/**
 * Making model resources and their options from what an evaluator found at a constructor call,
 * the same way for every language: front-ends decide which argument is the name, the inputs and
 * the options (`Vpc(name, args, opts)` in Python, `new Vpc(name, {...}, {...})` in TypeScript)
 * and how option names are spelled; the rest is here.
 */
import type { Argument, ComponentClass, CreationContext, Resource, ResourceOptions, ResourceType, SourceLanguage, Value } from '../model.js';
import type { Site } from '../site.js';
import { outputsIn } from '../values.js';
import type { ClassInfo, EvalValue } from './eval-values.js';
import { toModelValue } from './model-values.js';
import type { EvaluationRun } from './run.js';

export interface ResourceSpec {
  language: SourceLanguage;
  /** The key defaults to `module.name` (`ec2.Vpc`). */
  type: Omit<ResourceType, 'key'> & { key?: string };
  constructorText: string;
  name: Value;
  /** Where the name is written, for a name that is an Output (IAC109). */
  nameSite: Site;
  args: Map<string, Argument>;
  argsOpen: boolean;
  options: ResourceOptions;
  site: Site;
  callSite: Site;
  context: CreationContext;
  /** The class whose method creates it (its children). */
  owner?: ClassInfo;
  component?: ComponentClass;
}

export function addResource(run: EvaluationRun, spec: ResourceSpec): Resource {
  const resource: Resource = {
    id: run.builder.newResourceId(),
    language: spec.language,
    type: { ...spec.type, key: spec.type.key ?? `${spec.type.module}.${spec.type.name}` },
    constructorText: spec.constructorText,
    name: spec.name,
    args: spec.args,
    argsOpen: spec.argsOpen,
    options: spec.options,
    site: spec.site,
    callSite: spec.callSite,
    context: spec.context,
  };
  if (spec.component) resource.component = spec.component;
  for (const output of outputsIn(spec.name)) run.builder.addMisuse({ how: 'resource-name', output, site: spec.nameSite, language: spec.language });
  run.builder.addResource(resource);
  spec.owner?.component.resources.push(resource);
  return resource;
}

export function openOptions(reason: string, site: Site): ResourceOptions {
  return { given: true, open: true, openReason: reason, values: new Map(), site };
}

/** Resource options from a dict or object value; `canonical` spells an option name the model's way (`depends_on`). */
export function optionsOf(value: EvalValue | undefined, site: Site, canonical: (name: string) => string): ResourceOptions {
  if (value === undefined || value.kind === 'null') return { given: false, open: false, values: new Map(), site };
  if (value.kind === 'dict') {
    const values = new Map<string, Argument>();
    for (const [key, item] of value.entries) {
      const name = canonical(key);
      const model = toModelValue(item as EvalValue);
      values.set(name, { name, written: key, value: model, site: value.entrySites?.get(key) ?? model.site });
    }
    return { given: true, open: value.open, ...(value.open ? { openReason: 'options built from values that are not all known' } : {}), values, site: value.site ?? site };
  }
  return openOptions(value.kind === 'unknown' ? value.reason : 'options that are not an options object', site);
}

/** Where a resource is being created: the class and function running, the loops around, whether a visible caller runs it. */
export function creationContext(run: EvaluationRun, frame: { owner?: ClassInfo; functionName?: string; visible: boolean }): CreationContext {
  const context: CreationContext = { loops: run.loopContext(), calledFromVisibleCode: frame.visible };
  if (frame.owner) context.className = frame.owner.name;
  if (frame.functionName) context.functionName = frame.functionName;
  return context;
}
