/**
 * Decoding literal text for the static evaluator (evaluate.ts): integer literals (`1_000`,
 * `0xff`) and the content of string literals (escape sequences, `{{` in f-strings).
 */
import type { SyntaxNode } from './parser.js';

export function parseInteger(text: string): number | undefined {
  const clean = text.replace(/_/g, '');
  if (/^\d+$/.test(clean)) return Number(clean);
  if (/^0[xX][0-9a-fA-F]+$/.test(clean)) return Number.parseInt(clean.slice(2), 16);
  return undefined;
}

export function contentValue(content: SyntaxNode, raw: boolean, formatted: boolean): string {
  let text = content.text;
  if (formatted) text = text.replace(/\{\{/g, '{').replace(/\}\}/g, '}');
  if (!raw) text = text.replace(/\\(?:\r?\n|.)/g, (sequence) => unescape(sequence));
  return text;
}

export function unescape(sequence: string): string {
  const simple: Record<string, string> = { '\\n': '\n', '\\t': '\t', '\\r': '\r', '\\\\': '\\', "\\'": "'", '\\"': '"', '\\0': '\0' };
  if (sequence in simple) return simple[sequence] as string;
  if (/^\\\r?\n$/.test(sequence)) return '';
  return sequence;
}
