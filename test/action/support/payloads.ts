// Event payloads shaped like GitHub's webhooks (the fields the Action reads,
// and enough around them to look like the real thing).

const owner = { login: 'acme', id: 1, type: 'Organization' };
export const repository = {
  id: 100,
  name: 'widgets',
  full_name: 'acme/widgets',
  private: false,
  owner,
  default_branch: 'main',
  html_url: 'https://github.example/acme/widgets',
};
const sender = { login: 'octocat', id: 2, type: 'User' };

export function pullRequest(base: string, head: string, options: { number?: number; fork?: boolean; action?: string } = {}) {
  const number = options.number ?? 7;
  const headRepo = options.fork ? { ...repository, id: 200, full_name: 'stranger/widgets', owner: { login: 'stranger', id: 3, type: 'User' }, fork: true } : repository;
  return {
    action: options.action ?? 'synchronize',
    number,
    pull_request: {
      number,
      state: 'open',
      title: 'Change things',
      user: sender,
      head: { label: `${headRepo.owner.login}:feature`, ref: 'feature', sha: head, repo: headRepo, user: headRepo.owner },
      base: { label: 'acme:main', ref: 'main', sha: base, repo: repository, user: owner },
      html_url: `https://github.example/acme/widgets/pull/${number}`,
    },
    repository,
    sender,
  };
}

export function push(before: string, after: string, ref = 'refs/heads/feature') {
  return {
    ref,
    before,
    after,
    created: /^0+$/.test(before),
    deleted: /^0+$/.test(after),
    forced: false,
    base_ref: null,
    compare: `https://github.example/acme/widgets/compare/${before.slice(0, 12)}...${after.slice(0, 12)}`,
    commits: [],
    head_commit: { id: after, message: 'head' },
    repository: { ...repository, master_branch: 'main' },
    pusher: { name: 'octocat', email: 'octocat@example.com' },
    sender,
  };
}

export function mergeGroup(base: string, head: string) {
  return {
    action: 'checks_requested',
    merge_group: {
      head_sha: head,
      head_ref: 'refs/heads/gh-readonly-queue/main/pr-7-' + base,
      base_sha: base,
      base_ref: 'refs/heads/main',
      head_commit: { id: head, message: 'Merge pull request #7' },
    },
    repository,
    sender,
  };
}

export function workflowDispatch() {
  return { inputs: {}, ref: 'refs/heads/main', repository, sender, workflow: '.github/workflows/finalizer-guard.yml' };
}

export function schedule() {
  return { schedule: '17 3 * * *' };
}
