/**
 * The working directory a Pulumi program runs in, which relative paths in it (asset and archive
 * paths, files it reads) are resolved from. Pulumi runs the program in the folder of
 * `Pulumi.yaml`, or, when `main` names a folder, in that folder, and when it names a file, in
 * that file's folder (`main: bin/tap.ts` runs in `bin/`).
 */
import { posix } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { ProjectView } from '../api/rule.js';
import { foldersAbove } from './folders-above.js';

export interface ProgramDirectory {
  /** The project folder (where `Pulumi.yaml` is), `''` for the reviewed root. */
  root: string;
  /** The working directory, relative to the reviewed root (`bin`), `''` for the root. */
  cwd: string;
  /** Why, for messages: `Pulumi.yaml sets main: bin/tap.ts`. */
  reason: string;
}

/** The program directory for code in the file at `path`, when a `Pulumi.yaml` at or above it says. */
export function programDirectoryFor(path: string, project: ProjectView): ProgramDirectory | undefined {
  for (const folder of foldersAbove(path)) {
    for (const name of ['Pulumi.yaml', 'Pulumi.yml']) {
      const projectFile = folder ? `${folder}/${name}` : name;
      const text = project.readFile(projectFile);
      if (text === undefined) continue;
      return directoryOf(folder, projectFile, mainOf(text));
    }
  }
  return undefined;
}

function directoryOf(root: string, projectFile: string, main: string | undefined): ProgramDirectory {
  if (main === undefined || posix.isAbsolute(main)) return { root, cwd: root, reason: `the folder of ${projectFile}` };
  const target = normalized(posix.join(root, main));
  // `main: bin/tap.ts` names a file, `main: lib/` or `main: lib` a folder.
  const namesFolder = main.endsWith('/') || posix.extname(target) === '';
  const cwd = namesFolder ? target : parentFolder(target);
  return { root, cwd, reason: `${projectFile} sets \`main: ${main}\`` };
}

function mainOf(text: string): string | undefined {
  try {
    const main = (parseYaml(text) as { main?: unknown } | null)?.main;
    return typeof main === 'string' && main.trim() ? main.trim() : undefined;
  } catch {
    return undefined;
  }
}

/** The folder a relative path is in, `''` for the root. */
export function parentFolder(path: string): string {
  return normalized(posix.dirname(path));
}

/** A relative path without `./`, `''` for the root itself. */
export function normalized(path: string): string {
  let clean = posix.normalize(path);
  while (clean.endsWith('/')) clean = clean.slice(0, -1);
  return clean === '.' ? '' : clean;
}
