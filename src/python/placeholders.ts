/**
 * Recognising placeholders in generated code: stub bodies (`...`, `pass  # TODO`,
 * `raise NotImplementedError`) and comments that stand in for code that was never written
 * (`# ... rest of implementation`, `# [Complete implementation with all methods...]`).
 */
import { classBaseNames, decoratorNames, statementsAfterDocstring } from './definitions.js';
import type { ImportTable } from './names.js';
import type { SyntaxNode } from './parser.js';
import { closestAncestor } from '../syntax/walk.js';

/** A comment saying work is still to be done. */
const TODO_COMMENT = /\b(TODO|FIXME|TBD)\b|\bimplement(ation)?\b|\bplaceholder\b|\bnot (yet )?implemented\b|\b(add|fill in|put|insert|write) (the |your )?(code|logic|implementation)\b/i;

/** A comment saying a stub is deliberate. */
const NOOP_COMMENT = /\bno(?:t)?\s+(?:implementation\s+)?(?:needed|required)\b|\bintentional(?:ly)?\b|\bno-?op\b|\bnothing to do\b/i;

/** What placeholder comments say is missing. */
const MISSING = String.raw`(?:resources?|methods?|functions?|code|logic|components?|services?|infrastructure|stacks?|modules?|tests?|implementations?|handlers?|features?|functionality|classes)`;

/** Comments that stand in for code (each pattern needs a marker that code is missing). */
const PLACEHOLDER_COMMENTS: readonly RegExp[] = [
  // `# ... rest of implementation`, `# ... existing code ...`, `# … (omitted)`
  /^#+\s*(?:\.{3}|…)\s*\(?\s*(?:the\s+)?(?:rest|remaining|more|other|existing|additional|previous|omitted|etc|continue[sd]?|code|implementation|methods?|resources?)\b/i,
  // `# ... (Include all other existing methods from the original script)`
  /^#+\s*(?:\.{3}|…)\s*\(/,
  // `# [Complete implementation with all methods...]`, `# [Rest of the code remains the same]`
  /^#+\s*\[[^\]]*\b(?:rest|remaining|omitted|implementation|implement|unchanged|remains|truncated|continues?|continued|same as (?:above|before))\b[^\]]*(?:\]|\.{3}|…)?\s*$/i,
  // `# Add more resources here`, `# Add additional methods as needed`, `# Implement other handlers similarly`
  new RegExp(
    String.raw`^#+\s*(?:TODO:?\s*)?(?:add|insert|put|define|create|implement|include|write)\s+(?:more|additional|other|remaining|further|the rest of(?: the)?|any other|the remaining)\s+(?:\w+\s+)?${MISSING}\b.*\b(?:here|as needed|as required|if needed|similarly)\b`,
    'i',
  ),
  // `# Rest of the code remains the same`, `# rest of implementation here`
  /\b(?:rest|remainder) of (?:the )?(?:implementation|code|methods|class|file|resources|stack|configuration|logic|infrastructure)\b.*(?:\bremains (?:the same|unchanged|as (?:is|before))|\bunchanged\b|\bomitted\b|\bhere\b|\bgoes\b|\bwould\b|\.{3}|…|\bcontinues\b|\bas (?:before|above)\b)/i,
  /^#+\s*(?:\.{3}|…)?\s*(?:the\s+)?(?:rest|remainder) of (?:the )?(?:implementation|code|methods|class|file)\s*(?:\.{3}|…)?\s*$/i,
  // `# (omitted for brevity)`, `# other methods truncated`
  /\b(?:omitted|truncated|elided|left out|not shown)\s+(?:for|due to)\s+(?:brevity|clarity|space|length)\b/i,
  new RegExp(String.raw`\b(?:rest|remaining\s+\w+|other\s+\w+|${MISSING}|details)\s+(?:are\s+|is\s+)?(?:omitted|truncated|elided|not shown|left out)\b`, 'i'),
  // `# Implementation goes here`, `# Resources would go here`
  new RegExp(String.raw`\b${MISSING}\s+(?:would go|goes|go)\s+here\b`, 'i'),
  /\b(?:implementation|code)\s+continues\b/i,
];

export function isTodoComment(text: string): boolean {
  return TODO_COMMENT.test(text) && !NOOP_COMMENT.test(text);
}

export function isPlaceholderComment(text: string): boolean {
  return PLACEHOLDER_COMMENTS.some((pattern) => pattern.test(text));
}

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
 * Comment nodes on the given rows whose text satisfies `test`, found through the source
 * lines (only `#` positions that really start a comment count), so files with thousands of
 * comments are not walked node by node.
 */
export function commentsWhere(root: SyntaxNode, lines: readonly string[], test: (text: string) => boolean, fromRow = 0, toRow = lines.length - 1): SyntaxNode[] {
  const found: SyntaxNode[] = [];
  for (let row = Math.max(0, fromRow); row <= Math.min(toRow, lines.length - 1); row++) {
    const line = lines[row] ?? '';
    for (let column = line.indexOf('#'); column >= 0; column = line.indexOf('#', column + 1)) {
      if (!test(line.slice(column))) continue;
      const node = root.descendantForPosition({ row, column });
      if (node.type === 'comment' && node.startPosition.row === row && node.startPosition.column === column) {
        found.push(node);
        break;
      }
    }
  }
  return found;
}
