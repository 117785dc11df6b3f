/**
 * IAM policy statements in model values, however the program wrote the document: dicts
 * (`{"Statement": [...]}`), JSON text in a string, `json.dumps({...})` (a string, or an unknown
 * string that keeps what it encodes when some values are Outputs), `Output.json_dumps(...)` and
 * `output.apply(lambda ...: json.dumps(...))` (Outputs whose known value is the text), and the
 * `statements` of `iam.get_policy_document`. Statement facts are read by src/aws/iam-policy.ts.
 */
import { jsonPolicyStatements, statementFacts, type Json, type StatementFacts, type StatementForm } from '../aws/iam-policy.js';
import type { DictValue, Site, Value } from './model.js';
import { plainOf, writtenSite } from './values.js';

/** How deep values are searched for policy documents. */
const MAX_DEPTH = 16;

export interface PolicyStatement {
  form: StatementForm;
  facts: StatementFacts;
  /** The statement as a model dict, when written as one; undefined when read from JSON text. */
  dict: DictValue | undefined;
  /** The statement dict, or the JSON text it was read from. */
  site: Site | undefined;
}

/** Where to point at one entry of a statement (`Action`, `Principal`): the entry's value when written inside the statement, else the statement. */
export function entrySite(statement: PolicyStatement, ...keys: string[]): Site | undefined {
  if (!statement.dict) return statement.site;
  for (const key of keys) {
    const value = statement.dict.entries.get(key);
    if (value) return writtenSite([statement.dict, value]);
  }
  return statement.site;
}

function dictStatement(dict: DictValue, form: StatementForm): PolicyStatement {
  const entries = new Map<string, Json | undefined>();
  for (const [key, value] of dict.entries) entries.set(key, plainOf(value, true));
  return { form, facts: statementFacts(entries, form, dict.open), dict, site: dict.site };
}

function textStatements(text: string, site: Site | undefined): PolicyStatement[] {
  return jsonPolicyStatements(text).map((statement) => ({ form: 'json', facts: statementFacts(new Map(Object.entries(statement)), 'json', false), dict: undefined, site }));
}

const isStatementDict = (dict: DictValue) => dict.entries.has('Effect') && (dict.entries.has('Action') || dict.entries.has('NotAction'));

/**
 * Statements in the JSON grammar found anywhere in a value. `seen` is shared by the caller
 * across values so a document reached through several resources is read once.
 */
export function policyStatements(value: Value | undefined, seen: Set<Value> = new Set()): PolicyStatement[] {
  const found: PolicyStatement[] = [];
  const stack: { value: Value; depth: number }[] = value ? [{ value, depth: 0 }] : [];
  while (stack.length) {
    const { value: current, depth } = stack.pop() as { value: Value; depth: number };
    if (depth > MAX_DEPTH || seen.has(current)) continue;
    seen.add(current);
    const push = (next: Value | undefined) => next && stack.push({ value: next, depth: depth + 1 });
    switch (current.kind) {
      case 'string':
        if (current.encodes) push(current.encodes);
        else if (current.value.includes('Statement')) for (const statement of textStatements(current.value, current.site)) found.push(statement);
        break;
      case 'unknown':
        push(current.encodes);
        break;
      case 'output':
        push(current.known);
        break;
      case 'list':
        for (const item of current.items) push(item);
        break;
      case 'dict': {
        const statements = current.entries.get('Statement');
        if (statements) {
          const items = statements.kind === 'list' ? statements.items : [statements];
          for (const item of items) if (item.kind === 'dict') found.push(dictStatement(item, 'json'));
        } else if (isStatementDict(current)) {
          found.push(dictStatement(current, 'json'));
        } else {
          for (const item of current.entries.values()) push(item);
        }
        break;
      }
      default:
        break;
    }
  }
  return found;
}

/** The statements of `iam.get_policy_document(statements=[...])`. */
export function documentStatements(statements: Value | undefined): PolicyStatement[] {
  if (statements?.kind !== 'list') return [];
  return statements.items.filter((item): item is DictValue => item.kind === 'dict').map((item) => dictStatement(item, 'document'));
}
