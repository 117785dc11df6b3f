/**
 * A parser that cannot run (addon missing, built for another system, grammar that does not fit)
 * fails the review with a ParserUnavailableError. It must not turn into an IAC002 "not analyzed"
 * notice on every file: the CLI would exit 0 and the App pass the check with nothing reviewed.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { catalogIds } from '../../src/core/catalog.js';
import { resolveConfig } from '../../src/core/config.js';
import { ParserUnavailableError, reviewWithCatalog, type InputFile } from '../../src/core/index.js';
import * as nativeAddon from '../../src/syntax/native-addon.js';

vi.mock('../../src/syntax/native-addon.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/syntax/native-addon.js')>();
  return { ...original, loadFlatTreeAddon: vi.fn(original.loadFlatTreeAddon) };
});
const loadAddon = vi.mocked(nativeAddon.loadFlatTreeAddon);
const { loadFlatTreeAddon: realLoadAddon } = await vi.importActual<typeof import('../../src/syntax/native-addon.js')>('../../src/syntax/native-addon.js');

function review(files: InputFile[]) {
  return reviewWithCatalog({ files: files.map((file) => ({ status: 'added', ...file })), config: resolveConfig({}, catalogIds), mode: 'change' });
}

const folders: string[] = [];
afterEach(() => {
  // A once-implementation a test did not use must not leak into the next one.
  loadAddon.mockReset();
  loadAddon.mockImplementation(realLoadAddon);
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function tempFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'iac-review-addon-'));
  folders.push(folder);
  return folder;
}

describe('a parser that cannot run', () => {
  it('fails the review instead of marking each file not analyzed', () => {
    loadAddon.mockImplementationOnce(() => {
      throw new ParserUnavailableError("iac-review's parser addon cannot be loaded: invalid ELF header");
    });
    expect(() => review([{ path: 'lib/tap_stack.py', content: 'import pulumi\n' }])).toThrow(/cannot be loaded: invalid ELF header/);
  });

  it('fails it too when the grammar does not fit the addon', () => {
    loadAddon.mockImplementationOnce(() => ({
      addLanguage: () => {
        throw new TypeError('flat-tree: not a compatible tree-sitter language');
      },
      parse: () => null,
    }));
    expect(() => review([{ path: 'lib/tap_stack.py', content: 'import pulumi\n' }])).toThrow(ParserUnavailableError);
  });

  it('does not matter to a review with no Python in it', () => {
    loadAddon.mockImplementationOnce(() => {
      throw new ParserUnavailableError('not built');
    });
    expect(review([{ path: 'Pulumi.yaml', content: 'name: app\nruntime: python\n' }]).findings).toEqual([]);
  });

  it('is what loading a corrupt or missing addon gives', () => {
    const corrupt = tempFolder();
    mkdirSync(join(corrupt, 'src/native/build/Release'), { recursive: true });
    writeFileSync(join(corrupt, 'src/native/build/Release/flat_tree.node'), 'not a shared object');
    expect(() => realLoadAddon(corrupt)).toThrow(ParserUnavailableError);
    expect(() => realLoadAddon(corrupt)).toThrow(/cannot be loaded: .*Rebuild it on this system with `npm run build:native`/s);
    expect(() => realLoadAddon(tempFolder())).toThrow(/is not built: run `npm run build:native`/);
  });

  it('parses again once the addon loads', () => {
    const result = review([{ path: 'lib/tap_stack.py', content: 'def broken(:\n    pass\n' }]);
    expect(result.findings.map((finding) => finding.ruleId)).toContain('IAC102');
  });
});
