// Hostile input that Go accepts (or rejects): nesting deeper than any
// recursive walk survives, and shapes on which a careless algorithm goes
// super-linear. Each ends in findings or a notice, never a crash, and the
// same on every thread; the work is bounded by counted steps, not by time
// (npm run bench times the full sizes).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { analyze } from '../src/engine.js';
import { deepInputs, rejectedInputs, searchedHolder, slowInputs } from './support/pathological.mjs';
import { searchBudget } from '../src/analysis/paths.js';

const cli = join(resolve(dirname(fileURLToPath(import.meta.url)), '..'), 'dist', 'cli.js');
const work = mkdtempSync(join(tmpdir(), 'fg-hostile-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Deeper than any of these crashed the recursive walks (func literals at 416, binary chains at about 3,300). */
const depth = 5000;

function writeTree(name: string, packages: Record<string, Record<string, string>>): string {
  const tree = join(work, name);
  for (const [dir, files] of Object.entries(packages)) {
    mkdirSync(join(tree, dir), { recursive: true });
    for (const [file, text] of Object.entries(files)) writeFileSync(join(tree, dir, file), text);
  }
  return tree;
}

function runCli(tree: string, threads: number) {
  const r = spawnSync(process.execPath, [cli, '--format', 'json', './...'], {
    cwd: tree,
    encoding: 'utf8',
    // A loop through every type of the type chain is reported with every step: more than the default 1 MiB.
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, FINALIZER_GUARD_THREADS: String(threads) },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface Reported {
  ruleId: string;
  path: string;
  message: string;
}

describe('nesting as deep as Go allows, and code Go rejects', () => {
  const inputs = { ...deepInputs(depth), ...rejectedInputs() };
  const tree = writeTree('deep', Object.fromEntries(Object.entries(inputs).map(([name, text]) => [name, { 'p.go': text }])));
  const one = runCli(tree, 1);
  const findings: Reported[] = JSON.parse(one.stdout || '{"findings":[]}').findings;
  const notices = (name: string) => findings.filter((f) => f.path === `${name}/p.go` && f.ruleId === 'FG000').map((f) => f.message);

  it('ends with findings, never an internal error', () => {
    expect(one.stderr).not.toMatch(/internal error|Maximum call stack/);
    expect(one.code).toBe(0);
    // Types nested deeper than the model follows have no known layout or loop: those two end clean.
    // A type that holds itself by value, which Go rejects, has no store that could link a loop: no FG002.
    const clean = ['value-type-chain', 'alias-chain', 'type-contains-itself', 'struct-contains-itself'];
    for (const name of Object.keys(inputs)) expect(findings.some((f) => f.path === `${name}/p.go`), name).toBe(!clean.includes(name));
  });

  it('says where deep code stopped being analyzed', () => {
    for (const name of ['func-literals', 'ifs', 'blocks', 'composite-literals', 'calls', 'selectors', 'parentheses', 'binary-chain', 'variable-chain', 'initialization-cycle']) {
      expect(notices(name), name).toEqual([expect.stringMatching(/^analysis bounded here: the code nests more than \d+ levels deep; setUp is not analyzed beyond this point$/)]);
    }
  });

  it('names a //go:build line the go tool rejects', () => {
    for (const name of ['go-build', 'double-negation-build']) expect(notices(name), name).toEqual([expect.stringContaining('the //go:build line is not a build expression the go tool accepts')]);
  });

  it('gives the same output on worker threads as on the main thread', { timeout: 120_000 }, () => {
    const two = runCli(tree, 3);
    expect(two.code).toBe(one.code);
    expect(two.stdout).toBe(one.stdout);
  });
});

describe('shapes on which a careless algorithm goes super-linear', () => {
  /** Each input at two sizes, in process: the work counted must grow with the input, not faster. */
  const small = 0.01;
  /** Scales at which these shapes are still smaller than full size, and above their least size. */
  // The long Open reads and writes ever more references per step as it grows: from a quarter of its size on, only its budget of them keeps it linear.
  const smallFor: Record<string, number> = { 'nested-value-structs': 0.5, 'variables-times-objects': 0.05, 'embedding-fan-out': 0.25, 'long-open': 0.25 };
  /**
   * Shapes whose added input no site can reach: it is not read or not interpreted at all, so the work stays the same
   * (the 5,000 files each declare a type of their own; code linking nodes cannot close a loop through a handle no node points to).
   */
  const unreached = new Set(['many-files', 'cycle-among-removers', 'links-that-never-lead-back']);
  const measure = async (name: string, scale: number) => {
    const files = slowInputs(scale)[name]!;
    const tree = writeTree(`slow-${name}-${scale}`, { [name]: files });
    const bytes = Object.values(files).reduce((n, text) => n + Buffer.byteLength(text), 0);
    const { stats, findings } = await analyze(['./...'], { root: tree });
    return { bytes, stats, findings };
  };

  for (const name of Object.keys(slowInputs(small))) {
    it(`${name}: work grows linearly with the input`, { timeout: 120_000 }, async () => {
      const scale = smallFor[name] ?? small;
      const one = await measure(name, scale);
      const two = await measure(name, scale * 2);
      expect(one.stats.packages, 'the package is analyzed').toBe(1);
      expect(two.bytes).toBeGreaterThan(one.bytes);
      // Steps per byte of input stay bounded as the input doubles (a quadratic walk would double them).
      expect(two.stats.steps / two.bytes).toBeLessThanOrEqual((one.stats.steps / one.bytes) * 1.25 + 0.01);
      expect(two.stats.parsedFiles).toBeLessThanOrEqual(one.stats.parsedFiles * 2 + 1);
      if (unreached.has(name)) {
        expect(two.stats.parsedFiles, 'files read').toBe(one.stats.parsedFiles);
        expect(two.stats.steps, 'steps').toBe(one.stats.steps);
      }
    });
  }

  it('says where a function whose values gather ever more objects stopped being analyzed', { timeout: 120_000 }, async () => {
    const { findings } = await measure('long-open', 1);
    expect(findings.filter((f) => f.ruleId === 'FG000').map((f) => f.message)).toEqual([
      expect.stringMatching(/^analysis bounded here: it reads and writes more than \d+ references; Open is not analyzed beyond this point$/),
    ]);
  });

  it('ends the check of a call whose searches read more references than their budget in a notice', { timeout: 120_000 }, async () => {
    const calls = 8;
    const notices = async (elements: number) => {
      const tree = writeTree(`searched-holder-${elements}`, { holder: searchedHolder(elements, calls) });
      const { findings } = await analyze(['./...'], { root: tree });
      return findings.filter((f) => f.ruleId === 'FG000').map((f) => `${f.line} ${f.message}`);
    };
    // Each call's searches read about three references per element: 45,000 elements take the eight past the budget,
    // and the same shape a hundredth of the budget's size is checked to the end.
    expect(await notices(Math.round(searchBudget / calls / 100))).toEqual([]);
    expect(await notices(45_000)).toEqual([
      `10 analysis bounded here: checking the call reads more than ${searchBudget} references; the call is not checked beyond that`,
    ]);
  });
});
