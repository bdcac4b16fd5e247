// The GitHub API as every run of the Action sees it: where it is, the REST
// calls that list a change's files, how to word its errors, and how to keep
// credentials out of the log. The client itself is in client.ts, loaded only
// when a run calls the API (see loadClient).
import type { ClientOptions, Octokit } from './client.js';
import type { Repo, Scan } from './event.js';
import { wholeFile, type ChangeSet, type FileChange } from './changes.js';
import { parseHunks } from './patch.js';

export type { ClientOptions, Octokit };

/** The REST API's root: GitHub's, or a GitHub Enterprise Server's as the runner says. */
export function apiUrlOf(env: NodeJS.ProcessEnv): string {
  return env.GITHUB_API_URL || 'https://api.github.com';
}

/**
 * The client for `options`, its code loaded on the first call: a run that
 * writes no check run or review and needs no file list never loads octokit,
 * which is most of the bundle's load time.
 */
export async function loadClient(options: ClientOptions): Promise<Octokit> {
  const { createClient } = await import('./client.js');
  return createClient(options);
}

/** A client shared by the calls of one run, loaded by the first of them. */
export type SharedClient = () => Promise<Octokit>;

export function sharedClient(options: ClientOptions): SharedClient {
  let client: Promise<Octokit> | undefined;
  return () => (client ??= loadClient(options));
}

/** The REST API lists at most this many files of a pull request. */
export const pullFilesLimit = 3000;
/** And at most this many files of a comparison. */
export const compareFilesLimit = 300;

export interface ApiChanges {
  changes: ChangeSet;
  warnings: string[];
}

interface ApiFile {
  filename: string;
  status: string;
  patch?: string;
  previous_filename?: string;
}

function toChangeSet(source: string, files: ApiFile[]): ChangeSet {
  const map = new Map<string, FileChange>();
  for (const f of files) {
    if (f.status === 'removed') continue;
    // The API leaves out the patch of large or binary files: count them as wholly changed.
    if (f.patch === undefined) map.set(f.filename, wholeFile(f.filename, f.previous_filename));
    else map.set(f.filename, { path: f.filename, previousPath: f.previous_filename, ...parseHunks(f.patch) });
  }
  return { source, files: map };
}

/** The files of the change and their patches from the REST API. */
export async function apiChanges(octokit: Octokit, repo: Repo, scan: Extract<Scan, { kind: 'diff' }>): Promise<ApiChanges> {
  const warnings: string[] = [];
  if (scan.pullNumber !== undefined) {
    const files: ApiFile[] = await octokit.paginate(octokit.rest.pulls.listFiles, { ...repo, pull_number: scan.pullNumber, per_page: 100 });
    if (files.length >= pullFilesLimit) {
      warnings.push(`The REST API lists only the first ${pullFilesLimit} files of a pull request; changes past them are not analyzed (check out with fetch-depth: 0 so git can tell)`);
    }
    return { changes: toChangeSet(`the files of pull request #${scan.pullNumber} (REST API)`, files), warnings };
  }
  const base = 'sha' in scan.base ? scan.base.sha : scan.base.branch;
  const { data } = await octokit.rest.repos.compareCommitsWithBasehead({ ...repo, basehead: `${base}...${scan.head}` });
  const files: ApiFile[] = data.files ?? [];
  if (files.length >= compareFilesLimit) {
    warnings.push(`The REST API compares only the first ${compareFilesLimit} files of a change; changes past them are not analyzed (check out with fetch-depth: 0 so git can tell)`);
  }
  return { changes: toChangeSet(`comparison ${base.slice(0, 12)}...${scan.head.slice(0, 12)} (REST API)`, files), warnings };
}

interface ApiError {
  status?: number;
  message?: string;
  response?: { headers?: Record<string, string | undefined> };
}

/** A primary or secondary rate limit, as GitHub answers one (403 or 429), not a lack of permission. */
export function isRateLimit(error: unknown): boolean {
  const e = error as ApiError;
  if (e?.status === 429) return true;
  return e?.status === 403 && (/\brate limit/i.test(e.message ?? '') || e.response?.headers?.['x-ratelimit-remaining'] === '0');
}

/** One line for the log: status and GitHub's message, never request headers. */
export function describeApiError(error: unknown): string {
  const e = error as ApiError;
  if (!e?.status) return redactSecrets(String(e?.message ?? error));
  const line = redactSecrets(`HTTP ${e.status}: ${e.message ?? ''}`.trim());
  if (!isRateLimit(error)) return line;
  const retryAfter = e.response?.headers?.['retry-after'];
  return `GitHub's rate limit (${line}${retryAfter ? `; retry-after: ${redactSecrets(retryAfter)} s` : ''})`;
}

/** The tokens the Action was given: cut out of anything an error echoes. */
const knownSecrets = new Set<string>();

export function keepSecret(token: string): void {
  knownSecrets.add(token);
}
const secretHeader = /\b((?:proxy-)?authorization|cookie|x-[\w-]*(?:token|key|secret)[\w-]*)(["']?\s*[:=]\s*["']?)[^"'\r\n,;}]*/gi;
const tokenShaped = /\b(?:gh[pousr]_\w{20,}|github_pat_\w{20,}|(?:bearer|token|basic)\s+[\w.~+/=-]{20,})/gi;

/**
 * Text from a server (or a proxy before it) with credentials replaced by
 * [redacted]: an error body may echo the request's Authorization header, and
 * what is printed to a public log must not carry it.
 */
export function redactSecrets(text: string): string {
  let redacted = text;
  for (const secret of knownSecrets) if (secret) redacted = redacted.split(secret).join('[redacted]');
  return redacted.replace(secretHeader, '$1$2[redacted]').replace(tokenShaped, '[redacted]');
}
