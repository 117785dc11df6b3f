import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/api/types.js';
import { escapeData, escapeProperty, renderGithub, workflowCommand } from '../../src/render/github.js';

const base: Finding = { ruleId: 'IAC307', severity: 'error', path: 'lib/a.py', line: 4, column: 1, endLine: 4, endColumn: 9, category: 'Security', message: 'exec() runs strings.', snippet: 'exec(x)' };

/** How the Actions runner reads one command line: `::name props::data`, properties split on `,` and `=`. */
function parseCommand(line: string): { name: string; properties: Record<string, string>; data: string } {
  const match = /^::([a-z]+)(?: ([^:]*))?::(.*)$/.exec(line);
  if (!match) throw new Error(`not a workflow command: ${line}`);
  const unescape = (text: string) => text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
  const properties: Record<string, string> = {};
  for (const pair of (match[2] ?? '').split(',').filter(Boolean)) {
    const [key, ...value] = pair.split('=');
    properties[key as string] = unescape(value.join('='));
  }
  return { name: match[1] as string, properties, data: unescape(match[3] as string) };
}

describe('--format github (workflow commands)', () => {
  it('writes one annotation per finding with file, lines, columns (end inclusive), title and message', () => {
    const command = parseCommand(workflowCommand(base, 'infra/'));
    expect(command.name).toBe('error');
    expect(command.properties).toEqual({ file: 'infra/lib/a.py', line: '4', endLine: '4', col: '1', endColumn: '8', title: 'IAC307 Unsafe code execution (exec, eval, shell)' });
    expect(command.data).toMatch(/^exec\(\) runs strings\.\n\nFix: .+\nDocs: https:\/\/.+#iac307$/);
    expect(parseCommand(workflowCommand({ ...base, severity: 'warning', endLine: 6 })).properties).not.toHaveProperty('col');
    expect(parseCommand(workflowCommand({ ...base, preExisting: true })).name).toBe('notice');
  });

  it('escapes %, CR and LF in data and also , and : in properties, so nothing can forge a command', () => {
    expect(escapeData('100%\r\n::error::x')).toBe('100%25%0D%0A::error::x');
    expect(escapeProperty('a,b:c%\n')).toBe('a%2Cb%3Ac%25%0A');
    const hostile: Finding = { ...base, path: 'lib/x,line=1::error file=evil.py::pwned\n::warning::.py', message: 'line one\n::error file=other.py::forged\r\n%0A' };
    const output = renderGithub([hostile], 1);
    const lines = output.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines.filter((line) => line.startsWith('::'))).toHaveLength(1);
    const command = parseCommand(lines[0] as string);
    expect(command.properties.file).toBe(hostile.path);
    expect(command.properties.line).toBe('4');
    expect(command.data.startsWith(hostile.message)).toBe(true);
    expect(lines[1]).toMatch(/^iac-review: 1 finding\(s\) in 1 file\(s\) analyzed: 1 error\(s\)/);
  });
});
