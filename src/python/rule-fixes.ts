/**
 * Fixes the rules attach to their findings, built from the edits in fix-edits.ts. Each
 * returns undefined unless the change is certain: a fix is never a guess.
 */
import type { ModelFix, ReviewSettings, UnitFix } from '../api/rule.js';
import type { OutputMisuse, ProgramModel, Resource, Value } from '../pulumi/model.js';
import { sameSite, Site } from '../pulumi/site.js';
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

/** Where a unit's sites come from, as a key: a rule's visitors note facts per unit, its model judgement reads them by site. */
export function unitKey(source: { path: string; lineOffset: number; columnOffset: number }): string {
  return `${source.path}\u0000${source.lineOffset}\u0000${source.columnOffset}`;
}

/** True when the unit can write `pulumi.…`: it imports the package under its own name (`import pulumi`). */
export function importsPulumiAsPulumi(imports: ReadonlyMap<string, string>): boolean {
  return imports.get('pulumi') === 'pulumi';
}

function within(inner: Site, outer: Site): boolean {
  return inner.source === outer.source && outer.start <= inner.start && inner.end <= outer.end;
}

/** A local name or `self.<name>`: what the fix can write to reach a resource. */
const PLAIN_REFERENCE = /^(?:self\.)?[A-Za-z_][A-Za-z0-9_]*$/;

/** The methods `__init__` of a class runs (itself included), as the unit's visitors saw them. */
export type ConstructedBy = (className: string) => ReadonlySet<string> | undefined;

/**
 * True when the code creating `user` can name `resource` by its variable: a local or `self`
 * attribute of the same function (or module level), created before it in the text; or a `self`
 * attribute of the same class assigned while the instance is constructed (in `__init__` or a
 * method it runs), when `user` is created afterwards: later in that run, or by another method.
 */
function reachableByName(resource: Resource, user: Resource, constructedBy: ConstructedBy): boolean {
  const name = resource.boundTo;
  const { className, functionName } = user.context;
  if (!name || !PLAIN_REFERENCE.test(name) || resource.site.source !== user.site.source || resource.context.className !== className) return false;
  if (resource.context.functionName === functionName) return resource.site.end <= user.site.start;
  if (!name.startsWith('self.') || className === undefined) return false;
  const construction = constructedBy(className);
  if (!construction?.has(resource.context.functionName ?? '')) return false;
  // Both during construction: the model ran `__init__`'s calls in their order, so creation order is run order.
  return !construction.has(functionName ?? '') || resource.id < user.id;
}

/**
 * IAC501: `depends_on=[<gateway>]` for a Python NAT gateway that lacks it: added to its inline
 * `pulumi.ResourceOptions(...)`, or as `opts=pulumi.ResourceOptions(depends_on=[...])` when it
 * has no options (and the unit imports `pulumi`). Only when the gateway is reachable by a plain
 * name there, and the options are written in the call itself and have no `depends_on` yet.
 */
export function natDependsOnFix(nat: Resource, gateway: Resource, importsPulumi: boolean, constructedBy: ConstructedBy): ModelFix | undefined {
  const reference = gateway.boundTo;
  if (nat.language !== 'python' || !reference || !reachableByName(gateway, nat, constructedBy)) return undefined;
  const description = `Add \`depends_on=[${reference}]\``;
  const options = nat.options;
  if (!options.given) {
    // `opts=None` is not "given" either: a second `opts=` would not parse.
    if (!importsPulumi || /\bopts\s*=/.test(nat.callSite.text)) return undefined;
    const edit = appendPythonArgument(nat.site, nat.callSite, 'opts', `pulumi.ResourceOptions(depends_on=[${reference}])`);
    return edit && { description, edits: [edit] };
  }
  const site = options.site;
  if (options.open || options.values.has('depends_on') || !site || !within(site, nat.callSite)) return undefined;
  // The options object itself, written in the call: `pulumi.ResourceOptions(...)` (not a variable shared with other resources).
  const callee = /^(?:pulumi\.)?ResourceOptions(?=\s*\()/.exec(site.text)?.[0];
  if (!callee) return undefined;
  const edit = appendPythonArgument(new Site(site.source, site.start, site.start + callee.length), site, 'depends_on', `[${reference}]`);
  return edit && { description, edits: [edit] };
}

/** True when `value`, or a list item or dict entry inside it, is the value written at `site`. */
function holdsValueAt(value: Value | undefined, site: Site): boolean {
  if (!value) return false;
  if (sameSite(value.site, site)) return true;
  if (value.kind === 'list') return value.items.some((item) => holdsValueAt(item, site));
  if (value.kind === 'dict') return [...value.entries.values()].some((entry) => holdsValueAt(entry, site));
  return false;
}

/**
 * IAC109: `json.dumps(...)` over Outputs becomes `pulumi.Output.json_dumps(...)` (same keyword
 * arguments), which waits for them. Only where an `Output[str]` serves as well as the string: the
 * call is written as a resource's argument (or an item inside one), not kept in a variable other
 * code may use as text; only when every Output in it is a value of the document (one formatted
 * into a string inside, `f"{bucket.arn}/*"`, stays wrong in `json_dumps` too); and only when the
 * unit imports `pulumi`.
 */
export function jsonDumpsFix(misuse: OutputMisuse, program: Pick<ProgramModel, 'resources' | 'outputMisuses'>, importsPulumi: boolean): ModelFix | undefined {
  if (misuse.language !== 'python' || misuse.how !== 'json.dumps' || !importsPulumi) return undefined;
  const callee = /^json\s*\.\s*dumps(?=\s*\()/.exec(misuse.site.text)?.[0];
  if (!callee || program.outputMisuses.some((other) => other.how !== 'json.dumps' && within(other.site, misuse.site))) return undefined;
  const resources = program.resources;
  const asArgument = resources.some((resource) =>
    [...resource.args.values()].some((argument) => argument.site && within(misuse.site, argument.site) && holdsValueAt(argument.value, misuse.site)),
  );
  if (!asArgument) return undefined;
  const site = misuse.site;
  return { description: 'Use `pulumi.Output.json_dumps`', edits: [{ site: new Site(site.source, site.start, site.start + callee.length), text: 'pulumi.Output.json_dumps' }] };
}
