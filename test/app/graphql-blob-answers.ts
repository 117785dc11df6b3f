/**
 * How the simulated GitHub answers the App's batched blob query
 * (`b0: object(oid: $b0) { ... on Blob { text byteSize isBinary isTruncated } }`), the way
 * GitHub's GraphQL API does: `text` is UTF-8, null for binary blobs (NUL bytes), cut for blobs
 * over GRAPHQL_TEXT_LIMIT bytes (GitHub does not document its limit; 512 KiB here), and a blob
 * GitHub does not have is `null`.
 */

export const GRAPHQL_TEXT_LIMIT = 512 * 1024;

type Content = string | Uint8Array;

export interface BlobQueryBody {
  query: string;
  variables: Record<string, string>;
}

function bytesOf(content: Content): Buffer {
  return typeof content === 'string' ? Buffer.from(content) : Buffer.from(content);
}

function isValidUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** True when GitHub's GraphQL would not give the exact bytes, so the App reads the raw blob. */
export function needsRawRead(content: Content): boolean {
  const bytes = bytesOf(content);
  return bytes.length > GRAPHQL_TEXT_LIMIT || bytes.includes(0) || !isValidUtf8(bytes);
}

function blobNode(content: Content) {
  const bytes = bytesOf(content);
  const isBinary = bytes.includes(0);
  const isTruncated = !isBinary && bytes.length > GRAPHQL_TEXT_LIMIT;
  const text = isBinary ? null : new TextDecoder('utf-8').decode(isTruncated ? bytes.subarray(0, GRAPHQL_TEXT_LIMIT) : bytes);
  return { byteSize: bytes.length, isBinary, isTruncated, text };
}

/** Parses a request body nock hands over (a string or already-parsed JSON). */
export function parseBlobQuery(body: unknown): BlobQueryBody {
  return (typeof body === 'string' ? JSON.parse(body) : body) as BlobQueryBody;
}

/** The blob SHAs a query asks for, by alias (`b0`, `b1`, ...). */
export function requestedBlobs(body: BlobQueryBody): [alias: string, sha: string][] {
  return Object.entries(body.variables).filter(([name]) => /^b\d+$/.test(name));
}

/** The `data` GitHub would answer: each alias resolved from `store` (by blob SHA), or null. */
export function answerBlobQuery(body: BlobQueryBody, store: { get(sha: string): Content | undefined }) {
  const repository: Record<string, ReturnType<typeof blobNode> | null> = {};
  for (const [alias, sha] of requestedBlobs(body)) {
    const content = store.get(sha);
    repository[alias] = content === undefined ? null : blobNode(content);
  }
  return { data: { repository } };
}
