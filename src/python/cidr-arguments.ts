/**
 * CIDR arguments of `pulumi_aws` calls, for IAC503 (checks/cidr-conflict.ts): which argument and
 * dict-key names hold IPv4 CIDR blocks, the dict pairs each call checks (outside `tags=`), the
 * keyword arguments of a resource call merged with its inline `*Args(...)`, and the strings of
 * evaluated values.
 */
import type { PythonUnit } from './units.js';
import { callArguments, calleeName } from './calls.js';
import type { Value } from './evaluate.js';
import type { SyntaxNode } from './parser.js';
import { descendantsOfType } from '../syntax/walk.js';

/** Argument and dict-key names that hold IPv4 CIDR blocks (snake_case). */
const CIDR_KEY = /^(?:[a-z0-9_]*_)?cidr_(?:block|blocks|ipv4)$/;

/** Tag values are free text, whatever the tag is called. */
function isTagsArgument(node: SyntaxNode): boolean {
  return node.type === 'keyword_argument' && /^tags(_all)?$/.test(node.childForFieldName('name')?.text ?? '');
}

/**
 * The dict pairs each `pulumi_aws.*` call checks: pairs inside its arguments and not inside a
 * `tags=`/`tags_all=` argument below them, each under the outermost such call (the first one
 * the document-order scan reaches; inner calls would check the same pair again to no effect).
 * Only pairs whose key can name a CIDR key are considered: a string key without `{` (no
 * interpolation) must contain `cidr` (its value differs from its source only by escapes, none of
 * which yields a letter, and a backslash-newline, which disappears); other keys (constants,
 * f-strings...) are kept for the evaluator.
 */
export function cidrPairsByCall(unit: PythonUnit): Map<number, SyntaxNode[]> {
  const byCall = new Map<number, SyntaxNode[]>();
  for (const pair of descendantsOfType(unit.root, 'pair')) {
    const keyNode = pair.childForFieldName('key');
    if (!keyNode) continue;
    if (keyNode.type === 'string') {
      const source = unit.text.slice(keyNode.startIndex, keyNode.endIndex);
      if (!source.includes('{') && !/cidr/i.test(source) && !/cidr/i.test(source.replace(/\\\r?\n/g, ''))) continue;
    }
    let owner: SyntaxNode | undefined;
    let child: SyntaxNode = pair;
    for (let current = pair.parent; current; child = current, current = current.parent) {
      if (isTagsArgument(current)) break;
      if (current.type !== 'call' || !calleeName(current, unit.imports)?.startsWith('pulumi_aws.')) continue;
      const args = current.childForFieldName('arguments');
      if (!args || args.id === child.id) owner = current;
    }
    if (!owner) continue;
    const list = byCall.get(owner.id) ?? [];
    list.push(pair);
    byCall.set(owner.id, list);
  }
  return byCall;
}

export function snakeKey(key: string): string {
  return key.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/-/g, '_').toLowerCase();
}

export function isCidrKey(key: string): boolean {
  return CIDR_KEY.test(key) && !key.includes('ipv6');
}

/** Keyword arguments of a resource call, merged with those of an inline `*Args(...)` argument. */
export function resourceKeywords(call: SyntaxNode, unit: PythonUnit): Map<string, SyntaxNode> {
  const args = callArguments(call);
  const keywords = new Map(args.keywords);
  const argsObject = args.keywords.get('args') ?? args.positional[1];
  if (argsObject?.type === 'call' && /Args$/.test(calleeName(argsObject, unit.imports) ?? '')) {
    for (const [key, value] of callArguments(argsObject).keywords) if (!keywords.has(key)) keywords.set(key, value);
  }
  return keywords;
}

export function stringsOf(values: Value[]): string[] | undefined {
  const strings: string[] = [];
  for (const value of values) {
    if (typeof value === 'string') strings.push(value);
    else if (Array.isArray(value) && value.every((item) => typeof item === 'string')) strings.push(...(value as string[]));
    else return undefined;
  }
  return strings;
}
