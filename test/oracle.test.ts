// The runtime oracle: every runnable fixture is built and run under the real
// Go runtime, Go 1.19 and Go 1.26, and what the program does must agree with
// its `// want` lines for that release. Under Go 1.26 the same binary also
// runs with GODEBUG=checkfinalizers=1, the runtime's own checker, as a second
// oracle. See docs/fixtures.md for the convention.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyze } from '../src/engine.js';
import { goldenFiles } from './support/fixed.js';
import { Limiter, Oracle, checkerDisagreements, planOracle, type FixtureRun } from './support/go-oracle.js';
import {
  expectedOutcomes,
  listFixtures,
  rangeLabel,
  releaseAtLeast,
  wantKey,
  wantsOn,
  type Fixture,
  type Want,
} from './support/wants.js';

const fixtures = listFixtures().filter((f) => f.runnable);
/** Fixtures whose findings carry fixes: their fixed programs are built, and run when they are programs. */
const fixable = listFixtures().filter((f) => goldenFiles(f).length > 0);
const plan = planOracle();
// Outside CI, a machine without Go runs everything else and says, in one line, how to run this too.
if (plan.skipLine) console.warn(plan.skipLine);
const limiter = new Limiter(2);
const oracles = plan.toolchains.map((t) => new Oracle(t, limiter));

/** One row of the results table (FG_ORACLE_REPORT). */
interface Row {
  fixture: string;
  wants: string;
  /** Per toolchain name: expected, observed and the run's one-line summary. */
  runs: Record<string, { expected: string; observed: string; summary: string }>;
  /** What GODEBUG=checkfinalizers=1 printed, one entry per distinct problem. */
  checkfinalizers?: string[];
  checkerBlind?: string;
  /** The release the fixture needs (`// oracle: goX.Y`), if any. */
  needs?: string;
  /** Where the checker and the wants disagree; the test fails on any. */
  checkerDisagreements?: string[];
}
const rows = new Map<string, Row>();

function rowOf(f: Fixture): Row {
  let row = rows.get(f.name);
  if (!row) {
    const wants = f.wants.map((w: Want) => [w.ruleId, rangeLabel(w.go)].filter(Boolean).join(' '));
    const needs = f.marker && `go${f.marker.minGo.join('.')}`;
    row = { fixture: f.name, wants: wants.join(', '), runs: {}, checkerBlind: f.checkerBlind, needs };
    rows.set(f.name, row);
  }
  return row;
}

// Each fixture is built and run once per toolchain; the outcome test and the checker test share it.
const pending = new Map<string, Promise<FixtureRun>>();
function resultOf(oracle: Oracle, f: Fixture): Promise<FixtureRun> {
  const key = `${oracle.toolchain.name} ${f.name}`;
  let p = pending.get(key);
  if (!p) {
    p = oracle.run(f);
    pending.set(key, p);
  }
  return p;
}

afterAll(async () => {
  await Promise.allSettled(pending.values());
  for (const o of oracles) o.dispose();
  const out = process.env.FG_ORACLE_REPORT;
  if (out) {
    const sorted = [...rows.values()].sort((a, b) => a.fixture.localeCompare(b.fixture));
    const toolchains = Object.fromEntries(plan.toolchains.map((t) => [t.name, t.version]));
    const checker = oracles.find((o) => o.hasChecker)?.toolchain.version;
    writeFileSync(out, JSON.stringify({ toolchains, checker, fixtures: sorted }, null, 2) + '\n');
  }
  // Removing two build caches takes a while on a busy machine.
}, 120_000);

describe('runtime oracle', () => {
  if (plan.skipLine) {
    it.skip(plan.skipLine, () => {});
  } else {
    it('has Go 1.19 and Go 1.26 (in CI a missing toolchain is a failure, never a skip)', () => {
      for (const missing of plan.missing) throw missing;
      expect(plan.toolchains.map((t) => t.name)).toEqual(['go1.19', 'go1.26']);
    });
  }

  it('has runnable fixtures to check', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(50);
  });

  for (const oracle of oracles) {
    const go = oracle.toolchain;
    describe(go.name, () => {
      // A fixture that needs a newer release (AddCleanup, weak) has no test under an older one.
      for (const f of fixtures.filter((f) => !f.marker || releaseAtLeast(go.release, f.marker.minGo))) {
        const expected = expectedOutcomes(wantsOn(go.release, f.wants));
        it.concurrent(`${f.name}: ${expected.join(' or ')}`, async ({ expect }) => {
          const text = f.files.map((file) => readFileSync(join(f.dir, file), 'utf8')).join('\n');
          expect(text, 'a runnable fixture ends main with gcLoop()').toMatch(/\bgcLoop\(\)/);
          expect(text, 'a runnable fixture calls finalized() from its finalizer').toMatch(/\bfinalized\(\)/);
          const r = await resultOf(oracle, f);
          rowOf(f).runs[go.name] = { expected: expected.join(' or '), observed: r.observed, summary: r.summary };
          const detail = `${f.name} on ${go.version}: expected ${expected.join(' or ')}, observed ${r.observed} (${r.summary})\n--- stdout\n${r.stdout}--- stderr\n${r.stderr.slice(0, 2000)}`;
          expect(expected, detail).toContain(r.observed);
          if (r.observed === 'fatal') expect(r.stderr).toMatch(/SetFinalizer|AddCleanup/);
          // An FG006 message says whether AddCleanup panics on this release: the runtime must agree.
          if (wantsOn(go.release, f.wants).some((w) => w.ruleId === 'FG006')) {
            const { findings } = await analyze([f.dir], { root: f.dir, goVersion: go.release.join('.') });
            for (const finding of findings.filter((x) => x.ruleId === 'FG006')) {
              expect(/AddCleanup panics at the call/.test(finding.message), `${detail}\n--- message\n${finding.message}`).toBe(r.observed === 'panic');
            }
          }
        }, 240_000);

        if (!oracle.hasChecker) continue;
        it.concurrent(`${f.name}: GODEBUG=checkfinalizers=1 agrees with the wants`, async ({ expect }) => {
          const r = await resultOf(oracle, f);
          const checker = r.checker;
          if (!checker) throw new Error(`${f.name}: not checked, the build failed: ${r.summary}`);
          const problems = [...new Set(checker.reports.map((c) => `${c.valueType} is ${c.problem} (${c.attachment} ${c.func})`))];
          rowOf(f).checkfinalizers = problems;
          const detail = `${f.name} under GODEBUG=checkfinalizers=1:\n--- stderr\n${checker.stderr.slice(0, 3000)}`;
          if (checker.detected) expect(checker.reports.length, `${detail}\nthe checker stopped the program, but no report was read`).toBeGreaterThan(0);
          // Without a report the checker must not change what the program does.
          else expect(checker.observed, `${detail}\nplain run: ${r.observed} (${r.summary})`).toBe(r.observed);
          const disagreements = checkerDisagreements(f, wantsOn(go.release, f.wants), checker.reports);
          rowOf(f).checkerDisagreements = disagreements;
          expect(disagreements, detail).toEqual([]);
        }, 240_000);
      }

      // The fixed program does what the runtime should with the wants that no fix mends: with none left, the finalizer runs.
      for (const f of fixable.filter((f) => !f.marker || releaseAtLeast(go.release, f.marker.minGo))) {
        it.concurrent(`${f.name} fixed: ${f.runnable ? 'what the wants left say' : 'built'}`, async ({ expect }) => {
          const { findings } = await analyze([f.dir], { root: f.dir, goVersion: go.release.join('.') });
          const fixed = new Set(findings.filter((x) => x.fix).map((x) => wantKey({ file: x.path, line: x.line, ruleId: x.ruleId })));
          const left = wantsOn(go.release, f.wants).filter((w) => !fixed.has(wantKey(w)));
          const expected = f.runnable ? expectedOutcomes(left) : ['built'];
          const r = await oracle.run(f, true);
          const detail = `${f.name} fixed, on ${go.version}: expected ${expected.join(' or ')}, observed ${r.observed} (${r.summary})\n--- stdout\n${r.stdout}--- stderr\n${r.stderr.slice(0, 2000)}`;
          expect(expected, detail).toContain(r.observed);
          // Nothing left: the checker must see nothing either.
          const disagreements = r.checker && (left.length ? checkerDisagreements(f, left, r.checker.reports) : r.checker.reports);
          if (r.checker) expect(disagreements, `${detail}\n--- checkfinalizers\n${r.checker.stderr.slice(0, 2000)}`).toEqual([]);
        }, 240_000);
      }
    });
  }
});
