/**
 * Shape of the generated Pulumi AWS API tables (src/aws/aws-v<major>.json). Every name
 * in a table is already the Python SDK's name: modules `lambda_`, arguments `cidr_block`,
 * functions `get_ami`, input types `SecurityGroupIngressArgs`.
 */

/**
 * Something that takes keyword arguments: a resource, a function or an input-type class.
 * In the table file `args` is one space-separated string of argument tokens, each the Python
 * name, `!` when required and `:` with a type code unless it is a plain string
 * (`"cidr_block enable_dns_hostnames:b vpc_id!"`, see type-codes.ts): a third smaller to parse
 * than arrays and objects; `AwsApi` hands out arrays of names and reads types on demand.
 */
export interface CallableEntry<Args = string[]> {
  /** Accepted keyword arguments (Python names), sorted; in the file, argument tokens. */
  args: Args;
  /** Deprecated arguments -> the provider's deprecation message. */
  deprecatedArgs?: Record<string, string>;
  /** The provider's deprecation message when the whole resource/function/type is deprecated. */
  deprecated?: string;
}

/**
 * What a resource or function gives back, stored as its difference from the arguments (most
 * arguments are outputs too): resource outputs (`readonly arn: pulumi.Output<string>`) or the
 * fields of a function's result type (`GetAmiResult`).
 */
export interface OutputsDifference {
  /** Outputs that are not arguments, space-separated (`arn owner_id`). */
  out?: string;
  /** Arguments that are not outputs, space-separated (write-only inputs). */
  inOnly?: string;
  /** The Pulumi type token, when it is not the usual `aws:<module>/<camelName>:<Name>` (see `defaultResourceToken`). */
  token?: string;
}

export interface ResourceEntry<Args = string[]> extends CallableEntry<Args>, OutputsDifference {
  /** Arguments typed with a provider enum -> `module.Enum` (Python module name), e.g. `lambda_.Runtime`. */
  enumArgs?: Record<string, string>;
}

export interface FunctionEntry<Args = string[]> extends CallableEntry<Args>, OutputsDifference {
  /** False when the function has no `<name>_output` form. */
  output?: false;
}

export interface EnumEntry {
  /** TypeScript member name -> value (`Python3d12` -> `python3.12`); the Python name is derived (`PYTHON3D12`). */
  members: Record<string, string>;
  /** Deprecated values -> the provider's deprecation message. */
  deprecatedValues?: Record<string, string>;
}

/** A module as stored in the table file (`args` as space-separated strings). */
export interface ModuleEntry {
  resources: Record<string, ResourceEntry<string>>;
  functions: Record<string, FunctionEntry<string>>;
  /** Input-type classes (`SecurityGroupIngressArgs`); each also exists as `<name>Dict`. */
  types: Record<string, CallableEntry<string>>;
  enums: Record<string, EnumEntry>;
}

export interface AwsSchemaTable {
  $comment: string;
  package: string;
  version: string;
  /** Hash of the generator's source files: a table made by an older generator is stale. */
  generatorHash: string;
  /** Hash of `JSON.stringify(modules)`: a hand-edited table is stale. */
  contentHash: string;
  /** Python module name -> contents; the package's top level (`pulumi_aws.Provider`) is `index`. */
  modules: Record<string, ModuleEntry>;
}

/** Key of the package's top level (`pulumi_aws.Provider`, `pulumi_aws.get_region`) in `modules`. */
export const TOP_LEVEL_MODULE = 'index';

const lowerFirst = (name: string) => name.charAt(0).toLowerCase() + name.slice(1);
/** The schema's module of a Python module name: `lambda_` -> `lambda`. */
const schemaModule = (module: string) => (module.endsWith('_') ? module.slice(0, -1) : module);

/** The token most resources register with: `aws:ec2/vpc:Vpc` (Python module name in); the table stores only the exceptions. */
export function defaultResourceToken(module: string, className: string): string {
  return `aws:${schemaModule(module)}/${lowerFirst(className)}:${className}`;
}

/** The token most functions are invoked with: `aws:ec2/getAmi:getAmi` for Python's `ec2.get_ami`. */
export function defaultFunctionToken(module: string, pythonFunction: string): string {
  const camel = pythonFunction.replace(/_([a-z0-9])/g, (_, char: string) => char.toUpperCase());
  return `aws:${schemaModule(module)}/${camel}:${camel}`;
}
