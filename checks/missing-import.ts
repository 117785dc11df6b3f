/**
 * IAC103: code that cannot import or resolve what it uses. Two parts:
 *
 * 1. Names: a name used but bound nowhere it could be seen from (`aws.ec2.Vpc` without
 *    `import pulumi_aws as aws`). Python: with Python's scoping rules (src/python/scopes.ts),
 *    silent for a file with a star import, `exec`/`globals()`. TypeScript: module-like names
 *    (`aws`, `pulumi`, `fs`, ...) that nothing in the unit binds (src/typescript/module-names.ts).
 *    Silent on a unit with a syntax error (IAC101/IAC102 own broken code). In Markdown all blocks
 *    of one language in a document form one program (a name bound in any block counts for every
 *    block) and only module-like names are reported, because answers show fragments whose
 *    variables live in prose or elided code; judged at the end, from names and placed spans.
 * 2. Dependencies (src/packaging/unlisted-imports.ts): a known third-party Python module imported
 *    while the manifests governing the file exist and none lists its distribution; a package a
 *    TypeScript file imports that the nearest package.json does not list. This rule owns
 *    "imported but not listed"; IAC602 only judges the manifests' own pins, so one problem never
 *    gives two findings.
 */
import { placedReport } from '../src/api/report-placement.js';
import type { ModelRule, PlacedReport, UnitContext } from '../src/api/rule.js';
import { UnlistedImports } from '../src/packaging/unlisted-imports.js';
import { PYTHON2_BUILTINS, STDLIB_MODULES } from '../src/python/builtins.js';
import type { SyntaxNode } from '../src/python/parser.js';
import { analyseNames, type NameUse } from '../src/python/scopes.js';
import type { PythonUnit } from '../src/python/units.js';
import type { SourceUnit } from '../src/syntax/source-unit.js';
import { TYPESCRIPT_IMPORT_HINTS, TypeScriptModuleNames } from '../src/typescript/module-names.js';

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

function groupByName<T extends { name: string }>(uses: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const use of uses) {
    const list = groups.get(use.name) ?? [];
    list.push(use);
    groups.set(use.name, list);
  }
  return groups;
}

/**
 * The blocks of one language in one Markdown document, judged together at the end: names
 * bound in any block, and module-like uses no block of theirs may bind, as placed spans.
 */
interface MarkdownProgram {
  language: 'python' | 'typescript';
  bound: Set<string>;
  /** A star import or dynamic names in some block: names cannot be judged. */
  unjudgeable: boolean;
  /** Files of the answer (blocks grouped by the file they belong to) that show an import in some block. */
  showingImports: Set<string>;
  uses: { name: string; file: string; report: PlacedReport }[];
}

interface State {
  unlisted: UnlistedImports;
  markdown: Map<string, MarkdownProgram>;
}

export const missingImport: ModelRule<State> = {
  meta: {
    id: 'IAC103',
    name: 'missing-import',
    title: 'Missing import or dependency',
    category: 'Code Generation',
    severity: 'error',
    why: 'A name used without an import fails with NameError (Python) or does not compile (TypeScript) at `pulumi up` or in CI, and a module missing from the project requirements or package.json fails on a fresh install, instead of in review.',
    fix: 'Import every module the code uses (`import pulumi_aws as aws`, `import json`; `import * as aws from "@pulumi/aws"`) and list each third-party package (pulumi-aws, boto3, PyYAML...; @pulumi/aws) in requirements.txt, Pipfile, pyproject.toml or package.json.',
    badExample: 'import pulumi\n\nvpc = aws.ec2.Vpc("main", cidr_block="10.0.0.0/16")\npolicy = json.dumps({"Version": "2012-10-17"})',
    goodExample: 'import json\n\nimport pulumi\nimport pulumi_aws as aws\n\nvpc = aws.ec2.Vpc("main", cidr_block="10.0.0.0/16")\npolicy = json.dumps({"Version": "2012-10-17"})',
    seed: { report: 'model-failures-tracking', section: 'Missing Dependencies and Imports' },
    languages: ['python', 'typescript'],
  },
  scope: 'model',
  begin: (project) => ({ unlisted: new UnlistedImports(project), markdown: new Map() }),
  visitors: {
    python(context) {
      let showsImport = false;
      const sawImport = () => void (showsImport = true);
      return {
        import_statement: sawImport,
        import_from_statement: sawImport,
        future_import_statement: sawImport,
        'unit:exit'() {
          const { unit } = context;
          if (unit.path.toLowerCase().endsWith('.pyi')) return;
          if (unit.origin === 'markdown-block') {
            collectMarkdownPython(unit, showsImport, context.state);
            return;
          }
          checkModuleNames(unit, context);
          context.state.unlisted.addPythonUnit(unit);
        },
      };
    },
    typescript(context) {
      const { unit } = context;
      const names = new TypeScriptModuleNames(unit.imports);
      return {
        ...names.visitors(),
        'unit:exit'() {
          if (unit.origin === 'markdown-block') {
            collectMarkdownTypeScript(unit, names, context.state);
            return;
          }
          if (!unit.root.hasError) reportTypeScriptNames(names, context);
          context.state.unlisted.addTypeScriptUnit(unit);
        },
      };
    },
  },
  project(_project, context) {
    for (const program of context.state.markdown.values()) {
      if (program.unjudgeable) continue;
      const reported = new Set<string>();
      for (const use of program.uses) {
        if (program.bound.has(use.name) || reported.has(use.name) || !program.showingImports.has(use.file)) continue;
        reported.add(use.name);
        context.report(use.report);
      }
    }
    for (const report of context.state.unlisted.reports()) context.report(report);
  },
};

function checkModuleNames(unit: PythonUnit, context: UnitContext<State>): void {
  if (unit.root.hasError) return;
  const analysis = analyseNames(unit.root);
  if (analysis.starImport || analysis.dynamicNames) return;
  for (const [name, uses] of groupByName(analysis.unresolved)) {
    const first = uses[0] as NameUse;
    const count = uses.length > 1 ? ` (${uses.length} uses)` : '';
    if (PYTHON2_BUILTINS.has(name)) {
      context.report({ node: first.node, message: `\`${name}\` is a Python 2 builtin that does not exist in Python 3${count}.` });
      continue;
    }
    const last = uses[uses.length - 1] as NameUse;
    if (unit.isFinal && unit.origin === 'python-file' && last.node.endIndex === unit.text.length && uses.length === 1) {
      // `pulumi.export(...)\npu` at the very end: a file cut off mid-name, not a missing import.
      context.report({ node: first.node, message: `\`${name}\` is not defined and ends the file with no line break after it: the file looks cut off in the middle of a name.` });
      continue;
    }
    const hint = importHint(name);
    context.report({ node: first.node, message: `\`${name}\` is used but never imported or defined in this module${count}${hint ? `: add \`${hint}\`` : ''}.` });
  }
}

function reportTypeScriptNames(names: TypeScriptModuleNames, context: UnitContext<State>): void {
  for (const [name, uses] of groupByName(names.unbound())) {
    const count = uses.length > 1 ? ` (${uses.length} uses)` : '';
    const first = uses[0] as { node: SyntaxNode };
    context.report({ node: first.node, message: `\`${name}\` is used but never imported or defined in this module${count}: add \`${TYPESCRIPT_IMPORT_HINTS[name]}\`.` });
  }
}

function markdownProgram(state: State, unit: SourceUnit, language: MarkdownProgram['language']): MarkdownProgram {
  const key = `${unit.path}\u0000${language}`;
  let program = state.markdown.get(key);
  if (!program) state.markdown.set(key, (program = { language, bound: new Set(), unjudgeable: false, showingImports: new Set(), uses: [] }));
  return program;
}

/**
 * The file a block belongs to: the one the answer names. Python blocks it names none for make up
 * its main program; a TypeScript block without a file is an excerpt of its own (documents show
 * `new aws.s3.Bucket(...)` fragments between prose, next to a block that imports).
 */
const assembledFile = (unit: SourceUnit) => unit.assembledPath ?? (unit.language === 'typescript' ? `block at line ${unit.lineOffset}` : '');

function collectMarkdownPython(unit: PythonUnit, showsImport: boolean, state: State): void {
  const program = markdownProgram(state, unit, 'python');
  const analysis = analyseNames(unit.root);
  program.unjudgeable ||= analysis.starImport || analysis.dynamicNames;
  for (const name of analysis.moduleBindings) program.bound.add(name);
  if (unit.imports.size > 0 || showsImport) program.showingImports.add(assembledFile(unit));
  if (unit.root.hasError) return;
  for (const use of analysis.unresolved) {
    if (!isAttributeObject(use.node)) continue;
    const hint = IMPORT_HINTS[use.name] ?? (STDLIB_MODULES.has(use.name) && !AMBIGUOUS_STDLIB.has(use.name) && !use.name.startsWith('_') ? `import ${use.name}` : undefined);
    if (!hint) continue;
    const message = `\`${use.name}\` is used but no Python block of this document imports or defines it: add \`${hint}\`.`;
    program.uses.push({ name: use.name, file: assembledFile(unit), report: placedReport(unit, { node: use.node, message }) });
  }
}

function collectMarkdownTypeScript(unit: SourceUnit, names: TypeScriptModuleNames, state: State): void {
  const program = markdownProgram(state, unit, 'typescript');
  for (const name of names.bound) program.bound.add(name);
  if (unit.imports.size > 0) program.showingImports.add(assembledFile(unit));
  if (unit.root.hasError) return;
  for (const use of names.uses) {
    const message = `\`${use.name}\` is used but no TypeScript block of this document imports or defines it: add \`${TYPESCRIPT_IMPORT_HINTS[use.name]}\`.`;
    program.uses.push({ name: use.name, file: assembledFile(unit), report: placedReport(unit, { node: use.node, message }) });
  }
}
