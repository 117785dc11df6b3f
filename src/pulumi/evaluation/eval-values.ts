/**
 * What the front-ends' evaluators compute with: the model's values (src/pulumi/model.ts) plus
 * the things only the evaluation itself needs: names of things outside the program
 * (`pulumi_aws.ec2`), the program's own functions, classes and objects, builtins bound to a
 * value, `pulumi.Config`. None of these reach the model: `toModelValue` turns them into model values.
 */
import type { Invoke, Resource, Site, Value } from '../model.js';
import type { SyntaxNode } from '../../syntax/flat-tree.js';
import type { EvalModule } from './run.js';
import type { Scope } from './scope.js';
import type { ComponentClass } from '../model.js';

/** A name outside the program, by its qualified name: a module (`pulumi_aws.ec2`), a class or function in it. */
export interface ExternalName {
  kind: 'external';
  name: string;
  site: Site | undefined;
}

/** A module of the program itself (`import lib.network`): its top-level names. */
export interface ProgramModule {
  kind: 'program-module';
  path: string;
  scope: Scope;
  site: Site | undefined;
}

export interface FunctionValue {
  kind: 'function';
  name: string;
  /** The `function_definition` or `lambda` node. */
  node: SyntaxNode;
  /** Where names not bound inside the function are looked up. */
  closure: Scope;
  /** The object a method is bound to (`self.helper` -> self). */
  self?: EvalValue;
  /** The class whose body defines the function, for methods. */
  owner?: ClassInfo;
  /** `@staticmethod`, `@classmethod`, `@property`. */
  decorators: readonly string[];
  /** The module whose code the function is. */
  module: EvalModule;
  site: Site | undefined;
}

export interface ClassInfo {
  name: string;
  node: SyntaxNode;
  path: string;
  /** Base classes as evaluated. */
  bases: readonly EvalValue[];
  /** Base classes as written. */
  baseTexts: readonly string[];
  /** Class body names: methods and class attributes. */
  attributes: Map<string, EvalValue>;
  /** Derives from `pulumi.ComponentResource`, directly or through a program class. */
  isComponentResource: boolean;
  /** `@dataclass`: fields become `__init__` keywords. */
  isDataclass: boolean;
  /** Field names in order, for dataclasses (positional construction). */
  fieldNames: string[];
  site: Site;
  instantiated: boolean;
  /** The last object made of the class (the entry pass runs uncalled methods on it). */
  lastInstance?: ObjectValue;
  /** What the model keeps of the class. */
  component: ComponentClass;
}

export interface ClassValue {
  kind: 'class';
  info: ClassInfo;
  site: Site | undefined;
}

/** An instance of a program class; a component's instance carries its resource. */
export interface ObjectValue {
  kind: 'object';
  info: ClassInfo;
  fields: Map<string, EvalValue>;
  resource?: Resource;
  site: Site | undefined;
}

/** A builtin function or a method of a value (`len`, `"-".join`, `subnets.append`). */
export interface BuiltinValue {
  kind: 'builtin';
  name: string;
  self?: EvalValue;
  site: Site | undefined;
}

/** `pulumi.Config()` / `pulumi.Config("aws")`. */
export interface ConfigObject {
  kind: 'config-object';
  namespace: string | undefined;
  site: Site | undefined;
}

/** What a provider function returns when called directly (`aws.get_caller_identity()`): plain fields, not Outputs. */
export interface InvokeResult {
  kind: 'invoke-result';
  invoke: Invoke;
  site: Site | undefined;
}

export type EvalValue = Value | ExternalName | ProgramModule | FunctionValue | ClassValue | ObjectValue | BuiltinValue | ConfigObject | InvokeResult;

export function isModelValue(value: EvalValue): value is Value {
  switch (value.kind) {
    case 'external':
    case 'program-module':
    case 'function':
    case 'class':
    case 'object':
    case 'builtin':
    case 'config-object':
    case 'invoke-result':
      return false;
    default:
      return true;
  }
}
