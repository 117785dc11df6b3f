/**
 * `value.property` for the TypeScript evaluator: names inside modules (`aws.ec2.Vpc`), an
 * object's fields and its class's methods (bound to it), a resource's outputs (canonical
 * snake_case, as the model names them), and the methods of strings, arrays, Outputs, config
 * objects and JavaScript's globals (as builtins bound to the value).
 */
import { awsApi } from '../../aws/api.js';
import { pythonModuleName, pythonName } from '../../aws/python-names.js';
import type { ClassInfo, EvalValue } from '../../pulumi/evaluation/eval-values.js';
import type { Invoke, Resource } from '../../pulumi/model.js';
import type { Site } from '../../pulumi/site.js';
import { unknown } from '../../pulumi/values.js';
import type { TypeScriptInterpreter } from './interpreter.js';

/**
 * `value.property`. `nameSite` is where the property's name is written: reads on resources and on
 * provider functions' results are recorded there for the model (`attributeReads`, canonical names).
 */
export function memberOf(value: EvalValue, property: string, site: Site, interpreter: TypeScriptInterpreter, nameSite: Site = site): EvalValue {
  const read = (target: { resource: Resource } | { invoke: Invoke }) =>
    interpreter.builder.addAttributeRead({ ...target, name: pythonName(property), written: property, site: nameSite, language: 'typescript' });
  switch (value.kind) {
    case 'external':
      return enumMember(value.name, property, site) ?? { kind: 'external', name: `${value.name}.${property}`, site };
    case 'program-module':
      return value.scope.own(property) ?? unknown(`\`${property}\` of module \`${value.path}\``, site);
    case 'object': {
      const field = value.fields.get(property);
      if (field !== undefined) return field;
      const member = classMember(value.info, property);
      if (member?.kind === 'function') return { ...member, self: value };
      if (member !== undefined) return member;
      if (value.resource) {
        if (property === 'registerOutputs') return { kind: 'builtin', name: 'component.register_outputs', self: value, site };
        read({ resource: value.resource });
        return { kind: 'output', resource: value.resource, attribute: pythonName(property), resources: [value.resource], via: 'attribute', site };
      }
      return unknown(`\`${property}\` of a \`${value.info.name}\``, site);
    }
    case 'class':
      return classMember(value.info, property) ?? unknown(`\`${value.info.name}.${property}\``, site);
    case 'resource':
      if (property === 'getOutput' || property === 'requireOutput') return { kind: 'builtin', name: `stack-reference.${property}`, self: value, site };
      {
        const own = interpreter.resourceFields.get(value.resource)?.get(property);
        if (own !== undefined) return own;
      }
      read({ resource: value.resource });
      return { kind: 'output', resource: value.resource, attribute: pythonName(property), resources: [value.resource], via: 'attribute', site };
    case 'output':
      if (property === 'apply') return { kind: 'builtin', name: 'output.apply', self: value, site };
      // `aws.getAmiOutput({...}).id`: a field of a provider function's result.
      if (value.invoke && !value.attribute) {
        read({ invoke: value.invoke });
        return { kind: 'output', resources: value.resources, via: 'attribute', site, attribute: pythonName(property) };
      }
      return { kind: 'output', resources: value.resources, via: 'attribute', site, ...(value.resource ? { resource: value.resource } : {}), ...(value.attribute ? { attribute: `${value.attribute}.${pythonName(property)}` } : {}) };
    case 'invoke-result':
      // `(await aws.getCallerIdentity()).accountId`; `.then(...)` is the promise's, not a field.
      if (property === 'then' || property === 'catch' || property === 'finally') return unknown(`\`.${property}\` of the result of \`${value.invoke.key}\``, site);
      read({ invoke: value.invoke });
      return unknown(`\`.${property}\` of the result of \`${value.invoke.key}\``, site);
    case 'config-object':
      return { kind: 'builtin', name: `config.${property}`, self: value, site };
    case 'string':
      if (property === 'length') return { kind: 'number', value: value.value.length, site };
      return { kind: 'builtin', name: `string.${property}`, self: value, site };
    case 'template':
      return { kind: 'builtin', name: `string.${property}`, self: value, site };
    case 'list':
      if (property === 'length' && !value.open && !value.atMost) return { kind: 'number', value: value.items.length, site };
      return { kind: 'builtin', name: `array.${property}`, self: value, site };
    case 'dict': {
      const entry = value.entries.get(property);
      if (entry !== undefined) return entry;
      if (!value.open && !value.argsType) return { kind: 'null', site };
      return unknown(`\`.${property}\``, site);
    }
    case 'builtin':
      if (value.name === 'process.env' || (value.name === 'process' && property === 'env')) return value.name === 'process' ? { kind: 'builtin', name: 'process.env', site } : unknown('an environment variable', site, true);
      return { kind: 'builtin', name: `${value.name}.${property}`, ...(value.self ? { self: value.self } : {}), site };
    case 'unknown':
      if (value.string) return { kind: 'builtin', name: `string.${property}`, self: value, site };
      return unknown(`\`.${property}\` of ${value.reason.length > 60 ? 'a value' : value.reason}`, site);
    default:
      return unknown(`\`.${property}\``, site);
  }
}

/** A method or static member, looked up through the program's base classes. */
export function classMember(info: ClassInfo, property: string, depth = 0): EvalValue | undefined {
  const own = info.attributes.get(property);
  if (own !== undefined || depth > 20) return own;
  for (const base of info.bases) {
    if (base.kind !== 'class') continue;
    const inherited = classMember(base.info, property, depth + 1);
    if (inherited !== undefined) return inherited;
  }
  return undefined;
}

/** `aws.lambda.Runtime.NodeJS16dX` is the string `nodejs16.x` (an enum member of the AWS SDK), as in Python. */
function enumMember(qualified: string, property: string, site: Site): EvalValue | undefined {
  const parts = qualified.split('.');
  if (parts.length !== 3 || parts[0] !== 'pulumi_aws' || !/^[A-Z]/.test(property)) return undefined;
  const member = awsApi(7).lookup(`pulumi_aws.${pythonModuleName(parts[1] as string)}.${parts[2]}`);
  if (member?.kind !== 'enum') return undefined;
  const found = awsApi(7).enumType(member.module, member.name)?.members.find((candidate) => candidate.typescript === property);
  return found ? { kind: 'string', value: found.value, site } : undefined;
}
