// The runtime oracle: every runnable fixture is built and run under the real
// Go runtime, and what the program does must agree with its `// want` lines.
// See docs/fixtures.md for the convention.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Oracle, atLeast, detectGo, type RunResult } from './support/go-oracle.js';
import { expectedOutcomes, listFixtures, type Fixture } from './support/wants.js';

const go = detectGo();
const fixtures = listFixtures().filter((f) => f.runnable);
const oracle = go instanceof Error ? undefined : new Oracle(go, 2);

interface Row {
  fixture: string;
  expected: string;
  observed: string;
  summary: string;
}
const rows: Row[] = [];

// Tests run concurrently; the oracle itself lets only two builds or programs run at a time.
const pending = new Map<string, Promise<RunResult>>();
function resultOf(f: Fixture): Promise<RunResult> {
  if (!oracle) throw go instanceof Error ? go : new Error('no Go toolchain');
  let p = pending.get(f.name);
  if (!p) {
    p = oracle.run(f);
    pending.set(f.name, p);
  }
  return p;
}

function runnableHere(f: Fixture): boolean {
  return !f.marker || go instanceof Error || atLeast(go, f.marker.minGo);
}

afterAll(async () => {
  await Promise.allSettled(pending.values());
  oracle?.dispose();
  const out = process.env.FG_ORACLE_REPORT;
  if (out) writeFileSync(out, JSON.stringify(rows.sort((a, b) => a.fixture.localeCompare(b.fixture)), null, 2) + '\n');
});

describe('runtime oracle', () => {
  it('has a Go toolchain (CI installs one; a missing go is a failure, not a skip)', () => {
    if (go instanceof Error) throw go;
    expect(go.major).toBe(1);
  });

  it('has runnable fixtures to check', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(50);
  });

  for (const f of fixtures) {
    if (!runnableHere(f)) {
      const m = f.marker!;
      it.skip(`${f.name} — not run: needs go${m.minGo.join('.')} (${m.reason})`, () => {});
      continue;
    }
    const expected = expectedOutcomes(f.wants);
    it.concurrent(`${f.name}: ${expected.join(' or ')}`, async ({ expect }) => {
      const text = f.files.map((file) => readFileSync(join(f.dir, file), 'utf8')).join('\n');
      expect(text, 'a runnable fixture ends main with gcLoop()').toMatch(/\bgcLoop\(\)/);
      expect(text, 'a runnable fixture calls finalized() from its finalizer').toMatch(/\bfinalized\(\)/);
      const r = await resultOf(f);
      rows.push({ fixture: f.name, expected: expected.join(' or '), observed: r.observed, summary: r.summary });
      const detail = `${f.name}: expected ${expected.join(' or ')}, observed ${r.observed} (${r.summary})\n--- stdout\n${r.stdout}--- stderr\n${r.stderr.slice(0, 2000)}`;
      expect(expected, detail).toContain(r.observed);
      if (r.observed === 'fatal') expect(r.stderr).toMatch(/SetFinalizer|AddCleanup/);
    }, 240_000);
  }
});
