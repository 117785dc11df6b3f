/**
 * The catalog is the taxonomy's single source: every rule has complete docs, every detector
 * is registered and tested, and the README shows exactly what the catalog says.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectors } from '../checks/registry.js';
import { renderCatalogMarkdown, withCatalog } from '../src/docs/catalog-markdown.js';
import { catalog } from '../src/core/catalog.js';
import { SEVERITIES } from '../src/api/types.js';

const TAXONOMY = [
  'IAC101', 'IAC102', 'IAC103', 'IAC104', 'IAC105', 'IAC106', 'IAC107', 'IAC108', 'IAC109', 'IAC110', 'IAC111', 'IAC201', 'IAC202', 'IAC203', 'IAC301', 'IAC302', 'IAC303', 'IAC304',
  'IAC305', 'IAC306', 'IAC307', 'IAC401', 'IAC402', 'IAC403', 'IAC501', 'IAC502', 'IAC503', 'IAC601', 'IAC602', 'IAC603', 'IAC701', 'IAC702',
];
const checksFolder = new URL('../checks/', import.meta.url);
const NOT_DETECTORS = new Set(['registry.ts']);

describe('rule catalog', () => {
  it('holds every taxonomy ID exactly once, plus the engine rules IAC001, IAC002 and IAC003', () => {
    const ids = catalog.map((entry) => entry.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => !id.startsWith('IAC00'))).toEqual(TAXONOMY);
  });

  it.each(catalog.map((entry) => [entry.id, entry] as const))('%s has complete documentation', (_id, entry) => {
    for (const field of ['name', 'title', 'category', 'why', 'fix', 'badExample', 'goodExample'] as const) {
      expect(entry[field].trim().length, field).toBeGreaterThan(2);
    }
    expect(entry.name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(SEVERITIES).toContain(entry.severity);
    expect(entry.seed.section.length).toBeGreaterThan(2);
    expect(entry.badExample).not.toBe(entry.goodExample);
  });

  it('has a detector for every taxonomy rule', () => {
    expect(detectors.map((rule) => rule.meta.id).sort()).toEqual(TAXONOMY);
  });

  it.each(detectors.map((rule) => [rule.meta.id, rule] as const))('%s lives in checks/<name>.ts and has a table test', (_id, rule) => {
    expect(existsSync(new URL(`${rule.meta.name}.ts`, checksFolder)), `checks/${rule.meta.name}.ts`).toBe(true);
    const testFile = new URL(`../test/checks/${rule.meta.name}.test.ts`, import.meta.url);
    expect(existsSync(testFile), `test/checks/${rule.meta.name}.test.ts`).toBe(true);
    expect(readFileSync(testFile, 'utf8')).toMatch(/ruleTester\(/);
  });

  // A rule that claims a language has cases in that language in its one table (issue 16): a
  // rule that only works for Python fails its own test.
  it.each(catalog.filter((entry) => entry.detector).map((entry) => [entry.id, entry] as const))('%s has table cases for every language it covers', (_id, entry) => {
    const table = readFileSync(new URL(`../test/checks/${entry.name}.test.ts`, import.meta.url), 'utf8');
    const cases: Record<string, RegExp> = {
      python: /\.py['"`]|```python|['"`]\w[^'"`\n]*\.md['"`]|(^|\n)\s*['"`](import|from|def|class) |code: ['"`(]/,
      typescript: /\.ts['"`]|```(typescript|ts)\b|package\.json/,
    };
    for (const language of entry.coveredLanguages) expect(table, `${entry.name}: no ${language} case`).toMatch(cases[language] as RegExp);
  });

  it('registers every detector file in checks/', () => {
    const registered = new Set(detectors.map((rule) => `${rule.meta.name}.ts`));
    const files = readdirSync(checksFolder).filter((file) => file.endsWith('.ts') && !NOT_DETECTORS.has(file));
    expect(files.filter((file) => !registered.has(file))).toEqual([]);
  });

  it('matches the README catalog (run `npm run docs` after changing a rule)', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    expect(withCatalog(readme, renderCatalogMarkdown(catalog)) === readme, 'README.md catalog is stale: run `npm run docs`').toBe(true);
  });
});
