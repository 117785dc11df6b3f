/**
 * IAM policy statements, for IAC304 (checks/public-or-unencrypted-storage.ts): the statements of
 * JSON policy strings, public principals (`"*"`, `{"AWS": "*"}`) and wildcard actions or
 * resources, in parsed JSON and in Python literals read through a NameResolver.
 */
import type { PythonUnit } from './units.js';
import { stringValue, type Mapping, type NameResolver } from './literal-values.js';
import type { SyntaxNode } from './parser.js';

export function actionsText(statement: Mapping, names: NameResolver): string {
  const action = statement.entries.get('Action');
  if (!action) return '';
  const single = names.string(action.value);
  if (single !== undefined) return ` (\`${single}\`)`;
  const list = names.sequence(action.value)?.items.map((item) => names.string(item));
  return list && list.length > 0 && list.every((item) => item !== undefined) ? ` (\`${list.join('`, `')}\`)` : '';
}

export function isPublicPrincipalNode(node: SyntaxNode, names: NameResolver, unit: PythonUnit): boolean {
  if (names.string(node) === '*') return true;
  const mapping = names.mapping(node, unit.imports);
  const aws = mapping?.entries.get('AWS');
  if (!aws) return false;
  if (names.string(aws.value) === '*') return true;
  return names.sequence(aws.value)?.items.some((item) => names.string(item) === '*') ?? false;
}

export function isPublicPrincipal(principal: unknown): boolean {
  if (principal === '*') return true;
  if (principal && typeof principal === 'object' && !Array.isArray(principal)) {
    const aws = (principal as Record<string, unknown>).AWS;
    return aws === '*' || (Array.isArray(aws) && aws.includes('*'));
  }
  return false;
}

export type JsonStatement = Record<string, unknown>;

/** The statements of a string that is a JSON policy document, empty for anything else. */
export function jsonStatements(node: SyntaxNode): JsonStatement[] {
  // Cheap test on the raw text first: most strings are not policy documents.
  if (!node.text.includes('Statement')) return [];
  const text = stringValue(node)?.trim();
  if (!text || !text.startsWith('{') || !text.includes('Statement')) return [];
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    return [];
  }
  if (!document || typeof document !== 'object') return [];
  const statements = (document as Record<string, unknown>).Statement;
  const list = Array.isArray(statements) ? statements : [statements];
  return list.filter((statement): statement is JsonStatement => !!statement && typeof statement === 'object' && !Array.isArray(statement));
}

export function isWildcard(value: unknown): boolean {
  return value === '*' || value === '*:*' || (Array.isArray(value) && value.some((item) => item === '*' || item === '*:*'));
}

export function wildcardNode(node: SyntaxNode, names: NameResolver): boolean {
  const single = names.string(node);
  if (single !== undefined) return single === '*' || single === '*:*';
  return names.sequence(node)?.items.some((item) => {
    const text = names.string(item);
    return text === '*' || text === '*:*';
  }) ?? false;
}
