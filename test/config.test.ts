// The configuration file through the built CLI, as a user runs it: found from
// the folder analyzed up to the repository's top, or given with --config;
// each mistake in it is one line naming the file and the line.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cycleMain } from './action/support/go-sources.js';

const cli = join(resolve(dirname(fileURLToPath(import.meta.url)), '..'), 'dist', 'cli.js');
let work: string;

function write(path: string, content: string): void {
  mkdirSync(dirname(join(work, path)), { recursive: true });
  writeFileSync(join(work, path), content);
}

function run(args: string[], cwd = work) {
  const result = spawnSync(process.execPath, [cli, '--format', 'json', ...args], { cwd, encoding: 'utf8' });
  const findings = result.status === 2 ? [] : (JSON.parse(result.stdout).findings as { path: string; ruleId: string; severity: string }[]);
  return { code: result.status, findings: findings.map((f) => `${f.path} ${f.ruleId} ${f.severity}`), stderr: result.stderr };
}

beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'fg-config-'));
  mkdirSync(join(work, '.git'));
  for (const dir of ['app', 'legacy', 'gen']) write(`${dir}/main.go`, cycleMain);
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

const all = ['app/main.go FG001 error', 'gen/main.go FG001 error', 'legacy/main.go FG001 error'];

describe('.finalizer-guard.yml', () => {
  it('changes severities, turns rules off per path with the last override winning, and leaves excluded paths out', () => {
    expect(run(['./...']).findings).toEqual(all);
    write(
      '.finalizer-guard.yml',
      [
        '# reviewed',
        'rules:',
        '  finalizer-cycle: warning',
        'exclude:',
        '  - ./gen/**',
        'overrides:',
        '  - paths: [legacy/**, other/**]',
        '    rules: { FG001: off }',
        '  - paths: legacy/main.go',
        '    rules:',
        '      fg001: notice',
      ].join('\n'),
    );
    const configured = run(['./...']);
    expect(configured.findings).toEqual(['app/main.go FG001 warning', 'legacy/main.go FG001 notice']);
    expect(configured.code).toBe(0);
    expect(configured.stderr).toMatch(/; 1 left out by \.finalizer-guard\.yml\n$/);
  });

  it('is found from the folder analyzed up to the repository top, its globs relative to its own folder, and not above .git', () => {
    write('.finalizer-guard.yml', 'exclude: main.go\n');
    write('app/.finalizer-guard.yml', 'exclude: main.go\n');
    // app's own file is nearest; its "main.go" is app/main.go.
    expect(run(['.'], join(work, 'app')).findings).toEqual([]);
    expect(run(['.'], join(work, 'legacy')).findings).toEqual(['main.go FG001 error']);
    // A repository inside the first does not see the first's file.
    mkdirSync(join(work, 'legacy/.git'));
    write('.finalizer-guard.yml', 'rules: { FG001: off }\n');
    expect(run(['.'], join(work, 'legacy')).findings).toEqual(['main.go FG001 error']);
  });

  it('is taken from --config instead, relative to the working folder', () => {
    write('.finalizer-guard.yml', 'rules: { FG001: off }\n');
    write('ci/strict.yaml', 'rules: { FG001: notice }\n');
    expect(run(['--config', 'ci/strict.yaml', './...']).findings).toEqual(all.map((f) => f.replace('error', 'notice')));
    expect(run(['--config=ci/none.yml', './...'])).toMatchObject({ code: 2, stderr: 'finalizer-guard: cannot read ci/none.yml (ENOENT)\n' });
  });

  it.each([
    ['rulez: {}\n', '1: unknown key "rulez" in the file (expected rules, exclude, overrides)'],
    ['rules:\n  FG001: warnin\n', '2: FG001 takes one of off, error, warning, notice in rules, not "warnin"'],
    ['rules:\n  FG001: 3\n', '2: FG001 takes one of off, error, warning, notice in rules, not 3'],
    ['\nrules:\n  FG099: off\n', '3: unknown rule "FG099" in rules (rules are FG000, FG001, FG002, FG003, FG004, FG005, FG006, FG007, FG008, FG009 or their names)'],
    ['exclude:\n  - a/**\n  - "a/{x"\n', '3: "a/{x" in exclude is not a valid glob: it has an unclosed "{"'],
    ['exclude: [1]\n', '1: exclude takes globs (a string or a list of strings)'],
    ['overrides:\n  - rules: {}\n', '2: an override needs paths: the globs it applies to'],
    ['overrides:\n  - paths: a\n    rule: {}\n', '3: unknown key "rule" in an override (expected paths, rules)'],
    ['overrides: {}\n', '1: overrides must be a list of mappings with paths and rules'],
    ['- rules\n', '1: the file must be a mapping of rules, exclude, overrides'],
    ['rules:\n  FG001: off\n  FG001: error\n', '3: Map keys must be unique'],
    ['rules: [\n', '2: '],
  ])('rejects %j in one line naming the file and line', (text, message) => {
    write('.finalizer-guard.yml', text);
    const result = run(['./...']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^finalizer-guard: \.finalizer-guard\.yml:\d+: [^\n]+\n$/);
    expect(result.stderr.startsWith(`finalizer-guard: .finalizer-guard.yml:${message}`)).toBe(true);
  });

  it('may be empty or hold only comments', () => {
    write('.finalizer-guard.yml', '# nothing yet\n');
    expect(run(['./...']).findings).toEqual(all);
  });
});
