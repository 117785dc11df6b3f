/**
 * `value.attribute` for the Python evaluator: names inside external modules, a program module's
 * names, an object's fields and its class's methods (bound to it), a resource's outputs, and the
 * methods of strings, lists, dicts, Outputs and `pulumi.Config` (as builtins bound to the value).
 */
import { awsApi, PYTHON_PACKAGE } from '../../aws/api.js';
import type { Invoke, Resource } from '../../pulumi/model.js';
import type { Site } from '../../pulumi/site.js';
import { unknown } from '../../pulumi/values.js';
import type { Interpreter } from './interpreter.js';
import type { ClassInfo, EvalValue } from '../../pulumi/evaluation/eval-values.js';

/** The builtins the evaluator knows how to call (calls.ts); other names are unknown. */
const BUILTINS = new Set([
  'len', 'str', 'int', 'float', 'bool', 'list', 'dict', 'tuple', 'set', 'frozenset', 'range', 'enumerate', 'zip', 'sorted', 'reversed',
  'min', 'max', 'sum', 'any', 'all', 'isinstance', 'getattr', 'hasattr', 'setattr', 'print', 'open', 'super', 'map', 'filter', 'format',
  'repr', 'abs', 'round', 'type', 'exec', 'eval', 'compile', '__import__', 'next', 'iter', 'vars', 'id', 'hash', 'callable',
]);

export function builtinName(name: string): string | undefined {
  return BUILTINS.has(name) ? name : undefined;
}

/**
 * `value.attribute`. `nameSite` is where the attribute's name is written: reads on resources and
 * on provider functions' results are recorded there for the model (`attributeReads`).
 */
export function attributeOf(value: EvalValue, attribute: string, site: Site, interpreter: Interpreter, nameSite: Site = site): EvalValue {
  const read = (target: { resource: Resource } | { invoke: Invoke }) =>
    interpreter.builder.addAttributeRead({ ...target, name: attribute, written: attribute, site: nameSite, language: 'python' });
  switch (value.kind) {
    case 'external':
      return enumMember(value.name, attribute, site) ?? { kind: 'external', name: `${value.name}.${attribute}`, site };
    case 'program-module': {
      const found = value.scope.own(attribute);
      return found ?? unknown(`\`${attribute}\` of module \`${value.path}\``, site);
    }
    case 'object': {
      const field = value.fields.get(attribute);
      if (field !== undefined) return field;
      const member = classAttribute(value.info, attribute);
      if (member?.kind === 'function') {
        if (member.decorators.includes('staticmethod')) return member;
        return { ...member, self: member.decorators.includes('classmethod') ? { kind: 'class', info: value.info, site } : value };
      }
      if (member !== undefined) return member;
      if (value.resource) {
        if (attribute === 'register_outputs') return { kind: 'builtin', name: 'component.register_outputs', self: value, site };
        if (attribute.startsWith('_')) return privateAttribute(value.resource, attribute, site);
        read({ resource: value.resource });
        return { kind: 'output', resource: value.resource, attribute, resources: [value.resource], via: 'attribute', site };
      }
      return unknown(`\`${attribute}\` of a \`${value.info.name}\``, site);
    }
    case 'class': {
      const member = classAttribute(value.info, attribute);
      if (member?.kind === 'function' && member.decorators.includes('classmethod')) return { ...member, self: value };
      return member ?? unknown(`\`${value.info.name}.${attribute}\``, site);
    }
    case 'resource':
      if (attribute === 'get_output' || attribute === 'require_output') return { kind: 'builtin', name: `stack-reference.${attribute}`, self: value, site };
      if (attribute.startsWith('_')) return privateAttribute(value.resource, attribute, site);
      {
        const own = interpreter.resourceFields.get(value.resource)?.get(attribute);
        if (own !== undefined) return own;
      }
      read({ resource: value.resource });
      return { kind: 'output', resource: value.resource, attribute, resources: [value.resource], via: 'attribute', site };
    case 'invoke-result':
      read({ invoke: value.invoke });
      return unknown(`\`.${attribute}\` of the result of \`${value.invoke.key}\``, site);
    case 'output':
      if (attribute === 'apply') return { kind: 'builtin', name: 'output.apply', self: value, site };
      if (value.invoke && !value.attribute) {
        read({ invoke: value.invoke });
        return { kind: 'output', resources: value.resources, via: 'attribute', site, attribute };
      }
      return { kind: 'output', resources: value.resources, via: 'attribute', site, ...(value.resource ? { resource: value.resource } : {}), ...(value.attribute ? { attribute: `${value.attribute}.${attribute}` } : {}) };
    case 'config-object':
      return { kind: 'builtin', name: `config.${attribute}`, self: value, site };
    case 'string':
    case 'template':
      return { kind: 'builtin', name: `str.${attribute}`, self: value, site };
    case 'list':
      return { kind: 'builtin', name: `list.${attribute}`, self: value, site };
    case 'dict':
      return { kind: 'builtin', name: `dict.${attribute}`, self: value, site };
    case 'builtin':
      if (value.name === 'super') return { kind: 'builtin', name: `super.${attribute}`, ...(value.self ? { self: value.self } : {}), site };
      return unknown(`\`.${attribute}\``, site);
    case 'unknown':
      if (value.string) return { kind: 'builtin', name: `str.${attribute}`, self: value, site };
      // Only Outputs have `apply` in a Pulumi program: run the function as for a known Output (a resource from a file not in the program).
      if (attribute === 'apply') return { kind: 'builtin', name: 'output.apply', self: value, site };
      return unknown(`\`.${attribute}\` of ${value.reason.length > 60 ? 'a value' : value.reason}`, site);
    default:
      return unknown(`\`.${attribute}\``, site);
  }
}

/** A class attribute or method, looked up through the program's base classes (depth-first, as simple MRO). */
export function classAttribute(info: ClassInfo, attribute: string, depth = 0): EvalValue | undefined {
  const own = info.attributes.get(attribute);
  if (own !== undefined || depth > 20) return own;
  for (const base of info.bases) {
    if (base.kind !== 'class') continue;
    const inherited = classAttribute(base.info, attribute, depth + 1);
    if (inherited !== undefined) return inherited;
  }
  return undefined;
}

/**
 * `self._name`, `bucket._name`: the SDK's private attributes of a resource object are plain
 * values, not Outputs (`_name` is the logical name, `_type` the type token).
 */
function privateAttribute(resource: Resource, attribute: string, site: Site): EvalValue {
  if (attribute === '_name') return resource.name;
  if (attribute === '_type' && resource.type.token) return { kind: 'string', value: resource.type.token, site };
  return unknown(`\`${attribute}\` of a resource`, site);
}

/** `aws.lambda_.Runtime.PYTHON3D12` is the string `python3.12` (an enum member of the AWS SDK). */
function enumMember(qualified: string, attribute: string, site: Site): EvalValue | undefined {
  if (!qualified.startsWith(`${PYTHON_PACKAGE}.`) || !/^[A-Z][A-Z0-9_]*$/.test(attribute)) return undefined;
  const member = awsApi(7).lookup(qualified);
  if (member?.kind !== 'enum') return undefined;
  const found = awsApi(7).enumType(member.module, member.name)?.members.find((candidate) => candidate.python === attribute);
  return found ? { kind: 'string', value: found.value, site } : undefined;
}
