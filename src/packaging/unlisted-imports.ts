/**
 * Imports of third-party code the project's manifests do not list (IAC103's dependency part):
 * it installs on the author's machine and fails with ModuleNotFoundError / "Cannot find module"
 * on a fresh install. Python: a known distribution (pulumi_*, boto3, yaml...) no applicable
 * requirements*.txt, Pipfile, pyproject.toml or setup.py lists. TypeScript: a package (not a
 * Node built-in, not a relative path) the nearest package.json above the file does not list in
 * any of its dependency tables. Kept as placed spans until the end of the review (a node would
 * keep the file's tree alive), then one finding per module.
 */
import { builtinModules } from 'node:module';
import { placedReport } from '../api/report-placement.js';
import type { ProjectView } from '../api/rule.js';
import type { Span } from '../api/types.js';
import { STDLIB_MODULES } from '../python/builtins.js';
import type { SyntaxNode } from '../python/parser.js';
import type { PythonUnit } from '../python/units.js';
import type { SourceUnit } from '../syntax/source-unit.js';
import { descendantsOfType } from '../syntax/walk.js';
import { typeScriptImportBindings } from '../typescript/imports.js';
import { FOREIGN_IAC_MODULES, isKnownThirdParty, isProvided, LAMBDA_RUNTIME_MODULES, suggestedDistribution } from './distributions.js';
import { parsePackageJson } from './package-json.js';
import { ProjectManifests } from './project-manifests.js';

/** Test-runner modules a CI installs on its own; not required in the manifests. */
const TEST_RUNNER_MODULES = new Set(['pytest', '_pytest']);
/** Packages that come with another one (`@jest/globals` with `jest`). */
const TYPESCRIPT_PROVIDED_BY: Record<string, string> = { '@jest/globals': 'jest', '@jest/expect': 'jest', '@pulumi/pulumi/runtime': '@pulumi/pulumi' };
const NODE_BUILTINS = new Set(builtinModules);
const PACKAGE_JSON = /(^|\/)package\.json$/;

interface Unlisted {
  path: string;
  span: Span;
  snippet: string | undefined;
  module: string;
  /** What the manifest should list, when it is not the module's own name (Python distributions). */
  distribution: string | undefined;
  checked: string[];
}

export interface UnlistedImportReport {
  path: string;
  span: Span;
  snippet?: string;
  message: string;
}

export class UnlistedImports {
  private readonly unlisted: Unlisted[] = [];
  private readonly pythonManifests: ProjectManifests | undefined;
  /** Module names that are the project's own files and folders. */
  private readonly local: Set<string>;
  private readonly packageJsons: { folder: string; path: string; listed: ReadonlySet<string> | undefined }[];

  constructor(project: ProjectView) {
    const manifests = new ProjectManifests(project);
    this.pythonManifests = manifests.allPaths().length === 0 ? undefined : manifests;
    const paths = [...new Set([...project.paths, ...project.files.map((file) => file.path)])];
    this.local = localModuleNames(paths);
    this.packageJsons = paths
      .filter((path) => PACKAGE_JSON.test(path) && !path.includes('node_modules/'))
      .map((path) => ({ folder: path.replace(/(^|\/)package\.json$/, ''), path, listed: listedPackages(project.readFile(path)) }));
  }

  addPythonUnit(unit: PythonUnit): void {
    if (!this.pythonManifests) return;
    const applicable = this.pythonManifests.applicableTo(unit.path);
    if (applicable.status !== 'known') return;
    let lambda: boolean | undefined;
    for (const site of pythonImportSites(unit)) {
      const module = site.module;
      if (STDLIB_MODULES.has(module) || FOREIGN_IAC_MODULES.has(module) || !isKnownThirdParty(module) || this.local.has(module)) continue;
      if (unit.isTestFile && TEST_RUNNER_MODULES.has(module)) continue;
      if (LAMBDA_RUNTIME_MODULES.has(module) && (lambda ??= isLambdaCode(unit))) continue;
      if (isProvided(module, applicable.listed)) continue;
      this.keep(unit, site.node, module, suggestedDistribution(module), applicable.manifests.map((manifest) => manifest.path));
    }
  }

  addTypeScriptUnit(unit: SourceUnit): void {
    const manifest = this.packageJsonFor(unit.path);
    if (!manifest?.listed) return;
    const seen = new Set<string>();
    for (const binding of typeScriptImportBindings(unit.root)) {
      const name = packageName(binding.module);
      if (!name || binding.typeOnly || seen.has(name) || manifest.listed.has(name) || manifest.listed.has(typesPackage(name))) continue;
      const provider = TYPESCRIPT_PROVIDED_BY[binding.module] ?? TYPESCRIPT_PROVIDED_BY[name];
      if (provider && manifest.listed.has(provider)) continue;
      seen.add(name);
      const statement = binding.node.parent?.type === 'import_clause' || binding.node.parent?.type === 'namespace_import' || binding.node.parent?.type === 'import_specifier' ? enclosing(binding.node, 'import_statement') : undefined;
      this.keep(unit, statement ?? binding.node, name, undefined, [manifest.path]);
    }
  }

  /** One finding per module, at its first import in path order, naming how many other files import it. */
  reports(): UnlistedImportReport[] {
    const found = new Map<string, Unlisted & { files: Set<string> }>();
    for (const entry of [...this.unlisted].sort((a, b) => a.path.localeCompare(b.path))) {
      const existing = found.get(entry.module);
      if (existing) existing.files.add(entry.path);
      else found.set(entry.module, { ...entry, files: new Set([entry.path]) });
    }
    return [...found.values()].map(({ path, span, snippet, module, distribution, checked, files }) => {
      const others = files.size - 1;
      return {
        path,
        span,
        ...(snippet === undefined ? {} : { snippet }),
        message: `\`${module}\` is imported but ${checked.join(', ')} ${checked.length > 1 ? 'do' : 'does'} not list ${distribution === undefined ? 'it' : `its distribution \`${distribution}\``}${others > 0 ? ` (also imported in ${others} other file${others > 1 ? 's' : ''})` : ''}.`,
      };
    });
  }

  private keep(unit: SourceUnit, node: SyntaxNode, module: string, distribution: string | undefined, checked: string[]): void {
    const placed = placedReport(unit, { node, message: module });
    this.unlisted.push({ path: unit.path, span: placed.span, snippet: placed.snippet, module: placed.message, distribution, checked });
  }

  /** The nearest package.json in the file's folder or a folder above it. */
  private packageJsonFor(path: string): { path: string; listed: ReadonlySet<string> | undefined } | undefined {
    let best: (typeof this.packageJsons)[number] | undefined;
    for (const manifest of this.packageJsons) {
      const inside = manifest.folder === '' || path.startsWith(`${manifest.folder}/`);
      if (inside && (!best || manifest.folder.length > best.folder.length)) best = manifest;
    }
    return best;
  }
}

/** Every package a package.json lists, in any dependency table; undefined when it cannot be read. */
function listedPackages(text: string | undefined): ReadonlySet<string> | undefined {
  if (text === undefined) return undefined;
  const manifest = parsePackageJson(text);
  if (manifest.parseError) return undefined;
  return new Set(manifest.dependencies.map((dependency) => dependency.name));
}

/** `@pulumi/aws` for `@pulumi/aws/ec2`, `lodash` for `lodash/fp`; undefined for relative paths and Node built-ins. */
function packageName(specifier: string): string | undefined {
  if (!specifier || specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('node:')) return undefined;
  const parts = specifier.split('/');
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? '');
  if (NODE_BUILTINS.has(name) || NODE_BUILTINS.has(specifier)) return undefined;
  return /^(@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*$/i.test(name) ? name : undefined;
}

/** `@types/aws-lambda` for `aws-lambda`, `@types/babel__core` for `@babel/core`: a package of types only is imported by the name it types. */
function typesPackage(name: string): string {
  return `@types/${name.startsWith('@') ? name.slice(1).replace('/', '__') : name}`;
}

function enclosing(node: SyntaxNode, type: string): SyntaxNode | undefined {
  for (let current: SyntaxNode | null = node; current; current = current.parent) if (current.type === type) return current;
  return undefined;
}

interface ImportSite {
  module: string;
  node: SyntaxNode;
}

/** True for an import that may fail on purpose: in `try` with an ImportError handler, or under `if TYPE_CHECKING`. */
function isOptionalImport(statement: SyntaxNode): boolean {
  for (let child = statement, parent = statement.parent; parent; child = parent, parent = parent.parent) {
    if (parent.type === 'try_statement' && parent.childForFieldName('body')?.id === child.id) {
      const handlers = parent.namedChildren.filter((node) => node.type === 'except_clause' || node.type === 'except_group_clause');
      const catchesImportErrors = (handler: SyntaxNode) => {
        const caught = handler.namedChildren.find((node) => node.type !== 'block' && node.type !== 'comment');
        return !caught || /\b(ImportError|ModuleNotFoundError|Exception|BaseException)\b/.test(caught.text);
      };
      if (handlers.some(catchesImportErrors)) return true;
    }
    if (parent.type === 'if_statement' && /\bTYPE_CHECKING\b/.test(parent.childForFieldName('condition')?.text ?? '') && parent.childForFieldName('consequence')?.id === child.id) return true;
  }
  return false;
}

function pythonImportSites(unit: PythonUnit): ImportSite[] {
  const sites: ImportSite[] = [];
  for (const statement of descendantsOfType(unit.root, ['import_statement', 'import_from_statement'])) {
    if (statement.hasError || isOptionalImport(statement)) continue;
    if (statement.type === 'import_statement') {
      for (const child of statement.namedChildren) {
        const name = child.type === 'aliased_import' ? child.childForFieldName('name') : child.type === 'dotted_name' ? child : null;
        const first = name?.namedChildren[0];
        if (name && first) sites.push({ module: first.text, node: name });
      }
    } else {
      const moduleNode = statement.childForFieldName('module_name');
      const first = moduleNode?.type === 'dotted_name' ? moduleNode.namedChildren[0] : undefined;
      if (moduleNode && first) sites.push({ module: first.text, node: moduleNode });
    }
  }
  return sites;
}

/** Code run by AWS Lambda: a `handler(event, context)`-style function or a Lambda/function folder. */
function isLambdaCode(unit: PythonUnit): boolean {
  if (/(^|\/)[^/]*(lambda|functions?|handlers?)[^/]*\//i.test(unit.path)) return true;
  for (const definition of descendantsOfType(unit.root, 'function_definition')) {
    const names = (definition.childForFieldName('parameters')?.namedChildren ?? []).map((parameter) => parameter.text.split(/[:=]/)[0]?.trim());
    if (names[0] === 'event' && /^_?(context|ctx|_)$/.test(names[1] ?? '')) return true;
  }
  return false;
}

function localModuleNames(paths: readonly string[]): Set<string> {
  const names = new Set<string>();
  for (const path of paths) {
    const parts = path.split('/');
    const base = parts.pop() ?? '';
    parts.forEach((part) => names.add(part));
    const stem = /^([A-Za-z_][A-Za-z0-9_]*)\.(py|pyi|so|pyd)$/.exec(base)?.[1];
    if (stem) names.add(stem);
  }
  return names;
}
