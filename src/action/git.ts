// Changed lines from git in the workspace. git runs through execFile with an
// argument array: file names never pass through a shell.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Base } from './event.js';
import type { ChangeSet, FileChange } from './changes.js';
import { splitGitDiff } from './patch.js';

const run = promisify(execFile);

/** Why git could not answer, in words for the log. */
export class GitUnavailable extends Error {
  override name = 'GitUnavailable';
}

export async function git(cwd: string, args: string[], input?: string): Promise<string> {
  const child = run('git', ['-c', 'core.quotePath=false', ...args], {
    cwd,
    maxBuffer: 512 * 1024 * 1024,
    encoding: 'utf8',
  });
  if (input !== undefined) child.child.stdin?.end(input);
  const { stdout } = await child;
  return stdout;
}

async function tryGit(cwd: string, args: string[], input?: string): Promise<string | undefined> {
  try {
    return (await git(cwd, args, input)).trim();
  } catch {
    return undefined;
  }
}

/** The top folder of the repository holding `dir`, or undefined when there is none (or no git). */
export function repoRoot(dir: string): Promise<string | undefined> {
  return tryGit(dir, ['rev-parse', '--show-toplevel']);
}

/**
 * The commit each revision names, undefined where it names none: one git
 * call for them all, where `rev-parse --verify` takes one each.
 */
async function commitsOf(root: string, revisions: string[]): Promise<(string | undefined)[]> {
  // A name git would read as an option, or as several lines, names no commit here.
  const asked = revisions.map((rev) => (/^-|\s/.test(rev) ? '-' : `${rev}^{commit}`));
  const lines = ((await tryGit(root, ['cat-file', '--batch-check'], asked.join('\n') + '\n')) ?? '').split('\n');
  // Each line is "<sha> commit <size>", or "<name> missing" (or ambiguous) when there is none.
  return asked.map((_, i) => /^([0-9a-f]{40,64}) commit \d+$/.exec(lines[i] ?? '')?.[1]);
}

const baseCandidates = (base: Base) => ('sha' in base ? [base.sha] : [`refs/remotes/origin/${base.branch}`, `refs/heads/${base.branch}`]);

/**
 * The changes of `head` against `base`, on the lines of HEAD, the commit
 * checked out in the workspace (so lines match the files analyzed): from the
 * merge base of `base` and HEAD, or, when HEAD is the test merge commit of a
 * pull request (its second parent is `head`), from its first parent.
 * Renames are followed, deleted files left out.
 */
export async function gitChanges(root: string, base: Base, head: string): Promise<ChangeSet> {
  const [firstParent, secondParent, ...bases] = await commitsOf(root, ['HEAD^1', 'HEAD^2', ...baseCandidates(base)]);
  const from = secondParent === head && firstParent ? firstParent : await mergeBase(root, base, bases.find((sha) => sha));
  return diffFrom(root, from);
}

async function mergeBase(root: string, base: Base, baseSha: string | undefined): Promise<string> {
  const baseName = 'sha' in base ? base.sha.slice(0, 12) : `branch ${base.branch}`;
  // Asked only on the way to an error: whether the checkout is shallow says how to fix it.
  const shallow = async () => (await tryGit(root, ['rev-parse', '--is-shallow-repository'])) === 'true';
  const fix = ': the checkout is shallow; set fetch-depth: 0 on actions/checkout';
  if (!baseSha) throw new GitUnavailable(`the base commit (${baseName}) is not in the workspace's git history${(await shallow()) ? fix : ''}`);
  const found = await tryGit(root, ['merge-base', baseSha, 'HEAD']);
  if (found) return found;
  if (await shallow()) throw new GitUnavailable(`the merge base of ${baseName} and HEAD is not in the shallow history${fix}`);
  throw new GitUnavailable(`${baseName} and HEAD have no common history`);
}

async function diffFrom(root: string, mergeBase: string): Promise<ChangeSet> {
  const range = [mergeBase, 'HEAD'];
  const common = ['--no-color', '--no-ext-diff', '--no-textconv', '--find-renames', '--diff-filter=d'];
  const [names, patch] = await Promise.all([
    git(root, ['diff', ...common, '--name-status', '-z', ...range, '--']),
    git(root, ['diff', ...common, '--unified=3', '--src-prefix=a/', '--dst-prefix=b/', ...range, '--']),
  ]);
  const patches = splitGitDiff(patch);
  const files = new Map<string, FileChange>();
  const fields = names.split('\0');
  for (let i = 0; i + 1 < fields.length; ) {
    const status = fields[i++];
    const renamed = status.startsWith('R') || status.startsWith('C');
    const previousPath = renamed ? fields[i++] : undefined;
    const path = fields[i++];
    const hunks = patches.get(path);
    // A file with no hunks changed only its name or mode: no line of it is new.
    files.set(path, { path, previousPath, added: hunks?.added ?? new Set(), context: hunks?.context ?? new Set() });
  }
  return { source: `git diff ${mergeBase.slice(0, 12)}..HEAD`, files };
}

/** The commit checked out in the workspace. */
export function headCommit(root: string): Promise<string | undefined> {
  return tryGit(root, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']);
}

/**
 * Whether HEAD is `commit` or descends from it (the test merge commit of a
 * pull request descends from its head); undefined when `commit` is not in
 * the (shallow) history.
 */
export async function holdsCommit(root: string, commit: string): Promise<boolean | undefined> {
  const [head, held] = await commitsOf(root, ['HEAD', commit]);
  if (head === commit) return true;
  if (!held) return undefined;
  return (await tryGit(root, ['merge-base', '--is-ancestor', commit, 'HEAD'])) !== undefined;
}
