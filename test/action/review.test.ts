// The review comments as planned from findings (where, what body, which key)
// and as reconciled with the comments a pull request already has.
import { describe, expect, it } from 'vitest';
import type { Finding, Reported } from '../../src/findings.js';
import { bodyLimit, commentsPerReview, markerOf, planComments, reconcile, resolvedBody, type DiffLines, type PlannedComment } from '../../src/report/review.js';
import { renderGfm } from '../support/markdown.js';
import { finding } from './support/findings.js';

const source = ['package main', '', 'func f() {', '\tx := T{}', '\truntime.SetFinalizer(x, func(*T) {})', '\t_ = &x', '}', ''].join('\n');
const bytes = Buffer.from(source);
const read = (path: string) => (path === 'main.go' ? bytes : undefined);
const offsetOf = (line: number, column: number) => Buffer.byteLength(source.split('\n').slice(0, line - 1).join('\n')) + (line > 1 ? 1 : 0) + column - 1;

/** A finding at line 5 whose fix edits line 4 (`T{}` becomes `&T{}`) and, when `far`, line 6 too. */
function withFix(far = false, text = '&T{}'): Finding {
  const f = finding('main.go', 5, { ruleId: 'FG004' });
  const edit = (line: number, column: number, length: number, replacement: string) => ({
    path: 'main.go',
    start: offsetOf(line, column),
    end: offsetOf(line, column + length),
    startLine: line,
    startColumn: column,
    endLine: line,
    endColumn: column + length,
    text: replacement,
  });
  f.fix = { description: 'make x a pointer where it is made', edits: [edit(4, 7, 3, text), ...(far ? [edit(6, 6, 2, 'x')] : [])] };
  return f;
}

const changed = (lines: number[]): DiffLines => (path) => (path === 'main.go' ? new Set(lines) : undefined);
const reported = (f: Finding): Reported => ({ finding: f, anchor: f });
const plan = (f: Finding, lines: number[]) => planComments([reported(f)], changed(lines), read, 'en', 'finalizer-guard');

describe('planComments', () => {
  it('spans the fix and the call when every line is in the diff, and suggests exactly those lines fixed', () => {
    const [comment] = plan(withFix(true), [3, 4, 5, 6, 7]).comments;
    expect(comment).toMatchObject({ path: 'main.go', startLine: 4, line: 6, suggests: true });
    expect(comment.body).toContain('```suggestion\n\tx := &T{}\n\truntime.SetFinalizer(x, func(*T) {})\n\t_ = x\n```');
  });

  it('comments on the call alone, without a suggestion, when a line of the fix is not in the diff', () => {
    const { comments } = plan(withFix(true), [4, 5]);
    expect(comments[0]).toMatchObject({ line: 5, suggests: false });
    expect(comments[0].startLine).toBeUndefined();
    expect(comments[0].body).not.toContain('suggestion');
  });

  it('counts a finding none of whose lines the diff shows, and one in a file known only as changed', () => {
    expect(plan(withFix(), [1, 2]).offDiff).toHaveLength(1);
    expect(planComments([reported(withFix())], () => 'all', read, 'en', 'finalizer-guard').offDiff).toHaveLength(1);
  });

  it('fences the suggestion with more backticks than the code holds', () => {
    const [comment] = plan(withFix(false, '&T{} // ````'), [4, 5]).comments;
    const html = renderGfm(comment.body);
    expect(comment.body).toContain('`````suggestion\n');
    expect(html).toContain('<pre><code class="language-suggestion">\tx := &amp;T{} // ````\n\truntime.SetFinalizer(x, func(*T) {})\n</code></pre>');
  });

  it('keys a finding by its rule, path and code, not its line; the same code twice gets two keys', () => {
    const key = (f: Finding, at: DiffLines, name = 'finalizer-guard') => planComments([reported(f)], at, read, 'en', name).comments[0].key;
    const moved = { ...withFix(), line: 5 };
    expect(key(moved, changed([4, 5]))).toBe(key(withFix(), changed([5])));
    expect(key(withFix(), changed([5]), 'other-check')).not.toBe(key(withFix(), changed([5])));
    const twice = planComments([reported(withFix()), reported(withFix())], changed([4, 5]), read, 'en', 'finalizer-guard').comments;
    expect(new Set(twice.map((c) => c.key)).size).toBe(2);
    expect(markerOf(twice[0].body)).toEqual({ key: twice[0].key });
  });

  it('keeps a body under GitHub limit, whatever the message', () => {
    const f = withFix();
    f.message = 'x'.repeat(200_000);
    f.remediation = 'y'.repeat(200_000);
    const [comment] = plan(f, [4, 5]).comments;
    expect(comment.body.length).toBeLessThanOrEqual(bodyLimit);
    expect(comment.suggests).toBe(true);
    expect(comment.body).toContain(' …');
  });

  it('escapes the repository text it quotes', () => {
    const f = withFix();
    f.message = 'see [x](https://evil.example) @octocat <b>';
    const html = renderGfm(plan(f, [5]).comments[0].body);
    expect(html).not.toMatch(/<a |<b>|@octocat/);
  });
});

describe('reconcile', () => {
  const comment = (key: string, line: number, body = `<!-- finalizer-guard:review key=${key} -->\nnow`): PlannedComment => ({ key, path: 'main.go', line, body, suggests: false, reported: reported(withFix()) });
  const head = 'a'.repeat(40);

  it('keeps, updates, moves and resolves its own comments, and touches no other', () => {
    const existing = [
      { id: 1, body: '<!-- finalizer-guard:review key=aa -->\nnow', line: 5 },
      { id: 2, body: '<!-- finalizer-guard:review key=bb -->\nbefore', line: 6 },
      { id: 3, body: '<!-- finalizer-guard:review key=cc -->\nnow', line: null },
      { id: 4, body: '<!-- finalizer-guard:review key=dd -->\ngone', line: 9 },
      { id: 5, body: resolvedBody('ee', 'b'.repeat(40)), line: 9 },
      { id: 6, body: 'a comment by someone <!-- finalizer-guard:review key=aa -->', line: 5 },
    ];
    const result = reconcile([comment('aa', 5), comment('bb', 6), comment('cc', 7), comment('ff', 8)], existing, head);
    expect(result.create.map((c) => c.key)).toEqual(['cc', 'ff']);
    expect(result.update).toEqual([
      { id: 2, body: '<!-- finalizer-guard:review key=bb -->\nnow' },
      { id: 3, body: expect.stringMatching(/^<!-- finalizer-guard:review key=cc state=moved -->\n/) },
      { id: 4, body: resolvedBody('dd', head) },
    ]);
    expect(result).toMatchObject({ unchanged: 2, resolved: 1, left: [] });
  });

  it('resolves a second comment of ours with the same key, and keeps the first', () => {
    const body = '<!-- finalizer-guard:review key=aa -->\nnow';
    const result = reconcile([comment('aa', 5)], [{ id: 9, body, line: 5 }, { id: 8, body, line: 5 }], head);
    expect(result.update).toEqual([{ id: 9, body: resolvedBody('aa', head) }]);
  });

  it(`posts at most ${commentsPerReview} new comments and hands back the rest`, () => {
    const planned = Array.from({ length: commentsPerReview + 3 }, (_, i) => comment(`k${i}`, i + 1));
    const result = reconcile(planned, [], head);
    expect(result.create).toHaveLength(commentsPerReview);
    expect(result.left.map((c) => c.key)).toEqual(['k50', 'k51', 'k52']);
  });
});
