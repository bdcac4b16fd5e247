// A loopback HTTP server that plays the parts of GitHub's REST API the Action
// uses. Every request is checked against the OpenAPI description; a request
// that does not fit gets a 400 and is recorded as a problem for the test.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { OpenApi, type Operation } from './openapi.js';

export interface RecordedRequest {
  method: string;
  path: string;
  operationId?: string;
  body?: any;
  authorization?: string;
  /** When the server received it (Date.now()). */
  at: number;
}

export interface CheckRunState {
  id: number;
  body: any;
  annotations: any[];
  updates: any[];
}

export interface PullFile {
  filename: string;
  status: 'added' | 'removed' | 'modified' | 'renamed' | 'copied' | 'changed' | 'unchanged';
  patch?: string;
  previous_filename?: string;
}

/** A review comment as the fake keeps it; `line` null once GitHub would call it outdated. */
export interface ReviewCommentState {
  id: number;
  pull: number;
  reviewId: number;
  path: string;
  line: number | null;
  start_line: number | null;
  body: string;
  commit_id: string;
  user: { login: string; type: string };
}

export interface ReviewState {
  id: number;
  pull: number;
  body: any;
}

type Reply = { status: number; body?: unknown; headers?: Record<string, string> };

export class FakeGitHub {
  readonly requests: RecordedRequest[] = [];
  readonly problems: string[] = [];
  readonly checkRuns: CheckRunState[] = [];
  /** Files of pull requests, by number, and of comparisons, by "base...head". */
  pullFiles = new Map<number, PullFile[]>();
  comparisons = new Map<string, PullFile[]>();
  readonly reviews: ReviewState[] = [];
  readonly reviewComments: ReviewCommentState[] = [];
  /**
   * The lines of each file that a pull request's diff shows on the right side,
   * by number and path: GitHub refuses (422) a review comment on any other line.
   */
  diffLines = new Map<number, Map<string, Set<number>>>();
  /** Replies served before the normal one, per operationId, first in first out. */
  private readonly scripted = new Map<string, Reply[]>();
  /** Operations whose next request gets no answer while the server runs, as a hung connection; and who waits for it. */
  private readonly held = new Map<string, () => void>();
  private readonly hung = new Set<ServerResponse>();
  private server?: Server;
  /** Where the API is served: the server's root, or below a prefix as on GitHub Enterprise Server (/api/v3). */
  url = '';

  constructor(
    private readonly api: OpenApi,
    private readonly prefix = '',
  ) {}

  /** Queues replies for the next requests of an operation, e.g. a 500 then the real answer. */
  script(operationId: string, ...replies: Reply[]): void {
    this.scripted.set(operationId, [...(this.scripted.get(operationId) ?? []), ...replies]);
  }

  /** The next request of an operation hangs unanswered; the promise settles when it arrives. */
  hold(operationId: string): Promise<void> {
    return new Promise((arrived) => this.held.set(operationId, arrived));
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((done) => this.server!.listen(0, '127.0.0.1', done));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}${this.prefix}`;
  }

  async stop(): Promise<void> {
    for (const res of this.hung) res.destroy();
    await new Promise<void>((done) => this.server?.close(() => done()) ?? done());
  }

  calls(operationId: string): RecordedRequest[] {
    return this.requests.filter((r) => r.operationId === operationId);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', this.url);
    const recorded: RecordedRequest = { method: req.method ?? 'GET', path: url.pathname + url.search, authorization: req.headers.authorization, at: Date.now() };
    this.requests.push(recorded);
    if (!url.pathname.startsWith(this.prefix + '/')) {
      this.problems.push(`${recorded.method} ${recorded.path}: not below ${this.prefix}`);
      return send(res, { status: 404, body: { message: 'Not Found' } });
    }
    url.pathname = url.pathname.slice(this.prefix.length);
    let body: unknown;
    if (text !== '') {
      try {
        body = recorded.body = JSON.parse(text);
      } catch {
        this.problems.push(`${recorded.method} ${recorded.path}: body is not JSON`);
        return send(res, { status: 400, body: { message: 'Problems parsing JSON' } });
      }
    }
    const { operation, problems } = this.api.check(recorded.method, url, body);
    recorded.operationId = operation?.operationId;
    if (!req.headers.authorization) problems.push('no Authorization header');
    if (problems.length > 0 || !operation) {
      this.problems.push(...problems.map((p) => `${recorded.method} ${recorded.path}: ${p}`));
      return send(res, { status: 400, body: { message: problems.join('; ') } });
    }
    const arrived = this.held.get(operation.operationId);
    if (arrived) {
      this.held.delete(operation.operationId);
      this.hung.add(res);
      return arrived();
    }
    const queued = this.scripted.get(operation.operationId);
    const reply = queued?.shift() ?? this.answer(operation, url, body as any);
    send(res, reply);
  }

  private answer(op: Operation, url: URL, body: any): Reply {
    const { owner, repo } = op.params;
    switch (op.operationId) {
      case 'checks/create': {
        const run: CheckRunState = { id: 1000 + this.checkRuns.length, body, annotations: [...(body.output?.annotations ?? [])], updates: [] };
        this.checkRuns.push(run);
        return { status: 201, body: this.checkRunJson(run, owner, repo) };
      }
      case 'checks/update': {
        const run = this.checkRuns.find((r) => r.id === Number(op.params.check_run_id));
        if (!run) return { status: 404, body: { message: 'Not Found' } };
        run.updates.push(body);
        run.annotations.push(...(body.output?.annotations ?? []));
        return { status: 200, body: this.checkRunJson(run, owner, repo) };
      }
      case 'pulls/list-files': {
        const files = this.pullFiles.get(Number(op.params.pull_number));
        if (!files) return { status: 404, body: { message: 'Not Found' } };
        return paged(url, files.map((f, i) => fileJson(f, i)));
      }
      case 'pulls/list-review-comments': {
        const pull = Number(op.params.pull_number);
        return paged(url, this.reviewComments.filter((c) => c.pull === pull).map((c) => reviewCommentJson(c, owner, repo)));
      }
      case 'pulls/create-review':
        return this.createReview(Number(op.params.pull_number), body, owner, repo);
      case 'pulls/update-review-comment': {
        const comment = this.reviewComments.find((c) => c.id === Number(op.params.comment_id));
        if (!comment) return { status: 404, body: { message: 'Not Found' } };
        comment.body = body.body;
        return { status: 200, body: reviewCommentJson(comment, owner, repo) };
      }
      case 'repos/compare-commits-with-basehead': {
        const files = this.comparisons.get(op.params.basehead);
        if (!files) return { status: 404, body: { message: 'Not Found' } };
        return { status: 200, body: { status: 'ahead', ahead_by: 1, behind_by: 0, total_commits: 1, commits: [], files: files.map(fileJson) } };
      }
    }
    return { status: 404, body: { message: `the fake GitHub does not serve ${op.operationId}` } };
  }

  /** As GitHub does: the body is required for COMMENT, and every line a comment spans must be one the diff shows. */
  private createReview(pull: number, body: any, owner: string, repo: string): Reply {
    const refuse = (why: string): Reply => ({ status: 422, body: { message: 'Unprocessable Entity', errors: [why] } });
    if (body.event === 'COMMENT' && !body.body) return refuse('Body is required for a COMMENT review');
    const diff = this.diffLines.get(pull) ?? new Map<string, Set<number>>();
    for (const c of body.comments ?? []) {
      if (c.side !== 'RIGHT' || (c.start_line !== undefined && c.start_side !== 'RIGHT')) return refuse('comments are on the RIGHT side here');
      if (c.line === undefined) return refuse('line is required');
      if (c.start_line !== undefined && c.start_line >= c.line) return refuse('start_line must precede line');
      for (let line = c.start_line ?? c.line; line <= c.line; line++) {
        if (!diff.get(c.path)?.has(line)) return refuse(`Pull request review thread line must be part of the diff (${c.path}:${line})`);
      }
      if ([...c.body].length >= 65536) return refuse('body is too long (maximum is 65536 characters)');
    }
    const review: ReviewState = { id: 7000 + this.reviews.length, pull, body };
    this.reviews.push(review);
    for (const c of body.comments ?? []) {
      this.reviewComments.push({
        id: 5000 + this.reviewComments.length,
        pull,
        reviewId: review.id,
        path: c.path,
        line: c.line,
        start_line: c.start_line ?? null,
        body: c.body,
        commit_id: body.commit_id,
        user: { login: 'github-actions[bot]', type: 'Bot' },
      });
    }
    return {
      status: 200,
      body: { id: review.id, body: body.body, state: 'COMMENTED', commit_id: body.commit_id, html_url: `https://github.example/${owner}/${repo}/pull/${pull}#pullrequestreview-${review.id}` },
    };
  }

  private checkRunJson(run: CheckRunState, owner: string, repo: string) {
    const last = run.updates.at(-1) ?? {};
    return {
      id: run.id,
      head_sha: run.body.head_sha,
      name: run.body.name,
      status: last.status ?? run.body.status,
      conclusion: last.conclusion ?? null,
      html_url: `https://github.example/${owner}/${repo}/runs/${run.id}`,
    };
  }
}

/** One page of `items` as per_page and page ask, with a Link header to the next. */
function paged(url: URL, items: unknown[]): Reply {
  const perPage = Number(url.searchParams.get('per_page') ?? 30);
  const page = Number(url.searchParams.get('page') ?? 1);
  const last = Math.max(1, Math.ceil(items.length / perPage));
  const headers: Record<string, string> = {};
  if (page < last) {
    const next = new URL(url);
    next.searchParams.set('page', String(page + 1));
    headers.link = `<${next}>; rel="next"`;
  }
  return { status: 200, headers, body: items.slice((page - 1) * perPage, page * perPage) };
}

function reviewCommentJson(c: ReviewCommentState, owner: string, repo: string) {
  return {
    id: c.id,
    pull_request_review_id: c.reviewId,
    path: c.path,
    line: c.line,
    start_line: c.start_line,
    side: 'RIGHT',
    commit_id: c.commit_id,
    body: c.body,
    user: c.user,
    html_url: `https://github.example/${owner}/${repo}/pull/${c.pull}#discussion_r${c.id}`,
  };
}

function fileJson(f: PullFile, i: number) {
  return { sha: `${i}`.padStart(40, '0'), additions: 1, deletions: 0, changes: 1, blob_url: '', raw_url: '', contents_url: '', ...f };
}

function send(res: ServerResponse, reply: Reply): void {
  res.writeHead(reply.status, { 'content-type': 'application/json; charset=utf-8', ...reply.headers });
  res.end(reply.body === undefined ? '' : JSON.stringify(reply.body));
}
