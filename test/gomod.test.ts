// The module around a directory: go.mod, go.work, local replacements and
// vendor/, mapped between import paths and directories. Where Go 1.26 is
// installed, `go list` (offline) says where each package is, and the mapping
// must agree with it.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { goVersionFor, importPathOf, moduleFor, packageDir, readDirectives, vendoredPrefixes, workspaceFor } from '../src/discover/gomod.js';

const scratch = realpathSync(mkdtempSync(join(tmpdir(), 'fg-gomod-')));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function write(files: Record<string, string>, base: string): string {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(base, path)), { recursive: true });
    writeFileSync(join(base, path), text);
  }
  return base;
}

const go126 = '/usr/lib/go-1.26/bin/go';
const hasGo126 = spawnSync(go126, ['version']).status === 0;

/** Where Go 1.26 finds each package, offline and in the module's own mode. */
function goListDirs(cwd: string, patterns: string[], env: Record<string, string> = {}): Map<string, string> {
  const r = spawnSync(go126, ['list', '-e', '-f', '{{.ImportPath}} {{.Dir}}', ...patterns], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GOFLAGS: '', GOPROXY: 'off', GOTOOLCHAIN: 'local', GOENV: 'off', ...env },
  });
  expect(r.status, r.stderr).toBe(0);
  return new Map(r.stdout.trim().split('\n').map((l) => l.split(' ') as [string, string]));
}

describe('go.mod directives', () => {
  it('reads lines, blocks, comments and quoted paths', () => {
    const directives = readDirectives(
      [
        'module "example.com/m" // the module',
        '',
        'go 1.22',
        'require (',
        '\texample.com/dep v1.2.3 // indirect',
        ')',
        'replace example.com/dep v1.2.3 => ../dep',
        'replace (',
        '\t`example.com/other` => ./other',
        '\texample.com/remote => example.com/fork v1.0.0',
        ')',
      ].join('\n'),
    );
    expect(directives).toEqual([
      { verb: 'module', args: ['example.com/m'] },
      { verb: 'go', args: ['1.22'] },
      { verb: 'require', args: ['example.com/dep', 'v1.2.3'] },
      { verb: 'replace', args: ['example.com/dep', 'v1.2.3', '=>', '../dep'] },
      { verb: 'replace', args: ['example.com/other', '=>', './other'] },
      { verb: 'replace', args: ['example.com/remote', '=>', 'example.com/fork', 'v1.0.0'] },
    ]);
  });

  it('keeps replacements to directories only, resolved from the go.mod', () => {
    const base = write(
      {
        'm/go.mod': 'module example.com/m\n\ngo 1.21.5\n\nreplace example.com/dep v1.0.0 => ../dep\nreplace example.com/remote => example.com/fork v1.0.0\n',
      },
      join(scratch, 'directives'),
    );
    const module = moduleFor(join(base, 'm'))!;
    expect(module).toMatchObject({ path: 'example.com/m', goVersion: '1.21.5', vendored: false });
    expect(module.replaces).toEqual([{ path: 'example.com/dep', dir: join(base, 'dep') }]);
    expect(goVersionFor(join(base, 'm'))).toBe('1.21.5');
  });

  it('finds the nearest go.mod above a directory, and none outside any module', () => {
    const base = write({ 'go.mod': 'module example.com/up\n', 'a/b/x.go': 'package b\n' }, join(scratch, 'nearest'));
    expect(moduleFor(join(base, 'a', 'b'))?.dir).toBe(base);
    expect(goVersionFor(join(base, 'a', 'b'))).toBeUndefined();
  });
});

describe('import paths and directories', () => {
  const base = write(
    {
      'app/go.mod': 'module example.com/app\n\ngo 1.22\n\nrequire example.com/lib v0.0.0\n\nreplace example.com/lib => ../lib\n',
      'app/main.go': 'package main\n\nimport (\n\t_ "example.com/app/internal/handle"\n\t_ "example.com/lib/wire"\n)\n\nfunc main() {}\n',
      'app/internal/handle/handle.go': 'package handle\n',
      'app/nested/go.mod': 'module example.com/app/nested\n',
      'app/nested/n.go': 'package nested\n',
      'lib/go.mod': 'module example.com/lib\n\ngo 1.22\n',
      'lib/wire/wire.go': 'package wire\n',
    },
    join(scratch, 'replace'),
  );
  const app = join(base, 'app');

  it('maps the module, a local replacement, and stops at a nested module', () => {
    const workspace = workspaceFor(app)!;
    expect(packageDir(workspace, 'example.com/app')).toBe(app);
    expect(packageDir(workspace, 'example.com/app/internal/handle')).toBe(join(app, 'internal', 'handle'));
    expect(packageDir(workspace, 'example.com/lib/wire')).toBe(join(base, 'lib', 'wire'));
    expect(packageDir(workspace, 'example.com/app/nested')).toBeUndefined();
    expect(packageDir(workspace, 'example.com/app/missing')).toBeUndefined();
    expect(packageDir(workspace, 'fmt')).toBeUndefined();
    expect(importPathOf(workspace, join(app, 'internal', 'handle'))).toBe('example.com/app/internal/handle');
    expect(importPathOf(workspace, join(base, 'lib', 'wire'))).toBe('example.com/lib/wire');
  });

  it.skipIf(!hasGo126)('agrees with go list under Go 1.26', () => {
    const workspace = workspaceFor(app)!;
    const dirs = goListDirs(app, ['example.com/app/internal/handle', 'example.com/lib/wire']);
    for (const [path, dir] of dirs) expect(packageDir(workspace, path)).toBe(dir);
  });

  const vendored = write(
    {
      'go.mod': 'module example.com/v\n\ngo 1.22\n\nrequire example.com/dep v1.0.0\n',
      'main.go': 'package main\n\nimport _ "example.com/dep/inner"\n\nfunc main() {}\n',
      'vendor/modules.txt': '# example.com/dep v1.0.0\n## explicit\nexample.com/dep/inner\n',
      'vendor/example.com/dep/inner/inner.go': 'package inner\n',
    },
    join(scratch, 'vendored'),
  );

  it('maps a vendored package to vendor/', () => {
    const workspace = workspaceFor(vendored)!;
    const dir = join(vendored, 'vendor', 'example.com', 'dep', 'inner');
    expect(packageDir(workspace, 'example.com/dep/inner')).toBe(dir);
    expect(importPathOf(workspace, dir)).toBe('example.com/dep/inner');
    // The modules vendor/modules.txt lists are where wrappers may come from too; its `##` lines are annotations.
    expect(vendoredPrefixes(workspace)).toEqual(['example.com/dep']);
  });

  it.skipIf(!hasGo126)('agrees with go list on vendor/ under Go 1.26', () => {
    const dirs = goListDirs(vendored, ['example.com/dep/inner']);
    expect(packageDir(workspaceFor(vendored)!, 'example.com/dep/inner')).toBe(dirs.get('example.com/dep/inner'));
  });
});

describe('go.work', () => {
  const base = write(
    {
      'go.work': 'go 1.22\n\nuse (\n\t./one\n\t./two\n)\n',
      'one/go.mod': 'module example.com/one\n\ngo 1.22\n',
      'one/main.go': 'package main\n\nimport _ "example.com/two/pool"\n\nfunc main() {}\n',
      'two/go.mod': 'module example.com/two\n\ngo 1.22\n',
      'two/pool/pool.go': 'package pool\n',
      'alone/go.mod': 'module example.com/alone\n',
    },
    join(scratch, 'work'),
  );

  it('sees every module the go.work uses, from any of them', () => {
    const workspace = workspaceFor(join(base, 'one'))!;
    expect(workspace.workFile).toBe(join(base, 'go.work'));
    expect(workspace.modules.map((m) => m.path)).toEqual(['example.com/one', 'example.com/two']);
    expect(packageDir(workspace, 'example.com/two/pool')).toBe(join(base, 'two', 'pool'));
    expect(workspaceFor(join(base, 'two', 'pool'))).toBe(workspace);
  });

  it('leaves a module the go.work does not use alone', () => {
    const workspace = workspaceFor(join(base, 'alone'))!;
    expect(workspace.workFile).toBeUndefined();
    expect(packageDir(workspace, 'example.com/two/pool')).toBeUndefined();
  });

  it.skipIf(!hasGo126)('agrees with go list under Go 1.26', () => {
    const dirs = goListDirs(join(base, 'one'), ['example.com/two/pool']);
    expect(packageDir(workspaceFor(join(base, 'one'))!, 'example.com/two/pool')).toBe(dirs.get('example.com/two/pool'));
  });
});
