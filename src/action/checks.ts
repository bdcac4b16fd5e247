// The check run on the analyzed commit: created in progress, annotations
// added by sequential PATCHes of at most 50, then completed: with the
// findings, as failed when the analysis could not finish, or as cancelled
// when the step was stopped.
import type { Octokit } from './github.js';
import type { Repo } from './event.js';
import { checkOutput, inBatches, progressOutput, textLimit, toCheckAnnotation } from '../report/checkrun.js';
import { cut } from '../report/describe.js';
import type { Conclusion } from '../findings.js';
import type { RunReport } from '../report/summary.js';

export class CheckRun {
  private constructor(
    private readonly octokit: Octokit,
    private readonly repo: Repo,
    readonly id: number,
    readonly url: string,
  ) {}

  static async start(octokit: Octokit, repo: Repo, name: string, headSha: string, detailsUrl?: string): Promise<CheckRun> {
    const { data } = await octokit.rest.checks.create({
      ...repo,
      name,
      head_sha: headSha,
      status: 'in_progress',
      started_at: new Date().toISOString(),
      ...(detailsUrl ? { details_url: detailsUrl } : {}),
      output: { title: 'finalizer-guard is analyzing', summary: 'Looking for finalizers and cleanups that cannot run.' },
    });
    return new CheckRun(octokit, repo, data.id, data.html_url ?? '');
  }

  /** A check run another step created, to be completed from here. */
  static resume(octokit: Octokit, repo: Repo, id: number): CheckRun {
    return new CheckRun(octokit, repo, id, '');
  }

  private update(body: Record<string, unknown>) {
    return this.octokit.rest.checks.update({ ...this.repo, check_run_id: this.id, ...body });
  }

  async finish(report: RunReport, summaryUrl?: string): Promise<void> {
    // Sequential on purpose: GitHub asks for one write at a time.
    for (const batch of inBatches(report.reported.map((r) => toCheckAnnotation(r, report.lang)))) {
      await this.update({ output: progressOutput(report, batch) });
    }
    await this.update({
      status: 'completed',
      conclusion: report.conclusion satisfies Conclusion,
      completed_at: new Date().toISOString(),
      output: checkOutput(report, summaryUrl),
    });
  }

  /** Completes the run as failed when the analysis itself could not finish, so it does not stay in progress. */
  abort(reason: string): Promise<void> {
    return this.close('failure', 'finalizer-guard could not finish', reason);
  }

  /** Completes the run as cancelled when the step was stopped before it finished. */
  cancel(reason: string): Promise<void> {
    return this.close('cancelled', 'finalizer-guard was stopped', reason);
  }

  private async close(conclusion: 'failure' | 'cancelled', title: string, reason: string): Promise<void> {
    await this.update({
      status: 'completed',
      conclusion,
      completed_at: new Date().toISOString(),
      output: { title, summary: cut(reason, textLimit) },
    });
  }
}
