/**
 * The vocabulary of comments that stand in for code (`# ... rest of implementation`,
 * `# [Complete implementation with all methods...]`) or say work is still to be done
 * (`# TODO`), written for `#` comments; other languages' front-ends read their comments as
 * `# text` (src/typescript/placeholders.ts).
 */

/** A comment saying work is still to be done. */
const TODO_COMMENT = /\b(TODO|FIXME|TBD)\b|\bimplement(ation)?\b|\bplaceholder\b|\bnot (yet )?implemented\b|\b(add|fill in|put|insert|write) (the |your )?(code|logic|implementation)\b/i;

/** A comment saying a stub is deliberate. */
const NOOP_COMMENT = /\bno(?:t)?\s+(?:implementation\s+)?(?:needed|required)\b|\bintentional(?:ly)?\b|\bno-?op\b|\bnothing to do\b/i;

/** What placeholder comments say is missing. */
const MISSING = String.raw`(?:resources?|methods?|functions?|code|logic|components?|services?|infrastructure|stacks?|modules?|tests?|implementations?|handlers?|features?|functionality|classes)`;

/**
 * `# ... [rest of implementation]`-style text after a prefix `#`, read in linear time: the part
 * between `[` and the first `]` (or the end) must name what is missing, and nothing but
 * whitespace may follow the `]`. (As one regex, `[^\]]*\b(?:rest|...)\b[^\]]*` backtracked
 * quadratically on a long bracketed comment.)
 */
const BRACKETED = /^#+\s*\[([^\]]*)(?:\]\s*)?$/;
const BRACKETED_MISSING = /\b(?:rest|remaining|omitted|implementation|implement|unchanged|remains|truncated|continues?|continued|same as (?:above|before))\b/i;

/** `rest of the code` ... `remains the same`: the earliest prefix has the longest tail to search. */
const REST_OF = /\b(?:rest|remainder) of (?:the )?(?:implementation|code|methods|class|file|resources|stack|configuration|logic|infrastructure)\b/i;
const REST_OF_TAIL = /\bremains (?:the same|unchanged|as (?:is|before))|\bunchanged\b|\bomitted\b|\bhere\b|\bgoes\b|\bwould\b|\.{3}|…|\bcontinues\b|\bas (?:before|above)\b/i;

/**
 * Comments that stand in for code (each test needs a marker that code is missing). Every test
 * runs in time linear in the comment's length: comments come from the reviewed code, and a
 * backtracking pattern over a long one stalled the review.
 */
const PLACEHOLDER_COMMENTS: readonly ((text: string) => boolean)[] = [
  // `# ... rest of implementation`, `# ... existing code ...`, `# … (omitted)`
  matches(/^#+\s*(?:\.{3}|…)\s*(?:\(\s*)?(?:the\s+)?(?:rest|remaining|more|other|existing|additional|previous|omitted|etc|continue[sd]?|code|implementation|methods?|resources?)\b/i),
  // `# ... (Include all other existing methods from the original script)`
  matches(/^#+\s*(?:\.{3}|…)\s*\(/),
  // `# [Complete implementation with all methods...]`, `# [Rest of the code remains the same]`
  (text) => BRACKETED_MISSING.test(BRACKETED.exec(text)?.[1] ?? ''),
  // `# Add more resources here`, `# Add additional methods as needed`, `# Implement other handlers similarly`
  matches(
    new RegExp(
      String.raw`^#+\s*(?:TODO:?\s*)?(?:add|insert|put|define|create|implement|include|write)\s+(?:more|additional|other|remaining|further|the rest of(?: the)?|any other|the remaining)\s+(?:\w+\s+)?${MISSING}\b.*\b(?:here|as needed|as required|if needed|similarly)\b`,
      'i',
    ),
  ),
  // `# Rest of the code remains the same`, `# rest of implementation here`
  (text) => {
    const rest = REST_OF.exec(text);
    return rest !== null && REST_OF_TAIL.test(firstLine(text.slice(rest.index + rest[0].length)));
  },
  matches(/^#+\s*(?:(?:\.{3}|…)\s*)?(?:the\s+)?(?:rest|remainder) of (?:the )?(?:implementation|code|methods|class|file)\s*(?:(?:\.{3}|…)\s*)?$/i),
  // `# (omitted for brevity)`, `# other methods truncated`
  matches(/\b(?:omitted|truncated|elided|left out|not shown)\s+(?:for|due to)\s+(?:brevity|clarity|space|length)\b/i),
  matches(new RegExp(String.raw`\b(?:rest|remaining\s+\w+|other\s+\w+|${MISSING}|details)\s+(?:are\s+|is\s+)?(?:omitted|truncated|elided|not shown|left out)\b`, 'i')),
  // `# Implementation goes here`, `# Resources would go here`
  matches(new RegExp(String.raw`\b${MISSING}\s+(?:would go|goes|go)\s+here\b`, 'i')),
  matches(/\b(?:implementation|code)\s+continues\b/i),
];

function matches(pattern: RegExp): (text: string) => boolean {
  return (text) => pattern.test(text);
}

/** Up to the first line break (what `.` in a pattern would reach). */
function firstLine(text: string): string {
  const end = text.search(/[\n\r\u2028\u2029]/);
  return end < 0 ? text : text.slice(0, end);
}

export function isTodoComment(text: string): boolean {
  return TODO_COMMENT.test(text) && !NOOP_COMMENT.test(text);
}

export function isPlaceholderComment(text: string): boolean {
  return PLACEHOLDER_COMMENTS.some((test) => test(text));
}

