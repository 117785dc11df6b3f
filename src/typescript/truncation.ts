/**
 * Decides whether a TypeScript unit ends mid-construct, and where the unfinished construct
 * starts (mirroring src/python/truncation.ts): text cut inside a string, template literal,
 * comment or bracket, or right after an operator or keyword that needs more, as model answers
 * cut off by their length limit are. A Markdown answer whose last block never closes was cut
 * off too. The syntax-error analysis (syntax-errors.ts) leaves the cut-off tail to this one.
 */
import type { SyntaxNode, Tree } from '../syntax/flat-tree.js';
import type { SourceUnit } from '../syntax/source-unit.js';
import { descendants } from '../syntax/walk.js';
import { isTypeScriptExcerpt } from './excerpts.js';
import { scanTypeScriptOnce, type TypeScriptTailState } from './lexical-scan.js';

export interface TypeScriptTruncation {
  /**
   * Index in the unit's text where the outermost unfinished construct starts: everything from
   * here on is part of what was cut off (syntax errors after it are the cut's, not their own).
   */
  startIndex: number;
  /** Where the innermost unfinished construct starts: the line to show a reader. */
  innermostStartIndex: number;
  /** Index just past the last significant character. */
  endIndex: number;
  reason: string;
  /** Index of the innermost bracket still open at the end, if any. */
  openBracketIndex?: number;
}

/** Keywords after which a declaration, statement or expression cannot end. */
const CONTINUING_KEYWORDS = new Set([
  'as', 'async', 'await', 'case', 'catch', 'class', 'const', 'delete', 'do', 'else', 'enum', 'export', 'extends', 'finally',
  'for', 'from', 'function', 'if', 'implements', 'import', 'in', 'instanceof', 'interface', 'keyof', 'let', 'new', 'of',
  'satisfies', 'switch', 'throw', 'try', 'typeof', 'var', 'void', 'while', 'yield',
]);
/** Operators a complete statement or expression may end with. */
const ENDING_OPERATORS = new Set([')', ']', '}', ';', '++', '--', '!', '>', '>>', '>>>']);
/** Parents whose children are whole statements or class members. */
const STATEMENT_CONTAINERS = new Set(['program', 'statement_block', 'class_body', 'switch_body', 'interface_body', 'object_type', 'ERROR']);

const cache = new WeakMap<Tree, TypeScriptTruncation | null>();

/** The truncation of a TypeScript text, if it ends mid-construct (memoised per tree). */
export function findTypeScriptTruncation(text: string, tree: Tree): TypeScriptTruncation | undefined {
  const cached = cache.get(tree);
  if (cached !== undefined) return cached ?? undefined;
  const result = analyse(text, tree);
  cache.set(tree, result ?? null);
  return result;
}

/**
 * The truncation of a unit: its text cut mid-construct, or, for the last block of a Markdown
 * answer, a block whose closing fence never comes. Only a file's final unit can be cut off, and
 * an excerpt (excerpts.ts) ends where its writer chose.
 */
export function typeScriptUnitTruncation(unit: Pick<SourceUnit, 'text' | 'tree' | 'isFinal' | 'fenceClosed' | 'origin'>): TypeScriptTruncation | undefined {
  if (!unit.isFinal) return undefined;
  const found = isTypeScriptExcerpt(unit) ? undefined : findTypeScriptTruncation(unit.text, unit.tree);
  if (found || unit.fenceClosed) return found;
  const endIndex = unit.text.trimEnd().length;
  const lastLine = unit.text.lastIndexOf('\n', endIndex - 1) + 1;
  const start = lastLine + (/^[ \t]*/.exec(unit.text.slice(lastLine))?.[0].length ?? 0);
  return { startIndex: start, innermostStartIndex: start, endIndex, reason: 'is never closed (no closing ```)' };
}

function analyse(text: string, tree: Tree): TypeScriptTruncation | undefined {
  const root = tree.rootNode;
  // Whatever the scan says, text tree-sitter reads without an error was not cut mid-construct.
  if (!root.hasError) return undefined;
  const tail = scanTypeScriptOnce(tree, text);
  // Text cut inside a literal or comment ends with it; otherwise at the last token.
  const endIndex = tail.openStringAt === undefined && tail.openCommentAt === undefined ? significantEnd(text, tail) : text.trimEnd().length;
  // The outermost bracket the cut left open: one with statements after it at its own indentation was left open mid-file.
  const outermost = tail.openBrackets.find((bracket) => !statementAfter(text, bracket.index));
  const outerStart = (index: number) => statementStart(text, root, Math.min(index, outermost?.index ?? index));
  const at = (index: number, reason: string, openBracketIndex?: number): TypeScriptTruncation => ({
    startIndex: outerStart(index),
    innermostStartIndex: statementStart(text, root, index),
    endIndex,
    reason,
    ...(openBracketIndex === undefined ? {} : { openBracketIndex }),
  });
  if (tail.openCommentAt !== undefined) return at(tail.openCommentAt, 'ends inside an unterminated `/*` comment');
  if (tail.openStringAt !== undefined) {
    const template = text[tail.openStringAt] === '`';
    return at(tail.openStringAt, template ? 'ends inside an unterminated template literal' : 'ends inside an unterminated string');
  }
  // Past this point the parse must be broken up to the end: an error that stops earlier, with
  // clean code after it, is a mid-file syntax error (IAC102), not a cut.
  const error = errorReachingEnd(root, endIndex);
  if (!error) return undefined;
  const last = tail.lastToken;
  const innermost = tail.openBrackets[tail.openBrackets.length - 1];
  if (innermost && !closedAtOuterIndentation(text, tail, innermost) && !statementAfter(text, innermost.index)) {
    const where = innermost.char === '${' ? 'a template literal\'s `${...}`' : `an unclosed \`${innermost.char}\``;
    return at(innermost.index, `ends inside ${where}`, innermost.index);
  }
  if (!last) return undefined;
  if (last.kind === 'operator' && !ENDING_OPERATORS.has(last.text)) return at(last.index, `ends after the operator \`${last.text}\``);
  if (last.kind === 'name' && CONTINUING_KEYWORDS.has(last.text)) return at(last.index, `ends after the keyword \`${last.text}\``);
  // A name, number or string the parse cannot finish a statement with (`import * as pul`,
  // `class TapStack extends pulumi.Comp`); text ending in `;`, `)` or `}` was written to its end.
  if (last.kind !== 'operator') return at(Math.min(error.startIndex, last.index), 'ends mid-statement');
  return undefined;
}

function significantEnd(text: string, tail: TypeScriptTailState): number {
  const last = tail.lastToken;
  return last ? last.index + last.text.length : text.trimEnd().length;
}

/** An ERROR or MISSING node that touches the last significant character. */
function errorReachingEnd(root: SyntaxNode, endIndex: number): SyntaxNode | undefined {
  for (const node of descendants(root)) {
    if ((node.type === 'ERROR' || node.isMissing) && node.endIndex >= endIndex) return node;
  }
  return undefined;
}

function indentationAt(text: string, index: number): number {
  const lineStart = text.lastIndexOf('\n', index - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart))?.[0].length ?? 0;
}

/**
 * True when the text ends with a closing bracket on a line indented no deeper than the line of
 * the outermost bracket still open: a file that closes its outer block at column 0 was written
 * to the end; the bracket missing inside it is a mid-file error.
 */
function closedAtOuterIndentation(text: string, tail: TypeScriptTailState, innermost: { index: number }): boolean {
  const last = tail.lastToken;
  const outermost = tail.openBrackets[0] ?? innermost;
  if (!last || last.kind !== 'operator' || !')]};'.includes(last.text)) return false;
  const lineStart = text.lastIndexOf('\n', last.index - 1) + 1;
  if (!/^[ \t]*[)\]};]+$/.test(text.slice(lineStart, last.index + last.text.length))) return false;
  return indentationAt(text, last.index) <= indentationAt(text, outermost.index);
}

/** A line that starts a declaration or statement. */
const STATEMENT_START = /^(export|import|const|let|var|function|class|interface|type|enum|if|for|while|return|describe|it|test)\b/;

/**
 * True when a line after the bracket's line starts a new statement at the bracket line's
 * indentation or less: the bracket was left open mid-file, the file was not cut there.
 */
function statementAfter(text: string, bracketIndex: number): boolean {
  const openerIndent = indentationAt(text, bracketIndex);
  const nextLine = text.indexOf('\n', bracketIndex);
  if (nextLine < 0) return false;
  return text
    .slice(nextLine + 1)
    .split('\n')
    .some((line) => {
      const indent = /^[ \t]*/.exec(line)?.[0].length ?? 0;
      return indent <= openerIndent && STATEMENT_START.test(line.slice(indent));
    });
}

/** Start of the line holding the outermost statement around `index`, skipping indentation. */
function statementStart(text: string, root: SyntaxNode, index: number): number {
  let node: SyntaxNode | null = root.descendantForIndex(index);
  while (node && node.parent && !STATEMENT_CONTAINERS.has(node.parent.type)) node = node.parent;
  const anchor = node && node.type !== 'program' && node.startIndex <= index ? node.startIndex : index;
  const lineStart = text.lastIndexOf('\n', anchor - 1) + 1;
  return Math.min(lineStart + indentationAt(text, anchor), index);
}
