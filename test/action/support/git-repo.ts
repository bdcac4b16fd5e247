// Real git repositories in temp folders. git runs through execFile with
// argument arrays, never through a shell.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Contents by repo-relative path; null deletes the file. */
export type Files = Record<string, string | null>;

const gitEnv = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.com',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.com',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
};

export async function git(cwd: string, ...args: string[]): Promise<string> {
  const { stdout } = await run('git', args, { cwd, env: gitEnv });
  return stdout.trim();
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `fg-${prefix}-`));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export async function commit(dir: string, files: Files, message: string): Promise<string> {
  for (const [path, content] of Object.entries(files)) {
    const full = join(dir, path);
    if (content === null) {
      rmSync(full, { force: true });
    } else {
      mkdirSync(dirname(full), { recursive: true });
      writeFileSync(full, content);
    }
  }
  await git(dir, 'add', '-A');
  await git(dir, 'commit', '-q', '--allow-empty', '-m', message);
  return git(dir, 'rev-parse', 'HEAD');
}

export interface TestRepo {
  dir: string;
  base: string;
  head: string;
}

/** A repository on branch main with a base commit and a head commit on branch feature. */
export async function makeRepo(base: Files, head: Files): Promise<TestRepo> {
  const dir = tempDir('repo');
  await git(dir, 'init', '-q', '-b', 'main');
  const baseSha = await commit(dir, base, 'base');
  await git(dir, 'checkout', '-q', '-b', 'feature');
  const headSha = await commit(dir, head, 'head');
  return { dir, base: baseSha, head: headSha };
}

/** A depth-1 clone of a branch (by default the head's): nothing before its tip is in it. */
export async function shallowClone(repo: TestRepo, branch = 'feature'): Promise<string> {
  const dir = tempDir('shallow');
  await git(dir, 'clone', '-q', '--depth', '1', '--branch', branch, `file://${repo.dir}`, '.');
  return dir;
}

/**
 * The new-side lines of each file that `git diff from to` shows (added and
 * context lines), read from its hunk headers and line prefixes: what GitHub
 * lets a review comment sit on. `context` 0 gives the changed lines alone.
 */
export async function diffLines(dir: string, from: string, to: string, context = 3): Promise<Map<string, Set<number>>> {
  const lines = new Map<string, Set<number>>();
  let file: Set<number> | undefined;
  let next = 0;
  for (const text of (await git(dir, 'diff', `-U${context}`, '--no-renames', from, to)).split('\n')) {
    const target = /^\+\+\+ b\/(.*)$/.exec(text);
    const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(text);
    if (target) lines.set(target[1], (file = new Set()));
    else if (hunk) next = Number(hunk[1]);
    else if (file && next > 0 && (text.startsWith('+') || text.startsWith(' '))) file.add(next++);
  }
  return lines;
}
