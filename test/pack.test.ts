// What a worker thread sends back: remediation texts once each, not once per finding.
import { describe, expect, it } from 'vitest';
import { packResult, unpackResult, type AnalysisResult } from '../src/engine.js';
import type { Finding } from '../src/findings.js';
import { remediation } from '../src/rules/remediation.js';

const at = (ruleId: string, line: number, lang: 'en' | 'ru' = 'en'): Finding => ({
  ruleId,
  rule: ruleId.toLowerCase(),
  severity: 'error',
  path: 'a.go',
  line,
  column: 2,
  endLine: line,
  endColumn: 9,
  message: `finding on line ${line}`,
  remediation: remediation(ruleId, { lang }),
  related: [{ path: 'a.go', line: 1, column: 1, message: 'here' }],
});

describe('packResult', () => {
  const result: AnalysisResult = {
    findings: [at('FG001', 3), at('FG003', 4), at('FG001', 5), at('FG001', 6, 'ru'), at('FG003', 7)],
    stats: { packages: 1, files: 1, parsedFiles: 1, bytes: 10, sites: 5, steps: 50, modulePackages: 0 },
  };

  it('carries each remediation text once', () => {
    const sent = JSON.stringify(packResult(result));
    for (const text of new Set(result.findings.map((f) => f.remediation))) {
      expect(sent.split(JSON.stringify(text)).length - 1).toBe(1);
    }
  });

  it('gives back the same findings and stats', () => {
    expect(unpackResult(structuredClone(packResult(result)))).toEqual(result);
  });
});
