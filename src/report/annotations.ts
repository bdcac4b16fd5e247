// The fallback when no check run can be made: workflow-command annotations.
// GitHub shows at most 10 per level per step: the rest are counted and said,
// and the log and the job summary list every finding.
import type { AnnotationProperties } from '@actions/core';
import type { Lang } from '../engine.js';
import type { Reported, Severity } from '../findings.js';
import { countsText, describe, ruleTitle, type Counts } from './describe.js';

export const shownPerLevel = 10;

export interface CommandAnnotation {
  level: Severity;
  message: string;
  properties: AnnotationProperties;
}

export interface FallbackPlan {
  /** Most severe first, at most 10 per level counting the step's own warnings. */
  shown: CommandAnnotation[];
  /** What GitHub will not show, when something is left out: a warning of its own. */
  note?: string;
}

function planWith(sorted: readonly Reported[], taken: Counts, lang: Lang): { shown: CommandAnnotation[]; hidden: Counts } {
  const shown: CommandAnnotation[] = [];
  const hidden: Counts = { error: 0, warning: 0, notice: 0 };
  const perLevel: Counts = { ...taken };
  for (const r of sorted) {
    const level = r.finding.severity;
    if (perLevel[level]++ >= shownPerLevel) {
      hidden[level]++;
      continue;
    }
    const { anchor } = r;
    const properties: AnnotationProperties = { title: ruleTitle(r.finding), file: anchor.path, startLine: anchor.line, endLine: anchor.endLine };
    // Columns only on one-line annotations, as GitHub requires.
    if (anchor.line === anchor.endLine) Object.assign(properties, { startColumn: anchor.column, endColumn: Math.max(anchor.column, anchor.endColumn) });
    shown.push({ level, message: describe(r, lang), properties });
  }
  return { shown, hidden };
}

/**
 * `reported` in the order selectFindings gives (most severe first);
 * `ownWarnings`: warnings the step prints besides the findings, which take
 * slots too; `seeAll`: where the note sends the reader for every finding.
 */
export function planAnnotations(reported: readonly Reported[], ownWarnings: number, lang: Lang, seeAll = 'The job summary and the log above list all.'): FallbackPlan {
  const first = planWith(reported, { error: 0, warning: ownWarnings, notice: 0 }, lang);
  if (first.hidden.error + first.hidden.warning + first.hidden.notice === 0) return { shown: first.shown };
  // The note is a warning itself and takes one more slot.
  const { shown, hidden } = planWith(reported, { error: 0, warning: ownWarnings + 1, notice: 0 }, lang);
  return {
    shown,
    note: `${countsText(hidden)} not shown as annotations: GitHub shows at most ${shownPerLevel} per level per step. ${seeAll}`,
  };
}
