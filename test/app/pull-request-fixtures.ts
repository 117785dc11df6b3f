/* eslint-disable @typescript-eslint/no-explicit-any -- webhook payloads are untyped JSON */
/**
 * The simulated repository the App's tests review: constants, webhook payload fixtures, and
 * changed files as GitHub's pull-request files API lists them.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

export const API = 'https://api.github.com';
export const OWNER = 'acme';
export const REPO = 'infra';
export const PULL = 12;
export const HEAD_SHA = '9f3b2c1d4e5f60718293a4b5c6d7e8f901234567';
/** The pull request's base commit in the webhook fixtures (`pull_request.base.sha`). */
export const BASE_SHA = '1a2b3c4d5e6f708192a3b4c5d6e7f80912345678';
export const INSTALLATION_ID = 424242;
/** The App's ID in the tests' Probot (check runs it creates say so). */
export const APP_ID = 123;
export const CHECK_RUN_ID = 4400777;
export const CHECK_RUN_URL = 'https://github.com/acme/infra/runs/4400777';
export const WEBHOOK_SECRET = 'test-webhook-secret';
export const REPO_PATH = `/repos/${OWNER}/${REPO}`;

/** A webhook payload fixture (`test/fixtures/<event>.<action>.json`), deep-copied. */
export function fixture(name: string): Record<string, any> {
  return JSON.parse(readFileSync(new URL(`../fixtures/${name}.json`, import.meta.url), 'utf8'));
}

/** Git's blob SHA of some content, so fixtures carry realistic SHAs. */
export function blobSha(content: string | Uint8Array): string {
  const bytes = typeof content === 'string' ? Buffer.from(content) : Buffer.from(content);
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

/** A patch that adds `content`'s lines `from..to` (1-based, inclusive) on the RIGHT side. */
export function addedLinesPatch(content: string, from = 1, to?: number): string {
  const lines = content.replace(/\n$/, '').split('\n');
  const last = to ?? lines.length;
  const added = lines.slice(from - 1, last);
  return [`@@ -${from - 1},0 +${from},${added.length} @@`, ...added.map((line) => `+${line}`)].join('\n');
}

export interface PrFile {
  path: string;
  status?: 'added' | 'removed' | 'modified' | 'renamed';
  content?: string | Uint8Array;
  /** `null`: GitHub sent no patch (binary, or a pure rename). Defaults to "every line added". */
  patch?: string | null;
  previousPath?: string;
  /** Line counts GitHub reports when it sends no patch (a diff too large to show). */
  additions?: number;
}

export function fileEntry(file: PrFile): Record<string, unknown> {
  const content = file.content ?? '';
  const patch = file.patch === undefined ? (typeof content === 'string' && content ? addedLinesPatch(content) : null) : file.patch;
  const additions = file.additions ?? (patch ? patch.split('\n').filter((line) => line.startsWith('+')).length : 0);
  return {
    sha: file.status === 'removed' ? '0000000000000000000000000000000000000000' : blobSha(content),
    filename: file.path,
    status: file.status ?? 'added',
    additions,
    deletions: 0,
    changes: additions,
    blob_url: `https://github.com/${OWNER}/${REPO}/blob/${HEAD_SHA}/${file.path}`,
    raw_url: `https://github.com/${OWNER}/${REPO}/raw/${HEAD_SHA}/${file.path}`,
    contents_url: `${API}${REPO_PATH}/contents/${file.path}?ref=${HEAD_SHA}`,
    ...(patch ? { patch } : {}),
    ...(file.previousPath ? { previous_filename: file.previousPath } : {}),
  };
}

export interface TreeFile {
  path: string;
  content: string;
}

/** The usual project around the changed files: Pulumi.yaml at the root and lib/AWS_REGION. */
export const PROJECT_TREE: TreeFile[] = [
  { path: 'Pulumi.yaml', content: 'name: tap\nruntime: python\ndescription: TAP infrastructure\n' },
  { path: 'lib/AWS_REGION', content: 'us-east-1\n' },
];

/** Whether the app reads a changed file's content (removed, binary and patchless empty files it does not). */
export function readByApp(file: PrFile): boolean {
  if (file.status === 'removed' || /\.(png|jpe?g|gif|zip|whl)$/.test(file.path)) return false;
  const entry = fileEntry(file);
  return !(entry.patch === undefined && entry.changes === 0 && (file.status ?? 'added') !== 'renamed');
}
