// The release: notes come from CHANGELOG.md for the tagged version, and the
// workflow checks dist/, creates the release and moves the major tag.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

function notes(tag: string) {
  const result = spawnSync(process.execPath, [join(root, 'scripts', 'release-notes.mjs'), tag], { encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('release notes', () => {
  it("are the CHANGELOG.md section of package.json's version", () => {
    const result = notes(`v${version}`);
    expect(result.code, result.stderr).toBe(0);
    const changelog = readFileSync(join(root, 'CHANGELOG.md'), 'utf8');
    const section = changelog.slice(changelog.indexOf(`## ${version}`));
    expect(result.stdout.trim().length).toBeGreaterThan(0);
    expect(section).toContain(result.stdout.trim().split('\n')[0]);
    expect(result.stdout).not.toContain(`## ${version}`);
  });

  it('refuse a tag that is not vX.Y.Z or not the package version, in one line', () => {
    for (const [tag, message] of [
      ['1.2.3', 'the tag must look like v1.2.3, not "1.2.3"'],
      ['v1', 'the tag must look like v1.2.3, not "v1"'],
      ['v999.0.0', `the tag v999.0.0 is not package.json's version ${version}`],
    ]) {
      const result = notes(tag);
      expect(result.code).toBe(1);
      expect(result.stderr).toBe(`release-notes: ${message}\n`);
    }
  });
});

/** The shell script of a step of the workflow, by the step's name. */
function stepScript(workflow: string, name: string): string {
  const at = workflow.indexOf(`- name: ${name}\n`);
  expect(at).toBeGreaterThanOrEqual(0);
  const block = /\n(\s+)run: \|\n((?:\1  .*\n|\s*\n)+)/.exec(workflow.slice(at))!;
  return block[2].replace(new RegExp(`^${block[1]}  `, 'gm'), '');
}

describe('the release workflow', () => {
  const workflow = readFileSync(join(root, '.github', 'workflows', 'release.yml'), 'utf8');

  it('runs on version tags, checks dist/ and creates the release with the notes', () => {
    expect(workflow).toContain("tags: ['v[0-9]+.[0-9]+.[0-9]+']");
    expect(workflow).toContain('node scripts/release-notes.mjs "$GITHUB_REF_NAME" > "$RUNNER_TEMP/notes.md"');
    expect(stepScript(workflow, 'dist/ is what the sources build')).toMatch(/^npm run build\nif \[ -n "\$\(git status --porcelain -- dist\)" \]/);
    expect(workflow).toContain('gh release create "$GITHUB_REF_NAME" --verify-tag --title "$GITHUB_REF_NAME" --notes-file "$RUNNER_TEMP/notes.md"');
  });

  it('moves the major tag to each release, in a real repository', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fg-release-'));
    try {
      const git = (cwd: string, ...args: string[]) =>
        execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', ...args], { cwd, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' } }).trim();
      git(dir, 'init', '-q', '--bare', 'origin.git');
      git(dir, 'clone', '-q', 'origin.git', 'work');
      const work = join(dir, 'work');
      const script = stepScript(workflow, 'Move the major tag');
      const release = (tag: string) => {
        git(work, 'commit', '-q', '--allow-empty', '-m', tag);
        git(work, 'tag', '-a', '-m', tag, tag);
        git(work, 'push', '-q', 'origin', 'HEAD:refs/heads/main', `refs/tags/${tag}`);
        execFileSync('bash', ['-euo', 'pipefail', '-c', script], { cwd: work, env: { ...process.env, GITHUB_REF_NAME: tag, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' } });
        return git(work, 'rev-parse', 'HEAD');
      };
      const first = release('v1.0.0');
      expect(git(join(dir, 'origin.git'), 'rev-parse', 'v1^{commit}')).toBe(first);
      const second = release('v1.1.0');
      expect(git(join(dir, 'origin.git'), 'rev-parse', 'v1^{commit}')).toBe(second);
      expect(git(join(dir, 'origin.git'), 'rev-parse', 'v1.0.0^{commit}')).toBe(first);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
