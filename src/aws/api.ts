/**
 * Review-time access to the generated Pulumi AWS API tables. A table is read and parsed only
 * when first asked for (a review without `pulumi_aws` imports never loads one), then cached.
 *
 * `lookup('pulumi_aws.ec2.Vpc')` tells what a qualified Python name is: a resource, a function,
 * an input-type class, an enum, a module, or unknown in a known module.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { closestName, soleCloseMatch } from './suggest.js';
import { argTokenName, functionOwner, parseArgToken, type ArgSpec } from './type-codes.js';
import { defaultFunctionToken, defaultResourceToken, TOP_LEVEL_MODULE, type AwsSchemaTable, type CallableEntry, type EnumEntry, type ModuleEntry, type OutputsDifference, type ResourceEntry } from './types.js';
import { pythonName } from './python-names.js';
import { getOrCompute } from '../syntax/memo-table.js';

export const PYTHON_PACKAGE = 'pulumi_aws';
/** Majors with a bundled table, newest first; the first is used when the project pins none. */
export const BUNDLED_MAJORS = [7, 6] as const;
export type BundledMajor = (typeof BUNDLED_MAJORS)[number];

/** Keyword arguments every resource constructor takes besides its properties. */
export const RESOURCE_KEYWORDS: readonly string[] = ['resource_name', 'opts', 'args'];
/** Keyword arguments every provider function takes besides its properties. */
export const FUNCTION_KEYWORDS: readonly string[] = ['opts'];

export type ApiMember =
  | { kind: 'module'; module: string }
  | { kind: 'unknown-module'; module: string }
  | { kind: 'resource'; module: string; name: string; entry: ResourceEntry }
  /** A resource's own `XArgs` class and/or an input type of the same Python name. */
  | { kind: 'args-class'; module: string; name: string; entry: CallableEntry; resource?: string }
  | { kind: 'function'; module: string; name: string; entry: CallableEntry }
  | { kind: 'enum'; module: string; name: string; entry: EnumEntry }
  /** Names the SDK has that carry no argument list here (function results, private helpers). */
  | { kind: 'other'; module: string; name: string }
  | { kind: 'unknown'; module: string; name: string };

/** A resource's, function's or input type's arguments and outputs (function: its result's fields). */
export interface Signature {
  kind: 'resource' | 'function' | 'type';
  module: string;
  name: string;
  /** Arguments by Python name. */
  args: ReadonlyMap<string, ArgSpec>;
  /** Names of the arguments the type requires (declared without `?`). */
  required: readonly string[];
  /** Output attributes (Python names); for a function, its result's fields. Besides these, every resource has `id` and `urn`. */
  outputs: ReadonlySet<string>;
  /** `aws:ec2/vpc:Vpc`, `aws:ec2/getAmi:getAmi`. */
  token?: string;
}

export interface EnumMember {
  value: string;
  /** `Python3d12` */
  typescript: string;
  /** `PYTHON3D12` */
  python: string;
}

export interface EnumType {
  module: string;
  name: string;
  members: readonly EnumMember[];
  values: ReadonlySet<string>;
  /** Deprecated value -> the provider's message. */
  deprecated: ReadonlyMap<string, string>;
}

/**
 * The Python SDK's name of an enum member: Pulumi's Python generator upper-cases its snake_case
 * name (`Python3d12` -> `PYTHON3D12`, `NodeJS20dX` -> `NODE_JS20D_X`, `T2_Micro` -> `T2_MICRO`).
 */
export function pythonEnumMember(typescript: string): string {
  return pythonName(typescript).replace(/_+/g, '_').replace(/_$/, '').toUpperCase();
}

const hasOwn = <T>(record: Record<string, T>, key: string): T | undefined => (Object.hasOwn(record, key) ? record[key] : undefined);

/** Lower-case module attributes of the Python SDK that are not provider functions. */
const MODULE_ATTRIBUTES = new Set(['outputs', 'config', 'pulumi', 'warnings', 'sys', 'typing']);

export class AwsApi {
  private nameIndex: Map<string, string[]> | undefined;
  /** Table entries (space-separated `args`) -> entries with argument arrays, made on first use. */
  private readonly entries = new WeakMap<object, CallableEntry>();

  constructor(readonly table: AwsSchemaTable) {}

  get version(): string {
    return this.table.version;
  }

  get major(): number {
    return Number(this.table.version.split('.')[0]);
  }

  module(name: string): ModuleEntry | undefined {
    return hasOwn(this.table.modules, name);
  }

  /** What `pulumi_aws.<...>` names; undefined for names outside the package or too deep to judge. */
  lookup(qualified: string): ApiMember | undefined {
    const parts = qualified.split('.');
    if (parts[0] !== PYTHON_PACKAGE || parts.length < 2 || parts.length > 3) return undefined;
    if (parts.slice(1).some((part) => part.startsWith('_'))) return undefined;
    let moduleName: string;
    let name: string;
    if (parts.length === 2) {
      const second = parts[1] as string;
      if (this.module(second) && second !== TOP_LEVEL_MODULE) return { kind: 'module', module: second };
      moduleName = TOP_LEVEL_MODULE;
      name = second;
    } else {
      moduleName = parts[1] as string;
      name = parts[2] as string;
      if (MODULE_ATTRIBUTES.has(moduleName)) return undefined;
      if (!this.module(moduleName)) return { kind: 'unknown-module', module: moduleName };
    }
    if (MODULE_ATTRIBUTES.has(name)) return undefined;
    return this.member(moduleName, name);
  }

  member(moduleName: string, name: string): ApiMember {
    const module = this.module(moduleName);
    if (!module) return { kind: 'unknown-module', module: moduleName };
    const resource = hasOwn(module.resources, name);
    if (resource) return { kind: 'resource', module: moduleName, name, entry: this.entry(resource) };
    const argsClass = this.argsClass(module, name);
    if (argsClass) return { kind: 'args-class', module: moduleName, name, ...argsClass };
    const fn = hasOwn(module.functions, name);
    if (fn) return { kind: 'function', module: moduleName, name, entry: this.entry(fn) };
    if (name.endsWith('_output')) {
      const base = hasOwn(module.functions, name.slice(0, -'_output'.length));
      if (base && base.output !== false) return { kind: 'function', module: moduleName, name, entry: this.entry(base) };
    }
    const enumEntry = hasOwn(module.enums, name);
    if (enumEntry) return { kind: 'enum', module: moduleName, name, entry: enumEntry };
    // Function results (`GetAmiResult`, `AwaitableGetAmiResult`) are not constructed by users.
    if (name.endsWith('Result')) return { kind: 'other', module: moduleName, name };
    return { kind: 'unknown', module: moduleName, name };
  }

  /** `VpcArgs` (the resource's own class), `SecurityGroupIngressArgs`, and their `...ArgsDict` forms. */
  private argsClass(module: ModuleEntry, name: string): { entry: CallableEntry; resource?: string } | undefined {
    const className = name.endsWith('ArgsDict') ? name.slice(0, -'Dict'.length) : name;
    if (!className.endsWith('Args')) return undefined;
    const resourceName = className.slice(0, -'Args'.length);
    const rawResource = hasOwn(module.resources, resourceName);
    const rawType = hasOwn(module.types, className);
    if (!rawResource && !rawType) return undefined;
    const resource = rawResource && this.entry(rawResource);
    const type = rawType && this.entry(rawType);
    if (!resource || !type) return { entry: (resource ?? type) as CallableEntry, ...(resource ? { resource: resourceName } : {}) };
    // The generator can give an input type the same Python name as a resource's Args class;
    // accept the arguments of both rather than guess which one the SDK kept.
    const args = [...new Set([...resource.args, ...type.args])].sort();
    const deprecatedArgs = { ...(type.deprecatedArgs ?? {}), ...(resource.deprecatedArgs ?? {}) };
    const entry: CallableEntry = { args };
    if (Object.keys(deprecatedArgs).length) entry.deprecatedArgs = deprecatedArgs;
    const deprecated = resource.deprecated ?? type.deprecated;
    if (deprecated) entry.deprecated = deprecated;
    return { entry, resource: resourceName };
  }

  /** The entry with its `args` as an array of names (cached per table entry). */
  private entry<T extends CallableEntry<string>>(raw: T): Omit<T, 'args'> & CallableEntry {
    let entry = this.entries.get(raw);
    if (!entry) {
      entry = { ...raw, args: raw.args ? raw.args.split(' ').map(argTokenName) : [] };
      this.entries.set(raw, entry);
    }
    return entry as Omit<T, 'args'> & CallableEntry;
  }

  private readonly signatures = new WeakMap<object, Signature>();

  /**
   * What a resource (`ec2`, `Vpc`), a provider function (`ec2`, `get_ami`) or an input type
   * (`ec2`, `SecurityGroupIngressArgs`) takes and gives back; undefined when the table has none.
   */
  signature(kind: 'resource' | 'function' | 'type', moduleName: string, name: string): Signature | undefined {
    const module = this.module(moduleName);
    if (!module) return undefined;
    const raw: (CallableEntry<string> & OutputsDifference) | undefined =
      kind === 'resource' ? hasOwn(module.resources, name) : kind === 'function' ? hasOwn(module.functions, name) : hasOwn(module.types, name);
    if (!raw) return undefined;
    return getOrCompute(this.signatures, raw, () => {
      const owner = kind === 'resource' ? name : kind === 'function' ? functionOwner(name) : name.replace(/Args$/, '');
      const args = new Map<string, ArgSpec>();
      for (const token of raw.args ? raw.args.split(' ') : []) {
        const spec = parseArgToken(token, moduleName, owner);
        args.set(spec.name, spec);
      }
      const inOnly = new Set(raw.inOnly?.split(' ') ?? []);
      const outputs = new Set([...args.keys()].filter((arg) => !inOnly.has(arg)));
      for (const extra of raw.out?.split(' ') ?? []) outputs.add(extra);
      const token = raw.token ?? (kind === 'resource' ? defaultResourceToken(moduleName, name) : kind === 'function' ? defaultFunctionToken(moduleName, name) : undefined);
      return { kind, module: moduleName, name, args, required: [...args.values()].filter((spec) => spec.required).map((spec) => spec.name), outputs, ...(token ? { token } : {}) };
    });
  }

  /** An enum's members by value, TypeScript and Python name, and its deprecated values. */
  enumType(moduleName: string, name: string): EnumType | undefined {
    const raw = this.module(moduleName) && hasOwn((this.module(moduleName) as ModuleEntry).enums, name);
    if (!raw) return undefined;
    return getOrCompute(this.enums, raw, () => {
      const members = Object.entries(raw.members).map(([typescript, value]) => ({ value, typescript, python: pythonEnumMember(typescript) }));
      const deprecated = new Map(Object.entries(raw.deprecatedValues ?? {}));
      return { module: moduleName, name, members, values: new Set(members.map((member) => member.value)), deprecated };
    });
  }

  private readonly enums = new WeakMap<object, EnumType>();

  /** Every class name of a module: resources, their Args classes, input types, enums. */
  classNames(moduleName: string): string[] {
    const module = this.module(moduleName);
    if (!module) return [];
    const resources = Object.keys(module.resources);
    return [...resources, ...resources.map((name) => `${name}Args`), ...Object.keys(module.types), ...Object.keys(module.enums)];
  }

  functionNames(moduleName: string): string[] {
    return Object.keys(this.module(moduleName)?.functions ?? {});
  }

  moduleNames(): string[] {
    return Object.keys(this.table.modules).filter((name) => name !== TOP_LEVEL_MODULE);
  }

  /** Modules holding a class or function of exactly this name (`Vpc` -> [`ec2`], `get_ami` -> [`ec2`]). */
  modulesWithName(name: string): string[] {
    if (!this.nameIndex) {
      this.nameIndex = new Map();
      for (const moduleName of Object.keys(this.table.modules)) {
        for (const member of [...this.classNames(moduleName), ...this.functionNames(moduleName)]) {
          const list = this.nameIndex.get(member) ?? [];
          list.push(moduleName);
          this.nameIndex.set(member, list);
        }
      }
    }
    const base = name.endsWith('_output') ? name.slice(0, -'_output'.length) : name;
    return this.nameIndex.get(name) ?? this.nameIndex.get(base) ?? [];
  }

  private readonly suggestions = new Map<string, string | undefined>();

  /** The closest real name for an unknown member of a module (memoised: the same misspelling recurs across files). */
  suggestMember(moduleName: string, name: string): string | undefined {
    const key = `${moduleName}\u0000${name}`;
    if (this.suggestions.has(key)) return this.suggestions.get(key);
    const suggestion = closestName(name, this.memberCandidates(moduleName, name));
    this.suggestions.set(key, suggestion);
    return suggestion;
  }

  /** The member an unknown name certainly misspells (see `soleCloseMatch`), for a fix. */
  soleMemberCorrection(moduleName: string, name: string): string | undefined {
    const key = `${moduleName}\u0000${name}`;
    if (!this.corrections.has(key)) this.corrections.set(key, soleCloseMatch(name, this.memberCandidates(moduleName, name)));
    return this.corrections.get(key);
  }

  private readonly corrections = new Map<string, string | undefined>();

  /** Names an unknown member may stand for: classes for a capitalised name, functions otherwise. */
  private memberCandidates(moduleName: string, name: string): string[] {
    return /^[A-Z]/.test(name) ? this.classNames(moduleName) : this.functionNames(moduleName);
  }
}

const cache = new Map<number, AwsApi>();

/**
 * Where a table file is: beside this module when running from source (tsx, vitest); from a
 * build in dist/, the JSON stays in src/ (tsc does not copy it), three levels up.
 */
function tableFile(major: number): string {
  const candidates = [`./aws-v${major}.json`, `../../../src/aws/aws-v${major}.json`].map((relative) => fileURLToPath(new URL(relative, import.meta.url)));
  return candidates.find((candidate) => existsSync(candidate)) ?? (candidates[0] as string);
}

/** The bundled API of a major version, loaded on first use. */
export function awsApi(major: BundledMajor): AwsApi {
  return getOrCompute(cache, major, () => new AwsApi(JSON.parse(readFileSync(tableFile(major), 'utf8')) as AwsSchemaTable));
}

/** True once a table has been loaded in this process (for the lazy-loading test). */
export function loadedMajors(): number[] {
  return [...cache.keys()];
}

export function isBundledMajor(major: number): major is BundledMajor {
  return (BUNDLED_MAJORS as readonly number[]).includes(major);
}
