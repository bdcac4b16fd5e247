// The Action's inputs, checked once: a bad value is a one-line UsageError.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UsageError } from '../errors.js';
import type { FailOn } from '../findings.js';
import type { Lang } from '../engine.js';

export const filterModes = ['added', 'diff_context', 'file', 'nofilter'] as const;
export type FilterMode = (typeof filterModes)[number];
export const reportModes = ['auto', 'check-run', 'annotations', 'review'] as const;
export type ReportMode = (typeof reportModes)[number];
const failOns = ['error', 'warning', 'notice', 'never'] as const;
export const scanModes = ['changed', 'full'] as const;
export type ScanMode = (typeof scanModes)[number];
const langs = ['en', 'ru'] as const;

export interface ActionInputs {
  token: string;
  workingDirectory: string;
  paths: string[];
  filterMode: FilterMode;
  /** full: every package under the working directory, whatever the event changed (for code scanning). */
  scan: ScanMode;
  failOn: FailOn;
  report: ReportMode;
  /** Also review a pull request: a comment per finding on a changed line, with a suggested change where there is a fix. */
  suggestions: boolean;
  lang: Lang;
  /** "1.24"; undefined: the engine reads go.mod. */
  goVersion?: string;
  sarifFile?: string;
  checkName: string;
  /** The configuration file, relative to the workspace; undefined: the nearest .finalizer-guard.yml. */
  config?: string;
  /** Where results are cached by package, relative to the workspace; undefined: not cached. */
  cacheDir?: string;
}

/** `get` returns an input's trimmed value, "" when unset (as core.getInput does). */
export function parseInputs(get: (name: string) => string): ActionInputs {
  const goVersion = get('go-version').replace(/^go/, '');
  if (goVersion && !/^1\.\d+(\.\d+)?$/.test(goVersion)) {
    throw new UsageError(`go-version must look like 1.24, got "${get('go-version')}"`);
  }
  return {
    token: get('github-token'),
    workingDirectory: get('working-directory') || '.',
    paths: get('paths').split('\n'),
    filterMode: oneOf(get, 'filter-mode', filterModes, 'added'),
    scan: oneOf(get, 'scan', scanModes, 'changed'),
    failOn: oneOf(get, 'fail-on', failOns, 'error'),
    report: oneOf(get, 'report', reportModes, 'auto'),
    suggestions: oneOf(get, 'suggestions', ['true', 'false'], 'false') === 'true',
    lang: oneOf(get, 'lang', langs, 'en'),
    goVersion: goVersion || undefined,
    sarifFile: get('sarif-file') || undefined,
    checkName: get('check-name') || 'finalizer-guard',
    config: get('config') || undefined,
    cacheDir: cacheDirOf(get('cache-dir')),
  };
}

/** Empty: under the runner's temporary directory, where an actions/cache step can keep it between runs; "off": no cache. */
function cacheDirOf(value: string): string | undefined {
  if (value === 'off') return undefined;
  return value || join(process.env.RUNNER_TEMP || tmpdir(), 'finalizer-guard-cache');
}

function oneOf<T extends string>(get: (name: string) => string, name: string, allowed: readonly T[], fallback: T): T {
  const value = get(name) || fallback;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new UsageError(`${name} must be one of ${allowed.join(', ')}; got "${value}"`);
  }
  return value as T;
}
