import { describe, expect, it } from 'vitest';
import { planScan, repoOf } from '../../src/action/event.js';
import { mergeGroup, pullRequest, push, schedule, workflowDispatch } from './support/payloads.js';

const a = 'a'.repeat(40);
const b = 'b'.repeat(40);
const zero = '0'.repeat(40);
const sha = 'c'.repeat(40);

describe('planScan', () => {
  it('compares base and head of a pull request, and puts the check on the head, not the merge commit', () => {
    for (const eventName of ['pull_request', 'pull_request_target']) {
      expect(planScan({ eventName, payload: pullRequest(a, b, { number: 12 }), sha })).toEqual({
        kind: 'diff',
        event: eventName,
        base: { sha: a },
        head: b,
        pullNumber: 12,
        label: 'pull request #12',
      });
    }
  });

  it('compares before..after on push; a new branch with the default branch; a deleted one not at all', () => {
    expect(planScan({ eventName: 'push', payload: push(a, b), sha })).toMatchObject({ kind: 'diff', base: { sha: a }, head: b, label: 'push to feature' });
    expect(planScan({ eventName: 'push', payload: push(zero, b), sha })).toMatchObject({ kind: 'diff', base: { branch: 'main' }, head: b, label: 'new branch feature' });
    expect(planScan({ eventName: 'push', payload: push(zero, b, 'refs/heads/main'), sha })).toMatchObject({ kind: 'full', head: b });
    expect(planScan({ eventName: 'push', payload: push(a, zero), sha })).toMatchObject({ kind: 'skip', reason: 'the push deleted feature: there is no code to analyze' });
  });

  it('compares base_sha..head_sha in a merge queue', () => {
    expect(planScan({ eventName: 'merge_group', payload: mergeGroup(a, b), sha })).toMatchObject({ kind: 'diff', base: { sha: a }, head: b, label: 'merge queue for main' });
  });

  it('scans everything on workflow_dispatch, schedule and other events', () => {
    expect(planScan({ eventName: 'workflow_dispatch', payload: workflowDispatch(), sha })).toEqual({ kind: 'full', event: 'workflow_dispatch', head: sha, label: 'workflow_dispatch run' });
    expect(planScan({ eventName: 'schedule', payload: schedule(), sha })).toMatchObject({ kind: 'full', head: sha });
    expect(planScan({ eventName: 'release', payload: {}, sha })).toMatchObject({ kind: 'full', label: 'release event' });
  });

  it('says what is missing from a broken payload', () => {
    expect(() => planScan({ eventName: 'pull_request', payload: {}, sha })).toThrow('the pull_request payload has no pull_request.base.sha or head.sha');
    expect(() => planScan({ eventName: 'schedule', payload: {}, sha: '' })).toThrow(/GITHUB_SHA is not set/);
  });
});

describe('repoOf', () => {
  it('reads GITHUB_REPOSITORY, else the payload', () => {
    expect(repoOf({ GITHUB_REPOSITORY: 'o/r' }, {})).toEqual({ owner: 'o', repo: 'r' });
    expect(repoOf({}, { repository: { full_name: 'acme/widgets' } })).toEqual({ owner: 'acme', repo: 'widgets' });
    expect(() => repoOf({}, {})).toThrow(/GITHUB_REPOSITORY is not set/);
  });
});
