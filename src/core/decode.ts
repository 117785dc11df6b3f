/**
 * Turns raw file bytes into text, or says clearly why it cannot. Binary content (NUL bytes) is
 * never analysed. Text with a few bytes that are not UTF-8 (a Windows-1252 quote pasted into a
 * Markdown answer or a comment) is decoded with U+FFFD in their place and analysed; the caller
 * says so in a notice. Text where such bytes are common is in another encoding and is not
 * guessed at. A UTF-8 byte-order mark is dropped.
 */

import { DeflatedText } from '../syntax/stored-text.js';

/** Bytes that were not UTF-8 and became U+FFFD. */
export interface Replacement {
  /** Invalid bytes replaced. */
  bytes: number;
  /** 1-based line of the first one. */
  firstLine: number;
  /** The first byte, for the message (`0x92`). */
  firstByte: number;
}

/** `lineEnds: 'cr'`: the text's lines ended in a lone CR and now end in `\n` (see withLineFeeds). */
export type DecodeResult = { ok: true; text: string; replaced?: Replacement; lineEnds?: 'cr' } | { ok: false; reason: string };

/** Bytes inspected for NUL when sniffing binary content (git uses the same first 8000). */
const BINARY_SNIFF_BYTES = 8000;
/** Above this share of invalid bytes the text is in another encoding, not UTF-8 with strays. */
const MAX_STRAY_SHARE = 0.01;
/** A short file may still hold a few strays (a 300-byte file with one curly quote). */
const MIN_STRAYS_ALLOWED = 8;

export function looksBinary(bytes: Uint8Array): boolean {
  const limit = Math.min(bytes.length, BINARY_SNIFF_BYTES);
  for (let index = 0; index < limit; index++) {
    if (bytes[index] === 0) return true;
  }
  return false;
}

export function decodeText(content: Uint8Array | string | DeflatedText): DecodeResult {
  const decoded = decodeBytes(content);
  return decoded.ok ? withLineFeeds(decoded) : decoded;
}

/**
 * A text whose lines end in a lone CR (classic Mac OS line ends, some generators) gets `\n`
 * line ends, as Python and editors read it: the engine counts lines at `\n` only, as
 * tree-sitter does, and saw one endless line (a Markdown answer with no fence found, nothing
 * reviewed). A stray CR in a text whose lines end in `\n` stays where it is.
 */
function withLineFeeds(decoded: Extract<DecodeResult, { ok: true }>): DecodeResult {
  const text = decoded.text;
  if (!text.includes('\r')) return decoded;
  let lone = 0;
  let feeds = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 0x0a) feeds++;
    else if (code === 0x0d && text.charCodeAt(index + 1) !== 0x0a) lone++;
  }
  return lone > feeds ? { ...decoded, text: text.replace(/\r(?!\n)/g, '\n'), lineEnds: 'cr' } : decoded;
}

function decodeBytes(content: Uint8Array | string | DeflatedText): DecodeResult {
  if (content instanceof DeflatedText) content = content.inflate();
  if (typeof content === 'string') {
    // Text handed over already decoded gets the same binary sniff as bytes.
    return content.slice(0, BINARY_SNIFF_BYTES).includes('\0') ? { ok: false, reason: 'binary content (NUL bytes)' } : { ok: true, text: stripBom(content) };
  }
  if (looksBinary(content)) return { ok: false, reason: 'binary content (NUL bytes)' };
  try {
    return { ok: true, text: stripBom(new TextDecoder('utf-8', { fatal: true }).decode(content)) };
  } catch {
    return decodeWithStrays(content);
  }
}

/** Decodes text with a few invalid bytes, or refuses text that is plainly in another encoding. */
function decodeWithStrays(bytes: Uint8Array): DecodeResult {
  const invalid = invalidUtf8Offsets(bytes);
  const allowed = Math.max(MIN_STRAYS_ALLOWED, Math.floor(bytes.length * MAX_STRAY_SHARE));
  const first = invalid[0];
  if (first === undefined) return { ok: false, reason: 'not valid UTF-8' };
  if (invalid.length > allowed) return { ok: false, reason: `not valid UTF-8 (${invalid.length} bytes are not UTF-8: text in another encoding)` };
  let firstLine = 1;
  for (let index = 0; index < first; index++) if (bytes[index] === 0x0a) firstLine++;
  const text = stripBom(new TextDecoder('utf-8').decode(bytes));
  return { ok: true, text, replaced: { bytes: invalid.length, firstLine, firstByte: bytes[first] as number } };
}

/** Length of the UTF-8 sequence a lead byte announces, or 0 for a byte that cannot lead one. */
function sequenceLength(lead: number): number {
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/** Offsets of the bytes that are not part of a well-formed UTF-8 sequence (overlong forms and surrogates included). */
export function invalidUtf8Offsets(bytes: Uint8Array): number[] {
  const invalid: number[] = [];
  let index = 0;
  while (index < bytes.length) {
    const lead = bytes[index] as number;
    const length = sequenceLength(lead);
    if (length === 1) {
      index++;
      continue;
    }
    if (length > 0 && index + length <= bytes.length && wellFormedTail(bytes, index, length)) {
      index += length;
      continue;
    }
    invalid.push(index);
    index++;
  }
  return invalid;
}

function wellFormedTail(bytes: Uint8Array, start: number, length: number): boolean {
  const lead = bytes[start] as number;
  const second = bytes[start + 1] as number;
  // The second byte's range is narrower after E0, ED, F0 and F4 (no overlong forms, surrogates or code points past U+10FFFF).
  const low = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
  const high = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
  if (second < low || second > high) return false;
  for (let offset = 2; offset < length; offset++) {
    const byte = bytes[start + offset] as number;
    if (byte < 0x80 || byte > 0xbf) return false;
  }
  return true;
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
