/**
 * Helpers for reading call expressions: callee, positional and keyword arguments.
 */
import type { SyntaxNode } from './parser.js';
import { qualifiedName, type ImportTable } from './names.js';

export interface CallArguments {
  readonly positional: readonly SyntaxNode[];
  readonly keywords: ReadonlyMap<string, SyntaxNode>;
  /** The `keyword_argument` nodes, for reporting on the `name=value` span. */
  readonly keywordNodes: ReadonlyMap<string, SyntaxNode>;
  /** True when `*args` or `**kwargs` is passed, so the argument list is not fully known. */
  readonly hasSplat: boolean;
}

/**
 * Positional and keyword arguments of a call. Read once per call node and shared, read-only,
 * by every detector.
 */
export function callArguments(call: SyntaxNode): CallArguments {
  return call.tree.remember('callArguments', call.index, () => readArguments(call));
}

function readArguments(call: SyntaxNode): CallArguments {
  const result = { positional: [] as SyntaxNode[], keywords: new Map<string, SyntaxNode>(), keywordNodes: new Map<string, SyntaxNode>(), hasSplat: false };
  const args = call.childForFieldName('arguments');
  if (!args || args.type !== 'argument_list') return result;
  for (const child of args.namedChildren) {
    if (child.type === 'keyword_argument') {
      const name = child.childForFieldName('name');
      const value = child.childForFieldName('value');
      if (name && value) {
        result.keywords.set(name.text, value);
        result.keywordNodes.set(name.text, child);
      }
    } else if (child.type === 'list_splat' || child.type === 'dictionary_splat') {
      result.hasSplat = true;
    } else if (child.type !== 'comment') {
      result.positional.push(child);
    }
  }
  return result;
}

/** The qualified callee name of a call node (`pulumi_aws.ec2.Vpc`), if it is a plain name chain; memoised per node. */
export function calleeName(call: SyntaxNode, imports: ImportTable): string | undefined {
  const memo = call.tree.memo<{ imports: ImportTable; name: string | undefined }>('calleeName');
  const cached = memo[call.index];
  if (cached?.imports === imports) return cached.name;
  const fn = call.childForFieldName('function');
  const name = fn ? qualifiedName(fn, imports) : undefined;
  memo[call.index] = { imports, name };
  return name;
}

/** Literal value of a Python string node without its quotes, or undefined for f-strings and non-strings. */
export function stringLiteralValue(node: SyntaxNode): string | undefined {
  if (node.type !== 'string' && node.type !== 'concatenated_string') return undefined;
  return node.tree.remember('stringLiteralValue', node.index, () => readStringLiteral(node));
}

function readStringLiteral(node: SyntaxNode): string | undefined {
  if (node.type === 'concatenated_string') {
    const parts = node.namedChildren.map(stringLiteralValue);
    return parts.every((part) => part !== undefined) ? parts.join('') : undefined;
  }
  if (node.type !== 'string') return undefined;
  let value = '';
  for (const child of node.namedChildren) {
    if (child.type === 'string_start') {
      if (/f/i.test(child.text)) return undefined;
    } else if (child.type === 'string_content' || child.type === 'escape_sequence') {
      value += child.type === 'escape_sequence' ? unescape(child.text) : child.text;
    } else if (child.type === 'interpolation') {
      return undefined;
    }
  }
  return value;
}

function unescape(sequence: string): string {
  const simple: Record<string, string> = { '\\n': '\n', '\\t': '\t', '\\r': '\r', '\\\\': '\\', "\\'": "'", '\\"': '"' };
  return simple[sequence] ?? sequence;
}

/** `True`, `False` or `None` as a JavaScript value, undefined for anything else. */
export function constantValue(node: SyntaxNode): boolean | null | undefined {
  if (node.type === 'true') return true;
  if (node.type === 'false') return false;
  if (node.type === 'none') return null;
  return undefined;
}
