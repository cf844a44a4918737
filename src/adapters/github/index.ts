// The only code that talks to GitHub's API (DESIGN.md §2).
export { createGitHubClient, GitHubApiError, type GitHubClient, type RepoRef } from './client.js';
export {
  findBotComment,
  upsertComment,
  type FoundComment,
  type UpsertResult,
} from './sticky-comment.js';
export {
  mergedPullRequestsForCommit,
  openPullRequests,
  pullRequestState,
  type MergedPullRequest,
  type PullRequestState,
} from './pull-requests.js';
export {
  commitStatuses,
  commitsFrom,
  setCommitStatus,
  STATUS_DESCRIPTION_LIMIT,
  type CommitStatus,
} from './commits.js';
export {
  closeDriftIssue,
  findOpenDriftIssue,
  openOrUpdateDriftIssue,
  type DriftIssue,
} from './drift-issue.js';
export { listPullReviews, pullHeadSha, teamMembership, type PullReview } from './reviews.js';
export {
  aggregateMarker,
  sectionOf,
  upsertSection,
  withSection,
  type SectionOptions,
  type SectionResult,
} from './aggregate-comment.js';
