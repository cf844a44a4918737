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
