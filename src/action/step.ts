// What the step leaves behind however it ends: every output, a job summary,
// and no check run left in progress. A check run still open when the step is
// stopped is completed as cancelled, by the signal handler when the step can
// still run code, else by the post step, which finds its id in the runner's
// state file.
import * as core from '@actions/core';
import { CheckRun } from './checks.js';
import type { Repo } from './event.js';
import type { Octokit } from './github.js';

export const outputNames = ['findings', 'errors', 'warnings', 'notices', 'sarif-file', 'check-run-id', 'check-run-url', 'conclusion'] as const;
export type OutputName = (typeof outputNames)[number];

/** Names in the runner's state file, which only the post step of this action reads. */
const openRunState = 'check-run-id';
const closedRunState = 'check-run-closed';

export interface OpenRun {
  id: number;
  repo: Repo;
  /** A client of its own: a write hanging in the step's client must not hold up the one that closes the run. */
  client: () => Promise<Octokit>;
}

export class Step {
  /** Until the analysis says otherwise, the step failed: counts it never learnt stay empty. */
  private readonly outputs: Record<OutputName, string> = {
    findings: '',
    errors: '',
    warnings: '',
    notices: '',
    'sarif-file': '',
    'check-run-id': '',
    'check-run-url': '',
    conclusion: 'failure',
  };
  summary = '';
  private open?: OpenRun;
  private finished = false;

  set(values: Partial<Record<OutputName, string | number>>): void {
    for (const [name, value] of Object.entries(values)) this.outputs[name as OutputName] = String(value);
  }

  /** A check run was created in progress: from now on someone must complete it. */
  opened(run: OpenRun): void {
    this.open = run;
    core.saveState(openRunState, String(run.id));
  }

  /** The check run was completed, one way or another. */
  closed(): void {
    this.open = undefined;
    core.saveState(closedRunState, 'true');
  }

  /** Completes the open check run, if any, as cancelled. */
  async cancelOpenRun(reason: string): Promise<number | undefined> {
    const run = this.open;
    if (!run) return undefined;
    await CheckRun.resume(await run.client(), run.repo, run.id).cancel(reason);
    this.closed();
    return run.id;
  }

  /** Writes the outputs and the job summary, once, whichever exit path comes first. */
  async finish(log: (line: string) => void): Promise<void> {
    if (this.finished) return;
    this.finished = true;
    for (const name of outputNames) core.setOutput(name, this.outputs[name]);
    if (!process.env.GITHUB_STEP_SUMMARY) {
      log('GITHUB_STEP_SUMMARY is not set: no job summary written.');
      return;
    }
    await core.summary.addRaw(this.summary).write();
  }
}

/** For the post step: the id of a check run the main step opened and never completed. */
export function runLeftOpen(): number | undefined {
  const id = Number(core.getState(openRunState));
  return Number.isInteger(id) && id > 0 && core.getState(closedRunState) !== 'true' ? id : undefined;
}
