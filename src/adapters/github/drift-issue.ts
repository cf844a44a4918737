// One open issue per spec set while live state departs from the spec: found by marker and bot
// author among open issues (every page), opened or edited, and closed with a comment once the
// drift is gone.
import { githubCall, isBotAuthored, type GitHubClient, type RepoRef } from './client.js';

const PERMISSION = 'issues: write';

export interface DriftIssue {
  readonly number: number;
  readonly url: string;
  readonly body: string;
}

export async function findOpenDriftIssue(
  client: GitHubClient,
  repo: RepoRef,
  marker: string,
): Promise<DriftIssue | undefined> {
  return githubCall('list open issues', PERMISSION, async () => {
    const pages = client.paginate.iterator(client.rest.issues.listForRepo, {
      ...repo,
      state: 'open',
      sort: 'created',
      direction: 'desc',
      per_page: 100,
    });
    for await (const page of pages) {
      for (const issue of page.data) {
        if (issue.pull_request) continue;
        if (isBotAuthored(issue) && (issue.body ?? '').includes(marker)) {
          return { number: issue.number, url: issue.html_url, body: issue.body ?? '' };
        }
      }
    }
    return undefined;
  });
}

export async function openOrUpdateDriftIssue(
  client: GitHubClient,
  repo: RepoRef,
  marker: string,
  title: string,
  body: string,
): Promise<DriftIssue & { readonly action: 'opened' | 'updated' | 'unchanged' }> {
  if (!body.includes(marker)) throw new Error('the issue body must carry its marker');
  const existing = await findOpenDriftIssue(client, repo, marker);
  if (existing) {
    if (existing.body === body) return { ...existing, action: 'unchanged' };
    await githubCall('update the drift issue', PERMISSION, () =>
      client.rest.issues.update({ ...repo, issue_number: existing.number, title, body }),
    );
    return { ...existing, body, action: 'updated' };
  }
  const created = await githubCall('open the drift issue', PERMISSION, () =>
    client.rest.issues.create({ ...repo, title, body }),
  );
  return { number: created.data.number, url: created.data.html_url, body, action: 'opened' };
}

export async function closeDriftIssue(
  client: GitHubClient,
  repo: RepoRef,
  issue: DriftIssue,
  comment: string,
): Promise<void> {
  await githubCall('comment on the drift issue', PERMISSION, () =>
    client.rest.issues.createComment({ ...repo, issue_number: issue.number, body: comment }),
  );
  await githubCall('close the drift issue', PERMISSION, () =>
    client.rest.issues.update({
      ...repo,
      issue_number: issue.number,
      state: 'closed',
      state_reason: 'completed',
    }),
  );
}
