/**
 * Finding nodes without visiting every node: by type (the tree's type index), by a name
 * pattern in the source text, and the per-unit import bindings.
 */
import { importBindings, type ImportBinding } from './names.js';
import type { SyntaxNode } from './parser.js';
import { getOrCompute } from '../syntax/memo-table.js';

/** The same as walk.ts's `descendantsOfType` (the type index answers both). */
export { descendantsOfType as nodesOfType } from '../syntax/walk.js';

const importCache = new WeakMap<SyntaxNode, ImportBinding[]>();

/** `importBindings(root)` computed once per parsed unit (detectors ask for it repeatedly). */
export function cachedImportBindings(root: SyntaxNode): ImportBinding[] {
  return getOrCompute(importCache, root, importBindings);
}

/**
 * Nodes for the code-level occurrences of a name pattern, found through the source text
 * rather than by visiting every node: for each whole-word match of `pattern` the identifier there
 * is returned (matches inside strings and comments give no identifier and are dropped).
 */
export function identifiersMatching(root: SyntaxNode, text: string, pattern: string): SyntaxNode[] {
  const found: SyntaxNode[] = [];
  for (const match of text.matchAll(new RegExp(String.raw`(?<![\w$])(?:${pattern})(?!\w)`, 'g'))) {
    const name = match[0];
    const index = match.index;
    const node = root.tree.leafOfTypeAt('identifier', index, index + name.length);
    if (node && node.startIndex >= root.startIndex && node.endIndex <= root.endIndex) found.push(node);
  }
  return found;
}

/**
 * Calls whose callee's last name matches `pattern` (`Vpc` finds `aws.ec2.Vpc(...)`, `ec2.Vpc(...)`
 * and `Vpc(...)`), located through the source text; cheap on large files.
 */
export function callsNamed(root: SyntaxNode, text: string, pattern: string): SyntaxNode[] {
  const calls: SyntaxNode[] = [];
  for (const identifier of identifiersMatching(root, text, `(?:${pattern})(?=\\s*\\()`)) {
    let callee = identifier;
    const parent = identifier.parent;
    if (parent?.type === 'attribute' && parent.childForFieldName('attribute')?.id === identifier.id) callee = parent;
    const call = callee.parent;
    if (call?.type === 'call' && call.childForFieldName('function')?.id === callee.id) calls.push(call);
  }
  return calls;
}

/** Top-level modules a unit imports, from its import table (no tree walk). */
export function importedTopModules(imports: ReadonlyMap<string, string>): Set<string> {
  return new Set([...imports.values()].map((qualified) => qualified.split('.')[0] ?? qualified));
}
