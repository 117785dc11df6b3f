/**
 * IAC102: syntax errors in the middle of a file, one finding per broken region. A file that
 * is only broken at its very end was cut off: that is IAC101's finding, not this one.
 *
 * In a Markdown answer, what people write to shorten an excerpt is not a syntax error: `...`
 * standing for elided code (`def create_cluster(...):`), a block that starts inside a
 * dictionary (`'redis_port': cluster.port,`), and a block body that is only a comment saying
 * what goes there. Everything else in an answer's blocks is judged as in a file.
 */
import type { ModelRule, UnitContext, UnitReport } from '../src/api/rule.js';
import type { SourceUnit } from '../src/syntax/source-unit.js';
import { typeScriptSyntaxErrors } from '../src/typescript/syntax-errors.js';
import { indentationErrors } from '../src/python/indentation.js';
import { python2Statements, syntaxErrorRegions, type SyntaxErrorRegion } from '../src/python/syntax-errors.js';
import { findTruncation } from '../src/python/truncation.js';

const MAX_SHOWN = 40;

export const syntaxError: ModelRule = {
  meta: {
    id: 'IAC102',
    name: 'syntax-error',
    title: 'Syntax error',
    category: 'Code Generation',
    severity: 'error',
    why: 'Code that does not parse fails before any resource is created; missing brackets and wrong indentation are common in generated code.',
    fix: 'Fix the syntax at the reported position (brackets, colons, indentation), then run `python -m py_compile` on a Python file or `tsc --noEmit` on a TypeScript one.',
    badExample: 'def create_vpc(self):\n    return aws.ec2.Vpc("main" cidr_block="10.0.0.0/16")\n\nvpc = create_vpc(None)',
    goodExample: 'def create_vpc(self):\n    return aws.ec2.Vpc("main", cidr_block="10.0.0.0/16")\n\nvpc = create_vpc(None)',
    seed: { report: 'model-failures-tracking', section: 'Syntax Errors / Python Syntax Errors' },
    languages: ['python', 'typescript'],
  },
  scope: 'model',
  visitors: {
    python: (context) => ({ 'unit:exit': () => checkPython(context.unit, capped(context)) }),
    typescript: (context) => ({
      'unit:exit': () => {
        const report = capped(context);
        for (const error of typeScriptSyntaxErrors(context.unit)) report.report({ start: error.start, end: error.end, message: error.message });
        report.flush();
      },
    }),
  },
};

/** Findings per unit; past it, the last one says how many more follow (text that is not code as written, such as escaped Markdown, breaks everywhere). */
const MAX_PER_UNIT = 5;

type Reporter = Pick<UnitContext, 'report'>;

/** A reporter that keeps a unit's first MAX_PER_UNIT findings and counts the rest into the last one. */
function capped(context: Reporter): Reporter & { flush(): void } {
  const held: UnitReport[] = [];
  return {
    report: (report) => void held.push(report),
    flush() {
      const shown = held.slice(0, MAX_PER_UNIT);
      const more = held.length - shown.length;
      shown.forEach((report, index) => {
        const last = index === shown.length - 1 && more > 0;
        context.report(last ? { ...report, message: `${report.message} (${more} more syntax error${more === 1 ? '' : 's'} follow in this code: fix this one first)` } : report);
      });
    },
  };
}

function checkPython(unit: SourceUnit, context: Reporter & { flush(): void }): void {
  const truncation = unit.isFinal ? findTruncation(unit.text, unit.tree) : undefined;
  const excerpt = unit.origin === 'markdown-block';
  const codeStart = excerpt ? firstCodeLineStart(unit.text) : 0;
  const regions = syntaxErrorRegions(unit.root)
    .filter((region) => !truncation || region.endIndex < truncation.startIndex)
    .filter((region) => !excerpt || !isExcerptShorthand(unit.text, region, codeStart));
  const inRegion = rowsCovered(regions);
  for (const region of regions) {
    const first = region.first;
    const message = first.isMissing
      ? `Syntax error: expected \`${first.type}\` here.`
      : `Syntax error: cannot parse \`${preview(first.text)}\`.`;
    context.report({ start: region.start, end: region.end, message });
  }
  for (const error of indentationErrors(unit.tree, unit.text)) {
    if (truncation && error.index >= truncation.startIndex) continue;
    if (excerpt && error.message.startsWith('expected an indented block') && bodyIsOnlyComments(unit.text, error.index)) continue;
    const start = unit.tree.pointAt(error.index);
    if (inRegion(start.row)) continue;
    const lineEnd = unit.text.indexOf('\n', error.index);
    const end = unit.tree.pointAt(lineEnd < 0 ? unit.text.length : lineEnd);
    context.report({ start, end, message: `Indentation error: ${error.message}.` });
  }
  for (const { node, message } of python2Statements(unit.root)) {
    context.report({ node, message: `Syntax error in Python 3: ${message}.` });
  }
  context.flush();
}

/**
 * A test for "this row lies in one of the regions" in logarithmic time (a test per region for
 * each indentation error was quadratic in a file full of both).
 */
function rowsCovered(regions: readonly SyntaxErrorRegion[]): (row: number) => boolean {
  const sorted = [...regions].sort((a, b) => a.start.row - b.start.row);
  // Furthest end row among the regions starting at or before each one.
  const reach: number[] = [];
  for (const region of sorted) reach.push(Math.max(reach[reach.length - 1] ?? -1, region.end.row));
  return (row) => {
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((sorted[middle] as SyntaxErrorRegion).start.row <= row) low = middle + 1;
      else high = middle;
    }
    return low > 0 && (reach[low - 1] as number) >= row;
  };
}

/** `...` for elided code, or a first line that is a dictionary entry cut from its dictionary (nothing but comments before it). */
function isExcerptShorthand(text: string, region: SyntaxErrorRegion, codeStart: number): boolean {
  if (region.first.text.trim().startsWith('...') || /(^|[(,\s])\.\.\.\s*[),]/.test(text.slice(region.startIndex, region.endIndex))) return true;
  const lineStart = text.lastIndexOf('\n', region.startIndex - 1) + 1;
  const line = text.slice(lineStart, text.indexOf('\n', lineStart) < 0 ? text.length : text.indexOf('\n', lineStart));
  return DICTIONARY_ENTRY.test(line) && lineStart <= codeStart;
}

const DICTIONARY_ENTRY = /^\s*(['"])[^'"\n]*\1\s*:/;

/** Where the first line holding code starts (after blank and comment-only lines); the text's length if none does. */
function firstCodeLineStart(text: string): number {
  for (let start = 0; start < text.length; ) {
    const end = text.indexOf('\n', start);
    const line = text.slice(start, end < 0 ? text.length : end).trim();
    if (line !== '' && !line.startsWith('#')) return start;
    if (end < 0) break;
    start = end + 1;
  }
  return text.length;
}

/** The lines after the block opener, up to the next line at its indentation or less, are comments or blank. */
function bodyIsOnlyComments(text: string, nextStatementIndex: number): boolean {
  // Walked back line by line from the statement: only the comments and blank lines before it are read.
  let sawComment = false;
  let sawBody = false;
  for (let end = text.lastIndexOf('\n', nextStatementIndex - 1); end > 0; ) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, end).trim();
    end = start - 1;
    if (line === '' || line.startsWith('#')) {
      sawComment ||= line.startsWith('#');
      sawBody = true;
      continue;
    }
    // The opener itself: its body held nothing but the comments and blank lines just skipped.
    return line.endsWith(':') && sawBody && sawComment;
  }
  return false;
}

function preview(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > MAX_SHOWN ? `${oneLine.slice(0, MAX_SHOWN)}…` : oneLine;
}
