import { chmodSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanCommand } from '../../src/cli/commands.js';
import { catalogIds } from '../../src/core/catalog.js';
import { resolveConfig } from '../../src/core/config.js';
import { reviewWithCatalog, type InputFile } from '../../src/core/index.js';
import { DeflatedText } from '../../src/syntax/stored-text.js';
import { tempProject } from '../support/temp-project.js';

function reviewOne(file: InputFile, config: Record<string, unknown> = {}) {
  return reviewWithCatalog({ files: [{ status: 'added', ...file }], config: resolveConfig(config, catalogIds), mode: 'change' });
}

function linesOf(content: InputFile['content']): number {
  const bytes = content instanceof DeflatedText ? content.inflate() : content;
  return (typeof bytes === 'string' ? bytes : Buffer.from(bytes).toString('utf8')).split(/\r?\n/).length;
}

/** Every finding must point inside the file. */
function expectPositionsInside(file: InputFile, findings: ReturnType<typeof reviewOne>['findings']) {
  const lines = linesOf(file.content);
  for (const finding of findings) {
    expect(finding.line).toBeGreaterThanOrEqual(1);
    expect(finding.endLine).toBeLessThanOrEqual(Math.max(1, lines));
    expect(finding.endLine).toBeGreaterThanOrEqual(finding.line);
    expect(finding.column).toBeGreaterThanOrEqual(1);
  }
}

describe('bad input never crashes a run', () => {
  it('empty files', () => {
    for (const path of ['lib/empty.py', 'README.md']) {
      const result = reviewOne({ path, content: '' });
      expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
    }
  });

  it('a symbolic link stored as its target path is not judged as code', () => {
    for (const [path, content] of [['tests/test_stack.py', '../test/test-analysis-infrastructure.py'], ['lib/index.ts', './tap-stack.ts']] as const) {
      expect(reviewOne({ path, content }).findings).toEqual([]);
    }
    // A real one-line module is still code.
    expect(reviewOne({ path: 'lib/one.py', content: 'import os.path\nx = (\n' }).findings.map((finding) => finding.ruleId)).toContain('IAC101');
  });

  it('binary content (NUL bytes) in a .py file is reported, not parsed', () => {
    const file = { path: 'lib/blob.py', content: new Uint8Array([0x70, 0x00, 0x01, 0xff, 0x00]) };
    const result = reviewOne(file);
    expect(result.findings.map((f) => `${f.ruleId} ${f.message}`)).toEqual(['IAC002 not analyzed: binary content (NUL bytes)']);
    expect(result.filesAnalyzed).toBe(0);
  });

  it('binary content handed over as text (the App passes GitHub text as is) is reported the same way', () => {
    const result = reviewOne({ path: 'lib/blob.py', content: 'p\u0000\u0001x = 1\n' });
    expect(result.findings.map((f) => `${f.ruleId} ${f.message}`)).toEqual(['IAC002 not analyzed: binary content (NUL bytes)']);
  });

  it('text in another encoding (many bytes that are not UTF-8) is reported, not guessed at', () => {
    const latin1 = Buffer.from(`# ${'caf\xe9 '.repeat(20)}\nx = 1\n`, 'latin1');
    const result = reviewOne({ path: 'lib/latin.py', content: latin1 });
    expect(result.findings.map((f) => f.message)).toEqual(['not analyzed: not valid UTF-8 (20 bytes are not UTF-8: text in another encoding)']);
    expect(result.filesAnalyzed).toBe(0);
  });

  it('a Markdown answer with one stray Windows-1252 quote is analysed, with a notice on that byte', () => {
    const answer = Buffer.concat([
      Buffer.from('# Answer\n\nHere', 'utf8'),
      Buffer.from([0x92]),
      Buffer.from('s the stack:\n\n```python\nimport os\nos.system(cmd)\n```\n', 'utf8'),
    ]);
    const result = reviewOne({ path: 'lib/MODEL_RESPONSE.md', content: answer });
    expect(result.filesAnalyzed).toBe(1);
    const notice = result.findings.find((f) => f.ruleId === 'IAC002');
    expect(notice).toMatchObject({ severity: 'notice', line: 3, column: 5, endColumn: 6 });
    expect(notice?.message).toMatch(/^Analyzed with a byte that is not UTF-8 read as U\+FFFD \(first: 0x92 on line 3/);
    expect(notice?.message).not.toMatch(/Python refuses/);
    expect(result.findings.filter((f) => f.ruleId === 'IAC307').map((f) => f.line)).toEqual([7]);
  });

  it('a .py file with a stray byte is analysed too, and the notice says Python will refuse it', () => {
    const source = Buffer.concat([Buffer.from('# don', 'utf8'), Buffer.from([0x92]), Buffer.from('t\nimport os\nos.system(cmd)\n', 'utf8')]);
    const result = reviewOne({ path: 'lib/tap_stack.py', content: source });
    const engineAndExec = result.findings.filter((f) => f.ruleId === 'IAC002' || f.ruleId === 'IAC307');
    expect(engineAndExec.map((f) => `${f.ruleId} ${f.line}`)).toEqual(['IAC002 1', 'IAC307 3']);
    expect(engineAndExec[0]?.message).toMatch(/Python refuses to import the file as it is/);
  });

  it('a .py file that declares its encoding gets the notice without the Python warning', () => {
    const source = Buffer.concat([Buffer.from('# -*- coding: latin-1 -*-\n# caf', 'utf8'), Buffer.from([0xe9]), Buffer.from('\nx = 1\n', 'utf8')]);
    const result = reviewOne({ path: 'lib/tap_stack.py', content: source });
    const notices = result.findings.filter((f) => f.ruleId === 'IAC002');
    expect(notices.map((f) => f.line)).toEqual([2]);
    expect(notices[0]?.message).not.toMatch(/Python refuses/);
  });

  it('a 5 MB file is over the default limit and says so instead of stalling the run', () => {
    const big = 'x = 1\n'.repeat(900_000);
    expect(Buffer.byteLength(big)).toBeGreaterThan(5_000_000);
    const skipped = reviewOne({ path: 'lib/big.py', content: big });
    expect(skipped.findings.map((f) => f.message)).toEqual([expect.stringMatching(/^not analyzed: 5400000 bytes is over the 2097152-byte limit/)]);
  });

  it('a file under a raised limit is analyzed with positions on its own lines', () => {
    const content = 'x = 1\n'.repeat(5_000) + 'exec(x)\n';
    const analyzed = reviewOne({ path: 'lib/big.py', content }, { limits: { max_file_bytes: 40_000 } });
    expect(analyzed.findings.filter((f) => f.ruleId === 'IAC307').map((f) => f.line)).toEqual([5_001]);
  });

  it('CRLF line endings keep positions right', () => {
    const file = { path: 'lib/crlf.py', content: 'import os\r\n\r\nos.system(cmd)\r\n' };
    const result = reviewOne(file);
    expect(result.findings.filter((f) => f.ruleId === 'IAC307').map((f) => [f.line, f.column])).toEqual([[3, 1]]);
    expect(result.findings.filter((f) => f.ruleId === 'IAC101' || f.ruleId === 'IAC102')).toEqual([]);
  });

  it('a UTF-8 byte-order mark is not a syntax error and does not shift columns', () => {
    const content = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('value = eval(x)\n')]);
    const result = reviewOne({ path: 'lib/bom.py', content });
    const core = result.findings.filter((f) => ['IAC101', 'IAC102', 'IAC307'].includes(f.ruleId));
    expect(core.map((f) => `${f.ruleId}@${f.line}:${f.column}`)).toEqual(['IAC307@1:9']);
  });

  it('deeply nested input (10,000 brackets) is handled without stack overflow', () => {
    const deep = `x = ${'['.repeat(10_000)}${']'.repeat(10_000)}\nexec(y)\n`;
    const result = reviewOne({ path: 'lib/deep.py', content: deep });
    expect(result.findings.some((f) => f.ruleId === 'IAC307')).toBe(true);
    const cut = `x = ${'('.repeat(10_000)}`;
    const truncated = reviewOne({ path: 'lib/cut.py', content: cut });
    expect(truncated.findings.map((f) => f.ruleId)).toContain('IAC101');
    expectPositionsInside({ path: 'lib/cut.py', content: cut }, truncated.findings);
  });

  it('half-written files (every prefix of a real file) never throw and stay inside the file', () => {
    const source = 'import pulumi\nimport pulumi_aws as aws\n\n\nclass TapStack(pulumi.ComponentResource):\n    """Stack."""\n\n    def __init__(self, name, opts=None):\n        super().__init__("tap:stack:TapStack", name, None, opts)\n        self.bucket = aws.s3.Bucket(f"{name}-logs", opts=pulumi.ResourceOptions(parent=self))\n        self.register_outputs({"bucket": self.bucket.id})\n';
    for (let end = 0; end <= source.length; end += 3) {
      const file = { path: 'lib/tap_stack.py', content: source.slice(0, end) };
      expectPositionsInside(file, reviewOne(file).findings);
    }
  });

  it('Markdown answers with odd fences', () => {
    for (const content of ['```python', '```python\n```', '~~~py\nx = (\n', '````python\nexec(x)\n````\n', '```\nnot python\n```\n']) {
      const file = { path: 'answer.md', content };
      expectPositionsInside(file, reviewOne(file).findings);
    }
  });

  it.skipIf(process.getuid?.() === 0)('an unreadable file becomes a finding in the CLI', () => {
    const root = tempProject({ 'lib/secret.py': 'x = 1\n' });
    chmodSync(join(root, 'lib/secret.py'), 0);
    const report = JSON.parse(scanCommand({ paths: [], format: 'json', colour: false, cwd: root }).output);
    expect(report.findings.map((f: { message: string }) => f.message)).toEqual([expect.stringMatching(/cannot read the file: EACCES/)]);
  });

  it('a file that cannot be read (readError from the host) becomes an IAC002 finding', () => {
    const result = reviewOne({ path: 'lib/gone.py', content: '', readError: 'ENOENT' });
    expect(result.findings.map((f) => `${f.ruleId} ${f.message}`)).toEqual(['IAC002 not analyzed: cannot read the file: ENOENT']);
  });
});

describe('parse budget', () => {
  it('a file over the parse budget becomes a notice and the next file still parses correctly', () => {
    const slow = 'x = foo(1)\n'.repeat(60_000);
    const result = reviewWithCatalog({
      files: [
        { path: 'lib/slow.py', content: slow },
        { path: 'lib/next.py', content: '"""Next."""\nimport os\n\nos.system(cmd)\n' },
      ],
      config: resolveConfig({ limits: { parse_timeout_ms: 1, max_file_bytes: 10_000_000 } }, catalogIds),
      mode: 'scan',
    });
    expect(result.findings.filter((f) => f.path === 'lib/slow.py').map((f) => `${f.ruleId} ${f.message}`)).toEqual([
      'IAC002 not analyzed: parsing took longer than 1 ms (limits.parse_timeout_ms)',
    ]);
    expect(result.findings.filter((f) => f.path === 'lib/next.py' && f.ruleId === 'IAC307').map((f) => f.line)).toEqual([4]);
  });
});

describe('program size limit', () => {
  const stack = (index: number) => `"""Stack ${index}."""\nimport os\nimport pulumi_aws as aws\n\nbucket = aws.s3.Bucket("b${index}", acl="public-read")\nos.system(cmd)\n`;
  const files = Array.from({ length: 4 }, (_, index) => ({ path: `lib/stack_${index}.py`, content: stack(index), status: 'added' as const }));

  it('a program over limits.max_program_bytes gets one IAC002 error instead of a model, and the language rules still run', () => {
    const result = reviewWithCatalog({ files, config: resolveConfig({ limits: { max_program_bytes: 200 } }, catalogIds), mode: 'change' });
    const notChecked = result.findings.filter((finding) => finding.ruleId === 'IAC002');
    expect(notChecked).toHaveLength(1);
    expect(notChecked[0]?.severity).toBe('error');
    expect(notChecked[0]?.message).toMatch(/^the program in `the reviewed root` \(4 files, 0\.0 MB of code\) is over the 0\.0 MB its model is built for \(limits\.max_program_bytes\), so the rules that judge the program \(.*IAC304.*\) did not check it; the other rules did\.$/);
    // The model rule (public bucket) did not run; the language rule (os.system) did, on every file.
    expect(result.findings.filter((finding) => finding.ruleId === 'IAC304')).toEqual([]);
    expect(result.findings.filter((finding) => finding.ruleId === 'IAC307')).toHaveLength(4);
  });

  it('under the limit the same program is modelled', () => {
    const result = reviewWithCatalog({ files, config: resolveConfig({}, catalogIds), mode: 'change' });
    expect(result.findings.filter((finding) => finding.ruleId === 'IAC002')).toEqual([]);
    expect(result.findings.filter((finding) => finding.ruleId === 'IAC304').length).toBeGreaterThan(0);
  });
});
