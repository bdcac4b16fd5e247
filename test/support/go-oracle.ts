// Builds and runs a fixture under the real Go runtime. The fixture is copied
// into a scratch directory together with a go.mod and one extra file that
// supplies finalized(), midCall() and gcLoop(); the analysis engine never sees that file.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { copyFixed } from './fixed.js';
import { goRelease, isTestFile, releaseAtLeast, wantKey, type Fixture, type GoRelease, type Outcome, type RuleId, type Want } from './wants.js';

/** Module path of every fixture copy: fixtures import their own sub-packages as fixture/NAME. */
export const FIXTURE_MODULE = 'fixture';
export const HARNESS_FILE = 'zz_oracle_harness.go';
/** Collections gcLoop performs before it gives up on the finalizer. */
export const GC_ROUNDS = 100;

const VERDICT_RAN = 'fg-oracle: finalizer ran';
const VERDICT_NEVER = 'fg-oracle: finalizer never ran';
const VERDICT_EARLY = 'fg-oracle: finalizer ran during the call';
/** Collections midCall performs, inside a call, to give an early finalizer its chance. */
export const MID_CALL_ROUNDS = 20;

export const HARNESS_SOURCE = `// Added by the finalizer-guard oracle to a scratch copy of a fixture.
package main

import (
	"fmt"
	"os"
	"runtime"
	"sync/atomic"
	"time"
)

var fgOracleRuns, fgOracleEarly int32

// finalized records that the fixture's finalizer (or cleanup) ran.
func finalized() { atomic.AddInt32(&fgOracleRuns, 1) }

// midCall stands for the work of a call that uses what the finalizer
// releases: it collects up to ${MID_CALL_ROUNDS} times and records whether the
// finalizer ran meanwhile, while the call was still in progress.
func midCall() {
	for i := 1; i <= ${MID_CALL_ROUNDS}; i++ {
		runtime.GC()
		time.Sleep(time.Millisecond)
		if atomic.LoadInt32(&fgOracleRuns) > 0 {
			atomic.StoreInt32(&fgOracleEarly, 1)
			return
		}
	}
}

// gcLoop collects until the finalizer has run or ${GC_ROUNDS} collections
// have passed, prints the verdict and ends the program.
func gcLoop() {
	if atomic.LoadInt32(&fgOracleEarly) > 0 {
		fmt.Println("${VERDICT_EARLY}")
		os.Exit(0)
	}
	for i := 1; i <= ${GC_ROUNDS}; i++ {
		runtime.GC()
		time.Sleep(time.Millisecond)
		if n := atomic.LoadInt32(&fgOracleRuns); n > 0 {
			fmt.Printf("${VERDICT_RAN} %d time(s) by collection %d\\n", n, i)
			os.Exit(0)
		}
	}
	fmt.Println("${VERDICT_NEVER}")
	os.Exit(0)
}
`;

/** A toolchain the oracle runs fixtures under, and where to find it. */
export interface ToolchainSpec {
  /** Release the labels are about; the toolchain found must be this release. */
  release: GoRelease;
  /** Environment variable that overrides the command. */
  envVar: string;
  defaultCommand: string;
}

/**
 * Debian 12's Go (the oldest release users still run, without AddCleanup and
 * weak) and Go 1.26 from trixie-backports (the runtime of today, with
 * GODEBUG=checkfinalizers). scripts/install-go.sh installs both.
 */
export const TOOLCHAINS: readonly ToolchainSpec[] = [
  { release: [1, 19], envVar: 'FG_GO119', defaultCommand: 'go' },
  { release: [1, 26], envVar: 'FG_GO126', defaultCommand: '/usr/lib/go-1.26/bin/go' },
];

/** The command that installs the toolchains, named wherever one is missing. */
export const INSTALL_COMMAND = 'sudo bash scripts/install-go.sh';

/** First release whose runtime has GODEBUG=checkfinalizers=1. */
export const CHECKER_RELEASE: GoRelease = [1, 25];

export interface GoToolchain {
  /** "go1.26", the name used in test titles and the results table. */
  name: string;
  command: string;
  /** What `go env GOVERSION` says, e.g. "go1.26.11". */
  version: string;
  release: GoRelease;
}

export function toolchainName(release: GoRelease): string {
  return `go${release.join('.')}`;
}

/** The toolchain of one spec, or an Error saying why it is not usable. */
export function detectToolchain(spec: ToolchainSpec, env: NodeJS.ProcessEnv = process.env): GoToolchain | Error {
  const name = toolchainName(spec.release);
  const command = env[spec.envVar] || spec.defaultCommand;
  const r = spawnSync(command, ['env', 'GOVERSION'], { encoding: 'utf8', env: { ...env, GOTOOLCHAIN: 'local', GOENV: 'off' } });
  if (r.error) {
    const why = (r.error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such command' : r.error.message;
    return new Error(`${name} not found: "${command}": ${why} (${spec.envVar} names another)`);
  }
  const version = r.stdout.trim();
  const release = goRelease(version);
  if (r.status !== 0 || !release) return new Error(`${name}: "${command} env GOVERSION" failed: ${r.stderr.trim() || version}`);
  if (release.join('.') !== spec.release.join('.')) {
    return new Error(`${name}: "${command}" is ${version}, not ${name} (${spec.envVar} names another)`);
  }
  return { name, command, version, release };
}

/** What the oracle can do on this machine. */
export interface OraclePlan {
  toolchains: GoToolchain[];
  /** Why a toolchain is missing, one Error each. */
  missing: Error[];
  /**
   * Outside CI, the one line printed when a toolchain is missing: its tests
   * are skipped and this says how to enable them. In CI a missing toolchain
   * fails the oracle instead, so this stays undefined.
   */
  skipLine?: string;
}

export function planOracle(env: NodeJS.ProcessEnv = process.env, specs: readonly ToolchainSpec[] = TOOLCHAINS): OraclePlan {
  const toolchains: GoToolchain[] = [];
  const missing: Error[] = [];
  for (const spec of specs) {
    const t = detectToolchain(spec, env);
    if (t instanceof Error) missing.push(t);
    else toolchains.push(t);
  }
  const inCI = env.CI === 'true' || env.CI === '1';
  const skipLine =
    missing.length && !inCI
      ? `runtime oracle skipped, ${missing.map((e) => e.message).join('; ')}: run "${INSTALL_COMMAND}" to enable it`
      : undefined;
  return { toolchains, missing, skipLine };
}

/** `built`: a library package's fixed program, which is built, not run. */
export type Observed = Outcome | 'no-verdict' | 'crash' | 'timeout' | 'build-failed' | 'unstable' | 'built';

export interface RunResult {
  observed: Observed;
  /** One line for the report: the verdict, or the runtime's fatal message. */
  summary: string;
  stdout: string;
  stderr: string;
}

interface Exec {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

function exec(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv, timeoutMs: number): Promise<Exec> {
  return new Promise((resolvePromise) => {
    const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      resolvePromise({ code: null, signal: null, stdout, stderr: stderr + String(err), timedOut });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolvePromise({ code, signal, stdout, stderr, timedOut });
    });
  });
}

/** Reads the verdict of one run of a fixture program. */
export function classify(run: Exec): Pick<RunResult, 'observed' | 'summary'> {
  if (run.timedOut) return { observed: 'timeout', summary: 'killed after the time limit' };
  const fatal = /fatal error: (runtime\.(SetFinalizer|AddCleanup)[^\n]*)/.exec(run.stderr);
  if (run.code !== 0 && fatal) return { observed: 'fatal', summary: fatal[1] };
  const panic = /^panic: ([^\n]*)/m.exec(run.stderr);
  if (run.code !== 0 && panic && /AddCleanup/.test(run.stderr)) return { observed: 'panic', summary: `panic: ${panic[1]}` };
  if (run.code === 0) {
    if (run.stdout.split('\n').includes(VERDICT_EARLY)) return { observed: 'early', summary: 'finalizer ran during the call that uses what it releases' };
    const ran = run.stdout.split('\n').find((l) => l.startsWith(VERDICT_RAN));
    if (ran) return { observed: 'ran', summary: ran.slice('fg-oracle: '.length) };
    if (run.stdout.split('\n').includes(VERDICT_NEVER)) {
      return { observed: 'never', summary: `finalizer never ran in ${GC_ROUNDS} collections` };
    }
    return { observed: 'no-verdict', summary: 'exited without a verdict: main must end with gcLoop()' };
  }
  const firstLine = run.stderr.split('\n').find((l) => l.trim()) ?? '';
  return { observed: 'crash', summary: `exit ${run.code ?? run.signal}: ${firstLine}` };
}

/**
 * The verdict of N runs of one program: the one outcome they all showed, or
 * "unstable" with the count of each, so that no single lucky run decides.
 */
export function combineRuns(runs: readonly Pick<RunResult, 'observed' | 'summary'>[]): Pick<RunResult, 'observed' | 'summary'> {
  const first = runs[0]!;
  if (runs.length === 1) return first;
  const counts = new Map<Observed, number>();
  for (const r of runs) counts.set(r.observed, (counts.get(r.observed) ?? 0) + 1);
  if (counts.size === 1) return { observed: first.observed, summary: `${runs.length} of ${runs.length} runs: ${first.summary}` };
  const each = [...counts].map(([observed, n]) => `${n} ${observed}`).join(', ');
  return { observed: 'unstable', summary: `runs disagree: ${each} of ${runs.length}` };
}

/** Lets at most `limit` builds and programs run at a time, across every toolchain. */
export class Limiter {
  private active = 0;
  private readonly queue: Array<() => void> = [];

  constructor(private readonly limit = 2) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active < this.limit) this.active++;
    else await new Promise<void>((r) => this.queue.push(r));
    try {
      return await task();
    } finally {
      const next = this.queue.shift();
      if (next) next();
      else this.active--;
    }
  }
}

/** One problem GODEBUG=checkfinalizers=1 printed. */
export interface CheckerReport {
  problem: CheckerProblem;
  /** "main.Conn", as the runtime names the value's type. */
  valueType: string;
  attachment: 'finalizer' | 'cleanup';
  /** The finalizer or cleanup function, "main.open.func1". */
  func: string;
  /** Where that function is, relative to the fixture ("main.go:21"); absent for <autogenerated>. */
  funcAt?: SourceLine;
  /** Frames of the call that attached it, innermost first (return addresses: the call's line or a later one). */
  createdAt: SourceLine[];
}

export type CheckerProblem = 'reachable from finalizer' | 'reachable from cleanup or cleanup argument' | 'in a tiny block';

export interface SourceLine {
  file: string;
  line: number;
}

const CHECKER_PROBLEMS: Array<[RegExp, CheckerProblem]> = [
  [/^is reachable from finalizer$/, 'reachable from finalizer'],
  [/^is reachable from cleanup or cleanup argument$/, 'reachable from cleanup or cleanup argument'],
  [/^is in a tiny block\b/, 'in a tiny block'],
];
export const CHECKER_FATAL = 'fatal error: detected possible issues with cleanups and/or finalizers';

/**
 * Reads the checker's reports from a program's stderr. Each looks like
 *
 *     Value of type main.Conn at 0xc000010000
 *       is reachable from cleanup or cleanup argument
 *
 *     Has cleanup at 0x7f2dcc42bf88
 *       main.dial.func1()
 *           /tmp/.../main.go:21 +0x0
 *     created at:
 *       main.dial()
 *           /tmp/.../main.go:22 +0x86
 *
 * `workDir` is stripped from file names, so they are relative to the fixture.
 * Throws on a report it cannot read, so a new output format fails loudly.
 */
export function parseCheckerReports(stderr: string, workDir: string): CheckerReport[] {
  const lines = stderr.split('\n');
  const reports: CheckerReport[] = [];
  const location = (text: string | undefined): SourceLine | undefined => {
    const m = /^\s+(\S+):(\d+)(?: \+0x[0-9a-f]+)?$/.exec(text ?? '');
    if (!m || m[1].startsWith('<')) return undefined;
    const file = m[1].startsWith(workDir + '/') ? m[1].slice(workDir.length + 1) : m[1];
    return { file, line: Number(m[2]) };
  };
  for (let i = 0; i < lines.length; i++) {
    const value = /^Value of type (.+) at 0x[0-9a-f]+$/.exec(lines[i]);
    if (!value) continue;
    const fail = (what: string): never => {
      throw new Error(`checkfinalizers output not understood (${what}) at:\n${lines.slice(i, i + 12).join('\n')}`);
    };
    const what = lines[i + 1]?.trim() ?? '';
    const problem = CHECKER_PROBLEMS.find(([re]) => re.test(what))?.[1] ?? fail(`problem "${what}"`);
    let j = i + 2;
    while (j < lines.length && lines[j].trim() === '') j++;
    const has = /^Has (finalizer|cleanup) at 0x[0-9a-f]+$/.exec(lines[j] ?? '') ?? fail('no "Has finalizer/cleanup" line');
    const func = /^\s+(\S+)\(\)$/.exec(lines[j + 1] ?? '')?.[1] ?? fail('no function');
    const funcAt = location(lines[j + 2]);
    j += 3;
    if (lines[j]?.trim() !== 'created at:') fail('no "created at:"');
    const createdAt: SourceLine[] = [];
    for (j++; j + 1 < lines.length && /^\s+\S+\(.*\)$/.test(lines[j]); j += 2) {
      const at = location(lines[j + 1]);
      if (at) createdAt.push(at);
    }
    reports.push({ problem, valueType: value[1], attachment: has[1] as 'finalizer' | 'cleanup', func, funcAt, createdAt });
    i = j - 1;
  }
  return reports;
}

/** The wants that explain each problem the checker prints. */
const EXPLAINED_BY: Record<CheckerProblem, readonly RuleId[]> = {
  'reachable from finalizer': ['FG001', 'FG003'],
  'reachable from cleanup or cleanup argument': ['FG006'],
  'in a tiny block': ['FG007'],
};
/** Rules whose problem the checker must see, unless the fixture says why it cannot. */
const CHECKER_MUST_SEE: readonly RuleId[] = ['FG001', 'FG003', 'FG006'];

const SITE_CALL = /\b(SetFinalizer|AddCleanup)\s*\(/;
const SITE_DECLARATION = /\bfunc\s*(\([^)]*\)\s*)?(SetFinalizer|AddCleanup)\s*\(/;

/**
 * The lines of the fixture's own files that call SetFinalizer or AddCleanup,
 * and the lines that carry a want: a want stands on its call, which may be a
 * call through another name (a variable or parameter holding the function).
 */
export function finalizerSites(fixture: Fixture): SourceLine[] {
  const sites: SourceLine[] = [];
  for (const w of fixture.wants) {
    if (!sites.some((s) => s.file === w.file && s.line === w.line)) sites.push({ file: w.file, line: w.line });
  }
  for (const file of fixture.files) {
    readFileSync(join(fixture.dir, file), 'utf8')
      .split(/\r?\n/)
      .forEach((text, i) => {
        // A method of that name declared by the fixture is not a call.
        const code = text.split('//')[0].replace(SITE_DECLARATION, '');
        if (SITE_CALL.test(code) && !sites.some((s) => s.file === file && s.line === i + 1)) sites.push({ file, line: i + 1 });
      });
  }
  return sites.sort((a, b) => (a.file === b.file ? a.line - b.line : a.file < b.file ? -1 : 1));
}

/**
 * The call a report is about: the fixture's only site; else the site where
 * the finalizer function itself is written (a func literal on the call line);
 * else the last site at or above the innermost "created at" frame (a return
 * address is the call's line or a later one).
 */
export function siteOfReport(report: CheckerReport, sites: readonly SourceLine[]): SourceLine | undefined {
  if (sites.length === 1) return sites[0];
  const exact = sites.find((s) => s.file === report.funcAt?.file && s.line === report.funcAt.line);
  if (exact) return exact;
  for (const frame of report.createdAt) {
    const above = sites.filter((s) => s.file === frame.file && s.line <= frame.line);
    if (above.length) return above.reduce((a, b) => (b.line > a.line ? b : a));
  }
  return undefined;
}

/**
 * Where the checker and the labels disagree, one line each (empty when they
 * agree): every report must be explained by a want on its call, and every
 * FG001/FG003/FG006 want must be seen, unless the fixture is marked blind.
 * `wants` are the fixture's wants on the checker's Go release.
 */
export function checkerDisagreements(fixture: Fixture, wants: readonly Want[], reports: readonly CheckerReport[]): string[] {
  const sites = finalizerSites(fixture);
  const out = new Set<string>();
  const seen = new Set<string>();
  for (const r of reports) {
    const site = siteOfReport(r, sites);
    const what = `checkfinalizers: value of type ${r.valueType} is ${r.problem} (${r.attachment} ${r.func})`;
    if (!site) {
      out.add(`${what}: no SetFinalizer/AddCleanup call of the fixture matches it`);
      continue;
    }
    const explaining = wants.filter((w) => w.file === site.file && w.line === site.line && EXPLAINED_BY[r.problem].includes(w.ruleId));
    if (explaining.length === 0) out.add(`${what}: ${site.file}:${site.line} has no // want ${EXPLAINED_BY[r.problem].join(' or ')}`);
    for (const w of explaining) seen.add(wantKey(w));
  }
  const mustSee = wants.filter((w) => CHECKER_MUST_SEE.includes(w.ruleId));
  const blind = fixture.checkerBlind;
  if (blind !== undefined && mustSee.length === 0) {
    out.add(`"// oracle: checkfinalizers blind" on a fixture with no ${CHECKER_MUST_SEE.join('/')} want`);
  }
  for (const w of mustSee) {
    if (!seen.has(wantKey(w)) && blind === undefined) {
      out.add(`${wantKey(w)}: checkfinalizers reported nothing for it; if it cannot, the fixture says why: "// oracle: checkfinalizers blind: <reason>"`);
    }
    if (seen.has(wantKey(w)) && blind !== undefined) out.add(`${wantKey(w)}: checkfinalizers did see it, yet the fixture says "checkfinalizers blind: ${blind}"`);
  }
  return [...out];
}

/** What GODEBUG=checkfinalizers=1 made of one fixture binary. */
export interface CheckerRun {
  /** The checker ended the program with its own fatal error. */
  detected: boolean;
  reports: CheckerReport[];
  /** The run's verdict as the plain oracle reads it (for runs the checker let finish). */
  observed: Observed;
  summary: string;
  stderr: string;
}

export interface FixtureRun extends RunResult {
  toolchain: GoToolchain;
  /** Present when the toolchain's runtime has the checker and the build succeeded. */
  checker?: CheckerRun;
}

/** Builds and runs fixtures under one toolchain, with a GOCACHE shared by the whole run. */
export class Oracle {
  private readonly scratch: string;
  private readonly env: NodeJS.ProcessEnv;

  constructor(
    readonly toolchain: GoToolchain,
    private readonly limiter: Limiter,
    private readonly runTimeoutMs = 30_000,
  ) {
    this.scratch = mkdtempSync(join(tmpdir(), `fg-oracle-${toolchain.name}-`));
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      GOCACHE: join(this.scratch, 'gocache'),
      GOPATH: join(this.scratch, 'gopath'),
      GOFLAGS: '',
      GOENV: 'off',
      GOPROXY: 'off',
      GOWORK: 'off',
      GOTOOLCHAIN: 'local',
      GO111MODULE: 'on',
      CGO_ENABLED: '0',
    };
    // Tuning knobs from the caller's shell must not change what the runtime does.
    delete env.GOGC;
    delete env.GODEBUG;
    delete env.GOMAXPROCS;
    delete env.GOMEMLIMIT;
    delete env.GOROOT;
    this.env = env;
  }

  get hasChecker(): boolean {
    return releaseAtLeast(this.toolchain.release, CHECKER_RELEASE);
  }

  /**
   * Builds the fixture, runs the binary, and runs it again under the checker
   * where there is one. `fixed`: the program the fixes make of it (its golden
   * files), which a library fixture only builds.
   */
  async run(fixture: Fixture, fixed = false): Promise<FixtureRun> {
    const work = join(this.scratch, 'src', fixed ? `${fixture.name}.fixed` : fixture.name);
    const build = await this.limiter.run(() => this.build(fixture, work, fixed));
    if (build) return { ...build, toolchain: this.toolchain };
    if (!fixture.runnable) return { observed: 'built', summary: 'the package builds', stdout: '', stderr: '', toolchain: this.toolchain };
    const binary = join(work, 'fixture.bin');
    const plains: Exec[] = [];
    for (let i = 0; i < (fixture.runs?.count ?? 1); i++) plains.push(await this.limiter.run(() => exec(binary, [], work, this.env, this.runTimeoutMs)));
    const plain = plains[0]!;
    const result: FixtureRun = { ...combineRuns(plains.map(classify)), stdout: plain.stdout, stderr: plain.stderr, toolchain: this.toolchain };
    if (this.hasChecker) {
      const env = { ...this.env, GODEBUG: 'checkfinalizers=1' };
      const checked = await this.limiter.run(() => exec(binary, [], work, env, this.runTimeoutMs));
      const detected = checked.code !== 0 && checked.stderr.includes(CHECKER_FATAL);
      const reports = parseCheckerReports(checked.stderr, work);
      const verdict = detected ? { observed: 'crash' as const, summary: CHECKER_FATAL } : classify(checked);
      result.checker = { detected, reports, ...verdict, stderr: checked.stderr };
    }
    return result;
  }

  dispose(): void {
    rmSync(this.scratch, { recursive: true, force: true });
  }

  /** Copies the fixture to `work` and builds it; returns a result only when the build failed. */
  private async build(fixture: Fixture, work: string, fixed: boolean): Promise<RunResult | undefined> {
    mkdirSync(work, { recursive: true });
    if (fixed) copyFixed(fixture, work);
    else cpSync(fixture.dir, work, { recursive: true });
    if (existsSync(join(work, HARNESS_FILE))) throw new Error(`fixture ${fixture.name} must not contain ${HARNESS_FILE}`);
    if (!existsSync(join(work, 'go.mod'))) {
      writeFileSync(join(work, 'go.mod'), `module ${FIXTURE_MODULE}\n\ngo ${this.toolchain.release.join('.')}\n`);
    }
    if (fixture.runnable) writeFileSync(join(work, HARNESS_FILE), HARNESS_SOURCE);
    // Wants in a test file are about the package's tests: the test binary runs them (its tests end with gcLoop()).
    const command = fixture.wants.some((w) => isTestFile(w.file)) ? ['test', '-c'] : ['build'];
    const output = fixture.runnable ? ['-o', 'fixture.bin'] : [];
    // A fixture that is a workspace builds with its own go.work; no other go.work is ever looked for.
    const env: NodeJS.ProcessEnv = existsSync(join(work, 'go.work')) ? { ...this.env, GOWORK: join(work, 'go.work') } : { ...this.env };
    // cgo only for a fixture that is a cgo binding or uses runtime/cgo (which needs it): every other build stays free of the C toolchain.
    if (fixture.files.some((file) => /^import\s+"C"|^\s*(import\s+)?"runtime\/cgo"/m.test(readFileSync(join(fixture.dir, file), 'utf8')))) env.CGO_ENABLED = '1';
    const tags = fixture.tags ? ['-tags', fixture.tags.tags.join(',')] : [];
    const build = await exec(this.toolchain.command, [...command, ...tags, ...output, '.'], work, env, 180_000);
    if (!build.timedOut && build.code === 0) return undefined;
    return {
      observed: 'build-failed',
      summary: build.timedOut ? 'go build timed out' : build.stderr.trim().split('\n').slice(0, 6).join(' | '),
      stdout: build.stdout,
      stderr: build.stderr,
    };
  }
}
