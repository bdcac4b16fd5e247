// The built Action (dist/index.js) run as the Actions runner runs it, against
// real git repositories and a loopback GitHub that checks every request
// against the OpenAPI description. One test file per Node binary, so that
// vitest runs them side by side.
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FakeGitHub } from './fake-github.js';
import { commit, git, shallowClone } from './git-repo.js';
import { cleanMain, cycleCallLine, cycleMain, goMod, hostileFiles, hostileFindings, manyCycles } from './go-sources.js';
import { expectInertMarkdown, expectNoForgedCommand, hostilePaths } from './hostile.js';
import { OpenApi } from './openapi.js';
import { loopbackGitHub } from './loopback.js';
import { mergeGroup, pullRequest, push, schedule, workflowDispatch } from './payloads.js';
import { postEntry, runAction, token, type ActionRun, type RunOptions } from './run-action.js';
import type { NodeBinary } from '../../support/nodes.js';
import { sarifSchemaErrors } from '../../support/sarif-schema.js';

const api = new OpenApi();
const slow = { timeout: 60_000 };
const forbidden = { status: 403, body: { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest/checks/runs#create-a-check-run' } };

export function endToEnd({ name, path: node, version }: NodeBinary): void {
  describe(`dist/index.js under ${name}`, () => {
    let gh: FakeGitHub;
    const { dirs, repoWith } = loopbackGitHub(api, (started) => (gh = started));

    function act(workspace: string, eventName: string, payload: unknown, inputs: Record<string, string> = {}, env: Record<string, string> = {}, more: Partial<RunOptions> = {}): Promise<ActionRun> {
      return runAction({ node, workspace, eventName, payload, inputs, apiUrl: gh.url, env, ...more });
    }

    const outputNames = ['findings', 'errors', 'warnings', 'notices', 'sarif-file', 'check-run-id', 'check-run-url', 'conclusion'];

    const annotationsOf = (run: ActionRun, level: string) => run.commands.filter((c) => c.command === level && c.properties.file);

    function expectNoLeak(run: ActionRun) {
      // ::add-mask:: hands the token to the runner, which hides it and never prints that line.
      const printed = (run.stdout + run.stderr).replace(`::add-mask::${token}\n`, '');
      expect(printed).not.toContain(token);
      expect(printed).not.toMatch(/^\s+at .*:\d+:\d+\)?$/m); // no stack trace
    }

    it('fails a pull request that adds a cycle, with a check run on the head commit', slow, async () => {
      const repo = await repoWith({ 'go.mod': goMod, 'README.md': 'hi\n' }, { 'main.go': cycleMain });
      const run = await act(repo.dir, 'pull_request', pullRequest(repo.base, repo.head));
      expectNoLeak(run);
      expect(run.code).toBe(1);
      expect(run.stdout).toContain(`under Node ${version}`);
      expect(run.stdout).toMatch(/^::error::finalizer-guard: 1 error at or above fail-on: error/m);

      expect(gh.checkRuns).toHaveLength(1);
      const check = gh.checkRuns[0];
      expect(check.body).toMatchObject({ name: 'finalizer-guard', head_sha: repo.head, status: 'in_progress' });
      expect(gh.calls('checks/create')[0].authorization).toBe(`token ${token}`);
      const fg001 = check.annotations.filter((a) => a.title.startsWith('FG001'));
      expect(fg001).toHaveLength(1);
      expect(fg001[0]).toMatchObject({ path: 'main.go', start_line: cycleCallLine, end_line: cycleCallLine, annotation_level: 'failure' });
      expect(fg001[0].message).toMatch(/bar\.foo = foo/);
      expect(fg001[0].raw_details).not.toBe('');
      const done = check.updates.at(-1);
      expect(done).toMatchObject({ status: 'completed', conclusion: 'failure' });
      expect(done.output.title).toMatch(/^finalizer-guard: \d+ errors?/);
      expect(done.output.text).toContain('FG001');

      expect(run.outputs).toMatchObject({ conclusion: 'failure', 'check-run-id': String(check.id), 'check-run-url': `https://github.example/acme/widgets/runs/${check.id}` });
      expect(Number(run.outputs.errors)).toBeGreaterThanOrEqual(1);
      expect(run.summary).toContain('FG001');
      expect(run.summary).toMatch(/main\.go:10/);
      expect(run.summary).toContain('## How to fix');
    });

    it('passes a clean pull request', slow, async () => {
      const repo = await repoWith({ 'go.mod': goMod }, { 'main.go': cleanMain });
      const run = await act(repo.dir, 'pull_request', pullRequest(repo.base, repo.head));
      expect(run.code).toBe(0);
      expect(run.outputs).toMatchObject({ conclusion: 'success', findings: '0', errors: '0' });
      expect(gh.checkRuns[0].updates.at(-1)).toMatchObject({ status: 'completed', conclusion: 'success', output: { title: 'finalizer-guard: no findings' } });
      expect(gh.checkRuns[0].annotations).toEqual([]);
    });

    it('analyzes nothing when a pull request touches only non-Go files, and still completes the check', slow, async () => {
      const repo = await repoWith({ 'go.mod': goMod, 'main.go': cycleMain }, { 'README.md': 'docs\n', 'docs/x.txt': 'x\n' });
      const run = await act(repo.dir, 'pull_request', pullRequest(repo.base, repo.head));
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('Nothing to analyze: no changed Go file');
      expect(run.outputs.conclusion).toBe('success');
      expect(gh.checkRuns[0].updates.at(-1)).toMatchObject({ conclusion: 'success' });
    });

    it('reports on the changed line a cycle that a new field and assignment close, naming the unchanged call site', slow, async () => {
      const base = {
        'go.mod': goMod,
        'types.go': 'package main\n\ntype Foo struct{ bar *Bar }\n\ntype Bar struct {\n\tname string\n}\n',
        'main.go': 'package main\n\nimport "runtime"\n\nfunc main() {\n\tfoo := &Foo{}\n\tbar := &Bar{}\n\tfoo.bar = bar\n\truntime.SetFinalizer(foo, func(*Foo) {})\n}\n',
      };
      const head = {
        'types.go': 'package main\n\ntype Foo struct{ bar *Bar }\n\ntype Bar struct {\n\tname string\n\tfoo  *Foo\n}\n',
        'main.go': 'package main\n\nimport "runtime"\n\nfunc main() {\n\tfoo := &Foo{}\n\tbar := &Bar{}\n\tfoo.bar = bar\n\tbar.foo = foo\n\truntime.SetFinalizer(foo, func(*Foo) {})\n}\n',
      };
      const repo = await repoWith(base, head);
      const run = await act(repo.dir, 'pull_request', pullRequest(repo.base, repo.head));
      expect(run.code).toBe(1);
      const fg001 = gh.checkRuns[0].annotations.filter((a) => a.title.startsWith('FG001'));
      expect(fg001).toHaveLength(1);
      const changedLines = ['types.go:7', 'main.go:9'];
      expect(changedLines).toContain(`${fg001[0].path}:${fg001[0].start_line}`);
      expect(fg001[0].message).toContain('main.go:10');
    });

    it('reports on the changed line of another package a cycle it closes for a call in an unchanged package that imports it', slow, async () => {
      const mod = 'module example.com/shop\n\ngo 1.22\n';
      const app = 'package app\n\nimport (\n\t"runtime"\n\n\t"example.com/shop/store"\n)\n\ntype Conn struct {\n\tcache *store.Cache\n}\n\nfunc Open(cache *store.Cache) *Conn {\n\tc := &Conn{cache: cache}\n\tcache.Add(c)\n\truntime.SetFinalizer(c, func(*Conn) {})\n\treturn c\n}\n';
      const store = (add: string) => `package store\n\ntype Cache struct {\n\titems []any\n}\n\nfunc (c *Cache) Add(v any) {\n\t${add}\n}\n`;
      const repo = await repoWith(
        { 'go.mod': mod, 'app/app.go': app, 'store/store.go': store('_ = v'), 'other/other.go': 'package other\n\nimport "runtime"\n\nfunc Free(p *int) { runtime.SetFinalizer(p, nil) }\n' },
        { 'store/store.go': store('c.items = append(c.items, v)') },
      );
      const run = await act(repo.dir, 'pull_request', pullRequest(repo.base, repo.head));
      expectNoLeak(run);
      expect(run.code).toBe(1);
      expect(run.stdout).toContain('Analyzing 1 package and 1 package importing them');
      const fg001 = gh.checkRuns[0].annotations.filter((a) => a.title.startsWith('FG001'));
      expect(fg001).toHaveLength(1);
      // Anchored on the changed store line, naming the unchanged call in app/.
      expect(fg001[0]).toMatchObject({ path: 'store/store.go', start_line: 8 });
      expect(fg001[0].message).toContain('app/app.go:16');
    });

    it('falls back to workflow-command annotations on a fork pull request whose token is read-only', slow, async () => {
      const repo = await repoWith({ 'go.mod': goMod }, { 'main.go': cycleMain });
      gh.script('checks/create', forbidden);
      const run = await act(repo.dir, 'pull_request', pullRequest(repo.base, repo.head, { fork: true }));
      expectNoLeak(run);
      expect(run.code).toBe(1);
      expect(run.stdout).toMatch(/^::warning::The token cannot create check runs \(HTTP 403: Resource not accessible by integration/m);
      const errors = annotationsOf(run, 'error');
      expect(errors.some((e) => e.properties.file === 'main.go' && e.properties.line === String(cycleCallLine) && e.properties.title.startsWith('FG001'))).toBe(true);
      expect(errors[0].properties).toHaveProperty('col');
      expect(errors[0].properties).toHaveProperty('endColumn');
      expect(gh.calls('checks/update')).toEqual([]);
      expect(run.summary).toContain('FG001');
      expect(run.outputs).toMatchObject({ conclusion: 'failure', 'check-run-id': '', 'check-run-url': '' });
    });

    it('adds more than 50 annotations in sequential batches of at most 50', slow, async () => {
      const many = manyCycles(60);
      const repo = await repoWith({ 'go.mod': goMod }, { 'cycles.go': many.source });
      const run = await act(repo.dir, 'pull_request', pullRequest(repo.base, repo.head));
      expect(run.code).toBe(1);
      const updates = gh.checkRuns[0].updates;
      const batches = updates.filter((u) => u.output?.annotations);
      expect(batches.length).toBeGreaterThanOrEqual(2);
      expect(batches.every((b) => b.output.annotations.length <= 50)).toBe(true);
      expect(updates.at(-1)).toMatchObject({ status: 'completed', conclusion: 'failure' });
      const calls = gh.checkRuns[0].annotations.filter((a) => a.title.startsWith('FG001')).map((a) => a.start_line);
      expect(new Set(calls)).toEqual(new Set(Array.from({ length: 60 }, (_, i) => many.callLine(i))));
    });

    it('says how many annotations GitHub will not show when more than 10 of a level fall back', slow, async () => {
      const many = manyCycles(14);
      const repo = await repoWith({ 'go.mod': goMod }, { 'cycles.go': many.source });
      gh.script('checks/create', forbidden);
      const run = await act(repo.dir, 'pull_request', pullRequest(repo.base, repo.head));
      expect(run.code).toBe(1);
      expect(annotationsOf(run, 'error')).toHaveLength(10);
      const errors = Number(run.outputs.errors);
      expect(errors).toBeGreaterThanOrEqual(14);
      expect(run.stdout).toContain(`${errors - 10} error${errors - 10 === 1 ? '' : 's'} not shown as annotations: GitHub shows at most 10 per level per step`);
      for (let i = 0; i < 14; i++) expect(run.summary).toContain(`cycles.go:${many.callLine(i)}`);
    });

    it('follows renames and skips deleted files', slow, async () => {
      const kept = manyCycles(1).source;
      const repo = await repoWith(
        { 'go.mod': goMod, 'pkg/old.go': kept.replace('package main', 'package pkg').replace('func main() {}\n', ''), 'pkg/gone.go': 'package pkg\n' },
        {
          'pkg/old.go': null,
          'pkg/gone.go': null,
          'pkg/new.go': kept.replace('package main', 'package pkg').replace('func main() {}\n', ''),
          'cmd/app/main.go': cycleMain,
        },
      );
      const run = await act(repo.dir, 'pull_request', pullRequest(repo.base, repo.head));
      expect(run.code).toBe(1);
      const paths = gh.checkRuns[0].annotations.map((a) => a.path);
      expect(paths).toContain('cmd/app/main.go');
      // The renamed file's lines are all old: added mode reports nothing there.
      expect(paths.filter((p) => p.startsWith('pkg/'))).toEqual([]);
      expect(paths.some((p) => p.includes('gone') || p.includes('old.go'))).toBe(false);

      // filter-mode file reports anywhere in the changed (renamed) file.
      const byFile = await act(repo.dir, 'pull_request', pullRequest(repo.base, repo.head), { 'filter-mode': 'file' });
      expect(gh.checkRuns[1].annotations.map((a) => a.path)).toContain('pkg/new.go');
      expect(byFile.code).toBe(1);
    });

    it('analyzes a Go module in a subfolder and keeps annotation paths repo-relative', slow, async () => {
      const repo = await repoWith(
        { 'services/api/go.mod': goMod, 'services/web/index.js': '//\n' },
        { 'services/api/internal/store/store.go': cycleMain.replace('package main', 'package store').replace('func main()', 'func Run()') },
      );
      const run = await act(repo.dir, 'pull_request', pullRequest(repo.base, repo.head), { 'working-directory': 'services/api', 'sarif-file': 'out/fg.sarif' });
      expect(run.code).toBe(1);
      expect(gh.checkRuns[0].annotations.find((a) => a.title.startsWith('FG001'))).toMatchObject({ path: 'services/api/internal/store/store.go', start_line: cycleCallLine });
      expect(run.outputs['sarif-file']).toBe(`${repo.dir}/out/fg.sarif`);
      const sarif = JSON.parse(readFileSync(run.outputs['sarif-file'], 'utf8'));
      expect(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('services/api/internal/store/store.go');
      expect(sarif.runs[0].automationDetails).toEqual({ id: 'finalizer-guard/services/api/' });
    });

    it('puts every finding of the analyzed packages in the SARIF file of a pull request, says it is partial, and validates', slow, async () => {
      const pkg = (name: string) => cycleMain.replace('package main', `package ${name}`).replace('func main()', 'func Run()');
      const repo = await repoWith(
        { 'go.mod': goMod, 'lib/old.go': pkg('lib'), 'other/other.go': pkg('other') },
        { 'lib/new.go': 'package lib\n\nimport "runtime"\n\ntype T struct{ self *T; next *T }\n\nfunc New() {\n\tt := &T{}\n\tu := &T{next: t}\n\tt.next = u\n\truntime.SetFinalizer(t, func(*T) {})\n}\n' },
      );
      const run = await act(repo.dir, 'pull_request', pullRequest(repo.base, repo.head), { 'sarif-file': 'fg.sarif', 'fail-on': 'never' }, { GITHUB_ACTION_REPOSITORY: 'acme/finalizer-guard', GITHUB_ACTION_REF: 'v1' });
      expect(run.code).toBe(0);
      const sarif = JSON.parse(readFileSync(run.outputs['sarif-file'], 'utf8'));
      expect(sarifSchemaErrors(sarif)).toEqual([]);
      const [sarifRun] = sarif.runs;
      const uris = sarifRun.results.map((r: any) => r.locations[0].physicalLocation.artifactLocation.uri);
      // The unchanged file's cycle is not on a changed line: the annotations leave it out, the SARIF file keeps it.
      expect(uris).toContain('lib/old.go');
      expect(uris).toContain('lib/new.go');
      expect(uris.filter((u: string) => u.startsWith('other/'))).toEqual([]);
      expect(gh.checkRuns[0].annotations.map((a) => a.path)).not.toContain('lib/old.go');
      expect(sarifRun.properties).toEqual({ partial: true });
      expect(sarifRun.invocations[0].toolExecutionNotifications[0].message.text).toMatch(/^Partial analysis: only the packages holding a Go file the pull request #7 changed/);
      expect(sarifRun.automationDetails).toEqual({ id: 'finalizer-guard/' });
      expect(sarifRun.tool.driver.rules[1].helpUri).toBe('https://github.example/acme/finalizer-guard/blob/v1/docs/rules.md#fg001-finalizer-cycle');
      expect(sarifRun.results.every((r: any) => r.partialFingerprints === undefined)).toBe(true);

      // scan: full on a push to the default branch: every package, not partial.
      const full = await act(repo.dir, 'push', push(repo.base, repo.head), { 'sarif-file': 'fg.sarif', 'fail-on': 'never', scan: 'full' });
      expect(full.code).toBe(0);
      const complete = JSON.parse(readFileSync(full.outputs['sarif-file'], 'utf8'));
      expect(sarifSchemaErrors(complete)).toEqual([]);
      expect(complete.runs[0].results.map((r: any) => r.locations[0].physicalLocation.artifactLocation.uri)).toContain('other/other.go');
      expect(complete.runs[0].properties).toBeUndefined();
      expect(full.summary).toContain('full scan');
    });

    it('completes the check run as failed when the SARIF file cannot be written', slow, async () => {
      // out/ is a folder of the checkout: the write fails after the check run was created.
      const repo = await repoWith({ 'go.mod': goMod, 'out/keep.txt': 'x\n' }, { 'main.go': cleanMain });
      const run = await act(repo.dir, 'pull_request', pullRequest(repo.base, repo.head), { 'sarif-file': 'out/' });
      expectNoLeak(run);
      expect(run.code).toBe(1);
      expect(run.stdout).toMatch(/^::error::cannot write sarif-file "out\/" \(EISDIR\)$/m);
      expect(gh.checkRuns[0].updates.at(-1)).toMatchObject({
        status: 'completed',
        conclusion: 'failure',
        output: { title: 'finalizer-guard could not finish', summary: 'cannot write sarif-file "out/" (EISDIR)' },
      });
    });

    it('completes the check run as failed when report: check-run cannot add the results to it', slow, async () => {
      const repo = await repoWith({ 'go.mod': goMod }, { 'main.go': cleanMain });
      gh.script('checks/update', { status: 422, body: { message: 'Validation Failed' } });
      const run = await act(repo.dir, 'pull_request', pullRequest(repo.base, repo.head), { report: 'check-run' });
      expect(run.code).toBe(1);
      expect(run.stdout).toMatch(/^::error::finalizer-guard failed: could not complete check run \d+: HTTP 422: Validation Failed$/m);
      expect(gh.checkRuns[0].updates.at(-1)).toMatchObject({ status: 'completed', conclusion: 'failure', output: { title: 'finalizer-guard could not finish' } });
    });

    it('completes its check run as cancelled when the runner stops the step with SIGTERM, and still writes outputs and summary', slow, async () => {
      const repo = await repoWith({ 'go.mod': goMod }, { 'main.go': cycleMain });
      // The step hangs on its first write to the check run; the runner cancels the job meanwhile.
      const hung = gh.hold('checks/update');
      const run = await act(repo.dir, 'pull_request', pullRequest(repo.base, repo.head), {}, {}, { stop: { signal: 'SIGTERM', when: hung } });
      expectNoLeak(run);
      expect(run.code).toBe(143);
      expect(run.stdout).toMatch(/^::error::The step was stopped \(SIGTERM\) before finalizer-guard finished/m);
      expect(gh.checkRuns).toHaveLength(1);
      expect(gh.checkRuns[0].updates).toEqual([
        expect.objectContaining({ status: 'completed', conclusion: 'cancelled', output: expect.objectContaining({ title: 'finalizer-guard was stopped' }) }),
      ]);
      expect(Object.keys(run.outputs).sort()).toEqual([...outputNames].sort());
      expect(run.outputs.conclusion).toBe('cancelled');
      expect(run.summary).toContain('**cancelled**: The step was stopped \\(SIGTERM\\)');
      // Nothing is left for the post step.
      expect(run.state['check-run-closed']).toBe('true');
      const post = await act(repo.dir, 'pull_request', pullRequest(repo.base, repo.head), {}, {}, { script: postEntry, state: run.state });
      expect(post.code).toBe(0);
      expect(gh.calls('checks/update')).toHaveLength(2);
    });

    it('has the post step complete, as cancelled, a check run that a killed main step left in progress', slow, async () => {
      const repo = await repoWith({ 'go.mod': goMod }, { 'main.go': cycleMain });
      const hung = gh.hold('checks/update');
      const killed = await act(repo.dir, 'pull_request', pullRequest(repo.base, repo.head), {}, {}, { stop: { signal: 'SIGKILL', when: hung } });
      expect(killed.code).toBe(137);
      expect(killed.state).toEqual({ 'check-run-id': String(gh.checkRuns[0].id) });
      expect(gh.checkRuns[0].updates).toEqual([]);

      const post = await act(repo.dir, 'pull_request', pullRequest(repo.base, repo.head), {}, {}, { script: postEntry, state: killed.state });
      expectNoLeak(post);
      expect(post.code).toBe(0);
      expect(post.stdout).toContain(`Completed check run ${gh.checkRuns[0].id}, which the main step left in progress, as cancelled.`);
      expect(gh.checkRuns[0].updates).toEqual([expect.objectContaining({ status: 'completed', conclusion: 'cancelled' })]);
    });

    it('has the post step say in one line, and call no API, when the token it is given is empty', slow, async () => {
      const repo = await repoWith({ 'go.mod': goMod }, { 'main.go': cycleMain });
      const hung = gh.hold('checks/update');
      const killed = await act(repo.dir, 'pull_request', pullRequest(repo.base, repo.head), {}, {}, { stop: { signal: 'SIGKILL', when: hung } });
      const requests = gh.requests.length;
      const post = await act(repo.dir, 'pull_request', pullRequest(repo.base, repo.head), { 'github-token': '' }, {}, { script: postEntry, state: killed.state });
      expectNoLeak(post);
      expect(post.code).toBe(0);
      expect(post.stdout).toBe(
        `::warning::Could not complete check run ${gh.checkRuns[0].id}, which the main step left in progress: github-token is empty, and the API takes no call without one.\n`,
      );
      expect(gh.requests).toHaveLength(requests);
    });

    it('has the post step do nothing after a main step that completed its check run', slow, async () => {
      const repo = await repoWith({ 'go.mod': goMod }, { 'main.go': cycleMain });
      const run = await act(repo.dir, 'pull_request', pullRequest(repo.base, repo.head));
      expect(run.state).toEqual({ 'check-run-id': String(gh.checkRuns[0].id), 'check-run-closed': 'true' });
      const requests = gh.requests.length;
      const post = await act(repo.dir, 'pull_request', pullRequest(repo.base, repo.head), {}, {}, { script: postEntry, state: run.state });
      expect(post.code).toBe(0);
      expect(post.stdout).toBe('');
      expect(gh.requests).toHaveLength(requests);
    });

    it('keeps writes one wait unit apart, retries included', slow, async () => {
      const repo = await repoWith({ 'go.mod': goMod }, { 'main.go': manyCycles(60).source });
      gh.script('checks/update', { status: 500, body: { message: 'Server Error' } });
      gh.script('checks/update', { status: 200, body: {} }, { status: 403, headers: { 'retry-after': '1' }, body: { message: 'You have exceeded a secondary rate limit.' } });
      const unit = 300;
      const run = await act(repo.dir, 'pull_request', pullRequest(repo.base, repo.head), {}, { FINALIZER_GUARD_API_DELAY_MS: String(unit) });
      expect(run.code).toBe(1);
      const writes = gh.requests.filter((r) => r.method !== 'GET');
      expect(writes.length).toBeGreaterThanOrEqual(6);
      const gaps = writes.slice(1).map((w, i) => w.at - writes[i].at);
      // Half a unit of slack for a loaded machine; a write sent right after a retried one arrives within milliseconds of it.
      expect(Math.min(...gaps)).toBeGreaterThanOrEqual(unit / 2);
    });

    it('writes a SARIF file without results when there is nothing to analyze, for the upload step after it', slow, async () => {
      const repo = await repoWith({ 'go.mod': goMod, 'main.go': cycleMain }, { 'README.md': 'x\n' });
      const run = await act(repo.dir, 'push', push(repo.head, '0'.repeat(40)), { 'sarif-file': 'out/fg.sarif' });
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('Nothing to analyze: the push deleted feature');
      expect(run.summary).toContain('**success**: Nothing to analyze: the push deleted feature');
      expect(run.outputs).toMatchObject({ findings: '0', conclusion: 'success', 'check-run-id': '' });
      expect(run.outputs['sarif-file']).toBe(`${repo.dir}/out/fg.sarif`);
      const sarif = JSON.parse(readFileSync(run.outputs['sarif-file'], 'utf8'));
      expect(sarif.runs[0].tool.driver.name).toBe('finalizer-guard');
      expect(sarif.runs[0].results).toEqual([]);
    });

    it('compares before..after on push, and a new branch with the default branch', slow, async () => {
      const repo = await repoWith({ 'go.mod': goMod, 'main.go': cleanMain }, { 'cyc/cyc.go': cycleMain.replace('package main', 'package cyc').replace('func main()', 'func Run()') });
      const run = await act(repo.dir, 'push', push(repo.base, repo.head));
      expect(run.code).toBe(1);
      expect(gh.checkRuns[0].body.head_sha).toBe(repo.head);
      expect(gh.checkRuns[0].annotations.find((a) => a.title.startsWith('FG001'))).toMatchObject({ path: 'cyc/cyc.go', start_line: cycleCallLine });

      const created = await act(repo.dir, 'push', push('0'.repeat(40), repo.head));
      expect(created.code).toBe(1);
      expect(created.stdout).toContain(`git diff ${repo.base.slice(0, 12)}..HEAD`);

      const deleted = await act(repo.dir, 'push', push(repo.head, '0'.repeat(40)));
      expect(deleted.code).toBe(0);
      expect(deleted.stdout).toContain('Nothing to analyze: the push deleted feature');
    });

    it('compares base_sha..head_sha in a merge queue', slow, async () => {
      const repo = await repoWith({ 'go.mod': goMod }, { 'main.go': cycleMain });
      const run = await act(repo.dir, 'merge_group', mergeGroup(repo.base, repo.head));
      expect(run.code).toBe(1);
      expect(gh.checkRuns[0].body.head_sha).toBe(repo.head);
      expect(run.outputs.conclusion).toBe('failure');
    });

    it('scans everything on workflow_dispatch and schedule', slow, async () => {
      const repo = await repoWith({ 'go.mod': goMod, 'main.go': cycleMain }, { 'README.md': 'x\n' });
      const dispatch = await act(repo.dir, 'workflow_dispatch', workflowDispatch(), {}, { GITHUB_SHA: repo.head });
      expect(dispatch.code).toBe(1);
      expect(gh.checkRuns[0].body.head_sha).toBe(repo.head);
      expect(dispatch.summary).toContain('full scan');
      const scheduled = await act(repo.dir, 'schedule', schedule(), { 'fail-on': 'never' }, { GITHUB_SHA: repo.head });
      expect(scheduled.code).toBe(0);
      expect(scheduled.outputs.conclusion).toBe('neutral');
    });

    it('retries a 500 and a secondary rate limit, then succeeds', slow, async () => {
      const repo = await repoWith({ 'go.mod': goMod }, { 'main.go': cycleMain });
      gh.script('checks/create', { status: 500, body: { message: 'Server Error' } });
      gh.script('checks/update', { status: 403, headers: { 'retry-after': '1' }, body: { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.' } });
      const run = await act(repo.dir, 'pull_request', pullRequest(repo.base, repo.head));
      expect(run.code).toBe(1);
      expect(gh.calls('checks/create')).toHaveLength(2);
      expect(gh.checkRuns).toHaveLength(1);
      expect(gh.checkRuns[0].updates.at(-1)).toMatchObject({ status: 'completed', conclusion: 'failure' });
      expect(run.outputs['check-run-id']).toBe(String(gh.checkRuns[0].id));
    });

    it('waits as long as a 429 secondary rate limit asks before retrying', slow, async () => {
      const repo = await repoWith({ 'go.mod': goMod }, { 'main.go': cycleMain });
      gh.script('checks/create', { status: 429, headers: { 'retry-after': '3' }, body: { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.' } });
      // Real seconds, as on GitHub: no shortened wait unit.
      const run = await act(repo.dir, 'pull_request', pullRequest(repo.base, repo.head), {}, { FINALIZER_GUARD_API_DELAY_MS: '' });
      expect(run.code).toBe(1);
      const [limited, retried] = gh.calls('checks/create');
      expect(retried).toBeDefined();
      expect(retried.at - limited.at).toBeGreaterThanOrEqual(2900);
      expect(gh.calls('checks/create')).toHaveLength(2);
      expect(run.stdout).toContain('GitHub secondary rate limit on POST /repos/{owner}/{repo}/check-runs: retrying in 3 s');
      expect(gh.checkRuns[0].updates.at(-1)).toMatchObject({ status: 'completed', conclusion: 'failure' });
    });

    it('reports a rate limit it will not wait out as a rate limit, not as a read-only token', slow, async () => {
      const repo = await repoWith({ 'go.mod': goMod }, { 'main.go': cycleMain });
      const limit = { headers: { 'retry-after': '900' }, body: { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.' } };
      for (const status of [403, 429]) {
        gh.script('checks/create', { status, ...limit });
        const run = await act(repo.dir, 'pull_request', pullRequest(repo.base, repo.head));
        expect(run.code).toBe(1);
        expect(run.stdout).toContain('giving up: it asks to wait 900 s, longer than 300 s');
        expect(run.stdout).toMatch(new RegExp(`^::warning::Could not create a check run \\(GitHub's rate limit \\(HTTP ${status}: You have exceeded a secondary rate limit.*; retry-after: 900 s\\)\\); reporting with workflow-command annotations instead`, 'm'));
        expect(run.stdout).not.toContain('read-only');
      }
      expect(gh.calls('checks/create')).toHaveLength(2);
    });

    it('uses the REST API in a shallow clone without the base commit, and says why when that fails too', slow, async () => {
      const repo = await repoWith({ 'go.mod': goMod, 'old.go': 'package main\n' }, { 'main.go': cycleMain });
      const shallow = await shallowClone(repo);
      dirs.push(shallow);
      const patch = cycleMain.split('\n').slice(0, -1).map((l) => '+' + l).join('\n');
      gh.pullFiles.set(7, [{ filename: 'main.go', status: 'added', patch: `@@ -0,0 +1,11 @@\n${patch}` }]);
      const viaApi = await act(shallow, 'pull_request', pullRequest(repo.base, repo.head));
      expect(viaApi.code).toBe(1);
      expect(viaApi.stdout).toMatch(/the checkout is shallow; set fetch-depth: 0/);
      expect(gh.calls('pulls/list-files')[0].path).toMatch(/per_page=100/);
      expect(gh.checkRuns[0].annotations.find((a) => a.title.startsWith('FG001'))).toMatchObject({ path: 'main.go', start_line: cycleCallLine });

      gh.pullFiles.clear();
      const neither = await act(shallow, 'pull_request', pullRequest(repo.base, repo.head));
      expect(neither.code).toBe(1);
      expect(neither.stdout).toMatch(/^::warning::Cannot tell which lines the pull request #7 changed: git: the base commit \(\w+\) is not in the workspace's git history: the checkout is shallow; set fetch-depth: 0 on actions\/checkout; REST API: HTTP 404/m);
      expect(neither.summary).toContain('full scan');
    });

    it('asks the compare API for a push in a shallow clone', slow, async () => {
      const repo = await repoWith({ 'go.mod': goMod, 'main.go': cleanMain }, { 'main.go': cycleMain });
      const shallow = await shallowClone(repo);
      dirs.push(shallow);
      gh.comparisons.set(`${repo.base}...${repo.head}`, [{ filename: 'main.go', status: 'modified', patch: '@@ -9,1 +9,2 @@\n-x\n+\tbar.foo = foo\n+\truntime.SetFinalizer(foo, func(ptr *Foo) { fmt.Println("finalized", ptr) })' }]);
      const run = await act(shallow, 'push', push(repo.base, repo.head));
      expect(run.code).toBe(1);
      expect(gh.calls('repos/compare-commits-with-basehead')).toHaveLength(1);
      expect(run.stdout).toContain(`using comparison ${repo.base.slice(0, 12)}...${repo.head.slice(0, 12)} (REST API)`);
      expect(gh.checkRuns[0].annotations.find((a) => a.title.startsWith('FG001'))).toMatchObject({ path: 'main.go', start_line: cycleCallLine });
    });

    it('talks to GitHub Enterprise Server at the GITHUB_API_URL the runner sets', slow, async () => {
      const ghes = new FakeGitHub(api, '/api/v3');
      await ghes.start();
      try {
        const repo = await repoWith({ 'go.mod': goMod }, { 'main.go': cycleMain });
        const run = await runAction({ node, workspace: repo.dir, eventName: 'pull_request', payload: pullRequest(repo.base, repo.head), apiUrl: ghes.url });
        expect(run.code).toBe(1);
        expect(ghes.checkRuns[0].updates.at(-1)).toMatchObject({ status: 'completed', conclusion: 'failure' });
        expect(ghes.requests.every((r) => r.path.startsWith('/api/v3/repos/acme/widgets/check-runs'))).toBe(true);
        expect(ghes.problems).toEqual([]);
      } finally {
        await ghes.stop();
      }
    });

    it('warns that the REST API lists at most 3,000 files of a pull request', slow, async () => {
      const repo = await repoWith({ 'go.mod': goMod, 'main.go': cycleMain }, { 'README.md': 'x\n' });
      const shallow = await shallowClone(repo);
      dirs.push(shallow);
      gh.pullFiles.set(7, Array.from({ length: 3000 }, (_, i) => ({ filename: `docs/page${i}.md`, status: 'added' as const, patch: '@@ -0,0 +1 @@\n+x' })));
      const run = await act(shallow, 'pull_request', pullRequest(repo.base, repo.head));
      expect(gh.calls('pulls/list-files')).toHaveLength(30);
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/^::warning::The REST API lists only the first 3000 files of a pull request; changes past them are not analyzed/m);
      expect(run.summary).toContain('The REST API lists only the first 3000 files');
    });

    it('pages through the files of a pull request and counts a file without a patch as wholly changed', slow, async () => {
      const repo = await repoWith({ 'go.mod': goMod, 'main.go': cycleMain }, { 'README.md': 'x\n' });
      const shallow = await shallowClone(repo);
      dirs.push(shallow);
      const filler = Array.from({ length: 150 }, (_, i) => ({ filename: `docs/page${i}.md`, status: 'added' as const, patch: '@@ -0,0 +1 @@\n+x' }));
      gh.pullFiles.set(7, [...filler, { filename: 'main.go', status: 'modified' }]);
      const run = await act(shallow, 'pull_request', pullRequest(repo.base, repo.head));
      expect(gh.calls('pulls/list-files')).toHaveLength(2);
      expect(run.code).toBe(1);
      expect(gh.checkRuns[0].annotations.find((a) => a.title.startsWith('FG001'))).toMatchObject({ path: 'main.go', start_line: cycleCallLine });
    });

    it('explains a missing token, and bad inputs, in one line', slow, async () => {
      const repo = await repoWith({ 'go.mod': goMod }, { 'main.go': cycleMain });
      const strict = await act(repo.dir, 'pull_request', pullRequest(repo.base, repo.head), { 'github-token': '', report: 'check-run' });
      expect(strict.code).toBe(1);
      expect(strict.stdout).toMatch(/^::error::github-token is empty: report: check-run needs a token with checks: write/m);

      const auto = await act(repo.dir, 'pull_request', pullRequest(repo.base, repo.head), { 'github-token': '' });
      expect(auto.code).toBe(1);
      expect(auto.stdout).toMatch(/^::warning::github-token is empty, so no check run can be made/m);
      expect(annotationsOf(auto, 'error').length).toBeGreaterThan(0);

      const bad = await act(repo.dir, 'pull_request', pullRequest(repo.base, repo.head), { 'filter-mode': 'lines' });
      expect(bad.code).toBe(1);
      expect(bad.stdout).toMatch(/^::error::filter-mode must be one of added, diff_context, file, nofilter; got "lines"$/m);
      expectNoLeak(bad);
      // Outputs and summary all the same, for the steps after this one.
      expect(bad.outputs).toEqual(Object.fromEntries(outputNames.map((n) => [n, n === 'conclusion' ? 'failure' : ''])));
      expect(bad.summary).toContain('**failure**: filter-mode must be one of added, diff\\_context, file, nofilter; got "lines"');
      expect(gh.requests).toEqual([]);
    });

    it('reads .finalizer-guard.yml, or the config input, and fails in one line on a mistake in it before any API call', slow, async () => {
      const repo = await repoWith({ 'go.mod': goMod, '.finalizer-guard.yml': 'rules:\n  FG001: warning\n', 'ci/off.yml': 'exclude: ["**"]\n' }, { 'main.go': cycleMain });
      const run = await act(repo.dir, 'pull_request', pullRequest(repo.base, repo.head));
      expect(run.code).toBe(0);
      expect(run.outputs).toMatchObject({ conclusion: 'neutral', warnings: '1', errors: '0' });
      expect(gh.checkRuns[0].updates.at(-1)).toMatchObject({ conclusion: 'neutral' });

      const off = await act(repo.dir, 'pull_request', pullRequest(repo.base, repo.head), { config: 'ci/off.yml' });
      expect(off.outputs).toMatchObject({ conclusion: 'success', findings: '0' });
      expect(off.summary).toContain('Not reported: 1 that ci/off.yml turns off or leaves out.');

      const requests = gh.requests.length;
      writeFileSync(join(repo.dir, '.finalizer-guard.yml'), 'rules:\n  FG001: warn\n');
      const broken = await act(repo.dir, 'pull_request', pullRequest(repo.base, repo.head));
      expect(broken.code).toBe(1);
      expect(broken.stdout).toMatch(/^::error::\.finalizer-guard\.yml:2: FG001 takes one of off, error, warning, notice in rules, not "warn"$/m);
      expect(gh.requests).toHaveLength(requests);
      expect(broken.outputs.conclusion).toBe('failure');
    });

    it('reports with annotations only when asked, in Russian when asked, and keeps what paths excludes out', slow, async () => {
      const repo = await repoWith({ 'go.mod': goMod }, { 'main.go': cycleMain, 'gen/gen.go': cycleMain.replace('package main', 'package gen').replace('func main()', 'func Run()') });
      const run = await act(repo.dir, 'pull_request', pullRequest(repo.base, repo.head), { report: 'annotations', paths: '**/*.go\n!gen/**', lang: 'ru' });
      expect(run.code).toBe(1);
      expect(gh.requests).toEqual([]);
      const files = annotationsOf(run, 'error').map((a) => a.properties.file);
      expect(files).toContain('main.go');
      expect(files).not.toContain('gen/gen.go');
      expect(annotationsOf(run, 'error')[0].message).toContain('Путь ссылок:');
    });

    it('analyzes the test merge commit a default pull_request checkout holds', slow, async () => {
      const repo = await repoWith({ 'go.mod': goMod, 'README.md': 'a\n' }, { 'main.go': cycleMain });
      await git(repo.dir, 'checkout', '-q', '--detach', 'main');
      // main moves on with a cycle of its own: not this pull request's to answer for.
      await commit(repo.dir, { 'README.md': 'b\n', 'more.go': manyCycles(1).source.replace('package main\n', 'package main\n\n').replace(/Foo/g, 'Baz').replace(/Bar/g, 'Qux').replace('func main() {}\n', '') }, 'main moves on');
      await git(repo.dir, 'merge', '-q', '--no-ff', '-m', 'Merge feature', 'feature');
      const merge = await git(repo.dir, 'rev-parse', 'HEAD');
      const run = await act(repo.dir, 'pull_request', pullRequest(repo.base, repo.head), {}, { GITHUB_SHA: merge });
      expect(run.code).toBe(1);
      expect(gh.checkRuns[0].body.head_sha).toBe(repo.head);
      expect(gh.checkRuns[0].annotations.filter((a) => a.title.startsWith('FG001'))).toEqual([expect.objectContaining({ path: 'main.go', start_line: cycleCallLine })]);
      expect(run.summary).toMatch(/Not reported: \d+ findings? of the analyzed packages not on changed lines/);
    });

    it('refuses a pull_request_target workspace that holds the base branch instead of the head', slow, async () => {
      const repo = await repoWith({ 'go.mod': goMod }, { 'main.go': cycleMain });
      const head = await act(repo.dir, 'pull_request_target', pullRequest(repo.base, repo.head, { fork: true }));
      expect(head.code).toBe(1);
      expect(gh.checkRuns[0].updates.at(-1)).toMatchObject({ conclusion: 'failure' });

      await git(repo.dir, 'checkout', '-q', 'main');
      const base = await act(repo.dir, 'pull_request_target', pullRequest(repo.base, repo.head, { fork: true }));
      expectNoLeak(base);
      expect(base.code).toBe(1);
      expect(base.stdout).toMatch(/^::error::the workspace does not hold the head commit \w{12} of the pull request #7; check it out/m);
      // The check run made before the analysis does not stay in progress.
      expect(gh.checkRuns[1].updates.at(-1)).toMatchObject({ status: 'completed', conclusion: 'failure', output: { title: 'finalizer-guard could not finish' } });

      // The default checkout: a shallow clone of the base branch, where git cannot even see the head.
      const shallowBase = await shallowClone(repo, 'main');
      dirs.push(shallowBase);
      const blind = await act(shallowBase, 'pull_request_target', pullRequest(repo.base, repo.head, { fork: true }), {}, { GITHUB_SHA: repo.base });
      expect(blind.code).toBe(1);
      expect(blind.stdout).toMatch(/^::error::the workspace does not hold the head commit/m);
    });

    it('takes the changed lines from git, not the API, when the workspace has the history', slow, async () => {
      const repo = await repoWith({ 'go.mod': goMod }, { 'main.go': cycleMain });
      await commit(repo.dir, { 'notes.txt': 'later\n' }, 'later');
      const head = await git(repo.dir, 'rev-parse', 'HEAD');
      const run = await act(repo.dir, 'pull_request', pullRequest(repo.base, head));
      expect(run.code).toBe(1);
      expect(gh.calls('pulls/list-files')).toEqual([]);
      expect(gh.checkRuns[0].body.head_sha).toBe(head);
    });

    describe('on a pull request whose file names and Go source forge commands and Markdown', () => {
      async function actHostile(inputs: Record<string, string>): Promise<ActionRun> {
        const repo = await repoWith({ 'go.mod': goMod }, hostileFiles);
        return act(repo.dir, 'pull_request', pullRequest(repo.base, repo.head), inputs);
      }

      const annotatedFiles = (run: ActionRun) => [...new Set(run.commands.filter((c) => c.command === 'error' && c.properties.file).map((c) => c.properties.file))].sort();

      it('report: check-run forges no command and no Markdown', slow, async () => {
        const run = await actHostile({ report: 'check-run' });
        expect(run.code).toBe(1);
        expectNoForgedCommand(run);
        const check = gh.checkRuns[0]!;
        expect([...new Set(check.annotations.map((a) => a.path))].sort()).toEqual(hostilePaths);
        expect(check.annotations.every((a) => !a.message.includes('\r'))).toBe(true);
        const done = check.updates.at(-1);
        expectInertMarkdown(`${done.output.summary}\n\n${done.output.text}`, hostileFindings);
        expectInertMarkdown(run.summary, hostileFindings);
      });

      it('report: annotations forges no command, and its annotations survive a stop-commands attempt', slow, async () => {
        const run = await actHostile({ report: 'annotations' });
        expect(run.code).toBe(1);
        expectNoForgedCommand(run);
        expect(annotatedFiles(run)).toEqual(hostilePaths);
        expectInertMarkdown(run.summary, hostileFindings);
      });

      it('report: auto with a read-only token falls back to annotations that forge nothing', slow, async () => {
        gh.script('checks/create', forbidden);
        const run = await actHostile({});
        expect(run.code).toBe(1);
        expectNoForgedCommand(run);
        expect(run.commands.some((c) => c.command === 'warning' && c.message.startsWith('The token cannot create check runs'))).toBe(true);
        expect(annotatedFiles(run)).toEqual(hostilePaths);
        expectInertMarkdown(run.summary, hostileFindings);
      });

      it('never prints a credential that an API error echoes', slow, async () => {
        // A proxy that echoes the request, as some do on an error.
        const echo = (sent: string) => ({ status: 403, body: { message: `Forbidden. Request headers: {"authorization":"token ${sent}","user-agent":"x"}; Authorization: token ${sent}` } });
        const oldStyle = '0123456789abcdef0123456789abcdef01234567';
        gh.script('checks/create', echo(token));
        const fallback = await actHostile({});
        gh.script('checks/create', echo(oldStyle));
        const strict = await actHostile({ report: 'check-run', 'github-token': oldStyle });
        for (const [run, sent] of [[fallback, token], [strict, oldStyle]] as const) {
          // ::add-mask:: hands the token to the runner, which hides it and never prints that line.
          const printed = (run.stdout + run.stderr).replace(/^::add-mask::.*$/m, '');
          expect(printed).not.toContain(sent);
          expect(printed).toMatch(/^::(warning|error)::.*Forbidden\. Request headers: \{"authorization":"\[redacted\]","user-agent":"x"\}; Authorization: \[redacted\]/m);
          expect(run.summary).not.toContain(sent);
        }
      });
    });
  });
}
