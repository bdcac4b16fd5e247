// Check run bodies: annotations in batches of 50, an output within GitHub's
// limits (title 255, summary and text 65,535 characters).
import type { Lang } from '../engine.js';
import type { Reported, Severity } from '../findings.js';
import { countBySeverity, countsText, cut, describe, ruleTitle } from './describe.js';
import { markdownLink } from './escape.js';
import { findingsMarkdown, overview, type RunReport } from './summary.js';

export const annotationsPerRequest = 50;
export const titleLimit = 255;
export const textLimit = 65535;

export interface CheckAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  start_column?: number;
  end_column?: number;
  annotation_level: 'failure' | 'warning' | 'notice';
  message: string;
  title: string;
  raw_details: string;
}

const levels: Record<Severity, CheckAnnotation['annotation_level']> = { error: 'failure', warning: 'warning', notice: 'notice' };

export function toCheckAnnotation(r: Reported, lang: Lang): CheckAnnotation {
  const { anchor, finding } = r;
  const annotation: CheckAnnotation = {
    path: anchor.path,
    start_line: anchor.line,
    end_line: anchor.endLine,
    annotation_level: levels[finding.severity],
    message: cut(describe(r, lang), textLimit, ' …'),
    title: cut(ruleTitle(finding), titleLimit, '…'),
    raw_details: cut(finding.remediation, textLimit, ' …'),
  };
  // GitHub takes columns only on one-line annotations.
  if (anchor.line === anchor.endLine) {
    annotation.start_column = anchor.column;
    annotation.end_column = Math.max(anchor.column, anchor.endColumn);
  }
  return annotation;
}

export function inBatches<T>(items: readonly T[], size = annotationsPerRequest): T[][] {
  const batches: T[][] = [];
  for (let i = 0; i < items.length; i += size) batches.push(items.slice(i, i + size));
  return batches;
}

export interface CheckOutput {
  title: string;
  summary: string;
  text: string;
}

export function checkTitle(report: RunReport): string {
  return cut(`finalizer-guard: ${countsText(countBySeverity(report.reported.map((r) => r.finding)))}`, titleLimit, '…');
}

/** `summaryUrl`: where the full job summary is, for the note on a cut text. */
export function checkOutput(report: RunReport, summaryUrl?: string): CheckOutput {
  const pointer = summaryUrl ? `the ${markdownLink('job summary', summaryUrl)}` : 'the job summary';
  const note = (what: string) => `\n\n_…${what} cut at GitHub's limit of 65,535 characters; ${pointer} has every finding._`;
  return {
    title: checkTitle(report),
    summary: cut(overview(report), textLimit, note('summary')),
    text: cut(findingsMarkdown(report, Number.MAX_SAFE_INTEGER), textLimit, note('text')),
  };
}

/** The body of the PATCH that adds one batch while the run is still in progress. */
export function progressOutput(report: RunReport, annotations: CheckAnnotation[]) {
  return { title: checkTitle(report), summary: `Adding ${countsText(countBySeverity(report.reported.map((r) => r.finding)))} as annotations…`, annotations };
}
