// The request validator of the loopback GitHub must catch what GitHub would reject.
import { describe, expect, it } from 'vitest';
import { OpenApi } from './support/openapi.js';

const api = new OpenApi();
const url = (path: string) => new URL(path, 'http://127.0.0.1');
const annotation = { path: 'a.go', start_line: 1, end_line: 1, annotation_level: 'failure', message: 'm' };

describe('OpenApi.check', () => {
  it('accepts the requests the Action makes', () => {
    expect(api.check('POST', url('/repos/o/r/check-runs'), { name: 'n', head_sha: 'abc', status: 'in_progress', output: { title: 't', summary: 's' } })).toMatchObject({
      operation: { operationId: 'checks/create', params: { owner: 'o', repo: 'r' } },
      problems: [],
    });
    expect(api.check('PATCH', url('/repos/o/r/check-runs/5'), { status: 'completed', conclusion: 'success', output: { title: 't', summary: 's', annotations: [annotation] } }).problems).toEqual([]);
    expect(api.check('GET', url('/repos/o/r/pulls/7/files?per_page=100&page=2'), undefined).problems).toEqual([]);
    expect(api.check('GET', url('/repos/o/r/compare/main...feature/x'), undefined).operation?.params.basehead).toBe('main...feature/x');
  });

  it('rejects what GitHub would', () => {
    const problems = (method: string, path: string, body?: unknown) => api.check(method, url(path), body).problems;
    expect(problems('PATCH', '/repos/o/r/check-runs/5', { output: { summary: 's', annotations: Array(51).fill(annotation) } })).toEqual(['body.output.annotations has 51 items, at most 50 allowed']);
    expect(problems('PATCH', '/repos/o/r/check-runs/5', { status: 'completed' })).toEqual(['body matches none of anyOf']);
    expect(problems('POST', '/repos/o/r/check-runs', { name: 'n' })).toEqual(['body.head_sha is required']);
    expect(problems('POST', '/repos/o/r/check-runs', { name: 'n', head_sha: 'x', conclusion: 'failed' })[0]).toMatch(/body.conclusion = "failed" is not one of/);
    expect(problems('POST', '/repos/o/r/check-runs', { name: 'n', head_sha: 'x', colour: 'red' })).toEqual(['body.colour is not a declared property']);
    expect(problems('PATCH', '/repos/o/r/check-runs/5', { output: { summary: 'x'.repeat(65536) } })).toEqual(['body.output.summary has 65536 characters, at most 65535 allowed']);
    expect(problems('PATCH', '/repos/o/r/check-runs/abc', { status: 'queued' })).toEqual(['path check_run_id is not an integer']);
    expect(problems('GET', '/repos/o/r/pulls/7/files?limit=5')).toEqual(['query parameter limit is not declared for pulls/list-files']);
    expect(problems('DELETE', '/repos/o/r/check-runs/5')).toEqual(['no operation DELETE /repos/o/r/check-runs/5 in the OpenAPI description']);
  });
});
