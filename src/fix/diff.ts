// Unified diffs of the files fixes change, as `diff -u` and `git apply` read them.

/** Lines of context around each change, as diff -u writes. */
const context = 3;

type Op = { kind: ' ' | '-' | '+'; line: string };

/** The shortest edit script between two lists of lines (Myers' algorithm): small for the few lines a fix changes. */
function editScript(a: readonly string[], b: readonly string[]): Op[] {
  const max = a.length + b.length;
  const offset = max + 1;
  const frontier = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = false;
  for (let d = 0; d <= max && !found; d++) {
    trace.push(frontier.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && frontier[offset + k - 1]! < frontier[offset + k + 1]!) ? frontier[offset + k + 1]! : frontier[offset + k - 1]! + 1;
      let y = x - k;
      while (x < a.length && y < b.length && a[x] === b[y]) x++, y++;
      frontier[offset + k] = x;
      if (x >= a.length && y >= b.length) {
        found = true;
        break;
      }
    }
  }
  const ops: Op[] = [];
  let x = a.length;
  let y = b.length;
  for (let d = trace.length - 1; d >= 0; d--) {
    const v = trace[d]!;
    const k = x - y;
    const down = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!);
    const previousK = down ? k + 1 : k - 1;
    const previousX = d === 0 ? 0 : v[offset + previousK]!;
    const previousY = previousX - previousK;
    while (x > previousX && y > previousY) ops.push({ kind: ' ', line: a[--x]! }), y--;
    if (d === 0) break;
    if (down) ops.push({ kind: '+', line: b[--y]! });
    else ops.push({ kind: '-', line: a[--x]! });
  }
  while (x > 0) ops.push({ kind: ' ', line: a[--x]! });
  return ops.reverse();
}

/** Lines with their line breaks, the last one marked when the file does not end in one. */
function linesOf(text: string): string[] {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  else lines[lines.length - 1] += '\n\\ No newline at end of file';
  return lines;
}

/** `--- a/path`, `+++ b/path` and the hunks; empty when the texts are the same. */
export function unifiedDiff(path: string, before: string, after: string): string {
  const ops = editScript(linesOf(before), linesOf(after));
  const changed = ops.map((op, i) => (op.kind === ' ' ? -1 : i)).filter((i) => i >= 0);
  if (!changed.length) return '';
  let out = `--- a/${path}\n+++ b/${path}\n`;
  let i = 0;
  while (i < changed.length) {
    // A hunk takes every change whose context touches the previous one's.
    let last = i;
    while (last + 1 < changed.length && changed[last + 1]! - changed[last]! <= 2 * context + 1) last++;
    const from = Math.max(0, changed[i]! - context);
    const to = Math.min(ops.length, changed[last]! + context + 1);
    const oldStart = ops.slice(0, from).filter((op) => op.kind !== '+').length;
    const newStart = ops.slice(0, from).filter((op) => op.kind !== '-').length;
    const hunk = ops.slice(from, to);
    const oldLength = hunk.filter((op) => op.kind !== '+').length;
    const newLength = hunk.filter((op) => op.kind !== '-').length;
    // diff -u numbers an empty side by the line before it.
    const range = (start: number, length: number) => `${length ? start + 1 : start},${length}`;
    out += `@@ -${range(oldStart, oldLength)} +${range(newStart, newLength)} @@\n`;
    for (const op of hunk) out += `${op.kind}${op.line}\n`;
    i = last + 1;
  }
  return out;
}
