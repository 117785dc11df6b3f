/**
 * Reads the typed API of an installed `@pulumi/aws` package from its TypeScript declarations
 * (.d.ts) with the TypeScript compiler API and returns it as an `AwsSchemaTable` in Python
 * names. Used by the generator (generate.ts) and by the staleness test; never at review time.
 *
 * What is read (syntax only; the declarations are generated and regular, no type checker needed):
 *   - index.d.ts: the modules (`import * as ec2 from "./ec2"`) and the top-level exports;
 *   - <module>/index.d.ts: `export declare const Vpc: typeof import("./vpc").Vpc` for resources
 *     and functions, `export * from "..."` for enums and hand-written files;
 *   - resource classes (`extends pulumi.CustomResource` / `ProviderResource`) and the interface
 *     their constructor takes (`VpcArgs`); functions (`getAmi(args?: GetAmiArgs, opts?:
 *     pulumi.InvokeOptions)`) and their `...Output` form; `@deprecated` JSDoc tags;
 *   - types/input.d.ts: input types per module namespace (`ec2.SecurityGroupIngress`), which the
 *     Python SDK exports as `aws.ec2.SecurityGroupIngressArgs`;
 *   - types/enums/<module>/index.d.ts: enum values (`lambda.Runtime`) and deprecated values.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import ts from 'typescript';
import { pythonInputTypeName, pythonModuleName, pythonName } from './python-names.js';
import {
  TOP_LEVEL_MODULE,
  type AwsSchemaTable,
  type CallableEntry,
  type EnumEntry,
  type FunctionEntry,
  type ModuleEntry,
  type ResourceEntry,
} from './types.js';

/** Modules that hold no resources, functions or types (configuration variables, type namespaces). */
const SKIPPED_MODULES = new Set(['config', 'types']);

class DeclarationReader {
  private readonly cache = new Map<string, ts.SourceFile | undefined>();

  constructor(private readonly root: string) {}

  /** Parses `<root>/<path>.d.ts` (or `<path>/index.d.ts`); undefined when missing. */
  file(path: string): ts.SourceFile | undefined {
    const candidates = [`${path}.d.ts`, join(path, 'index.d.ts')];
    for (const candidate of candidates) {
      const full = join(this.root, candidate);
      if (this.cache.has(full)) return this.cache.get(full);
      let text: string;
      try {
        text = readFileSync(full, 'utf8');
      } catch {
        continue;
      }
      const source = ts.createSourceFile(full, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
      this.cache.set(full, source);
      return source;
    }
    return undefined;
  }

  /** Package-relative path of a module specifier used inside `from` (a file in the package). */
  resolve(from: ts.SourceFile, specifier: string): string {
    const relativeDir = dirname(from.fileName.slice(this.root.length + 1));
    return join(relativeDir, specifier);
  }
}

function deprecationOf(node: ts.Node): string | undefined {
  for (const tag of ts.getJSDocTags(node)) {
    if (tag.tagName.text !== 'deprecated') continue;
    const text = ts.getTextOfJSDocComment(tag.comment)?.replace(/\s+/g, ' ').trim();
    return text || 'deprecated';
  }
  return undefined;
}

function isExported(node: ts.Node): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword);
}

function propertyName(name: ts.PropertyName): string | undefined {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name)) return name.text;
  return undefined;
}

function sortedRecord<T>(entries: Iterable<[string, T]>): Record<string, T> {
  return Object.fromEntries([...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The enum an argument's type refers to (`pulumi.Input<string | enums.lambda.Runtime>` -> `lambda_.Runtime`). */
function enumReference(type: ts.TypeNode | undefined): string | undefined {
  if (!type) return undefined;
  let found: string | undefined;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isTypeReferenceNode(node)) {
      const name = node.typeName.getText();
      const match = /^enums\.(?:([A-Za-z0-9]+)\.)?([A-Za-z0-9]+)$/.exec(name);
      if (match?.[2]) {
        found = `${match[1] ? pythonModuleName(match[1]) : TOP_LEVEL_MODULE}.${match[2]}`;
        return;
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(type);
  return found;
}

interface Members {
  args: string[];
  deprecatedArgs: Map<string, string>;
  enumArgs: Map<string, string>;
}

function interfaceMembers(declaration: ts.InterfaceDeclaration | undefined): Members {
  const members: Members = { args: [], deprecatedArgs: new Map(), enumArgs: new Map() };
  if (!declaration) return members;
  for (const member of declaration.members) {
    if (!ts.isPropertySignature(member)) continue;
    const name = propertyName(member.name);
    if (name === undefined) continue;
    const python = pythonName(name);
    members.args.push(python);
    const deprecated = deprecationOf(member);
    if (deprecated) members.deprecatedArgs.set(python, deprecated);
    const enumName = enumReference(member.type);
    if (enumName) members.enumArgs.set(python, enumName);
  }
  members.args.sort();
  return members;
}

function callableEntry(members: Members, deprecated: string | undefined): CallableEntry<string> {
  const entry: CallableEntry<string> = { args: members.args.join(' ') };
  if (members.deprecatedArgs.size) entry.deprecatedArgs = sortedRecord(members.deprecatedArgs);
  if (deprecated) entry.deprecated = deprecated;
  return entry;
}

function findInterface(source: ts.SourceFile, name: string): ts.InterfaceDeclaration | undefined {
  return source.statements.find((statement): statement is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(statement) && statement.name.text === name);
}

function typeReferenceName(type: ts.TypeNode | undefined): string | undefined {
  return type && ts.isTypeReferenceNode(type) ? type.typeName.getText() : undefined;
}

const RESOURCE_BASES = new Set(['pulumi.CustomResource', 'pulumi.ProviderResource']);
const INVOKE_OPTIONS = /^pulumi\.Invoke(Output)?Options$/;

/** A generated resource class: extends a Pulumi resource base, constructor `(name, args, opts)`. */
function resourceEntry(source: ts.SourceFile, declaration: ts.ClassDeclaration): ResourceEntry<string> | undefined {
  const base = declaration.heritageClauses
    ?.find((clause) => clause.token === ts.SyntaxKind.ExtendsKeyword)
    ?.types[0]?.expression.getText();
  if (!base || !RESOURCE_BASES.has(base)) return undefined;
  const constructor = declaration.members.find(ts.isConstructorDeclaration);
  const argsType = typeReferenceName(constructor?.parameters[1]?.type);
  const members = interfaceMembers(argsType ? findInterface(source, argsType) : undefined);
  const entry: ResourceEntry<string> = callableEntry(members, deprecationOf(declaration));
  if (members.enumArgs.size) entry.enumArgs = sortedRecord(members.enumArgs);
  return entry;
}

/** A generated provider function: `(args?, opts?: pulumi.InvokeOptions)`. */
function functionEntry(source: ts.SourceFile, declaration: ts.FunctionDeclaration): FunctionEntry<string> | undefined {
  const optsType = typeReferenceName(declaration.parameters[declaration.parameters.length - 1]?.type);
  if (!optsType || !INVOKE_OPTIONS.test(optsType)) return undefined;
  const argsType = declaration.parameters.length > 1 ? typeReferenceName(declaration.parameters[0]?.type) : undefined;
  return callableEntry(interfaceMembers(argsType ? findInterface(source, argsType) : undefined), deprecationOf(declaration));
}

function enumEntry(declaration: ts.VariableDeclaration): EnumEntry | undefined {
  if (!declaration.type || !ts.isTypeLiteralNode(declaration.type)) return undefined;
  const values = new Set<string>();
  const current = new Set<string>();
  const deprecatedValues = new Map<string, string>();
  for (const member of declaration.type.members) {
    if (!ts.isPropertySignature(member) || !member.type || !ts.isLiteralTypeNode(member.type)) continue;
    const literal = member.type.literal;
    const value = ts.isStringLiteral(literal) || ts.isNumericLiteral(literal) ? literal.text : undefined;
    if (value === undefined) continue;
    values.add(value);
    const deprecated = deprecationOf(member);
    if (deprecated) deprecatedValues.set(value, deprecated);
    else current.add(value);
  }
  if (!values.size) return undefined;
  // Deprecation is per member: a misspelt member name can be deprecated in favour of another
  // member with the same value (`M5ad_XLarge`). Only a value no current member has is deprecated.
  for (const value of current) deprecatedValues.delete(value);
  const entry: EnumEntry = { values: [...values].sort() };
  if (deprecatedValues.size) entry.deprecatedValues = sortedRecord(deprecatedValues);
  return entry;
}

interface Collected {
  resources: Map<string, ResourceEntry<string>>;
  /** TypeScript function name -> entry (the `Output` forms are merged afterwards). */
  functions: Map<string, FunctionEntry<string>>;
  enums: Map<string, EnumEntry>;
}

function emptyCollected(): Collected {
  return { resources: new Map(), functions: new Map(), enums: new Map() };
}

/** Adds the declaration `name` of `source` (a resource class, function or enum) when it is one. */
function collectDeclaration(source: ts.SourceFile, name: string, into: Collected): void {
  for (const statement of source.statements) {
    if (ts.isClassDeclaration(statement) && statement.name?.text === name) {
      const entry = resourceEntry(source, statement);
      if (entry) into.resources.set(name, entry);
      return;
    }
    if (ts.isFunctionDeclaration(statement) && statement.name?.text === name) {
      const entry = functionEntry(source, statement);
      if (entry) into.functions.set(name, entry);
      return;
    }
  }
}

/** Everything a file exports itself (for `export * from "./provider"` and enum files). */
function collectFile(source: ts.SourceFile, into: Collected, enumsOnly: boolean): void {
  for (const statement of source.statements) {
    if (!isExported(statement)) continue;
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        if (!ts.isIdentifier(declaration.name)) continue;
        const entry = enumEntry(declaration);
        if (entry) into.enums.set(declaration.name.text, entry);
      }
      continue;
    }
    if (enumsOnly) continue;
    if (ts.isClassDeclaration(statement) && statement.name) {
      const entry = resourceEntry(source, statement);
      if (entry) into.resources.set(statement.name.text, entry);
    } else if (ts.isFunctionDeclaration(statement) && statement.name) {
      const entry = functionEntry(source, statement);
      if (entry) into.functions.set(statement.name.text, entry);
    }
  }
}

/** `typeof import("./vpc").Vpc` -> ["./vpc", "Vpc"]. */
function typeofImport(type: ts.TypeNode | undefined): [string, string] | undefined {
  if (!type || !ts.isImportTypeNode(type) || !type.isTypeOf || !type.qualifier) return undefined;
  const argument = type.argument;
  if (!ts.isLiteralTypeNode(argument) || !ts.isStringLiteral(argument.literal)) return undefined;
  return [argument.literal.text, type.qualifier.getText()];
}

/** Walks a module's index.d.ts: lazy re-exports, `export *` of enum and generated files. */
function collectModule(reader: DeclarationReader, modulePath: string): Collected {
  const collected = emptyCollected();
  const index = reader.file(modulePath);
  if (!index) return collected;
  for (const statement of index.statements) {
    if (ts.isVariableStatement(statement) && isExported(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        const target = typeofImport(declaration.type);
        if (!target || !ts.isIdentifier(declaration.name)) continue;
        const file = reader.file(reader.resolve(index, target[0]));
        if (file) collectDeclaration(file, target[1], collected);
      }
    } else if (ts.isExportDeclaration(statement) && !statement.exportClause && statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)) {
      const specifier = statement.moduleSpecifier.text;
      const file = reader.file(reader.resolve(index, specifier));
      // Enum files are read for enums only; other `export *` files (the Provider, hand-written
      // helpers and mixins) contribute only what looks generated (see resourceEntry/functionEntry).
      if (file) collectFile(file, collected, specifier.includes('types/enums'));
    }
  }
  return collected;
}

/** Python function entries: `getAmi` + `getAmiOutput` -> `get_ami` (with its `_output` form). */
function pythonFunctions(functions: Map<string, FunctionEntry<string>>): Map<string, FunctionEntry<string>> {
  const result = new Map<string, FunctionEntry<string>>();
  for (const [name, entry] of functions) {
    if (name.endsWith('Output') && functions.has(name.slice(0, -'Output'.length))) continue;
    const python: FunctionEntry<string> = { ...entry };
    if (!functions.has(`${name}Output`)) python.output = false;
    result.set(pythonName(name), python);
  }
  return result;
}

/** Input types of one namespace of types/input.d.ts (or its top level). */
function inputTypes(statements: readonly ts.Statement[]): Map<string, CallableEntry<string>> {
  const interfaces = new Map<string, ts.InterfaceDeclaration>();
  for (const statement of statements) {
    if (ts.isInterfaceDeclaration(statement)) interfaces.set(statement.name.text, statement);
  }
  const result = new Map<string, CallableEntry<string>>();
  for (const [name, declaration] of interfaces) {
    // Function inputs come twice (`GetAmiFilter` and its Input-wrapped `GetAmiFilterArgs`);
    // the Python SDK has one class for both, `GetAmiFilterArgs`.
    if (name.endsWith('Args') && interfaces.has(name.slice(0, -'Args'.length))) continue;
    result.set(pythonInputTypeName(name), callableEntry(interfaceMembers(declaration), deprecationOf(declaration)));
  }
  return result;
}

function inputTypesByModule(reader: DeclarationReader): Map<string, Map<string, CallableEntry<string>>> {
  const byModule = new Map<string, Map<string, CallableEntry<string>>>();
  const source = reader.file('types/input');
  if (!source) return byModule;
  byModule.set(TOP_LEVEL_MODULE, inputTypes(source.statements));
  for (const statement of source.statements) {
    if (ts.isModuleDeclaration(statement) && statement.body && ts.isModuleBlock(statement.body) && ts.isIdentifier(statement.name)) {
      byModule.set(pythonModuleName(statement.name.text), inputTypes(statement.body.statements));
    }
  }
  return byModule;
}

/** Module names the package's index.d.ts exports (`import * as ec2 from "./ec2"`). */
function moduleNames(index: ts.SourceFile): string[] {
  const names: string[] = [];
  for (const statement of index.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const bindings = statement.importClause?.namedBindings;
    if (!bindings || !ts.isNamespaceImport(bindings)) continue;
    const name = bindings.name.text;
    if (statement.moduleSpecifier.text === `./${name}` && !SKIPPED_MODULES.has(name)) names.push(name);
  }
  return names.sort();
}

function moduleEntry(collected: Collected, types: Map<string, CallableEntry<string>> | undefined): ModuleEntry {
  return {
    resources: sortedRecord(collected.resources),
    functions: sortedRecord(pythonFunctions(collected.functions)),
    types: sortedRecord(types ?? new Map()),
    enums: sortedRecord(collected.enums),
  };
}

export interface ExtractOptions {
  /** Directory of the installed package (node_modules/@pulumi/aws or an npm alias of it). */
  packageDir: string;
  /** Path of the generator, for the table's comment. */
  generator: string;
  /** Hash of the generator's sources (see sources.ts `generatorHash`). */
  generatorHash: string;
}

export function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

/** The hash recorded as `contentHash`: over the modules exactly as parsed back from the file. */
export function contentHash(modules: AwsSchemaTable['modules']): string {
  return shortHash(JSON.stringify(modules));
}

export function extractAwsSchema(options: ExtractOptions): AwsSchemaTable {
  const manifest = JSON.parse(readFileSync(join(options.packageDir, 'package.json'), 'utf8')) as { name: string; version: string };
  const reader = new DeclarationReader(options.packageDir);
  const index = reader.file('index');
  if (!index) throw new Error(`${options.packageDir}: no index.d.ts; is @pulumi/aws installed?`);
  const types = inputTypesByModule(reader);
  const modules: [string, ModuleEntry][] = [[TOP_LEVEL_MODULE, moduleEntry(collectModule(reader, 'index'), types.get(TOP_LEVEL_MODULE))]];
  for (const name of moduleNames(index)) {
    const python = pythonModuleName(name);
    modules.push([python, moduleEntry(collectModule(reader, name), types.get(python))]);
  }
  const sorted = sortedRecord(modules);
  return {
    $comment: `Generated by \`npm run gen:aws-schema\` (${options.generator}) from the TypeScript declarations of ${manifest.name} ${manifest.version}. Do not edit by hand. Names are the Python SDK's.`,
    package: manifest.name,
    version: manifest.version,
    generatorHash: options.generatorHash,
    contentHash: contentHash(sorted),
    modules: sorted,
  };
}

/**
 * The table as written to disk: stable key order, one entry (resource, function, type, enum)
 * per line, so a regeneration shows up in review as a readable line diff.
 */
export function serializeAwsSchema(table: AwsSchemaTable): string {
  const lines = ['{'];
  lines.push(`"$comment":${JSON.stringify(table.$comment)},`);
  lines.push(`"package":${JSON.stringify(table.package)},`);
  lines.push(`"version":${JSON.stringify(table.version)},`);
  lines.push(`"generatorHash":${JSON.stringify(table.generatorHash)},`);
  lines.push(`"contentHash":${JSON.stringify(table.contentHash)},`);
  lines.push('"modules":{');
  const modules = Object.entries(table.modules);
  modules.forEach(([name, module], moduleIndex) => {
    lines.push(`${JSON.stringify(name)}:{`);
    const groups = Object.entries(module) as [string, Record<string, unknown>][];
    groups.forEach(([group, entries], groupIndex) => {
      const items = Object.entries(entries);
      if (!items.length) {
        lines.push(`${JSON.stringify(group)}:{}${groupIndex < groups.length - 1 ? ',' : ''}`);
        return;
      }
      lines.push(`${JSON.stringify(group)}:{`);
      items.forEach(([key, value], index) => lines.push(`${JSON.stringify(key)}:${JSON.stringify(value)}${index < items.length - 1 ? ',' : ''}`));
      lines.push(`}${groupIndex < groups.length - 1 ? ',' : ''}`);
    });
    lines.push(`}${moduleIndex < modules.length - 1 ? ',' : ''}`);
  });
  lines.push('}', '}');
  return `${lines.join('\n')}\n`;
}
