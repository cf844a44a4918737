// The default branch's history and the commit statuses kvnet leaves on it: where the last
// successful apply of a spec set happened (a commit status, kept by GitHub on the commit), so
// the next apply catches up every merge since, even when a run between was cancelled.
import { githubCall, isBotAuthored, type GitHubClient, type RepoRef } from './client.js';

export interface CommitStatus {
  readonly state: 'error' | 'failure' | 'pending' | 'success';
  readonly context: string;
  readonly description?: string;
  readonly targetUrl?: string;
  /** Set by the token's app (a bot): only those are trusted as kvnet's. */
  readonly byBot: boolean;
}

/** GitHub answers 404 or 422 for a commit it does not know. */
function unknownCommit(error: unknown): boolean {
  const status =
    typeof error === 'object' && error !== null && 'status' in error
      ? Number((error as { status: unknown }).status)
      : undefined;
  return status === 404 || status === 422;
}

/**
 * Commits reachable from `sha`, newest first, at most `limit`; undefined when GitHub does not
 * know the commit.
 */
export async function commitsFrom(
  client: GitHubClient,
  repo: RepoRef,
  sha: string,
  limit: number,
): Promise<string[] | undefined> {
  try {
    const shas: string[] = [];
    const pages = client.paginate.iterator(client.rest.repos.listCommits, {
      ...repo,
      sha,
      per_page: Math.min(100, limit),
    });
    for await (const page of pages) {
      for (const commit of page.data) {
        shas.push(commit.sha);
        if (shas.length >= limit) return shas;
      }
    }
    return shas;
  } catch (error) {
    if (unknownCommit(error)) return undefined;
    return githubCall('list the commits of the default branch', 'contents: read', () =>
      Promise.reject(error),
    );
  }
}

/** The statuses of one commit, newest first (GitHub keeps every one it was sent). */
export async function commitStatuses(
  client: GitHubClient,
  repo: RepoRef,
  sha: string,
): Promise<CommitStatus[]> {
  try {
    const statuses = await client.paginate(client.rest.repos.listCommitStatusesForRef, {
      ...repo,
      ref: sha,
      per_page: 100,
    });
    return statuses.map((status) => ({
      state: status.state as CommitStatus['state'],
      context: status.context,
      description: status.description ?? undefined,
      targetUrl: status.target_url ?? undefined,
      byBot: isBotAuthored({ user: status.creator }),
    }));
  } catch (error) {
    if (unknownCommit(error)) return [];
    return githubCall('read the commit statuses', 'statuses: read', () => Promise.reject(error));
  }
}

/** GitHub refuses descriptions longer than 140 characters. */
export const STATUS_DESCRIPTION_LIMIT = 140;

export async function setCommitStatus(
  client: GitHubClient,
  repo: RepoRef,
  sha: string,
  status: Omit<CommitStatus, 'byBot'>,
): Promise<void> {
  await githubCall('set the commit status', 'statuses: write', () =>
    client.rest.repos.createCommitStatus({
      ...repo,
      sha,
      state: status.state,
      context: status.context,
      description: status.description?.slice(0, STATUS_DESCRIPTION_LIMIT),
      ...(status.targetUrl ? { target_url: status.targetUrl } : {}),
    }),
  );
}
