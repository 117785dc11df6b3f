/**
 * Shape of the generated Pulumi AWS API tables (src/aws/aws-v<major>.json). Every name
 * in a table is already the Python SDK's name: modules `lambda_`, arguments `cidr_block`,
 * functions `get_ami`, input types `SecurityGroupIngressArgs`.
 */

/**
 * Something that takes keyword arguments: a resource, a function or an input-type class.
 * In the table file `args` is one space-separated string (`"cidr_block enable_dns_hostnames"`):
 * a third smaller to parse than an array of strings; `AwsApi` hands out arrays.
 */
export interface CallableEntry<Args = string[]> {
  /** Accepted keyword arguments (Python names), sorted. */
  args: Args;
  /** Deprecated arguments -> the provider's deprecation message. */
  deprecatedArgs?: Record<string, string>;
  /** The provider's deprecation message when the whole resource/function/type is deprecated. */
  deprecated?: string;
}

export interface ResourceEntry<Args = string[]> extends CallableEntry<Args> {
  /** Arguments typed with a provider enum -> `module.Enum` (Python module name), e.g. `lambda_.Runtime`. */
  enumArgs?: Record<string, string>;
}

export interface FunctionEntry<Args = string[]> extends CallableEntry<Args> {
  /** False when the function has no `<name>_output` form. */
  output?: false;
}

export interface EnumEntry {
  values: string[];
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
