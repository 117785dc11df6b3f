/**
 * setup.py as a dependency manifest for python-manifests.ts: the string literals of
 * `install_requires`, `extras_require` and `tests_require` in the `setup(...)` call. Anything
 * computed makes the manifest opaque.
 */
import { stringLiteralValue } from '../python/calls.js';
import { parsePython, type SyntaxNode } from '../python/parser.js';
import { descendantsOfType } from '../syntax/walk.js';
import { emptyManifest, entry, type Manifest } from './manifest-model.js';
import { parseRequirement } from './pep508.js';

/** setup.py: the string literals of `install_requires=[...]` / `extras_require={...: [...]}`; anything else is opaque. */
export function parseSetupPy(path: string, text: string): Manifest {
  const manifest = emptyManifest(path, 'setup.py');
  const root = parsePython(text).rootNode;
  const setupCall = [...descendantsOfType(root, 'call')].find((call) => /(^|\.)setup$/.test(call.childForFieldName('function')?.text ?? ''));
  if (!setupCall) {
    manifest.opaque = true;
    return manifest;
  }
  const args = setupCall.childForFieldName('arguments');
  for (const argument of args?.namedChildren ?? []) {
    if (argument.type === 'dictionary_splat' || argument.type === 'list_splat') manifest.opaque = true;
    if (argument.type !== 'keyword_argument') continue;
    const key = argument.childForFieldName('name')?.text;
    const value = argument.childForFieldName('value');
    if (!value || (key !== 'install_requires' && key !== 'extras_require' && key !== 'tests_require')) continue;
    manifest.declaresDependencies = true;
    const lists = key === 'extras_require' ? (value.type === 'dictionary' ? value.namedChildren.map((pair) => pair.childForFieldName('value')) : [null]) : [value];
    for (const list of lists) addSetupList(manifest, list ?? null, key);
  }
  return manifest;
}

function addSetupList(manifest: Manifest, list: SyntaxNode | null, section: string): void {
  if (!list || list.type !== 'list') {
    manifest.opaque = true;
    return;
  }
  for (const item of list.namedChildren) {
    if (item.type === 'comment') continue;
    const value = stringLiteralValue(item);
    if (value === undefined) {
      manifest.opaque = true;
      continue;
    }
    const position = { line: item.startPosition.row + 1, column: item.startPosition.column + 2, endColumn: item.startPosition.column + 2 + value.length };
    const parsed = parseRequirement(value);
    if (parsed.kind === 'unknown') manifest.opaque = true;
    else if (parsed.kind === 'invalid') manifest.invalid.push({ text: value, reason: parsed.reason, ...position });
    else manifest.requirements.push(entry(parsed.name, parsed.extras, parsed.specifiers, parsed.constraintKnown, parsed.marker, value, position.line, position.column, section));
  }
}
