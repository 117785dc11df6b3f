/**
 * File contents in batches: one GraphQL query reads up to 100 blobs through aliases
 * (`b0: object(oid: $b0) { ... on Blob { text byteSize isBinary isTruncated } }`), so the
 * requests a review makes grow with files/100, not with files.
 *
 * Blobs are addressed by the blob SHA the pull-request files list (or the tree listing) gives,
 * which is the same object `expression: "<commit>:<path>"` would resolve to, without quoting
 * paths. GitHub's `text` is UTF-8 and cut for big blobs: a blob that is truncated, binary, or
 * whose text does not re-encode to exactly `byteSize` bytes (invalid UTF-8) is read as raw
 * bytes through the git blobs API instead, as before.
 *
 * Each text is deflated as its batch arrives (`DeflatedText`): the engine inflates a file when
 * it reviews it, so a 3,000-file pull request never holds all of its source as strings.
 */
import { DeflatedText } from '../syntax/stored-text.js';
import { FileFetchError, restContentSource, type BlobRef, type BlobContent, type ContentSource } from './contents.js';
import type { GitHub, RepoRef } from './types.js';

export const BLOBS_PER_QUERY = 100;

type Limit = <T>(fn: () => Promise<T>) => Promise<T>;

interface BlobNode {
  text?: string | null;
  byteSize?: number;
  isBinary?: boolean | null;
  isTruncated?: boolean;
}

type BatchAnswer = { repository: Record<string, BlobNode | null> | null };

/** The query for `count` blobs: variables `$b0..$b<count-1>` hold their SHAs. */
export function blobBatchQuery(count: number): string {
  const variables = Array.from({ length: count }, (_, index) => `$b${index}: GitObjectID!`).join(', ');
  const fields = Array.from({ length: count }, (_, index) => `b${index}: object(oid: $b${index}) { ...BlobText }`).join('\n    ');
  return [
    `query iacReviewBlobs($owner: String!, $repo: String!, ${variables}) {`,
    '  repository(owner: $owner, name: $repo) {',
    `    ${fields}`,
    '  }',
    '}',
    'fragment BlobText on Blob { byteSize isBinary isTruncated text }',
  ].join('\n');
}

/** The error a blob GitHub does not have gets: a 404, so the review can say the file vanished. */
function notFound(blob: BlobRef): Error {
  return Object.assign(new Error(`Not Found: the batch query returned no blob ${blob.sha.slice(0, 7)}`), { status: 404 });
}

/** A GraphQL answer with errors still carries the data it could resolve. */
function partialData(error: unknown): BatchAnswer | undefined {
  if (error && typeof error === 'object' && 'errors' in error && 'data' in error) {
    const data = (error as { data?: BatchAnswer }).data;
    if (data?.repository) return data;
  }
  return undefined;
}

/**
 * The text as GitHub sent it, or undefined when the blob has to be read raw (binary, truncated,
 * not UTF-8). Kept as a string: re-encoding it to bytes would hold every file twice.
 */
function usableText(node: BlobNode): string | undefined {
  if (node.isBinary || node.isTruncated || typeof node.text !== 'string') return undefined;
  return Buffer.byteLength(node.text, 'utf8') === node.byteSize ? node.text : undefined;
}

export function graphqlContentSource(github: GitHub, repo: RepoRef, limit: Limit): ContentSource {
  const raw = restContentSource(github, repo, limit);

  // A failed query (5xx, rate limit, timeout) is no one file's fault: its error goes up as is.
  const queryBatch = async (batch: readonly BlobRef[]): Promise<BatchAnswer> => {
    const variables: Record<string, string> = { owner: repo.owner, repo: repo.repo };
    batch.forEach((blob, index) => (variables[`b${index}`] = blob.sha));
    try {
      return await github.graphql<BatchAnswer>(blobBatchQuery(batch.length), variables);
    } catch (error) {
      const partial = partialData(error);
      if (partial) return partial;
      throw error;
    }
  };

  /** Outside the limiter: the raw reads take their own turns (a limited task must not wait on the same limiter). */
  const resolveBatch = async (batch: readonly BlobRef[], answer: BatchAnswer): Promise<BlobContent[]> => {
    if (!answer.repository) throw new FileFetchError(String(batch[0]?.path), new Error('GitHub found no such repository'));
    const results: (BlobContent | undefined)[] = [];
    const rawNeeded: number[] = [];
    batch.forEach((blob, index) => {
      const node = answer.repository?.[`b${index}`];
      if (!node) throw new FileFetchError(blob.path, notFound(blob));
      const text = usableText(node);
      if (text === undefined) rawNeeded.push(index);
      results.push(text === undefined ? undefined : (DeflatedText.of(text) ?? text));
    });
    if (rawNeeded.length) {
      const rawBytes = await raw.readBlobs(rawNeeded.map((index) => batch[index] as BlobRef));
      rawNeeded.forEach((index, position) => (results[index] = rawBytes[position]));
    }
    return results as BlobContent[];
  };

  return {
    async readBlobs(blobs) {
      const batches: BlobRef[][] = [];
      for (let start = 0; start < blobs.length; start += BLOBS_PER_QUERY) batches.push(blobs.slice(start, start + BLOBS_PER_QUERY));
      const answers = await Promise.all(batches.map((batch) => limit(() => queryBatch(batch)).then((answer) => resolveBatch(batch, answer))));
      return answers.flat();
    },
  };
}
