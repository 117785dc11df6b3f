/**
 * The program model: what an infrastructure program creates and how, independent of the
 * language it is written in. A language front-end (src/python/model/, src/typescript/model/)
 * evaluates the code once per program and fills it; IaC rules read it instead of syntax trees.
 *
 * Names are canonical so rules need no per-language code: resource types use the Pulumi schema's
 * module and class names (`ec2.Vpc`, `lambda.Function`), argument and option names are
 * snake_case (`cidr_block`, `depends_on`) whatever the source wrote (`cidrBlock`, `dependsOn`);
 * what the source wrote is kept beside them for messages.
 */
import type { Site } from './site.js';

export type { Site } from './site.js';
export type SourceLanguage = 'python' | 'typescript';

/** Why a value could not be known statically (a parameter, a config read, a call the evaluator does not follow...). */
export interface UnknownValue {
  kind: 'unknown';
  reason: string;
  site: Site | undefined;
  /** True when the value is known to be a string (an f-string with unknown holes, `str(x)`). */
  string?: boolean;
  /** The JSON text of this value (`json.dumps({...})` over values not all known): policy documents stay readable. */
  encodes?: Value;
}

export interface StringValue {
  kind: 'string';
  value: string;
  site: Site | undefined;
  /** JSON text the program built (`json.dumps({...})` over known values): the value it encodes, with its sites. */
  encodes?: Value;
}

export interface NumberValue {
  kind: 'number';
  value: number;
  site: Site | undefined;
}

export interface BooleanValue {
  kind: 'boolean';
  value: boolean;
  site: Site | undefined;
}

export interface NullValue {
  kind: 'null';
  site: Site | undefined;
}

/** A string built from known text and holes (f-strings, template literals): `f"{name}-vpc"`. */
export interface TemplateValue {
  kind: 'template';
  parts: readonly (string | Value)[];
  site: Site | undefined;
}

export interface ListValue {
  kind: 'list';
  items: readonly Value[];
  /** More items may exist than `items` shows (a spread or append the evaluator could not follow). */
  open: boolean;
  /** Fewer items may exist: a slice of a list of unknown length (`azs.names[:3]`). */
  atMost?: boolean;
  site: Site | undefined;
}

export interface DictValue {
  kind: 'dict';
  /** Keys as written (string keys; for `*Args(...)` objects, canonical argument names). */
  entries: ReadonlyMap<string, Value>;
  /** Entries may exist beyond `entries` (`**kwargs`, a spread, a non-literal key). */
  open: boolean;
  /** The input type the dict was built as (`ec2.SecurityGroupIngressArgs`), when it came from an Args class. */
  argsType?: string;
  /** Where each entry's value is written, when it differs from the value's own site (a variable holding a resource). */
  entrySites?: ReadonlyMap<string, Site>;
  site: Site | undefined;
}

/** A resource object itself (`vpc` in `vpc_id=vpc.id`'s `vpc`, or `parent=self`). */
export interface ResourceValue {
  kind: 'resource';
  resource: Resource;
  site: Site | undefined;
}

/**
 * A Pulumi `Output`: a resource's output attribute (`vpc.id`), an invoke's result, or anything
 * derived through `apply`, `Output.concat`, `pulumi.interpolate`... Its value is unknown until
 * deployment; `resources` are the resources it reads (dependency edges).
 */
export interface OutputValue {
  kind: 'output';
  /** The resource whose attribute this is, for `vpc.id`, `bucket.arn`. */
  resource?: Resource;
  /** The attribute path read from the resource (`id`, `arn`, `endpoint.address`). */
  attribute?: string;
  /** Every resource the output depends on. */
  resources: readonly Resource[];
  /** How it was made: `attribute`, `apply`, `concat`, `format`, `all`, `invoke`, `secret`... */
  via: string;
  /** The value as far as known (`Output.secret("x")`, `pulumi.output("x")`). */
  known?: Value;
  /** The provider function call whose result this is (`aws.get_caller_identity_output()`). */
  invoke?: Invoke;
  site: Site | undefined;
}

/** A configuration read: `config.get("region")`, `config.require_int("count")`, `cfg.get("x") or "d"`. */
export interface ConfigValue {
  kind: 'config';
  read: ConfigRead;
  site: Site | undefined;
}

export type Value =
  | UnknownValue
  | StringValue
  | NumberValue
  | BooleanValue
  | NullValue
  | TemplateValue
  | ListValue
  | DictValue
  | ResourceValue
  | OutputValue
  | ConfigValue;

/** Canonical resource type: Pulumi schema module and class name. */
export interface ResourceType {
  /** `aws`, or `pulumi` for `pulumi.ComponentResource`, or `component` for a class of the program. */
  provider: string;
  /** Schema module (`ec2`, `lambda`, `index` for top-level such as `Provider`); the class's module path for components. */
  module: string;
  /** Class name: `Vpc`, `Provider`, `TapStack`. */
  name: string;
  /** `ec2.Vpc`: what rules compare against. */
  key: string;
  /** The Pulumi type token when known (`aws:ec2/vpc:Vpc`, or a component's `tap:stack:TapStack`). */
  token?: string;
}

export interface Argument {
  /** Canonical snake_case name (`cidr_block`). */
  name: string;
  /** The name as the source wrote it (`cidrBlock` in TypeScript). */
  written: string;
  value: Value;
  /** Where the argument (name and value) is written; undefined when it came through a variable dict. */
  site: Site | undefined;
}

/** The resource options (`opts=pulumi.ResourceOptions(...)`, `{ parent: this }`), canonical names. */
export interface ResourceOptions {
  /** Options given at all. */
  given: boolean;
  /** The options could not be seen (a parameter, an unfollowed call): anything may be set. */
  open: boolean;
  /** Why they are open, for messages. */
  openReason?: string;
  values: ReadonlyMap<string, Argument>;
  site: Site | undefined;
}

/** Where in the program a resource is created: the class and function around it, the loops. */
export interface CreationContext {
  /** Enclosing class of the code that created it (the method's class), by name. */
  className?: string;
  /** Enclosing function or method name. */
  functionName?: string;
  /** Loops around the creation, outermost first; `count` undefined when the iterations are not known. */
  loops: readonly { index: number | undefined; count: number | undefined }[];
  /**
   * Alternatives the evaluator could not decide between (`if`/`elif`/`else` and `match` on an
   * unknown condition, `a if c else b`), outermost first: `choice` numbers one evaluation of the
   * statement, `branch` the alternative taken. Two creations in different branches of one choice
   * never both happen.
   */
  branches: readonly { choice: number; branch: number }[];
  /** Evaluated with the arguments of a visible call, or run with unknown arguments because no caller was seen. */
  calledFromVisibleCode: boolean;
}

export interface Resource {
  id: number;
  language: SourceLanguage;
  type: ResourceType;
  /** The constructor as written: `aws.ec2.Vpc`, `ec2.Vpc`, `TapStack`. */
  constructorText: string;
  /** The logical name (first argument). */
  name: Value;
  args: ReadonlyMap<string, Argument>;
  /** Arguments may exist beyond `args` (`**kwargs`, an unknown `args=` object, a spread). */
  argsOpen: boolean;
  options: ResourceOptions;
  /** The constructor expression (`aws.ec2.Vpc`): where most findings about the resource point. */
  site: Site;
  /** The whole constructor call. */
  callSite: Site;
  context: CreationContext;
  /** For a component instance: the component class. */
  component?: ComponentClass;
  /** Variable or attribute the resource was stored in first (`igw`, `self.igw`), for messages. */
  boundTo?: string;
}

/** A class of the program that is (or is meant to be) a Pulumi component: `class TapStack(ComponentResource)`. */
export interface ComponentClass {
  name: string;
  /** Module path of its file (`lib/tap_stack.py`). */
  path: string;
  site: Site;
  /** Base classes as written. */
  bases: readonly string[];
  /** Derives from `pulumi.ComponentResource` (directly or through another program class). */
  isComponentResource: boolean;
  /** The type token passed to `super().__init__` / `super(...)`. */
  typeToken?: string;
  registersOutputs: boolean;
  /** Instances of the class (component resources). */
  instances: Resource[];
  /** Resources its methods create (for any instance). */
  resources: Resource[];
}

export interface ConfigRead {
  /** Namespace when given (`pulumi.Config("aws")`), else the project's. */
  namespace?: string;
  key: string;
  /** `get`, `require`, `get_int`, `require_secret`... canonical snake_case. */
  method: string;
  required: boolean;
  secret: boolean;
  /** Default given in the call or through `or` / `??`. */
  default?: Value;
  site: Site | undefined;
}

export interface StackExport {
  name: Value;
  value: Value;
  site: Site;
}

/** A provider function call (`aws.ec2.get_ami(...)`, `aws.getAvailabilityZones()`). */
export interface Invoke {
  language: SourceLanguage;
  /** `ec2.get_ami`: schema module and canonical snake_case function name. */
  key: string;
  provider: string;
  args: ReadonlyMap<string, Argument>;
  argsOpen: boolean;
  options: ResourceOptions;
  site: Site;
  callSite: Site;
  context: CreationContext;
}

/**
 * An `Output` used where a plain value is needed: string building, `json.dumps`, an `if`,
 * a resource name. It deploys garbage (`Calling __str__ on an Output[T] is not supported`)
 * or fails at `pulumi up`.
 */
export interface OutputMisuse {
  /** `fstring`, `template`, `concat`, `format`, `percent`, `json.dumps`, `str`, `condition`, `comparison`, `resource-name`, `join`. */
  how: string;
  output: OutputValue;
  site: Site;
  language: SourceLanguage;
}

/**
 * An attribute read on a resource object or on a provider function's result, wherever the
 * object came from (a variable, a `self` attribute, a helper's parameter): `bucket.arn`,
 * `self.db.endpoint`, `aws.get_caller_identity().account_id`. Rules check the name against
 * what the type has (a misspelt output fails at `pulumi up` with an AttributeError).
 */
export interface AttributeRead {
  /** The resource whose attribute is read (an AWS resource, another provider's, a component). */
  resource?: Resource;
  /** Or the provider function whose result is read. */
  invoke?: Invoke;
  /** Canonical snake_case name of the attribute read (`endpoint` in `db.endpoint.address`). */
  name: string;
  /** The name as written (`websiteEndpoint` in TypeScript). */
  written: string;
  /** The attribute name in the source. */
  site: Site;
  language: SourceLanguage;
}

/** A dependency between two resources, and what makes it. */
export interface Edge {
  from: Resource;
  to: Resource;
  /** `input`: an argument reads the other's output or object; `depends_on`, `parent`, `provider` are options. */
  kind: 'input' | 'depends_on' | 'parent' | 'provider';
  /** The argument or option that makes it (canonical name). */
  via: string;
}

/**
 * One program: the code that runs together in one `pulumi up` (a Pulumi project's files), or
 * one Markdown answer's code blocks. Rules judge each program on its own.
 */
export interface ProgramModel {
  /** A project folder (`.` or `services/api`) or a Markdown file's path. */
  root: string;
  kind: 'project' | 'answer';
  language: SourceLanguage;
  /** Paths of the files whose code the model was built from. */
  files: readonly string[];
  resources: readonly Resource[];
  components: readonly ComponentClass[];
  invokes: readonly Invoke[];
  exports: readonly StackExport[];
  configReads: readonly ConfigRead[];
  outputMisuses: readonly OutputMisuse[];
  /** Attributes read on resources and on provider functions' results. */
  attributeReads: readonly AttributeRead[];
  edges: readonly Edge[];
  /**
   * Input objects built with a provider's Args type (`ec2.SecurityGroupIngressArgs(...)`),
   * wherever they are built: also those no visible resource receives (a helper's return value
   * whose caller is not visible). `argsType` names the type.
   */
  argsObjects: readonly DictValue[];
}
