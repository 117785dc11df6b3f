/**
 * Text from the reviewed code made inert in GitHub Markdown. Findings quote the code under
 * review (names, strings, TODO comments, file paths), and a pull request chooses that code: in
 * a comment, `@org/team` would notify a team, `#12` would cross-reference an issue, a URL or
 * `[text](url)` would become a live link, `![](url)` an image fetched from anywhere, `<img>`
 * HTML, and a backtick in a name would end the code span around it and let the rest act as
 * Markdown. Here:
 * - `codeSpan` puts any text in a code span whose fence is longer than every backtick run in it
 *   (GitHub renders nothing inside a code span: no mentions, references, links or HTML);
 * - `inertMessage` takes a finding's message, where rules put quoted code in backticks: each
 *   code span is fenced again with `codeSpan`, and in the prose between them mentions, issue
 *   references and autolinks are broken by a zero-width space and Markdown punctuation (links,
 *   HTML, entities, table pipes, stray backticks) is backslash-escaped.
 * Both fold line breaks into spaces and drop control characters: one finding stays one line.
 */

const ZERO_WIDTH_SPACE = '\u200b';
const ENTITIES: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;' };

/** Line breaks and control characters (C0 but tab, DEL, C1, bidirectional overrides) anywhere in the text. */
const LINE_BREAKS = /\r\n|[\n\r\u2028\u2029\u0085]/g;
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

function oneLine(text: string): string {
  return text.replace(LINE_BREAKS, ' ').replace(CONTROLS, '');
}

/** `text` as a code span that nothing inside can end early. */
export function codeSpan(text: string): string {
  // `<!--` split: this App finds its own markers (`<!-- iac-review:fp=... -->`) in comment bodies.
  const content = oneLine(text).replace(/<!--/g, `<${ZERO_WIDTH_SPACE}!--`);
  let longest = 0;
  for (const run of content.matchAll(/`+/g)) longest = Math.max(longest, run[0].length);
  const fence = '`'.repeat(longest + 1);
  // CommonMark strips one space at each end when both are spaces; a leading or trailing backtick needs one to stay apart from the fence.
  const padded = /^[` ]|[` ]$/.test(content) ? ` ${content} ` : content;
  return `${fence}${padded || ' '}${fence}`;
}

/** Prose from a message: nothing in it links, mentions, references or opens HTML. */
export function inertText(text: string): string {
  return oneLine(text)
    .replace(/[\\`[\]|]/g, '\\$&')
    // Entities, not backslashes: `\<!--` would still hold the `<!--` of a marker this App looks for in its comments.
    .replace(/[<>&]/g, (char) => ENTITIES[char] as string)
    // Before the @: no e-mail address; after it: no mention.
    .replace(/@/g, `${ZERO_WIDTH_SPACE}@${ZERO_WIDTH_SPACE}`)
    .replace(/#(?=\d)/g, `#${ZERO_WIDTH_SPACE}`)
    .replace(/(GH)-(?=\d)/gi, `$1${ZERO_WIDTH_SPACE}-`)
    .replace(/:\/\//g, `:${ZERO_WIDTH_SPACE}//`)
    .replace(/\b(mailto|xmpp):/gi, `$1${ZERO_WIDTH_SPACE}:`)
    .replace(/\bwww\./gi, (www) => `${www.slice(0, 3)}${ZERO_WIDTH_SPACE}.`);
}

/**
 * A message written with code in backticks, safe to put in Markdown: code spans found as
 * CommonMark finds them (a run of n backticks up to the next run of exactly n), fenced again;
 * everything else inert prose. Runs without a partner are prose too (and escaped).
 */
export function inertMessage(message: string): string {
  const runs = [...message.matchAll(/`+/g)].map((match) => ({ start: match.index, length: match[0].length }));
  // For each run, the next run of the same length: one pass from the right, so long messages stay linear.
  const partner = new Array<number>(runs.length).fill(-1);
  const lastOfLength = new Map<number, number>();
  for (let index = runs.length - 1; index >= 0; index--) {
    const length = (runs[index] as { length: number }).length;
    partner[index] = lastOfLength.get(length) ?? -1;
    lastOfLength.set(length, index);
  }
  let out = '';
  let prose = 0;
  for (let index = 0; index < runs.length; index++) {
    const close = partner[index] as number;
    if (close < 0) continue;
    const open = runs[index] as { start: number; length: number };
    const end = runs[close] as { start: number; length: number };
    out += inertText(message.slice(prose, open.start)) + codeSpan(message.slice(open.start + open.length, end.start));
    prose = end.start + end.length;
    index = close;
  }
  return out + inertText(message.slice(prose));
}
