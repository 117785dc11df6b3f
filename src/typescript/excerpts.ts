/**
 * Markdown answers and their write-ups often show excerpts, not programs: a few properties of an
 * object literal, one class member, or code with parts elided (`// ...`, a bare `...`). Such a
 * block does not parse, by design; reading it as a cut-off or broken program gives false alarms
 * (the human-fixed answers of the TypeScript corpus are full of them).
 */
import type { SourceUnit } from '../syntax/source-unit.js';

/**
 * Elided code: a line of only `...` or `…`, a comment that starts with one (`// ... rest of the
 * stack`), or an ellipsis where an expression should follow (`new aws.rds.SubnetGroup(...)`,
 * `{ cidrBlock, ... }`): a spread always has an operand.
 */
const ELISION = /^[ \t]*(?:\/\/|\/\*)[ \t]*(?:\.\.\.|…)|(?:\.\.\.|…)[ \t]*(?:[)\]},;]|$)/m;
/** A first line valid only inside an object literal, a class body or a method chain: `key: value`, `public readonly x: T;`, `.apply(...)`. */
const MEMBER_FIRST_LINE = /^[ \t]*(?:\.[\w$]|(?:public|private|protected|readonly|static|override)\s+[\w$]|(?:[\w$]+|'[^'\n]*'|"[^"\n]*")\??\s*:(?!:))/;

/** True for a Markdown block that shows an excerpt of a program rather than a whole one. */
export function isTypeScriptExcerpt(unit: Pick<SourceUnit, 'text' | 'tree' | 'origin'>): boolean {
  if (unit.origin !== 'markdown-block' || !unit.tree.rootNode.hasError) return false;
  if (ELISION.test(unit.text)) return true;
  const firstCodeLine = unit.text.split('\n').find((line) => line.trim() !== '' && !/^\s*(\/\/|\/\*|\*)/.test(line)) ?? '';
  return MEMBER_FIRST_LINE.test(firstCodeLine);
}
