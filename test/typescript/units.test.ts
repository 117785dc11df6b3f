import { describe, expect, it } from 'vitest';
import { unitsOf } from '../../src/core/source-units.js';
import { extractCodeBlocks, extractPythonBlocks, isPythonLanguage } from '../../src/markdown/code-blocks.js';
import { pythonUnitsOf } from '../../src/python/units.js';
import { languageOf } from '../../src/syntax/source-unit.js';
import { TreeCache } from '../../src/syntax/tree-cache.js';
import { isTypeScriptTestPath, typeScriptFileUnit } from '../../src/typescript/units.js';

describe('which files are TypeScript', () => {
  it.each([
    ['lib/tap-stack.ts', 'typescript'],
    ['bin/tap.ts', 'typescript'],
    ['test/tap-stack.unit.test.ts', 'typescript'],
    ['lib/esm.mts', 'typescript'],
    ['lib/types.d.ts', 'other'],
    ['lib/types.d.mts', 'other'],
    ['bin/tap.js', 'other'],
    ['lib/view.tsx', 'other'],
    ['node_modules/@pulumi/aws/index.ts', 'other'],
    ['dist/lib/tap-stack.ts', 'other'],
    ['cdk.out/asset.ts', 'other'],
    ['node_modules/pkg/README.md', 'other'],
    ['lib/tap_stack.py', 'python'],
    ['lib/MODEL_RESPONSE.md', 'markdown'],
  ])('%s is %s', (path, language) => {
    expect(languageOf(path)).toBe(language);
  });

  it.each([
    ['test/tap-stack.unit.test.ts', true],
    ['tests/integration.ts', true],
    ['lib/__tests__/stack.ts', true],
    ['lib/stack.spec.ts', true],
    ['lib/stack.test.mts', true],
    ['lib/tap-stack.ts', false],
    ['lib/testing-helpers.ts', false],
    ['bin/tap.ts', false],
  ])('test file by TypeScript conventions: %s %s', (path, isTest) => {
    expect(isTypeScriptTestPath(path)).toBe(isTest);
    expect(typeScriptFileUnit(path, 'export {};\n').isTestFile).toBe(isTest);
  });
});

describe('TypeScript units', () => {
  it('a .ts file is one unit with the TypeScript grammar', () => {
    const [unit, ...rest] = unitsOf('lib/tap-stack.ts', 'import * as aws from "@pulumi/aws";\n');
    expect(rest).toEqual([]);
    expect(unit).toMatchObject({ language: 'typescript', origin: 'typescript-file', lineOffset: 0, columnOffset: 0, isFinal: true, fenceClosed: true, isTestFile: false });
    expect(unit?.root.type).toBe('program');
  });

  it('carries its import bindings as every unit does: local name -> module and member', () => {
    const [unit] = unitsOf('lib/tap-stack.ts', 'import * as aws from "@pulumi/aws";\nimport { ec2 as net } from "@pulumi/aws";\nconst vm = require("vm");\n');
    expect([...(unit?.imports ?? [])]).toEqual([
      ['aws', '@pulumi/aws'],
      ['net', '@pulumi/aws.ec2'],
      ['vm', 'vm'],
    ]);
  });

  it('a Markdown answer gives units of both languages in document order, mapped to its lines', () => {
    const markdown = [
      '# Answer', //                          0
      '',
      '```typescript', //                     2
      'const a = 1;', //                      3
      '```',
      '',
      '1. Then the Python side:',
      '   ```py', //                          7
      '   x = 1', //                          8
      '   ```',
      '',
      '```tsx',
      'const view = <div />;',
      '```',
      '',
      '```ts', //                             15
      'new aws.s3.Bucket("b");', //           16
    ].join('\n');
    const units = unitsOf('lib/MODEL_RESPONSE.md', markdown);
    expect(units.map(({ language, lineOffset, columnOffset, isFinal, fenceClosed, origin }) => ({ language, lineOffset, columnOffset, isFinal, fenceClosed, origin }))).toEqual([
      { language: 'typescript', lineOffset: 3, columnOffset: 0, isFinal: false, fenceClosed: true, origin: 'markdown-block' },
      { language: 'python', lineOffset: 8, columnOffset: 3, isFinal: false, fenceClosed: true, origin: 'markdown-block' },
      { language: 'typescript', lineOffset: 16, columnOffset: 0, isFinal: true, fenceClosed: false, origin: 'markdown-block' },
    ]);
    expect(units.map((unit) => unit.root.type)).toEqual(['program', 'module', 'program']);
    expect(units[1]?.text).toBe('x = 1\n');
  });

  it('leaves the Python blocks of a Markdown file as they were', () => {
    const markdown = '```python\nimport pulumi\n```\n\n```typescript\nconst a = 1;\n```\n\n```py\nx = (\n';
    expect(extractPythonBlocks(markdown)).toEqual(extractCodeBlocks(markdown).filter((block) => isPythonLanguage(block.language)));
    expect(extractPythonBlocks(markdown).map((block) => [block.lineOffset, block.closed])).toEqual([[1, true], [9, false]]);
    expect(pythonUnitsOf('lib/MODEL_RESPONSE.md', markdown).map((unit) => [unit.lineOffset, unit.isFinal])).toEqual([[1, false], [9, true]]);
    expect(pythonUnitsOf('lib/tap-stack.ts', 'const a = 1;\n')).toEqual([]);
  });

  it('parses a TypeScript unit again, with the same node ids, when the tree cache let its tree go', () => {
    const cache = new TreeCache(0);
    const first = unitsOf('lib/s.ts', 'export const a = new aws.s3.Bucket("b");\n', 0, cache)[0];
    const idBefore = first?.root.descendantsOfType('new_expression')[0]?.id;
    for (let index = 0; index < 12; index++) unitsOf(`lib/s${index}.ts`, `export const a${index} = 1;\n`, 0, cache);
    const reparsesBefore = cache.reparses;
    expect(first?.root.descendantsOfType('new_expression')[0]?.id).toBe(idBefore);
    expect(cache.reparses).toBe(reparsesBefore + 1);
  });
});
