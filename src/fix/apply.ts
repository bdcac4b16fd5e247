// Applies the fixes of findings to file contents. A fix is all or nothing:
// one whose edits overlap an edit already taken is left out whole.
import type { Finding, TextEdit } from '../findings.js';
import { byCodePoint } from '../order.js';

export interface FileChange {
  path: string;
  before: Buffer;
  after: Buffer;
}

export interface FixPlan {
  changes: FileChange[];
  /** The findings whose fixes are in the changes. */
  applied: Finding[];
  /** Findings with a fix left out because it overlaps another's. */
  overlapping: Finding[];
}

const overlaps = (a: TextEdit, b: TextEdit) => a.path === b.path && (a.start === b.start || (a.start < b.end && b.start < a.end));

/** The files as the fixes of `findings` make them, in path order; `read` gives a file's bytes by its path. */
export function planFixes(findings: readonly Finding[], read: (path: string) => Buffer): FixPlan {
  const taken: TextEdit[] = [];
  const applied: Finding[] = [];
  const overlapping: Finding[] = [];
  for (const finding of findings) {
    if (!finding.fix) continue;
    const edits = finding.fix.edits;
    const clashes = edits.some((edit, i) => taken.some((t) => overlaps(t, edit)) || edits.some((other, j) => j !== i && overlaps(other, edit)));
    if (clashes) {
      overlapping.push(finding);
      continue;
    }
    taken.push(...edits);
    applied.push(finding);
  }
  const paths = [...new Set(taken.map((e) => e.path))].sort(byCodePoint);
  const changes = paths.map((path) => {
    const before = read(path);
    const edits = taken.filter((e) => e.path === path).sort((a, b) => a.start - b.start);
    const pieces: Buffer[] = [];
    let at = 0;
    for (const edit of edits) {
      pieces.push(before.subarray(at, edit.start), Buffer.from(edit.text));
      at = edit.end;
    }
    pieces.push(before.subarray(at));
    return { path, before, after: Buffer.concat(pieces) };
  });
  return { changes, applied, overlapping };
}
