// Pull request review comments: where each reported finding can be commented
// on (lines the diff shows, right side), its body (what is wrong, the
// reference path, the remediation, and a suggestion block when its fix lies
// within the commented lines), and a hidden marker with a stable key, so that
// a re-run finds its own comments again.
import { createHash } from 'node:crypto';
import type { Lang } from '../engine.js';
import type { Reported } from '../findings.js';
import { planFixes } from '../fix/apply.js';
import { cut, describeLines, plural, ruleTitle } from './describe.js';
import { markdownText } from './escape.js';

/** New comments one review posts at most; the rest are counted, and the check run and SARIF file list them. */
export const commentsPerReview = 50;
/** GitHub refuses a comment body of 65,536 characters or more. */
export const bodyLimit = 65535;

export interface PlannedComment {
  /** Stable across re-runs: rule, path and the text of the commented code, not its line number. */
  key: string;
  path: string;
  /** The last line commented on, and the first when the comment spans several (right side). */
  line: number;
  startLine?: number;
  body: string;
  /** True when the body carries a suggestion block. */
  suggests: boolean;
  reported: Reported;
}

export interface CommentPlan {
  comments: PlannedComment[];
  /** Reported findings on no line the diff shows: the check run and the SARIF file have them. */
  offDiff: Reported[];
}

/** Bytes of a file of the workspace, undefined when it cannot be read. */
export type ReadFile = (path: string) => Buffer | undefined;

/** The lines of a file that the diff shows, right side; 'all' when only the file is known to have changed, undefined when not in the diff. */
export type DiffLines = (path: string) => ReadonlySet<number> | 'all' | undefined;

const marker = (key: string, state?: string) => `<!-- finalizer-guard:review key=${key}${state ? ` state=${state}` : ''} -->`;
const markerPattern = /^<!-- finalizer-guard:review key=([0-9a-f]+)(?: state=(\w+))? -->/;

/** The key and state in a comment body's marker; undefined for comments that are not ours. */
export function markerOf(body: string): { key: string; state?: string } | undefined {
  const m = markerPattern.exec(body);
  return m ? { key: m[1], state: m[2] } : undefined;
}

/** The line starts of a file: index i holds the byte offset where line i + 1 begins. */
function lineStarts(bytes: Buffer): number[] {
  const starts = [0];
  for (let i = bytes.indexOf(10); i >= 0; i = bytes.indexOf(10, i + 1)) starts.push(i + 1);
  return starts;
}

/** The bytes of lines `from`..`to` (1-based), without the newline that ends the last one. */
function lineRange(starts: number[], bytes: Buffer, from: number, to: number): { start: number; end: number } {
  const end = to < starts.length ? starts[to] - 1 : bytes.length;
  return { start: starts[from - 1], end };
}

/** Every line of `from`..`to` is one the diff of `path` shows. */
function inDiff(changes: DiffLines, path: string, from: number, to: number): boolean {
  const shown = changes(path);
  if (shown === undefined || shown === 'all') return false; // no hunks known: GitHub takes no line comment there
  for (let line = from; line <= to; line++) if (!shown.has(line)) return false;
  return true;
}

/** A fence of backticks longer than any run of them in `code`, so the code cannot close it. */
function fenceFor(code: string): string {
  const longest = Math.max(0, ...[...code.matchAll(/`+/g)].map((m) => m[0].length));
  return '`'.repeat(Math.max(3, longest + 1));
}

interface Target {
  line: number;
  startLine?: number;
  /** The fixed text of exactly the commented lines, when the fix lies within them. */
  suggestion?: string;
}

/** Where to comment on a finding, preferring a range that holds its whole fix; undefined when no line of it is in the diff. */
function targetOf(reported: Reported, changes: DiffLines, read: ReadFile): Target | undefined {
  const { anchor, finding, via } = reported;
  const range = (from: number, to: number): Target => (from === to ? { line: to } : { line: to, startLine: from });
  const edits = finding.fix?.edits ?? [];
  const bytes = edits.length > 0 && !via && edits.every((e) => e.path === anchor.path) ? read(anchor.path) : undefined;
  if (bytes) {
    const from = Math.min(anchor.line, ...edits.map((e) => e.startLine));
    const to = Math.max(anchor.endLine, ...edits.map((e) => e.endLine));
    const starts = lineStarts(bytes);
    if (to <= starts.length && inDiff(changes, anchor.path, from, to)) {
      const lines = lineRange(starts, bytes, from, to);
      if (edits.every((e) => e.start >= lines.start && e.end <= lines.end)) {
        const [fixed] = planFixes([finding], () => bytes).changes;
        if (!fixed) return range(from, to);
        const grown = edits.reduce((delta, e) => delta + Buffer.byteLength(e.text) - (e.end - e.start), 0);
        return { ...range(from, to), suggestion: fixed.after.subarray(lines.start, lines.end + grown).toString('utf8') };
      }
    }
  }
  if (inDiff(changes, anchor.path, anchor.line, anchor.endLine)) return range(anchor.line, anchor.endLine);
  for (let line = anchor.endLine; line >= anchor.line; line--) if (inDiff(changes, anchor.path, line, line)) return { line };
  return undefined;
}

/** The commented code's text with its spacing evened out: the same code keeps its key when lines above it move. */
function codeText(read: ReadFile, path: string, from: number, to: number): string {
  const bytes = read(path);
  if (!bytes) return '';
  const starts = lineStarts(bytes);
  if (from > starts.length) return '';
  const { start, end } = lineRange(starts, bytes, from, Math.min(to, starts.length));
  return bytes.subarray(start, end).toString('utf8').replace(/\s+/g, ' ').trim();
}

function keyOf(reported: Reported, read: ReadFile, checkName: string): string {
  const { anchor, finding } = reported;
  const parts = [checkName, finding.ruleId, anchor.path, codeText(read, anchor.path, anchor.line, anchor.endLine)];
  // A finding shown on its reference path: the call it belongs to tells it from others shown on the same line.
  if (reported.via) parts.push(finding.path, codeText(read, finding.path, finding.line, finding.endLine));
  return createHash('sha256').update(parts.join('\0')).digest('hex').slice(0, 20);
}

const severityIcon = { error: '🔴', warning: '🟠', notice: '🔵' } as const;

function commentBody(key: string, reported: Reported, lang: Lang, suggestion: string | undefined): { body: string; suggests: boolean } {
  const { finding } = reported;
  const head = `${marker(key)}\n${severityIcon[finding.severity]} **${markdownText(ruleTitle(finding))}** (${finding.severity})\n\n`;
  const fence = suggestion === undefined ? '' : fenceFor(suggestion);
  let fix = suggestion === undefined ? '' : `\n\n${markdownText(finding.fix!.description)}\n\n${fence}suggestion\n${suggestion}\n${fence}`;
  // A fix too large to sit beside its explanation is left to --fix.
  if (Buffer.byteLength(fix) > bodyLimit / 2) fix = '';
  const details = (text: string) => `\n\n<details><summary>How to fix</summary>\n\n${text}\n\n</details>\n`;
  let room = bodyLimit - Buffer.byteLength(head + fix + details(''));
  const message = cut(describeLines(reported, lang).map(markdownText).join('  \n'), Math.floor(room / 2), ' …');
  room -= Buffer.byteLength(message);
  const remediation = cut(finding.remediation, room, ' …');
  return { body: head + message + fix + details(remediation), suggests: fix !== '' };
}

/** The comments the reported findings make on the diff, in the order given (most severe first), each key once. */
export function planComments(reported: readonly Reported[], changes: DiffLines, read: ReadFile, lang: Lang, checkName: string): CommentPlan {
  const comments: PlannedComment[] = [];
  const offDiff: Reported[] = [];
  const seen = new Map<string, number>();
  for (const r of reported) {
    const target = targetOf(r, changes, read);
    if (!target) {
      offDiff.push(r);
      continue;
    }
    const base = keyOf(r, read, checkName);
    // The same code twice in a file: the second has a key of its own.
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    const key = count === 0 ? base : createHash('sha256').update(`${base}#${count}`).digest('hex').slice(0, 20);
    const { body, suggests } = commentBody(key, r, lang, target.suggestion);
    comments.push({ key, path: r.anchor.path, line: target.line, startLine: target.startLine, body, suggests, reported: r });
  }
  return { comments, offDiff };
}

/** The body an earlier comment of ours gets when its finding is gone at `headSha`. */
export function resolvedBody(key: string, headSha: string): string {
  return `${marker(key, 'resolved')}\n✅ Resolved: finalizer-guard no longer reports this finding at ${headSha.slice(0, 12)}.\n`;
}

/** The body an earlier comment of ours gets when its finding is now commented on at another line. */
export function movedBody(key: string, headSha: string): string {
  return `${marker(key, 'moved')}\nThe code this comment was about moved at ${headSha.slice(0, 12)}: a newer comment of finalizer-guard has the finding.\n`;
}

/** The review's own body: what it holds, and what it could not. */
export function reviewBody(posted: PlannedComment[], left: number, offDiff: number): string {
  const suggested = posted.filter((c) => c.suggests).length;
  const lines = [`**finalizer-guard**: ${plural(posted.length, 'finding')} on lines this pull request changed${suggested ? `, ${suggested} with a suggested change` : ''}.`];
  if (left > 0) lines.push(`${plural(left, 'more finding')} not posted here: at most ${commentsPerReview} comments per review. The check run, the job summary and the SARIF file have them all.`);
  if (offDiff > 0) lines.push(`${plural(offDiff, 'finding')} on no line of the diff: see the check run or the job summary.`);
  return lines.join('\n\n');
}

/** A review comment of the pull request as the REST API lists it. */
export interface ExistingComment {
  id: number;
  body: string;
  /** The line on the head commit; null once the lines it was on changed (outdated). */
  line?: number | null;
  start_line?: number | null;
}

export interface Reconciled {
  /** New comments for the review, at most commentsPerReview. */
  create: PlannedComment[];
  /** New comments past the limit. */
  left: PlannedComment[];
  /** Bodies of our earlier comments to replace. */
  update: { id: number; body: string }[];
  /** Earlier comments of ours left as they are. */
  unchanged: number;
  resolved: number;
}

/**
 * What a run does with the comments already on the pull request: its own
 * (those with our marker; no other comment is touched) are kept when the same
 * finding is at the same lines with the same body, updated when the body
 * changed, marked as moved when the finding is now elsewhere, and marked as
 * resolved when the finding is gone. Comments are edited, not deleted: the
 * replies under them and the history of the review stay readable.
 */
export function reconcile(planned: readonly PlannedComment[], existing: readonly ExistingComment[], headSha: string): Reconciled {
  const ours = new Map<string, ExistingComment>();
  const stale: ExistingComment[] = [];
  for (const comment of [...existing].sort((a, b) => a.id - b.id)) {
    const key = markerOf(comment.body)?.key;
    if (key === undefined) continue;
    if (ours.has(key)) stale.push(comment);
    else ours.set(key, comment);
  }
  const result: Reconciled = { create: [], left: [], update: [], unchanged: 0, resolved: 0 };
  const replace = (comment: ExistingComment, body: string) => {
    if (comment.body === body) result.unchanged++;
    else result.update.push({ id: comment.id, body });
  };
  for (const comment of planned) {
    const earlier = ours.get(comment.key);
    ours.delete(comment.key);
    if (earlier && earlier.line === comment.line && (earlier.start_line ?? undefined) === comment.startLine) {
      replace(earlier, comment.body);
      continue;
    }
    if (result.create.length >= commentsPerReview) {
      result.left.push(comment);
      // Still reported, only not posted anew: the earlier comment stays as it is.
      if (earlier) result.unchanged++;
      continue;
    }
    result.create.push(comment);
    if (earlier) replace(earlier, movedBody(comment.key, headSha));
  }
  for (const comment of [...ours.values(), ...stale]) {
    const mark = markerOf(comment.body)!;
    // Already marked: a later head does not rewrite it again.
    if (mark.state === 'resolved' || mark.state === 'moved') result.unchanged++;
    else {
      result.update.push({ id: comment.id, body: resolvedBody(mark.key, headSha) });
      result.resolved++;
    }
  }
  return result;
}
