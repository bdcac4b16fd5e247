// The shape every rule produces and every reporter consumes.
import { byCodePoint } from './order.js';

export type Severity = 'error' | 'warning' | 'notice';
export type FailOn = Severity | 'never';

export const severityRank: Record<Severity, number> = { error: 3, warning: 2, notice: 1 };

export interface Span {
  /** Path relative to the analysis root, forward slashes. */
  path: string;
  /** 1-based. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface RelatedLocation {
  path: string;
  line: number;
  column: number;
  /** What this place contributes, e.g. "field Foo.bar" or "assignment bar.foo = foo". */
  message: string;
}

/** One change of a fix: the bytes `[start, end)` of the file become `text`. */
export interface TextEdit {
  path: string;
  /** UTF-8 byte offsets into the file as it was analyzed. */
  start: number;
  end: number;
  /** The same range as 1-based lines and columns, counted as a Span's. */
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
  text: string;
}

/** Edits that mend a finding, offered only where the result is certainly right (valid, gofmt-formatted Go). */
export interface Fix {
  /** One line: what the fix does. */
  description: string;
  edits: TextEdit[];
}

export interface Finding extends Span {
  ruleId: string;
  rule: string;
  severity: Severity;
  message: string;
  remediation: string;
  related: RelatedLocation[];
  fix?: Fix;
}

/** A finding and the place it is reported at. */
export interface Reported {
  finding: Finding;
  /** Where the annotation goes: the call site, or the changed line on its reference path. */
  anchor: Span;
  /** Set when the call site did not change but this place on its reference path did. */
  via?: RelatedLocation;
}

/** What fail-on makes of the reported findings: none, all below it, or one at or above it. */
export type Conclusion = 'success' | 'neutral' | 'failure';

export function atOrAbove(severity: Severity, failOn: FailOn): boolean {
  return failOn !== 'never' && severityRank[severity] >= severityRank[failOn];
}

/** By file, line, column and rule: the order of go vet's output. */
export function compareByPlace(a: Finding, b: Finding): number {
  return byCodePoint(a.path, b.path) || a.line - b.line || a.column - b.column || byCodePoint(a.ruleId, b.ruleId);
}

/** Most severe first, then by place: the order annotations are shown in. */
export function compareFindings(a: Finding, b: Finding): number {
  return severityRank[b.severity] - severityRank[a.severity] || compareByPlace(a, b);
}
