// Human output in the shape of go vet, so editors and CI log parsers that
// understand `path:line:col: message` link straight to the code.
import type { AnalysisStats } from '../engine.js';
import { compareFindings, type Finding, type Severity } from '../findings.js';

/** One finding a line, `path:line:col: severity: message [FG00x]`, related places indented below; '' when none. */
export function formatText(findings: Finding[]): string {
  let out = '';
  for (const f of [...findings].sort(compareFindings)) {
    out += `${f.path}:${f.line}:${f.column}: ${f.severity}: ${f.message} [${f.ruleId}]\n`;
    for (const r of f.related) out += `\t${r.path}:${r.line}:${r.column}: ${r.message}\n`;
  }
  return out;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** One line without a newline, e.g. `finalizer-guard: 3 findings (2 errors, 1 warning) in 4 packages, 12 files`. */
export function formatSummary(findings: Finding[], stats: AnalysisStats): string {
  const where = `in ${count(stats.packages, 'package')}, ${count(stats.files, 'file')}`;
  if (findings.length === 0) return `finalizer-guard: no findings ${where}`;
  const bySeverity = (['error', 'warning', 'notice'] as Severity[])
    .map((severity) => count(findings.filter((f) => f.severity === severity).length, severity))
    .filter((part) => !part.startsWith('0 '));
  return `finalizer-guard: ${count(findings.length, 'finding')} (${bySeverity.join(', ')}) ${where}`;
}
