/**
 * Fixes the rules attach to their findings, built from the edits in fix-edits.ts. Each
 * returns undefined unless the change is certain: a fix is never a guess.
 */
import type { ModelFix, ReviewSettings, UnitFix } from '../api/rule.js';
import type { Resource } from '../pulumi/model.js';
import { bodyStatements, docstringOf, statementsAfterDocstring, unwrapDefinition } from './definitions.js';
import { appendPythonArgument, appendToList, fixOf, indentationBefore, insertAfter, insertBefore, replaceNode } from './fix-edits.js';
import type { ImportTable } from './names.js';
import type { SyntaxNode } from './parser.js';
import type { PythonUnit } from './units.js';
import { descendantsOfType } from '../syntax/walk.js';

/** Replaces a name (an argument, a resource, a module) with the one it misspells. */
export function renameFix(node: SyntaxNode, name: string): UnitFix | undefined {
  return fixOf(`Rename \`${node.text}\` to \`${name}\``, replaceNode(node, name));
}

/** How the unit can name `pulumi.ComponentResource`: through `import pulumi` or a direct import. */
function componentResourceName(imports: ImportTable): string | undefined {
  for (const [local, qualified] of imports) {
    if (qualified === 'pulumi.ComponentResource') return local;
  }
  for (const [local, qualified] of imports) {
    if (qualified === 'pulumi') return `${local}.ComponentResource`;
  }
  return undefined;
}

function parameterName(parameter: SyntaxNode): string | undefined {
  if (parameter.type === 'identifier') return parameter.text;
  const name = parameter.childForFieldName('name') ?? parameter.namedChildren.find((child) => child.type === 'identifier');
  return name?.type === 'identifier' ? name.text : undefined;
}

function isSuperInit(call: SyntaxNode): boolean {
  return /(^|\.)__init__$/.test(call.childForFieldName('function')?.text ?? '');
}

/**
 * IAC301: a plain class that creates resources becomes a component. The class gets the
 * `ComponentResource` base, `__init__` an `opts=None` parameter when it has none, and its first
 * statement (after the docstring) becomes `super().__init__("pkg:index:<Class>", name, None, opts)`.
 * Only for an `__init__` taking `name`, with no `__init__` call of its own and a block body.
 */
export function componentResourceFix(klass: SyntaxNode, unit: PythonUnit): UnitFix | undefined {
  const base = componentResourceName(unit.imports);
  const nameNode = klass.childForFieldName('name');
  if (!base || !nameNode || klass.childForFieldName('type_parameters')) return undefined;
  const superclasses = klass.childForFieldName('superclasses');
  const bases = superclasses?.namedChildren.filter((child) => child.type !== 'comment') ?? [];
  const open = superclasses?.children[0];
  const baseEdit = !superclasses
    ? insertAfter(nameNode, `(${base})`)
    : bases.length === 0 && open?.type === '('
      ? insertAfter(open, base)
      : bases.length === 1 && bases[0]?.text === 'object'
        ? replaceNode(bases[0], base)
        : undefined;

  const init = bodyStatements(klass.childForFieldName('body'))
    .map(unwrapDefinition)
    .find((definition) => definition?.type === 'function_definition' && definition.childForFieldName('name')?.text === '__init__');
  const parameters = init?.childForFieldName('parameters');
  const body = init?.childForFieldName('body');
  if (!init || !parameters || !body || [...descendantsOfType(body, 'call')].some(isSuperInit)) return undefined;
  const names = parameters.namedChildren.map(parameterName);
  if (!names.includes('name')) return undefined;
  const hasOpts = names.includes('opts');
  if (!hasOpts && parameters.namedChildren.some((parameter) => parameter.type === 'dictionary_splat_pattern')) return undefined;
  const optsEdit = hasOpts ? undefined : appendToList(parameters, 'opts=None', unit.text);
  if (!hasOpts && !optsEdit) return undefined;

  const call = `super().__init__("pkg:index:${nameNode.text}", name, None, opts)`;
  const first = statementsAfterDocstring(body)[0];
  const docstring = docstringOf(body);
  let callEdit;
  if (first && first.startPosition.row > init.startPosition.row) {
    const indent = indentationBefore(unit.text, first.startPosition);
    callEdit = indent === undefined ? undefined : insertBefore(first, `${call}\n${indent}`);
  } else if (!first && docstring && docstring.startPosition.row > init.startPosition.row) {
    const indent = indentationBefore(unit.text, docstring.startPosition);
    callEdit = indent === undefined ? undefined : insertAfter(docstring, `\n${indent}${call}`);
  }
  const edits = [baseEdit, ...(optsEdit ? [optsEdit] : []), callEdit];
  return fixOf(`Subclass \`${base}\` and call \`super().__init__\``, ...edits);
}

/** Words in a provider's name or variable that say it is meant for another region than the stack's. */
const OTHER_REGION_HINT = /replica|secondary|backup|failover|standby|(^|[^a-z])dr([^a-z]|$)|global|cloudfront|acm|edge|north|south|east|west|central/;

/**
 * IAC302: `region="<required region>"` for a Python `aws.Provider(...)` built without one, when
 * the region is a requirement (configuration or lib/AWS_REGION), its file builds no other
 * provider, and nothing in the provider's name suggests it is meant for another region.
 */
export function providerRegionFix(provider: Resource, settings: ReviewSettings, providersInFile: number): ModelFix | undefined {
  const region = settings.region;
  const required = settings.regionSource === 'lib/AWS_REGION' || settings.regionSource?.startsWith('config') === true;
  if (provider.language !== 'python' || !region || !required || providersInFile !== 1) return undefined;
  const name = provider.name.kind === 'string' ? provider.name.value : (provider.name.site?.text ?? '');
  const names = `${name} ${provider.boundTo ?? ''}`.toLowerCase();
  if (OTHER_REGION_HINT.test(names.replaceAll(region, '').replaceAll(region.replaceAll('-', '_'), ''))) return undefined;
  const edit = appendPythonArgument(provider.site, provider.callSite, 'region', `"${region}"`);
  return edit && { description: `Add \`region="${region}"\``, edits: [edit] };
}
