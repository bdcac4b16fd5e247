// The npm package as a user gets it: packed from this checkout, then run with
// npx from the tarball on a machine that has only Node, with an empty npm
// cache and npm held offline, so nothing but the tarball can be used.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cycleCallLine, cycleMain } from './action/support/go-sources.js';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const tarballName = `${packageJson.name}-${packageJson.version}.tgz`;
let work: string;
let packed: ReturnType<typeof npm>;

function npm(command: 'npm' | 'npx', args: string[], cwd: string) {
  const env = {
    ...process.env,
    HOME: join(work, 'home'),
    USERPROFILE: join(work, 'home'),
    npm_config_cache: join(work, 'cache'),
    npm_config_userconfig: join(work, 'home', '.npmrc'),
    // Anything that would reach for the network hits a closed port instead.
    npm_config_registry: 'http://127.0.0.1:9/',
    npm_config_update_notifier: 'false',
  };
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', shell: process.platform === 'win32', timeout: 120_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'fg-package-'));
  mkdirSync(join(work, 'home'));
  mkdirSync(join(work, 'module', 'cycle'), { recursive: true });
  writeFileSync(join(work, 'module', 'go.mod'), 'module example.com/m\n\ngo 1.22\n');
  writeFileSync(join(work, 'module', 'cycle', 'main.go'), cycleMain);
  packed = npm('npm', ['pack', '--json', '--pack-destination', join(work, 'module')], root);
}, 120_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the npm package', () => {
  it('packs the bundle, the problem matcher, the licence and the README, and needs no dependency', () => {
    expect(packed.code, packed.stderr).toBe(0);
    const [info] = JSON.parse(packed.stdout);
    expect(info.filename).toBe(tarballName);
    const files: string[] = info.files.map((f: { path: string }) => f.path).sort();
    expect(files).toEqual(expect.arrayContaining(['LICENSE', 'README.md', 'package.json', 'dist/cli.js', 'dist/worker.js', 'dist/tree-sitter-go.wasm', 'dist/web-tree-sitter.wasm', 'matchers/finalizer-guard.json']));
    expect(files.filter((f) => !f.startsWith('dist/') && !['LICENSE', 'README.md', 'package.json', 'matchers/finalizer-guard.json'].includes(f))).toEqual([]);
    expect(packageJson.private).toBeUndefined();
    expect(packageJson.dependencies ?? {}).toEqual({});
    expect(packageJson.bin).toEqual({ 'finalizer-guard': 'dist/cli.js' });
    expect(readFileSync(join(root, 'LICENSE'), 'utf8')).toMatch(new RegExp(`^${packageJson.license} License`));
  });

  it('runs with npx from the tarball, offline, on a module', { timeout: 120_000 }, () => {
    // As the README says: npx ./finalizer-guard-<version>.tgz ./...
    const result = npm('npx', ['--yes', '--offline', `./${tarballName}`, './...'], join(work, 'module'));
    expect(result.stderr).toMatch(/finalizer-guard: \d+ findings? \(1 error/);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`cycle/main.go:${cycleCallLine}:`);
    expect(result.stdout).toContain('[FG001]');
  });

  it('is run the way the README says', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    expect(readme).toContain(`npx ./${tarballName} ./...`);
    expect(readme).toContain('npx finalizer-guard ./...');
  });
});
