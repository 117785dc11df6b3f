/**
 * Name resolution over a module: which local names come from which imports, and the
 * fully-qualified name behind an expression like `aws.ec2.Vpc` or `ec2.Vpc`.
 */
import { copyOf } from '../syntax/string-copies.js';
import type { SyntaxNode } from './parser.js';
import { descendantsOfType } from '../syntax/walk.js';

/** Local name -> qualified name it is bound to by an import (`aws` -> `pulumi_aws`). */
export type ImportTable = ReadonlyMap<string, string>;

export interface ImportBinding {
  local: string;
  qualified: string;
  /** The top-level module the binding needs installed (`pulumi_aws` for `from pulumi_aws import ec2`). */
  module: string;
  node: SyntaxNode;
}

/** All import bindings of a module, including imports nested in functions or try blocks. */
export function importBindings(root: SyntaxNode): ImportBinding[] {
  const bindings: ImportBinding[] = [];
  for (const statement of descendantsOfType(root, ['import_statement', 'import_from_statement'])) {
    if (statement.type === 'import_statement') {
      for (const child of statement.namedChildren) {
        if (child.type === 'dotted_name') {
          // `import a.b` binds `a` to `a`.
          const first = child.text.split('.')[0] ?? child.text;
          bindings.push({ local: first, qualified: first, module: first, node: child });
        } else if (child.type === 'aliased_import') {
          const name = child.childForFieldName('name');
          const alias = child.childForFieldName('alias');
          if (name && alias) {
            bindings.push({ local: alias.text, qualified: name.text, module: name.text.split('.')[0] ?? name.text, node: child });
          }
        }
      }
      continue;
    }
    const moduleNode = statement.childForFieldName('module_name');
    if (!moduleNode || moduleNode.type === 'relative_import') continue;
    const moduleName = moduleNode.text;
    const topModule = moduleName.split('.')[0] ?? moduleName;
    for (const child of statement.childrenForFieldName('name')) {
      if (child.type === 'dotted_name') {
        bindings.push({ local: child.text, qualified: `${moduleName}.${child.text}`, module: topModule, node: child });
      } else if (child.type === 'aliased_import') {
        const name = child.childForFieldName('name');
        const alias = child.childForFieldName('alias');
        if (name && alias) {
          bindings.push({ local: alias.text, qualified: `${moduleName}.${name.text}`, module: topModule, node: child });
        }
      }
    }
  }
  return bindings;
}

export function importTable(root: SyntaxNode): ImportTable {
  const table = new Map<string, string>();
  // Copies: a unit keeps its table for the whole review, and slices would pin the file's text.
  for (const binding of importBindings(root)) table.set(copyOf(binding.local), copyOf(binding.qualified));
  return table;
}

/**
 * `a.b.c` for identifier/attribute chains, undefined for anything else (calls, subscripts...).
 * Iterative: a generated 20,000-link attribute chain must not overflow the stack.
 */
export function dottedName(node: SyntaxNode): string | undefined {
  const type = node.type;
  if (type === 'identifier') return node.text;
  if (type !== 'attribute') return undefined;
  return node.tree.remember('dottedName', node.index, () => readDottedName(node));
}

function readDottedName(node: SyntaxNode): string | undefined {
  const parts: string[] = [];
  let current: SyntaxNode | null = node;
  while (current?.type === 'attribute') {
    const attribute = current.childForFieldName('attribute');
    if (!attribute) return undefined;
    parts.push(attribute.text);
    current = current.childForFieldName('object');
  }
  if (current?.type !== 'identifier') return undefined;
  parts.push(current.text);
  return parts.reverse().join('.');
}

/**
 * The qualified name an expression refers to through the module's imports:
 * with `import pulumi_aws as aws`, `aws.ec2.Vpc` resolves to `pulumi_aws.ec2.Vpc`.
 * Names not bound by an import resolve to themselves (`exec` -> `exec`).
 */
export function qualifiedName(node: SyntaxNode, imports: ImportTable): string | undefined {
  const dotted = dottedName(node);
  if (dotted === undefined) return undefined;
  const [head, ...rest] = dotted.split('.');
  if (head === undefined) return undefined;
  const bound = imports.get(head);
  if (bound === undefined) return dotted;
  return [bound, ...rest].join('.');
}
