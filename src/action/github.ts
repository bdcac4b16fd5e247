// The GitHub I/O edge: an octokit that retries 5xx answers and waits out
// rate limits, pointed at GITHUB_API_URL (GitHub Enterprise Server too), and
// the REST calls that list a change's files.
import { GitHub, getOctokitOptions } from '@actions/github/lib/utils';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import Bottleneck from 'bottleneck/light.js';
import type { Repo, Scan } from './event.js';
import { wholeFile, type ChangeSet, type FileChange } from './changes.js';
import { parseHunks } from './patch.js';

// The retry plugin outermost: each retry of a write goes through the throttling
// plugin's write queue again, and so keeps its spacing from the writes around it.
const Client = GitHub.plugin(throttling, retry);
export type Octokit = InstanceType<typeof Client>;

/** The REST API lists at most this many files of a pull request. */
export const pullFilesLimit = 3000;
/** And at most this many files of a comparison. */
export const compareFilesLimit = 300;

export interface ClientOptions {
  token: string;
  apiUrl: string;
  /** Informs about waits; never sees the token. */
  log: (message: string) => void;
  /**
   * The unit of waiting in ms: retries wait 1, 4, 9 units, writes are spaced
   * one unit apart as GitHub asks. 1000 unless the tests shorten it.
   */
  delayUnit?: number;
}

/** The REST API's root: GitHub's, or a GitHub Enterprise Server's as the runner says. */
export function apiUrlOf(env: NodeJS.ProcessEnv): string {
  return env.GITHUB_API_URL || 'https://api.github.com';
}

/** The longest wait a rate limit may ask for before the Action gives up. */
export const maxRateLimitWaitSeconds = 300;

// The retry plugin's default list, plus 429: a secondary rate limit answered
// with 429 must reach the throttling plugin, which waits as retry-after says,
// instead of being retried on the retry plugin's own schedule.
const notRetried = [400, 401, 403, 404, 410, 422, 429, 451];

export function createClient({ token, apiUrl, log: print, delayUnit = 1000 }: ClientOptions): Octokit {
  knownSecrets.add(token);
  const log = (message: string) => print(redactSecrets(message));
  const limitRetry = (kind: string) => (retryAfter: number, options: any, _octokit: unknown, retryCount: number) => {
    const willRetry = retryCount < 3 && retryAfter <= maxRateLimitWaitSeconds;
    const why = retryCount >= 3 ? 'giving up after 3 retries' : `giving up: it asks to wait ${retryAfter} s, longer than ${maxRateLimitWaitSeconds} s`;
    log(`GitHub ${kind} on ${options.method} ${options.url}: ${willRetry ? `retrying in ${retryAfter} s` : why}`);
    return willRetry;
  };
  return new Client(
    getOctokitOptions(token, {
      baseUrl: apiUrl.replace(/\/+$/, ''),
      retry: { retryAfterBaseValue: delayUnit, doNotRetry: notRetried },
      throttle: {
        retryAfterBaseValue: delayUnit,
        write: new Bottleneck.Group({ maxConcurrent: 1, minTime: delayUnit }),
        onSecondaryRateLimit: limitRetry('secondary rate limit'),
        onRateLimit: limitRetry('rate limit'),
      },
      log: { debug: () => {}, info: () => {}, warn: log, error: log },
    }),
  );
}

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

/** The tokens createClient was given: cut out of anything an error echoes. */
const knownSecrets = new Set<string>();
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
