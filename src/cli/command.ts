// The finalizer-guard command: parses flags, runs the engine, prints a report
// and exits 0 (nothing at or above --fail-on), 1 (something is), 2 (usage or I/O error).
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { applyConfig, configFor } from '../config.js';
import { analyze, type Lang } from '../engine.js';
import { UsageError } from '../errors.js';
import { atOrAbove, type FailOn } from '../findings.js';
import { escapeControls } from '../report/escape.js';
import { formatCheckstyle } from '../report/checkstyle.js';
import { formatGithub } from '../report/github.js';
import { jsonChunks } from '../report/json.js';
import { formatRdjson } from '../report/rdjson.js';
import { formatSarif } from '../report/sarif.js';
import { formatSummary, textChunks } from '../report/text.js';
import { ruleCatalog } from '../rules/index.js';
import { planFixes, type FixPlan } from '../fix/apply.js';
import { unifiedDiff } from '../fix/diff.js';
import { plural } from '../report/describe.js';
import { repositoryUrl, rulesDocUrl, version } from '../version.js';
import { defaultCacheDir } from '../cache.js';

const usage = `usage: finalizer-guard [--format text|json|sarif|github|rdjson|checkstyle] [--lang en|ru] [--go-version X.Y] [--fail-on error|warning|notice|never] [--config FILE] [--fix | --diff] [--cache-dir DIR | --no-cache] PATH...
PATH: a .go file, a directory (its package), or DIR/... (every package below it)
--fix: apply the fixes findings carry, then report what is left; --diff: print the fixes as a unified diff, writing nothing
FILE: rules and paths to report (default: the nearest .finalizer-guard.yml up to the repository's top)
DIR: where results are cached by package (default: $XDG_CACHE_HOME/finalizer-guard/results or ~/.cache/finalizer-guard/results)`;

interface CliOptions {
  format: (typeof choices)['format'][number];
  lang: Lang;
  goVersion?: string;
  failOn: FailOn;
  /** --config: the configuration file, instead of the nearest .finalizer-guard.yml. */
  config?: string;
  /** --fix writes the fixes into the files, --diff prints them as a unified diff. */
  fixes?: 'fix' | 'diff';
  /** False with --no-shortcuts: every package is parsed (for benchmarks and checks). */
  shortcuts: boolean;
  /** --cache-dir; undefined with --no-cache. */
  cacheDir?: string;
  patterns: string[];
}

const choices = {
  format: ['text', 'json', 'sarif', 'github', 'rdjson', 'checkstyle'],
  lang: ['en', 'ru'],
  'fail-on': ['error', 'warning', 'notice', 'never'],
} as const;

function choose<K extends keyof typeof choices>(flag: K, value: string | undefined): (typeof choices)[K][number] {
  const allowed: readonly string[] = choices[flag];
  if (value === undefined || !allowed.includes(value)) {
    throw new UsageError(`--${flag} takes one of ${allowed.join(', ')}${value === undefined ? '' : `, not "${value}"`}`);
  }
  return value as (typeof choices)[K][number];
}

export function parseArgs(argv: string[]): CliOptions | 'help' | 'version' {
  const options: CliOptions = { format: 'text', lang: 'en', failOn: 'error', shortcuts: true, cacheDir: defaultCacheDir(), patterns: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case '-h':
      case '--help':
        return 'help';
      case '--version':
        return 'version';
      case '--format':
        options.format = choose('format', value());
        break;
      case '--lang':
        options.lang = choose('lang', value());
        break;
      case '--fail-on':
        options.failOn = choose('fail-on', value());
        break;
      case '--config': {
        const file = value();
        if (!file) throw new UsageError('--config takes a file');
        options.config = file;
        break;
      }
      case '--fix':
      case '--diff': {
        const mode = flag === '--fix' ? 'fix' : 'diff';
        if (inline !== undefined) throw new UsageError(`${flag} takes no value`);
        if (options.fixes && options.fixes !== mode) throw new UsageError('--fix and --diff do not go together');
        options.fixes = mode;
        break;
      }
      case '--cache-dir': {
        const dir = value();
        if (!dir) throw new UsageError('--cache-dir takes a directory');
        options.cacheDir = dir;
        break;
      }
      case '--no-cache':
        if (inline !== undefined) throw new UsageError('--no-cache takes no value');
        options.cacheDir = undefined;
        break;
      case '--no-shortcuts':
        // Not in the usage line: turns off the byte prefilter, which must never
        // change results, so a benchmark can check exactly that.
        if (inline !== undefined) throw new UsageError('--no-shortcuts takes no value');
        options.shortcuts = false;
        break;
      case '--go-version': {
        const v = value();
        if (!v || !/^(go)?\d+\.\d+(\.\d+)?$/.test(v)) throw new UsageError(`--go-version takes a version such as 1.24, not "${v ?? ''}"`);
        options.goVersion = v.replace(/^go/, '');
        break;
      }
      case '--':
        options.patterns.push(...argv.slice(i + 1));
        i = argv.length;
        break;
      default:
        if (flag.startsWith('-') && flag !== '-') throw new UsageError(`unknown flag ${flag}`);
        options.patterns.push(arg);
    }
  }
  if (!options.patterns.length) throw new UsageError('no PATH given');
  if (options.fixes === 'diff' && argv.some((a) => a === '--format' || a.startsWith('--format='))) throw new UsageError('--diff prints a diff, not a report: it takes no --format');
  return options;
}

/** Where the report goes: resolves when the text is taken, rejects with the stream's write error. */
export type Output = (text: string) => void | Promise<void>;

/** Pieces gathered into writes of about this many UTF-16 units: few writes, and never the whole report in memory. */
const writeSize = 1 << 16;

/** Writes the pieces in order, waiting for each write to be taken. */
async function writeAll(out: Output, chunks: Iterable<string>): Promise<void> {
  let pending = '';
  for (const chunk of chunks) {
    pending += chunk;
    if (pending.length < writeSize) continue;
    await out(pending);
    pending = '';
  }
  if (pending) await out(pending);
}

/** Writes the report; a reader that stopped early (`| head`) wanted no more, any other failure loses the report. */
async function writeReport(out: Output, chunks: Iterable<string>): Promise<void> {
  try {
    await writeAll(out, chunks);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EPIPE') throw new UsageError(`cannot write the report to standard output (${code ?? (error as Error).message})`);
  }
}

/** "2 fixes (1 file)", and the fixes left out because they overlap others. */
function fixesText(plan: FixPlan): string {
  const overlapping = plan.overlapping.length ? `, ${plural(plan.overlapping.length, 'fix', 'fixes')} left out as overlapping others (run again)` : '';
  return `${plural(plan.applied.length, 'fix', 'fixes')} (${plural(plan.changes.length, 'file')})${overlapping}`;
}

/** Reads or writes a file the fixes change; a failure is one line naming the file. */
function fixedFile<T>(what: string, path: string, io: () => T): T {
  try {
    return io();
  } catch (error) {
    throw new UsageError(`cannot ${what} ${path} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
}

export async function runCli(argv: string[], out: Output, err: (s: string) => void): Promise<number> {
  let options: ReturnType<typeof parseArgs>;
  try {
    options = parseArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    err(`finalizer-guard: ${escapeControls(error.message)}\n${usage}\n`);
    return 2;
  }
  if (options === 'help') {
    out(usage + '\n');
    return 0;
  }
  if (options === 'version') {
    out(version + '\n');
    return 0;
  }
  try {
    const cwd = process.cwd();
    const config = configFor(cwd, options.config);
    const analyzeOptions = { root: cwd, lang: options.lang, goVersion: options.goVersion, shortcuts: options.shortcuts, cacheDir: options.cacheDir && resolve(cwd, options.cacheDir) };
    let analysis = await analyze(options.patterns, analyzeOptions);
    let { findings, left } = applyConfig(analysis.findings, config, cwd);
    for (const skipped of analysis.skipped) err(`finalizer-guard: warning: ${escapeControls(skipped)}\n`);
    if (options.fixes) {
      const plan = planFixes(findings, (path) => fixedFile('read', path, () => readFileSync(resolve(cwd, path))));
      if (options.fixes === 'diff') {
        await writeReport(out, plan.changes.map((c) => unifiedDiff(c.path, c.before.toString('utf8'), c.after.toString('utf8'))));
        err(`${formatSummary(findings, analysis.stats)}; ${fixesText(plan)} shown as a diff, nothing written\n`);
        return findings.some((f) => atOrAbove(f.severity, options.failOn)) ? 1 : 0;
      }
      for (const change of plan.changes) fixedFile('write the fixes into', change.path, () => writeFileSync(resolve(cwd, change.path), change.after));
      err(`finalizer-guard: ${fixesText(plan)} applied\n`);
      // What is left is what the fixed files say, not a guess from the fixes.
      if (plan.changes.length) {
        analysis = await analyze(options.patterns, analyzeOptions);
        ({ findings, left } = applyConfig(analysis.findings, config, cwd));
      }
    }
    const stats = analysis.stats;
    const { lang, goVersion } = options;
    const formatters: Record<CliOptions['format'], () => Iterable<string>> = {
      text: () => textChunks(findings),
      json: () => jsonChunks(findings, stats),
      sarif: () => [formatSarif(findings, ruleCatalog, { lang, goVersion, toolVersion: version, informationUri: repositoryUrl, rulesUri: rulesDocUrl })],
      github: () => [formatGithub(findings, lang)],
      rdjson: () => [formatRdjson(findings, ruleCatalog, { toolUrl: repositoryUrl, rulesUri: rulesDocUrl })],
      checkstyle: () => [formatCheckstyle(findings, version)],
    };
    await writeReport(out, formatters[options.format]());
    err(formatSummary(findings, stats) + (left > 0 ? `; ${left} left out by ${escapeControls(config!.shownAs)}` : '') + '\n');
    return findings.some((f) => atOrAbove(f.severity, options.failOn)) ? 1 : 0;
  } catch (error) {
    // The message may name a file: one line all the same.
    if (error instanceof UsageError) {
      err(`finalizer-guard: ${escapeControls(error.message)}\n`);
      return 2;
    }
    err(`finalizer-guard: internal error: ${escapeControls((error as Error).message ?? String(error))}\n`);
    return 2;
  }
}
