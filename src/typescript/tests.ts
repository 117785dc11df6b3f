/**
 * Jest and Mocha tests as rules read them: which calls declare a test (`it`, `test`, with
 * `.only`/`.each` forms), whether a test body asserts anything (directly or through a helper of
 * the same file that asserts), and which tests or suites are skipped (`it.skip`, `xit`,
 * `describe.skip`...).
 */
import type { SyntaxNode } from '../syntax/flat-tree.js';

const TEST_CALLEES = /^(it|test)(\.only|\.concurrent)?$/;
const SKIP_CALLEES = /^((it|test|describe)\.(skip|todo)|xit|xtest|xdescribe)$/;
/** Calls and member accesses that check something: Jest/Vitest `expect`, Node/Chai `assert`, Chai `should`, AVA-style `t.is`. */
const ASSERTION = /\bexpect\s*(\.\s*\w+\s*)?\(|\bassert(\.\w+)?\s*\(|\.should\b|\bt\.(is|deepEqual|true|false|throws)\s*\(|\bexpect\.assertions\s*\(/;

export interface TypeScriptTest {
  /** The `it(...)` / `test(...)` call. */
  call: SyntaxNode;
  /** The test's name as written (a string literal), for messages. */
  label: string;
  /** The callback: the test's body. */
  body: SyntaxNode;
}

function calleeText(call: SyntaxNode): string {
  return call.childForFieldName('function')?.text.replace(/\s+/g, '') ?? '';
}

/** A test declaration (`it("name", () => {...})`), or undefined for any other call. */
export function testDeclaration(call: SyntaxNode): TypeScriptTest | undefined {
  if (!TEST_CALLEES.test(calleeText(call))) return undefined;
  const args = call.childForFieldName('arguments')?.namedChildren.filter((child) => child.type !== 'comment') ?? [];
  const [name, body] = args;
  if (!body || (body.type !== 'arrow_function' && body.type !== 'function_expression' && body.type !== 'function')) return undefined;
  return { call, label: name?.type === 'string' || name?.type === 'template_string' ? name.text.slice(1, -1) : (name?.text ?? 'test'), body };
}

/** `it.skip(...)`, `xit(...)`, `describe.skip(...)`: a test or suite that does not run. */
export function isSkip(call: SyntaxNode): boolean {
  return SKIP_CALLEES.test(calleeText(call));
}

/** The test body asserts, or calls one of the named helpers that do. */
export function assertsSomething(test: TypeScriptTest, assertingHelpers: ReadonlySet<string>): boolean {
  const text = test.body.text;
  if (ASSERTION.test(text)) return true;
  // A callback that takes `done` reports through it; one that returns a promise chain may assert in it.
  const parameters = test.body.childForFieldName('parameters')?.text ?? test.body.childForFieldName('parameter')?.text ?? '';
  if (/\bdone\b/.test(parameters)) return true;
  for (const helper of assertingHelpers) if (new RegExp(`\\b${helper}\\s*\\(`).test(text)) return true;
  return false;
}

/** Names of the file's functions (declarations and `const f = () => ...`) whose bodies assert. */
export function assertingHelper(node: SyntaxNode): string | undefined {
  if (node.type === 'function_declaration') {
    const name = node.childForFieldName('name')?.text;
    return name && ASSERTION.test(node.childForFieldName('body')?.text ?? '') ? name : undefined;
  }
  if (node.type === 'variable_declarator') {
    const value = node.childForFieldName('value');
    const name = node.childForFieldName('name');
    if (name?.type === 'identifier' && (value?.type === 'arrow_function' || value?.type === 'function_expression') && ASSERTION.test(value.text)) return name.text;
  }
  return undefined;
}
