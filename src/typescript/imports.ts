/**
 * Import bindings of a TypeScript module: which local names come from which modules, in every
 * form Pulumi programs and their tests use:
 *
 *   import * as aws from "@pulumi/aws";          aws     -> @pulumi/aws (the module)
 *   import { ec2, s3 as storage } from "...";     ec2     -> @pulumi/aws . ec2, storage -> . s3
 *   import pulumi from "@pulumi/pulumi";          pulumi  -> @pulumi/pulumi (default import)
 *   import aws = require("@pulumi/aws");          aws     -> @pulumi/aws
 *   const aws = require("@pulumi/aws");           aws     -> @pulumi/aws; `const { ec2 } = require(...)` and
 *                                                            `require(...).ec2` bind members
 *   const { TapStack } = await import("../lib/tap-stack");
 *
 * and the module member an expression such as `aws.ec2.Vpc` or `ec2.Vpc` refers to through them.
 * Imports anywhere in the file count (tests import inside functions); shadowing is not tracked.
 */
import type { SyntaxNode } from '../syntax/flat-tree.js';
import { copyOf } from '../syntax/string-copies.js';
import { descendantsOfType } from '../syntax/walk.js';

export interface TypeScriptImportBinding {
  /** The local name the binding introduces. */
  local: string;
  /** The module specifier as written (`@pulumi/aws`, `../lib/tap-stack`, `child_process`). */
  module: string;
  /**
   * The member of the module the name stands for: [] for the module itself (namespace imports,
   * `require`, and default imports, since Pulumi's packages are CommonJS modules whose default
   * import is the whole module), ['ec2'] for `import { ec2 }`.
   */
  member: string[];
  kind: 'namespace' | 'default' | 'named';
  form: 'import' | 'import-require' | 'require' | 'dynamic-import';
  /** `import type { X }` or `import { type X }`: a type, nothing at run time. */
  typeOnly: boolean;
  /** The identifier that introduces the local name. */
  node: SyntaxNode;
}

/** Local name -> the module and member it is bound to (strings copied: tables outlive the text). */
export type TypeScriptImportTable = ReadonlyMap<string, { module: string; member: readonly string[] }>;

/** The module member an expression refers to. */
export interface ModuleMember {
  module: string;
  member: string[];
}

export function typeScriptImportBindings(root: SyntaxNode): TypeScriptImportBinding[] {
  const bindings: TypeScriptImportBinding[] = [];
  for (const statement of descendantsOfType(root, 'import_statement')) for (const binding of importStatementBindings(statement)) bindings.push(binding);
  for (const declarator of descendantsOfType(root, 'variable_declarator')) for (const binding of requireBindings(declarator)) bindings.push(binding);
  return bindings.sort((a, b) => a.node.startIndex - b.node.startIndex);
}

export function typeScriptImportTable(root: SyntaxNode): TypeScriptImportTable {
  const table = new Map<string, { module: string; member: readonly string[] }>();
  for (const binding of typeScriptImportBindings(root)) {
    table.set(copyOf(binding.local), { module: copyOf(binding.module), member: binding.member.map(copyOf) });
  }
  return table;
}

/**
 * The module member an identifier or member-access chain refers to through the imports:
 * with `import * as aws from "@pulumi/aws"`, `aws.ec2.Vpc` is `@pulumi/aws` member
 * ec2.Vpc; with `import { ec2 } from "@pulumi/aws"`, so is `ec2.Vpc`. Undefined for names
 * no import binds and for anything but identifiers and `a.b.c` chains.
 */
export function importedMember(node: SyntaxNode, imports: TypeScriptImportTable): ModuleMember | undefined {
  const path: string[] = [];
  let current: SyntaxNode | null = node;
  while (current?.type === 'member_expression' || current?.type === 'parenthesized_expression' || current?.type === 'non_null_expression') {
    if (current.type === 'member_expression') {
      const property = current.childForFieldName('property');
      if (!property || property.type !== 'property_identifier') return undefined;
      path.push(property.text);
      current = current.childForFieldName('object');
    } else {
      current = current.namedChildren[0] ?? null;
    }
  }
  if (current?.type !== 'identifier') return undefined;
  const bound = imports.get(current.text);
  if (!bound) return undefined;
  return { module: bound.module, member: [...bound.member, ...path.reverse()] };
}

function isTypeKeyword(node: SyntaxNode): boolean {
  return !node.isNamed && node.type === 'type';
}

function stringValue(node: SyntaxNode | null | undefined): string | undefined {
  if (!node || node.type !== 'string') return undefined;
  return node.text.slice(1, -1);
}

function importStatementBindings(statement: SyntaxNode): TypeScriptImportBinding[] {
  const found: TypeScriptImportBinding[] = [];
  const statementTypeOnly = statement.children.some(isTypeKeyword);
  const requireClause = statement.namedChildren.find((child) => child.type === 'import_require_clause');
  if (requireClause) {
    const name = requireClause.namedChildren.find((child) => child.type === 'identifier');
    const module = stringValue(requireClause.childForFieldName('source'));
    if (name && module !== undefined) found.push({ local: name.text, module, member: [], kind: 'namespace', form: 'import-require', typeOnly: statementTypeOnly, node: name });
    return found;
  }
  const module = stringValue(statement.childForFieldName('source'));
  const clause = statement.namedChildren.find((child) => child.type === 'import_clause');
  if (module === undefined || !clause) return found;
  for (const part of clause.namedChildren) {
    if (part.type === 'identifier') {
      found.push({ local: part.text, module, member: [], kind: 'default', form: 'import', typeOnly: statementTypeOnly, node: part });
    } else if (part.type === 'namespace_import') {
      const name = part.namedChildren.find((child) => child.type === 'identifier');
      if (name) found.push({ local: name.text, module, member: [], kind: 'namespace', form: 'import', typeOnly: statementTypeOnly, node: name });
    } else if (part.type === 'named_imports') {
      for (const specifier of part.namedChildren) {
        if (specifier.type !== 'import_specifier') continue;
        const name = specifier.childForFieldName('name');
        const local = specifier.childForFieldName('alias') ?? name;
        const imported = name?.type === 'string' ? stringValue(name) : name?.text;
        if (!local || local.type !== 'identifier' || imported === undefined) continue;
        const typeOnly = statementTypeOnly || specifier.children.some(isTypeKeyword);
        found.push({ local: local.text, module, member: imported === 'default' ? [] : [imported], kind: imported === 'default' ? 'default' : 'named', form: 'import', typeOnly, node: local });
      }
    }
  }
  return found;
}

/** `require("m")`, `require("m").a.b`, `await import("m")` (and `(await import("m")).a`): the module and member path, else undefined. */
function requiredMember(value: SyntaxNode | null): { module: string; member: string[]; form: 'require' | 'dynamic-import' } | undefined {
  const path: string[] = [];
  let current = value;
  let awaited = false;
  for (;;) {
    if (current?.type === 'member_expression') {
      const property = current.childForFieldName('property');
      if (property?.type !== 'property_identifier') return undefined;
      path.push(property.text);
      current = current.childForFieldName('object');
    } else if (current?.type === 'parenthesized_expression' || current?.type === 'await_expression') {
      awaited ||= current.type === 'await_expression';
      current = current.namedChildren[0] ?? null;
    } else {
      break;
    }
  }
  if (current?.type !== 'call_expression') return undefined;
  const callee = current.childForFieldName('function');
  const form = callee?.type === 'import' ? 'dynamic-import' : callee?.type === 'identifier' && callee.text === 'require' ? 'require' : undefined;
  const args = current.childForFieldName('arguments')?.namedChildren ?? [];
  const module = args.length === 1 ? stringValue(args[0]) : undefined;
  if (!form || module === undefined) return undefined;
  // `import("m")` without `await` is a promise, not the module.
  if (form === 'dynamic-import' && !awaited) return undefined;
  return { module, member: path.reverse(), form };
}

function requireBindings(declarator: SyntaxNode): TypeScriptImportBinding[] {
  const required = requiredMember(declarator.childForFieldName('value'));
  const name = declarator.childForFieldName('name');
  if (!required || !name) return [];
  const { module, member, form } = required;
  const binding = (local: SyntaxNode, extra: string[]): TypeScriptImportBinding => ({
    local: local.text,
    module,
    member: [...member, ...extra],
    kind: member.length + extra.length ? 'named' : 'namespace',
    form,
    typeOnly: false,
    node: local,
  });
  if (name.type === 'identifier') return [binding(name, [])];
  if (name.type !== 'object_pattern') return [];
  const found: TypeScriptImportBinding[] = [];
  for (const part of name.namedChildren) {
    if (part.type === 'shorthand_property_identifier_pattern') {
      found.push(binding(part, [part.text]));
    } else if (part.type === 'pair_pattern') {
      const key = part.childForFieldName('key');
      const value = part.childForFieldName('value');
      if (key?.type === 'property_identifier' && value?.type === 'identifier') found.push(binding(value, [key.text]));
    }
    // `...rest` holds the rest of the module's members: no single member to name.
  }
  return found;
}
