/* eslint-disable @typescript-eslint/no-explicit-any -- request bodies are untyped JSON */
/**
 * A simulated GitHub for many pull requests at once (the load test and the App benchmark):
 * persistent nock routes that answer every call a review makes from in-memory pull requests,
 * count requests by kind, and record every check run's life. Pages, GraphQL batches and raw
 * blobs behave like GitHub's (100 files per page with `link` headers, `text` cut at 512 KiB).
 * Responses are built when asked for, so a 3,000-file pull request is not held twice; files
 * can also be read from disk only when asked for (`LazyFile`), so the benchmark's process holds
 * little more than the App itself.
 */
import nock from 'nock';
import { answerBlobQuery, parseBlobQuery } from './graphql-blob-answers.js';
import { API, blobSha, fileEntry, INSTALLATION_ID, OWNER, PROJECT_TREE, REPO, type PrFile } from './github-mock.js';

/** A file whose content is read only when GitHub is asked for it. */
export interface LazyFile {
  path: string;
  /** Its git blob SHA. */
  sha: string;
  load: () => string;
}

export type SimulatedFile = PrFile | LazyFile;

export interface SimulatedPull {
  number: number;
  headSha: string;
  files: SimulatedFile[];
}

const isLazy = (file: SimulatedFile): file is LazyFile => 'load' in file;

export interface CheckRunRecord {
  id: number;
  headSha: string;
  status: string;
  conclusion?: string;
  title?: string;
  updates: number;
}

const REPO_PATH = `/repos/${OWNER}/${REPO}`;
const LIB_TREE_SHA = 'aa11bb22cc33dd44ee55ff6600112233445566aa';
const PER_PAGE = 100;

export class SimulatedGitHub {
  /** Requests answered, by route name. */
  readonly requests = new Map<string, number>();
  readonly checkRuns = new Map<number, CheckRunRecord>();
  /** Pull request number → inline comments posted in reviews (and single comments). */
  readonly inlineComments = new Map<number, string[]>();
  /** Pull request number → summary comments created. */
  readonly summaryComments = new Map<number, number>();
  private readonly pulls = new Map<number, SimulatedPull>();
  /** Blob SHA → where its content comes from. */
  private readonly blobSources = new Map<string, SimulatedFile | string>();
  /** The blob store the GraphQL answers read (contents loaded on demand). */
  private readonly blobs = {
    get: (sha: string): string | Uint8Array | undefined => {
      const source = this.blobSources.get(sha);
      return source === undefined || typeof source === 'string' ? source : isLazy(source) ? source.load() : source.content;
    },
  };
  private nextCheckRunId = 5_000_001;
  private scope: nock.Scope | undefined;

  constructor(pulls: readonly SimulatedPull[]) {
    for (const pull of pulls) this.addPull(pull);
    for (const file of PROJECT_TREE) this.blobSources.set(blobSha(file.content), file.content);
  }

  addPull(pull: SimulatedPull): void {
    this.pulls.set(pull.number, pull);
    for (const file of pull.files) {
      if (isLazy(file)) this.blobSources.set(file.sha, file);
      else if (file.content !== undefined) this.blobSources.set(blobSha(file.content), file);
    }
  }

  get totalRequests(): number {
    let total = 0;
    for (const count of this.requests.values()) total += count;
    return total;
  }

  /** Requests to the review's own API calls (everything but the installation token). */
  get reviewRequests(): number {
    return this.totalRequests - (this.requests.get('token') ?? 0);
  }

  /** Registers the routes (persisted until `uninstall`). */
  install(): this {
    const scope = nock(API).persist();
    this.scope = scope;
    const count = (name: string) => this.requests.set(name, (this.requests.get(name) ?? 0) + 1);
    const pullOf = (uri: string) => this.pulls.get(Number(/\/(?:pulls|issues)\/(\d+)\//.exec(uri)?.[1]));

    scope.post(`/app/installations/${INSTALLATION_ID}/access_tokens`).reply(201, () => {
      count('token');
      return { token: 'ghs_simulated', expires_at: '2099-01-01T00:00:00Z', permissions: {}, repository_selection: 'selected' };
    });
    scope.get(/\/contents\/\.github%2Fiac-review\.yml/).reply(404, () => (count('config'), { message: 'Not Found' }));
    scope.post(`${REPO_PATH}/check-runs`).reply(201, (_uri, body: any) => {
      count('check-run create');
      const id = this.nextCheckRunId++;
      this.checkRuns.set(id, { id, headSha: body.head_sha, status: body.status, conclusion: body.conclusion, title: body.output?.title, updates: 0 });
      return { id, html_url: `https://github.com/${OWNER}/${REPO}/runs/${id}`, status: body.status, app: { id: 123 } };
    });
    scope.patch(/\/check-runs\/\d+$/).reply(200, (uri, body: any) => {
      count('check-run update');
      const run = this.checkRuns.get(Number(uri.split('/').at(-1)));
      if (!run) return { message: 'Not Found' };
      Object.assign(run, { updates: run.updates + 1 }, body.status ? { status: body.status } : {}, body.conclusion ? { conclusion: body.conclusion } : {});
      if (body.output?.title) run.title = body.output.title;
      return { id: run.id };
    });
    scope
      .get(/\/pulls\/\d+\/files/)
      .query(true)
      .reply((uri) => {
        count('list files');
        return this.filesPage(uri);
      });
    scope
      .get(/\/commits\/[0-9a-f]+\/check-runs/)
      .query(true)
      .reply(200, () => (count('running check runs'), { total_count: 0, check_runs: [] }));
    scope.get(/\/git\/trees\//).reply(200, (uri) => (count('tree'), this.tree(uri)));
    scope.post('/graphql').reply(200, (_uri, body) => (count('graphql'), answerBlobQuery(parseBlobQuery(body), this.blobs)));
    scope.get(/\/git\/blobs\//).reply((uri) => {
      count('raw blob');
      const content = this.blobs.get(uri.split('/').at(-1) ?? '');
      return content === undefined ? [404, { message: 'Not Found' }] : [200, Buffer.from(content), { 'content-type': 'application/vnd.github.raw' }];
    });
    scope
      .get(/\/(pulls|issues)\/\d+\/comments/)
      .query(true)
      .reply(200, (uri) => (count(uri.includes('/issues/') ? 'list issue comments' : 'list review comments'), []));
    scope.post(/\/pulls\/\d+\/reviews$/).reply(200, (uri, body: any) => {
      count('create review');
      this.recordInline(uri, (body.comments ?? []).map((comment: any) => `${comment.path}:${comment.line}`));
      return { id: 1 };
    });
    scope.post(/\/pulls\/\d+\/comments$/).reply(201, (uri, body: any) => {
      count('create review comment');
      this.recordInline(uri, [`${body.path}:${body.line}`]);
      return { id: 2 };
    });
    scope.post(/\/issues\/\d+\/comments$/).reply(201, (uri) => {
      count('create summary comment');
      const pull = pullOf(uri)?.number ?? -1;
      this.summaryComments.set(pull, (this.summaryComments.get(pull) ?? 0) + 1);
      return { id: 3 };
    });
    return this;
  }

  uninstall(): void {
    this.scope?.persist(false);
    nock.cleanAll();
  }

  private recordInline(uri: string, comments: string[]): void {
    const pull = Number(/\/pulls\/(\d+)\//.exec(uri)?.[1]);
    this.inlineComments.set(pull, [...(this.inlineComments.get(pull) ?? []), ...comments]);
  }

  private filesPage(uri: string): [number, unknown, Record<string, string>?] {
    const url = new URL(uri, API);
    const pull = this.pulls.get(Number(/\/pulls\/(\d+)\//.exec(url.pathname)?.[1]));
    if (!pull) return [404, { message: 'Not Found' }];
    const page = Number(url.searchParams.get('page') ?? '1');
    const files = pull.files.slice((page - 1) * PER_PAGE, page * PER_PAGE).map((file) => fileEntry(isLazy(file) ? { path: file.path, status: 'added', content: file.load() } : file));
    const last = Math.max(1, Math.ceil(pull.files.length / PER_PAGE));
    const headers: Record<string, string> = {};
    if (page < last) headers.link = `<${API}${url.pathname}?per_page=${PER_PAGE}&page=${page + 1}>; rel="next", <${API}${url.pathname}?per_page=${PER_PAGE}&page=${last}>; rel="last"`;
    return [200, files, headers];
  }

  /** The project around every pull request: PROJECT_TREE at any head commit. */
  private tree(uri: string) {
    const sha = uri.split('/').at(-1)?.split('?')[0] ?? '';
    const entry = (path: string, content: string) => ({ path, mode: '100644', type: 'blob', sha: blobSha(content), size: Buffer.byteLength(content) });
    if (sha === LIB_TREE_SHA) {
      const lib = PROJECT_TREE.filter((file) => file.path.startsWith('lib/'));
      return { sha, tree: lib.map((file) => entry(file.path.slice(4), file.content)), truncated: false };
    }
    const root = PROJECT_TREE.filter((file) => !file.path.includes('/')).map((file) => entry(file.path, file.content));
    return { sha, tree: [...root, { path: 'lib', mode: '040000', type: 'tree', sha: LIB_TREE_SHA }], truncated: false };
  }
}
