// The pull request review: lists the review comments already there (all
// pages), posts the new ones in one review (event COMMENT), then edits our
// earlier comments whose finding changed, moved or is gone. Writes are
// sequential, as GitHub asks.
import type { Repo } from './event.js';
import type { Octokit } from './github.js';
import { reconcile, reviewBody, type CommentPlan, type ExistingComment, type PlannedComment } from '../report/review.js';

export interface ReviewOutcome {
  posted: number;
  suggested: number;
  updated: number;
  resolved: number;
  unchanged: number;
  /** New comments past the limit of one review. */
  left: PlannedComment[];
  url?: string;
}

export async function publishReview(octokit: Octokit, repo: Repo, pullNumber: number, headSha: string, plan: CommentPlan): Promise<ReviewOutcome> {
  const listed: ExistingComment[] = await octokit.paginate(octokit.rest.pulls.listReviewComments, { ...repo, pull_number: pullNumber, per_page: 100 });
  const existing = listed.map(({ id, body, line, start_line }) => ({ id, body, line, start_line }));
  const { create, left, update, unchanged, resolved } = reconcile(plan.comments, existing, headSha);
  let url: string | undefined;
  if (create.length > 0) {
    const { data } = await octokit.rest.pulls.createReview({
      ...repo,
      pull_number: pullNumber,
      commit_id: headSha,
      event: 'COMMENT',
      body: reviewBody(create, left.length, plan.offDiff.length),
      comments: create.map((c) => ({
        path: c.path,
        body: c.body,
        line: c.line,
        side: 'RIGHT',
        ...(c.startLine !== undefined ? { start_line: c.startLine, start_side: 'RIGHT' } : {}),
      })),
    });
    url = data.html_url;
  }
  for (const { id, body } of update) await octokit.rest.pulls.updateReviewComment({ ...repo, comment_id: id, body });
  return { posted: create.length, suggested: create.filter((c) => c.suggests).length, updated: update.length - resolved, resolved, unchanged, left, url };
}
