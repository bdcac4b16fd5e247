// Fixes through the built CLI, as users run it: --diff prints what --fix
// writes, both give the golden files of the fixtures, and SARIF and rdjson
// carry the same edits. Files live in a real git repository, which checks
// the diff (`git apply`) against its own (`git diff`).
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { Finding } from '../src/findings.js';
import { planFixes } from '../src/fix/apply.js';
import { unifiedDiff } from '../src/fix/diff.js';
import { copyFixed, goldenFiles } from './support/fixed.js';
import { sarifSchemaErrors } from './support/sarif-schema.js';
import { loadFixture } from './support/wants.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist', 'cli.js');
// Two fixed packages, a program and a library, and one whose finding has no fix.
const fixable = ['fg004_struct_value_used_through_fields_and_methods', 'fg004_cleanup_address_of_pointer_variable'].map(loadFixture);
const unfixable = loadFixture('fg004_struct_value_copied_no_fix');
const scratch = mkdtempSync(join(tmpdir(), 'fg-cli-fixes-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let work: string;
let runs = 0;

function git(...args: string[]): string {
  const r = spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: work, encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
}

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: work, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const read = (path: string) => readFileSync(join(work, path), 'utf8');

beforeEach(() => {
  work = join(scratch, `repo${runs++}`);
  for (const f of [...fixable, unfixable]) cpSync(f.dir, join(work, f.name), { recursive: true, filter: (path) => !path.endsWith('.golden') });
  git('init', '-q');
  git('add', '.');
  git('commit', '-qm', 'fixtures');
});

/** The files as the golden files say they must read after the fixes, by repository path. */
function expectedFixed(): Map<string, string> {
  const files = new Map<string, string>();
  for (const f of fixable) for (const file of goldenFiles(f)) files.set(`${f.name}/${file}`, readFileSync(join(f.dir, `${file}.golden`), 'utf8'));
  return files;
}

describe('--diff', () => {
  it('prints the fixes as a unified diff that git applies to give the golden files, and writes nothing', () => {
    const r = run('--diff', './...');
    expect(r.code, 'exit code as without --diff: errors were found').toBe(1);
    expect(r.stderr).toMatch(/; 2 fixes \(2 files\) shown as a diff, nothing written\n$/);
    expect(git('status', '--porcelain'), 'nothing written').toBe('');
    writeFileSync(join(scratch, 'fixes.patch'), r.stdout);
    git('apply', join(scratch, 'fixes.patch'));
    for (const [path, text] of expectedFixed()) expect(read(path), path).toBe(text);
    // Only the fixable packages changed, and git's own diff has the same lines.
    expect(git('diff', '--name-only').trim().split('\n').sort()).toEqual([...expectedFixed().keys()].sort());
    const lines = (diff: string) => diff.split('\n').filter((l) => /^[-+ ]/.test(l));
    expect(lines(git('diff'))).toEqual(lines(r.stdout));
  });

  it('prints nothing when no finding has a fix', () => {
    const r = run('--diff', `./${unfixable.name}`);
    expect(r.stdout).toBe('');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/; 0 fixes \(0 files\) shown as a diff/);
  });
});

describe('--fix', () => {
  it('writes the golden files, then reports what is left in the fixed code', () => {
    const before = run('--format', 'json', './...');
    const r = run('--fix', '--format', 'json', './...');
    for (const [path, text] of expectedFixed()) expect(read(path), path).toBe(text);
    expect(r.stderr).toMatch(/^finalizer-guard: 2 fixes \(2 files\) applied\n/);
    const left: Finding[] = JSON.parse(r.stdout).findings;
    const fixed = (JSON.parse(before.stdout).findings as Finding[]).filter((f) => f.fix);
    expect(fixed).toHaveLength(2);
    // The fixed calls are no longer FG004; the unfixable one still is, so the run fails.
    expect(left.filter((f) => f.ruleId === 'FG004').map((f) => f.path)).toEqual([`${unfixable.name}/main.go`]);
    expect(r.code).toBe(1);
    // A second run finds nothing more to fix.
    const again = run('--fix', './...');
    expect(again.stderr).toMatch(/^finalizer-guard: 0 fixes \(0 files\) applied\n/);
    expect(git('diff', '--name-only').trim().split('\n').sort()).toEqual([...expectedFixed().keys()].sort());
  });

  it('exits 0 when what is left is below --fail-on', () => {
    const r = run('--fix', `./${fixable[0]!.name}`);
    expect(r.stdout).toBe('');
    expect(r.code).toBe(0);
  });

  it('names a file it cannot write in one line and exits 2', () => {
    const path = join(work, fixable[0]!.name, 'main.go');
    chmodSync(path, 0o444);
    const r = run('--fix', `./${fixable[0]!.name}`);
    // root writes anyway: then the fix is applied as for anyone.
    if (process.getuid?.() === 0) return expect(r.code).toBe(0);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`finalizer-guard: cannot write the fixes into ${fixable[0]!.name}/main.go (EACCES)\n`);
  });

  it('takes no value, and goes neither with --diff nor --diff with --format', () => {
    for (const args of [['--fix', '--diff'], ['--diff', '--fix'], ['--fix=yes'], ['--diff', '--format', 'json']]) {
      const r = run(...args, './...');
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.split('\n')[0], args.join(' ')).toMatch(/^finalizer-guard: (--fix and --diff do not go together|--fix takes no value|--diff prints a diff, not a report: it takes no --format)$/);
      expect(git('status', '--porcelain')).toBe('');
    }
  });
});

describe('fixes in the other formats', () => {
  it('text: a fix line under the finding', () => {
    const r = run(`./${fixable[0]!.name}`);
    expect(r.stdout).toContain('\n\tfix: make buf a pointer where it is made: buf := &Buffer{...} (--fix applies it)\n');
  });

  it('sarif: results[].fixes with artifactChanges and replacements that give the golden files, valid SARIF 2.1.0', () => {
    const log = JSON.parse(run('--format', 'sarif', '--fail-on', 'never', './...').stdout);
    expect(sarifSchemaErrors(log)).toEqual([]);
    const results = log.runs[0].results.filter((r: { fixes?: unknown }) => r.fixes);
    expect(results).toHaveLength(2);
    for (const result of results) {
      const [fix] = result.fixes;
      expect(fix.description.text.length).toBeGreaterThan(0);
      for (const change of fix.artifactChanges) {
        const path: string = change.artifactLocation.uri;
        expect(change.artifactLocation.uriBaseId).toBe('%SRCROOT%');
        const lines = read(path).split('\n');
        const offsetOf = (line: number, column: number) => lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0) + column - 1;
        let text = read(path);
        // From the last replacement back, so earlier offsets stay right.
        const replacements = [...change.replacements].sort((a, b) => offsetOf(b.deletedRegion.startLine, b.deletedRegion.startColumn) - offsetOf(a.deletedRegion.startLine, a.deletedRegion.startColumn));
        for (const { deletedRegion: d, insertedContent } of replacements) {
          text = text.slice(0, offsetOf(d.startLine, d.startColumn)) + insertedContent.text + text.slice(offsetOf(d.endLine, d.endColumn));
        }
        expect(text, path).toBe(expectedFixed().get(path));
      }
    }
  });

  it('rdjson: suggestions with the same ranges', () => {
    const document = JSON.parse(run('--format', 'rdjson', '--fail-on', 'never', './...').stdout);
    const json: Finding[] = JSON.parse(run('--format', 'json', '--fail-on', 'never', './...').stdout).findings;
    const withFix = document.diagnostics.filter((d: { suggestions?: unknown }) => d.suggestions);
    expect(withFix).toHaveLength(2);
    for (const d of withFix) {
      const finding = json.find((f) => f.path === d.location.path && f.line === d.location.range.start.line)!;
      expect(d.suggestions).toEqual(
        finding.fix!.edits.map((e) => ({ range: { start: { line: e.startLine, column: e.startColumn }, end: { line: e.endLine, column: e.endColumn } }, text: e.text })),
      );
    }
  });
});

describe('applying fixes', () => {
  const edit = (start: number, end: number, text: string) => ({ path: 'a.go', start, end, startLine: 1, startColumn: start + 1, endLine: 1, endColumn: end + 1, text });
  const finding = (...edits: ReturnType<typeof edit>[]) => ({ fix: { description: 'd', edits } }) as unknown as Finding;

  it('takes a fix whole or not at all: one overlapping an edit already taken is left out', () => {
    const source = Buffer.from('abcdefgh');
    const plan = planFixes([finding(edit(1, 3, 'X')), finding(edit(2, 4, 'Y'), edit(6, 7, 'Z')), finding(edit(5, 5, '+'), edit(0, 0, '<'))], () => source);
    expect(plan.applied).toHaveLength(2);
    expect(plan.overlapping).toHaveLength(1);
    expect(plan.changes.map((c) => c.after.toString())).toEqual(['<aXde+fgh']);
  });

  it('edits bytes, not UTF-16 units', () => {
    const source = Buffer.from('é := T{}');
    const start = Buffer.byteLength('é := ');
    expect(planFixes([finding(edit(start, start, '&'))], () => source).changes[0]!.after.toString()).toBe('é := &T{}');
  });
});

describe('unified diffs', () => {
  // Each pair of texts, against what git's own diff prints for them.
  const base = Array.from({ length: 30 }, (_, i) => `line ${i + 1}`).join('\n') + '\n';
  const cases: Record<string, string> = {
    'first line': base.replace('line 1\n', 'first\n'),
    'last line, no newline at the end': base.replace('line 30\n', 'line thirty'),
    'two changes far apart': base.replace('line 3\n', 'three\n').replace('line 25\n', 'twenty-five\n'),
    'two changes close together': base.replace('line 10\n', 'ten\n').replace('line 15\n', 'fifteen\n'),
    'lines added and removed': base.replace('line 12\n', 'twelve\nand more\n').replace('line 20\nline 21\n', ''),
  };
  for (const [name, after] of Object.entries(cases)) {
    it(name, () => {
      const dir = mkdtempSync(join(scratch, 'diff-'));
      writeFileSync(join(dir, 'a'), base);
      writeFileSync(join(dir, 'b'), after);
      const r = spawnSync('git', ['diff', '--no-index', '--no-color', 'a', 'b'], { cwd: dir, encoding: 'utf8' });
      const hunks = (diff: string) => diff.split('\n').filter((l) => /^[-+ \\]|^@@/.test(l) && !/^(---|\+\+\+) /.test(l)).map((l) => l.replace(/^(@@ [^@]+ @@).*/, '$1'));
      expect(hunks(unifiedDiff('a', base, after))).toEqual(hunks(r.stdout));
    });
  }

  it('is empty for the same text', () => {
    expect(unifiedDiff('a', base, base)).toBe('');
  });
});

describe('the fixed copy helper', () => {
  it('puts each golden file in place of the file it fixes', () => {
    const dest = join(scratch, 'copied');
    copyFixed(fixable[0]!, dest);
    expect(readFileSync(join(dest, 'main.go'), 'utf8')).toBe(readFileSync(join(fixable[0]!.dir, 'main.go.golden'), 'utf8'));
  });
});
