/**
 * The pre-commit hook (.pre-commit-hooks.yaml): it parses, its entry is this package's CLI with
 * a command and flags the CLI has, its file pattern picks the Python, TypeScript and Markdown
 * files `scan` reviews, and the package builds when pre-commit installs it (npm pack).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { scanCommand } from '../../src/cli/commands.js';
import { buildProgram } from '../../src/cli/program.js';
import { tempProject } from '../support/temp-project.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

interface Hook {
  id: string;
  name: string;
  entry: string;
  language: string;
  files: string;
  exclude?: string;
  pass_filenames: boolean;
  require_serial?: boolean;
  args?: string[];
}

const hooks: Hook[] = parseYaml(read('.pre-commit-hooks.yaml'));
const [hook] = hooks as [Hook];
/** pre-commit matches `files` and `exclude` with Python's re.search; these patterns mean the same in JavaScript. */
const selected = (path: string) => new RegExp(hook.files).test(path) && !(hook.exclude && new RegExp(hook.exclude).test(path));

describe('.pre-commit-hooks.yaml', () => {
  it('defines one node hook that is handed the staged files', () => {
    expect(hooks).toHaveLength(1);
    expect(hook).toMatchObject({ id: 'iac-review', language: 'node', pass_filenames: true, require_serial: true });
  });

  it('runs a command of this package\'s CLI, with options the command has', () => {
    const [binary, command, ...flags] = [...hook.entry.split(/\s+/), ...(hook.args ?? [])];
    const manifest = JSON.parse(read('package.json'));
    expect(Object.keys(manifest.bin)).toEqual([binary]);
    expect(manifest.bin[binary as string]).toBe('dist/src/cli/main.js');
    const scan = buildProgram().commands.find((entry) => entry.name() === command);
    expect(scan?.name()).toBe('scan');
    const known = scan?.options.flatMap((option) => [option.long, option.short]) ?? [];
    for (const flag of flags.filter((word) => word.startsWith('-'))) expect(known).toContain(flag);
    // pre-commit installs the hook with `npm pack`, whose prepack builds dist/, then `npm install -g` of the pack.
    expect(manifest.scripts.prepack).toBe('npm run build');
    expect(manifest.files).toContain('dist');
  });

  it('selects the Python, TypeScript and Markdown files and the project files scan reviews, not declarations or other files', () => {
    const staged = ['lib/tap_stack.py', 'lib/stubs.pyi', 'lib/index.ts', 'lib/util.mts', 'MODEL_RESPONSE.md', 'docs/answer.markdown', 'lib/types.d.ts', 'index.js', 'package.json', 'Pulumi.yaml', 'Pulumi.dev.yaml', 'requirements.txt', 'config.yaml', 'package-lock.json'];
    expect(staged.filter(selected)).toEqual(['lib/tap_stack.py', 'lib/stubs.pyi', 'lib/index.ts', 'lib/util.mts', 'MODEL_RESPONSE.md', 'docs/answer.markdown', 'package.json', 'Pulumi.yaml', 'Pulumi.dev.yaml', 'requirements.txt']);
  });

  it('fails a commit whose staged files have a finding, run as pre-commit runs it (file names from the repository root)', () => {
    const root = tempProject({
      'lib/AWS_REGION': 'us-east-1\n',
      'tests/test_handler.py': '"""Tests for the handler."""\nimport sys\n\n\ndef test_handler():\n    exec(sys.argv[1])\n',
      'MODEL_RESPONSE.md': '# Answer\n\n```python\n"""Runs code."""\nimport os\nimport sys\n\nos.system("rm -rf " + sys.argv[1])\n```\n',
      'index.js': 'eval(process.argv[2]);\n',
    });
    const staged = ['tests/test_handler.py', 'MODEL_RESPONSE.md', 'index.js'].filter(selected);
    const result = scanCommand({ paths: staged, format: 'json', colour: false, cwd: root });
    expect(result.exitCode).toBe(1);
    const findings: { ruleId: string; path: string }[] = JSON.parse(result.output).findings;
    expect(findings.filter((finding) => finding.ruleId === 'IAC307').map((finding) => finding.path)).toEqual(['MODEL_RESPONSE.md', 'tests/test_handler.py']);
    expect(findings.some((finding) => finding.path === 'index.js')).toBe(false);
  });
});
