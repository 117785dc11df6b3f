/**
 * `# iac-review: ignore[IAC307] reason` (`// iac-review: ...` in TypeScript) on the line of a
 * finding, or alone on the line above it, silences that rule there. There is deliberately no
 * ignore-everything form.
 */
import type { SourceUnit } from '../syntax/source-unit.js';
import { descendantsOfType } from '../syntax/walk.js';
import { getOrCompute } from '../syntax/memo-table.js';

export interface Suppression {
  path: string;
  /** 1-based line of the comment. */
  line: number;
  column: number;
  endColumn: number;
  /** 1-based line whose findings it silences. */
  targetLine: number;
  ruleIds: string[];
  reason: string;
  text: string;
}

const DIRECTIVE = /iac-review:\s*ignore\b(?:\[([^\]]*)\])?(.*)$/;

function parseDirective(commentText: string): { ruleIds: string[]; reason: string } | undefined {
  const match = DIRECTIVE.exec(commentText);
  if (!match) return undefined;
  const ruleIds = (match[1] ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean);
  return { ruleIds, reason: (match[2] ?? '').trim() };
}

/**
 * Suppression comments in a unit (comment nodes only: never strings). Both grammars call them
 * `comment`; a TypeScript block comment's closing `*\/` is not part of the reason, and one alone
 * on its lines silences the line after its end.
 */
export function suppressionsInUnit(unit: SourceUnit): Suppression[] {
  const found: Suppression[] = [];
  const lines = unit.text.split('\n');
  for (const comment of descendantsOfType(unit.root, 'comment')) {
    const directive = parseDirective(comment.text.replace(/\*\/$/, ''));
    if (!directive) continue;
    const row = comment.startPosition.row;
    const before = (lines[row] ?? '').slice(0, comment.startPosition.column);
    const standalone = before.trim() === '';
    const line = unit.lineOffset + row + 1;
    const endLine = unit.lineOffset + comment.endPosition.row + 1;
    found.push({
      path: unit.path,
      line,
      column: unit.columnOffset + comment.startPosition.column + 1,
      endColumn: unit.columnOffset + comment.endPosition.column + 1,
      targetLine: standalone ? endLine + 1 : line,
      text: comment.text,
      ...directive,
    });
  }
  return found;
}

/** Suppression comments in `#`-comment text formats (requirements.txt, Pipfile, TOML, YAML). */
export function suppressionsInHashCommentText(path: string, text: string): Suppression[] {
  const found: Suppression[] = [];
  text.split(/\r?\n/).forEach((lineText, index) => {
    const hash = lineText.search(/(^|\s)#/);
    if (hash < 0) return;
    const commentStart = lineText.indexOf('#', hash);
    const directive = parseDirective(lineText.slice(commentStart));
    if (!directive) return;
    const line = index + 1;
    found.push({
      path,
      line,
      column: commentStart + 1,
      endColumn: lineText.length + 1,
      targetLine: lineText.slice(0, commentStart).trim() === '' ? line + 1 : line,
      text: lineText.slice(commentStart),
      ...directive,
    });
  });
  return found;
}

/** Suppressed rule IDs by path and line, so looking a finding up is constant time. */
export type SuppressionIndex = ReadonlyMap<string, ReadonlyMap<number, ReadonlySet<string>>>;

export function suppressionIndex(suppressions: readonly Suppression[]): SuppressionIndex {
  const index = new Map<string, Map<number, Set<string>>>();
  for (const suppression of suppressions) {
    const byLine = getOrCompute(index, suppression.path, () => new Map<number, Set<string>>());
    for (const line of new Set([suppression.line, suppression.targetLine])) {
      const ids = getOrCompute(byLine, line, () => new Set<string>());
      for (const id of suppression.ruleIds) ids.add(id);
    }
  }
  return index;
}

/** True when `ruleId` at `path:line` is silenced by a suppression on that line or the line above. */
export function isSuppressed(index: SuppressionIndex, ruleId: string, path: string, line: number): boolean {
  return index.get(path)?.get(line)?.has(ruleId) ?? false;
}
