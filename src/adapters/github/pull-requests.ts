// Which pull request a commit on the default branch came from (merge, squash or rebase): the
// commit→pull-request API, keeping only pull requests merged into that branch.
import { githubCall, type GitHubClient, type RepoRef } from './client.js';

export interface MergedPullRequest {
  readonly number: number;
  readonly title: string;
  readonly url: string;
  readonly mergeCommitSha?: string;
  readonly headSha: string;
}

export async function mergedPullRequestsForCommit(
  client: GitHubClient,
  repo: RepoRef,
  sha: string,
  baseBranch: string,
): Promise<MergedPullRequest[]> {
  return githubCall('list the pull requests of the commit', 'contents: read', async () => {
    const pulls = await client.paginate(client.rest.repos.listPullRequestsAssociatedWithCommit, {
      ...repo,
      commit_sha: sha,
      per_page: 100,
    });
    return pulls
      .filter((pull) => pull.merged_at && pull.base.ref === baseBranch)
      .map((pull) => ({
        number: pull.number,
        title: pull.title,
        url: pull.html_url,
        mergeCommitSha: pull.merge_commit_sha ?? undefined,
        headSha: pull.head.sha,
      }));
  });
}

export interface PullRequestState {
  readonly number: number;
  readonly state: 'open' | 'closed';
  readonly merged: boolean;
  readonly headSha: string;
}

/** The pull request as GitHub has it now (a re-run of an old job carries the old payload). */
export async function pullRequestState(
  client: GitHubClient,
  repo: RepoRef,
  number: number,
): Promise<PullRequestState> {
  return githubCall('read the pull request', 'pull-requests: read', async () => {
    const { data } = await client.rest.pulls.get({ ...repo, pull_number: number });
    return {
      number: data.number,
      state: data.state === 'closed' ? 'closed' : 'open',
      merged: Boolean(data.merged_at),
      headSha: data.head.sha,
    };
  });
}

/** Open pull requests into the base branch, newest first, at most `limit`. */
export async function openPullRequests(
  client: GitHubClient,
  repo: RepoRef,
  baseBranch: string | undefined,
  limit: number,
): Promise<number[]> {
  return githubCall('list the open pull requests', 'pull-requests: read', async () => {
    const numbers: number[] = [];
    const pages = client.paginate.iterator(client.rest.pulls.list, {
      ...repo,
      state: 'open',
      ...(baseBranch ? { base: baseBranch } : {}),
      sort: 'created',
      direction: 'desc',
      per_page: Math.min(100, limit),
    });
    for await (const page of pages) {
      for (const pull of page.data) {
        numbers.push(pull.number);
        if (numbers.length >= limit) return numbers;
      }
    }
    return numbers;
  });
}
