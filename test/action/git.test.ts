// gitChanges on real repositories: renames, deletions, odd file names, a
// missing base, a shallow clone.
import { afterEach, describe, expect, it } from 'vitest';
import { gitChanges, GitUnavailable, holdsCommit, repoRoot } from '../../src/action/git.js';
import { commit, git, makeRepo, removeDir, shallowClone, tempDir } from './support/git-repo.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach(removeDir));

const lines = (n: number, prefix = 'line') => Array.from({ length: n }, (_, i) => `${prefix} ${i + 1}`).join('\n') + '\n';

describe('gitChanges', () => {
  it('follows renames, skips deletions, and reads names with spaces, tabs and non-ASCII letters', async () => {
    const repo = await makeRepo(
      { 'old.go': lines(20), 'gone.go': 'x\n', 'keep.go': lines(5) },
      { 'old.go': null, 'new dir/ré named.go': lines(20).replace('line 12\n', 'line twelve\n'), 'gone.go': null, 'keep.go': lines(5) + 'more\n', 'tab\there.go': 'a\n' },
    );
    dirs.push(repo.dir);
    const changes = await gitChanges(repo.dir, { sha: repo.base }, repo.head);
    expect([...changes.files.keys()].sort()).toEqual(['keep.go', 'new dir/ré named.go', 'tab\there.go']);
    const renamed = changes.files.get('new dir/ré named.go')!;
    expect(renamed.previousPath).toBe('old.go');
    expect([...(renamed.added as Set<number>)]).toEqual([12]);
    expect([...(changes.files.get('keep.go')!.added as Set<number>)]).toEqual([6]);
    expect(changes.source).toBe(`git diff ${repo.base.slice(0, 12)}..HEAD`);
  });

  it('compares with the merge base when the base branch moved on', async () => {
    const repo = await makeRepo({ 'a.go': lines(3) }, { 'b.go': 'b\n' });
    dirs.push(repo.dir);
    await git(repo.dir, 'checkout', '-q', 'main');
    const moved = await commit(repo.dir, { 'c.go': 'c\n' }, 'main moves on');
    await git(repo.dir, 'checkout', '-q', 'feature');
    const changes = await gitChanges(repo.dir, { sha: moved }, repo.head);
    expect([...changes.files.keys()]).toEqual(['b.go']);
    expect([...(await gitChanges(repo.dir, { branch: 'main' }, repo.head)).files.keys()]).toEqual(['b.go']);
  });

  it('takes the first parent of a pull request test merge commit as the base', async () => {
    const repo = await makeRepo({ 'a.go': lines(3) }, { 'b.go': 'b\n' });
    dirs.push(repo.dir);
    await git(repo.dir, 'checkout', '-q', '--detach', 'main');
    await commit(repo.dir, { 'c.go': 'c\n' }, 'main moves on');
    await git(repo.dir, 'merge', '-q', '--no-ff', '-m', 'merge', 'feature');
    const changes = await gitChanges(repo.dir, { sha: repo.base }, repo.head);
    expect([...changes.files.keys()]).toEqual(['b.go']);
  });

  it('says so when the base is missing, naming the shallow clone', async () => {
    const repo = await makeRepo({ 'a.go': 'a\n' }, { 'b.go': 'b\n' });
    const shallow = await shallowClone(repo);
    dirs.push(repo.dir, shallow);
    await expect(gitChanges(shallow, { sha: repo.base }, repo.head)).rejects.toThrow(
      new GitUnavailable(`the base commit (${repo.base.slice(0, 12)}) is not in the workspace's git history: the checkout is shallow; set fetch-depth: 0 on actions/checkout`),
    );
    await expect(gitChanges(repo.dir, { branch: 'nope' }, repo.head)).rejects.toThrow("the base commit (branch nope) is not in the workspace's git history");
  });

  it('tells whether the workspace holds a commit: HEAD, an ancestor of it, another, or one not in the history', async () => {
    const repo = await makeRepo({ 'a.go': lines(3) }, { 'b.go': 'b\n' });
    dirs.push(repo.dir);
    expect(await holdsCommit(repo.dir, repo.head)).toBe(true);
    expect(await holdsCommit(repo.dir, repo.base)).toBe(true);
    await git(repo.dir, 'checkout', '-q', '--detach', 'main');
    const other = await commit(repo.dir, { 'c.go': 'c\n' }, 'main moves on');
    await git(repo.dir, 'checkout', '-q', 'feature');
    expect(await holdsCommit(repo.dir, other)).toBe(false);
    expect(await holdsCommit(repo.dir, 'f'.repeat(40))).toBeUndefined();
    expect(await holdsCommit(repo.dir, '--all')).toBeUndefined();
  });

  it('finds the top of the repository, or none', async () => {
    const repo = await makeRepo({ 'sub/a.go': 'a\n' }, {});
    const plain = tempDir('plain');
    dirs.push(repo.dir, plain);
    expect(await repoRoot(`${repo.dir}/sub`)).toBe(repo.dir);
    expect(await repoRoot(plain)).toBeUndefined();
  });
});
