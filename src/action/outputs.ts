// The step's outputs (action.yml): outcome and comment-url; the plan's outputs are set by
// plan-outputs.ts, which the entry does not load.
import * as core from '@actions/core';

export type ActionOutcome =
  | 'valid'
  | 'invalid'
  | 'validate-only'
  | 'refused'
  | 'no-changes'
  | 'changes'
  | 'error'
  | 'applied'
  | 'failed'
  | 'not-converged'
  | 'partial'
  | 'skipped'
  | 'interrupted';

export function setOutcome(outcome: ActionOutcome): void {
  core.setOutput('outcome', outcome);
}

export function setCommentUrl(url: string): void {
  core.setOutput('comment-url', url);
}
