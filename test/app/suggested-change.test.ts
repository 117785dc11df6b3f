/**
 * Suggested changes in review comments: a fix becomes a ```suggestion block only when every
 * line it rewrites is one the change added; otherwise the comment describes it in words. The
 * suggestion's lines, put in place of the lines it covers, give what `scan --fix` writes.
 */
import { describe, expect, it } from 'vitest';
import type { Finding, TextEdit } from '../../src/api/types.js';
import { applyFileFixes, fixedLines, type LineReplacement } from '../../src/core/apply-fixes.js';
import { resolveConfig, reviewWithCatalog } from '../../src/core/index.js';
import { changedLines } from '../../src/diff/changed-lines.js';
import { lineFixesOf } from '../../src/app/line-fixes.js';
import { placeComment } from '../../src/app/suggested-change.js';
import { renderReviewComment, suggestionBlock } from '../../src/render/review-comment.js';
import { addedLinesPatch } from './pull-request-fixtures.js';

const edit = (line: number, column: number, endLine: number, endColumn: number, text: string): TextEdit => ({ line, column, endLine, endColumn, text });

function finding(line: number, endLine: number, ...edits: TextEdit[]): Finding {
  return {
    ruleId: 'IAC105',
    severity: 'error',
    path: 'lib/tap_stack.py',
    line,
    column: 1,
    endLine,
    endColumn: 2,
    category: 'Code Generation',
    message: 'm',
    snippet: '',
    ...(edits.length ? { fix: { description: 'Rename `cidrBlock` to `cidr_block`', edits } } : {}),
  };
}

/** The text with the replacement's lines put in place of the lines it covers (what "Commit suggestion" does). */
function commitSuggestion(text: string, replacement: LineReplacement): string {
  const lines = text.split('\n');
  lines.splice(replacement.startLine - 1, replacement.endLine - replacement.startLine + 1, ...replacement.lines);
  return lines.join('\n');
}

const STACK = `"""TapStack."""
import pulumi
import pulumi_aws as aws


class TapStack:
    """The stack."""

    def __init__(self, name: str, opts=None):
        self.vpc = aws.ec2.Vpc(f"{name}-vpc", cidrBlock="10.0.0.0/16")
        self.provider = aws.Provider("aws")
`;

function review(path: string, content: string): { findings: Finding[]; lineFixes: (LineReplacement | undefined)[] } {
  const files = [{ path, content }];
  const project = { paths: [path, 'lib/AWS_REGION'], readFile: (name: string) => (name === 'lib/AWS_REGION' ? 'us-east-1\n' : undefined) };
  const { findings } = reviewWithCatalog({ files, config: resolveConfig({}, []), mode: 'change', project });
  return { findings, lineFixes: lineFixesOf(findings, files) };
}

describe('fixedLines', () => {
  const text = 'alpha = 1\nbeta = 2\ngamma = 3\n';

  it('rewrites the lines the edits touch, several edits over several lines', () => {
    const fix = { description: 'd', edits: [edit(1, 1, 1, 6, 'ALPHA'), edit(3, 9, 3, 10, '33')] };
    expect(fixedLines(text, fix)).toEqual({ startLine: 1, endLine: 3, lines: ['ALPHA = 1', 'beta = 2', 'gamma = 33'] });
  });

  it('stops before a line an edit only reaches the start of: a whole line removed or replaced', () => {
    expect(fixedLines(text, { description: 'd', edits: [edit(2, 1, 3, 1, '')] })).toEqual({ startLine: 2, endLine: 2, lines: [] });
    expect(fixedLines(text, { description: 'd', edits: [edit(2, 1, 3, 1, 'b = 2\nc = 0\n')] })).toEqual({ startLine: 2, endLine: 2, lines: ['b = 2', 'c = 0'] });
    // Joined with the next line: that line is rewritten too.
    expect(fixedLines(text, { description: 'd', edits: [edit(2, 1, 3, 1, 'x')] })).toEqual({ startLine: 2, endLine: 3, lines: ['xgamma = 3'] });
  });

  it('inserts lines before a line, drops CR line ends, and refuses edits outside the text or overlapping', () => {
    expect(fixedLines('a = 1\r\nb = 2\r\n', { description: 'd', edits: [edit(2, 1, 2, 1, 'x = 0\n')] })).toEqual({ startLine: 2, endLine: 2, lines: ['x = 0', 'b = 2'] });
    expect(fixedLines(text, { description: 'd', edits: [edit(7, 1, 7, 2, 'x')] })).toBeUndefined();
    expect(fixedLines(text, { description: 'd', edits: [edit(1, 1, 1, 6, 'x'), edit(1, 3, 1, 8, 'y')] })).toBeUndefined();
  });
});

describe('placeComment', () => {
  const single = finding(10, 10, edit(10, 47, 10, 56, 'cidr_block'));

  it('suggests a fix whose lines the change all added, on exactly those lines', () => {
    const placed = placeComment(single, changedLines(addedLinesPatch(STACK)), fixedLines(STACK, single.fix!));
    expect(placed).toEqual({ anchor: { line: 10 }, suggestion: ['        self.vpc = aws.ec2.Vpc(f"{name}-vpc", cidr_block="10.0.0.0/16")'] });
  });

  it('suggests a multi-line replacement as a comment spanning its lines', () => {
    const multi = finding(6, 6, edit(6, 15, 6, 15, '(pulumi.ComponentResource)'), edit(10, 9, 10, 9, 'super().__init__("pkg:index:TapStack", name, None, opts)\n        '));
    const replacement = fixedLines(STACK, multi.fix!) as LineReplacement;
    const placed = placeComment(multi, changedLines(addedLinesPatch(STACK)), replacement);
    expect(placed?.anchor).toEqual({ startLine: 6, line: 10 });
    expect(placed?.suggestion).toHaveLength(6);
    expect(placed?.suggestion?.[0]).toBe('class TapStack(pulumi.ComponentResource):');
    expect(placed?.suggestion?.slice(-2)).toEqual(['        super().__init__("pkg:index:TapStack", name, None, opts)', '        self.vpc = aws.ec2.Vpc(f"{name}-vpc", cidrBlock="10.0.0.0/16")']);
    expect(commitSuggestion(STACK, replacement)).toBe(applyFileFixes(STACK, [multi]).text);
  });

  it('describes the fix in words when a line it rewrites is not one the change added', () => {
    const multi = finding(6, 6, edit(6, 15, 6, 15, '(pulumi.ComponentResource)'), edit(10, 9, 10, 9, 'super().__init__("pkg:index:TapStack", name, None, opts)\n        '));
    // The change rewrote the class line only: the __init__ body it would edit was there before.
    const placed = placeComment(multi, changedLines(addedLinesPatch(STACK, 6, 7)), fixedLines(STACK, multi.fix!));
    expect(placed).toEqual({ anchor: { line: 6 }, fixNotSuggested: 'it rewrites lines 6-10, and not all of them are lines this change added' });
    const body = renderReviewComment(multi, 'abcdef0123456789', placed);
    expect(body).not.toContain('```suggestion');
    expect(body).toContain('**Automatic fix:** Rename `cidrBlock` to `cidr_block`. `iac-review scan --fix` applies it; it is not offered as a one-click suggestion because it rewrites lines 6-10');
  });

  it('leaves a finding on lines the change did not add to the summary, fix or not', () => {
    expect(placeComment(single, changedLines(addedLinesPatch(STACK, 1, 9)), fixedLines(STACK, single.fix!))).toBeUndefined();
  });

  it('anchors a finding without a fix as before, and says so when a fix has no line replacement', () => {
    expect(placeComment(finding(10, 11), changedLines(addedLinesPatch(STACK)), undefined)).toEqual({ anchor: { startLine: 10, line: 11 } });
    expect(placeComment(single, changedLines(addedLinesPatch(STACK)), undefined)?.fixNotSuggested).toMatch(/could not be laid over whole lines/);
  });
});

describe('suggestions from the engine', () => {
  it('suggests each fix of an added Python file; committing one gives what scan --fix writes', () => {
    const { findings, lineFixes } = review('lib/tap_stack.py', STACK);
    const changed = changedLines(addedLinesPatch(STACK));
    const fixed = findings.filter((entry) => entry.fix);
    expect(fixed.map((entry) => entry.ruleId).sort()).toEqual(['IAC105', 'IAC301', 'IAC302']);
    for (const entry of fixed) {
      const replacement = lineFixes[findings.indexOf(entry)] as LineReplacement;
      expect(placeComment(entry, changed, replacement)?.suggestion, entry.ruleId).toEqual(replacement.lines);
      expect(commitSuggestion(STACK, replacement), entry.ruleId).toBe(applyFileFixes(STACK, [entry]).text);
    }
  });

  it('suggests a fix in a Markdown answer on the answer\'s own lines, keeping the block\'s indentation', () => {
    const indented = STACK.replace(/^(?=.)/gm, '   ');
    const answer = `# Answer\n\n1. The stack, in \`lib/tap_stack.py\`:\n\n   \`\`\`python\n${indented}   \`\`\`\n`;
    const { findings, lineFixes } = review('MODEL_RESPONSE.md', answer);
    const rename = findings.find((entry) => entry.ruleId === 'IAC105') as Finding;
    const replacement = lineFixes[findings.indexOf(rename)] as LineReplacement;
    expect(replacement).toEqual({ startLine: 15, endLine: 15, lines: ['           self.vpc = aws.ec2.Vpc(f"{name}-vpc", cidr_block="10.0.0.0/16")'] });
    expect(placeComment(rename, changedLines(addedLinesPatch(answer)), replacement)).toEqual({ anchor: { line: 15 }, suggestion: replacement.lines });
    // Only the prose above the block changed: the finding is not the change's, so it goes to the summary.
    expect(placeComment(rename, changedLines(addedLinesPatch(answer, 1, 3)), replacement)).toBeUndefined();
    const stackClass = findings.find((entry) => entry.ruleId === 'IAC301') as Finding;
    const classFix = lineFixes[findings.indexOf(stackClass)] as LineReplacement;
    expect(commitSuggestion(answer, classFix)).toBe(applyFileFixes(answer, [stackClass]).text);
    expect(placeComment(stackClass, changedLines(addedLinesPatch(answer, 11, 12)), classFix)?.fixNotSuggested).toBe('it rewrites lines 11-15, and not all of them are lines this change added');
  });
});

describe('suggestionBlock', () => {
  it('fences the lines longer than any backtick run in them, and deletes lines with an empty block', () => {
    expect(suggestionBlock(['x = 1'])).toBe('```suggestion\nx = 1\n```');
    expect(suggestionBlock(['doc = """', '```python', '"""'])).toBe('````suggestion\ndoc = """\n```python\n"""\n````');
    expect(suggestionBlock([])).toBe('```suggestion\n```');
  });
});
