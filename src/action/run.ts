// The Action from inputs to check run: plan the scan from the event, learn the
// changed lines, analyze the packages that hold them, keep the findings the
// filter-mode asks for, report them, and gate the step.
import * as core from '@actions/core';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { constants as osConstants } from 'node:os';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { applyConfig, configFor, type Config } from '../config.js';
import { analyze, dependentPackages } from '../engine.js';
import { goVersionFor } from '../discover/gomod.js';
import { UsageError } from '../errors.js';
import type { Finding, Reported } from '../findings.js';
import { formatSarif } from '../report/sarif.js';
import { repositoryUrl, rulesDocUrl, version } from '../version.js';
import { ruleCatalog } from '../rules/index.js';
import { planAnnotations } from '../report/annotations.js';
import { countBySeverity, countsText, logLine, plural, type Counts } from '../report/describe.js';
import { logText } from '../report/escape.js';
import { jobSummary, statusSummary, type RunReport } from '../report/summary.js';
import { commentsPerReview, planComments } from '../report/review.js';
import type { ChangeSet } from './changes.js';
import { CheckRun } from './checks.js';
import { planScan, repoOf, type Repo, type Scan } from './event.js';
import { selectFindings } from './filter.js';
import { conclusionOf } from './gate.js';
import { GitUnavailable, gitChanges, headCommit, holdsCommit, repoRoot } from './git.js';
import { apiChanges, apiUrlOf, describeApiError, isRateLimit, keepSecret, loadClient, redactSecrets, sharedClient, type SharedClient } from './github.js';
import { pathFilter, type PathFilter } from '../discover/glob.js';
import { parseInputs, type ActionInputs } from './inputs.js';
import { publishReview } from './review.js';
import { changedPackages, normalizeDir, toRepoPaths } from './scope.js';
import { Step } from './step.js';

type DiffScan = Extract<Scan, { kind: 'diff' }>;

/**
 * Every plain line of the log goes through here: it carries file names and Go
 * source, and must never pass for a workflow command. (Commands, as
 * core.warning writes them, escape their own data.)
 */
function info(line: string): void {
  core.info(logText(line));
}

/**
 * Runs the Action; every failure ends as one line through core.setFailed, and
 * every exit path, a stop by the runner included, writes the outputs and the
 * job summary.
 */
export async function runAction(): Promise<void> {
  const step = new Step();
  const stop = (signal: NodeJS.Signals) => void stopped(step, signal);
  process.once('SIGINT', stop).once('SIGTERM', stop);
  try {
    await run(process.env, step);
  } catch (error) {
    if (!(error instanceof UsageError) && error instanceof Error && error.stack) core.debug(redactSecrets(error.stack));
    const line = error instanceof UsageError ? error.message : `finalizer-guard failed: ${describeApiError(error)}`;
    core.setFailed(line);
    step.set({ conclusion: 'failure' });
    step.summary = statusSummary('failure', line);
  }
  await step.finish(info);
}

/**
 * The runner stops a cancelled or timed-out step with SIGINT, then SIGTERM:
 * complete the check run as cancelled so that a required check does not stay
 * in progress, write what the step has, and end. (A step killed outright
 * leaves this to the post step.)
 */
async function stopped(step: Step, signal: NodeJS.Signals): Promise<void> {
  const why = `The step was stopped (${signal}) before finalizer-guard finished: the job was cancelled or timed out.`;
  core.setFailed(why);
  step.set({ conclusion: 'cancelled' });
  step.summary = statusSummary('cancelled', why);
  try {
    const id = await step.cancelOpenRun(why);
    if (id !== undefined) info(`Completed check run ${id} as cancelled.`);
  } catch (error) {
    core.warning(`Could not complete the check run as cancelled (${describeApiError(error)}); the post step tries again.`);
  }
  await step.finish(info);
  process.exit(128 + osConstants.signals[signal]);
}

interface Where {
  workspace: string;
  /** The repository's top folder: annotation paths are relative to it. */
  root: string;
  /** The working directory, absolute and relative to root ("" for root itself). */
  workAbs: string;
  workDir: string;
  gitRepo: boolean;
}

async function locate(env: NodeJS.ProcessEnv, workingDirectory: string): Promise<Where> {
  const workspace = resolve(env.GITHUB_WORKSPACE || process.cwd());
  const workAbs = resolve(workspace, workingDirectory);
  if (!existsSync(workAbs) || !statSync(workAbs).isDirectory()) {
    throw new UsageError(`working-directory "${workingDirectory}" is not a folder of the workspace`);
  }
  const top = await repoRoot(workAbs);
  const root = top ? resolve(top) : workspace;
  const rel = relative(root, workAbs);
  if (rel.startsWith('..') || isAbsolute(rel)) throw new UsageError(`working-directory "${workingDirectory}" is outside the repository`);
  return { workspace, root, workAbs, workDir: normalizeDir(rel), gitRepo: top !== undefined };
}

function readEvent(env: NodeJS.ProcessEnv): { eventName: string; payload: Record<string, any> } {
  const eventName = env.GITHUB_EVENT_NAME;
  if (!eventName) throw new UsageError('GITHUB_EVENT_NAME is not set: run finalizer-guard as a step of a GitHub Actions job');
  const path = env.GITHUB_EVENT_PATH;
  if (!path || !existsSync(path)) return { eventName, payload: {} };
  try {
    return { eventName, payload: JSON.parse(readFileSync(path, 'utf8')) };
  } catch {
    throw new UsageError(`the event payload at GITHUB_EVENT_PATH is not valid JSON`);
  }
}

async function run(env: NodeJS.ProcessEnv, step: Step): Promise<void> {
  info(`finalizer-guard ${version} under Node ${process.version}`);
  const inputs = parseInputs((name) => core.getInput(name));
  if (inputs.token) {
    core.setSecret(inputs.token);
    keepSecret(inputs.token);
  }
  const { eventName, payload } = readEvent(env);
  const planned = planScan({ eventName, payload, sha: env.GITHUB_SHA ?? '' });
  const scan: Scan = inputs.scan === 'full' && planned.kind === 'diff' ? { kind: 'full', event: planned.event, head: planned.head, label: planned.label } : planned;
  const repo = repoOf(env, payload);
  const where = await locate(env, inputs.workingDirectory);
  const keep = pathFilter(inputs.paths);
  // Read first: a mistake in the file fails the step before anything is written to GitHub.
  const config = configFor(where.workAbs, inputs.config, where.workspace);

  if (scan.kind === 'skip') {
    const line = `Nothing to analyze: ${scan.reason}.`;
    info(line);
    // An upload-sarif step after this one needs the file all the same.
    const sarifFile = writeSarif(inputs, where, env, { findings: [], partial: `nothing was analyzed: ${scan.reason}` });
    step.set({ findings: 0, errors: 0, warnings: 0, notices: 0, 'sarif-file': sarifFile, conclusion: 'success' });
    step.summary = statusSummary('success', line);
    return;
  }

  const warnings: string[] = [];
  const clientOptions = { token: inputs.token, apiUrl: apiUrlOf(env), log: info, delayUnit: apiDelayUnit(env) };
  const client = () => loadClient(clientOptions);
  const octokit = inputs.token ? sharedClient(clientOptions) : undefined;
  const runUrl = env.GITHUB_RUN_ID ? `${env.GITHUB_SERVER_URL || 'https://github.com'}/${repo.owner}/${repo.repo}/actions/runs/${env.GITHUB_RUN_ID}` : undefined;
  // report: review makes a check run only when the review cannot be posted.
  const checkRun = inputs.report === 'annotations' || inputs.report === 'review' ? undefined : await startCheckRun(inputs, octokit, repo, scan.head, runUrl, warnings);
  if (checkRun) step.opened({ id: checkRun.id, repo, client });

  let report: RunReport;
  let counts: Counts;
  let published: CheckRun | undefined;
  let changes: ChangeSet | undefined;
  try {
    const analysis = await analyzeScan(inputs, scan, where, keep, config, octokit, repo, env, warnings);
    report = analysis.report;
    changes = analysis.changes;
    const findings = report.reported.map((r) => r.finding);
    counts = countBySeverity(findings);
    step.set({ findings: findings.length, errors: counts.error, warnings: counts.warning, notices: counts.notice });
    core.startGroup(`finalizer-guard: ${countsText(counts)} (${report.scope})`);
    for (const r of report.reported) info(logLine(r, inputs.lang));
    core.endGroup();
    step.set({ 'sarif-file': writeSarif(inputs, where, env, analysis.sarif) });
    published = checkRun && (await finishCheckRun(checkRun, step, inputs, report, runUrl, warnings));
  } catch (error) {
    // A check run left in progress would hold up a required check forever: any failure here completes it as failed.
    if (checkRun) await checkRun.abort(redactSecrets(error instanceof Error ? error.message : String(error))).then(() => step.closed(), () => undefined);
    throw error;
  }
  const review = inputs.report === 'review' || inputs.suggestions ? await reviewPullRequest(inputs, scan, changes, where, octokit, repo, report, warnings) : undefined;
  if (inputs.report === 'review' && !review) {
    // The review could not be posted: what report: auto does, a check run or else annotations.
    const instead = await startCheckRun(inputs, octokit, repo, scan.head, runUrl, warnings);
    if (instead) step.opened({ id: instead.id, repo, client });
    published = instead && (await finishCheckRun(instead, step, inputs, report, runUrl, warnings));
  }
  // In a review, the findings it could not post become annotations; a check run has them all.
  const unposted = published ? [] : review && inputs.report === 'review' ? review.unposted : report.reported;
  const fallback = published ? undefined : planAnnotations(unposted, warnings.length, inputs.lang);
  if (fallback?.note) warnings.push(fallback.note);
  for (const w of warnings) core.warning(w);
  for (const a of fallback?.shown ?? []) core[a.level](a.message, a.properties);
  step.summary = jobSummary(report);
  step.set({ 'check-run-id': published ? published.id : '', 'check-run-url': published?.url ?? '', conclusion: report.conclusion });
  if (report.conclusion === 'failure') {
    core.setFailed(`finalizer-guard: ${countsText(counts)} at or above fail-on: ${inputs.failOn} (see the annotations and the job summary)`);
  }
}

async function startCheckRun(
  inputs: ActionInputs,
  octokit: SharedClient | undefined,
  repo: Repo,
  head: string,
  detailsUrl: string | undefined,
  warnings: string[],
): Promise<CheckRun | undefined> {
  const fallback = 'reporting with workflow-command annotations instead';
  if (!octokit) {
    if (inputs.report === 'check-run') throw new UsageError('github-token is empty: report: check-run needs a token with checks: write (the default is ${{ github.token }})');
    warnings.push(`github-token is empty, so no check run can be made; ${fallback}.`);
    return undefined;
  }
  try {
    return await CheckRun.start(await octokit(), repo, inputs.checkName, head, detailsUrl);
  } catch (error) {
    const why = describeApiError(error);
    if (inputs.report === 'check-run') throw new Error(`cannot create a check run (${why}); the job needs permissions: checks: write`);
    const readOnly = (error as { status?: number }).status === 403 && !isRateLimit(error);
    warnings.push(
      readOnly
        ? `The token cannot create check runs (${why}): it is read-only, as on pull requests from forks, or the job lacks permissions: checks: write; ${fallback}.`
        : `Could not create a check run (${why}); ${fallback}.`,
    );
    return undefined;
  }
}

/** The check run, completed with the findings; undefined when it could not be and annotations must stand in. */
async function finishCheckRun(
  checkRun: CheckRun,
  step: Step,
  inputs: ActionInputs,
  report: RunReport,
  runUrl: string | undefined,
  warnings: string[],
): Promise<CheckRun | undefined> {
  try {
    await checkRun.finish(report, runUrl);
    step.closed();
    return checkRun;
  } catch (error) {
    if (inputs.report === 'check-run') throw new Error(`could not complete check run ${checkRun.id}: ${describeApiError(error)}`);
    warnings.push(`Could not complete the check run (${describeApiError(error)}); reporting with workflow-command annotations instead.`);
    await checkRun.abort(`finalizer-guard could not add its results here (${describeApiError(error)}); the workflow run has them.`).then(() => step.closed(), () => undefined);
    return undefined;
  }
}

/**
 * For code scanning: every finding of the analyzed packages (not only those on
 * changed lines), since an alert missing from an upload counts as fixed; and
 * what was left unanalyzed, when something was.
 */
interface SarifContent {
  findings: Finding[];
  partial?: string;
}

/** Writes the SARIF file when sarif-file asks for it; its absolute path, or "" when not asked. */
function writeSarif(inputs: ActionInputs, where: Where, env: NodeJS.ProcessEnv, content: SarifContent): string {
  if (!inputs.sarifFile) return '';
  const path = resolve(where.workspace, inputs.sarifFile);
  const goVersion = inputs.goVersion ?? goVersionFor(where.workAbs);
  const options = {
    lang: inputs.lang,
    goVersion,
    toolVersion: version,
    informationUri: repositoryUrl,
    rulesUri: rulesDocs(env),
    // Two modules of one repository, or two checks, must not replace each other's alerts.
    category: where.workDir ? `${inputs.checkName}/${where.workDir}` : inputs.checkName,
    partial: content.partial,
  };
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, formatSarif(content.findings, ruleCatalog, options));
  } catch (error) {
    throw new UsageError(`cannot write sarif-file "${inputs.sarifFile}" (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  return path;
}

/** docs/rules.md at the ref the workflow uses the Action at, when the runner says; else as released with this version. */
function rulesDocs(env: NodeJS.ProcessEnv): string {
  const action = env.GITHUB_ACTION_REPOSITORY;
  const ref = env.GITHUB_ACTION_REF;
  return action && ref ? `${env.GITHUB_SERVER_URL || 'https://github.com'}/${action}/blob/${encodeURIComponent(ref)}/docs/rules.md` : rulesDocUrl;
}

async function analyzeScan(
  inputs: ActionInputs,
  scan: Exclude<Scan, { kind: 'skip' }>,
  where: Where,
  keep: PathFilter,
  config: Config | undefined,
  octokit: SharedClient | undefined,
  repo: Repo,
  env: NodeJS.ProcessEnv,
  warnings: string[],
): Promise<{ report: RunReport; sarif: SarifContent; changes?: ChangeSet }> {
  if (scan.kind === 'diff') await checkWorkspace(scan, where, env);
  const changes = scan.kind === 'diff' ? await findChanges(scan, where, octokit, repo, warnings) : undefined;
  const full = changes === undefined;
  if (scan.kind === 'full') info(`A full scan for the ${scan.label}: every package under ${where.workDir || 'the repository root'}.`);
  // A file the API lists may be missing from the checkout (a merge commit, say): no package to read there.
  const dirs = full ? ['...'] : changedPackages(changes, where.workDir, keep, (path) => existsSync(join(where.root, path)));
  const base: Omit<RunReport, 'scope' | 'reported' | 'outside' | 'excluded' | 'conclusion'> = {
    label: scan.label,
    filter: full ? 'full scan' : `filter-mode ${inputs.filterMode}`,
    source: changes?.source,
    warnings,
    failOn: inputs.failOn,
    lang: inputs.lang,
    lineUrl: (path, line) =>
      `${env.GITHUB_SERVER_URL || 'https://github.com'}/${repo.owner}/${repo.repo}/blob/${scan.head}/${path.split('/').map(encodeURIComponent).join('/')}#L${line}`,
  };
  const under = where.workDir || 'the repository root';
  const partial = full
    ? undefined
    : `only the packages holding a Go file the ${scan.label} changed, and those of their module that import them and set a finalizer or cleanup, were analyzed, not every package under ${under}`;
  if (dirs.length === 0) {
    const scope = `no changed Go file under ${under}${keep.description ? ` matching paths (${keep.description})` : ''}`;
    info(`Nothing to analyze: ${scope}.`);
    return { report: { ...base, scope, reported: [], outside: 0, excluded: 0, conclusion: 'success' }, sarif: { findings: [], partial }, changes };
  }
  // A package that imports a changed one can have a cycle the change closes: its call is analyzed too.
  const changedDirs = dirs.map((d) => join(where.workAbs, d));
  const dependents = full ? [] : await dependentPackages(changedDirs, where.workAbs);
  const importing = dependents.length ? ` and ${plural(dependents.length, 'package')} importing them` : '';
  info(`Analyzing ${full ? 'every package' : plural(dirs.length, 'package')}${importing} under ${where.workDir || 'the repository root'}`);
  const { findings, stats, skipped } = await analyze(
    [...changedDirs, ...dependents],
    { root: where.workAbs, lang: inputs.lang, goVersion: inputs.goVersion, cacheDir: inputs.cacheDir && resolve(where.workspace, inputs.cacheDir) },
  );
  warnings.push(...skipped.map((line) => `Skipped: ${line}.`));
  const configured = applyConfig(findings, config, where.workAbs);
  const inRepo = toRepoPaths(configured.findings, where.workDir);
  const selection = selectFindings(inRepo, changes, inputs.filterMode, keep);
  const report = {
    ...base,
    configured: config && { left: configured.left, file: config.shownAs },
    scope: `${plural(stats.packages, 'package')}, ${plural(stats.files, 'file')}`,
    ...selection,
    conclusion: conclusionOf(selection.reported, inputs.failOn),
  };
  return { report, sarif: { findings: inRepo.filter((f) => keep(f.path)), partial }, changes };
}

/**
 * The pull request review, for report: review and suggestions: true. Undefined,
 * with one warning, when none can be posted; else the reported findings it
 * could not post (on no line of the diff, or past the limit of one review).
 */
async function reviewPullRequest(
  inputs: ActionInputs,
  scan: Exclude<Scan, { kind: 'skip' }>,
  changes: ChangeSet | undefined,
  where: Where,
  octokit: SharedClient | undefined,
  repo: Repo,
  report: RunReport,
  warnings: string[],
): Promise<{ unposted: Reported[] } | undefined> {
  const instead = inputs.report === 'review' ? 'reporting as report: auto does instead' : 'the check run has the findings';
  if (scan.kind !== 'diff' || scan.pullNumber === undefined) {
    info(`No pull request review: the ${scan.label} is not a pull request; ${instead}.`);
    return undefined;
  }
  if (!octokit) {
    warnings.push(`github-token is empty, so no pull request review can be posted; ${instead}.`);
    return undefined;
  }
  if (!changes) {
    warnings.push(`No pull request review: the changed lines are unknown; ${instead}.`);
    return undefined;
  }
  const read = (path: string) => {
    try {
      return readFileSync(join(where.root, path));
    } catch {
      return undefined;
    }
  };
  const plan = planComments(report.reported, (path) => changes.files.get(path)?.context, read, inputs.lang, inputs.checkName);
  try {
    const outcome = await publishReview(await octokit(), repo, scan.pullNumber, scan.head, plan);
    const line =
      `Pull request review: ${plural(outcome.posted, 'new comment')} (${outcome.suggested} with a suggested change), ` +
      `${outcome.updated} updated, ${outcome.resolved} marked resolved, ${outcome.unchanged} left as they were.`;
    info(outcome.url ? `${line} ${outcome.url}` : line);
    report.notes = [...(report.notes ?? []), line];
    const all = inputs.report === 'review' ? 'the annotations, the job summary and the SARIF file have them all' : 'the check run, the job summary and the SARIF file have them all';
    if (outcome.left.length > 0) {
      warnings.push(`${plural(outcome.left.length, 'finding')} not posted in the pull request review, which takes at most ${commentsPerReview} new comments; ${all}.`);
    }
    if (plan.offDiff.length > 0) report.notes.push(`${plural(plan.offDiff.length, 'finding')} on no line of the diff, so not in the review; ${all}.`);
    return { unposted: [...plan.offDiff, ...outcome.left.map((c) => c.reported)] };
  } catch (error) {
    const why = describeApiError(error);
    const status = (error as { status?: number }).status;
    const refused = (status === 403 && !isRateLimit(error)) || status === 404;
    warnings.push(
      refused
        ? `The token cannot review pull request #${scan.pullNumber} (${why}): it is read-only, as on pull requests from forks, or the job lacks permissions: pull-requests: write; ${instead}.`
        : `Could not post the pull request review (${why}); ${instead}.`,
    );
    return undefined;
  }
}

/**
 * Refuses to analyze a workspace that does not hold the change: on
 * pull_request_target the default checkout is the base branch, and analyzing
 * it would pass the pull request unseen.
 */
async function checkWorkspace(scan: DiffScan, where: Where, env: NodeJS.ProcessEnv): Promise<void> {
  if (!where.gitRepo) return;
  const holds = await holdsCommit(where.root, scan.head);
  if (holds === true) return;
  // A shallow default checkout holds GITHUB_SHA, which is the change itself except on pull_request_target.
  if (holds === undefined && scan.event !== 'pull_request_target' && (await headCommit(where.root)) === env.GITHUB_SHA) return;
  throw new UsageError(
    `the workspace does not hold the head commit ${scan.head.slice(0, 12)} of the ${scan.label}; check it out (actions/checkout with ref: ${'${{ github.event.pull_request.head.sha }}'} on pull_request_target)`,
  );
}

/** Git first when the history is there, the REST API when not; neither: a warned full scan. */
async function findChanges(scan: DiffScan, where: Where, octokit: SharedClient | undefined, repo: Repo, warnings: string[]): Promise<ChangeSet | undefined> {
  let gitWhy = 'the workspace is not a git repository (did the job run actions/checkout?)';
  if (where.gitRepo) {
    try {
      const changes = await gitChanges(where.root, scan.base, scan.head);
      info(`Changed lines of the ${scan.label} from ${changes.source}.`);
      return changes;
    } catch (error) {
      if (!(error instanceof GitUnavailable)) throw error;
      gitWhy = error.message;
    }
  }
  let apiWhy = 'github-token is empty';
  if (octokit) {
    try {
      const { changes, warnings: limits } = await apiChanges(await octokit(), repo, scan);
      info(`git cannot tell the changed lines (${gitWhy}); using ${changes.source}.`);
      warnings.push(...limits);
      return changes;
    } catch (error) {
      apiWhy = describeApiError(error);
    }
  }
  warnings.push(
    `Cannot tell which lines the ${scan.label} changed: git: ${gitWhy}; REST API: ${apiWhy}. ` +
      'Analyzing every package under the working directory and reporting all findings instead.',
  );
  return undefined;
}


/** The tests shorten API waits with FINALIZER_GUARD_API_DELAY_MS; a run on GitHub never sets it. */
function apiDelayUnit(env: NodeJS.ProcessEnv): number | undefined {
  const ms = Number(env.FINALIZER_GUARD_API_DELAY_MS);
  return Number.isFinite(ms) && ms > 0 ? ms : undefined;
}
