/**
 * The provider's signature of a model element: what an AWS resource or provider function of the
 * program takes and gives back, from the table that judges the project. Model names are the
 * schema's (`lambda.Function`, `ec2.get_ami`); the tables are keyed by Python module (`lambda_`).
 */
import type { ApiMember, AwsApi, Signature } from '../aws/api.js';
import { pythonModuleName } from '../aws/python-names.js';
import type { Invoke, Resource } from './model.js';
import { spell, typeName } from './spelling.js';

/** Attributes every resource object has besides its outputs. */
export const RESOURCE_ATTRIBUTES: readonly string[] = ['id', 'urn', 'get_provider', 'translate_output_property', 'translate_input_property'];

/**
 * Methods @pulumi/aws adds to resource classes in TypeScript only (its `*Mixins.d.ts` files:
 * `declare module` augmentations the tables leave out), by type key, in canonical names.
 */
export const TYPESCRIPT_MIXINS: Readonly<Record<string, readonly string[]>> = {
  's3.Bucket': ['on_object_created', 'on_object_removed', 'on_event'],
  'sns.Topic': ['on_event'],
  'sqs.Queue': ['on_event'],
  'dynamodb.Table': ['on_event'],
  'kinesis.Stream': ['on_event'],
  'cloudwatch.EventRule': ['on_event'],
  'cloudwatch.LogGroup': ['on_event', 'on_decoded_event'],
};

const tableModule = (module: string) => (module === 'index' ? module : pythonModuleName(module));

/** The table's entry for an AWS resource of the model (arguments, deprecations, enum arguments), when the table has it. */
export function resourceMember(api: AwsApi, resource: Resource): Extract<ApiMember, { kind: 'resource' }> | undefined {
  if (resource.type.provider !== 'aws') return undefined;
  const member = api.member(tableModule(resource.type.module), resource.type.name);
  return member.kind === 'resource' ? member : undefined;
}

export function resourceSignature(api: AwsApi, resource: Resource): Signature | undefined {
  if (resource.type.provider !== 'aws') return undefined;
  return api.signature('resource', tableModule(resource.type.module), resource.type.name);
}

export function invokeSignature(api: AwsApi, invoke: Invoke): Signature | undefined {
  if (invoke.provider !== 'aws') return undefined;
  const dot = invoke.key.lastIndexOf('.');
  return api.signature('function', tableModule(invoke.key.slice(0, dot)), invoke.key.slice(dot + 1));
}

/** Each element once, though code that runs twice (a loop, a helper called from two places) creates it twice. */
export function onePerSite<T extends { site: { path: string; start: number; source: { lineOffset: number } } }>(items: readonly T[], key: (item: T) => string = () => ''): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const id = `${item.site.path}:${item.site.source.lineOffset}:${item.site.start}:${key(item)}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

/** A provider function as the program's language calls it: `aws.ec2.get_ami` / `aws.ec2.getAmi`. */
export function invokeName(invoke: Invoke): string {
  const [module, name] = invoke.key.split('.') as [string, string];
  const fn = spell(name, invoke.language);
  return module === 'index' ? `aws.${fn}` : typeName({ provider: 'aws', module, name: fn }, invoke.language);
}
