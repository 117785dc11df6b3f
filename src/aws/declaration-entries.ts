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
import { pythonName } from './python-names.js';
import { argType, enumReference } from './declaration-types.js';
import { argToken, functionOwner, type ArgSpec } from './type-codes.js';
import { defaultFunctionToken, defaultResourceToken, type CallableEntry, type EnumEntry, type FunctionEntry, type ResourceEntry } from './types.js';

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

interface Members {
  args: string[];
  /** Argument tokens (`vpc_id!`, `tags:{s`), in the order of `args`. */
  tokens: string[];
  deprecatedArgs: Map<string, string>;
  enumArgs: Map<string, string>;
}

export function interfaceMembers(declaration: ts.InterfaceDeclaration | undefined, module: string, owner: string): Members {
  const members: Members = { args: [], tokens: [], deprecatedArgs: new Map(), enumArgs: new Map() };
  if (!declaration) return members;
  const specs: ArgSpec[] = [];
  for (const member of declaration.members) {
    if (!ts.isPropertySignature(member)) continue;
    const name = propertyName(member.name);
    if (name === undefined) continue;
    const python = pythonName(name);
    const type = argType(member.type, module);
    specs.push({ name: python, required: !member.questionToken, type });
    const deprecated = deprecationOf(member);
    if (deprecated) members.deprecatedArgs.set(python, deprecated);
    const enumName = enumReference(type);
    if (enumName) members.enumArgs.set(python, enumName);
  }
  specs.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  members.args = specs.map((spec) => spec.name);
  members.tokens = specs.map((spec) => argToken(spec, module, owner));
  return members;
}

/** Python names of the fields of an interface (a function's `GetAmiResult`). */
export function fieldNames(declaration: ts.InterfaceDeclaration | undefined): string[] {
  if (!declaration) return [];
  const names: string[] = [];
  for (const member of declaration.members) {
    const name = ts.isPropertySignature(member) ? propertyName(member.name) : undefined;
    if (name !== undefined) names.push(pythonName(name));
  }
  return names;
}

/** Python names of a resource class's outputs: `readonly x: pulumi.Output<T>` instance members. */
function outputNames(declaration: ts.ClassDeclaration): string[] {
  const names: string[] = [];
  for (const member of declaration.members) {
    if (!ts.isPropertyDeclaration(member) || !member.type || !ts.isTypeReferenceNode(member.type)) continue;
    const modifiers = ts.getModifiers(member) ?? [];
    if (modifiers.some((modifier) => modifier.kind === ts.SyntaxKind.StaticKeyword)) continue;
    if (!modifiers.some((modifier) => modifier.kind === ts.SyntaxKind.ReadonlyKeyword)) continue;
    if (member.type.typeName.getText() !== 'pulumi.Output') continue;
    const name = propertyName(member.name);
    if (name !== undefined) names.push(pythonName(name));
  }
  return names;
}

/**
 * Outputs (or a function's result fields) as stored: only the difference from the arguments,
 * since most arguments are also outputs. `out`: outputs that are not arguments; `inOnly`:
 * arguments that are not outputs.
 */
function outputDifference(args: readonly string[], outputs: readonly string[]): { out?: string; inOnly?: string } {
  const argSet = new Set(args);
  const outSet = new Set(outputs);
  const out = [...outSet].filter((name) => !argSet.has(name)).sort();
  const inOnly = args.filter((name) => !outSet.has(name));
  return { ...(out.length ? { out: out.join(' ') } : {}), ...(inOnly.length ? { inOnly: inOnly.join(' ') } : {}) };
}

export function callableEntry(members: Members, deprecated: string | undefined): CallableEntry<string> {
  const entry: CallableEntry<string> = { args: members.tokens.join(' ') };
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

/** The Pulumi type token a generated class registers with (`static __pulumiType = 'aws:ec2/vpc:Vpc'` in its .js). */
function pulumiTypeOf(source: ts.SourceFile, className: string): string | undefined {
  let text: string;
  try {
    text = readFileSync(source.fileName.replace(/\.d\.ts$/, '.js'), 'utf8');
  } catch {
    return undefined;
  }
  const match = new RegExp(`${className}\\.__pulumiType = ['"]([^'"]+)['"]|static __pulumiType = ['"]([^'"]+)['"]`).exec(text);
  const token = match?.[1] ?? match?.[2];
  // The provider registers as the package name; Pulumi's token for it is `pulumi:providers:<name>`.
  return token && !token.includes(':') ? `pulumi:providers:${token}` : token;
}

/** The token of a provider function (`pulumi.runtime.invoke("aws:ec2/getAmi:getAmi", ...)` in its .js). */
function invokeTokenOf(source: ts.SourceFile): string | undefined {
  try {
    return /runtime\.invoke(?:Output)?\(\s*["']([^"']+)["']/.exec(readFileSync(source.fileName.replace(/\.d\.ts$/, '.js'), 'utf8'))?.[1];
  } catch {
    return undefined;
  }
}

/** A generated resource class: extends a Pulumi resource base, constructor `(name, args, opts)`. */
export function resourceEntry(source: ts.SourceFile, declaration: ts.ClassDeclaration, module: string): ResourceEntry<string> | undefined {
  const base = declaration.heritageClauses
    ?.find((clause) => clause.token === ts.SyntaxKind.ExtendsKeyword)
    ?.types[0]?.expression.getText();
  if (!base || !RESOURCE_BASES.has(base)) return undefined;
  const constructor = declaration.members.find(ts.isConstructorDeclaration);
  const argsType = typeReferenceName(constructor?.parameters[1]?.type);
  const members = interfaceMembers(argsType ? findInterface(source, argsType) : undefined, module, declaration.name?.text ?? '');
  const entry: ResourceEntry<string> = callableEntry(members, deprecationOf(declaration));
  if (members.enumArgs.size) entry.enumArgs = sortedRecord(members.enumArgs);
  Object.assign(entry, outputDifference(members.args, outputNames(declaration)));
  const name = declaration.name?.text ?? '';
  const token = pulumiTypeOf(source, name);
  if (token && token !== defaultResourceToken(module, name)) entry.token = token;
  return entry;
}

/** A generated provider function: `(args?, opts?: pulumi.InvokeOptions)`. */
export function functionEntry(source: ts.SourceFile, declaration: ts.FunctionDeclaration, module: string): FunctionEntry<string> | undefined {
  const optsType = typeReferenceName(declaration.parameters[declaration.parameters.length - 1]?.type);
  if (!optsType || !INVOKE_OPTIONS.test(optsType)) return undefined;
  const argsType = declaration.parameters.length > 1 ? typeReferenceName(declaration.parameters[0]?.type) : undefined;
  const members = interfaceMembers(argsType ? findInterface(source, argsType) : undefined, module, functionOwner(pythonName(declaration.name?.text ?? '')));
  const entry: FunctionEntry<string> = callableEntry(members, deprecationOf(declaration));
  const returned = declaration.type && ts.isTypeReferenceNode(declaration.type) ? typeReferenceName(declaration.type.typeArguments?.[0]) : undefined;
  if (returned) Object.assign(entry, outputDifference(members.args, fieldNames(findInterface(source, returned))));
  const name = declaration.name?.text ?? '';
  const token = invokeTokenOf(source);
  if (token && token !== defaultFunctionToken(module, pythonName(name.replace(/Output$/, '')))) entry.token = token;
  return entry;
}

export function enumEntry(declaration: ts.VariableDeclaration): EnumEntry | undefined {
  if (!declaration.type || !ts.isTypeLiteralNode(declaration.type)) return undefined;
  const members = new Map<string, string>();
  const current = new Set<string>();
  const deprecatedValues = new Map<string, string>();
  for (const member of declaration.type.members) {
    if (!ts.isPropertySignature(member) || !member.type || !ts.isLiteralTypeNode(member.type)) continue;
    const literal = member.type.literal;
    const value = ts.isStringLiteral(literal) || ts.isNumericLiteral(literal) ? literal.text : undefined;
    const name = propertyName(member.name);
    if (value === undefined || name === undefined) continue;
    members.set(name, value);
    const deprecated = deprecationOf(member);
    if (deprecated) deprecatedValues.set(value, deprecated);
    else current.add(value);
  }
  if (!members.size) return undefined;
  // Deprecation is per member: a misspelt member name can be deprecated in favour of another
  // member with the same value (`M5ad_XLarge`). Only a value no current member has is deprecated.
  for (const value of current) deprecatedValues.delete(value);
  const entry: EnumEntry = { members: sortedRecord(members) };
  if (deprecatedValues.size) entry.deprecatedValues = sortedRecord(deprecatedValues);
  return entry;
}
