// The job summary: what was analyzed, every reported finding in a table, and
// each rule's remediation once. GitHub takes at most 1 MiB per step.
import type { Lang } from '../engine.js';
import type { Conclusion, Reported } from '../findings.js';
import { countBySeverity, countsText, describeLines, place, plural, ruleTitle } from './describe.js';
import { markdownLink, markdownText } from './escape.js';

export const summaryLimitBytes = 1024 * 1024;

export interface RunReport {
  /** "pull request #12", "push to main", ... */
  label: string;
  /** "3 packages, 12 files" or why nothing was analyzed. */
  scope: string;
  /** "filter-mode added" or "full scan". */
  filter: string;
  /** Where the changed lines came from. */
  source?: string;
  reported: Reported[];
  /** Findings of the analyzed packages left out by filter-mode, and by `paths`. */
  outside: number;
  excluded: number;
  /** Findings the configuration file turned off or left out, and its name. */
  configured?: { left: number; file: string };
  warnings: string[];
  /** Lines about what the step did besides reporting here (the pull request review). */
  notes?: string[];
  conclusion: Conclusion;
  failOn: string;
  /** The language of the engine's messages, which the reporters' joining sentences follow. */
  lang: Lang;
  /** A link to a line of a file at the analyzed commit. */
  lineUrl?: (path: string, line: number) => string;
}

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

/** A few lines: the verdict, the scope, what was left out and why. */
export function overview(report: RunReport): string {
  const counts = countsText(countBySeverity(report.reported.map((r) => r.finding)));
  const lines = [
    `**${report.conclusion}** (fail-on: ${report.failOn}): ${counts} for ${markdownText(report.label)}.`,
    '',
    markdownText(`Analyzed: ${report.scope}; ${report.filter}${report.source ? `; changed lines from ${report.source}` : ''}.`),
  ];
  const left: string[] = [];
  if (report.outside > 0) left.push(`${plural(report.outside, 'finding')} of the analyzed packages not on changed lines`);
  if (report.excluded > 0) left.push(`${report.excluded} in files the paths input excludes`);
  if (report.configured && report.configured.left > 0) left.push(`${report.configured.left} that ${markdownText(report.configured.file)} turns off or leaves out`);
  if (left.length > 0) lines.push('', `Not reported: ${left.join('; ')}.`);
  for (const n of report.notes ?? []) lines.push('', markdownText(n));
  for (const w of report.warnings) lines.push('', `> [!WARNING]\n> ${markdownText(w)}`);
  return lines.join('\n');
}

function remediations(reported: readonly Reported[]): string {
  const seen = new Map<string, string>();
  for (const { finding } of reported) if (!seen.has(finding.ruleId)) seen.set(finding.ruleId, `### ${ruleTitle(finding)}\n\n${finding.remediation}`);
  return seen.size > 0 ? `## How to fix\n\n${[...seen.keys()].sort().map((id) => seen.get(id)).join('\n\n')}\n` : '';
}

/**
 * The findings table and the remediations, within `maxBytes` of UTF-8:
 * rows that do not fit are counted in a closing note instead.
 */
export function findingsMarkdown(report: RunReport, maxBytes: number): string {
  if (report.reported.length === 0) return '';
  const fixes = remediations(report.reported);
  const head = '| | Rule | Place | Message |\n| --- | --- | --- | --- |\n';
  const icon = { error: '🔴', warning: '🟠', notice: '🔵' } as const;
  const noteRoom = 200;
  let budget = maxBytes - bytes(head) - bytes(fixes) - noteRoom;
  const rows: string[] = [];
  for (const r of report.reported) {
    const where = place(r.anchor.path, r.anchor.line);
    const link = report.lineUrl ? markdownLink(where, report.lineUrl(r.anchor.path, r.anchor.line)) : markdownText(where);
    const message = describeLines(r, report.lang).map(markdownText).join('<br>');
    const row = `| ${icon[r.finding.severity]} ${r.finding.severity} | ${markdownText(ruleTitle(r.finding))} | ${link} | ${message} |\n`;
    budget -= bytes(row);
    if (budget < 0) break;
    rows.push(row);
  }
  const missing = report.reported.length - rows.length;
  const note = missing > 0 ? `\n_${plural(missing, 'more finding')} not listed here to stay within GitHub's size limit; the step's log lists every finding._\n` : '';
  return `${head}${rows.join('')}${note}\n${fixes}`;
}

/** The summary of a run that has no findings to list: nothing to analyze, a failure, a stop. */
export function statusSummary(verdict: Conclusion | 'cancelled', line: string): string {
  return `# finalizer-guard\n\n**${verdict}**: ${markdownText(line)}\n`;
}

export function jobSummary(report: RunReport, maxBytes = summaryLimitBytes): string {
  const top = `# finalizer-guard\n\n${overview(report)}\n\n`;
  return top + findingsMarkdown(report, maxBytes - bytes(top));
}
