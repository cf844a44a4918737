// One comment per pull request and spec set, found by a hidden marker AND a bot author, across
// every page of comments; created once, then edited in place.
import { githubCall, isBotAuthored, type GitHubClient, type RepoRef } from './client.js';

const PERMISSION = 'pull-requests: write';

export interface FoundComment {
  readonly id: number;
  readonly body: string;
  readonly url: string;
}

export interface UpsertResult extends FoundComment {
  readonly action: 'created' | 'updated' | 'unchanged';
}

export async function findBotComment(
  client: GitHubClient,
  repo: RepoRef,
  issueNumber: number,
  marker: string,
): Promise<FoundComment | undefined> {
  return githubCall('list the pull request comments', PERMISSION, async () => {
    let found: FoundComment | undefined;
    const pages = client.paginate.iterator(client.rest.issues.listComments, {
      ...repo,
      issue_number: issueNumber,
      per_page: 100,
    });
    for await (const page of pages) {
      for (const comment of page.data) {
        // The last one wins, should an earlier run have left two.
        if (isBotAuthored(comment) && (comment.body ?? '').includes(marker)) {
          found = { id: comment.id, body: comment.body ?? '', url: comment.html_url };
        }
      }
    }
    return found;
  });
}

export async function upsertComment(
  client: GitHubClient,
  repo: RepoRef,
  issueNumber: number,
  marker: string,
  body: string,
): Promise<UpsertResult> {
  if (!body.includes(marker)) throw new Error('the comment body must carry its marker');
  const existing = await findBotComment(client, repo, issueNumber, marker);
  if (existing) {
    if (existing.body === body) return { ...existing, action: 'unchanged' };
    const updated = await githubCall('update the plan comment', PERMISSION, () =>
      client.rest.issues.updateComment({ ...repo, comment_id: existing.id, body }),
    );
    return { id: updated.data.id, body, url: updated.data.html_url, action: 'updated' };
  }
  const created = await githubCall('create the plan comment', PERMISSION, () =>
    client.rest.issues.createComment({ ...repo, issue_number: issueNumber, body }),
  );
  return { id: created.data.id, body, url: created.data.html_url, action: 'created' };
}
