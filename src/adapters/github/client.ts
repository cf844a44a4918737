// The GitHub REST client (the job token, the API URL the runner gives) and the error kvnet
// reports when GitHub refuses: the status and, for 403/404, the permission that is missing.
import { getOctokit } from '@actions/github';

export type GitHubClient = ReturnType<typeof getOctokit>;

export interface RepoRef {
  readonly owner: string;
  readonly repo: string;
}

export function createGitHubClient(token: string): GitHubClient {
  return getOctokit(token, { userAgent: 'kvnet-action' });
}

export class GitHubApiError extends Error {
  constructor(
    readonly operation: string,
    readonly status: number | undefined,
    detail: string,
    readonly permission: string,
  ) {
    const hint =
      status === 403 || status === 404
        ? ` — the job token needs "${permission}" (set it under permissions:); on pull requests from forks the token is read-only`
        : '';
    super(`GitHub refused to ${operation}${status ? ` (HTTP ${status})` : ''}: ${detail}${hint}`);
  }
}

/** Runs one GitHub call and turns its failure into a GitHubApiError. */
export async function githubCall<T>(
  operation: string,
  permission: string,
  call: () => Promise<T>,
): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const status =
      typeof error === 'object' && error !== null && 'status' in error
        ? Number((error as { status: unknown }).status)
        : undefined;
    const detail = error instanceof Error ? error.message : String(error);
    throw new GitHubApiError(
      operation,
      Number.isFinite(status) ? status : undefined,
      detail,
      permission,
    );
  }
}

/** kvnet's own comments and issues are written by a bot (the job token's app); a person's
 * comment that copies a marker must never be taken for ours. */
export function isBotAuthored(item: { user?: { type?: string } | null }): boolean {
  return item.user?.type === 'Bot';
}
