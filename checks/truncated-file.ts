/**
 * IAC101: a file (or the last Markdown code block) that ends mid-construct: the model's
 * answer was cut off. The seed's case is an integration test cut inside a `with` statement.
 */
import type { FileRule } from '../src/api/rule.js';
import { pointAt } from '../src/syntax/positions.js';
import { findTruncation } from '../src/python/truncation.js';

export const truncatedFile: FileRule = {
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
  },
  scope: 'file',
  check(unit, context) {
    if (!unit.isFinal) return;
    const truncation = findTruncation(unit.text, unit.tree);
    const where = unit.origin === 'markdown-block' ? 'The last Python code block' : 'The file';
    if (truncation) {
      let reason = truncation.reason;
      if (truncation.openBracketIndex !== undefined) {
        reason += ` opened on line ${unit.lineOffset + pointAt(unit.text, truncation.openBracketIndex).row + 1}`;
      }
      context.report({
        start: pointAt(unit.text, truncation.startIndex),
        end: pointAt(unit.text, truncation.endIndex),
        message: `${where} ${reason}: it was cut off mid-construct.`,
      });
      return;
    }
    if (!unit.fenceClosed) {
      const end = pointAt(unit.text, unit.text.trimEnd().length);
      context.report({
        start: { row: Math.max(0, end.row), column: 0 },
        end,
        message: 'The last Python code block is never closed (no closing ```): the answer was cut off.',
      });
    }
  },
};
