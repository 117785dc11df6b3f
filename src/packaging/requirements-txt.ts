/**
 * requirements*.txt files for python-manifests.ts: one PEP 508 requirement per logical line,
 * `-r` includes, `-e` editable installs and pip options that name no package.
 */
import { entry, type InvalidRequirement, type Requirement } from './manifest-model.js';
import { eggName, parseRequirement } from './pep508.js';

export interface RequirementsText {
  kind: 'requirements';
  requirements: Requirement[];
  invalid: InvalidRequirement[];
  includes: string[];
  opaque: boolean;
  declaresDependencies: boolean;
}

/** Splits the text into logical lines (joining `\` continuations), remembering where each starts. */
function logicalLines(text: string): { text: string; line: number }[] {
  const physical = text.split(/\r?\n/);
  const lines: { text: string; line: number }[] = [];
  for (let index = 0; index < physical.length; index++) {
    const start = index;
    let current = physical[index] ?? '';
    while (current.endsWith('\\') && index + 1 < physical.length) {
      index++;
      current = current.slice(0, -1) + (physical[index] ?? '');
    }
    lines.push({ text: current, line: start + 1 });
  }
  return lines;
}

function stripComment(line: string): string {
  if (/^\s*#/.test(line)) return '';
  const match = /\s#/.exec(line);
  return match ? line.slice(0, match.index) : line;
}

export function parseRequirementsText(text: string): RequirementsText {
  const result: RequirementsText = { kind: 'requirements', requirements: [], invalid: [], includes: [], opaque: false, declaresDependencies: true };
  for (const logical of logicalLines(text)) {
    const content = stripComment(logical.text);
    const trimmed = content.trim();
    if (trimmed === '') continue;
    const column = content.length - content.trimStart().length + 1;
    if (trimmed.startsWith('-')) {
      const option = /^(-r|--requirement|-c|--constraint|-e|--editable)(?:\s*=\s*|\s+|(?=[^\s-]))(\S.*)$/.exec(trimmed);
      if (!option) continue; // --index-url, --pre, -f ... do not name packages
      const [, flag, value = ''] = option;
      if (flag === '-r' || flag === '--requirement') result.includes.push(value.trim());
      if (flag === '-e' || flag === '--editable') {
        const name = eggName(value);
        if (name) result.requirements.push(entry(name, [], [], false, undefined, trimmed, logical.line, column, 'requirements'));
        else result.opaque = true;
      }
      continue;
    }
    // Per-requirement options (`--hash=...`) follow the requirement.
    const requirementText = trimmed.replace(/(?<!\s)\s+--[a-z][\s\S]*$/, '');
    const parsed = parseRequirement(requirementText);
    if (parsed.kind === 'unknown') {
      result.opaque = true;
    } else if (parsed.kind === 'invalid') {
      result.invalid.push({ text: requirementText, reason: parsed.reason, line: logical.line, column, endColumn: column + requirementText.length });
    } else {
      result.requirements.push(
        entry(parsed.name, parsed.extras, parsed.specifiers, parsed.constraintKnown, parsed.marker, requirementText, logical.line, column, 'requirements'),
      );
    }
  }
  return result;
}
