// How a reported finding reads in a check run, a workflow-command annotation
// and the job summary: one wording, one place. The sentences that join the
// engine's (localized) message follow its language; the rest is English, as
// in the text reporter.
import type { Lang } from '../engine.js';
import type { Finding, RelatedLocation, Reported, Severity } from '../findings.js';
import { escapeControls, quotePath } from './escape.js';

/** `path:line[:column]`, an odd path quoted as a Go string. */
export function place(path: string, line: number, column?: number): string {
  const where = quotePath(path);
  return column ? `${where}:${line}:${column}` : `${where}:${line}`;
}

/** "FG001 finalizer-cycle": the annotation's title. */
export function ruleTitle(finding: Finding): string {
  return `${finding.ruleId} ${finding.rule}`;
}

function step(r: RelatedLocation): string {
  return `${escapeControls(r.message)} (${place(r.path, r.line)})`;
}

const joins: Record<Lang, { via: (step: string, call: string) => string; path: string }> = {
  en: { via: (step, call) => `This change is on the reference path (${step}) of the call at ${call}.`, path: 'Reference path:' },
  ru: { via: (step, call) => `Это изменение лежит на пути ссылок (${step}) вызова в ${call}.`, path: 'Путь ссылок:' },
};

/**
 * What is wrong, the reference path, and the call site when the annotation
 * sits elsewhere: one line each, the Go source they quote escaped so that
 * none of them breaks in two.
 */
export function describeLines(reported: Reported, lang: Lang): string[] {
  const { finding, via } = reported;
  const words = joins[lang];
  const lines = [escapeControls(finding.message)];
  if (via) lines.push(words.via(escapeControls(via.message), place(finding.path, finding.line, finding.column)));
  if (finding.related.length > 0) lines.push(`${words.path} ${finding.related.map(step).join(' → ')}`);
  return lines;
}

export function describe(reported: Reported, lang: Lang): string {
  return describeLines(reported, lang).join('\n');
}

export interface Counts {
  error: number;
  warning: number;
  notice: number;
}

export function countBySeverity(findings: readonly Finding[]): Counts {
  const counts: Counts = { error: 0, warning: 0, notice: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

/** "1 file", "2 files". */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

/** "2 errors, 1 warning" or "no findings". */
export function countsText(counts: Counts): string {
  const parts = (['error', 'warning', 'notice'] as Severity[]).filter((s) => counts[s] > 0).map((s) => plural(counts[s], s));
  return parts.length > 0 ? parts.join(', ') : 'no findings';
}

/** Cuts `text` to at most `max` UTF-16 units (never inside a surrogate pair), ending with `note` when cut. */
export function cut(text: string, max: number, note = ''): string {
  // Measured in UTF-8 bytes: GitHub counts some limits in bytes, and bytes never undercount characters.
  if (Buffer.byteLength(text) <= max) return text;
  let budget = Math.max(0, max - Buffer.byteLength(note));
  let end = 0;
  for (const char of text) {
    budget -= Buffer.byteLength(char);
    if (budget < 0) break;
    end += char.length;
  }
  return text.slice(0, end) + note;
}

/** One line of the log per finding: the log always lists every reported finding. */
export function logLine(reported: Reported, lang: Lang): string {
  const { anchor, finding } = reported;
  // `path:line:col:` and a space would be an error to setup-go's matcher, read with the wrong file: the Action's log is not a report.
  return `${place(anchor.path, anchor.line, anchor.column)} ${finding.severity} ${ruleTitle(finding)}: ${describeLines(reported, lang).join(' ')}`;
}
