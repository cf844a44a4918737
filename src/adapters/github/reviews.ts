// What the widening gate asks GitHub: the pull request's head commit now, its reviews (every
// page), whether a user is an active member of a team, and the commit status kvnet sets on the
// head commit (context `kvnet/widening-approval`).
import { githubCall, type GitHubClient, type RepoRef } from './client.js';

export interface PullReview {
  readonly login: string;
  /** APPROVED, CHANGES_REQUESTED, COMMENTED, DISMISSED or PENDING. */
  readonly state: string;
  /** The commit the review was made on. */
  readonly commitId: string;
  readonly submittedAt?: string;
}

export async function pullHeadSha(
  client: GitHubClient,
  repo: RepoRef,
  pullNumber: number,
): Promise<string> {
  return githubCall('read the pull request', 'pull-requests: read', async () => {
    const { data } = await client.rest.pulls.get({ ...repo, pull_number: pullNumber });
    return data.head.sha;
  });
}

export async function listPullReviews(
  client: GitHubClient,
  repo: RepoRef,
  pullNumber: number,
): Promise<PullReview[]> {
  return githubCall('list the pull request reviews', 'pull-requests: read', async () => {
    const reviews = await client.paginate(client.rest.pulls.listReviews, {
      ...repo,
      pull_number: pullNumber,
      per_page: 100,
    });
    return reviews.flatMap((review) =>
      review.user
        ? [
            {
              login: review.user.login,
              state: review.state,
              commitId: review.commit_id ?? '',
              submittedAt: review.submitted_at ?? undefined,
            },
          ]
        : [],
    );
  });
}

/** `active`, `pending` (invited, not yet accepted) or `none` (GitHub answers 404). */
export async function teamMembership(
  client: GitHubClient,
  org: string,
  teamSlug: string,
  username: string,
): Promise<'active' | 'pending' | 'none'> {
  try {
    const { data } = await client.rest.teams.getMembershipForUserInOrg({
      org,
      team_slug: teamSlug,
      username,
    });
    return data.state === 'active' ? 'active' : 'pending';
  } catch (error) {
    const status = (error as { status?: unknown }).status;
    if (status === 404) return 'none';
    return githubCall(
      `read the membership of ${username} in ${org}/${teamSlug}`,
      'members: read (organization), which the job token does not have: pass a GitHub App token',
      () => Promise.reject(error),
    );
  }
}
