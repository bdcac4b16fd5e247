// Human output in the shape of go vet, so editors and CI log parsers that
// understand `path:line:col: message` link straight to the code.
import type { AnalysisStats } from '../engine.js';
import { compareFindings, type Finding } from '../findings.js';
import { countBySeverity, countsText, place, plural } from './describe.js';
import { escapeControls } from './escape.js';

/**
 * One finding a line, `path:line:col: severity: message [FG00x]`, related
 * places indented below, then the fix when there is one, one piece per finding. An odd path is quoted and
 * control characters in messages escaped, so a line never splits or starts
 * with "::".
 */
export function* textChunks(findings: readonly Finding[]): Generator<string> {
  for (const f of [...findings].sort(compareFindings)) {
    let lines = `${place(f.path, f.line, f.column)}: ${f.severity}: ${escapeControls(f.message)} [${f.ruleId}]\n`;
    // No colon after a related place: setup-go's matcher, which is not anchored, would read the line as an error in the wrong file.
    for (const r of f.related) lines += `\t${place(r.path, r.line, r.column)} ${escapeControls(r.message)}\n`;
    if (f.fix) lines += `\tfix: ${escapeControls(f.fix.description)} (--fix applies it)\n`;
    yield lines;
  }
}

/** The text format as one string; '' when there are no findings. */
export function formatText(findings: readonly Finding[]): string {
  return [...textChunks(findings)].join('');
}

/** One line without a newline, e.g. `finalizer-guard: 3 findings (2 errors, 1 warning) in 4 packages, 12 files`. */
export function formatSummary(findings: Finding[], stats: AnalysisStats): string {
  const where = `in ${plural(stats.packages, 'package')}, ${plural(stats.files, 'file')}`;
  if (findings.length === 0) return `finalizer-guard: no findings ${where}`;
  return `finalizer-guard: ${plural(findings.length, 'finding')} (${countsText(countBySeverity(findings))}) ${where}`;
}
