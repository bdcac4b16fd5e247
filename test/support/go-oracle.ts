// Builds and runs a fixture under the real Go runtime. The fixture is copied
// into a scratch directory together with a go.mod and one extra file that
// supplies finalized() and gcLoop(); the analysis engine never sees that file.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isTestFile, type Fixture, type Outcome } from './wants.js';

/** Module path of every fixture copy: fixtures import their own sub-packages as fixture/NAME. */
export const FIXTURE_MODULE = 'fixture';
export const HARNESS_FILE = 'zz_oracle_harness.go';
/** Collections gcLoop performs before it gives up on the finalizer. */
export const GC_ROUNDS = 100;

const VERDICT_RAN = 'fg-oracle: finalizer ran';
const VERDICT_NEVER = 'fg-oracle: finalizer never ran';

export const HARNESS_SOURCE = `// Added by the finalizer-guard oracle to a scratch copy of a fixture.
package main

import (
	"fmt"
	"os"
	"runtime"
	"sync/atomic"
	"time"
)

var fgOracleRuns int32

// finalized records that the fixture's finalizer (or cleanup) ran.
func finalized() { atomic.AddInt32(&fgOracleRuns, 1) }

// gcLoop collects until the finalizer has run or ${GC_ROUNDS} collections
// have passed, prints the verdict and ends the program.
func gcLoop() {
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

export interface GoToolchain {
  version: string;
  major: number;
  minor: number;
}

/** The go on PATH, or an Error saying why there is none usable. */
export function detectGo(): GoToolchain | Error {
  const r = spawnSync('go', ['env', 'GOVERSION'], { encoding: 'utf8', env: { ...process.env, GOTOOLCHAIN: 'local' } });
  if (r.error) return new Error(`go is not installed or not on PATH (${r.error.message})`);
  const version = r.stdout.trim();
  const m = /^go(\d+)\.(\d+)/.exec(version);
  if (r.status !== 0 || !m) return new Error(`"go env GOVERSION" failed: ${r.stderr.trim() || version}`);
  return { version, major: Number(m[1]), minor: Number(m[2]) };
}

export function atLeast(go: GoToolchain, [major, minor]: [number, number]): boolean {
  return go.major > major || (go.major === major && go.minor >= minor);
}

export type Observed = Outcome | 'no-verdict' | 'crash' | 'timeout' | 'build-failed';

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

/** Runs at most `limit` fixture builds and programs at a time. */
export class Oracle {
  private readonly scratch: string;
  private readonly env: NodeJS.ProcessEnv;
  private active = 0;
  private readonly queue: Array<() => void> = [];

  constructor(
    private readonly go: GoToolchain,
    private readonly limit = 2,
    private readonly runTimeoutMs = 30_000,
  ) {
    this.scratch = mkdtempSync(join(tmpdir(), 'fg-oracle-'));
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
    this.env = env;
  }

  async run(fixture: Fixture): Promise<RunResult> {
    await this.acquire();
    try {
      return await this.buildAndRun(fixture);
    } finally {
      this.release();
    }
  }

  dispose(): void {
    rmSync(this.scratch, { recursive: true, force: true });
  }

  private acquire(): Promise<void> {
    if (this.active < this.limit) {
      this.active++;
      return Promise.resolve();
    }
    return new Promise((r) => this.queue.push(r));
  }

  private release(): void {
    const next = this.queue.shift();
    if (next) next();
    else this.active--;
  }

  private async buildAndRun(fixture: Fixture): Promise<RunResult> {
    const work = join(this.scratch, 'src', fixture.name);
    mkdirSync(work, { recursive: true });
    cpSync(fixture.dir, work, { recursive: true });
    if (existsSync(join(work, HARNESS_FILE))) throw new Error(`fixture ${fixture.name} must not contain ${HARNESS_FILE}`);
    if (!existsSync(join(work, 'go.mod'))) {
      writeFileSync(join(work, 'go.mod'), `module ${FIXTURE_MODULE}\n\ngo ${this.go.major}.${this.go.minor}\n`);
    }
    writeFileSync(join(work, HARNESS_FILE), HARNESS_SOURCE);
    // Wants in a test file are about the package's tests: the test binary runs them (its tests end with gcLoop()).
    const command = fixture.wants.some((w) => isTestFile(w.file)) ? ['test', '-c'] : ['build'];
    const build = await exec('go', [...command, '-o', 'fixture.bin', '.'], work, this.env, 180_000);
    if (build.timedOut || build.code !== 0) {
      return {
        observed: 'build-failed',
        summary: build.timedOut ? 'go build timed out' : build.stderr.trim().split('\n').slice(0, 6).join(' | '),
        stdout: build.stdout,
        stderr: build.stderr,
      };
    }
    const run = await exec(join(work, 'fixture.bin'), [], work, this.env, this.runTimeoutMs);
    return { ...classify(run), stdout: run.stdout, stderr: run.stderr };
  }
}
