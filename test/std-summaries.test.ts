// The shipped summaries of the standard library (src/analysis/std-summaries.json)
// are what the engine computes from Go 1.26's source: a sample of packages is
// summarized again here and must come out the same, so data that is stale or
// edited by hand fails. Needs Debian's golang-1.26-src; skipped without it.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatSummaries, stdPackages, summarizeStd } from '../scripts/summarize-std.js';
import type { StdSummaries } from '../src/analysis/std-summaries.js';

const srcRoot = '/usr/lib/go-1.26/src';
const dataFile = new URL('../src/analysis/std-summaries.json', import.meta.url);
const sample = ['sync', 'container/list', 'bufio', 'context'];
const haveSource = existsSync(`${srcRoot}/go.mod`);
if (!haveSource) console.log(`std-summaries: ${srcRoot} is missing (apt-get install golang-1.26-src): the shipped summaries are not checked against the source`);

describe('standard library summaries', () => {
  const text = readFileSync(dataFile, 'utf8');
  const shipped = JSON.parse(text) as StdSummaries;

  it('are written as the generator writes them', () => {
    expect(formatSummaries(shipped)).toBe(text);
  });

  describe.skipIf(!haveSource)('against the Go 1.26 source', () => {
    it('cover the packages the generator summarizes, and only those', () => {
      const packages = new Set(stdPackages(srcRoot));
      for (const path of sample) expect(packages.has(path)).toBe(true);
      for (const path of Object.keys(shipped.packages)) expect(packages.has(path), path).toBe(true);
      expect([...packages].some((p) => p.startsWith('internal/') || p.includes('/internal/') || p.startsWith('cmd/'))).toBe(false);
    });

    it('of a sample of packages are what the engine computes from the source now', { timeout: 300_000 }, async () => {
      const fresh = await summarizeStd(srcRoot, sample);
      const expected = Object.fromEntries(sample.filter((p) => shipped.packages[p]).map((p) => [p, shipped.packages[p]]));
      expect(fresh.packages).toEqual(expected);
      // The sample has effects of every kind the engine applies: results, receivers and removals.
      const all = Object.values(fresh.packages).flatMap((p) => Object.values(p));
      expect(all.some((s) => s.links?.result)).toBe(true);
      expect(all.some((s) => s.links?.receiver)).toBe(true);
      expect(all.some((s) => s.removes)).toBe(true);
      // Three calls deep into its own package: WithTimeout -> WithDeadline -> WithDeadlineCause, whose timer context
      // keeps the parent through a method called on its embedded cancelCtx (c.cancelCtx.propagateCancel(parent, c)).
      expect(fresh.packages.context?.WithTimeout?.links?.result).toContain('0');
    });
  });
});
