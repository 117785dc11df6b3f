/**
 * Placeholders in TypeScript, read with Python's comment vocabulary (src/python/placeholders.ts):
 * comments standing in for code (`// ... rest of implementation`), and function bodies that are
 * a stub: empty with a TODO comment, or only `throw new Error('Not implemented')`.
 */
import { isPlaceholderComment, isTodoComment } from '../syntax/placeholder-comments.js';
import type { SyntaxNode } from '../syntax/flat-tree.js';

/** `// text`, `/* text *\/` and `/** text *\/` read as the `# text` the shared patterns expect. */
function asHashComment(text: string): string {
  const body = text.startsWith('//') ? text.replace(/^\/\/+/, '') : text.replace(/^\/\*+/, '').replace(/\*\/$/, '').replace(/\*$/, '');
  return `# ${body.split('\n').map((line) => line.replace(/^\s*\*(?!\/)\s?/, '')).join('\n').trim()}`;
}

export function isTypeScriptPlaceholderComment(text: string): boolean {
  return isPlaceholderComment(asHashComment(text));
}

export function isTypeScriptTodoComment(text: string): boolean {
  return isTodoComment(asHashComment(text));
}

const NOT_IMPLEMENTED = /not (yet )?implemented|\bTODO\b|\bimplement (me|this)\b/i;

export type TypeScriptStub = { kind: 'empty'; todo: SyntaxNode } | { kind: 'not-implemented'; node: SyntaxNode };

/**
 * What a function body consists of when it is a stub: no statement but a TODO comment, or only
 * a `throw` of an error that says it is not implemented. Undefined otherwise (an empty body
 * without a TODO is a deliberate no-op).
 */
export function typeScriptStub(body: SyntaxNode): TypeScriptStub | undefined {
  const children = body.namedChildren;
  const statements = children.filter((child) => child.type !== 'comment');
  if (statements.length === 0) {
    const todo = children.find((child) => child.type === 'comment' && (isTypeScriptTodoComment(child.text) || isTypeScriptPlaceholderComment(child.text)));
    return todo ? { kind: 'empty', todo } : undefined;
  }
  const only = statements[0];
  if (statements.length !== 1 || only?.type !== 'throw_statement') return undefined;
  const thrown = only.namedChildren[0];
  if (thrown?.type !== 'new_expression' && thrown?.type !== 'call_expression') return undefined;
  const argument = thrown.childForFieldName('arguments')?.namedChildren[0];
  return argument && NOT_IMPLEMENTED.test(argument.text) ? { kind: 'not-implemented', node: only } : undefined;
}
