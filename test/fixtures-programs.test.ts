/**
 * Precision check over realistic, correct Pulumi-Python programs (test/fixtures/programs/*):
 * the full engine with every registered detector reviews each program as a change that adds
 * all of its files. No finding may be an error, and every remaining warning or notice must be
 * listed in EXPECTED below, so that any new finding on correct code is a visible, reviewed change.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { reviewWithCatalog, resolveConfig, catalogIds, type Finding } from '../src/core/index.js';

const PROGRAMS_DIR = fileURLToPath(new URL('./fixtures/programs/', import.meta.url));

/**
 * Findings that are accepted on the fixtures, as `path:line ruleId severity`. Keep this minimal:
 * a finding here is either a deliberate trade-off of a detector or a fixture that should be fixed.
 */
const EXPECTED: Record<string, string[]> = {
  networking: [],
  serverless: [],
  database: [],
  'multi-region': [],
  'component-library': [],
};

function filesOf(root: string): string[] {
  const found: string[] = [];
  const pending = [root];
  while (pending.length) {
    const dir = pending.pop() as string;
    for (const entry of readdirSync(dir)) {
      if (entry === '__pycache__' || entry === 'venv' || entry === '.venv') continue;
      const full = join(dir, entry);
      if (statSync(full).isDirectory()) pending.push(full);
      else found.push(relative(root, full).split(sep).join('/'));
    }
  }
  return found.sort();
}

function reviewProgram(name: string): { findings: Finding[]; analysed: number; expectedAnalysed: number } {
  const root = join(PROGRAMS_DIR, name);
  const paths = filesOf(root);
  const texts = new Map(paths.map((path) => [path, readFileSync(join(root, path), 'utf8')]));
  const result = reviewWithCatalog({
    files: paths.map((path) => ({ path, content: texts.get(path) as string, status: 'added' as const })),
    config: resolveConfig({}, catalogIds),
    mode: 'change',
    project: { paths, readFile: (path) => texts.get(path) },
  });
  const expectedAnalysed = paths.filter((path) => /\.(py|md)$/.test(path)).length;
  return { findings: result.findings, analysed: result.filesAnalyzed, expectedAnalysed };
}

function describeFinding(finding: Finding): string {
  return `${finding.path}:${finding.line} ${finding.ruleId} ${finding.severity}`;
}

function detail(findings: Finding[]): string {
  return findings.map((finding) => `${describeFinding(finding)} ${finding.message} [${finding.snippet}]`).join('\n');
}

describe('fixture programs (correct code) under the full engine', () => {
  const programs = readdirSync(PROGRAMS_DIR).filter((entry) => statSync(join(PROGRAMS_DIR, entry)).isDirectory()).sort();

  it('has the five reference programs, each listed in EXPECTED', () => {
    expect(programs).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const program of programs) {
    describe(program, () => {
      const { findings, analysed, expectedAnalysed } = reviewProgram(program);

      it('analyses every Python and Markdown file', () => {
        expect(expectedAnalysed).toBeGreaterThanOrEqual(6);
        expect(analysed).toBe(expectedAnalysed);
      });

      it('reports no error', () => {
        const errors = findings.filter((finding) => finding.severity === 'error');
        expect(errors, `errors on correct code:\n${detail(errors)}`).toEqual([]);
      });

      it('reports exactly the expected warnings and notices', () => {
        const others = findings.filter((finding) => finding.severity !== 'error');
        expect(others.map(describeFinding).sort(), `unexpected findings:\n${detail(others)}`).toEqual([...(EXPECTED[program] ?? [])].sort());
      });
    });
  }
});
