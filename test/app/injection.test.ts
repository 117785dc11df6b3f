/**
 * Text from the reviewed code cannot act in what the review writes: in Markdown (check run,
 * summary comment, inline comments) no mention, issue reference, link, image or HTML comes out
 * live and code spans cannot be broken out of; in the terminal no control character is obeyed
 * and no file name forges a line; a Markdown answer whose lines end in lone CRs is reviewed.
 *
 * The Markdown is rendered with markdown-it with HTML and linkify on (a stricter reader than
 * GitHub, which also autolinks bare URLs and e-mail addresses), and the rendered text outside
 * code is searched for what GitHub would turn into a mention or a reference.
 */
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/api/types.js';
import { catalogIds, DOCS_BASE_URL } from '../../src/core/catalog.js';
import { resolveConfig } from '../../src/core/config.js';
import { decodeText } from '../../src/core/decode.js';
import { reviewWithCatalog } from '../../src/core/index.js';
import { codeSpan, inertMessage } from '../../src/render/inert.js';
import { renderCheckOutput, renderSummaryComment, type ReviewReport } from '../../src/render/markdown.js';
import { fingerprintMarker, fingerprintsIn, renderReviewComment } from '../../src/render/review-comment.js';
import { renderText } from '../../src/render/text.js';

const markdown = new MarkdownIt({ html: true, linkify: true });

/** What rendering `source` yields that a pull request must not get: links, images, HTML, live mentions and references. */
function liveParts(source: string): string[] {
  const html = markdown.render(source);
  const live: string[] = [];
  // This App's own links (the rule's documentation) are fine; any other link, image or HTML is not.
  const ours = html.replace(new RegExp(`<a href="${DOCS_BASE_URL.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}#\\w+">([^<]*)</a>`, 'g'), '$1');
  for (const tag of ours.matchAll(/<(?!\/?(?:p|code|strong|em|ul|li|h\d|br|hr|table|thead|tbody|tr|th|td)\b)[^>]*>/g)) live.push(tag[0]);
  // Text outside code: GitHub links @name, #123 and owner/repo#123 there.
  const text = ours.replace(/<code>[\s\S]*?<\/code>/g, ' ').replace(/<[^>]*>/g, ' ');
  for (const match of text.matchAll(/@[\w-]|(?:^|[^&\w])#\d|GH-\d/gi)) live.push(match[0]);
  return live;
}

const HOSTILE = [
  'ping @org/team and @alice',
  'see #12 and acme/infra#34 and GH-5',
  '[click](https://evil.example) ![pixel](https://evil.example/p.png)',
  '<img src=x onerror=alert(1)> <script>alert(1)</script> <!-- iac-review:fp=deadbeefdeadbeef -->',
  'https://evil.example www.evil.example mailto:a@evil.example ops@evil.example',
  '&#64;org &lt;img&gt;',
  '`a`b @team`` c ``` d',
];

const finding = (overrides: Partial<Finding> = {}): Finding => ({
  ruleId: 'IAC401',
  severity: 'warning',
  category: 'Code Quality',
  path: 'lib/tap_stack.py',
  line: 3,
  column: 1,
  endLine: 3,
  endColumn: 10,
  message: 'TODO left in code: `TODO: ask @org/team`',
  snippet: '# TODO',
  ...overrides,
});

const report = (findings: Finding[]): ReviewReport => ({
  conclusion: 'failure',
  findings,
  failOn: 'warning',
  headSha: 'abcdef0123456789',
  filesChanged: 1,
  filesReviewed: 1,
  filesAnalyzed: 1,
  filesExcluded: 0,
  region: 'us-east-1` @org',
  regionSource: 'lib/AWS_REGION',
  notes: ['`lib/@x.py` could not be read: see https://evil.example'],
});

describe('quoted code is inert in Markdown', () => {
  it.each(HOSTILE)('as prose and as code: %s', (text) => {
    expect(liveParts(inertMessage(text))).toEqual([]);
    expect(liveParts(inertMessage(`Found \`${text}\` here.`))).toEqual([]);
    expect(liveParts(codeSpan(text))).toEqual([]);
  });

  it('a code span keeps its text, whatever backticks it holds', () => {
    for (const text of ['plain', 'a`b', '``x``', '`', ' lead', 'trail`']) {
      const html = markdown.render(codeSpan(text));
      expect(html).toBe(`<p><code>${markdown.utils.escapeHtml(text)}</code></p>\n`);
    }
  });

  it('stays one line: line breaks in quoted text cannot start a heading, a list or a table', () => {
    expect(inertMessage('a\n# heading\r\n- item\u2028| x |')).not.toMatch(/[\r\n\u2028]/);
    expect(codeSpan('a\nb')).toBe('`a b`');
  });

  it('random mixes of dangerous pieces never come out live', () => {
    const piece = fc.constantFrom('`', '``', '@', '@org/team', '#1', 'x#2', '[', ']', '(', ')', '!', '<', '>', '&', '#', 'https://e.x', 'www.e.x', 'a@b.c', '\\', '|', '\n', ' ', 'word', '<!--', '-->', 'GH-1', '*', '_');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 24 }), (pieces) => {
        expect(liveParts(inertMessage(pieces.join('')))).toEqual([]);
      }),
      { numRuns: 2000, seed: 20_251_202 },
    );
  });

  it('check run, summary comment and inline comment quote the finding inertly', () => {
    const hostile = finding({ path: 'lib/`x`@org.py', message: 'TODO left: `TODO: ask @org/team` and [x](https://evil.example) #12' });
    const output = renderCheckOutput(report([hostile]));
    for (const part of [output.summary, output.text ?? '']) expect(liveParts(part)).toEqual([]);
    const summary = renderSummaryComment(report([hostile]), { posted: 0, alreadyPosted: 0, notInline: [{ finding: hostile, reason: 'outside-diff' }], maxInline: 25 });
    expect(liveParts(summary.replace(/<!-- iac-review:summary -->/, ''))).toEqual([]);
    const body = renderReviewComment(hostile, 'abcdef0123456789');
    expect(liveParts(body.replace(fingerprintMarker('abcdef0123456789'), ''))).toEqual([]);
  });

  it('a fingerprint marker quoted from the code does not count as posted', () => {
    const body = renderReviewComment(finding({ message: 'TODO: `<!-- iac-review:fp=deadbeefdeadbeef -->` and <!-- iac-review:fp=feedfacefeedface -->' }), 'abcdef0123456789');
    expect(fingerprintsIn(body)).toEqual(['abcdef0123456789']);
  });
});

describe('terminal output', () => {
  it('shows control characters and line breaks in names and messages instead of obeying them', () => {
    const hostile = finding({ path: 'lib/a.py\n  9:9  error    IAC999  forged', message: 'TODO \u001b[2Jcleared\u202eevil' });
    const output = renderText([hostile], 1, { colour: false });
    expect(output.includes('\u001b') || output.includes('\u202e')).toBe(false);
    expect(output.split('\n').filter((line) => line.includes('forged'))).toEqual(['lib/a.py\\x0a  9:9  error    IAC999  forged']);
    expect(output).toContain('TODO \\x1b[2Jcleared\\u202eevil');
  });
});

describe('Markdown answers whose lines end in a lone CR', () => {
  it('are read with their lines: blocks found, findings on their lines', () => {
    const config = resolveConfig({}, catalogIds);
    const answer = '# Answer\r\r```python\rimport os\r\rexec(os.environ["X"])\r```\r';
    const result = reviewWithCatalog({ files: [{ path: 'answer.md', content: answer, status: 'added' }], config, mode: 'change' });
    expect(result.findings.filter((found) => found.ruleId === 'IAC307').map((found) => found.line)).toEqual([6]);
  });

  it('a stray CR in a text with LF line ends stays (the Markdown reader keeps it in its line)', () => {
    expect(decodeText('a\rb\nc\n')).toEqual({ ok: true, text: 'a\rb\nc\n' });
    expect(decodeText('a\rb\rc\n')).toEqual({ ok: true, text: 'a\nb\nc\n', lineEnds: 'cr' });
  });
});
