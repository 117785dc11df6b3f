/**
 * A small lexical scan of TypeScript source, answering what tree-sitter's error recovery hides:
 * in what state does the text end? Open brackets, an unterminated string, template literal or
 * block comment, or a dangling operator or keyword at the very end mean the code was cut off.
 *
 * It tracks what decides that and nothing more: strings, template literals (with `${...}`
 * nested to any depth), comments, regular expression literals (told from division by the token
 * before them, as JavaScript's grammar does), brackets and the last token.
 */
import { getOrCompute } from '../syntax/memo-table.js';

export interface OpenBracket {
  /** `(`, `[`, `{`, or `${` for a template literal's substitution. */
  char: string;
  index: number;
}

export interface LastToken {
  text: string;
  index: number;
  kind: 'name' | 'number' | 'operator' | 'string' | 'regex';
}

export interface TypeScriptTailState {
  /** Brackets still open at the end, outermost first. */
  openBrackets: OpenBracket[];
  /** Start of a string or template literal still open at the end. */
  openStringAt: number | undefined;
  /** Start of a block comment still open at the end. */
  openCommentAt: number | undefined;
  /** The last token that is not a comment or whitespace. */
  lastToken: LastToken | undefined;
}

const OPENERS: Record<string, string> = { '(': ')', '[': ']', '{': '}' };
const OPERATORS = [
  '>>>=', '...', '===', '!==', '**=', '<<=', '>>=', '>>>', '&&=', '||=', '??=',
  '=>', '==', '!=', '<=', '>=', '&&', '||', '??', '?.', '++', '--', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '**', '<<', '>>',
];
const OPERATORS_BY_LENGTH = [4, 3, 2].map((length) => new Set(OPERATORS.filter((operator) => operator.length === length)));
/** Keywords after which an expression starts, so a following `/` opens a regular expression. */
const EXPRESSION_KEYWORDS = new Set(['return', 'typeof', 'case', 'do', 'else', 'in', 'of', 'new', 'delete', 'void', 'throw', 'instanceof', 'yield', 'await']);

function isNameChar(char: string): boolean {
  const code = char.charCodeAt(0);
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95 || code === 36;
  return /[\p{L}\p{N}_]/u.test(char);
}

function isDigit(char: string | undefined): boolean {
  return char !== undefined && char >= '0' && char <= '9';
}

function operatorAt(text: string, index: number): string {
  for (const [position, operators] of OPERATORS_BY_LENGTH.entries()) {
    const candidate = text.slice(index, index + 4 - position);
    if (operators.has(candidate)) return candidate;
  }
  return text[index] as string;
}

/** Where a template literal's text part ends: its closing backtick, a `${`, or the end of the text. */
type TemplatePart = { end: number; closed: true } | { end: number; substitution: true } | undefined;

/** Reads a template literal's text from `index` (just past a backtick or a substitution's `}`). */
function templatePart(text: string, index: number): TemplatePart {
  while (index < text.length) {
    const char = text[index];
    if (char === '\\') {
      index += 2;
      continue;
    }
    if (char === '`') return { end: index + 1, closed: true };
    if (char === '$' && text[index + 1] === '{') return { end: index + 2, substitution: true };
    index++;
  }
  return undefined;
}

/** Index just past the quoted string at `quoteIndex`; a string stops at an unescaped newline (a mid-file error); undefined at the end of the text. */
function skipString(text: string, quoteIndex: number): number | undefined {
  const quote = text[quoteIndex];
  let index = quoteIndex + 1;
  while (index < text.length) {
    const char = text[index];
    if (char === '\\') {
      index += 2;
      continue;
    }
    if (char === quote) return index + 1;
    if (char === '\n') return index;
    index++;
  }
  return undefined;
}

/** Index just past the regular expression literal at `slashIndex` and its flags, or undefined when the line holds none. */
function skipRegex(text: string, slashIndex: number): number | undefined {
  let inClass = false;
  for (let index = slashIndex + 1; index < text.length; index++) {
    const char = text[index];
    if (char === '\n' || char === '\r') return undefined;
    if (char === '\\') {
      index++;
    } else if (char === '[') {
      inClass = true;
    } else if (char === ']') {
      inClass = false;
    } else if (char === '/' && !inClass) {
      let end = index + 1;
      while (end < text.length && isNameChar(text[end] as string)) end++;
      return end;
    }
  }
  return undefined;
}

export function scanTypeScript(text: string): TypeScriptTailState {
  const openBrackets: (OpenBracket & { templateStart?: number })[] = [];
  let last: LastToken | undefined;
  const length = text.length;
  const finish = (openStringAt?: number, openCommentAt?: number): TypeScriptTailState => ({
    openBrackets: openBrackets.map(({ char, index }) => ({ char, index })),
    openStringAt,
    openCommentAt,
    lastToken: last,
  });
  const note = (index: number, end: number, kind: LastToken['kind']) => {
    last = { text: text.slice(index, end), index, kind };
  };
  /** True when a `/` here starts a regular expression rather than a division. */
  const regexAllowed = () => {
    if (!last) return true;
    if (last.kind === 'operator') return !')]}'.includes(last.text) && last.text !== '++' && last.text !== '--';
    return last.kind === 'name' && EXPRESSION_KEYWORDS.has(last.text);
  };
  /** Continues a template literal (started at `start`) from `index`; returns where code resumes, or undefined at the end. */
  const continueTemplate = (start: number, index: number): number | undefined => {
    const part = templatePart(text, index);
    if (!part) return undefined;
    if ('closed' in part) {
      note(start, part.end, 'string');
      return part.end;
    }
    openBrackets.push({ char: '${', index: part.end - 2, templateStart: start });
    last = { text: '${', index: part.end - 2, kind: 'operator' };
    return part.end;
  };

  // A hashbang line (`#!/usr/bin/env node`) is a comment.
  let index = text.startsWith('#!') ? (text.indexOf('\n') + 1 || length) : 0;
  while (index < length) {
    const char = text[index] as string;
    if (char === ' ' || char === '\t' || char === '\n' || char === '\r' || char === '\f' || char === '\v' || char === '\uFEFF' || char === '\u00A0') {
      index++;
      continue;
    }
    if (char === '/' && text[index + 1] === '/') {
      const newline = text.indexOf('\n', index);
      index = newline < 0 ? length : newline;
      continue;
    }
    if (char === '/' && text[index + 1] === '*') {
      const close = text.indexOf('*/', index + 2);
      if (close < 0) return finish(undefined, index);
      index = close + 2;
      continue;
    }
    if (char === '\\') {
      // No TypeScript token starts with a backslash outside literals: a Markdown answer escaped
      // the next character (\` in a template). Reading it as escaped keeps the scan in step.
      note(index, Math.min(length, index + 2), 'operator');
      index += 2;
      continue;
    }
    if (char === '"' || char === "'") {
      const end = skipString(text, index);
      if (end === undefined) return finish(index);
      note(index, end, 'string');
      index = end;
      continue;
    }
    if (char === '`') {
      const resume = continueTemplate(index, index + 1);
      if (resume === undefined) return finish(index);
      index = resume;
      continue;
    }
    if (char === '/' && regexAllowed()) {
      const end = skipRegex(text, index);
      if (end !== undefined) {
        note(index, end, 'regex');
        index = end;
        continue;
      }
    }
    if (isNameChar(char)) {
      let end = index + 1;
      while (end < length && isNameChar(text[end] as string)) end++;
      if (isDigit(char) && text[end] === '.' && (end + 1 >= length || isNameChar(text[end + 1] as string))) {
        for (end++; end < length && isNameChar(text[end] as string); end++);
      }
      note(index, end, isDigit(char) ? 'number' : 'name');
      index = end;
      continue;
    }
    if (OPENERS[char]) {
      openBrackets.push({ char, index });
      note(index, index + 1, 'operator');
      index++;
      continue;
    }
    if (char === ')' || char === ']' || char === '}') {
      // A closer pops its opener and any brackets left open inside it (a mid-file error, not the end's state).
      let position = openBrackets.length - 1;
      while (position >= 0 && OPENERS[(openBrackets[position] as OpenBracket).char] !== char && !(char === '}' && (openBrackets[position] as OpenBracket).char === '${')) position--;
      const opener = position >= 0 ? openBrackets[position] : undefined;
      if (opener) openBrackets.length = position;
      if (opener?.char === '${') {
        const resume = continueTemplate(opener.templateStart as number, index + 1);
        if (resume === undefined) return finish(opener.templateStart);
        index = resume;
        continue;
      }
      note(index, index + 1, 'operator');
      index++;
      continue;
    }
    const operator = operatorAt(text, index);
    note(index, index + operator.length, 'operator');
    index += operator.length;
  }
  return finish();
}

const scans = new WeakMap<object, TypeScriptTailState>();

/** `scanTypeScript` memoised per parse tree, so analyses sharing a unit scan it once. */
export function scanTypeScriptOnce(key: object, text: string): TypeScriptTailState {
  return getOrCompute(scans, key, () => scanTypeScript(text));
}
