/**
 * Reading IAM policy statements over plain JSON-like values (IAC304), in the two grammars Pulumi
 * programs write them in: the policy JSON grammar (`Effect`, `Action`, `Resource`, `Principal`,
 * `Condition`) and the statements of `iam.get_policy_document` (`effect`, `actions`,
 * `resources`, `principals`, `conditions`). Entries that are present but not known statically
 * are `undefined`; whatever is not known never makes a statement look dangerous.
 */

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

export type StatementForm = 'json' | 'document';

/** What a statement allows, as far as known. */
export interface StatementFacts {
  /** `Allow`, `Deny`, or undefined when not known (`get_policy_document` statements default to Allow). */
  effect: string | undefined;
  /** The known action patterns (`Action`, `actions`). */
  actions: string[];
  /** Every action pattern is known (none is a value the program computes). */
  actionsKnown: boolean;
  /** `*` is among the resources. */
  allResources: boolean;
  /** The statement names a principal (a resource-based or trust policy): `Resource: "*"` there means the resource itself. */
  hasPrincipal: boolean;
  /** The principal is everyone: `"*"`, `{"AWS": "*"}`, or a `principals` entry of type `*` or `AWS` with identifier `*`. */
  publicPrincipal: boolean;
  /** A condition limits the statement, or may (entries not all visible). */
  conditioned: boolean;
}

/** Keys of a statement in each grammar (document keys also in TypeScript's camelCase). */
const KEYS = {
  json: { effect: ['Effect'], actions: ['Action'], resources: ['Resource'], principal: ['Principal', 'NotPrincipal'], condition: ['Condition'] },
  document: { effect: ['effect'], actions: ['actions'], resources: ['resources'], principal: ['principals', 'not_principals', 'notPrincipals'], condition: ['conditions', 'condition'] },
} as const;

function strings(value: Json | undefined): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  return [];
}

/** A string, or a list of strings only. */
function allStrings(value: Json | undefined): boolean {
  return typeof value === 'string' || (Array.isArray(value) && value.every((item) => typeof item === 'string'));
}

function first(entries: ReadonlyMap<string, Json | undefined>, keys: readonly string[]): { present: boolean; value: Json | undefined } {
  for (const key of keys) if (entries.has(key)) return { present: true, value: entries.get(key) };
  return { present: false, value: undefined };
}

/** The facts of one statement; `open` when it may have entries beyond those given. */
export function statementFacts(entries: ReadonlyMap<string, Json | undefined>, form: StatementForm, open: boolean): StatementFacts {
  const keys = KEYS[form];
  const effect = first(entries, keys.effect);
  const principal = first(entries, keys.principal);
  return {
    effect: effect.present ? (typeof effect.value === 'string' ? effect.value : undefined) : form === 'document' && !open ? 'Allow' : undefined,
    actions: strings(first(entries, keys.actions).value),
    actionsKnown: allStrings(first(entries, keys.actions).value),
    allResources: strings(first(entries, keys.resources).value).includes('*'),
    hasPrincipal: principal.present,
    publicPrincipal: principal.present && principal.value !== undefined && (form === 'json' ? isPublicJsonPrincipal(principal.value) : isPublicDocumentPrincipal(principal.value)),
    conditioned: open || first(entries, keys.condition).present,
  };
}

function isPublicJsonPrincipal(principal: Json): boolean {
  if (principal === '*') return true;
  if (principal && typeof principal === 'object' && !Array.isArray(principal)) return strings(principal.AWS).includes('*');
  return false;
}

function isPublicDocumentPrincipal(principals: Json): boolean {
  const list = Array.isArray(principals) ? principals : [principals];
  return list.some((entry) => {
    if (!entry || typeof entry !== 'object' || Array.isArray(entry)) return false;
    return (entry.type === '*' || entry.type === 'AWS') && strings(entry.identifiers).includes('*');
  });
}

/** The statements of JSON policy text (`{"Statement": [...]}` or a single statement object); empty for other text. */
export function jsonPolicyStatements(text: string): { [key: string]: Json }[] {
  const trimmed = text.trim();
  if (!trimmed.startsWith('{') || !trimmed.includes('Statement')) return [];
  let document: Json;
  try {
    document = JSON.parse(trimmed) as Json;
  } catch {
    return [];
  }
  if (!document || typeof document !== 'object' || Array.isArray(document)) return [];
  const statements = document.Statement;
  const list = Array.isArray(statements) ? statements : [statements];
  return list.filter((statement): statement is { [key: string]: Json } => !!statement && typeof statement === 'object' && !Array.isArray(statement));
}
