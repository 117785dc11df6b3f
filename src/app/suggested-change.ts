/**
 * Where an inline comment goes and whether it carries a GitHub suggested change. Pure: the
 * decision needs the finding, the lines its fix rewrites (computed where the file's text is, in
 * the engine worker: line-fixes.ts) and the file's changed lines.
 *
 * A fix becomes a ```suggestion block only when every line it rewrites is one the change added
 * on the RIGHT side: "Commit suggestion" would otherwise rewrite lines the author did not write
 * (or GitHub refuses a range outside the hunk). The comment then spans exactly those lines.
 * Otherwise the comment stays where the finding is and describes the fix in words.
 */
import type { Finding } from '../api/types.js';
import type { LineReplacement } from '../core/apply-fixes.js';
import { allAdded, anchorFor, type Anchor, type ChangedLines } from '../diff/changed-lines.js';

export interface CommentPlacement {
  anchor: Anchor;
  /** The new text of the anchored lines (one entry per line; empty: delete them). */
  suggestion?: readonly string[];
  /** Why a finding's fix is described in words instead of suggested. */
  fixNotSuggested?: string;
}

const lineSpan = (from: number, to: number): string => (from === to ? `line ${from}` : `lines ${from}-${to}`);

/**
 * The comment's place, or undefined when the finding touches no added line (it belongs to the
 * summary: the change did not write that code, and a suggestion cannot change that).
 */
export function placeComment(finding: Finding, changed: ChangedLines, replacement: LineReplacement | undefined): CommentPlacement | undefined {
  const anchor = anchorFor(changed, finding.line, finding.endLine);
  if (!anchor) return undefined;
  if (!finding.fix) return { anchor };
  if (!replacement) return { anchor, fixNotSuggested: 'its edits could not be laid over whole lines of the file' };
  const { startLine, endLine, lines } = replacement;
  if (!allAdded(changed, startLine, endLine)) {
    return { anchor, fixNotSuggested: `it rewrites ${lineSpan(startLine, endLine)}, and not all of them are lines this change added` };
  }
  return { anchor: endLine > startLine ? { startLine, line: endLine } : { line: endLine }, suggestion: lines };
}
