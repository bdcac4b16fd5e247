// Machine output for scripts. Keys are written in a fixed order so that the
// output of two runs can be diffed line by line.
import type { AnalysisStats } from '../engine.js';
import { compareFindings, type Finding } from '../findings.js';

function findingRecord(f: Finding) {
  return {
    ruleId: f.ruleId,
    rule: f.rule,
    severity: f.severity,
    path: f.path,
    line: f.line,
    column: f.column,
    endLine: f.endLine,
    endColumn: f.endColumn,
    message: f.message,
    remediation: f.remediation,
    related: f.related.map((r) => ({ path: r.path, line: r.line, column: r.column, message: r.message })),
  };
}

/** `{"findings": [...], "stats": {...}}`, indented, ending in a newline. */
export function formatJson(findings: Finding[], stats: AnalysisStats): string {
  const { packages, files, parsedFiles, bytes, sites, steps, ...later } = stats;
  const report = {
    findings: [...findings].sort(compareFindings).map(findingRecord),
    // Counters added to AnalysisStats later still appear, after the known ones.
    stats: { packages, files, parsedFiles, bytes, sites, steps, ...later },
  };
  return JSON.stringify(report, null, 2) + '\n';
}
