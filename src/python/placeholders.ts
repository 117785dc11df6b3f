/**
 * Recognising placeholders in generated code: stub bodies (`...`, `pass  # TODO`,
 * `raise NotImplementedError`) and comments that stand in for code that was never written
 * (`# ... rest of implementation`, `# [Complete implementation with all methods...]`).
 */
import { classBaseNames, decoratorNames, statementsAfterDocstring } from './definitions.js';
import type { ImportTable } from './names.js';
import type { SyntaxNode } from './parser.js';
import { closestAncestor } from '../syntax/walk.js';

export { isPlaceholderComment, isTodoComment } from '../syntax/placeholder-comments.js';

export type StubKind = 'ellipsis' | 'pass' | 'not-implemented';

/** What a block consists of when it is only a stub statement (after any docstring), else undefined. */
export function stubStatement(body: SyntaxNode | null | undefined): { kind: StubKind; node: SyntaxNode } | undefined {
  const statements = statementsAfterDocstring(body);
  if (statements.length !== 1) return undefined;
  const only = statements[0] as SyntaxNode;
  if (only.type === 'pass_statement') return { kind: 'pass', node: only };
  if (only.type === 'expression_statement' && only.namedChildren.length === 1 && only.namedChildren[0]?.type === 'ellipsis') {
    return { kind: 'ellipsis', node: only };
  }
  if (only.type === 'raise_statement') {
    const raised = only.namedChildren[0];
    const name = raised?.type === 'call' ? raised.childForFieldName('function')?.text : raised?.text;
    if (name === 'NotImplementedError' || name === 'builtins.NotImplementedError') return { kind: 'not-implemented', node: only };
  }
  return undefined;
}

const ABSTRACT_DECORATORS = /(^|\.)(abstractmethod|abstractproperty|abstractclassmethod|abstractstaticmethod|overload)$/;
const INTERFACE_BASES = /(^|\.)(Protocol|ABC|ABCMeta|Generic)$/;

/**
 * True when a stub body is the normal way to write this definition: abstract methods,
 * `@overload` signatures, methods of Protocol/ABC classes, and anything under
 * `if TYPE_CHECKING:`.
 */
export function isLegitimateStub(fn: SyntaxNode, imports: ImportTable): boolean {
  if (decoratorNames(fn, imports).some((name) => ABSTRACT_DECORATORS.test(name))) return true;
  const klass = closestAncestor(fn, ['class_definition', 'function_definition']);
  if (klass?.type === 'class_definition' && classBaseNames(klass, imports).some((name) => INTERFACE_BASES.test(name))) return true;
  for (let node = fn.parent; node; node = node.parent) {
    if (node.type === 'if_statement' && /^(typing\.)?TYPE_CHECKING$/.test(node.childForFieldName('condition')?.text ?? '')) return true;
  }
  return false;
}

/** Exception classes (`class ConfigError(Exception): pass`) are complete with an empty body. */
export function isExceptionClass(klass: SyntaxNode, imports: ImportTable): boolean {
  return classBaseNames(klass, imports).some((name) => /(Error|Exception|Warning)$/.test(name));
}

/**
 * Comment nodes starting on the given rows whose text satisfies `test` (the first one per row),
 * found by binary search in the tree's index of comments: no node walk, no rescan of the lines
 * (testing every `#` of a line, strings included, was quadratic in the line's length), and a
 * narrow row range costs only the comments in it.
 */
export function commentsWhere(root: SyntaxNode, lines: readonly string[], test: (text: string) => boolean, fromRow = 0, toRow = lines.length - 1): SyntaxNode[] {
  const found: SyntaxNode[] = [];
  const tree = root.tree;
  const comments = tree.indicesOfType('comment', root.index, root.subtreeEnd);
  const rowOf = (position: number) => tree.node(comments[position] as number).startPosition.row;
  let low = 0;
  let high = comments.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (rowOf(middle) < fromRow) low = middle + 1;
    else high = middle;
  }
  let lastRow = -1;
  for (let position = low; position < comments.length; position++) {
    const row = rowOf(position);
    if (row > toRow) break;
    if (row === lastRow) continue;
    const comment = tree.node(comments[position] as number);
    if (!test(comment.text)) continue;
    found.push(comment);
    lastRow = row;
  }
  return found;
}
