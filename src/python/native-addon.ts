/**
 * Loads the native parser addon built from src/native/ by `npm ci` (the `install` script runs
 * node-gyp). The compiled file sits under src/native/build/ of the package, both when running
 * from source and from dist/, so it is looked up from this module's folder upwards.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface FlatTreeAddon {
  /** Selects the grammar; returns its symbol names and field names (index 0 unused). */
  setLanguage(language: unknown): [string[], (string | undefined)[]];
  /** The flat records of the parsed text, or null when `timeoutMicros` (0: none) ran out. */
  parse(text: string, timeoutMicros: number): Int32Array | null;
}

const ADDON_PATH = join('src', 'native', 'build', 'Release', 'flat_tree.node');

export function loadFlatTreeAddon(): FlatTreeAddon {
  const require = createRequire(import.meta.url);
  for (let folder = dirname(fileURLToPath(import.meta.url)); ; folder = dirname(folder)) {
    const candidate = join(folder, ADDON_PATH);
    if (existsSync(candidate)) return require(candidate) as FlatTreeAddon;
    if (dirname(folder) === folder) break;
  }
  throw new Error(`iac-review's parser addon (${ADDON_PATH}) is not built: run \`npm run build:native\` (needs python3, make and a C compiler)`);
}
