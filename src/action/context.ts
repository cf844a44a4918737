// What every route needs: the parsed inputs, the event, the environment, and a GitHub client
// made on first use.
import * as core from '@actions/core';
import { createGitHubClient, type GitHubClient, type RepoRef } from '../adapters/github/index.js';
import type { OidcState } from './azure-auth.js';
import type { RunEvent } from './event.js';
import type { ActionInputs } from './inputs.js';
import { neutralizeForLog, printUntrustedBlock } from './log-safety.js';

export interface RunContext {
  readonly inputs: ActionInputs;
  readonly event: RunEvent;
  readonly env: NodeJS.ProcessEnv;
  readonly repo: RepoRef;
  readonly oidc: OidcState;
  github(): GitHubClient;
}

export function createContext(
  inputs: ActionInputs,
  event: RunEvent,
  env: NodeJS.ProcessEnv,
): RunContext {
  let client: GitHubClient | undefined;
  return {
    inputs,
    event,
    env,
    repo: { owner: event.owner, repo: event.repo },
    oidc: { requests: 0 },
    github() {
      if (!inputs.githubToken)
        throw new Error(
          'input "github-token" is empty: kvnet needs it to comment and to find pull requests',
        );
      client ??= createGitHubClient(inputs.githubToken);
      return client;
    },
  };
}

/** Logs untrusted text line by line, neutralised. */
export function logUntrusted(text: string): void {
  core.info(neutralizeForLog(text));
}

/**
 * Logs a whole untrusted block with workflow commands stopped around it: a text, or a large
 * one (a plan) as batches of whole lines.
 */
export function logUntrustedBlock(text: string | Iterable<string>): void {
  printUntrustedBlock(text, (line) => core.info(line));
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
