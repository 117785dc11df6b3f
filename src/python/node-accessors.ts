/**
 * Cheaper node accessors for node-tree-sitter 0.22. Every `node.type`, `node.id`,
 * `node.startIndex` and `node.startPosition` read goes through a native call (copy the node
 * into a transfer buffer, call into C, read the answer back), and detectors read these millions
 * of times per review. Each of them is already known on the JavaScript side:
 *
 * - a node object's class is chosen by its symbol (`nodeSubclasses[symbol]`), and its type name
 *   is that symbol's name: node-tree-sitter tries to put it on the class prototype
 *   (`prototype.type = name`), but the assignment is silently ignored because the base class
 *   defines `type` as a getter; here it is defined as a plain data property instead;
 * - a node object carries the 6 words of its TSNode: the id (2 x 32 bits, little-endian), the
 *   start byte, start row and start byte column (the input is UTF-16, so JS indices are bytes / 2).
 *
 * The values are the same ones the native getters return; `install` checks this on a sample tree
 * and leaves the native getters in place if anything differs (another node-tree-sitter version).
 */
import type Parser from 'tree-sitter';

type NodeClass = { prototype: object; name: string };
interface LanguageWithClasses {
  nodeSubclasses?: NodeClass[];
  nodeTypeInfo?: { type: string; named: boolean }[];
}
type Fields = Record<number, number>;

const installed = new WeakSet<object>();

function camelCase(name: string, upperCase: boolean): string {
  const camel = name.replace(/_(\w)/g, (_match, letter: string) => letter.toUpperCase());
  return upperCase ? (camel[0]?.toUpperCase() ?? '') + camel.slice(1) : camel;
}

/** Installs the JavaScript-side accessors if, on `sample`, they agree with the native ones. */
export function installFastAccessors(parser: Parser, sample: string): void {
  const language = parser.getLanguage() as unknown as LanguageWithClasses;
  if (!language || installed.has(language)) return;
  installed.add(language);
  const classes = language.nodeSubclasses;
  const base = (Object.getPrototypeOf((parser.parse('x') as Parser.Tree).rootNode.constructor.prototype) as { constructor: NodeClass }).constructor;
  if (!classes || !language.nodeTypeInfo || !base?.prototype) return;
  const baseProto = base.prototype;
  const original = {
    id: Object.getOwnPropertyDescriptor(baseProto, 'id'),
    startIndex: Object.getOwnPropertyDescriptor(baseProto, 'startIndex'),
    startPosition: Object.getOwnPropertyDescriptor(baseProto, 'startPosition'),
  };
  if (!original.id?.get || !original.startIndex?.get || !original.startPosition?.get) return;

  // Class name -> type name, for the classes node-tree-sitter generated (`CallNode` -> `call`).
  const typeByClassName = new Map<string, string | null>();
  for (const info of language.nodeTypeInfo) {
    if (!info.named) continue;
    const className = `${camelCase(info.type, true)}Node`;
    typeByClassName.set(className, typeByClassName.has(className) && typeByClassName.get(className) !== info.type ? null : info.type);
  }
  const patched: object[] = [];
  for (const nodeClass of classes) {
    if (!nodeClass || nodeClass === base || patched.includes(nodeClass.prototype)) continue;
    const type = typeByClassName.get(nodeClass.name);
    if (!type || Object.getOwnPropertyDescriptor(nodeClass.prototype, 'type')) continue;
    Object.defineProperty(nodeClass.prototype, 'type', { value: type, writable: false, configurable: true, enumerable: false });
    patched.push(nodeClass.prototype);
  }
  Object.defineProperty(baseProto, 'id', {
    configurable: true,
    get(this: Fields) {
      return this[1]! * 4294967296 + this[0]!;
    },
  });
  Object.defineProperty(baseProto, 'startIndex', {
    configurable: true,
    get(this: Fields) {
      return Math.floor(this[2]! / 2);
    },
  });
  Object.defineProperty(baseProto, 'startPosition', {
    configurable: true,
    get(this: Fields) {
      return { row: this[3]!, column: Math.floor(this[4]! / 2) };
    },
  });

  if (!agrees(parser, sample, original)) {
    for (const prototype of patched) delete (prototype as { type?: string }).type;
    for (const [name, descriptor] of Object.entries(original)) if (descriptor) Object.defineProperty(baseProto, name, descriptor);
  }
}

/** Every node of the sample: JavaScript-side values equal the native ones. */
function agrees(parser: Parser, sample: string, original: Record<'id' | 'startIndex' | 'startPosition', PropertyDescriptor | undefined>): boolean {
  const tree = parser.parse(sample) as Parser.Tree;
  const cursor = tree.walk();
  let depth = 0;
  for (;;) {
    const node = cursor.currentNode;
    const nativeId = original.id?.get?.call(node) as number;
    const nativeStart = original.startIndex?.get?.call(node) as number;
    const nativePosition = original.startPosition?.get?.call(node) as Parser.Point;
    if (node.type !== cursor.nodeType || node.id !== nativeId || node.startIndex !== nativeStart || node.startIndex !== cursor.startIndex) return false;
    if (node.startPosition.row !== nativePosition.row || node.startPosition.column !== nativePosition.column) return false;
    if (cursor.gotoFirstChild()) {
      depth++;
      continue;
    }
    for (;;) {
      if (depth === 0) return true;
      if (cursor.gotoNextSibling()) break;
      cursor.gotoParent();
      depth--;
    }
  }
}
