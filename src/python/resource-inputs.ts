/**
 * The inputs of a Pulumi resource call as IAC304 (checks/public-or-unencrypted-storage.ts)
 * judges them: the call's keywords merged with an inline or resolvable `*Args` object, and
 * whether every input can be seen.
 */
import type { PythonUnit } from './units.js';
import { callArguments } from './calls.js';
import { keywordMapping, type Mapping, type NameResolver } from './literal-values.js';
import type { SyntaxNode } from './parser.js';

export interface Inputs {
  mapping: Mapping;
  /** False when some inputs cannot be seen (`**kwargs`, an args object from elsewhere). */
  complete: boolean;
}

/** The inputs of a resource call: its keywords, merged with an inline or resolvable `*Args` object. */
export function resourceInputs(call: SyntaxNode, names: NameResolver, unit: PythonUnit, isArgs: boolean): Inputs | undefined {
  const keywords = keywordMapping(call);
  if (!keywords) return undefined;
  const args = callArguments(call);
  // Omitted settings are only judged on the resource itself, never on a loose `*Args` object.
  let complete = !args.hasSplat && !isArgs;
  const argsNode = isArgs ? undefined : (args.keywords.get('args') ?? args.positional[1]);
  const entries = new Map(keywords.entries);
  if (argsNode) {
    const argsMapping = names.mapping(argsNode, unit.imports);
    if (argsMapping) for (const [key, entry] of argsMapping.entries) entries.set(key, entry);
    if (!argsMapping || argsMapping.open) complete = false;
  }
  return { mapping: { node: call, entries, open: !complete }, complete };
}
