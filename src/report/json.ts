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
    ...(f.fix ? { fix: { description: f.fix.description, edits: f.fix.edits.map(({ path, start, end, startLine, startColumn, endLine, endColumn, text }) => ({ path, start, end, startLine, startColumn, endLine, endColumn, text })) } } : {}),
  };
}

/** JSON.stringify's two-space layout of a value nested `depth` levels deep (its strings hold no raw newline). */
function nested(value: unknown, depth: number): string {
  return JSON.stringify(value, null, 2).replaceAll('\n', '\n' + '  '.repeat(depth));
}

/**
 * `{"findings": [...], "stats": {...}}`, indented, ending in a newline, one
 * piece per finding: a report of any size is written without ever being one
 * string. The pieces joined are exactly JSON.stringify(report, null, 2).
 */
export function* jsonChunks(findings: readonly Finding[], stats: AnalysisStats): Generator<string> {
  const { packages, files, parsedFiles, bytes, sites, steps, ...later } = stats;
  const sorted = [...findings].sort(compareFindings);
  yield '{\n  "findings": [';
  for (let i = 0; i < sorted.length; i++) yield `${i ? ',' : ''}\n    ${nested(findingRecord(sorted[i]!), 2)}`;
  // Counters added to AnalysisStats later still appear, after the known ones.
  yield `${sorted.length ? '\n  ' : ''}],\n  "stats": ${nested({ packages, files, parsedFiles, bytes, sites, steps, ...later }, 1)}\n}\n`;
}

/** The whole report as one string, for reports known to be small. */
export function formatJson(findings: readonly Finding[], stats: AnalysisStats): string {
  return [...jsonChunks(findings, stats)].join('');
}
