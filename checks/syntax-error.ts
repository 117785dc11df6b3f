/**
 * IAC102: syntax errors in the middle of a file, one finding per broken region. A file that
 * is only broken at its very end was cut off: that is IAC101's finding, not this one.
 */
import type { FileRule } from '../src/api/rule.js';
import { indentationErrors } from '../src/python/indentation.js';
import { pointAt } from '../src/syntax/positions.js';
import { python2Statements, syntaxErrorRegions } from '../src/python/syntax-errors.js';
import { findTruncation } from '../src/python/truncation.js';

const MAX_SHOWN = 40;

export const syntaxError: FileRule = {
  meta: {
    id: 'IAC102',
    name: 'syntax-error',
    title: 'Syntax error',
    category: 'Code Generation',
    severity: 'error',
    why: 'Code that does not parse fails before any resource is created; missing brackets and wrong indentation are common in generated code.',
    fix: 'Fix the syntax at the reported position (brackets, colons, indentation), then run `python -m py_compile` on the file.',
    badExample: 'def create_vpc(self:\n    return aws.ec2.Vpc("main", cidr_block="10.0.0.0/16")',
    goodExample: 'def create_vpc(self):\n    return aws.ec2.Vpc("main", cidr_block="10.0.0.0/16")',
    seed: { report: 'model-failures-tracking', section: 'Syntax Errors / Python Syntax Errors' },
  },
  scope: 'file',
  check(unit, context) {
    const truncation = unit.isFinal ? findTruncation(unit.text, unit.tree) : undefined;
    const regions = syntaxErrorRegions(unit.root).filter((region) => !truncation || region.endIndex < truncation.startIndex);
    for (const region of regions) {
      const first = region.first;
      const message = first.isMissing
        ? `Syntax error: expected \`${first.type}\` here.`
        : `Syntax error: cannot parse \`${preview(first.text)}\`.`;
      context.report({ start: region.start, end: region.end, message });
    }
    for (const error of indentationErrors(unit.tree, unit.text)) {
      if (truncation && error.index >= truncation.startIndex) continue;
      const start = pointAt(unit.text, error.index);
      if (regions.some((region) => start.row >= region.start.row && start.row <= region.end.row)) continue;
      const lineEnd = unit.text.indexOf('\n', error.index);
      const end = pointAt(unit.text, (lineEnd < 0 ? unit.text.length : lineEnd));
      context.report({ start, end, message: `Indentation error: ${error.message}.` });
    }
    for (const { node, message } of python2Statements(unit.root)) {
      context.report({ node, message: `Syntax error in Python 3: ${message}.` });
    }
  },
};

function preview(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > MAX_SHOWN ? `${oneLine.slice(0, MAX_SHOWN)}…` : oneLine;
}
