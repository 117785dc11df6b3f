/**
 * Module-like names a TypeScript unit uses (`aws.ec2.Vpc`, `pulumi.output`, `fs.readFileSync`)
 * and every name it binds, read through node visitors during the engine's one traversal: a use
 * of `aws` that nothing binds (no import, declaration or parameter) does not compile, and at run
 * time is a ReferenceError. Bindings are collected per unit, without scopes: a name bound
 * anywhere counts everywhere, so the rule only reports names no code binds at all.
 */
import type { Visitors } from '../api/rule.js';
import type { SyntaxNode } from '../syntax/flat-tree.js';

/** Names whose import is unambiguous, and the statement to add. */
export const TYPESCRIPT_IMPORT_HINTS: Readonly<Record<string, string>> = {
  aws: "import * as aws from '@pulumi/aws';",
  awsx: "import * as awsx from '@pulumi/awsx';",
  pulumi: "import * as pulumi from '@pulumi/pulumi';",
  random: "import * as random from '@pulumi/random';",
  fs: "import * as fs from 'fs';",
  path: "import * as path from 'path';",
  os: "import * as os from 'os';",
  crypto: "import * as crypto from 'crypto';",
};

/** Where a binding construct keeps the names it binds. */
const BINDING_FIELDS: Readonly<Record<string, readonly string[]>> = {
  variable_declarator: ['name'],
  required_parameter: ['pattern'],
  optional_parameter: ['pattern'],
  function_declaration: ['name'],
  generator_function_declaration: ['name'],
  function_expression: ['name'],
  class_declaration: ['name'],
  abstract_class_declaration: ['name'],
  class: ['name'],
  enum_declaration: ['name'],
  internal_module: ['name'],
  catch_clause: ['parameter'],
  arrow_function: ['parameter'],
  for_in_statement: ['left'],
  import_specifier: ['name', 'alias'],
};

const NAME_NODES = ['identifier', 'shorthand_property_identifier_pattern', 'type_identifier'];

export class TypeScriptModuleNames {
  readonly bound = new Set<string>();
  readonly uses: { name: string; node: SyntaxNode }[] = [];

  constructor(imports: ReadonlyMap<string, string>) {
    for (const local of imports.keys()) this.bound.add(local);
  }

  visitors(): Visitors {
    const visitors: Visitors = {
      member_expression: (node) => {
        const object = node.childForFieldName('object');
        if (object?.type === 'identifier' && Object.hasOwn(TYPESCRIPT_IMPORT_HINTS, object.text)) this.uses.push({ name: object.text, node: object });
      },
      namespace_import: (node) => this.bindAll(node),
      import_clause: (node) => {
        const first = node.namedChildren[0];
        if (first?.type === 'identifier') this.bound.add(first.text);
      },
    };
    for (const [type, fields] of Object.entries(BINDING_FIELDS)) {
      visitors[type] = (node) => {
        for (const field of fields) {
          const target = node.childForFieldName(field);
          if (target) this.bindAll(target);
        }
      };
    }
    return visitors;
  }

  /** Uses of names nothing in the unit binds. */
  unbound(): { name: string; node: SyntaxNode }[] {
    return this.uses.filter((use) => !this.bound.has(use.name));
  }

  private bindAll(target: SyntaxNode): void {
    if (NAME_NODES.includes(target.type)) {
      this.bound.add(target.text);
      return;
    }
    // Destructuring patterns: `{ a, b: c }`, `[x, ...rest]`; default values may hold other names, which only widens `bound`.
    for (const child of target.namedChildren) this.bindAll(child);
  }
}
