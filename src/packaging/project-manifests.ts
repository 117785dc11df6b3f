/**
 * The dependency manifests that apply to a Python file of the project: those in the project
 * root and in every folder above the file (a Lambda folder may carry its own requirements.txt),
 * with `-r` includes followed. Parsed once per review and cached on the project view.
 */
import { normalizeName } from './pep440.js';
import { manifestKind, parseManifest, type Manifest } from './python-manifests.js';
import type { ProjectView } from '../api/rule.js';

export type ApplicableManifests =
  /** No manifest declares dependencies: nothing to compare against. */
  | { status: 'none' }
  /** Some manifest exists but cannot be fully read (unavailable, editable install, dynamic setup.py). */
  | { status: 'unknown' }
  | { status: 'known'; manifests: Manifest[]; listed: ReadonlySet<string> };

function dirname(path: string): string {
  const index = path.lastIndexOf('/');
  return index < 0 ? '' : path.slice(0, index);
}

function join(directory: string, relative: string): string {
  const parts = directory ? directory.split('/') : [];
  for (const part of relative.replace(/^\.\//, '').split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.' && part !== '') parts.push(part);
  }
  return parts.join('/');
}

/** Folders from the project root down to the file's own folder (`''`, `lib`, `lib/functions`). */
function folderChain(path: string): string[] {
  const folders = [''];
  const parts = dirname(path).split('/').filter(Boolean);
  for (let index = 1; index <= parts.length; index++) folders.push(parts.slice(0, index).join('/'));
  return folders;
}

export class ProjectManifests {
  private readonly parsed = new Map<string, Manifest | undefined>();
  private readonly byFolder = new Map<string, string[]>();

  constructor(private readonly project: ProjectView) {
    for (const path of project.paths) {
      if (!manifestKind(path)) continue;
      let folder = dirname(path);
      if (/(^|\/)requirements$/.test(folder)) folder = dirname(folder);
      const list = this.byFolder.get(folder) ?? [];
      list.push(path);
      this.byFolder.set(folder, list);
    }
  }

  /** The parsed manifest at `path`, undefined when it is not available. */
  manifest(path: string): Manifest | undefined {
    if (!this.parsed.has(path)) {
      const text = this.project.readFile(path);
      this.parsed.set(path, text === undefined ? undefined : parseManifest(path, text));
    }
    return this.parsed.get(path);
  }

  /** Every manifest path of the project (root and nested). */
  allPaths(): string[] {
    return [...this.byFolder.values()].flat().sort();
  }

  /** The manifests that govern the Python file at `path`, and the distributions they list. */
  applicableTo(path: string): ApplicableManifests {
    const manifests: Manifest[] = [];
    const seen = new Set<string>();
    const pending = folderChain(path).flatMap((folder) => this.byFolder.get(folder) ?? []);
    let unknown = false;
    while (pending.length) {
      const manifestPath = pending.shift() as string;
      if (seen.has(manifestPath)) continue;
      seen.add(manifestPath);
      const manifest = this.manifest(manifestPath);
      if (!manifest) {
        unknown = true;
        continue;
      }
      manifests.push(manifest);
      if (manifest.opaque || manifest.parseError) unknown = true;
      for (const include of manifest.includes) {
        const target = join(dirname(manifestPath), include);
        if (this.project.readFile(target) === undefined) unknown = true;
        else pending.push(target);
      }
    }
    const declaring = manifests.filter((manifest) => manifest.declaresDependencies);
    if (unknown) return { status: 'unknown' };
    if (declaring.length === 0) return { status: 'none' };
    const listed = new Set(declaring.flatMap((manifest) => manifest.requirements.map((requirement) => normalizeName(requirement.name))));
    return { status: 'known', manifests: declaring, listed };
  }
}
