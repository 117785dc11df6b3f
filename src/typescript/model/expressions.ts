/**
 * Expressions for the TypeScript evaluator (interpreter.ts): literals, template literals,
 * names, member access, objects and arrays with spreads, operators (`??` and `||` defaults,
 * `+` string building), arrow functions, type assertions (seen through), and assignment
 * targets with destructuring. Calls and `new` are calls.ts's; definitions are definitions.ts's.
 */
import type { OutputValue, Value } from '../../pulumi/model.js';
import type { EvalValue, FunctionValue } from '../../pulumi/evaluation/eval-values.js';
import { toModelValue } from '../../pulumi/evaluation/model-values.js';
import { MAX_ITERATIONS } from '../../pulumi/evaluation/run.js';
import type { Scope } from '../../pulumi/evaluation/scope.js';
import { outputsIn, stringOf, unknown } from '../../pulumi/values.js';
import { sameSite, type Site } from '../../pulumi/site.js';
import type { SyntaxNode } from '../../syntax/flat-tree.js';
import { memberOf } from './members.js';
import { evaluateCall, evaluateNew } from './calls.js';
import { defineClass, defineFunction, importStatement } from './definitions.js';
import type { Frame, TypeScriptInterpreter } from './interpreter.js';
import { typeScriptStringValue } from '../strings.js';

const MAX_DEPTH = 150;
/** Wrappers that only tell the type checker something: the value is the inner expression's. */
const TYPE_ONLY = new Set(['as_expression', 'satisfies_expression', 'non_null_expression', 'type_assertion', 'parenthesized_expression']);

export class TypeScriptExpressions {
  private depth = 0;

  constructor(readonly interpreter: TypeScriptInterpreter) {}

  evaluate(node: SyntaxNode, scope: Scope, frame: Frame): EvalValue {
    this.interpreter.steps++;
    if (this.depth >= MAX_DEPTH) return unknown('an expression nested too deeply', this.interpreter.site(node, frame));
    this.depth++;
    try {
      return this.evaluateNode(node, scope, frame);
    } finally {
      this.depth--;
    }
  }

  private evaluateNode(node: SyntaxNode, scope: Scope, frame: Frame): EvalValue {
    const site = () => this.interpreter.site(node, frame);
    if (TYPE_ONLY.has(node.type)) {
      const inner = node.namedChildren.find((child) => child.type !== 'comment' && !child.type.includes('type'));
      return inner ? this.evaluate(inner, scope, frame) : unknown('a value', site());
    }
    switch (node.type) {
      case 'number': {
        const value = Number(node.text.replace(/_/g, ''));
        return Number.isFinite(value) ? { kind: 'number', value, site: site() } : unknown('a number', site());
      }
      case 'true':
      case 'false':
        return { kind: 'boolean', value: node.type === 'true', site: site() };
      case 'null':
      case 'undefined':
        return { kind: 'null', site: site() };
      case 'string':
        return { kind: 'string', value: typeScriptStringValue(node), site: site() };
      case 'template_string':
        return this.template(node, scope, frame, 'template');
      case 'identifier':
        return this.name(node, scope, frame);
      case 'this':
        return frame.self ?? unknown('`this` outside a class', site());
      case 'member_expression': {
        const objectNode = node.childForFieldName('object');
        const property = node.childForFieldName('property')?.text;
        if (!objectNode || !property) return unknown('a member', site());
        const propertyNode = node.childForFieldName('property');
        return memberOf(this.evaluate(objectNode, scope, frame), property, site(), this.interpreter, propertyNode ? this.interpreter.site(propertyNode, frame) : site());
      }
      case 'subscript_expression':
        return this.subscript(node, scope, frame);
      case 'call_expression':
        return evaluateCall(node, scope, frame, this);
      case 'new_expression':
        return evaluateNew(node, scope, frame, this);
      case 'array':
        return this.array(node, scope, frame);
      case 'object':
        return this.object(node, scope, frame);
      case 'arrow_function':
      case 'function_expression':
      case 'function':
        return this.defineFunction(node, scope, frame);
      case 'class':
        return defineClass(node, scope, frame, this);
      case 'binary_expression':
        return this.binary(node, scope, frame);
      case 'unary_expression': {
        const operator = node.childForFieldName('operator')?.text;
        const argument = node.childForFieldName('argument');
        const value = argument ? this.evaluate(argument, scope, frame) : undefined;
        if (operator === '!' && value) {
          const truth = this.truthiness(value);
          return truth === undefined ? unknown('a condition', site()) : { kind: 'boolean', value: !truth, site: site() };
        }
        if (operator === '-' && value?.kind === 'number') return { kind: 'number', value: -value.value, site: site() };
        if (operator === 'typeof') return unknown('a type name', site(), true);
        return unknown('an operation', site());
      }
      case 'ternary_expression': {
        const condition = node.childForFieldName('condition');
        const consequence = node.childForFieldName('consequence');
        const alternative = node.childForFieldName('alternative');
        if (!condition || !consequence || !alternative) return unknown('a conditional value', site());
        const truth = this.truthiness(this.conditionValue(condition, scope, frame));
        if (truth === true) return this.evaluate(consequence, scope, frame);
        if (truth === false) return this.evaluate(alternative, scope, frame);
        const yes = this.evaluate(consequence, scope, frame);
        const no = this.evaluate(alternative, scope, frame);
        if (yes.kind === 'string' && no.kind === 'string' && yes.value === no.value) return yes;
        return unknown(`\`${condition.text.slice(0, 60)}\` decides`, site(), [yes, no].every((value) => value.kind === 'string' || value.kind === 'template'));
      }
      case 'assignment_expression': {
        const left = node.childForFieldName('left');
        const right = node.childForFieldName('right');
        const value = right ? this.evaluate(right, scope, frame) : unknown('a value', site());
        if (left) this.assign(left, value, scope, frame);
        return value;
      }
      case 'augmented_assignment_expression': {
        const left = node.childForFieldName('left');
        const right = node.childForFieldName('right');
        const operator = (node.childForFieldName('operator')?.text ?? '').replace(/=$/, '');
        if (!left || !right) return unknown('an assignment', site());
        const value = this.operate(operator, this.evaluate(left, scope, frame), this.evaluate(right, scope, frame), node, frame);
        this.assign(left, value, scope, frame);
        return value;
      }
      case 'update_expression': {
        const argument = node.childForFieldName('argument');
        if (!argument) return unknown('a number', site());
        const before = this.evaluate(argument, scope, frame);
        const step = node.text.includes('++') ? 1 : -1;
        const after: EvalValue = before.kind === 'number' ? { kind: 'number', value: before.value + step, site: site() } : unknown('a counter', site());
        this.assign(argument, after, scope, frame);
        return node.text.trimStart().startsWith(argument.text) ? before : after;
      }
      case 'sequence_expression': {
        let last: EvalValue = unknown('a value', site());
        for (const child of node.namedChildren) last = this.evaluate(child, scope, frame);
        return last;
      }
      case 'await_expression': {
        const inner = node.namedChildren[0];
        const value = inner ? this.evaluate(inner, scope, frame) : undefined;
        // Awaiting a plain value gives it back; a promise's result is not known.
        return value && value.kind !== 'unknown' && value.kind !== 'output' ? value : unknown('an awaited value', site());
      }
      case 'spread_element':
        return unknown('a spread', site());
      default:
        for (const child of node.namedChildren) if (child.type !== 'comment' && !child.type.includes('type')) this.evaluate(child, scope, frame);
        return unknown(`a \`${node.type}\``, site());
    }
  }

  /**
   * A condition's value; a resource's output read right there (`if (bucket.websiteEndpoint)`) is
   * always truthy, which is a mistake (IAC109). A name, parameter or field holding an Output is not
   * recorded: `if (props.kmsKeyArn)` is the usual check for an optional input, not a test of the value.
   */
  conditionValue(node: SyntaxNode, scope: Scope, frame: Frame): EvalValue {
    const value = this.evaluate(node, scope, frame);
    let tested = node;
    while (tested.type === 'parenthesized_expression' && tested.namedChildren.length === 1) tested = tested.namedChildren[0] as SyntaxNode;
    if (value.kind === 'output' && value.resource && sameSite(value.site, this.interpreter.site(tested, frame))) this.misuse('condition', value, node, frame);
    return value;
  }

  misuse(how: string, output: OutputValue, node: SyntaxNode, frame: Frame): void {
    this.interpreter.builder.addMisuse({ how, output, site: this.interpreter.site(node, frame), language: 'typescript' });
  }

  recordExport(name: SyntaxNode, value: EvalValue, frame: Frame): void {
    this.interpreter.builder.exports.push({ name: { kind: 'string', value: name.text, site: this.interpreter.site(name, frame) }, value: toModelValue(value), site: this.interpreter.site(name, frame) });
  }

  private name(node: SyntaxNode, scope: Scope, frame: Frame): EvalValue {
    const found = scope.lookup(node.text);
    if (found !== undefined) return found;
    const site = this.interpreter.site(node, frame);
    if (node.text === 'undefined' || node.text === 'NaN') return { kind: 'null', site };
    if (GLOBALS.has(node.text)) return { kind: 'builtin', name: node.text, site };
    return unknown(`\`${node.text}\``, site);
  }

  /** `` `${name}-vpc` ``: a string when every hole is known; an Output in a hole is a mistake unless the tag is `pulumi.interpolate`. */
  template(node: SyntaxNode, scope: Scope, frame: Frame, how: 'template' | 'interpolate'): EvalValue {
    const site = this.interpreter.site(node, frame);
    const parts: (string | Value)[] = [];
    let text = '';
    for (const child of node.namedChildren) {
      if (child.type === 'string_fragment') text += child.text;
      else if (child.type === 'escape_sequence') text += unescape(child.text);
      else if (child.type === 'template_substitution') {
        const expression = child.namedChildren[0];
        const value = toModelValue(expression ? this.evaluate(expression, scope, frame) : unknown('a hole', site));
        if (how === 'template') for (const output of outputsIn(value)) this.misuse('template', output, child, frame);
        if (text) parts.push(text);
        text = '';
        parts.push(value.kind === 'number' ? { kind: 'string', value: String(value.value), site: value.site } : value);
      }
    }
    if (text || parts.length === 0) parts.push(text);
    const template: Value = { kind: 'template', parts, site };
    const known = stringOf(template);
    return known !== undefined ? { kind: 'string', value: known, site } : template;
  }

  private array(node: SyntaxNode, scope: Scope, frame: Frame): EvalValue {
    const items: EvalValue[] = [];
    let open = false;
    for (const child of node.namedChildren) {
      if (child.type === 'comment') continue;
      if (child.type === 'spread_element') {
        const inner = child.namedChildren[0];
        const spread = inner ? this.iterate(this.evaluate(inner, scope, frame)) : undefined;
        if (spread) for (const item of spread.items) items.push(item);
        if (!spread?.exact) open = true;
        continue;
      }
      items.push(this.evaluate(child, scope, frame));
    }
    return { kind: 'list', items: items as Value[], open, site: this.interpreter.site(node, frame) };
  }

  private object(node: SyntaxNode, scope: Scope, frame: Frame): EvalValue {
    const entries = new Map<string, Value>();
    const entrySites = new Map<string, Site>();
    let open = false;
    for (const child of node.namedChildren) {
      switch (child.type) {
        case 'pair': {
          const keyNode = child.childForFieldName('key');
          const valueNode = child.childForFieldName('value');
          const key = keyNode ? propertyKey(keyNode, scope, frame, this) : undefined;
          const value = valueNode ? this.evaluate(valueNode, scope, frame) : unknown('a value', undefined);
          if (key === undefined) open = true;
          else {
            entries.set(key, value as Value);
            if (valueNode) entrySites.set(key, this.interpreter.site(valueNode, frame));
          }
          break;
        }
        case 'shorthand_property_identifier': {
          entries.set(child.text, this.name(child, scope, frame) as Value);
          entrySites.set(child.text, this.interpreter.site(child, frame));
          break;
        }
        case 'spread_element': {
          const inner = child.namedChildren[0];
          const spread = inner ? this.evaluate(inner, scope, frame) : undefined;
          if (spread?.kind === 'dict') {
            for (const [key, value] of spread.entries) entries.set(key, value);
            for (const [key, entrySite] of spread.entrySites ?? []) entrySites.set(key, entrySite);
            open ||= spread.open;
          } else if (spread?.kind === 'object' && !spread.resource) {
            for (const [key, value] of spread.fields) entries.set(key, value as Value);
            open = true;
          } else if (spread?.kind !== 'null') {
            open = true;
          }
          break;
        }
        case 'method_definition': {
          const name = child.childForFieldName('name')?.text;
          if (name) entries.set(name, this.defineFunction(child, scope, frame) as unknown as Value);
          break;
        }
        default:
          break;
      }
    }
    return { kind: 'dict', entries, open, entrySites, site: this.interpreter.site(node, frame) };
  }

  private binary(node: SyntaxNode, scope: Scope, frame: Frame): EvalValue {
    const site = this.interpreter.site(node, frame);
    const leftNode = node.childForFieldName('left');
    const rightNode = node.childForFieldName('right');
    const operator = node.childForFieldName('operator')?.text ?? '';
    if (!leftNode || !rightNode) return unknown('an operation', site);
    const left = this.evaluate(leftNode, scope, frame);
    if (operator === '??' || operator === '||' || operator === '&&') {
      const truth = operator === '??' ? (left.kind === 'null' ? false : left.kind === 'unknown' || left.kind === 'config' ? undefined : true) : this.truthiness(left);
      if (operator === '&&') {
        if (truth === false) return left;
        const right = this.evaluate(rightNode, scope, frame);
        // `enabled && undefined` is falsy whatever `enabled` is.
        return truth === true || this.truthiness(right) === false ? right : unknown(`\`${node.text.slice(0, 60)}\``, site);
      }
      if (truth === true) return left;
      const right = this.evaluate(rightNode, scope, frame);
      if (truth === false) return right;
      // `config.get("region") ?? "us-east-1"`: a config read with a default.
      if (left.kind === 'config' && !left.read.default) {
        const read = { ...left.read, default: toModelValue(right) };
        this.interpreter.builder.configReads.push(read);
        return { kind: 'config', read, site };
      }
      return unknown(`\`${node.text.slice(0, 60)}\``, site, right.kind === 'string' || right.kind === 'template');
    }
    return this.operate(operator, left, this.evaluate(rightNode, scope, frame), node, frame);
  }

  /** Arithmetic, `+` string building (an Output in it is a mistake), comparisons of known values. */
  operate(operator: string, left: EvalValue, right: EvalValue, node: SyntaxNode, frame: Frame): EvalValue {
    const site = this.interpreter.site(node, frame);
    const stringLike = (value: EvalValue) => value.kind === 'string' || value.kind === 'template' || (value.kind === 'unknown' && value.string === true);
    if (operator === '+' && (left.kind === 'output' || right.kind === 'output')) {
      const output = left.kind === 'output' ? left : right;
      if (output.kind === 'output' && (stringLike(left) || stringLike(right))) this.misuse('concat', output, node, frame);
      return unknown('a string built from an Output', site, true);
    }
    if (left.kind === 'number' && right.kind === 'number') {
      const a = left.value;
      const b = right.value;
      const numeric: Record<string, () => number> = { '+': () => a + b, '-': () => a - b, '*': () => a * b, '/': () => a / b, '%': () => a % b, '**': () => a ** b };
      const compare: Record<string, () => boolean> = { '<': () => a < b, '<=': () => a <= b, '>': () => a > b, '>=': () => a >= b, '===': () => a === b, '==': () => a === b, '!==': () => a !== b, '!=': () => a !== b };
      if (numeric[operator]) {
        const value = numeric[operator]();
        return Number.isFinite(value) ? { kind: 'number', value, site } : unknown('a number', site);
      }
      if (compare[operator]) return { kind: 'boolean', value: compare[operator](), site };
    }
    if (operator === '+' && (stringLike(left) || stringLike(right))) {
      const parts = [...partsOf(left), ...partsOf(right)];
      const template: Value = { kind: 'template', parts, site };
      const known = stringOf(template);
      return known !== undefined ? { kind: 'string', value: known, site } : template;
    }
    if (['===', '==', '!==', '!='].includes(operator)) {
      // `bucket.region === "us-east-1"`: an Output object never equals a plain value (IAC109).
      const output = left.kind === 'output' ? left : right.kind === 'output' ? right : undefined;
      const other = output === left ? right : left;
      if (output?.kind === 'output' && output.resource && (other.kind === 'string' || other.kind === 'number' || other.kind === 'boolean')) this.misuse('comparison', output, node, frame);
      const plain = (value: EvalValue) => (value.kind === 'string' || value.kind === 'number' || value.kind === 'boolean' ? value.value : value.kind === 'null' ? null : undefined);
      const a = plain(left);
      const b = plain(right);
      if (a !== undefined && b !== undefined) return { kind: 'boolean', value: (a === b) === operator.startsWith('='), site };
    }
    return unknown('the result of an operation', site);
  }

  private subscript(node: SyntaxNode, scope: Scope, frame: Frame): EvalValue {
    const site = this.interpreter.site(node, frame);
    const objectNode = node.childForFieldName('object');
    const indexNode = node.childForFieldName('index');
    if (!objectNode || !indexNode) return unknown('an element', site);
    const object = this.evaluate(objectNode, scope, frame);
    const index = this.evaluate(indexNode, scope, frame);
    if (object.kind === 'list' && index.kind === 'number') return object.items[index.value] ?? unknown(`element ${index.value} of \`${objectNode.text.slice(0, 60)}\``, site);
    if ((object.kind === 'dict' || object.kind === 'object') && (index.kind === 'string' || index.kind === 'number')) return memberOf(object, String(index.value), site, this.interpreter);
    if (object.kind === 'output') return { kind: 'output', resources: object.resources, via: 'index', site, ...(object.resource ? { resource: object.resource } : {}) };
    return unknown(`\`${node.text.slice(0, 60)}\``, site);
  }

  assign(target: SyntaxNode, value: EvalValue, scope: Scope, frame: Frame): void {
    switch (target.type) {
      case 'identifier':
      case 'shorthand_property_identifier_pattern':
        scope.bind(target.text, value);
        nameResource(value, target.text);
        return;
      case 'member_expression': {
        const objectNode = target.childForFieldName('object');
        const property = target.childForFieldName('property')?.text;
        if (!objectNode || !property) return;
        const object = this.evaluate(objectNode, scope, frame);
        if (object.kind === 'object') {
          object.fields.set(property, value);
          nameResource(value, `${objectNode.type === 'this' ? 'this' : objectNode.text}.${property}`);
        } else if (object.kind === 'dict') {
          (object.entries as Map<string, Value>).set(property, value as Value);
        } else if (object.kind === 'resource') {
          // `(vpc as ExtendedVpc).publicSubnetIds = [...]`: the program's own field on the resource object.
          const fields = this.interpreter.resourceFields.get(object.resource) ?? new Map<string, EvalValue>();
          fields.set(property, value);
          this.interpreter.resourceFields.set(object.resource, fields);
        }
        return;
      }
      case 'subscript_expression': {
        const objectNode = target.childForFieldName('object');
        const indexNode = target.childForFieldName('index');
        if (!objectNode || !indexNode) return;
        const object = this.evaluate(objectNode, scope, frame);
        const index = this.evaluate(indexNode, scope, frame);
        if (object.kind === 'dict' && (index.kind === 'string' || index.kind === 'number')) (object.entries as Map<string, Value>).set(String(index.value), value as Value);
        else if (object.kind === 'list' && index.kind === 'number' && index.value >= 0 && index.value < object.items.length) (object.items as Value[])[index.value] = value as Value;
        else if (object.kind === 'dict') (object as { open: boolean }).open = true;
        return;
      }
      case 'object_pattern':
        for (const part of target.namedChildren) {
          if (part.type === 'shorthand_property_identifier_pattern') this.assign(part, memberOf(value, part.text, this.interpreter.site(part, frame), this.interpreter), scope, frame);
          else if (part.type === 'pair_pattern') {
            const key = part.childForFieldName('key');
            const inner = part.childForFieldName('value');
            if (key && inner) this.assign(inner, memberOf(value, key.text.replace(/^["']|["']$/g, ''), this.interpreter.site(part, frame), this.interpreter), scope, frame);
          } else if (part.type === 'object_assignment_pattern') {
            const left = part.childForFieldName('left');
            const right = part.childForFieldName('right');
            if (!left) continue;
            const found = memberOf(value, left.text, this.interpreter.site(part, frame), this.interpreter);
            this.assign(left, found.kind === 'null' || (found.kind === 'unknown' && right) ? (right ? this.evaluate(right, scope, frame) : found) : found, scope, frame);
          } else if (part.type === 'rest_pattern') {
            const inner = part.namedChildren[0];
            if (inner) this.assign(inner, unknown('the rest of an object', this.interpreter.site(part, frame)), scope, frame);
          }
        }
        return;
      case 'array_pattern': {
        const iteration = this.iterate(value);
        target.namedChildren.forEach((part, index) => {
          if (part.type === 'rest_pattern') {
            const inner = part.namedChildren[0];
            if (inner) this.assign(inner, iteration ? { kind: 'list', items: iteration.items.slice(index) as Value[], open: !iteration.exact, site: undefined } : unknown('the rest', undefined), scope, frame);
            return;
          }
          const item = iteration?.items[index];
          if (part.type === 'assignment_pattern') {
            const left = part.childForFieldName('left');
            const right = part.childForFieldName('right');
            if (left) this.assign(left, item ?? (right ? this.evaluate(right, scope, frame) : unknown('an element', undefined)), scope, frame);
            return;
          }
          this.assign(part, item ?? unknown(`element ${index} of \`${target.text.slice(0, 40)}\``, this.interpreter.site(part, frame)), scope, frame);
        });
        return;
      }
      case 'assignment_pattern': {
        const left = target.childForFieldName('left');
        const right = target.childForFieldName('right');
        if (left) this.assign(left, value.kind === 'null' && right ? this.evaluate(right, scope, frame) : value, scope, frame);
        return;
      }
      default:
        return;
    }
  }

  iterate(value: EvalValue): { items: EvalValue[]; exact: boolean } | undefined {
    if (value.kind === 'list') return { items: [...value.items], exact: !value.open && !value.atMost };
    if (value.kind === 'string' && value.value.length <= MAX_ITERATIONS) return { items: [...value.value].map((char) => ({ kind: 'string', value: char, site: value.site })), exact: true };
    return undefined;
  }

  keysOf(value: EvalValue): { items: EvalValue[]; exact: boolean } | undefined {
    if (value.kind === 'dict') return { items: [...value.entries.keys()].map((key) => ({ kind: 'string', value: key, site: value.site })), exact: !value.open };
    if (value.kind === 'list') return { items: value.items.map((_, index) => ({ kind: 'string', value: String(index), site: value.site })), exact: !value.open };
    return undefined;
  }

  truthiness(value: EvalValue): boolean | undefined {
    switch (value.kind) {
      case 'string':
        return value.value.length > 0;
      case 'number':
        return value.value !== 0;
      case 'boolean':
        return value.value;
      case 'null':
        return false;
      case 'list':
      case 'dict':
      case 'resource':
      case 'function':
      case 'class':
      case 'object':
      case 'builtin':
      case 'external':
      case 'program-module':
      case 'config-object':
        return true;
      default:
        return undefined;
    }
  }

  defineFunction(node: SyntaxNode, scope: Scope, frame: Frame): FunctionValue {
    return defineFunction(node, scope, frame, this);
  }

  defineClass(node: SyntaxNode, scope: Scope, frame: Frame): void {
    defineClass(node, scope, frame, this);
  }

  importStatement(node: SyntaxNode, scope: Scope, frame: Frame): void {
    importStatement(node, scope, frame, this);
  }
}

/** Names JavaScript itself provides that calls.ts knows how to call. */
const GLOBALS = new Set(['JSON', 'Object', 'Array', 'Math', 'String', 'Number', 'Boolean', 'console', 'process', 'Promise', 'eval', 'Function', 'parseInt', 'parseFloat', 'require']);

function propertyKey(key: SyntaxNode, scope: Scope, frame: Frame, expressions: TypeScriptExpressions): string | undefined {
  if (key.type === 'property_identifier' || key.type === 'number') return key.text;
  if (key.type === 'string') return typeScriptStringValue(key);
  if (key.type === 'computed_property_name') {
    const inner = key.namedChildren[0];
    const value = inner ? expressions.evaluate(inner, scope, frame) : undefined;
    return value?.kind === 'string' ? value.value : value?.kind === 'number' ? String(value.value) : undefined;
  }
  return undefined;
}

function partsOf(value: EvalValue): (string | Value)[] {
  if (value.kind === 'string') return [value.value];
  if (value.kind === 'number') return [String(value.value)];
  if (value.kind === 'template') return [...value.parts];
  return [toModelValue(value)];
}

/** Remembers the first name a resource is stored under (`this.vpc`), for messages. */
export function nameResource(value: EvalValue, name: string): void {
  if (value.kind === 'object' && value.resource && !value.resource.boundTo) value.resource.boundTo = name;
  if (value.kind === 'resource' && !value.resource.boundTo) value.resource.boundTo = name;
}
