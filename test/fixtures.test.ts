// The engine against the fixture corpus: every `// want` must be reported at
// its line with its rule id, and nothing else may be reported.
// See docs/fixtures.md for the convention.
import { describe, expect, it } from 'vitest';
import type { Finding } from '../src/findings.js';
import { compareFindings, describeMismatch } from './support/compare.js';
import { RULES, expectedOutcomes, isRuleId, listFixtures, parseOracleMarker, parseWants, type Fixture } from './support/wants.js';

const fixtures = listFixtures();

async function findingsOf(f: Fixture): Promise<Finding[]> {
  const { analyze } = await import('../src/engine.js');
  if (typeof analyze !== 'function') throw new Error('src/engine.ts does not export analyze() yet');
  const { findings } = await analyze([f.dir], { root: f.dir });
  return findings;
}

describe('want parsing and matching', () => {
  it('reads one or more rule ids from a trailing // want', () => {
    const src = 'package p\n\nfunc f() {\n\truntime.SetFinalizer(x, g) // want FG001 FG003\n\truntime.SetFinalizer(y, nil)\n}\n';
    expect(parseWants('a.go', src)).toEqual([
      { file: 'a.go', line: 4, ruleId: 'FG001' },
      { file: 'a.go', line: 4, ruleId: 'FG003' },
    ]);
  });

  it('rejects a malformed want instead of ignoring it', () => {
    expect(() => parseWants('a.go', 'x() // want\n')).toThrow(/names no rule/);
    expect(() => parseWants('a.go', 'x() // want FG01\n')).toThrow(/unknown rule "FG01"/);
    expect(() => parseWants('a.go', 'x() // want FG001, FG002\n')).toThrow(/unknown rule "FG001,"/);
    expect(() => parseWants('a.go', 'x() // want FG001 FG001\n')).toThrow(/twice/);
  });

  it('reads the oracle marker and rejects any other oracle comment', () => {
    expect(parseOracleMarker('a.go', '// oracle: go1.24: AddCleanup\npackage main\n')).toEqual({ minGo: [1, 24], reason: 'AddCleanup' });
    expect(parseOracleMarker('a.go', 'package main\n')).toBeUndefined();
    expect(() => parseOracleMarker('a.go', '// oracle: skip\n')).toThrow(/goX\.Y/);
  });

  it('derives the runtime outcome from the wants', () => {
    const w = (...ids: string[]) => parseWants('a.go', `x() // want ${ids.join(' ')}\n`);
    expect(expectedOutcomes([])).toEqual(['ran']);
    expect(expectedOutcomes(w('FG002'))).toEqual(['ran']);
    expect(expectedOutcomes(w('FG001', 'FG003'))).toEqual(['never']);
    expect(expectedOutcomes(w('FG007'))).toEqual(['never']);
    expect(expectedOutcomes(w('FG004'))).toEqual(['fatal', 'panic']);
    expect(expectedOutcomes(w('FG005'))).toEqual(['fatal']);
    expect(expectedOutcomes(w('FG008'))).toEqual(['fatal']);
    expect(expectedOutcomes(w('FG006'))).toEqual(['never', 'panic']);
  });

  it('reports missing, unexpected and duplicate findings', () => {
    const wants = parseWants('a.go', 'a\nx() // want FG001 FG003\ny() // want FG004\n');
    const m = compareFindings(wants, [
      { path: 'a.go', line: 2, ruleId: 'FG001' },
      { path: 'a.go', line: 2, ruleId: 'FG001' },
      { path: 'a.go', line: 3, ruleId: 'FG004' },
      { path: 'b.go', line: 3, ruleId: 'FG004' },
    ]);
    expect(m.missing).toEqual([{ file: 'a.go', line: 2, ruleId: 'FG003' }]);
    expect(m.unexpected.map((u) => `${u.path}:${u.line} ${u.ruleId}`)).toEqual(['a.go:2 FG001', 'b.go:3 FG004']);
    expect(describeMismatch('demo', m)).toContain('missing (wanted, not reported):\n    a.go:2 FG003');
    expect(compareFindings(wants.slice(0, 1), [{ path: 'a.go', line: 2, ruleId: 'FG001' }])).toEqual({ missing: [], unexpected: [] });
  });
});

describe('fixture corpus', () => {
  it('is large enough and covers every rule with positives', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(70);
    const byRule = new Map<string, number>();
    for (const f of fixtures) for (const w of f.wants) byRule.set(w.ruleId, (byRule.get(w.ruleId) ?? 0) + 1);
    for (const id of Object.keys(RULES)) expect(byRule.get(id) ?? 0, `positives for ${id}`).toBeGreaterThanOrEqual(3);
  });

  it('has clean fixtures (no want at all) as negatives', () => {
    expect(fixtures.filter((f) => f.wants.length === 0).length).toBeGreaterThanOrEqual(25);
  });

  it('names each fixture after what it expects', () => {
    for (const f of fixtures) {
      const ids = [...new Set(f.wants.map((w) => w.ruleId))];
      if (ids.length === 0) expect(f.name, f.name).toMatch(/^clean_/);
      else expect(ids.map((id) => id.toLowerCase()), f.name).toContain(f.name.slice(0, 5));
    }
  });
});

describe('engine on the fixture corpus', () => {
  for (const f of fixtures) {
    it(f.name, async () => {
      const findings = await findingsOf(f);
      const mismatch = compareFindings(f.wants, findings);
      if (mismatch.missing.length || mismatch.unexpected.length) throw new Error(describeMismatch(f.name, mismatch));
    });
  }
});

describe('finding messages', () => {
  const withWants = fixtures.filter((f) => f.wants.length > 0);
  for (const f of withWants) {
    it(`${f.name}: rule name, level and a message that names the path`, async () => {
      const findings = await findingsOf(f);
      expect(findings.length, 'the engine reports this fixture at all').toBeGreaterThan(0);
      for (const finding of findings) {
        const where = `${finding.path}:${finding.line} ${finding.ruleId}`;
        expect(isRuleId(finding.ruleId), `${where}: known rule id`).toBe(true);
        if (!isRuleId(finding.ruleId)) continue;
        expect(finding.rule, where).toBe(RULES[finding.ruleId].name);
        expect(finding.severity, where).toBe(RULES[finding.ruleId].severity);
        expect(finding.message.trim().length, `${where}: message`).toBeGreaterThan(0);
        // A cycle is only actionable when the message shows it, edge by edge.
        if (finding.ruleId === 'FG001') expect(finding.message, `${where}: message shows the cycle`).toContain(' -> ');
      }
    });
  }
});
