/**
 * Decides whether a Python unit ends mid-construct, and where the unfinished construct
 * starts. Shared by the truncation detector (IAC101) and the syntax-error detector (IAC102),
 * which must not report the cut-off tail a second time.
 */
import { parsePython, type SyntaxNode, type Tree } from './parser.js';
import { scanPythonOnce, type TailState } from './lexical-scan.js';
import { descendants } from '../syntax/walk.js';

export interface Truncation {
  /** Index in the unit's text where the unfinished construct starts. */
  startIndex: number;
  /** Index just past the last significant character. */
  endIndex: number;
  reason: string;
  /** Brackets still open at the end, outermost first (empty when the cut is not inside one). */
  openBrackets: readonly { char: string; index: number }[];
}

/** Keywords after which a statement cannot end. */
const CONTINUING_KEYWORDS = new Set([
  'and', 'as', 'assert', 'async', 'await', 'class', 'def', 'del', 'elif', 'else', 'except', 'finally',
  'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'try', 'while', 'with',
]);
const CLOSING = new Set([')', ']', '}', '...']);

/** Parents whose children are whole statements. */
const STATEMENT_CONTAINERS = new Set(['block', 'module', 'ERROR']);
/** Clauses of compound statements, reported on their own line (`else:` rather than its `if`). */
const CLAUSES = new Set(['else_clause', 'elif_clause', 'except_clause', 'finally_clause', 'case_clause']);

const cache = new WeakMap<Tree, Truncation | null>();

export function findTruncation(text: string, tree: Tree): Truncation | undefined {
  const cached = cache.get(tree);
  if (cached !== undefined) return cached ?? undefined;
  const result = analyse(text, tree);
  cache.set(tree, result ?? null);
  return result;
}

const beforeCut = new WeakMap<Tree, Tree | null>();

/**
 * The parse of the code before the cut of a truncated unit: a file cut inside a bracket leaves
 * tree-sitter unable to build even the classes that were complete, and rules that judge classes
 * or statements can read those here. Undefined when the unit is not cut off.
 */
export function parsedBeforeCut(text: string, tree: Tree): Tree | undefined {
  let parsed = beforeCut.get(tree);
  if (parsed === undefined) {
    const truncation = findTruncation(text, tree);
    parsed = truncation && truncation.startIndex > 0 ? parsePython(text.slice(0, truncation.startIndex)) : null;
    beforeCut.set(tree, parsed);
  }
  return parsed ?? undefined;
}

function analyse(text: string, tree: Tree): Truncation | undefined {
  const root = tree.rootNode;
  const tail = scanPythonOnce(tree, text);
  const last = tail.lastToken;
  const endIndex = significantEnd(text, tail);
  if (tail.openStringAt !== undefined) {
    return { startIndex: tail.openStringAt, endIndex: text.trimEnd().length, reason: 'ends inside an unterminated string', openBrackets: [] };
  }
  const innermost = tail.openBrackets[tail.openBrackets.length - 1];
  // A bracket left open far from the end, with tree-sitter recovering clean statements after
  // it, is a mid-file syntax error (IAC102); a cut-off file leaves the parse broken to the end.
  if (innermost && errorReachingEnd(root, endIndex) && !statementAfter(text, innermost.index)) {
    const outermost = tail.openBrackets[0] ?? innermost;
    return {
      startIndex: statementStart(text, root, outermost.index),
      endIndex,
      reason: `ends inside an unclosed \`${innermost.char}\``,
      openBrackets: tail.openBrackets,
    };
  }
  if (!last) return undefined;
  if (last.kind === 'continuation') {
    return { startIndex: statementStart(text, root, last.index), endIndex, reason: 'ends with a line continuation `\\`', openBrackets: [] };
  }
  if (last.kind === 'operator' && last.text === ':') {
    return { startIndex: statementStart(text, root, last.index), endIndex, reason: 'ends after a block opener with no body', openBrackets: [] };
  }
  if (last.kind === 'operator' && last.text === ',') {
    return { startIndex: statementStart(text, root, last.index), endIndex, reason: 'ends after a trailing comma', openBrackets: [] };
  }
  // `from module import *` ends with a star that is no operator.
  if (last.kind === 'operator' && last.text === '*' && /\bimport[ \t]*$/.test(text.slice(0, last.index))) return undefined;
  if (last.kind === 'operator' && !CLOSING.has(last.text) && last.text !== ';') {
    return { startIndex: statementStart(text, root, last.index), endIndex, reason: `ends after the operator \`${last.text}\``, openBrackets: [] };
  }
  if (last.kind === 'name' && CONTINUING_KEYWORDS.has(last.text)) {
    return { startIndex: statementStart(text, root, last.index), endIndex, reason: `ends after the keyword \`${last.text}\``, openBrackets: [] };
  }
  const lastLine = tail.logicalLines[tail.logicalLines.length - 1];
  if (lastLine && text[lastLine.start] === '@') {
    return { startIndex: statementStart(text, root, lastLine.start), endIndex, reason: 'ends after a decorator with nothing to decorate', openBrackets: [] };
  }
  return undefined;
}

function significantEnd(text: string, tail: TailState): number {
  const last = tail.lastToken;
  return last ? last.index + last.text.length : text.trimEnd().length;
}

const STATEMENT_START = /^(def|class|if|for|while|with|try|import|from|return|async|@)\b|^[A-Za-z_][\w.]*\s*(=[^=]|\+=|\()/;

/**
 * True when a line after the bracket's line starts a new statement at the bracket line's
 * indentation or less: the bracket was left open mid-file, the file was not cut there.
 */
function statementAfter(text: string, bracketIndex: number): boolean {
  const lineStart = text.lastIndexOf('\n', bracketIndex - 1) + 1;
  const openerIndent = /^[ \t]*/.exec(text.slice(lineStart))?.[0].length ?? 0;
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

/** An ERROR or MISSING node that touches the last significant character. */
function errorReachingEnd(root: SyntaxNode, endIndex: number): SyntaxNode | undefined {
  if (!root.hasError) return undefined;
  for (const node of descendants(root)) {
    if ((node.type === 'ERROR' || node.isMissing) && node.endIndex >= endIndex) return node;
  }
  return undefined;
}

/** Start of the line holding the outermost statement around `index`, skipping indentation. */
function statementStart(text: string, root: SyntaxNode, index: number): number {
  let node: SyntaxNode | null = root.descendantForIndex(index);
  while (node && node.parent && !STATEMENT_CONTAINERS.has(node.parent.type) && !CLAUSES.has(node.type)) {
    node = node.parent;
  }
  const anchor = node && node.type !== 'module' && node.startIndex <= index ? node.startIndex : index;
  const lineStart = text.lastIndexOf('\n', anchor - 1) + 1;
  const indent = /^[ \t]*/.exec(text.slice(lineStart))?.[0].length ?? 0;
  return Math.min(lineStart + indent, index);
}
