// The post step: the runner runs it after the job's other steps, also when the
// job was cancelled or the main step was killed. A check run the main step
// opened and never completed would stay in progress and hold up a required
// check forever; complete it as cancelled.
import * as core from '@actions/core';
import { logText } from '../report/escape.js';
import { CheckRun } from './checks.js';
import { repoOf } from './event.js';
import { apiUrlOf, describeApiError, loadClient } from './github.js';
import { runLeftOpen } from './step.js';

export async function runPost(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const id = runLeftOpen();
  if (id === undefined) return;
  const token = core.getInput('github-token');
  if (!token) {
    core.warning(`Could not complete check run ${id}, which the main step left in progress: github-token is empty, and the API takes no call without one.`);
    return;
  }
  try {
    core.setSecret(token);
    const octokit = await loadClient({ token, apiUrl: apiUrlOf(env), log: (line) => core.info(logText(line)) });
    await CheckRun.resume(octokit, repoOf(env, {}), id).cancel(
      'The finalizer-guard step ended before it completed this check run: the job was cancelled or timed out, or the step was killed.',
    );
    core.info(`Completed check run ${id}, which the main step left in progress, as cancelled.`);
  } catch (error) {
    core.warning(`Could not complete check run ${id}, which the main step left in progress: ${describeApiError(error)}`);
  }
}
