// The pull request review (report: review, suggestions: true), end to end:
// the built dist/index.js run as the runner runs it, under the Node that
// action.yml asks for when the machine has it, against the loopback GitHub
// that checks every request against the OpenAPI description and refuses, as
// GitHub does, a comment on a line the diff does not show.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { FakeGitHub } from './support/fake-github.js';
import { commit, diffLines, git, type TestRepo } from './support/git-repo.js';
import { goMod, manyCycles, reviewed, reviewedCapture, reviewedCycleLine, reviewedFixed } from './support/go-sources.js';
import { OpenApi } from './support/openapi.js';
import { loopbackGitHub } from './support/loopback.js';
import { pullRequest } from './support/payloads.js';
import { runAction, type ActionRun } from './support/run-action.js';
import { machineNode, node24 } from '../support/nodes.js';
import { renderGfm, tagsOf, visibleText } from '../support/markdown.js';

const api = new OpenApi();
const slow = { timeout: 90_000 };
const node = (node24 ?? machineNode).path;
const forbidden = { status: 403, body: { message: 'Resource not accessible by integration' } };
const fixture = (path: string) => readFileSync(fileURLToPath(new URL(`../fixtures/fg004_article_cstring_struct_value/${path}`, import.meta.url)), 'utf8');

/** What a reader of some Markdown sees. */
const shown = (markdown: string) => visibleText(renderGfm(markdown));

/** The file with lines `from`..`to` replaced by the suggestion, as GitHub applies one. */
function applySuggestion(source: string, from: number, to: number, suggestion: string): string {
  const lines = source.split('\n');
  lines.splice(from - 1, to - from + 1, ...suggestion.split('\n'));
  return lines.join('\n');
}

/** The one suggestion block of a comment body, as a GFM parser reads it. */
function suggestionOf(body: string): string | undefined {
  const html = renderGfm(body);
  const blocks = [...html.matchAll(/<pre><code class="language-suggestion">([\s\S]*?)<\/code><\/pre>/g)];
  if (blocks.length === 0) return undefined;
  expect(blocks).toHaveLength(1);
  const decoded = blocks[0][1].replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  return decoded.replace(/\n$/, '');
}

describe('the pull request review', () => {
  let gh: FakeGitHub;
  const { repoWith } = loopbackGitHub(api, (started) => (gh = started));

  /** Runs the step on pull request #7 at `head`, GitHub knowing the lines its diff shows. */
  async function review(repo: TestRepo, head: string, inputs: Record<string, string>, payload = pullRequest(repo.base, head)): Promise<ActionRun> {
    gh.diffLines.set(7, await diffLines(repo.dir, repo.base, head));
    return runAction({ node, workspace: repo.dir, eventName: 'pull_request', payload, inputs, apiUrl: gh.url });
  }

  it('posts one review with a suggestion where the fix lies in the commented lines, then updates and resolves its own comments on a re-run', slow, async () => {
    const repo = await repoWith({ 'go.mod': goMod, 'README.md': 'x\n' }, { 'main.go': reviewed, 'cstring/main.go': fixture('main.go') });
    // Someone else's comment on the pull request: never touched.
    gh.reviewComments.push({ id: 1, pull: 7, reviewId: 1, path: 'main.go', line: 5, start_line: null, body: 'Why fmt here?', commit_id: repo.head, user: { login: 'octocat', type: 'User' } });
    const first = await review(repo, repo.head, { report: 'review' });
    expect(first.code).toBe(1);
    expect(gh.checkRuns).toEqual([]);
    expect(gh.calls('pulls/create-review')).toHaveLength(1);
    const [posted] = gh.reviews;
    expect(posted.body).toMatchObject({ commit_id: repo.head, event: 'COMMENT' });
    expect(posted.body.body).toContain('3 findings on lines this pull request changed, 2 with a suggested change');
    const byPath = new Map(posted.body.comments.map((c: any) => [`${c.path}:${c.line}`, c]));
    expect([...byPath.keys()].sort()).toEqual(['cstring/main.go:25', `main.go:${reviewedCapture.end}`, `main.go:${reviewedCycleLine}`]);

    // FG004: the fix edits lines 20 and 25 around the call at 21..24: the comment spans 20..25, the suggestion gives the golden file.
    const cstring: any = byPath.get('cstring/main.go:25');
    expect(cstring).toMatchObject({ start_line: 20, side: 'RIGHT', start_side: 'RIGHT' });
    expect(cstring.body).toMatch(/^<!-- finalizer-guard:review key=[0-9a-f]{20} -->\n🔴 \*\*FG004 /);
    expect(applySuggestion(fixture('main.go'), 20, 25, suggestionOf(cstring.body)!)).toBe(fixture('main.go.golden'));
    expect(cstring.body).toContain('<details><summary>How to fix</summary>');

    // FG003: the suggestion's code holds ``` itself, so its fence is longer; applied, it is the next commit's code.
    const capture: any = byPath.get(`main.go:${reviewedCapture.end}`);
    expect(capture.start_line).toBe(reviewedCapture.start);
    expect(capture.body).toContain('````suggestion\n');
    const mended = applySuggestion(reviewed, reviewedCapture.start, reviewedCapture.end, suggestionOf(capture.body)!);
    expect(mended).toBe(reviewed.replace('\t\tf.close()', '\t\tp.close()'));

    // FG001 has no fix: a comment on the call's line, the reference path in it, no suggestion.
    const cycle: any = byPath.get(`main.go:${reviewedCycleLine}`);
    expect(cycle.start_line).toBeUndefined();
    expect(suggestionOf(cycle.body)).toBeUndefined();
    expect(cycle.body).toContain('Reference path: Foo.bar: foo.bar = bar');
    for (const c of posted.body.comments) for (const tag of tagsOf(renderGfm(c.body))) expect(['p', 'strong', 'br', 'pre', 'code', 'details', 'summary', 'em', 'ul', 'li', 'ol', 'a']).toContain(tag);

    expect(shown(first.summary)).toContain('Pull request review: 3 new comments (2 with a suggested change), 0 updated, 0 marked resolved, 0 left as they were.');
    expect(first.stdout).toContain('https://github.example/acme/widgets/pull/7#pullrequestreview-');

    // The next commit mends FG003 as suggested and closes the cycle another way, every line where it was.
    await git(repo.dir, 'checkout', '-q', 'feature');
    const second = await commit(repo.dir, { 'main.go': reviewedFixed }, 'mend');
    // GitHub marks a comment outdated once the lines it is on change.
    const changed = (await diffLines(repo.dir, repo.head, second, 0)).get('main.go')!;
    for (const c of gh.reviewComments) if (c.path === 'main.go' && c.line !== null && [...changed].some((l) => l >= (c.start_line ?? c.line!) && l <= c.line!)) c.line = null;
    const again = await review(repo, second, { report: 'review' });
    expect(again.code).toBe(1);
    // Nothing new to post: no second review; the cycle's comment updated in place, the capture's marked resolved.
    expect(gh.reviews).toHaveLength(1);
    const updates = gh.calls('pulls/update-review-comment');
    expect(updates).toHaveLength(2);
    const cycleComment = gh.reviewComments.find((c) => c.body.includes('FG001'))!;
    expect(cycleComment.line).toBe(reviewedCycleLine);
    expect(visibleText(renderGfm(cycleComment.body))).toContain('Reference path: Foo.bar: foo.bar = &Bar{foo: foo}');
    expect(cycleComment.body.split('\n')[0]).toBe(cycle.body.split('\n')[0]);
    const outdated = gh.reviewComments.filter((c) => c.line === null);
    expect(outdated).toHaveLength(1);
    expect(outdated[0].body).toMatch(new RegExp(`^<!-- finalizer-guard:review key=[0-9a-f]{20} state=resolved -->\\n✅ Resolved: finalizer-guard no longer reports this finding at ${second.slice(0, 12)}\\.`));
    expect(gh.reviewComments[0].body).toBe('Why fmt here?');
    expect(updates.map((u) => u.path)).not.toContain('/repos/acme/widgets/pulls/comments/1');
    expect(shown(again.summary)).toContain('Pull request review: 0 new comments (0 with a suggested change), 1 updated, 1 marked resolved, 1 left as they were.');

    // The same commit once more: every comment is as it should be, nothing is written.
    const writes = gh.requests.filter((r) => r.method !== 'GET').length;
    const third = await review(repo, second, { report: 'review' });
    expect(third.code).toBe(1);
    expect(gh.requests.filter((r) => r.method !== 'GET')).toHaveLength(writes);
    expect(shown(third.summary)).toContain('0 new comments (0 with a suggested change), 0 updated, 0 marked resolved, 3 left as they were.');
    expect(gh.reviewComments).toHaveLength(4);
  });

  it('pages through the comments already there and posts only new findings beside a check run with suggestions: true', slow, async () => {
    const repo = await repoWith({ 'go.mod': goMod }, { 'main.go': reviewed });
    for (let i = 0; i < 130; i++) {
      gh.reviewComments.push({ id: 10 + i, pull: 7, reviewId: 2, path: 'main.go', line: 3, start_line: null, body: `note ${i}`, commit_id: repo.head, user: { login: 'octocat', type: 'User' } });
    }
    const run = await review(repo, repo.head, { suggestions: 'true' });
    expect(run.code).toBe(1);
    expect(gh.calls('pulls/list-review-comments').map((r) => r.path)).toEqual([
      '/repos/acme/widgets/pulls/7/comments?per_page=100',
      expect.stringMatching(/per_page=100&page=2$/),
    ]);
    expect(gh.checkRuns[0].annotations.filter((a) => a.title.startsWith('FG00'))).toHaveLength(2);
    expect(gh.reviews[0].body.comments).toHaveLength(2);
    expect(run.outputs['check-run-id']).toBe(String(gh.checkRuns[0].id));
  });

  it('falls back to a check run, or annotations, with one line when the token cannot review (a fork)', slow, async () => {
    const repo = await repoWith({ 'go.mod': goMod }, { 'main.go': reviewed });
    const fork = pullRequest(repo.base, repo.head, { fork: true });
    gh.script('pulls/create-review', forbidden);
    const run = await review(repo, repo.head, { report: 'review' }, fork);
    expect(run.code).toBe(1);
    const lines = run.stdout.split('\n').filter((l) => l.includes('cannot review'));
    expect(lines).toEqual(['::warning::The token cannot review pull request #7 (HTTP 403: Resource not accessible by integration): it is read-only, as on pull requests from forks, or the job lacks permissions: pull-requests: write; reporting as report: auto does instead.']);
    expect(gh.checkRuns).toHaveLength(1);
    expect(gh.checkRuns[0].annotations.map((a) => a.title.slice(0, 5)).sort()).toEqual(['FG001', 'FG003']);
    expect(gh.checkRuns[0].updates.at(-1)).toMatchObject({ status: 'completed', conclusion: 'failure' });

    gh.script('pulls/create-review', forbidden);
    gh.script('checks/create', forbidden);
    const neither = await review(repo, repo.head, { report: 'review' }, fork);
    expect(neither.code).toBe(1);
    const errors = neither.commands.filter((c) => c.command === 'error' && c.properties.file);
    expect(errors.map((e) => e.properties.title.slice(0, 5)).sort()).toEqual(['FG001', 'FG003']);
    expect(neither.outputs['check-run-id']).toBe('');
  });

  it('posts at most 50 comments in a review and counts the rest, which become annotations', slow, async () => {
    const many = manyCycles(60);
    const repo = await repoWith({ 'go.mod': goMod }, { 'cycles.go': many.source });
    const run = await review(repo, repo.head, { report: 'review' });
    expect(run.code).toBe(1);
    expect(gh.reviews).toHaveLength(1);
    expect(gh.reviews[0].body.comments).toHaveLength(50);
    expect(gh.reviews[0].body.body).toContain('10 more findings not posted here: at most 50 comments per review.');
    expect(run.stdout).toMatch(/^::warning::10 findings not posted in the pull request review, which takes at most 50 new comments; the annotations, the job summary and the SARIF file have them all\.$/m);
    expect(shown(run.summary)).toContain('10 findings not posted in the pull request review');
    const annotated = run.commands.filter((c) => c.command === 'error' && c.properties.file).map((c) => Number(c.properties.line));
    const commented = gh.reviews[0].body.comments.map((c: any) => c.line);
    expect(annotated).toHaveLength(10);
    expect(new Set([...annotated, ...commented])).toEqual(new Set(Array.from({ length: 60 }, (_, i) => many.callLine(i))));
  });
});
