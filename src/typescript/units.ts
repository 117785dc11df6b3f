/**
 * TypeScript units: a `.ts` file is one unit; a Markdown answer contributes one per fenced
 * ```typescript / ```ts block (see src/core/source-units.ts, which splits Markdown files for
 * every front-end), positions mapped back to the Markdown file.
 */
import type { SyntaxNode } from '../syntax/flat-tree.js';
import { typeScriptImportTable } from './imports.js';
import { parseTypeScript } from './parser.js';
import { ParsedSourceUnit, wholeFilePlacement, type Placement } from '../syntax/parsed-unit.js';
import type { SourceUnit } from '../syntax/source-unit.js';
import type { StoredText } from '../syntax/stored-text.js';
import type { TreeCache } from '../syntax/tree-cache.js';

export interface TypeScriptUnit extends SourceUnit {
  readonly language: 'typescript';
}

const TEST_FOLDER = /(^|\/)(tests?|__tests__)\//;
const TEST_FILE = /\.(test|spec)\.[mc]?ts$/;

/** Test code by TypeScript's conventions: Jest/Mocha file names and test folders. */
export function isTypeScriptTestPath(path: string): boolean {
  return TEST_FOLDER.test(path) || TEST_FILE.test(path.split('/').pop() ?? path);
}

/**
 * Import bindings in the shape every unit carries (local name -> qualified name): the module
 * as written, then the member (`aws` -> `@pulumi/aws`, `ec2` -> `@pulumi/aws.ec2`), as
 * `pulumi_aws.ec2` in Python. imports.ts keeps module and member apart.
 */
function qualifiedImports(root: SyntaxNode): ReadonlyMap<string, string> {
  const qualified = new Map<string, string>();
  for (const [local, { module, member }] of typeScriptImportTable(root)) qualified.set(local, [module, ...member].join('.'));
  return qualified;
}

const TYPESCRIPT = { language: 'typescript', parse: parseTypeScript, importsOf: qualifiedImports } as const;

/**
 * One TypeScript unit of a file: the whole `.ts` file, or one Markdown block (`placement`).
 * `stored` holds the unit's code when given. Throws ParseTimeoutError when parsing takes
 * longer than `parseBudgetMs` (0: no limit).
 */
export function typeScriptUnit(path: string, code: string, placement: Placement, parseBudgetMs = 0, cache?: TreeCache, stored?: StoredText): TypeScriptUnit {
  const isTestFile = isTypeScriptTestPath(placement.assembledPath ?? path);
  return new ParsedSourceUnit(TYPESCRIPT, path, code, placement, isTestFile, parseBudgetMs, cache, stored) as TypeScriptUnit;
}

/** A whole `.ts` file as its one unit. */
export function typeScriptFileUnit(path: string, text: string, parseBudgetMs = 0, cache?: TreeCache, stored?: StoredText): TypeScriptUnit {
  return typeScriptUnit(path, text, wholeFilePlacement(path, 'typescript-file'), parseBudgetMs, cache, stored);
}
