// One comment for every spec set of a pull request (matrix jobs, one set each): the first job to
// finish creates it, the others put their section in it. GitHub comments have no ETag or
// conditional update, so the write is made safe by its shape: a deterministic marker per group,
// the oldest such comment wins (a job that created a second one deletes it and writes into the
// oldest), and every write is checked by reading the comment back after a settle delay; a job
// whose section was lost to a concurrent write re-reads and writes again.
import { githubCall, isBotAuthored, type GitHubClient, type RepoRef } from './client.js';

const PERMISSION = 'pull-requests: write';

export function aggregateMarker(group: string): string {
  return `<!-- kvnet:aggregate group=${group} -->`;
}
const sectionOpen = (id: string) => `<!-- kvnet:section spec-set=${id} -->`;
const sectionClose = (id: string) => `<!-- kvnet:section-end spec-set=${id} -->`;

/** The section of one spec set in an aggregate comment. */
export function sectionOf(body: string, id: string): string | undefined {
  const start = body.indexOf(sectionOpen(id));
  if (start < 0) return undefined;
  const from = start + sectionOpen(id).length + 1;
  const end = body.indexOf(`\n${sectionClose(id)}`, from);
  return end < 0 ? undefined : body.slice(from, end);
}

/** Section ids in the order they appear. */
function sectionIds(body: string): string[] {
  return [...body.matchAll(/<!-- kvnet:section spec-set=(\S+) -->/g)].map(
    (match) => match[1] ?? '',
  );
}

/** The comment with this set's section put in (sections sorted by id, so every writer agrees). */
export function withSection(body: string, group: string, id: string, section: string): string {
  const sections = new Map(sectionIds(body).map((other) => [other, sectionOf(body, other) ?? '']));
  sections.set(id, section);
  const parts = [...sections.keys()]
    .sort()
    .map((key) => `${sectionOpen(key)}\n${sections.get(key) ?? ''}\n${sectionClose(key)}`);
  return [
    aggregateMarker(group),
    `# kvnet: ${sections.size} spec set${sections.size === 1 ? '' : 's'} on this pull request`,
    '',
    parts.join('\n\n---\n\n'),
  ].join('\n');
}

interface Found {
  readonly id: number;
  readonly body: string;
  readonly url: string;
}

async function aggregates(
  client: GitHubClient,
  repo: RepoRef,
  issueNumber: number,
  group: string,
): Promise<Found[]> {
  return githubCall('list the pull request comments', PERMISSION, async () => {
    const found: Found[] = [];
    const pages = client.paginate.iterator(client.rest.issues.listComments, {
      ...repo,
      issue_number: issueNumber,
      per_page: 100,
    });
    for await (const page of pages)
      for (const comment of page.data)
        if (isBotAuthored(comment) && (comment.body ?? '').startsWith(aggregateMarker(group)))
          found.push({ id: comment.id, body: comment.body ?? '', url: comment.html_url });
    return found.sort((a, b) => a.id - b.id);
  });
}

async function readBack(
  client: GitHubClient,
  repo: RepoRef,
  id: number,
): Promise<Found | undefined> {
  try {
    const { data } = await client.rest.issues.getComment({ ...repo, comment_id: id });
    return { id: data.id, body: data.body ?? '', url: data.html_url };
  } catch (error) {
    if ((error as { status?: number }).status === 404) return undefined;
    throw error;
  }
}

export interface SectionOptions {
  /** Wait before reading a write back (ms), plus up to as much again at random. */
  readonly settleMs: number;
  readonly attempts: number;
  readonly limit: number;
  readonly sleep?: (ms: number) => Promise<void>;
}

export interface SectionResult {
  readonly id: number;
  readonly url: string;
  readonly action: 'created' | 'updated' | 'unchanged';
  /** Writes it took (a lost race costs one more). */
  readonly writes: number;
}

export async function upsertSection(
  client: GitHubClient,
  repo: RepoRef,
  issueNumber: number,
  group: string,
  id: string,
  section: string,
  options: SectionOptions,
): Promise<SectionResult> {
  const sleep = options.sleep ?? ((ms: number) => new Promise((r) => setTimeout(r, ms)));
  // A section never carries our section markers (text from the spec could try).
  section = section.replaceAll('<!-- kvnet:section', '<!-- kvnet:sect\u200bion');
  let writes = 0;
  let action: SectionResult['action'] = 'unchanged';
  for (let attempt = 1; attempt <= options.attempts; attempt += 1) {
    const existing = await aggregates(client, repo, issueNumber, group);
    let target = existing[0];
    if (!target) {
      const body = withSection('', group, id, section);
      if (body.length > options.limit)
        throw new Error(aggregateTooLong(body.length, options.limit));
      const created = await githubCall('create the aggregate comment', PERMISSION, () =>
        client.rest.issues.createComment({ ...repo, issue_number: issueNumber, body }),
      );
      writes += 1;
      action = 'created';
      target = { id: created.data.id, body, url: created.data.html_url };
      // Another job may have created one at the same moment: the oldest wins.
      const oldest = (await aggregates(client, repo, issueNumber, group))[0];
      if (oldest && oldest.id !== target.id) {
        await githubCall('delete a duplicate aggregate comment', PERMISSION, () =>
          client.rest.issues.deleteComment({ ...repo, comment_id: created.data.id }),
        );
        continue;
      }
    } else if (sectionOf(target.body, id) !== section) {
      const body = withSection(target.body, group, id, section);
      if (body.length > options.limit)
        throw new Error(aggregateTooLong(body.length, options.limit));
      const current = target;
      await githubCall('update the aggregate comment', PERMISSION, () =>
        client.rest.issues.updateComment({ ...repo, comment_id: current.id, body }),
      );
      writes += 1;
      if (action === 'unchanged') action = 'updated';
    }
    // Read back after the other writers have had time to land theirs.
    await sleep(options.settleMs + Math.floor(Math.random() * (options.settleMs + 1)));
    const back = await readBack(client, repo, target.id);
    if (back && sectionOf(back.body, id) === section) {
      const oldest = (await aggregates(client, repo, issueNumber, group))[0];
      if (oldest?.id === back.id) return { id: back.id, url: back.url, action, writes };
    }
  }
  throw new Error(
    `could not put this spec set's section in the aggregate comment after ${options.attempts} attempts (other jobs kept overwriting it)`,
  );
}

function aggregateTooLong(length: number, limit: number): string {
  return `the aggregate comment would be ${length} characters, above GitHub's limit (${limit}): give large spec sets their own comment (leave "comment-group" empty for them)`;
}
