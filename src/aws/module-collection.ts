/**
 * The module collection behind extract.ts: walks the package's index.d.ts and each module's
 * index.d.ts (lazy re-exports, `export *` of enum and hand-written files), collects the
 * resources, functions and enums they export, reads the input types of types/input.d.ts per
 * module namespace, and assembles one `ModuleEntry` per module in Python names. The entry of
 * a single declaration comes from declaration-entries.ts.
 */
import ts from 'typescript';
import {
  callableEntry,
  deprecationOf,
  enumEntry,
  functionEntry,
  interfaceMembers,
  isExported,
  resourceEntry,
  sortedRecord,
  type DeclarationReader,
} from './declaration-entries.js';
import { pythonInputTypeName, pythonModuleName, pythonName } from './python-names.js';
import {
  TOP_LEVEL_MODULE,
  type CallableEntry,
  type EnumEntry,
  type FunctionEntry,
  type ModuleEntry,
  type ResourceEntry,
} from './types.js';

/** Modules that hold no resources, functions or types (configuration variables, type namespaces). */
const SKIPPED_MODULES = new Set(['config', 'types']);

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
function collectDeclaration(source: ts.SourceFile, name: string, into: Collected, module: string): void {
  for (const statement of source.statements) {
    if (ts.isClassDeclaration(statement) && statement.name?.text === name) {
      const entry = resourceEntry(source, statement, module);
      if (entry) into.resources.set(name, entry);
      return;
    }
    if (ts.isFunctionDeclaration(statement) && statement.name?.text === name) {
      const entry = functionEntry(source, statement, module);
      if (entry) into.functions.set(name, entry);
      return;
    }
  }
}

/** Everything a file exports itself (for `export * from "./provider"` and enum files). */
function collectFile(source: ts.SourceFile, into: Collected, enumsOnly: boolean, module: string): void {
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
      const entry = resourceEntry(source, statement, module);
      if (entry) into.resources.set(statement.name.text, entry);
    } else if (ts.isFunctionDeclaration(statement) && statement.name) {
      const entry = functionEntry(source, statement, module);
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
export function collectModule(reader: DeclarationReader, modulePath: string): Collected {
  const collected = emptyCollected();
  const module = modulePath === 'index' ? TOP_LEVEL_MODULE : pythonModuleName(modulePath);
  const index = reader.file(modulePath);
  if (!index) return collected;
  for (const statement of index.statements) {
    if (ts.isVariableStatement(statement) && isExported(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        const target = typeofImport(declaration.type);
        if (!target || !ts.isIdentifier(declaration.name)) continue;
        const file = reader.file(reader.resolve(index, target[0]));
        if (file) collectDeclaration(file, target[1], collected, module);
      }
    } else if (ts.isExportDeclaration(statement) && !statement.exportClause && statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)) {
      const specifier = statement.moduleSpecifier.text;
      const file = reader.file(reader.resolve(index, specifier));
      // Enum files are read for enums only; other `export *` files (the Provider, hand-written
      // helpers and mixins) contribute only what looks generated (see resourceEntry/functionEntry).
      if (file) collectFile(file, collected, specifier.includes('types/enums'), module);
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
function inputTypes(statements: readonly ts.Statement[], module: string): Map<string, CallableEntry<string>> {
  const interfaces = new Map<string, ts.InterfaceDeclaration>();
  for (const statement of statements) {
    if (ts.isInterfaceDeclaration(statement)) interfaces.set(statement.name.text, statement);
  }
  const result = new Map<string, CallableEntry<string>>();
  for (const [name, declaration] of interfaces) {
    // Function inputs come twice (`GetAmiFilter` and its Input-wrapped `GetAmiFilterArgs`);
    // the Python SDK has one class for both, `GetAmiFilterArgs`.
    if (name.endsWith('Args') && interfaces.has(name.slice(0, -'Args'.length))) continue;
    result.set(pythonInputTypeName(name), callableEntry(interfaceMembers(declaration, module, name), deprecationOf(declaration)));
  }
  return result;
}

export function inputTypesByModule(reader: DeclarationReader): Map<string, Map<string, CallableEntry<string>>> {
  const byModule = new Map<string, Map<string, CallableEntry<string>>>();
  const source = reader.file('types/input');
  if (!source) return byModule;
  byModule.set(TOP_LEVEL_MODULE, inputTypes(source.statements, TOP_LEVEL_MODULE));
  for (const statement of source.statements) {
    if (ts.isModuleDeclaration(statement) && statement.body && ts.isModuleBlock(statement.body) && ts.isIdentifier(statement.name)) {
      byModule.set(pythonModuleName(statement.name.text), inputTypes(statement.body.statements, pythonModuleName(statement.name.text)));
    }
  }
  return byModule;
}

/** Module names the package's index.d.ts exports (`import * as ec2 from "./ec2"`). */
export function moduleNames(index: ts.SourceFile): string[] {
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

export function moduleEntry(collected: Collected, types: Map<string, CallableEntry<string>> | undefined): ModuleEntry {
  return {
    resources: sortedRecord(collected.resources),
    functions: sortedRecord(pythonFunctions(collected.functions)),
    types: sortedRecord(types ?? new Map()),
    enums: sortedRecord(collected.enums),
  };
}
