/**
 * The declaration reading behind extract.ts: parsing the package's .d.ts files (`DeclarationReader`),
 * the small syntax helpers over ts.Node (JSDoc `@deprecated`, `export` modifiers, interface
 * members, enum references) and the table entry of one declaration: a resource class, a
 * function, an enum or an Args interface. Kept apart from module-collection.ts, which decides
 * which declarations each module holds.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import ts from 'typescript';
import { pythonModuleName, pythonName } from './python-names.js';
import { TOP_LEVEL_MODULE, type CallableEntry, type EnumEntry, type FunctionEntry, type ResourceEntry } from './types.js';

export class DeclarationReader {
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

export function deprecationOf(node: ts.Node): string | undefined {
  for (const tag of ts.getJSDocTags(node)) {
    if (tag.tagName.text !== 'deprecated') continue;
    const text = ts.getTextOfJSDocComment(tag.comment)?.replace(/\s+/g, ' ').trim();
    return text || 'deprecated';
  }
  return undefined;
}

export function isExported(node: ts.Node): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword);
}

function propertyName(name: ts.PropertyName): string | undefined {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name)) return name.text;
  return undefined;
}

export function sortedRecord<T>(entries: Iterable<[string, T]>): Record<string, T> {
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

export function interfaceMembers(declaration: ts.InterfaceDeclaration | undefined): Members {
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

export function callableEntry(members: Members, deprecated: string | undefined): CallableEntry<string> {
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
export function resourceEntry(source: ts.SourceFile, declaration: ts.ClassDeclaration): ResourceEntry<string> | undefined {
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
export function functionEntry(source: ts.SourceFile, declaration: ts.FunctionDeclaration): FunctionEntry<string> | undefined {
  const optsType = typeReferenceName(declaration.parameters[declaration.parameters.length - 1]?.type);
  if (!optsType || !INVOKE_OPTIONS.test(optsType)) return undefined;
  const argsType = declaration.parameters.length > 1 ? typeReferenceName(declaration.parameters[0]?.type) : undefined;
  return callableEntry(interfaceMembers(argsType ? findInterface(source, argsType) : undefined), deprecationOf(declaration));
}

export function enumEntry(declaration: ts.VariableDeclaration): EnumEntry | undefined {
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
