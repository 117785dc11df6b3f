/**
 * IAC103: code that cannot import or resolve what it uses. Two parts:
 *
 * 1. Names: a name used but bound nowhere it could be seen from (`aws.ec2.Vpc` without
 *    `import pulumi_aws as aws`), with Python's scoping rules (src/python/scopes.ts). Silent
 *    for a file with a star import, `exec`/`globals()`, or a syntax error (IAC101/IAC102 own
 *    broken code). In Markdown all Python blocks of a document form one program (a name bound in
 *    any block counts for every block) and only module-like names (`aws.`, `json.`, `os.`...)
 *    are reported, because answers show fragments whose variables live in prose or elided code.
 * 2. Dependencies: a known third-party module (pulumi_*, boto3, yaml...) imported by a reviewed
 *    .py file while the manifests governing it (requirements*.txt, Pipfile, pyproject.toml,
 *    setup.py in the root or a folder above the file) exist and none lists its distribution.
 *    This rule owns "imported but not listed"; IAC602 only judges the manifests' own pins, so
 *    one problem never gives two findings.
 */
import { ProjectManifests } from '../src/packaging/project-manifests.js';
import { placedReport } from '../src/api/report-placement.js';
import type { ProjectRule, ProjectRuleContext, ProjectView, ReviewedFile } from '../src/api/rule.js';
import type { Span } from '../src/api/types.js';
import { languageOf, type PythonUnit } from '../src/python/units.js';
import { PYTHON2_BUILTINS, STDLIB_MODULES } from '../src/python/builtins.js';
import {
  FOREIGN_IAC_MODULES,
  isKnownThirdParty,
  isProvided,
  LAMBDA_RUNTIME_MODULES,
  suggestedDistribution,
} from '../src/packaging/distributions.js';
import type { SyntaxNode } from '../src/python/parser.js';
import { analyseNames, type NameUse } from '../src/python/scopes.js';
import { descendantsOfType } from '../src/syntax/walk.js';

/** Names whose import is unambiguous, and the statement to add. */
const IMPORT_HINTS: Record<string, string> = {
  aws: 'import pulumi_aws as aws',
  awsx: 'import pulumi_awsx as awsx',
  pulumi: 'import pulumi',
  boto3: 'import boto3',
  botocore: 'import botocore',
  yaml: 'import yaml',
  requests: 'import requests',
  pytest: 'import pytest',
};

const FROM_HINTS: Record<string, string> = {
  ComponentResource: 'pulumi',
  ResourceOptions: 'pulumi',
  InvokeOptions: 'pulumi',
  CustomResource: 'pulumi',
  Output: 'pulumi',
  Input: 'pulumi',
  Config: 'pulumi',
  AssetArchive: 'pulumi',
  FileArchive: 'pulumi',
  FileAsset: 'pulumi',
  StringAsset: 'pulumi',
  Optional: 'typing',
  List: 'typing',
  Dict: 'typing',
  Any: 'typing',
  Union: 'typing',
  Sequence: 'typing',
  Mapping: 'typing',
  Tuple: 'typing',
  Callable: 'typing',
  Iterable: 'typing',
  dataclass: 'dataclasses',
  field: 'dataclasses',
  Path: 'pathlib',
  MagicMock: 'unittest.mock',
  patch: 'unittest.mock',
};

/** Standard-library module names that are also common variable names or ambiguous imports. */
const AMBIGUOUS_STDLIB = new Set(['random', 'datetime', 'time', 'string', 'types', 'copy', 'code', 'select', 'signal', 'token', 'site', 'queue', 'array', 'io', 'this', 'test', 'resource', 'parser', 'secrets', 'keyword', 'numbers', 'operator', 'platform', 'calendar']);

/** Test-runner modules a CI installs on its own; not required in the manifests. */
const TEST_RUNNER_MODULES = new Set(['pytest', '_pytest']);

function importHint(name: string): string | undefined {
  if (IMPORT_HINTS[name]) return IMPORT_HINTS[name];
  if (STDLIB_MODULES.has(name) && !AMBIGUOUS_STDLIB.has(name) && !name.startsWith('_')) return `import ${name}`;
  const from = FROM_HINTS[name];
  return from ? `from ${from} import ${name}` : undefined;
}

function isAttributeObject(node: SyntaxNode): boolean {
  const parent = node.parent;
  return parent?.type === 'attribute' && parent.childForFieldName('object')?.id === node.id;
}

function groupByName(uses: readonly NameUse[]): Map<string, NameUse[]> {
  const groups = new Map<string, NameUse[]>();
  for (const use of uses) {
    const list = groups.get(use.name) ?? [];
    list.push(use);
    groups.set(use.name, list);
  }
  return groups;
}

export const missingImport: ProjectRule<DependencyState> = {
  meta: {
    id: 'IAC103',
    name: 'missing-import',
    title: 'Missing import or dependency',
    category: 'Code Generation',
    severity: 'error',
    why: 'A name used without an import fails with NameError at `pulumi up` or in CI, and a module missing from the project requirements fails with ModuleNotFoundError on a fresh install, instead of in review.',
    fix: 'Import every module the code uses (`import pulumi_aws as aws`, `import json`) and list each third-party distribution (pulumi-aws, pulumi-random, boto3, PyYAML...) in requirements.txt, Pipfile or pyproject.toml.',
    badExample: 'import pulumi\n\nvpc = aws.ec2.Vpc("main", cidr_block="10.0.0.0/16")\npolicy = json.dumps({"Version": "2012-10-17"})',
    goodExample: 'import json\n\nimport pulumi\nimport pulumi_aws as aws\n\nvpc = aws.ec2.Vpc("main", cidr_block="10.0.0.0/16")\npolicy = json.dumps({"Version": "2012-10-17"})',
    seed: { report: 'model-failures-tracking', section: 'Missing Dependencies and Imports' },
  },
  scope: 'project',
  begin: (project) => dependencyState(project),
  // Names are judged file by file while the file's tree is fresh; imports are collected for the end.
  visitFile(file, state, context) {
    if (file.units.length === 0 || file.path.toLowerCase().endsWith('.pyi')) return;
    if (languageOf(file.path) === 'markdown') {
      checkMarkdownNames(file, context);
      return;
    }
    for (const unit of file.units) checkModuleNames(unit, context);
    collectUnlistedImports(file, state);
  },
  check(_project, context, state) {
    reportUnlistedImports(state, context);
  },
};

function checkModuleNames(unit: PythonUnit, context: ProjectRuleContext): void {
  if (unit.root.hasError) return;
  const analysis = analyseNames(unit.root);
  if (analysis.starImport || analysis.dynamicNames) return;
  for (const [name, uses] of groupByName(analysis.unresolved)) {
    const first = uses[0] as NameUse;
    const count = uses.length > 1 ? ` (${uses.length} uses)` : '';
    if (PYTHON2_BUILTINS.has(name)) {
      context.report({ unit, node: first.node, message: `\`${name}\` is a Python 2 builtin that does not exist in Python 3${count}.` });
      continue;
    }
    const last = uses[uses.length - 1] as NameUse;
    if (unit.isFinal && unit.origin === 'python-file' && last.node.endIndex === unit.text.length && uses.length === 1) {
      // `pulumi.export(...)\npu` at the very end: a file cut off mid-name, not a missing import.
      context.report({ unit, node: first.node, message: `\`${name}\` is not defined and ends the file with no line break after it: the file looks cut off in the middle of a name.` });
      continue;
    }
    const hint = importHint(name);
    context.report({
      unit,
      node: first.node,
      message: `\`${name}\` is used but never imported or defined in this module${count}${hint ? `: add \`${hint}\`` : ''}.`,
    });
  }
}

/**
 * All Python blocks of one document are one program: a name bound in any block counts for every
 * block (a sibling block, the file's other excerpt). Only module-like names are reported, and
 * only in blocks of a file the answer shows with its imports: an excerpt without any (a method
 * quoted to explain a fix) leaves them out on purpose.
 */
function checkMarkdownNames(file: ReviewedFile, context: ProjectRuleContext): void {
  const analyses = file.units.map((unit) => ({ unit, analysis: analyseNames(unit.root) }));
  if (analyses.some(({ analysis }) => analysis.starImport || analysis.dynamicNames)) return;
  const bound = new Set(analyses.flatMap(({ analysis }) => [...analysis.moduleBindings]));
  const showsImports = filesShowingImports(file.units);
  const reported = new Set<string>();
  for (const { unit, analysis } of analyses) {
    if (unit.root.hasError || !showsImports.has(assembledFileKey(unit))) continue;
    for (const use of analysis.unresolved) {
      if (bound.has(use.name) || reported.has(use.name) || !isAttributeObject(use.node)) continue;
      const hint = IMPORT_HINTS[use.name] ?? (STDLIB_MODULES.has(use.name) && !AMBIGUOUS_STDLIB.has(use.name) && !use.name.startsWith('_') ? `import ${use.name}` : undefined);
      if (!hint) continue;
      reported.add(use.name);
      context.report({
        unit,
        node: use.node,
        message: `\`${use.name}\` is used but no Python block of this document imports or defines it: add \`${hint}\`.`,
      });
    }
  }
}

/** The file a block belongs to: the one the answer names; blocks it names none for make up its main program. */
function assembledFileKey(unit: PythonUnit): string {
  return unit.assembledPath ?? '';
}

/** Files of an answer (blocks grouped by the file they belong to) that have an import statement in some block. */
function filesShowingImports(units: readonly PythonUnit[]): Set<string> {
  const keys = new Set<string>();
  for (const unit of units) {
    if (unit.imports.size > 0 || descendantsOfType(unit.root, ['import_statement', 'import_from_statement']).length > 0) keys.add(assembledFileKey(unit));
  }
  return keys;
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
      if (handlers.some((handler) => { const caught = handler.namedChildren.find((node) => node.type !== 'block' && node.type !== 'comment'); return !caught || /\b(ImportError|ModuleNotFoundError|Exception|BaseException)\b/.test(caught.text); })) return true;
    }
    if (parent.type === 'if_statement' && /\bTYPE_CHECKING\b/.test(parent.childForFieldName('condition')?.text ?? '') && parent.childForFieldName('consequence')?.id === child.id) return true;
  }
  return false;
}

function importSites(unit: PythonUnit): ImportSite[] {
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
    const stem = /^([A-Za-z_][A-Za-z0-9_]*)\.(py|pyi|so|pyd)$/.exec(base)?.[1] ?? /^([A-Za-z_][A-Za-z0-9_]*)\./.exec(base)?.[1];
    if (stem && /\.(py|pyi|so|pyd)$/.test(base)) names.add(stem);
  }
  return names;
}

/** What the dependency part needs from the whole project, and the imports it found. */
interface DependencyState {
  manifests: ProjectManifests | undefined;
  /** Module names that are the project's own files and folders. */
  local: Set<string>;
  /** Per Python file, the imports no applicable manifest lists. */
  unlisted: { path: string; span: Span; snippet: string | undefined; module: string; checked: string[] }[];
}

function dependencyState(project: ProjectView): DependencyState {
  const manifests = new ProjectManifests(project);
  return {
    manifests: manifests.allPaths().length === 0 ? undefined : manifests,
    local: localModuleNames([...project.paths, ...project.files.map((file) => file.path)]),
    unlisted: [],
  };
}

function collectUnlistedImports(file: ReviewedFile, state: DependencyState): void {
  const unit = file.units[0];
  if (!state.manifests || !unit || languageOf(file.path) !== 'python') return;
  const applicable = state.manifests.applicableTo(file.path);
  if (applicable.status !== 'known') return;
  let lambda: boolean | undefined;
  for (const site of importSites(unit)) {
    const module = site.module;
    if (STDLIB_MODULES.has(module) || FOREIGN_IAC_MODULES.has(module) || !isKnownThirdParty(module) || state.local.has(module)) continue;
    if (unit.isTestFile && TEST_RUNNER_MODULES.has(module)) continue;
    if (LAMBDA_RUNTIME_MODULES.has(module) && (lambda ??= isLambdaCode(unit))) continue;
    if (isProvided(module, applicable.listed)) continue;
    // Kept until the end of the review as a placed span: a node would keep the file's tree alive.
    const placed = placedReport({ unit, node: site.node, message: module });
    if ('span' in placed) state.unlisted.push({ path: file.path, span: placed.span, snippet: placed.snippet, module: placed.message, checked: applicable.manifests.map((manifest) => manifest.path) });
  }
}

/** One finding per module, at its first import in path order, naming how many other files import it. */
function reportUnlistedImports(state: DependencyState, context: ProjectRuleContext): void {
  const found = new Map<string, { path: string; span: Span; snippet: string | undefined; checked: string[]; files: Set<string> }>();
  const byPath = [...state.unlisted].sort((a, b) => a.path.localeCompare(b.path));
  for (const { path, span, snippet, module, checked } of byPath) {
    const existing = found.get(module);
    if (existing) existing.files.add(path);
    else found.set(module, { path, span, snippet, checked, files: new Set([path]) });
  }
  for (const [module, { path, span, snippet, checked, files: importers }] of found) {
    const others = importers.size - 1;
    context.report({
      path,
      span,
      ...(snippet === undefined ? {} : { snippet }),
      message: `\`${module}\` is imported but ${checked.join(', ')} ${checked.length > 1 ? 'do' : 'does'} not list its distribution \`${suggestedDistribution(module)}\`${others > 0 ? ` (also imported in ${others} other file${others > 1 ? 's' : ''})` : ''}.`,
    });
  }
}
