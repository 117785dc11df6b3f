/**
 * IAC101: a file (or the last Markdown code block) that ends mid-construct: the model's
 * answer was cut off. The seed's case is an integration test cut inside a `with` statement.
 * Python and TypeScript each have their own reading of where a cut starts
 * (src/python/truncation.ts, src/typescript/truncation.ts); how an answer ends is shared.
 */
import type { ModelRule, UnitContext } from '../src/api/rule.js';
import type { AnswerFacts, SourceUnit } from '../src/syntax/source-unit.js';
import { pointAt } from '../src/syntax/positions.js';
import { findTruncation } from '../src/python/truncation.js';
import { typeScriptUnitTruncation } from '../src/typescript/truncation.js';

type Reporter = Pick<UnitContext, 'report'>;
/** Reports the unit's cut (`where` names the file or block); true when it found one. */
type CutOffCheck = (unit: SourceUnit, where: string, context: Reporter) => boolean;

/** Open brackets named one by one in a message; more are named by the outermost and innermost. */
const MAX_BRACKETS_NAMED = 3;

export const truncatedFile: ModelRule = {
  meta: {
    id: 'IAC101',
    name: 'truncated-file',
    title: 'Truncated or incomplete file',
    category: 'Code Generation',
    severity: 'error',
    why: 'A response cut off mid-statement is not executable: the file cannot be imported, tested or deployed, and what is missing is unknown.',
    fix: 'Regenerate or finish the file so every statement, bracket, string and block is complete; ask for long files in parts.',
    badExample: 'def test_lambda_handler():\n    with open("lib/lambda/handler.py") as f:',
    goodExample: 'def test_lambda_handler():\n    with open("lib/lambda/handler.py") as f:\n        source = f.read()\n    assert "def handler" in source',
    seed: { report: 'model-failure-analysis', section: 'Incomplete Code Delivery' },
    languages: ['python', 'typescript'],
  },
  scope: 'model',
  visitors: {
    python: (context) => ({ 'unit:exit': () => checkUnit(context.unit, context, checkPythonCutOff, 'Python') }),
    typescript: (context) => ({ 'unit:exit': () => checkUnit(context.unit, context, checkTypeScriptCutOff, 'TypeScript') }),
  },
};

function checkUnit(unit: SourceUnit, context: Reporter, cutOff: CutOffCheck, language: string): void {
  if (!unit.isFinal) return;
  if (unit.origin === 'markdown-block') checkAnswerEnd(unit, context, cutOff, language);
  else cutOff(unit, 'The file', context);
}

/**
 * An answer is cut off where it ends: in its last Python block only when nothing but blank
 * lines follows that block (prose or another block after it means the model went on), or in a
 * block of another language the answer ends inside.
 */
function checkAnswerEnd(unit: SourceUnit, context: Reporter, cutOff: CutOffCheck, language: string): void {
  const answer = unit.answer;
  for (const cut of answer?.nestedCuts ?? []) reportNestedCut(unit, cut, context);
  const tail = answer?.unclosedTail;
  // The answer ends inside this very block: the language's own reading says where the cut is.
  const ownBlock = tail !== undefined && tail.fenceLine + 1 === unit.lineOffset;
  if (tail && !ownBlock) {
    const row = tail.endLine - unit.lineOffset;
    context.report({
      start: { row, column: 0 },
      end: { row, column: 10_000 },
      message: `The answer ends inside a \`${tail.language}\` code block (opened on line ${tail.fenceLine + 1}) that is never closed: it was cut off.`,
    });
    return;
  }
  if (!unit.endsFile && !ownBlock) return;
  if (cutOff(unit, `The last ${language} code block`, context)) return;
  if (!unit.fenceClosed) {
    const end = pointAt(unit.text, unit.text.trimEnd().length);
    context.report({
      start: { row: Math.max(0, end.row), column: 0 },
      end,
      severity: 'warning',
      message: `The answer ends inside this ${language} code block (no closing \`\`\`): its last statement is complete, but the answer may have been cut off after it.`,
    });
  }
}

/** A README (or other Markdown file) of the answer cut short by the closing fence of a block nested in it. */
function reportNestedCut(unit: SourceUnit, cut: AnswerFacts['nestedCuts'][number], context: Reporter): void {
  const row = cut.closingLine - unit.lineOffset;
  const what = cut.file ? `\`${cut.file}\`` : 'the file';
  context.report({
    start: { row, column: 0 },
    end: { row, column: 10_000 },
    severity: 'warning',
    message: `The \`${cut.language}\` block for ${what} (opened on line ${cut.fenceLine + 1}) is closed here, early, by the closing fence of the block nested in it on line ${cut.innerFenceLine + 1}: the rest of ${what} falls outside the block. Fence the outer block with more backticks than the blocks inside it.`,
  });
}

/** Reports a Python unit that ends mid-construct; true when it does. */
function checkPythonCutOff(unit: SourceUnit, where: string, context: Reporter): boolean {
  const truncation = findTruncation(unit.text, unit.tree);
  if (!truncation) return false;
  const line = (index: number) => unit.lineOffset + pointAt(unit.text, index).row + 1;
  const start = pointAt(unit.text, truncation.startIndex);
  let reason = `${truncation.reason}: it was cut off mid-construct`;
  const brackets = truncation.openBrackets;
  if (brackets.length > 0) {
    // The report starts at the statement the outermost bracket belongs to; name the brackets left open.
    const named = (bracket: { char: string; index: number }) => `\`${bracket.char}\` (line ${line(bracket.index)})`;
    const first = brackets[0] as { char: string; index: number };
    const last = brackets[brackets.length - 1] as { char: string; index: number };
    const open = brackets.length <= MAX_BRACKETS_NAMED ? `${brackets.map(named).join(', ')} never closed` : `${brackets.length} brackets never closed, from ${named(first)} to ${named(last)}`;
    reason = `ends in the middle of the statement starting on line ${unit.lineOffset + start.row + 1}, with ${open}: it was cut off mid-construct`;
  }
  context.report({ start, end: pointAt(unit.text, truncation.endIndex), message: `${where} ${reason}.` });
  return true;
}

/** Reports a TypeScript unit that ends mid-construct; true when it does. */
function checkTypeScriptCutOff(unit: SourceUnit, where: string, context: Reporter): boolean {
  // A block left without its closing fence is judged by the answer's end (above), not as a cut here.
  const truncation = typeScriptUnitTruncation({ ...pick(unit), fenceClosed: true });
  if (!truncation) return false;
  const start = pointAt(unit.text, truncation.startIndex);
  let reason = `${truncation.reason}: it was cut off mid-construct`;
  const innermost = pointAt(unit.text, truncation.innermostStartIndex);
  if (truncation.openBracketIndex !== undefined && innermost.row !== start.row) {
    const bracketLine = unit.lineOffset + pointAt(unit.text, truncation.openBracketIndex).row + 1;
    reason = `ends in the middle of the statement starting on line ${unit.lineOffset + start.row + 1} (${truncation.reason.replace(/^ends /, '')}, opened on line ${bracketLine}): it was cut off mid-construct`;
  }
  context.report({ start, end: pointAt(unit.text, truncation.endIndex), message: `${where} ${reason}.` });
  return true;
}

function pick(unit: SourceUnit): Pick<SourceUnit, 'text' | 'tree' | 'isFinal' | 'fenceClosed' | 'origin'> {
  return { text: unit.text, tree: unit.tree, isFinal: unit.isFinal, fenceClosed: unit.fenceClosed, origin: unit.origin };
}
