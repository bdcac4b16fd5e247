// The GitHub client is a chunk of dist/ that the Action loads only when it
// calls the API: a copy of dist/ without the chunks still runs a check that
// calls no API, and only a run that calls it misses them.
import { afterAll, describe, expect, it } from 'vitest';
import { cpSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { makeRepo, removeDir, tempDir } from './support/git-repo.js';
import { cycleMain, goMod } from './support/go-sources.js';
import { pullRequest } from './support/payloads.js';
import { entry, runAction } from './support/run-action.js';
import { machineNode } from '../support/nodes.js';

const slow = { timeout: 60_000 };
const chunk = /^\d+\.index\.js$/;

describe('the GitHub client chunk', () => {
  const withoutChunks = tempDir('dist');
  cpSync(dirname(entry), withoutChunks, { recursive: true });
  const chunks = readdirSync(withoutChunks).filter((name) => chunk.test(name));
  for (const name of chunks) rmSync(join(withoutChunks, name));
  afterAll(() => removeDir(withoutChunks));

  const check = async (inputs: Record<string, string>) => {
    const repo = await makeRepo({ 'go.mod': goMod }, { 'main.go': cycleMain });
    try {
      return await runAction({
        node: machineNode.path,
        workspace: repo.dir,
        eventName: 'pull_request',
        payload: pullRequest(repo.base, repo.head),
        inputs,
        // Nothing listens there: a request that is made is refused.
        apiUrl: 'http://127.0.0.1:1',
        env: { FINALIZER_GUARD_API_DELAY_MS: '1' },
        script: join(withoutChunks, 'index.js'),
      });
    } finally {
      removeDir(repo.dir);
    }
  };

  it('is a file of dist/ of its own', () => {
    expect(chunks.length).toBeGreaterThan(0);
  });

  it('is not loaded by a run that calls no API', slow, async () => {
    const run = await check({ report: 'annotations' });
    expect(run.stdout).not.toMatch(/Could not|Cannot find|chunk/i);
    expect(run.commands.filter((c) => c.command === 'error' && c.properties.file === 'main.go').length).toBeGreaterThan(0);
    expect(run.outputs.conclusion).toBe('failure');
  });

  it('is loaded by a run that creates a check run', slow, async () => {
    const run = await check({ report: 'auto' });
    // The chunk is missing, so creating the check run fails before any request, and the run falls back to annotations.
    expect(run.stdout).toMatch(/::warning::Could not create a check run \((?!HTTP)[^)]*(?:index\.js|module)/);
    expect(run.commands.filter((c) => c.command === 'error' && c.properties.file === 'main.go').length).toBeGreaterThan(0);
  });
});
