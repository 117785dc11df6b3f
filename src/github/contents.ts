/**
 * File contents at the head commit, read as raw bytes (never executed). Every file is read by
 * the blob SHA the pull-request files list gives, through the git blobs API: one request per
 * file, immutable content, and no 1 MB ceiling (the contents API's JSON form stops at 1 MB).
 *
 * `ContentSource` is the seam for batched fetching: the App reads through GraphQL, 100 blobs
 * per query (graphql-contents.ts), and falls back to these raw reads for big or binary blobs.
 */
import picomatch from 'picomatch';
import { DeflatedText } from '../syntax/stored-text.js';
import type { GitHub, RepoRef } from './types.js';

export interface BlobRef {
  path: string;
  /** Git blob SHA. */
  sha: string;
}

/** A blob's content: its text when GitHub gave it as valid UTF-8 (deflated by the batched reads), else its raw bytes. */
export type BlobContent = string | Uint8Array | DeflatedText;

export interface ContentSource {
  /** The content of each blob, in the order given; rejects when any blob cannot be read. */
  readBlobs(blobs: readonly BlobRef[]): Promise<BlobContent[]>;
}

type Limit = <T>(fn: () => Promise<T>) => Promise<T>;

export class FileFetchError extends Error {
  constructor(
    readonly path: string,
    cause: unknown,
  ) {
    super(`could not read ${path}`, { cause });
    this.name = 'FileFetchError';
  }
}

async function readBody(body: unknown): Promise<Uint8Array> {
  if (body === null || body === undefined) return new Uint8Array();
  if (body instanceof Uint8Array) return body;
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  if (typeof body === 'string') return new TextEncoder().encode(body);
  return new Uint8Array(await new Response(body as ReadableStream).arrayBuffer());
}

/** Reads blobs through `GET /repos/{owner}/{repo}/git/blobs/{sha}` with the raw media type. */
export function restContentSource(github: GitHub, repo: RepoRef, limit: Limit): ContentSource {
  const readOne = async (blob: BlobRef): Promise<Uint8Array> => {
    try {
      const response = await github.request('GET /repos/{owner}/{repo}/git/blobs/{file_sha}', {
        ...repo,
        file_sha: blob.sha,
        headers: { accept: 'application/vnd.github.raw' },
        // Keep the bytes as bytes: the engine itself tells binary and invalid UTF-8 apart.
        request: { parseSuccessResponseBody: false },
      });
      return await readBody(response.data);
    } catch (error) {
      throw new FileFetchError(blob.path, error);
    }
  };
  return { readBlobs: (blobs) => Promise.all(blobs.map((blob) => limit(() => readOne(blob)))) };
}

export interface TreeEntry {
  path: string;
  sha: string;
  size: number | undefined;
}

/** Directories a set of patterns can match in ('' for the root), without wildcards. */
export function patternDirectories(patterns: readonly string[]): string[] {
  const directories = new Set<string>();
  for (const pattern of patterns) {
    const slash = pattern.lastIndexOf('/');
    directories.add(slash < 0 ? '' : pattern.slice(0, slash));
  }
  return sortParentsFirst(directories);
}

/** The directories holding `paths` and all their ancestors ('' for the root), parents first. */
export function directoriesOf(paths: readonly string[]): string[] {
  const directories = new Set<string>(['']);
  for (const path of paths) {
    const parts = path.split('/').slice(0, -1);
    parts.forEach((_, index) => directories.add(parts.slice(0, index + 1).join('/')));
  }
  return sortParentsFirst(directories);
}

/** Directories in an order `listDirectories` can follow: each after its parent. */
export function sortParentsFirst(directories: Iterable<string>): string[] {
  const depth = (directory: string) => (directory ? directory.split('/').length : 0);
  return [...new Set(directories)].sort((a, b) => depth(a) - depth(b) || a.localeCompare(b));
}

/**
 * Files directly inside `directories` at `commitSha`, one non-recursive tree request per
 * directory (the root tree is addressed by the commit SHA itself).
 */
export async function listDirectories(github: GitHub, repo: RepoRef, commitSha: string, directories: readonly string[]): Promise<TreeEntry[]> {
  const treeShas = new Map<string, string>([['', commitSha]]);
  const files: TreeEntry[] = [];
  for (const directory of directories) {
    const treeSha = treeShas.get(directory);
    if (!treeSha) continue;
    const { data } = await github.rest.git.getTree({ ...repo, tree_sha: treeSha });
    for (const entry of data.tree) {
      if (!entry.path || !entry.sha) continue;
      const path = directory ? `${directory}/${entry.path}` : entry.path;
      if (entry.type === 'tree') treeShas.set(path, entry.sha);
      else if (entry.type === 'blob') files.push({ path, sha: entry.sha, size: entry.size });
    }
  }
  return files;
}

export interface ProjectFiles {
  paths: string[];
  texts: Map<string, string>;
}

export interface ProjectListing {
  /** Every file in the listed directories (what exists, for structure rules). */
  paths: string[];
  /** The pattern matches whose contents the detectors read. */
  toRead: TreeEntry[];
}

/**
 * The project files detectors read besides the changed ones (manifests, READMEs, stack files,
 * lib/AWS_REGION): listed from the head tree; the pattern matches that are not already under
 * review and not larger than `maxBytes` are the ones to read.
 */
export async function listProjectFiles(
  github: GitHub,
  repo: RepoRef,
  commitSha: string,
  patterns: readonly string[],
  exclude: ReadonlySet<string>,
  maxBytes: number,
): Promise<ProjectListing> {
  const entries = await listDirectories(github, repo, commitSha, patternDirectories(patterns));
  const wanted = picomatch(patterns as string[], { dot: true });
  const toRead = entries.filter((entry) => wanted(entry.path) && !exclude.has(entry.path) && (entry.size ?? 0) <= maxBytes);
  return { paths: entries.map((entry) => entry.path), toRead };
}

/** The project files' texts, from their bytes in `toRead` order. */
export function projectTexts(toRead: readonly TreeEntry[], contents: readonly BlobContent[]): Map<string, string> {
  const decoder = new TextDecoder('utf-8');
  const texts = new Map<string, string>();
  toRead.forEach((entry, index) => {
    const content = contents[index] ?? '';
    texts.set(entry.path, typeof content === 'string' ? content : decoder.decode(content instanceof DeflatedText ? content.inflate() : content));
  });
  return texts;
}

/** Lists and reads the project files in one go (see `listProjectFiles`). */
export async function loadProjectFiles(
  github: GitHub,
  repo: RepoRef,
  commitSha: string,
  patterns: readonly string[],
  source: ContentSource,
  exclude: ReadonlySet<string>,
  maxBytes: number,
): Promise<ProjectFiles> {
  const listing = await listProjectFiles(github, repo, commitSha, patterns, exclude, maxBytes);
  const contents = await source.readBlobs(listing.toRead);
  return { paths: listing.paths, texts: projectTexts(listing.toRead, contents) };
}
