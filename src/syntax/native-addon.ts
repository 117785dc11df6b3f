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
  /**
   * Registers a grammar (a tree-sitter language module) with a parser of its own; returns the id
   * `parse` selects it by, its symbol names and its field names (index 0 unused). Adding the
   * same grammar again gives the same id.
   */
  addLanguage(language: unknown): [number, string[], (string | undefined)[]];
  /** The flat records of the text parsed with grammar `languageId`, or null when `timeoutMicros` (0: none) ran out. */
  parse(languageId: number, text: string, timeoutMicros: number): Int32Array | null;
}

const ADDON_PATH = join('src', 'native', 'build', 'Release', 'flat_tree.node');

/**
 * The parser cannot run in this installation: the addon is missing, or was built for another
 * system or Node. That is no fault of the files under review, so it fails the review instead of
 * marking every file "not analyzed" (which would let a broken deployment pass every check).
 */
export class ParserUnavailableError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'ParserUnavailableError';
  }
}

/** Finds the addon from `startFolder` (by default this module's) upwards and loads it. */
export function loadFlatTreeAddon(startFolder = dirname(fileURLToPath(import.meta.url))): FlatTreeAddon {
  const require = createRequire(import.meta.url);
  for (let folder = startFolder; ; folder = dirname(folder)) {
    const candidate = join(folder, ADDON_PATH);
    if (existsSync(candidate)) {
      try {
        return require(candidate) as FlatTreeAddon;
      } catch (error) {
        throw new ParserUnavailableError(`iac-review's parser addon (${candidate}) cannot be loaded: ${(error as Error).message}. Rebuild it on this system with \`npm run build:native\``, { cause: error });
      }
    }
    if (dirname(folder) === folder) break;
  }
  throw new ParserUnavailableError(`iac-review's parser addon (${ADDON_PATH}) is not built: run \`npm run build:native\` (needs python3, make and a C compiler)`);
}
