// Fixes on the fixture corpus, analysistest style: a fixture whose findings
// carry fixes has `<file>.go.golden` beside each file they change, and
// applying the fixes must give exactly that. The fixed files are gofmt's own
// output and no longer show the findings they fix; the runtime oracle builds
// and runs them (test/oracle.test.ts). See docs/fixtures.md.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyze } from '../src/engine.js';
import { planFixes } from '../src/fix/apply.js';
import { copyFixed, goldenFiles, GOLDEN_SUFFIX } from './support/fixed.js';
import { planOracle } from './support/go-oracle.js';
import { listFixtures } from './support/wants.js';

const fixtures = listFixtures();
const scratch = mkdtempSync(join(tmpdir(), 'fg-fixes-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const newest = planOracle().toolchains.at(-1);
const goroot = newest && spawnSync(newest.command, ['env', 'GOROOT'], { encoding: 'utf8', env: { ...process.env, GOTOOLCHAIN: 'local' } }).stdout.trim();

describe('fixes on the fixture corpus', () => {
  it('has fixtures with fixes, and fixtures whose findings have none', () => {
    expect(fixtures.filter((f) => goldenFiles(f).length).length).toBeGreaterThanOrEqual(3);
  });

  for (const f of fixtures) {
    it(`${f.name}: the fixes give the golden files`, async () => {
      const { findings } = await analyze([f.dir], { root: f.dir });
      const plan = planFixes(findings, (path) => readFileSync(join(f.dir, path)));
      expect(plan.overlapping, 'no two fixes of a fixture overlap').toEqual([]);
      expect(plan.changes.map((c) => c.path), `files the fixes change, each with its ${GOLDEN_SUFFIX} file`).toEqual(goldenFiles(f));
      for (const change of plan.changes) {
        expect(change.after.toString('utf8'), change.path).toBe(readFileSync(join(f.dir, change.path + GOLDEN_SUFFIX), 'utf8'));
      }
    });
  }

  for (const f of fixtures.filter((f) => goldenFiles(f).length)) {
    it(`${f.name}: the fixed package reports none of the findings fixed`, async () => {
      const fixedDir = join(scratch, f.name);
      copyFixed(f, fixedDir);
      const before = (await analyze([f.dir], { root: f.dir })).findings.filter((x) => x.fix);
      const after = (await analyze([fixedDir], { root: fixedDir })).findings;
      const key = (x: { path: string; line: number; ruleId: string }) => `${x.path}:${x.line} ${x.ruleId}`;
      expect(after.map(key).filter((k) => before.map(key).includes(k))).toEqual([]);
    });

    it.skipIf(!goroot)(`${f.name}: the golden files are gofmt-formatted`, () => {
      const files = goldenFiles(f).map((file) => join(f.dir, file + GOLDEN_SUFFIX));
      for (const file of files) {
        const r = spawnSync(join(goroot!, 'bin', 'gofmt'), [], { input: readFileSync(file), encoding: 'utf8' });
        expect(r.stderr, file).toBe('');
        expect(r.stdout, `${file} as gofmt writes it`).toBe(readFileSync(file, 'utf8'));
      }
    });
  }
});
