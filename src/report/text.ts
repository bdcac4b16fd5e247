// Human output in the shape of go vet, so editors and CI log parsers that
// understand `path:line:col: message` link straight to the code.
import type { AnalysisStats } from '../engine.js';
import { compareFindings, type Finding } from '../findings.js';
import { countBySeverity, countsText, plural } from './describe.js';

/** One finding a line, `path:line:col: severity: message [FG00x]`, related places indented below; '' when none. */
export function formatText(findings: Finding[]): string {
  let out = '';
  for (const f of [...findings].sort(compareFindings)) {
    out += `${f.path}:${f.line}:${f.column}: ${f.severity}: ${f.message} [${f.ruleId}]\n`;
    for (const r of f.related) out += `\t${r.path}:${r.line}:${r.column}: ${r.message}\n`;
  }
  return out;
}

/** One line without a newline, e.g. `finalizer-guard: 3 findings (2 errors, 1 warning) in 4 packages, 12 files`. */
export function formatSummary(findings: Finding[], stats: AnalysisStats): string {
  const where = `in ${plural(stats.packages, 'package')}, ${plural(stats.files, 'file')}`;
  if (findings.length === 0) return `finalizer-guard: no findings ${where}`;
  return `finalizer-guard: ${plural(findings.length, 'finding')} (${countsText(countBySeverity(findings))}) ${where}`;
}
