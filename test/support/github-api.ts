// A local GitHub REST endpoint for the Action's tests: the routes kvnet calls (issue comments,
// issues, pulls, commit → pulls, pull request reviews, team memberships, commit statuses), with
// in-memory state, GitHub's shapes, Link-header pagination, token checks, a read-only mode (what
// a fork's token gets) and a log of every request. Reviews, memberships and statuses follow
// GitHub's REST docs: "List reviews for a pull request" (chronological, `commit_id`, state
// DISMISSED once dismissed), "Get team membership for a user" (404 when not a member, `state`
// active or pending), "Create a commit status" (state error/failure/pending/success, 422
// otherwise; the latest status per context wins in the combined status).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface GitHubUser {
  readonly login: string;
  readonly id: number;
  readonly type: 'Bot' | 'User';
}

export const ACTIONS_BOT: GitHubUser = { login: 'github-actions[bot]', id: 41898282, type: 'Bot' };
export const HUMAN: GitHubUser = { login: 'mallory', id: 1001, type: 'User' };

export interface Comment {
  id: number;
  issueNumber: number;
  body: string;
  user: GitHubUser;
  createdAt: string;
  updatedAt: string;
}

export interface Issue {
  number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  stateReason?: string | null;
  user: GitHubUser;
  /** Pull requests are issues too, and the issues API lists them. */
  pull?: PullRequest;
}

export interface PullRequest {
  number: number;
  title: string;
  headSha: string;
  headRef: string;
  headRepo: string;
  baseRef: string;
  mergedAt: string | null;
  mergeCommitSha: string | null;
  /** Closed without being merged. */
  closed?: boolean;
}

/** A commit status (POST /repos/{o}/{r}/statuses/{sha}). */
export interface CommitStatus {
  id: number;
  sha: string;
  state: 'error' | 'failure' | 'pending' | 'success';
  context: string;
  description: string | null;
  targetUrl: string | null;
  creator: GitHubUser;
  createdAt: string;
}

export type ReviewState = 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED' | 'PENDING';

export interface Review {
  id: number;
  pullNumber: number;
  user: GitHubUser;
  state: ReviewState;
  commitId: string;
  submittedAt: string;
  body: string;
}

export interface LoggedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: Record<string, string>;
  readonly status: number;
  readonly body?: unknown;
}

export interface FakeGitHubOptions {
  readonly owner: string;
  readonly repo: string;
  /** The job token the Action must send. */
  readonly token: string;
  /** Largest page the server returns, whatever per_page asks (GitHub: 100). */
  readonly maxPageSize?: number;
}

const COMMENT_LIMIT = 65_536;

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export class FakeGitHub {
  readonly owner: string;
  readonly repo: string;
  readonly token: string;
  readonly requests: LoggedRequest[] = [];
  readonly comments: Comment[] = [];
  readonly issues: Issue[] = [];
  /** Commit sha → pull request numbers (the commit → pulls API). */
  readonly commitPulls = new Map<string, number[]>();
  readonly reviews: Review[] = [];
  /** `org/team-slug` → login → membership state (GET …/memberships/{username}). */
  readonly teams = new Map<string, Map<string, 'active' | 'pending'>>();
  /** The token may read org team memberships (a GitHub App token); the job token may not. */
  canReadOrgMembers = true;
  private nextReviewId = 80_000_001;
  /** The default branch's history, oldest first (the commits API walks it newest first). */
  readonly history: string[] = ['0f'.repeat(20)];
  /** Commit sha → its statuses, oldest first. */
  readonly statuses = new Map<string, CommitStatus[]>();
  /** Milliseconds every comment write (POST, PATCH) waits before it is applied: races widen. */
  commentWriteDelayMs = 0;
  private nextStatusId = 1;
  /** The token acts as this user. */
  tokenUser: GitHubUser = ACTIONS_BOT;
  /** A fork's token: reads work, writes answer 403. */
  readOnly = false;
  maxPageSize: number;
  private nextCommentId = 9_000_001;
  private nextIssueNumber = 1;
  private server?: Server;
  url = '';

  constructor(options: FakeGitHubOptions) {
    this.owner = options.owner;
    this.repo = options.repo;
    this.token = options.token;
    this.maxPageSize = options.maxPageSize ?? 100;
  }

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      this.handle(request, response).catch((error: unknown) => {
        this.send(response, 500, { message: String(error) });
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    this.url = `http://127.0.0.1:${port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.server?.closeAllConnections();
      this.server?.close(() => resolve());
    });
  }

  // ---- state helpers for tests ----

  addPullRequest(pull: Partial<PullRequest> & { number: number; headSha: string }): PullRequest {
    const full: PullRequest = {
      title: `Change ${pull.number}`,
      headRef: `feature-${pull.number}`,
      headRepo: `${this.owner}/${this.repo}`,
      baseRef: 'main',
      mergedAt: null,
      mergeCommitSha: null,
      ...pull,
    };
    this.issues.push({
      number: full.number,
      title: full.title,
      body: '',
      state: 'open',
      user: HUMAN,
      pull: full,
    });
    this.nextIssueNumber = Math.max(this.nextIssueNumber, full.number + 1);
    return full;
  }

  /** A commit lands on the default branch (a direct push, or a merge). */
  pushCommit(sha: string): void {
    if (!this.history.includes(sha)) this.history.push(sha);
  }

  close(number: number): void {
    this.pull(number).closed = true;
    const issue = this.issues.find((candidate) => candidate.number === number);
    if (issue) issue.state = 'closed';
  }

  statusesOf(sha: string): CommitStatus[] {
    return this.statuses.get(sha) ?? [];
  }

  merge(number: number, mergeCommitSha: string): void {
    this.pushCommit(mergeCommitSha);
    const pull = this.pull(number);
    pull.mergedAt = '2026-11-29T10:00:00Z';
    pull.mergeCommitSha = mergeCommitSha;
    this.commitPulls.set(mergeCommitSha, [...(this.commitPulls.get(mergeCommitSha) ?? []), number]);
    const issue = this.issues.find((candidate) => candidate.number === number);
    if (issue) issue.state = 'closed';
  }

  addComment(issueNumber: number, body: string, user: GitHubUser): Comment {
    const now = new Date().toISOString();
    const comment: Comment = {
      id: this.nextCommentId++,
      issueNumber,
      body,
      user,
      createdAt: now,
      updatedAt: now,
    };
    this.comments.push(comment);
    return comment;
  }

  /** A review submitted by `user` on `commitId` (GitHub lists them in submission order). */
  addReview(pullNumber: number, user: GitHubUser, state: ReviewState, commitId: string): Review {
    this.pull(pullNumber);
    const review: Review = {
      id: this.nextReviewId++,
      pullNumber,
      user,
      state,
      commitId,
      submittedAt: new Date(Date.now() + this.reviews.length).toISOString(),
      body: '',
    };
    this.reviews.push(review);
    return review;
  }

  /** What "Dismiss a review for a pull request" does: the review's state becomes DISMISSED. */
  dismissReview(id: number): void {
    const review = this.reviews.find((candidate) => candidate.id === id);
    if (!review) throw new Error(`no review ${id}`);
    review.state = 'DISMISSED';
  }

  /** A push to the pull request's branch: its head moves. */
  push(pullNumber: number, headSha: string): void {
    this.pull(pullNumber).headSha = headSha;
  }

  addTeamMember(orgTeam: string, login: string, state: 'active' | 'pending' = 'active'): void {
    const members =
      this.teams.get(orgTeam.toLowerCase()) ?? new Map<string, 'active' | 'pending'>();
    members.set(login.toLowerCase(), state);
    this.teams.set(orgTeam.toLowerCase(), members);
  }

  /** The latest status of each context on a commit (as the combined status shows them). */
  latestStatuses(sha: string): Map<string, CommitStatus> {
    const latest = new Map<string, CommitStatus>();
    for (const status of this.statusesOf(sha)) latest.set(status.context, status);
    return latest;
  }

  commentsOn(issueNumber: number): Comment[] {
    return this.comments.filter((comment) => comment.issueNumber === issueNumber);
  }

  /** Issues that are not pull requests. */
  plainIssues(): Issue[] {
    return this.issues.filter((issue) => !issue.pull);
  }

  writes(): LoggedRequest[] {
    return this.requests.filter((request) => request.method !== 'GET');
  }

  private pull(number: number): PullRequest {
    const pull = this.issues.find((issue) => issue.number === number)?.pull;
    if (!pull) throw new HttpError(404, 'Not Found');
    return pull;
  }

  // ---- shapes ----

  private base(): string {
    return `${this.url}/repos/${this.owner}/${this.repo}`;
  }

  private html(): string {
    return `https://github.example/${this.owner}/${this.repo}`;
  }

  private userJson(user: GitHubUser) {
    return { login: user.login, id: user.id, type: user.type, site_admin: false };
  }

  private commentJson(comment: Comment) {
    return {
      id: comment.id,
      node_id: `IC_${comment.id}`,
      url: `${this.base()}/issues/comments/${comment.id}`,
      html_url: `${this.html()}/pull/${comment.issueNumber}#issuecomment-${comment.id}`,
      issue_url: `${this.base()}/issues/${comment.issueNumber}`,
      body: comment.body,
      user: this.userJson(comment.user),
      created_at: comment.createdAt,
      updated_at: comment.updatedAt,
      author_association: comment.user.type === 'Bot' ? 'NONE' : 'CONTRIBUTOR',
    };
  }

  private pullJson(pull: PullRequest) {
    const repoJson = (fullName: string) => ({
      full_name: fullName,
      name: fullName.split('/')[1],
      owner: { login: fullName.split('/')[0] },
    });
    return {
      id: 500_000 + pull.number,
      number: pull.number,
      state: pull.mergedAt || pull.closed ? 'closed' : 'open',
      title: pull.title,
      html_url: `${this.html()}/pull/${pull.number}`,
      url: `${this.base()}/pulls/${pull.number}`,
      user: this.userJson(HUMAN),
      merged_at: pull.mergedAt,
      merge_commit_sha: pull.mergeCommitSha,
      head: { ref: pull.headRef, sha: pull.headSha, repo: repoJson(pull.headRepo) },
      base: {
        ref: pull.baseRef,
        sha: 'b'.repeat(40),
        repo: repoJson(`${this.owner}/${this.repo}`),
      },
    };
  }

  private reviewJson(review: Review) {
    return {
      id: review.id,
      node_id: `PRR_${review.id}`,
      user: this.userJson(review.user),
      body: review.body,
      state: review.state,
      html_url: `${this.html()}/pull/${review.pullNumber}#pullrequestreview-${review.id}`,
      pull_request_url: `${this.base()}/pulls/${review.pullNumber}`,
      author_association: 'MEMBER',
      submitted_at: review.submittedAt,
      commit_id: review.commitId,
    };
  }

  private commitJson(sha: string) {
    const at = this.history.indexOf(sha);
    const parent = at > 0 ? this.history[at - 1] : undefined;
    return {
      sha,
      node_id: `C_${sha.slice(0, 12)}`,
      url: `${this.base()}/commits/${sha}`,
      html_url: `${this.html()}/commit/${sha}`,
      commit: { message: `commit ${sha.slice(0, 7)}`, author: { name: 'alice' } },
      parents: parent ? [{ sha: parent, url: `${this.base()}/commits/${parent}` }] : [],
    };
  }

  private statusJson(status: CommitStatus) {
    return {
      id: status.id,
      node_id: `SC_${status.id}`,
      url: `${this.base()}/statuses/${status.sha}`,
      state: status.state,
      description: status.description,
      target_url: status.targetUrl,
      context: status.context,
      created_at: status.createdAt,
      updated_at: status.createdAt,
      creator: this.userJson(status.creator),
    };
  }

  private issueJson(issue: Issue) {
    return {
      id: 700_000 + issue.number,
      number: issue.number,
      title: issue.title,
      body: issue.body,
      state: issue.state,
      state_reason: issue.stateReason ?? null,
      html_url: `${this.html()}/issues/${issue.number}`,
      url: `${this.base()}/issues/${issue.number}`,
      user: this.userJson(issue.user),
      ...(issue.pull ? { pull_request: { url: `${this.base()}/pulls/${issue.number}` } } : {}),
    };
  }

  // ---- HTTP ----

  private send(
    response: ServerResponse,
    status: number,
    body?: unknown,
    headers: Record<string, string> = {},
  ): void {
    const text = body === undefined ? '' : JSON.stringify(body);
    response.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'x-github-media-type': 'github.v3',
      ...headers,
    });
    response.end(text);
  }

  private paginate<T>(items: T[], url: URL): { page: T[]; link?: string } {
    const perPage = Math.min(
      Number(url.searchParams.get('per_page') ?? '30') || 30,
      this.maxPageSize,
    );
    const pageNumber = Math.max(1, Number(url.searchParams.get('page') ?? '1') || 1);
    const last = Math.max(1, Math.ceil(items.length / perPage));
    const page = items.slice((pageNumber - 1) * perPage, pageNumber * perPage);
    const at = (n: number) => {
      const next = new URL(url.toString());
      next.searchParams.set('page', String(n));
      next.searchParams.set('per_page', String(perPage));
      return `${this.url}${next.pathname}${next.search}`;
    };
    const links: string[] = [];
    if (pageNumber < last)
      links.push(`<${at(pageNumber + 1)}>; rel="next"`, `<${at(last)}>; rel="last"`);
    if (pageNumber > 1)
      links.push(`<${at(1)}>; rel="first"`, `<${at(pageNumber - 1)}>; rel="prev"`);
    return { page, link: links.length > 0 ? links.join(', ') : undefined };
  }

  private async readBody(request: IncomingMessage): Promise<Record<string, unknown>> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    if (!text) return {};
    try {
      return JSON.parse(text) as Record<string, unknown>;
    } catch {
      throw new HttpError(400, 'Problems parsing JSON');
    }
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const method = request.method ?? 'GET';
    const body = method === 'GET' ? undefined : await this.readBody(request);
    let status = 500;
    try {
      const auth = request.headers.authorization ?? '';
      if (auth !== `token ${this.token}` && auth !== `Bearer ${this.token}`)
        throw new HttpError(401, 'Bad credentials');
      if (method !== 'GET' && this.readOnly)
        throw new HttpError(403, 'Resource not accessible by integration');
      if (
        this.commentWriteDelayMs > 0 &&
        (method === 'POST' || method === 'PATCH') &&
        url.pathname.includes('/comments')
      )
        await new Promise((resolve) => setTimeout(resolve, this.commentWriteDelayMs));
      const result = this.route(method, url, body ?? {});
      status = result.status;
      this.send(response, result.status, result.body, result.headers);
    } catch (error) {
      status = error instanceof HttpError ? error.status : 500;
      this.send(response, status, {
        message: error instanceof Error ? error.message : String(error),
        documentation_url: 'https://docs.github.com/rest',
      });
    } finally {
      this.requests.push({
        method,
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        status,
        body,
      });
    }
  }

  private route(
    method: string,
    url: URL,
    body: Record<string, unknown>,
  ): { status: number; body?: unknown; headers?: Record<string, string> } {
    let match: RegExpExecArray | null;
    if (
      (match = /^\/orgs\/([^/]+)\/teams\/([^/]+)\/memberships\/([^/]+)$/.exec(url.pathname)) &&
      method === 'GET'
    ) {
      if (!this.canReadOrgMembers)
        throw new HttpError(403, 'Resource not accessible by integration');
      const [, org = '', slug = '', login = ''] = match;
      const state = this.teams.get(`${org}/${slug}`.toLowerCase())?.get(login.toLowerCase());
      if (!state) throw new HttpError(404, 'Not Found');
      return {
        status: 200,
        body: {
          url: `${this.url}/organizations/1/team/2/memberships/${login}`,
          role: 'member',
          state,
        },
      };
    }
    const prefix = `/repos/${this.owner}/${this.repo}`;
    if (!url.pathname.startsWith(`${prefix}/`)) throw new HttpError(404, 'Not Found');
    const path = url.pathname.slice(prefix.length);

    if ((match = /^\/pulls\/(\d+)\/reviews$/.exec(path)) && method === 'GET') {
      const number = Number(match[1]);
      this.pull(number);
      const { page, link } = this.paginate(
        this.reviews.filter((review) => review.pullNumber === number),
        url,
      );
      return {
        status: 200,
        body: page.map((review) => this.reviewJson(review)),
        headers: link ? { link } : {},
      };
    }

    if ((match = /^\/issues\/(\d+)\/comments$/.exec(path))) {
      const number = Number(match[1]);
      if (!this.issues.some((issue) => issue.number === number))
        throw new HttpError(404, 'Not Found');
      if (method === 'GET') {
        const { page, link } = this.paginate(this.commentsOn(number), url);
        return {
          status: 200,
          body: page.map((c) => this.commentJson(c)),
          headers: link ? { link } : {},
        };
      }
      if (method === 'POST') {
        const text = this.checkBody(body.body);
        return {
          status: 201,
          body: this.commentJson(this.addComment(number, text, this.tokenUser)),
        };
      }
    }
    if ((match = /^\/issues\/comments\/(\d+)$/.exec(path)) && method === 'GET') {
      const comment = this.comments.find((c) => c.id === Number(match?.[1]));
      if (!comment) throw new HttpError(404, 'Not Found');
      return { status: 200, body: this.commentJson(comment) };
    }
    if ((match = /^\/issues\/comments\/(\d+)$/.exec(path)) && method === 'DELETE') {
      const at = this.comments.findIndex((c) => c.id === Number(match?.[1]));
      if (at < 0) throw new HttpError(404, 'Not Found');
      if (this.comments[at]?.user.login !== this.tokenUser.login)
        throw new HttpError(403, 'Resource not accessible by integration');
      this.comments.splice(at, 1);
      return { status: 204 };
    }
    if ((match = /^\/issues\/comments\/(\d+)$/.exec(path)) && method === 'PATCH') {
      const comment = this.comments.find((c) => c.id === Number(match?.[1]));
      if (!comment) throw new HttpError(404, 'Not Found');
      // The job token may edit only its own comments.
      if (comment.user.login !== this.tokenUser.login)
        throw new HttpError(403, 'Resource not accessible by integration');
      comment.body = this.checkBody(body.body);
      comment.updatedAt = new Date().toISOString();
      return { status: 200, body: this.commentJson(comment) };
    }
    if (path === '/issues') {
      if (method === 'GET') {
        const state = url.searchParams.get('state') ?? 'open';
        const listed = this.issues
          .filter((issue) => state === 'all' || issue.state === state)
          .sort((a, b) => b.number - a.number);
        const { page, link } = this.paginate(listed, url);
        return {
          status: 200,
          body: page.map((i) => this.issueJson(i)),
          headers: link ? { link } : {},
        };
      }
      if (method === 'POST') {
        if (typeof body.title !== 'string' || body.title === '')
          throw new HttpError(422, 'Validation Failed: title');
        const issue: Issue = {
          number: this.nextIssueNumber++,
          title: body.title,
          body: this.checkBody(body.body ?? ''),
          state: 'open',
          user: this.tokenUser,
        };
        this.issues.push(issue);
        return { status: 201, body: this.issueJson(issue) };
      }
    }
    if ((match = /^\/issues\/(\d+)$/.exec(path))) {
      const issue = this.issues.find((candidate) => candidate.number === Number(match?.[1]));
      if (!issue) throw new HttpError(404, 'Not Found');
      if (method === 'GET') return { status: 200, body: this.issueJson(issue) };
      if (method === 'PATCH') {
        if (typeof body.title === 'string') issue.title = body.title;
        if (typeof body.body === 'string') issue.body = this.checkBody(body.body);
        if (body.state === 'open' || body.state === 'closed') issue.state = body.state;
        if (typeof body.state_reason === 'string') issue.stateReason = body.state_reason;
        return { status: 200, body: this.issueJson(issue) };
      }
    }
    if (path === '/pulls' && method === 'GET') {
      const state = url.searchParams.get('state') ?? 'open';
      const base = url.searchParams.get('base');
      const listed = this.issues
        .flatMap((issue) => (issue.pull ? [issue.pull] : []))
        .filter((pull) => {
          const open = !pull.mergedAt && !pull.closed;
          return state === 'all' || (state === 'open') === open;
        })
        .filter((pull) => !base || pull.baseRef === base)
        .sort((a, b) => b.number - a.number);
      const { page, link } = this.paginate(listed, url);
      return {
        status: 200,
        body: page.map((pull) => this.pullJson(pull)),
        headers: link ? { link } : {},
      };
    }
    // GET /repos/{o}/{r}/commits?sha=: the history reachable from sha, newest first.
    if (path === '/commits' && method === 'GET') {
      const from = url.searchParams.get('sha') ?? this.history.at(-1) ?? '';
      const at = this.history.indexOf(from);
      if (at < 0) throw new HttpError(404, `No commit found for SHA: ${from}`);
      const { page, link } = this.paginate(this.history.slice(0, at + 1).reverse(), url);
      return {
        status: 200,
        body: page.map((sha) => this.commitJson(sha)),
        headers: link ? { link } : {},
      };
    }
    // GET /repos/{o}/{r}/commits/{ref}/statuses: newest first.
    if ((match = /^\/commits\/([0-9a-f]{7,40})\/statuses$/.exec(path)) && method === 'GET') {
      const listed = [...this.statusesOf(match[1] as string)].reverse();
      const { page, link } = this.paginate(listed, url);
      return {
        status: 200,
        body: page.map((status) => this.statusJson(status)),
        headers: link ? { link } : {},
      };
    }
    // POST /repos/{o}/{r}/statuses/{sha}: state is required; context defaults to "default".
    if ((match = /^\/statuses\/([0-9a-f]{40})$/.exec(path)) && method === 'POST') {
      const sha = match[1] as string;
      if (!this.history.includes(sha) && !this.issues.some((issue) => issue.pull?.headSha === sha))
        throw new HttpError(422, `No commit found for SHA: ${sha}`);
      const state = body.state;
      if (state !== 'error' && state !== 'failure' && state !== 'pending' && state !== 'success')
        throw new HttpError(422, 'Validation Failed: state');
      const status: CommitStatus = {
        id: this.nextStatusId++,
        sha,
        state,
        context: typeof body.context === 'string' ? body.context : 'default',
        description: typeof body.description === 'string' ? body.description : null,
        targetUrl: typeof body.target_url === 'string' ? body.target_url : null,
        creator: this.tokenUser,
        createdAt: new Date().toISOString(),
      };
      this.statuses.set(sha, [...this.statusesOf(sha), status]);
      return { status: 201, body: this.statusJson(status) };
    }
    if ((match = /^\/pulls\/(\d+)$/.exec(path)) && method === 'GET') {
      return { status: 200, body: this.pullJson(this.pull(Number(match[1]))) };
    }
    if ((match = /^\/commits\/([0-9a-f]{7,40})\/pulls$/.exec(path)) && method === 'GET') {
      const numbers = this.commitPulls.get(match[1] as string) ?? [];
      const { page, link } = this.paginate(
        numbers.map((n) => this.pullJson(this.pull(n))),
        url,
      );
      return { status: 200, body: page, headers: link ? { link } : {} };
    }
    throw new HttpError(404, `Not Found: ${method} ${url.pathname}`);
  }

  private checkBody(value: unknown): string {
    if (typeof value !== 'string') throw new HttpError(422, 'Validation Failed: body');
    if (value.length > COMMENT_LIMIT)
      throw new HttpError(
        422,
        `Validation Failed: body is too long (maximum is ${COMMENT_LIMIT} characters)`,
      );
    return value;
  }
}
