/**
 * Batched content reads: 100 blobs per GraphQL query, raw git blobs only for what GraphQL does
 * not give as exact text (cut, binary, not UTF-8), and errors that say which file or request.
 */
import { Octokit } from '@octokit/rest';
import nock from 'nock';
import pLimit from 'p-limit';
import { describe, expect, it } from 'vitest';
import { DeflatedText } from '../../src/syntax/stored-text.js';
import { FileFetchError, type BlobContent } from '../../src/github/contents.js';
import { BLOBS_PER_QUERY, graphqlContentSource } from '../../src/github/graphql-contents.js';
import type { GitHub } from '../../src/github/types.js';
import { GRAPHQL_TEXT_LIMIT } from './graphql-blob-answers.js';
import { API, blobSha, expectAllMocksUsed, GitHubMock, OWNER, REPO, useNock } from './support.js';

const { unmatched } = useNock();

function source() {
  const github = new Octokit({ auth: 'ghs_test', baseUrl: API }) as unknown as GitHub;
  return graphqlContentSource(github, { owner: OWNER, repo: REPO }, pLimit(4));
}

const refs = (contents: readonly (string | Uint8Array)[]) => contents.map((content, index) => ({ path: `lib/file_${index}.py`, sha: blobSha(content) }));
const text = (content: BlobContent) => (typeof content === 'string' ? content : Buffer.from(content instanceof DeflatedText ? content.inflate() : content).toString('utf8'));

describe('graphqlContentSource', () => {
  it('reads 250 files in 3 queries of at most 100, in order, with no per-file request', async () => {
    const contents = Array.from({ length: 250 }, (_, index) => `"""Module ${index}."""\nVALUE = ${index}\n`);
    const mock = new GitHubMock().graphql(3);
    for (const content of contents) mock.blobStore.set(blobSha(content), content);
    const read = await source().readBlobs(refs(contents));
    expectAllMocksUsed(mock, unmatched);
    // Texts arrive deflated, to be inflated when the engine reviews them.
    expect(read.every((content) => content instanceof DeflatedText)).toBe(true);
    expect(read.map(text)).toEqual(contents);
    expect(mock.sent.graphqlQueries.map((query) => query.length).sort((a, b) => b - a)).toEqual([BLOBS_PER_QUERY, BLOBS_PER_QUERY, 50]);
    expect(mock.sent.blobReads).toEqual([]);
  });

  it('reads cut, binary and non-UTF-8 blobs again as raw bytes, and only those', async () => {
    const big = `BIG = "${'x'.repeat(GRAPHQL_TEXT_LIMIT)}"\n`;
    const binary = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]);
    const latin1 = new Uint8Array([0x6e, 0x61, 0x6d, 0x65, 0x20, 0x3d, 0x20, 0x22, 0xe9, 0x22, 0x0a]);
    const plain = 'x = 1\n';
    const contents = [plain, big, binary, latin1];
    const mock = new GitHubMock().contents(contents);
    const read = await source().readBlobs(refs(contents));
    expectAllMocksUsed(mock, unmatched);
    expect(mock.sent.graphqlQueries).toHaveLength(1);
    expect(mock.sent.blobReads.sort()).toEqual([blobSha(big), blobSha(binary), blobSha(latin1)].sort());
    expect(text(read[0] as BlobContent)).toBe(plain);
    expect((read[1] as Uint8Array).length).toBe(Buffer.byteLength(big));
    expect([...(read[2] as Uint8Array)]).toEqual([...binary]);
    expect([...(read[3] as Uint8Array)]).toEqual([...latin1]);
  });

  it('a blob GitHub no longer has fails with the file path and a 404', async () => {
    const mock = new GitHubMock().contents(['a = 1\n']);
    const error = await source()
      .readBlobs(refs(['a = 1\n', 'gone = 1\n']))
      .catch((caught: unknown) => caught);
    expectAllMocksUsed(mock, unmatched);
    expect(error).toBeInstanceOf(FileFetchError);
    expect(error).toMatchObject({ path: 'lib/file_1.py', cause: { status: 404 } });
  });

  it('uses the data of an answer that also carries errors', async () => {
    const content = 'ok = 1\n';
    const scope = nock(API)
      .post('/graphql')
      .reply(200, { data: { repository: { b0: { byteSize: 7, isBinary: false, isTruncated: false, text: content } } }, errors: [{ type: 'SOME_WARNING', message: 'partial' }] });
    const read = await source().readBlobs(refs([content]));
    expect(scope.isDone()).toBe(true);
    expect(read.map(text)).toEqual([content]);
  });

  it('a failed query is reported as the request that failed, not as one file', async () => {
    const scope = nock(API).post('/graphql').reply(502, { message: 'Server Error' });
    const error = await source()
      .readBlobs(refs(['a = 1\n', 'b = 2\n']))
      .catch((caught: unknown) => caught);
    expect(scope.isDone()).toBe(true);
    expect(error).not.toBeInstanceOf(FileFetchError);
    expect(error).toMatchObject({ status: 502 });
  });

  it('reads nothing for no blobs', async () => {
    const mock = new GitHubMock();
    expect(await source().readBlobs([])).toEqual([]);
    expectAllMocksUsed(mock, unmatched);
  });
});
