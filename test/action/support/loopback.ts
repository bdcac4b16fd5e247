// For a describe block of end-to-end tests: a fresh loopback GitHub for each
// test, which must have seen no request outside the OpenAPI description, and
// real git repositories in temp folders, removed after each test.
import { afterEach, beforeEach, expect } from 'vitest';
import { FakeGitHub } from './fake-github.js';
import { makeRepo, removeDir, type Files, type TestRepo } from './git-repo.js';
import type { OpenApi } from './openapi.js';

export function loopbackGitHub(api: OpenApi, started: (gh: FakeGitHub) => void): { dirs: string[]; repoWith: (base: Files, head: Files) => Promise<TestRepo> } {
  let gh: FakeGitHub;
  const dirs: string[] = [];

  beforeEach(async () => {
    gh = new FakeGitHub(api);
    await gh.start();
    started(gh);
  });

  afterEach(async () => {
    await gh.stop();
    dirs.splice(0).forEach(removeDir);
    expect(gh.problems).toEqual([]);
  });

  async function repoWith(base: Files, head: Files): Promise<TestRepo> {
    const repo = await makeRepo(base, head);
    dirs.push(repo.dir);
    return repo;
  }

  return { dirs, repoWith };
}
