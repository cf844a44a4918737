// The only code that talks to GitHub's API (DESIGN.md §2).
export { createGitHubClient, GitHubApiError, type GitHubClient, type RepoRef } from './client.js';
export {
  findBotComment,
  upsertComment,
  type FoundComment,
  type UpsertResult,
} from './sticky-comment.js';
export { mergedPullRequestsForCommit, type MergedPullRequest } from './pull-requests.js';
export {
  closeDriftIssue,
  findOpenDriftIssue,
  openOrUpdateDriftIssue,
  type DriftIssue,
} from './drift-issue.js';
export {
  listPullReviews,
  pullHeadSha,
  setCommitStatus,
  teamMembership,
  type PullReview,
} from './reviews.js';
