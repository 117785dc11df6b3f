/**
 * Expressions for the Python evaluator (interpreter.ts): literals and f-strings, names,
 * attributes, subscripts, containers and comprehensions, operators, lambdas, and the targets
 * of assignments. Calls are calls.ts's; definitions and imports are definitions.ts's.
 */
import type { ListValue, OutputValue, Value } from '../../pulumi/model.js';
import { outputsIn, stringOf, unknown } from '../../pulumi/values.js';
import { sameSite, type Site } from '../../pulumi/site.js';
import type { SyntaxNode } from '../../syntax/flat-tree.js';
import { contentValue, parseInteger, unescape } from '../evaluate-literal-text.js';
import { evaluateCall } from './calls.js';
import { defineClass, defineFunction, importStatement } from './definitions.js';
import type { ExpressionEvaluator, Frame, Interpreter } from './interpreter.js';
import { MAX_ITERATIONS } from './interpreter.js';
import { attributeOf, builtinName } from './attributes.js';
import { binaryOperation, compare } from './operators.js';
import type { ClassInfo, FunctionValue, EvalValue } from '../../pulumi/evaluation/eval-values.js';
import { toModelValue } from '../../pulumi/evaluation/model-values.js';
import type { Scope } from '../../pulumi/evaluation/scope.js';

/** More `for`/`if` clauses than real comprehensions have: such a comprehension is not followed. */
const MAX_COMPREHENSION_CLAUSES = 32;

const MAX_DEPTH = 150;

export class PythonExpressions implements ExpressionEvaluator {
  private depth = 0;

  constructor(readonly interpreter: Interpreter) {}

  evaluate(node: SyntaxNode, scope: Scope, frame: Frame): EvalValue {
    const interpreter = this.interpreter;
    interpreter.steps++;
    if (this.depth >= MAX_DEPTH) return unknown('an expression nested too deeply', interpreter.site(node, frame));
    this.depth++;
    try {
      return this.evaluateNode(node, scope, frame);
    } finally {
      this.depth--;
    }
  }

  private evaluateNode(node: SyntaxNode, scope: Scope, frame: Frame): EvalValue {
    const site = () => this.interpreter.site(node, frame);
    switch (node.type) {
      case 'integer': {
        const value = parseInteger(node.text);
        return value === undefined ? unknown('a number', site()) : { kind: 'number', value, site: site() };
      }
      case 'float':
        return { kind: 'number', value: Number(node.text.replace(/_/g, '')), site: site() };
      case 'true':
        return { kind: 'boolean', value: true, site: site() };
      case 'false':
        return { kind: 'boolean', value: false, site: site() };
      case 'none':
        return { kind: 'null', site: site() };
      case 'string':
        return this.string(node, scope, frame);
      case 'concatenated_string':
        return this.concatenated(node, scope, frame);
      case 'identifier':
        return this.name(node, scope, frame);
      case 'attribute': {
        const objectNode = node.childForFieldName('object');
        const attributeNode = node.childForFieldName('attribute');
        const attribute = attributeNode?.text;
        if (!objectNode || !attributeNode || !attribute) return unknown('an attribute', site());
        return attributeOf(this.evaluate(objectNode, scope, frame), attribute, site(), this.interpreter, this.interpreter.site(attributeNode, frame));
      }
      case 'subscript':
        return this.subscript(node, scope, frame);
      case 'call':
        return evaluateCall(node, scope, frame, this);
      case 'parenthesized_expression': {
        const inner = node.namedChildren.find((child) => child.type !== 'comment');
        return inner ? this.evaluate(inner, scope, frame) : unknown('()', site());
      }
      case 'list':
      case 'tuple':
      case 'set':
      case 'expression_list':
        return this.sequence(node, scope, frame);
      case 'dictionary':
        return this.dictionary(node, scope, frame);
      case 'list_comprehension':
      case 'set_comprehension':
      case 'generator_expression':
      case 'dictionary_comprehension':
        return this.comprehension(node, scope, frame);
      case 'binary_operator': {
        const left = node.childForFieldName('left');
        const right = node.childForFieldName('right');
        const operator = node.childForFieldName('operator')?.text ?? '';
        if (!left || !right) return unknown('an operation', site());
        return binaryOperation(operator, this.evaluate(left, scope, frame), this.evaluate(right, scope, frame), site(), this.interpreter, frame);
      }
      case 'boolean_operator':
        return this.booleanOperator(node, scope, frame);
      case 'not_operator': {
        const argument = node.childForFieldName('argument');
        const truth = argument ? this.truthiness(this.evaluate(argument, scope, frame)) : undefined;
        return truth === undefined ? unknown('a condition', site()) : { kind: 'boolean', value: !truth, site: site() };
      }
      case 'comparison_operator':
        return compare(node, scope, frame, this);
      case 'unary_operator': {
        const argument = node.childForFieldName('argument');
        const operator = node.childForFieldName('operator')?.text;
        const value = argument ? this.evaluate(argument, scope, frame) : undefined;
        if (value?.kind === 'number') return { kind: 'number', value: operator === '-' ? -value.value : operator === '~' ? ~value.value : value.value, site: site() };
        return unknown('an operation', site());
      }
      case 'conditional_expression': {
        const [consequence, condition, alternative] = node.namedChildren.filter((child) => child.type !== 'comment');
        if (!consequence || !condition || !alternative) return unknown('a conditional value', site());
        const truth = this.truthiness(this.conditionValue(condition, scope, frame));
        if (truth === true) return this.evaluate(consequence, scope, frame);
        if (truth === false) return this.evaluate(alternative, scope, frame);
        const choice = this.interpreter.newChoice();
        const yes = this.interpreter.inBranch(choice, 0, () => this.evaluate(consequence, scope, frame));
        const no = this.interpreter.inBranch(choice, 1, () => this.evaluate(alternative, scope, frame));
        if (yes.kind === 'string' && no.kind === 'string' && yes.value === no.value) return yes;
        const strings = [yes, no].every((value) => value.kind === 'string' || value.kind === 'template');
        return unknown(`\`${condition.text.slice(0, 60)}\` decides`, site(), strings);
      }
      case 'lambda':
        return this.defineFunction(node, scope, frame);
      case 'named_expression': {
        const name = node.childForFieldName('name');
        const valueNode = node.childForFieldName('value');
        const value = valueNode ? this.evaluate(valueNode, scope, frame) : unknown('a value', site());
        if (name) scope.bind(name.text, value);
        return value;
      }
      case 'assignment':
        return this.assignment(node, scope, frame);
      case 'augmented_assignment':
        return this.augmentedAssignment(node, scope, frame);
      case 'keyword_argument': {
        const value = node.childForFieldName('value');
        return value ? this.evaluate(value, scope, frame) : unknown('a value', site());
      }
      case 'await': {
        const inner = node.namedChildren[0];
        if (inner) this.evaluate(inner, scope, frame);
        return unknown('an awaited value', site());
      }
      case 'ellipsis':
        return unknown('`...`', site());
      default:
        for (const child of node.namedChildren) if (child.type !== 'comment') this.evaluate(child, scope, frame);
        return unknown(`a \`${node.type}\``, site());
    }
  }

  /** `a = b = value`, `x: int = 3`, `self.vpc = Vpc(...)`, `a, b = pair`. */
  private assignment(node: SyntaxNode, scope: Scope, frame: Frame): EvalValue {
    const targets: SyntaxNode[] = [];
    let current: SyntaxNode | null = node;
    while (current?.type === 'assignment') {
      const left = current.childForFieldName('left');
      if (left) targets.push(left);
      current = current.childForFieldName('right');
    }
    // `x: int` alone binds nothing.
    if (!current) return unknown('an annotation', this.interpreter.site(node, frame));
    const value = this.evaluate(current, scope, frame);
    for (const target of targets) this.assign(target, value, scope, frame);
    return value;
  }

  /** `x += 1`, `names += [...]`, `tags |= {...}`. */
  private augmentedAssignment(node: SyntaxNode, scope: Scope, frame: Frame): EvalValue {
    const left = node.childForFieldName('left');
    const right = node.childForFieldName('right');
    const operator = (node.childForFieldName('operator')?.text ?? '').replace(/=$/, '');
    if (!left || !right) return unknown('an assignment', this.interpreter.site(node, frame));
    const before = this.evaluate(left, scope, frame);
    const after = binaryOperation(operator, before, this.evaluate(right, scope, frame), this.interpreter.site(node, frame), this.interpreter, frame);
    // `items += more` changes the list in place, so every alias of it sees the new items.
    if (before.kind === 'list' && after.kind === 'list') {
      const items = before.items as Value[];
      const next = [...after.items]; // `after` may share its items array with `before`
      items.length = 0;
      for (const item of next) items.push(item);
      (before as { open: boolean }).open = after.open;
      return before;
    }
    this.assign(left, after, scope, frame);
    return after;
  }

  /**
   * A condition's value; a resource's output attribute read right there (`if bucket.website_endpoint:`)
   * is always truthy, which is a mistake (IAC109). A name, parameter or field holding an Output is
   * not recorded: `if kms_key_arn:` / `if self.topic_arn:` is the usual check for an optional
   * argument (None when not given), not a test of the value.
   */
  conditionValue(node: SyntaxNode, scope: Scope, frame: Frame): EvalValue {
    const value = this.evaluate(node, scope, frame);
    let tested = node;
    while (tested.type === 'parenthesized_expression' && tested.namedChildren.length === 1) tested = tested.namedChildren[0] as SyntaxNode;
    if (value.kind === 'output' && value.resource && sameSite(value.site, this.interpreter.site(tested, frame))) this.misuse('condition', value, node, frame);
    return value;
  }

  misuse(how: string, output: OutputValue, node: SyntaxNode, frame: Frame): void {
    this.interpreter.builder.addMisuse({ how, output, site: this.interpreter.site(node, frame), language: 'python' });
  }

  private name(node: SyntaxNode, scope: Scope, frame: Frame): EvalValue {
    const name = node.text;
    const found = scope.lookup(name);
    if (found !== undefined) return found;
    const builtin = builtinName(name);
    if (builtin) return { kind: 'builtin', name: builtin, site: this.interpreter.site(node, frame) };
    return unknown(`\`${name}\``, this.interpreter.site(node, frame));
  }

  private string(node: SyntaxNode, scope: Scope, frame: Frame): EvalValue {
    const site = this.interpreter.site(node, frame);
    const parts: (string | Value)[] = [];
    let raw = false;
    let formatted = false;
    let text = '';
    for (const child of node.children) {
      switch (child.type) {
        case 'string_start':
          raw = /r/i.test(child.text);
          formatted = /f/i.test(child.text);
          if (/b/i.test(child.text)) return unknown('bytes', site);
          break;
        case 'string_content':
          text += contentValue(child, raw, formatted);
          break;
        case 'escape_sequence':
          text += raw ? child.text : unescape(child.text);
          break;
        case 'interpolation': {
          const expression = child.childForFieldName('expression');
          const value = expression ? this.evaluate(expression, scope, frame) : unknown('a hole', site);
          for (const output of outputsIn(toModelValue(value))) this.misuse('fstring', output, child, frame);
          if (text) parts.push(text);
          text = '';
          const formatting = child.childForFieldName('format_specifier') || child.childForFieldName('type_conversion');
          const model = toModelValue(value);
          parts.push(formatting ? unknown('a formatted value', site, true) : model.kind === 'number' ? { kind: 'string', value: formatNumber(model.value), site: model.site } : model);
          break;
        }
        default:
          break;
      }
    }
    if (text || parts.length === 0) parts.push(text);
    if (parts.length === 1 && typeof parts[0] === 'string') return { kind: 'string', value: parts[0], site };
    const template: Value = { kind: 'template', parts, site };
    const known = stringOf(template);
    return known !== undefined ? { kind: 'string', value: known, site } : template;
  }

  private concatenated(node: SyntaxNode, scope: Scope, frame: Frame): EvalValue {
    const site = this.interpreter.site(node, frame);
    const parts: (string | Value)[] = [];
    for (const child of node.namedChildren) {
      if (child.type !== 'string') continue;
      const value = this.evaluate(child, scope, frame);
      if (value.kind === 'string') parts.push(value.value);
      else if (value.kind === 'template') for (const part of value.parts) parts.push(part);
      else return unknown('a string', site, true);
    }
    const template: Value = { kind: 'template', parts, site };
    const known = stringOf(template);
    return known !== undefined ? { kind: 'string', value: known, site } : template;
  }

  private sequence(node: SyntaxNode, scope: Scope, frame: Frame): EvalValue {
    const items: EvalValue[] = [];
    let open = false;
    for (const child of node.namedChildren) {
      if (child.type === 'comment') continue;
      if (child.type === 'list_splat') {
        const inner = child.namedChildren[0];
        const spread = inner ? this.iterate(this.evaluate(inner, scope, frame), undefined) : undefined;
        if (spread) for (const item of spread.items) items.push(item);
        else open = true;
        continue;
      }
      items.push(this.evaluate(child, scope, frame));
    }
    return { kind: 'list', items: items as Value[], open, site: this.interpreter.site(node, frame) };
  }

  private dictionary(node: SyntaxNode, scope: Scope, frame: Frame): EvalValue {
    const entries = new Map<string, Value>();
    let open = false;
    for (const child of node.namedChildren) {
      if (child.type === 'pair') {
        const keyNode = child.childForFieldName('key');
        const valueNode = child.childForFieldName('value');
        const key = keyNode ? this.evaluate(keyNode, scope, frame) : undefined;
        const value = valueNode ? this.evaluate(valueNode, scope, frame) : unknown('a value', undefined);
        const keyText = key?.kind === 'string' ? key.value : key?.kind === 'number' ? String(key.value) : undefined;
        if (keyText === undefined) open = true;
        else entries.set(keyText, value as Value);
      } else if (child.type === 'dictionary_splat') {
        const inner = child.namedChildren[0];
        const spread = inner ? this.evaluate(inner, scope, frame) : undefined;
        if (spread?.kind === 'dict') {
          for (const [key, value] of spread.entries) entries.set(key, value);
          open ||= spread.open;
        } else {
          open = true;
        }
      }
    }
    return { kind: 'dict', entries, open, site: this.interpreter.site(node, frame) };
  }

  private comprehension(node: SyntaxNode, scope: Scope, frame: Frame): EvalValue {
    const site = this.interpreter.site(node, frame);
    const body = node.childForFieldName('body');
    const clauses = node.namedChildren.filter((child) => child.type === 'for_in_clause' || child.type === 'if_clause');
    // Clauses are followed by recursion, one level each: thousands of them overflowed the stack.
    if (!body || clauses.length > MAX_COMPREHENSION_CLAUSES) return unknown('a comprehension', site);
    // A comprehension has its own scope for its loop variables.
    const inner = new (scope.constructor as typeof Scope)('function', scope, scope.path);
    const items: EvalValue[] = [];
    let open = false;
    const run = (position: number): void => {
      if (items.length > MAX_ITERATIONS * 4) {
        open = true;
        return;
      }
      const clause = clauses[position];
      if (!clause) {
        if (node.type === 'dictionary_comprehension') items.push(this.evaluate(body, inner, frame));
        else items.push(this.evaluate(body, inner, frame));
        return;
      }
      if (clause.type === 'if_clause') {
        const condition = clause.namedChildren[0];
        const truth = condition ? this.truthiness(this.evaluate(condition, inner, frame)) : undefined;
        if (truth === false) return;
        if (truth === undefined) open = true;
        run(position + 1);
        return;
      }
      const left = clause.childForFieldName('left');
      const right = clause.childForFieldName('right');
      if (!left || !right) return;
      const iteration = this.iterate(this.evaluate(right, inner, frame), undefined);
      if (!iteration || iteration.items.length > MAX_ITERATIONS) {
        open = true;
        this.interpreter.loops.push({ index: undefined, count: undefined });
        this.assign(left, unknown(`an item of \`${right.text.slice(0, 60)}\``, this.interpreter.site(right, frame)), inner, frame);
        const before = items.length;
        run(position + 1);
        // What one unknown iteration produced stands for an unknown number of items.
        if (items.length > before) items.length = before;
        this.interpreter.loops.pop();
        return;
      }
      if (!iteration.exact) open = true;
      for (const [index, item] of iteration.items.entries()) {
        this.interpreter.loops.push({ index, count: iteration.exact ? iteration.items.length : undefined });
        this.assign(left, item, inner, frame);
        run(position + 1);
        this.interpreter.loops.pop();
      }
    };
    run(0);
    if (node.type === 'dictionary_comprehension') {
      // Pairs evaluate to a two-item list: [key, value].
      const entries = new Map<string, Value>();
      for (const item of items) {
        const pair = item.kind === 'list' ? item.items : undefined;
        const key = pair?.[0];
        if (key?.kind === 'string' && pair?.[1]) entries.set(key.value, pair[1]);
        else open = true;
      }
      return { kind: 'dict', entries, open, site };
    }
    return { kind: 'list', items: items as Value[], open, site };
  }

  private booleanOperator(node: SyntaxNode, scope: Scope, frame: Frame): EvalValue {
    const site = this.interpreter.site(node, frame);
    const leftNode = node.childForFieldName('left');
    const rightNode = node.childForFieldName('right');
    const operator = node.childForFieldName('operator')?.text;
    if (!leftNode || !rightNode) return unknown('a condition', site);
    const left = this.evaluate(leftNode, scope, frame);
    const truth = this.truthiness(left);
    if (operator === 'or') {
      if (truth === true) return left;
      const right = this.evaluate(rightNode, scope, frame);
      if (truth === false) return right;
      // `config.get("region") or "us-east-1"`: a config read with a default.
      if (left.kind === 'config' && !left.read.default) {
        const read = { ...left.read, default: toModelValue(right) };
        this.interpreter.builder.configReads.push(read);
        return { kind: 'config', read, site };
      }
      if (left.kind === 'unknown' && left.reason.startsWith('a parameter') && right.kind !== 'unknown') return { kind: 'unknown', reason: left.reason, site, string: right.kind === 'string' };
      return unknown(`\`${node.text.slice(0, 60)}\``, site, right.kind === 'string' || right.kind === 'template');
    }
    if (truth === false) return left;
    const right = this.evaluate(rightNode, scope, frame);
    if (truth === true) return right;
    // `enabled and None` is falsy whatever `enabled` is: a guard `if enabled and zone_id:` with no zone skips its body.
    if (this.truthiness(right) === false) return right;
    return unknown(`\`${node.text.slice(0, 60)}\``, site);
  }

  private subscript(node: SyntaxNode, scope: Scope, frame: Frame): EvalValue {
    const site = this.interpreter.site(node, frame);
    const valueNode = node.childForFieldName('value');
    const indexNode = node.childForFieldName('subscript');
    if (!valueNode || !indexNode) return unknown('a subscript', site);
    const value = this.evaluate(valueNode, scope, frame);
    if (indexNode.type === 'slice') return this.slice(value, indexNode, scope, frame, site);
    const index = this.evaluate(indexNode, scope, frame);
    if (value.kind === 'list' && index.kind === 'number' && Number.isInteger(index.value)) {
      const position = index.value < 0 ? value.items.length + index.value : index.value;
      const item = value.items[position];
      if (item) return item;
      return unknown(`item ${index.value} of \`${valueNode.text.slice(0, 60)}\``, site);
    }
    if (value.kind === 'dict') {
      const key = index.kind === 'string' ? index.value : index.kind === 'number' ? String(index.value) : undefined;
      const item = key === undefined ? undefined : value.entries.get(key);
      if (item) return item;
      return unknown(`\`${node.text.slice(0, 60)}\``, site);
    }
    if (value.kind === 'output') return { kind: 'output', resources: value.resources, via: 'index', site, ...(value.resource ? { resource: value.resource } : {}), ...(value.attribute ? { attribute: `${value.attribute}[]` } : {}) };
    if (value.kind === 'string' && index.kind === 'number') return { kind: 'string', value: value.value.at(index.value) ?? '', site };
    return unknown(`\`${node.text.slice(0, 60)}\``, site);
  }

  /** `azs[:2]`, `names[1:]`: a known slice of a known list, or N unknown items of a list of unknown content. */
  private slice(value: EvalValue, slice: SyntaxNode, scope: Scope, frame: Frame, site: Site): EvalValue {
    // `[a:b:c]`: the bounds are told apart by the colons before them.
    let start: number | undefined;
    let stop: number | undefined;
    let section = 0;
    for (const child of slice.children) {
      if (child.type === ':') {
        section++;
        continue;
      }
      if (!child.isNamed || child.type === 'comment') continue;
      const number = this.evaluate(child, scope, frame);
      if (number.kind !== 'number') return unknown('a slice', site);
      if (section === 0) start = number.value;
      else if (section === 1) stop = number.value;
      else if (number.value !== 1) return unknown('a stepped slice', site);
    }
    if (value.kind === 'list') return { kind: 'list', items: value.items.slice(start, stop), open: value.open && stop === undefined, site };
    if (value.kind === 'string') return { kind: 'string', value: value.value.slice(start, stop), site };
    // A slice of a string not known in full (`f"{prefix}-name"[:64]`) is a string, not a list.
    if (value.kind === 'template' || (value.kind === 'unknown' && value.string)) return unknown('a slice of a string', site, true);
    if (stop !== undefined && stop >= 0 && (start ?? 0) >= 0 && stop - (start ?? 0) <= MAX_ITERATIONS) {
      // At most stop - start items of a list whose content is not known (`azs.names[:3]`).
      const count = Math.max(0, stop - (start ?? 0));
      const items = Array.from({ length: count }, () => unknown(`an item of ${describe(value)}`, site));
      const list: ListValue = { kind: 'list', items, open: false, atMost: true, site };
      return list;
    }
    return unknown('a slice', site);
  }

  assign(target: SyntaxNode, value: EvalValue, scope: Scope, frame: Frame): void {
    switch (target.type) {
      case 'identifier':
        scope.bind(target.text, value);
        nameResource(value, target.text);
        return;
      case 'attribute': {
        const objectNode = target.childForFieldName('object');
        const attribute = target.childForFieldName('attribute')?.text;
        if (!objectNode || !attribute) return;
        const object = this.evaluate(objectNode, scope, frame);
        if (object.kind === 'object') {
          object.fields.set(attribute, value);
          nameResource(value, target.text);
        } else if (object.kind === 'class') {
          object.info.attributes.set(attribute, value);
        } else if (object.kind === 'resource') {
          const fields = this.interpreter.resourceFields.get(object.resource) ?? new Map<string, EvalValue>();
          fields.set(attribute, value);
          this.interpreter.resourceFields.set(object.resource, fields);
        }
        return;
      }
      case 'subscript': {
        const container = target.childForFieldName('value');
        const indexNode = target.childForFieldName('subscript');
        if (!container || !indexNode) return;
        const object = this.evaluate(container, scope, frame);
        const index = this.evaluate(indexNode, scope, frame);
        if (object.kind === 'dict') {
          const key = index.kind === 'string' ? index.value : index.kind === 'number' ? String(index.value) : undefined;
          if (key === undefined) (object as { open: boolean }).open = true;
          else (object.entries as Map<string, Value>).set(key, value as Value);
        } else if (object.kind === 'list' && index.kind === 'number') {
          const items = object.items as Value[];
          if (index.value >= 0 && index.value < items.length) items[index.value] = value as Value;
        }
        return;
      }
      case 'pattern_list':
      case 'tuple_pattern':
      case 'list_pattern':
      case 'tuple':
      case 'list':
      case 'expression_list': {
        const targets = target.namedChildren.filter((child) => child.type !== 'comment');
        const iteration = this.iterate(value, undefined);
        targets.forEach((child, index) => {
          if (child.type === 'list_splat_pattern') {
            const rest = iteration ? iteration.items.slice(index, iteration.items.length - (targets.length - index - 1)) : undefined;
            const inner = child.namedChildren[0];
            if (inner) this.assign(inner, rest ? { kind: 'list', items: rest as Value[], open: false, site: undefined } : unknown('the rest', undefined), scope, frame);
            return;
          }
          const item = iteration?.exact && iteration.items.length === targets.length ? iteration.items[index] : undefined;
          this.assign(child, item ?? unknown(`part of \`${target.text.slice(0, 60)}\``, this.interpreter.site(child, frame)), scope, frame);
        });
        return;
      }
      case 'parenthesized_expression': {
        const inner = target.namedChildren[0];
        if (inner) this.assign(inner, value, scope, frame);
        return;
      }
      default:
        return;
    }
  }

  iterate(value: EvalValue, _site: Site | undefined): { items: EvalValue[]; exact: boolean } | undefined {
    switch (value.kind) {
      case 'list':
        return { items: [...value.items], exact: !value.open && !value.atMost };
      case 'dict':
        return { items: [...value.entries.keys()].map((key) => ({ kind: 'string', value: key, site: value.site })), exact: !value.open };
      case 'string':
        return value.value.length <= MAX_ITERATIONS ? { items: [...value.value].map((char) => ({ kind: 'string', value: char, site: value.site })), exact: true } : undefined;
      default:
        return undefined;
    }
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
        return value.items.length > 0 ? true : value.open ? undefined : false;
      case 'dict':
        return value.entries.size > 0 ? true : value.open ? undefined : false;
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

  defineFunction(node: SyntaxNode, scope: Scope, frame: Frame, owner?: ClassInfo): FunctionValue {
    return defineFunction(node, scope, frame, this, owner);
  }

  defineClass(node: SyntaxNode, decorators: readonly SyntaxNode[], scope: Scope, frame: Frame): void {
    defineClass(node, decorators, scope, frame, this);
  }

  importStatement(node: SyntaxNode, scope: Scope, frame: Frame): void {
    importStatement(node, scope, frame, this);
  }
}

function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(value);
}

function describe(value: EvalValue): string {
  if (value.kind === 'unknown') return value.reason;
  return `a ${value.kind}`;
}

/** Remembers the first name a resource is stored under (`self.igw`), for messages. */
export function nameResource(value: EvalValue, name: string): void {
  if (value.kind === 'object' && value.resource && !value.resource.boundTo) value.resource.boundTo = name;
  if (value.kind === 'resource' && !value.resource.boundTo) value.resource.boundTo = name;
}
