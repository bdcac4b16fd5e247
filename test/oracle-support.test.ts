// The oracle's own logic: version tokens on wants, reading what
// GODEBUG=checkfinalizers=1 prints, matching it to the wants, and what the
// oracle does on a machine without Go (skip with one line; in CI, fail).
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  INSTALL_COMMAND,
  TOOLCHAINS,
  checkerDisagreements,
  combineRuns,
  detectToolchain,
  finalizerSites,
  parseCheckerReports,
  planOracle,
  siteOfReport,
} from './support/go-oracle.js';
import { expectedOutcomes, loadFixture, parseCheckerBlind, parseOracleMarker, parseOracleRuns, parseOracleTags, parseWants, wantsOn } from './support/wants.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

describe('wants for one Go release', () => {
  it('reads a trailing goX.Y or !goX.Y as the releases the fact holds on', () => {
    const [w] = parseWants('a.go', 'x() // want FG007 go1.26\n');
    expect(w).toEqual({ file: 'a.go', line: 1, ruleId: 'FG007', go: { release: [1, 26], before: false } });
    const both = parseWants('a.go', 'x() // want FG001 FG003 !go1.26\n');
    expect(both.map((x) => x.go)).toEqual([
      { release: [1, 26], before: true },
      { release: [1, 26], before: true },
    ]);
  });

  it('rejects a version in the wrong place or twice', () => {
    expect(() => parseWants('a.go', 'x() // want go1.26\n')).toThrow(/before the Go version/);
    expect(() => parseWants('a.go', 'x() // want FG007 go1.26 FG001\n')).toThrow(/version comes last/);
    expect(() => parseWants('a.go', 'x() // want FG007 go1.26 !go1.19\n')).toThrow(/second Go version/);
    expect(() => parseWants('a.go', 'x() // want FG007 go1\n')).toThrow(/unknown rule "go1"/);
  });

  it('keeps on each release only the wants that hold there, and derives the outcome from them', () => {
    const wants = parseWants('a.go', 'x() // want FG007 go1.26\n');
    expect(wantsOn([1, 19], wants)).toEqual([]);
    expect(wantsOn([1, 26], wants)).toEqual(wants);
    expect(wantsOn([1, 27], wants)).toEqual(wants);
    expect(expectedOutcomes(wantsOn([1, 19], wants))).toEqual(['ran']);
    expect(expectedOutcomes(wantsOn([1, 26], wants))).toEqual(['never']);
    const old = parseWants('a.go', 'x() // want FG007 !go1.26\n');
    expect(wantsOn([1, 19], old)).toEqual(old);
    expect(wantsOn([1, 26], old)).toEqual([]);
  });

  it('reads the checkfinalizers-blind line beside the release marker', () => {
    const text = '// oracle: go1.24: AddCleanup\n// oracle: checkfinalizers blind: goroutine roots\npackage main\n';
    expect(parseOracleMarker('a.go', text)).toEqual({ minGo: [1, 24], reason: 'AddCleanup' });
    expect(parseCheckerBlind('a.go', text)).toBe('goroutine roots');
    expect(parseCheckerBlind('a.go', 'package main\n')).toBeUndefined();
    expect(() => parseOracleMarker('a.go', '// oracle: checkfinalizers deaf: x\n')).toThrow(/checkfinalizers blind/);
  });

  it('reads how many runs decide a fixture, within bounds, once', () => {
    const text = '// oracle: go1.24: AddCleanup\n// oracle: runs 5: tiny blocks\npackage main\n';
    expect(parseOracleRuns('a.go', text)).toEqual({ count: 5, reason: 'tiny blocks' });
    expect(parseOracleMarker('a.go', text)).toEqual({ minGo: [1, 24], reason: 'AddCleanup' });
    expect(parseOracleRuns('a.go', 'package main\n')).toBeUndefined();
    expect(() => parseOracleRuns('a.go', '// oracle: runs 1: x\n')).toThrow(/2 to 20 runs, not 1/);
    expect(() => parseOracleRuns('a.go', '// oracle: runs 5: x\n// oracle: runs 6: y\n')).toThrow(/second "runs"/);
    expect(() => parseOracleMarker('a.go', '// oracle: runs many: x\n')).toThrow(/runs N: reason/);
  });

  it('reads the build tags a fixture is run with', () => {
    const text = '// oracle: tags invariants,tracing: a no-op wrapper without them\npackage main\n';
    expect(parseOracleTags('a.go', text)).toEqual({ tags: ['invariants', 'tracing'], reason: 'a no-op wrapper without them' });
    expect(parseOracleMarker('a.go', text)).toBeUndefined();
    expect(parseOracleTags('a.go', 'package main\n')).toBeUndefined();
    expect(() => parseOracleTags('a.go', '// oracle: tags a: x\n// oracle: tags b: y\n')).toThrow(/second "tags"/);
    expect(() => parseOracleMarker('a.go', '// oracle: tags : x\n')).toThrow(/tags a,b: reason/);
    expect(loadFixture('fg007_cleanup_tiny_struct').runs?.count).toBe(5);
  });
});

describe('a fixture decided by several runs', () => {
  const never = { observed: 'never' as const, summary: 'finalizer never ran in 100 collections' };
  const ran = { observed: 'ran' as const, summary: 'finalizer ran 32 time(s) by collection 2' };
  it('takes the one outcome every run showed, and says how many runs showed it', () => {
    expect(combineRuns([never])).toEqual(never);
    expect(combineRuns([ran, ran, ran])).toEqual({ observed: 'ran', summary: '3 of 3 runs: finalizer ran 32 time(s) by collection 2' });
  });
  it('is unstable, with the count of each outcome, when one run differs', () => {
    expect(combineRuns([never, never, ran, never])).toEqual({ observed: 'unstable', summary: 'runs disagree: 3 never, 1 ran of 4' });
    expect(expectedOutcomes([])).not.toContain('unstable');
  });
});

// What Go 1.26.11 printed for fixtures of the corpus, with the scratch directory replaced by WORK.
const CYCLE_REPORT = `WARNING: LIKELY CLEANUP/FINALIZER ISSUES

Value of type main.Buffer at 0x181f59aa0000
  is reachable from finalizer

Has finalizer at 0x7fb943764070
  main.(*Pool).Get.func1()
      WORK/main.go:20 +0x0
created at: 
  main.(*Pool).Get()
      WORK/main.go:21 +0xf2

fatal error: detected possible issues with cleanups and/or finalizers
`;
const METHOD_VALUE_REPORT = `Value of type main.Buffer at 0xa9fc2d3a060
  is reachable from finalizer

Has finalizer at 0x7fb1c5808ca8
  main.(*Buffer).release-fm()
      <autogenerated>:1 +0x0
created at: 
  main.main()
      WORK/main.go:23 +0xba
`;
const TINY_REPORTS = `Value of type int32 at 0x1b019cc86008
  is in a tiny block with other (possibly long-lived) values

Has finalizer at 0x7f214e65f070
  main.counter.func1()
      WORK/main.go:11 +0x0
created at: 
  main.counter()
      WORK/main.go:12 +0x47

Value of type int32 at 0x1b019cc8600c
  is in a tiny block with other (possibly long-lived) values

Has cleanup at 0x7f214e65f0a8
  main.counter.func1()
      WORK/main.go:11 +0x0
created at: 
  main.counter()
      WORK/main.go:12 +0x47
`;

describe('reading GODEBUG=checkfinalizers=1', () => {
  it('reads each report: problem, type, function and where it was attached', () => {
    expect(parseCheckerReports(CYCLE_REPORT, 'WORK')).toEqual([
      {
        problem: 'reachable from finalizer',
        valueType: 'main.Buffer',
        attachment: 'finalizer',
        func: 'main.(*Pool).Get.func1',
        funcAt: { file: 'main.go', line: 20 },
        createdAt: [{ file: 'main.go', line: 21 }],
      },
    ]);
    const [method] = parseCheckerReports(METHOD_VALUE_REPORT, 'WORK');
    expect(method.func).toBe('main.(*Buffer).release-fm');
    expect(method.funcAt).toBeUndefined();
    const tiny = parseCheckerReports(TINY_REPORTS, 'WORK');
    expect(tiny.map((r) => `${r.problem} ${r.attachment}`)).toEqual(['in a tiny block finalizer', 'in a tiny block cleanup']);
    expect(parseCheckerReports('fatal error: runtime.SetFinalizer: first argument is int, not pointer\n', 'WORK')).toEqual([]);
  });

  it('fails loudly on a report it cannot read', () => {
    expect(() => parseCheckerReports('Value of type main.T at 0x1\n  is haunted\n', 'WORK')).toThrow(/not understood \(problem "is haunted"\)/);
  });

  it('maps a report to its call: the only site, the func literal on the call line, or the call above the return address', () => {
    const cycle = parseCheckerReports(CYCLE_REPORT, 'WORK')[0];
    const twoSites = loadFixture('fg001_cleared_before_set');
    expect(finalizerSites(twoSites).map((s) => s.line)).toEqual([20, 24]);
    expect(siteOfReport(cycle, finalizerSites(twoSites))).toEqual({ file: 'main.go', line: 20 });
    expect(siteOfReport({ ...cycle, funcAt: undefined }, finalizerSites(twoSites))).toEqual({ file: 'main.go', line: 20 });
    expect(siteOfReport({ ...cycle, funcAt: undefined, createdAt: [{ file: 'main.go', line: 3 }] }, finalizerSites(twoSites))).toBeUndefined();
    const oneSite = loadFixture('fg003_bound_method_value');
    const method = parseCheckerReports(METHOD_VALUE_REPORT, 'WORK')[0];
    expect(siteOfReport(method, finalizerSites(oneSite))).toEqual(finalizerSites(oneSite)[0]);
    // A call through a variable that holds runtime.SetFinalizer is a site too: its want marks it.
    const throughName = loadFixture('fg001_finalizer_through_package_variable');
    expect(finalizerSites(throughName)).toEqual([{ file: 'main.go', line: 20 }]);
  });

  it('agrees only when every report is explained and every FG001/FG003/FG006 want is seen', () => {
    const cycleFixture = loadFixture('fg001_cleared_before_set');
    const cycle = parseCheckerReports(CYCLE_REPORT, 'WORK');
    expect(checkerDisagreements(cycleFixture, cycleFixture.wants, cycle)).toEqual([]);
    expect(checkerDisagreements(cycleFixture, cycleFixture.wants, [])).toEqual([
      'main.go:20 FG001: checkfinalizers reported nothing for it; if it cannot, the fixture says why: "// oracle: checkfinalizers blind: <reason>"',
    ]);
    const tinyAtCycle = cycle.map((r) => ({ ...r, problem: 'in a tiny block' as const }));
    expect(checkerDisagreements(cycleFixture, cycleFixture.wants, [...cycle, ...tinyAtCycle])).toEqual([
      'checkfinalizers: value of type main.Buffer is in a tiny block (finalizer main.(*Pool).Get.func1): main.go:20 has no // want FG007',
    ]);
    const clean = loadFixture('clean_alias_import');
    expect(checkerDisagreements(clean, clean.wants, [])).toEqual([]);
    expect(checkerDisagreements(clean, clean.wants, cycle)[0]).toMatch(/has no \/\/ want FG001 or FG003$/);
  });

  it('holds a blind line to its word: a fixture the checker does see may not say it is blind', () => {
    const panics = loadFixture('fg006_cleanup_arg_is_ptr');
    expect(panics.checkerBlind).toBe('AddCleanup panics before any GC');
    expect(checkerDisagreements(panics, panics.wants, [])).toEqual([]);
    const [site] = finalizerSites(panics);
    const seen = parseCheckerReports(CYCLE_REPORT, 'WORK').map((r) => ({
      ...r,
      problem: 'reachable from cleanup or cleanup argument' as const,
      funcAt: site,
    }));
    expect(checkerDisagreements(panics, panics.wants, seen)).toEqual([
      `main.go:${site.line} FG006: checkfinalizers did see it, yet the fixture says "checkfinalizers blind: AddCleanup panics before any GC"`,
    ]);
  });
});

describe('a machine without Go', () => {
  const noGo = { FG_GO119: '/nonexistent/go1.19/bin/go', FG_GO126: '/nonexistent/go1.26/bin/go' };

  it('outside CI: the oracle is skipped with one line naming the install command', () => {
    const plan = planOracle({ ...process.env, CI: '', FG_GO126: noGo.FG_GO126 });
    expect(plan.missing.map((e) => e.message)).toEqual([expect.stringMatching(/^go1\.26 not found: "\/nonexistent\/go1\.26\/bin\/go": no such command \(FG_GO126 names another\)$/)]);
    expect(plan.skipLine).toContain(`run "${INSTALL_COMMAND}" to enable it`);
    expect(plan.skipLine).not.toContain('\n');
  });

  it('in CI: a missing toolchain is a failure, never a skip', () => {
    const plan = planOracle({ ...process.env, CI: 'true', ...noGo });
    expect(plan.toolchains).toEqual([]);
    expect(plan.missing).toHaveLength(2);
    expect(plan.skipLine).toBeUndefined();
  });

  const go126 = detectToolchain(TOOLCHAINS[1]);
  it.skipIf(go126 instanceof Error && process.env.CI !== 'true')('a toolchain of another release is refused, naming the variable to set', () => {
    if (go126 instanceof Error) throw go126;
    const plan = planOracle({ ...process.env, CI: 'true', FG_GO119: go126.command }, TOOLCHAINS.slice(0, 1));
    expect(plan.missing.map((e) => e.message)).toEqual([`go1.19: "${go126.command}" is ${go126.version}, not go1.19 (FG_GO119 names another)`]);
  });

  // The README's `npm test` on a fresh machine: the oracle file itself, run as vitest runs it.
  const runOracleFile = (ci: string) =>
    spawnSync(process.execPath, [join(repoRoot, 'node_modules', 'vitest', 'vitest.mjs'), 'run', 'test/oracle.test.ts'], {
      cwd: repoRoot,
      encoding: 'utf8',
      env: { ...process.env, ...noGo, CI: ci, FG_ORACLE_REPORT: '', NO_COLOR: '1' },
      timeout: 120_000,
    });

  it('npm test without Go passes, and prints the skip line once', () => {
    const r = runOracleFile('');
    const out = r.stdout + r.stderr;
    expect(r.status, out).toBe(0);
    expect(out.split('\n').filter((l) => l.startsWith('runtime oracle skipped, go1.19 not found'))).toHaveLength(1);
    expect(out).toContain(INSTALL_COMMAND);
  }, 130_000);

  it('CI without Go fails', () => {
    const r = runOracleFile('true');
    const out = r.stdout + r.stderr;
    expect(r.status, out).toBe(1);
    expect(out).toContain('go1.19 not found');
  }, 130_000);
});
