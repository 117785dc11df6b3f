/**
 * Turns raw file bytes into text, or says clearly why it cannot: binary content and invalid
 * UTF-8 are reported, never guessed at. A UTF-8 byte-order mark is dropped.
 */

import { DeflatedText } from '../syntax/stored-text.js';

export type DecodeResult = { ok: true; text: string } | { ok: false; reason: string };

/** Bytes inspected for NUL when sniffing binary content (git uses the same first 8000). */
const BINARY_SNIFF_BYTES = 8000;

export function looksBinary(bytes: Uint8Array): boolean {
  const limit = Math.min(bytes.length, BINARY_SNIFF_BYTES);
  for (let index = 0; index < limit; index++) {
    if (bytes[index] === 0) return true;
  }
  return false;
}

export function decodeText(content: Uint8Array | string | DeflatedText): DecodeResult {
  if (content instanceof DeflatedText) content = content.inflate();
  if (typeof content === 'string') {
    // Text handed over already decoded gets the same binary sniff as bytes.
    return content.slice(0, BINARY_SNIFF_BYTES).includes('\0') ? { ok: false, reason: 'binary content (NUL bytes)' } : { ok: true, text: stripBom(content) };
  }
  if (looksBinary(content)) return { ok: false, reason: 'binary content (NUL bytes)' };
  try {
    return { ok: true, text: stripBom(new TextDecoder('utf-8', { fatal: true }).decode(content)) };
  } catch {
    return { ok: false, reason: 'not valid UTF-8' };
  }
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
