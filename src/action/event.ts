// Which commits an event asks us to compare, and which commit the check run
// belongs to. Reads the webhook payload only; nothing here touches git or the API.
import { UsageError } from '../errors.js';

export interface Repo {
  owner: string;
  repo: string;
}

/** A commit known by sha, or a branch known by name (a new branch compares with the default branch). */
export type Base = { sha: string } | { branch: string };

export type Scan =
  | {
      kind: 'diff';
      event: string;
      base: Base;
      /** The commit whose changes are reported, and the one the check run is attached to. */
      head: string;
      /** Set for pull request events: the REST API lists the files of the pull request. */
      pullNumber?: number;
      /** For messages: "pull request #12", "push to main", ... */
      label: string;
    }
  | { kind: 'full'; event: string; head: string; label: string }
  | { kind: 'skip'; event: string; reason: string };

const zeroSha = /^0+$/;

export interface EventEnv {
  eventName: string;
  payload: Record<string, any>;
  /** GITHUB_SHA: the commit the workflow run is for. */
  sha: string;
}

export function planScan({ eventName, payload, sha }: EventEnv): Scan {
  const event = eventName;
  if (eventName.startsWith('pull_request')) {
    const pr = payload.pull_request;
    if (!pr?.base?.sha || !pr?.head?.sha) throw new UsageError(`the ${eventName} payload has no pull_request.base.sha or head.sha`);
    // GITHUB_SHA is the test merge commit here; annotations belong on the head commit.
    return { kind: 'diff', event, base: { sha: pr.base.sha }, head: pr.head.sha, pullNumber: pr.number, label: `pull request #${pr.number}` };
  }
  if (eventName === 'push') {
    const ref = String(payload.ref ?? '').replace(/^refs\/(heads|tags)\//, '');
    if (payload.deleted || (payload.after && zeroSha.test(payload.after))) {
      return { kind: 'skip', event, reason: `the push deleted ${ref || 'a ref'}: there is no code to analyze` };
    }
    const head: string = payload.after ?? sha;
    const before: string | undefined = payload.before;
    if (before && !zeroSha.test(before)) return { kind: 'diff', event, base: { sha: before }, head, label: `push to ${ref}` };
    const defaultBranch: string | undefined = payload.repository?.default_branch;
    if (!defaultBranch || ref === defaultBranch) {
      // The first push of the default branch itself: everything in it is new.
      return { kind: 'full', event, head, label: `first push to ${ref}` };
    }
    return { kind: 'diff', event, base: { branch: defaultBranch }, head, label: `new branch ${ref}` };
  }
  if (eventName === 'merge_group') {
    const group = payload.merge_group;
    if (!group?.base_sha || !group?.head_sha) throw new UsageError('the merge_group payload has no merge_group.base_sha or head_sha');
    return { kind: 'diff', event, base: { sha: group.base_sha }, head: group.head_sha, label: `merge queue for ${String(group.base_ref ?? '').replace(/^refs\/heads\//, '')}` };
  }
  if (!sha) throw new UsageError('GITHUB_SHA is not set: run finalizer-guard as a step of a GitHub Actions job');
  return { kind: 'full', event, head: sha, label: eventName === 'schedule' || eventName === 'workflow_dispatch' ? `${eventName} run` : `${eventName} event` };
}

export function repoOf(env: NodeJS.ProcessEnv, payload: Record<string, any>): Repo {
  const full: string | undefined = env.GITHUB_REPOSITORY || payload.repository?.full_name;
  const [owner, repo] = (full ?? '').split('/');
  if (!owner || !repo) throw new UsageError('GITHUB_REPOSITORY is not set: run finalizer-guard as a step of a GitHub Actions job');
  return { owner, repo };
}
