// Findings shaped as the engine reports them, for the tests of the pure modules.
import type { Finding, RelatedLocation, Severity } from '../../../src/findings.js';

export function finding(path: string, line: number, options: { severity?: Severity; related?: RelatedLocation[]; ruleId?: string; endLine?: number } = {}): Finding {
  return {
    ruleId: options.ruleId ?? 'FG001',
    rule: 'finalizer-cycle',
    severity: options.severity ?? 'error',
    message: 'foo is in a reference cycle, so its finalizer never runs',
    remediation: 'Break the cycle, or use runtime.AddCleanup.',
    path,
    line,
    column: 2,
    endLine: options.endLine ?? line,
    endColumn: 40,
    related: options.related ?? [],
  };
}

export const related = (path: string, line: number, message: string): RelatedLocation => ({ path, line, column: 2, message });
