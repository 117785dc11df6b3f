/**
 * One clause of a version constraint (`>=6.0.0`, `==6.*`, `^6.5`), read with pep440.ts for the
 * line-based pin readers: the pulumi-aws pin of dependency-pins.ts and IAC402's `pulumi<3`
 * pins (pulumi-pins.ts). Besides PEP 440 specifiers it reads the Poetry and Pipfile forms `^6.5`, `~6.1`,
 * `=6.5` and bare `6.5.0` / `6.*`, keeping their operator as written. Clauses it does not read
 * are left to the callers' lenient readings (manifests in AI-generated answers are often
 * slightly broken).
 */
import { parseSpecifierSet, parseVersion, type Operator, type Version } from './pep440.js';

export type ClauseOperator = Operator | '^' | '~' | '=';

export interface VersionClause {
  operator: ClauseOperator;
  version: Version;
  /** `==6.*`, `!=6.1.*`, `6.*`, `^6.*`. */
  wildcard: boolean;
}

/**
 * Operators that pin the major version they name: exact pins (`==6.5`, `===6.5`, Pipfile's
 * `=6.5`, a bare `6.5`) and compatible-release ones (`~=6.5`, Poetry's `^6.5` and `~6.5`).
 */
export const MAJOR_PINNING_OPERATORS: ReadonlySet<string> = new Set<ClauseOperator>(['==', '===', '=', '~=', '^', '~']);

/** Poetry's caret and tilde, Pipfile's single `=`, or no operator (a bare version). */
const POETRY_CLAUSE = /^(\^|~(?!=)|=(?!=))?\s*(\S.*)?$/;

/**
 * The clause when pep440.ts reads it and its release numbers are written plainly (`6.5.0`,
 * `v6.5`, `6.5.0rc1`); undefined otherwise. pep440.ts also reads `1!6.5` (an epoch), `V6.5` and
 * `6.05`, which the line-based readers have always read differently, so those are left to them.
 */
export function readVersionClause(clause: string): VersionClause | undefined {
  const text = clause.trim();
  let operator: ClauseOperator;
  let versionText: string;
  let wildcard: boolean;
  const specifiers = parseSpecifierSet(text);
  const specifier = specifiers.ok && specifiers.specifiers.length === 1 ? specifiers.specifiers[0] : undefined;
  if (specifier) {
    ({ operator, version: versionText, wildcard } = specifier);
  } else {
    const poetry = POETRY_CLAUSE.exec(text);
    if (!poetry) return undefined;
    operator = (poetry[1] as ClauseOperator | undefined) ?? '==';
    versionText = poetry[2] ?? '';
    wildcard = versionText.endsWith('.*');
    if (wildcard) versionText = versionText.slice(0, -2);
  }
  const version = parseVersion(versionText);
  if (!version || /^v?(\d+(?:\.\d+)*)/.exec(versionText.trim())?.[1] !== version.release.join('.')) return undefined;
  return { operator, version, wildcard };
}
