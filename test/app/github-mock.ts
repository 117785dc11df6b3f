/* eslint-disable @typescript-eslint/no-explicit-any -- request bodies captured from nock are untyped JSON */
/**
 * A nock-simulated GitHub for the App's tests: interceptors for every API call a review makes,
 * each recording what the app sent. File contents are answered by the GraphQL batch endpoint
 * (graphql-blob-answers.ts), with raw git blobs for what GitHub's GraphQL would not give as text.
 */
import nock from 'nock';
import { answerBlobQuery, needsRawRead, parseBlobQuery, requestedBlobs } from './graphql-blob-answers.js';
import {
  API,
  APP_ID,
  BASE_SHA,
  blobSha,
  CHECK_RUN_ID,
  fileEntry,
  fixture,
  HEAD_SHA,
  INSTALLATION_ID,
  OWNER,
  PROJECT_TREE,
  PULL,
  readByApp,
  REPO,
  REPO_PATH,
  type PrFile,
  type TreeFile,
} from './pull-request-fixtures.js';

export * from './pull-request-fixtures.js';

/** Captured request bodies, by kind. */
export interface Captured {
  checkRunCreates: any[];
  checkRunUpdates: any[];
  reviews: any[];
  reviewComments: any[];
  issueComments: any[];
  issueCommentEdits: { id: number; body: any }[];
  reactions: any[];
  /** Raw git-blob reads (REST). */
  blobReads: string[];
  /** Blob SHAs asked for in GraphQL batch queries, one array per query. */
  graphqlQueries: string[][];
  /** Commits looked at for orphaned check runs, in order. */
  orphanLookups: string[];
}

export interface RunningRun {
  id: number;
  appId?: number;
  startedAt?: string;
}

export function captured(): Captured {
  return { checkRunCreates: [], checkRunUpdates: [], reviews: [], reviewComments: [], issueComments: [], issueCommentEdits: [], reactions: [], blobReads: [], graphqlQueries: [], orphanLookups: [] };
}

/** Nock interceptors for the GitHub API, each recording what the app sent. */
export class GitHubMock {
  readonly scope = nock(API);
  readonly sent = captured();

  token(): this {
    this.scope.post(`/app/installations/${INSTALLATION_ID}/access_tokens`).reply(201, {
      token: 'ghs_test_installation_token',
      expires_at: '2099-01-01T00:00:00Z',
      permissions: { checks: 'write', contents: 'read', issues: 'write', metadata: 'read', pull_requests: 'write' },
      repository_selection: 'selected',
    });
    return this;
  }

  /**
   * `.github/iac-review.yml` at a commit (the base, where the App reads what the review demands);
   * without text, absent there and in the org's `.github` (read from its default branch).
   */
  config(text?: string, ref = BASE_SHA): this {
    const path = `${REPO_PATH}/contents/.github%2Fiac-review.yml`;
    if (text === undefined) {
      this.scope.get(path).query({ ref }).reply(404, { message: 'Not Found' });
      this.scope.get(`/repos/${OWNER}/.github/contents/.github%2Fiac-review.yml`).reply(404, { message: 'Not Found' });
    } else {
      this.scope.get(path).query({ ref }).reply(200, text, { 'content-type': 'application/vnd.github.raw; charset=utf-8' });
    }
    return this;
  }

  /**
   * The review's check run, and the look-up for orphaned runs that follows it: on the head, and
   * on the previous head too after a push (`lookups: 2`); `running` is what GitHub lists there.
   */
  createCheckRun(id = CHECK_RUN_ID, lookups = 1, running: readonly RunningRun[] = []): this {
    this.scope
      .post(`${REPO_PATH}/check-runs`, (body) => {
        this.sent.checkRunCreates.push({ ...body, id });
        return true;
      })
      .reply(201, { id, html_url: `https://github.com/${OWNER}/${REPO}/runs/${id}`, name: 'iac-review', status: 'in_progress', app: { id: APP_ID, slug: 'iac-review' } });
    for (let lookup = 0; lookup < lookups; lookup++) this.runningRuns(lookup === 0 ? running : []);
    return this;
  }

  /** The in-progress `iac-review` runs GitHub lists on a commit (the orphan look-up), with our own run among them. */
  runningRuns(runs: readonly RunningRun[] = []): this {
    this.scope
      .get(/\/repos\/acme\/infra\/commits\/[0-9a-f]{40}\/check-runs$/)
      .query({ check_name: 'iac-review', status: 'in_progress', filter: 'all', per_page: '100' })
      .reply(200, (uri) => {
        this.sent.orphanLookups.push(uri.split('/')[5] ?? '');
        const check_runs = runs.map((run) => ({ id: run.id, name: 'iac-review', status: 'in_progress', started_at: run.startedAt ?? '2026-01-01T00:00:00Z', app: { id: run.appId ?? APP_ID } }));
        return { total_count: check_runs.length, check_runs };
      });
    return this;
  }

  updateCheckRun(times = 1, id = CHECK_RUN_ID): this {
    this.scope
      .patch(`${REPO_PATH}/check-runs/${id}`, (body) => {
        this.sent.checkRunUpdates.push({ ...body, id });
        return true;
      })
      .times(times)
      .reply(200, { id });
    return this;
  }

  /** The updates sent to one check run, in order. */
  updatesOf(id: number): any[] {
    return this.sent.checkRunUpdates.filter((update) => update.id === id);
  }

  listFiles(files: readonly PrFile[]): this {
    this.scope.get(`${REPO_PATH}/pulls/${PULL}/files`).query({ per_page: 100 }).reply(200, files.map(fileEntry));
    return this;
  }

  blob(content: string | Uint8Array, status = 200): this {
    const sha = blobSha(content);
    this.scope.get(`${REPO_PATH}/git/blobs/${sha}`).reply(() => {
      this.sent.blobReads.push(sha);
      return status === 200
        ? [200, Buffer.from(content), { 'content-type': 'application/vnd.github.raw' }]
        : [status, { message: status === 404 ? 'Not Found' : 'Server Error' }, { 'content-type': 'application/json; charset=utf-8' }];
    });
    return this;
  }

  /** Blob contents GitHub has, by SHA (what the GraphQL batch query answers from). */
  readonly blobStore = new Map<string, string | Uint8Array>();
  private graphqlRegistered = false;

  /**
   * The GraphQL batch endpoint: `times` queries answered from `blobStore` (a SHA not in it is
   * `null`, a vanished blob). Registered once by `contents`; call it directly for other counts.
   */
  graphql(times = 1): this {
    this.graphqlRegistered = true;
    this.scope
      .post('/graphql')
      .times(times)
      .reply(200, (_uri, body) => {
        const query = parseBlobQuery(body);
        this.sent.graphqlQueries.push(requestedBlobs(query).map(([, sha]) => sha));
        return answerBlobQuery(query, this.blobStore);
      });
    return this;
  }

  /** The batch query fails once with `status` (register before `contents`/`graphql` to fail the first query). */
  graphqlFailure(status: number, body: unknown = { message: 'Server Error' }, headers: Record<string, string> = {}): this {
    this.graphqlRegistered = true;
    this.scope.post('/graphql').reply(status, body as nock.Body, { 'content-type': 'application/json; charset=utf-8', ...headers });
    return this;
  }

  /**
   * Contents the app reads: answered by one GraphQL query (up to 100 blobs), plus a raw blob
   * read for each blob GraphQL gives no exact text for (over 512 KiB, binary, not UTF-8).
   */
  contents(contents: readonly (string | Uint8Array)[]): this {
    if (!contents.length) return this;
    for (const content of contents) {
      this.blobStore.set(blobSha(content), content);
      if (needsRawRead(content)) this.blob(content);
    }
    if (!this.graphqlRegistered) this.graphql();
    return this;
  }

  /** Blobs of every changed file the app must read (not removed, not binary, not patchless-empty). */
  blobsOf(files: readonly PrFile[]): this {
    return this.contents(files.flatMap((file) => (file.status === 'removed' || file.content === undefined ? [] : [file.content])));
  }

  /** The head tree: root and `lib/` listings, and the project files the app reads from them. */
  tree(files: readonly TreeFile[], changedPaths: readonly string[] = []): this {
    this.listing(files, HEAD_SHA);
    const contextFile = /^(requirements(-dev)?\.txt|Pipfile|pyproject\.toml|setup\.py|README\.md|lib\/README\.md|lib\/AWS_REGION|Pulumi(\.[^/]+)?\.yaml|metadata\.json)$/;
    return this.contents(files.filter((file) => contextFile.test(file.path) && !changedPaths.includes(file.path)).map((file) => file.content));
  }

  /** The base tree: root and `lib/` listings, and the requirement files (lib/AWS_REGION, Pulumi.<stack>.yaml) read from them. */
  baseTree(files: readonly TreeFile[], baseSha = BASE_SHA): this {
    this.listing(files, baseSha);
    return this.contents(files.filter((file) => /^(lib\/AWS_REGION|Pulumi\.[^/]+\.yaml)$/.test(file.path)).map((file) => file.content));
  }

  /** Root and `lib/` tree listings of a commit (the lib tree's SHA is the same in every commit here). */
  private listing(files: readonly TreeFile[], commitSha: string): void {
    const root = files.filter((file) => !file.path.includes('/'));
    const lib = files.filter((file) => file.path.startsWith('lib/') && !file.path.slice(4).includes('/'));
    const libSha = 'aa11bb22cc33dd44ee55ff6600112233445566aa';
    const entry = (file: TreeFile, name: string) => ({ path: name, mode: '100644', type: 'blob', sha: blobSha(file.content), size: Buffer.byteLength(file.content) });
    const rootEntries = [...root.map((file) => entry(file, file.path)), ...(lib.length ? [{ path: 'lib', mode: '040000', type: 'tree', sha: libSha }] : [])];
    this.scope.get(`${REPO_PATH}/git/trees/${commitSha}`).reply(200, { sha: commitSha, tree: rootEntries, truncated: false });
    if (lib.length) {
      this.scope.get(`${REPO_PATH}/git/trees/${libSha}`).reply(200, { sha: libSha, tree: lib.map((file) => entry(file, file.path.slice(4))), truncated: false });
    }
  }

  reviewCommentsList(comments: readonly unknown[] = []): this {
    this.scope.get(`${REPO_PATH}/pulls/${PULL}/comments`).query(true).reply(200, comments);
    return this;
  }

  createReview(status = 200, times = 1): this {
    this.scope
      .post(`${REPO_PATH}/pulls/${PULL}/reviews`, (body) => {
        this.sent.reviews.push(body);
        return true;
      })
      .times(times)
      .reply(status, status === 200 ? { id: 31337, state: 'COMMENTED' } : { message: 'Unprocessable Entity', errors: ['Line could not be resolved'] });
    return this;
  }

  createReviewComment(status: number): this {
    this.scope
      .post(`${REPO_PATH}/pulls/${PULL}/comments`, (body) => {
        this.sent.reviewComments.push({ ...body, status });
        return true;
      })
      .reply(status, status === 201 ? { id: 1000 + this.sent.reviewComments.length } : { message: 'Validation Failed', errors: [{ field: 'line', code: 'invalid' }] });
    return this;
  }

  issueCommentsList(comments: readonly unknown[] = []): this {
    this.scope.get(`${REPO_PATH}/issues/${PULL}/comments`).query(true).reply(200, comments);
    return this;
  }

  createIssueComment(): this {
    this.scope
      .post(`${REPO_PATH}/issues/${PULL}/comments`, (body) => {
        this.sent.issueComments.push(body);
        return true;
      })
      .reply(201, { id: 777001 });
    return this;
  }

  editIssueComment(id: number): this {
    this.scope
      .patch(`${REPO_PATH}/issues/comments/${id}`, (body) => {
        this.sent.issueCommentEdits.push({ id, body });
        return true;
      })
      .reply(200, { id });
    return this;
  }

  pullRequest(headSha = HEAD_SHA, state = 'open'): this {
    const pull = fixture('pull_request.opened').pull_request;
    this.scope.get(`${REPO_PATH}/pulls/${PULL}`).reply(200, { ...pull, state, head: { ...pull.head, sha: headSha } });
    return this;
  }

  /** The check run's last update: the completion. */
  completion(): any {
    return this.sent.checkRunUpdates.at(-1);
  }

  annotations(): any[] {
    return this.sent.checkRunUpdates.flatMap((update) => update.output?.annotations ?? []);
  }
}

export interface FullReviewOptions {
  /** Configuration text; `false`: not fetched here (the test registers it). */
  config?: string | false;
  /** Check-run updates expected (annotation batches plus the completion); 0: the test registers them. */
  updates?: number;
  review?: boolean;
  summary?: 'create' | 'none';
  /** Expect an installation token request (false when the token is cached or registered already). */
  token?: boolean;
  /** Expect the check run to be created here. */
  checkRun?: boolean;
  /** The base commit's files (default PROJECT_TREE). */
  baseTree?: readonly TreeFile[];
}

/** Interceptors for a full review of `files` that posts a review and creates the summary comment. */
export function mockFullReview(mock: GitHubMock, files: readonly PrFile[], options: FullReviewOptions = {}): GitHubMock {
  if (options.token ?? true) mock.token();
  if (options.config !== false) mock.config(options.config);
  if (options.checkRun ?? true) mock.createCheckRun();
  mock.listFiles(files).blobsOf(files.filter(readByApp));
  mock.tree(PROJECT_TREE, files.map((file) => file.path)).baseTree(options.baseTree ?? PROJECT_TREE).reviewCommentsList([]).issueCommentsList([]);
  if (options.review ?? true) mock.createReview();
  if ((options.summary ?? 'create') === 'create') mock.createIssueComment();
  if (options.updates !== 0) mock.updateCheckRun(options.updates ?? 1);
  return mock;
}
