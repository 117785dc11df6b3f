/**
 * Helpers for reading call expressions: callee, positional and keyword arguments.
 */
import type { SyntaxNode } from './parser.js';
import { qualifiedName, type ImportTable } from './names.js';

export interface CallArguments {
  positional: SyntaxNode[];
  keywords: Map<string, SyntaxNode>;
  /** The `keyword_argument` nodes, for reporting on the `name=value` span. */
  keywordNodes: Map<string, SyntaxNode>;
  /** True when `*args` or `**kwargs` is passed, so the argument list is not fully known. */
  hasSplat: boolean;
}

const argumentsCache = new WeakMap<SyntaxNode, CallArguments>();

/**
 * Positional and keyword arguments of a call. Read once per call node and shared by every
 * detector (reading children costs native calls); each caller gets its own copy.
 */
export function callArguments(call: SyntaxNode): CallArguments {
  let cached = argumentsCache.get(call);
  if (!cached) {
    cached = readArguments(call);
    argumentsCache.set(call, cached);
  }
  return { positional: [...cached.positional], keywords: new Map(cached.keywords), keywordNodes: new Map(cached.keywordNodes), hasSplat: cached.hasSplat };
}

function readArguments(call: SyntaxNode): CallArguments {
  const result: CallArguments = { positional: [], keywords: new Map(), keywordNodes: new Map(), hasSplat: false };
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

const calleeCache = new WeakMap<SyntaxNode, { imports: ImportTable; name: string | undefined }>();

/** The qualified callee name of a call node (`pulumi_aws.ec2.Vpc`), if it is a plain name chain; memoised per node. */
export function calleeName(call: SyntaxNode, imports: ImportTable): string | undefined {
  const cached = calleeCache.get(call);
  if (cached?.imports === imports) return cached.name;
  const fn = call.childForFieldName('function');
  const name = fn ? qualifiedName(fn, imports) : undefined;
  calleeCache.set(call, { imports, name });
  return name;
}

const literalCache = new WeakMap<SyntaxNode, { value: string | undefined }>();

/** Literal value of a Python string node without its quotes, or undefined for f-strings and non-strings. */
export function stringLiteralValue(node: SyntaxNode): string | undefined {
  if (node.type !== 'string' && node.type !== 'concatenated_string') return undefined;
  const cached = literalCache.get(node);
  if (cached) return cached.value;
  const value = readStringLiteral(node);
  literalCache.set(node, { value });
  return value;
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
