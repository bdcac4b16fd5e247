// What counts as a site: only calls that resolve to the runtime package, not
// methods that share its names (gocheck's s.AddCleanup, a test's Cleanup).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyze } from '../src/engine.js';

const work = mkdtempSync(join(tmpdir(), 'fg-sites-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function writePackage(name: string, files: Record<string, string>): string {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
  return dir;
}

/** A gocheck suite: its AddCleanup is a method of the suite, the runtime is not imported. */
const suite = (i: number) =>
  `package store\n\nimport "testing"\n\ntype suite${i} struct{ cleanups []func() }\n\n` +
  `func (s *suite${i}) AddCleanup(f func()) { s.cleanups = append(s.cleanups, f) }\n\n` +
  `func TestSuite${i}(t *testing.T) {\n\ts := &suite${i}{}\n\ts.AddCleanup(func() {})\n\tt.Cleanup(func() {})\n}\n`;

const suites = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`suite${i}_test.go`, suite(i)]));

describe('sites', () => {
  it('are not methods named AddCleanup: a package that never imports the runtime is not analyzed', async () => {
    const dir = writePackage('gocheck', { 'store.go': 'package store\n\ntype Store struct{ n int }\n', ...suites });
    const { findings, stats } = await analyze([dir], { root: dir });
    expect(findings).toEqual([]);
    expect(stats).toMatchObject({ packages: 0, parsedFiles: 0, sites: 0, steps: 0 });
  });

  it('are the runtime calls of a package whose tests call such methods, and its wrappers', async () => {
    const dir = writePackage('mixed', {
      'store.go':
        'package store\n\nimport rt "runtime"\n\ntype Store struct{ peer *Peer }\ntype Peer struct{ s *Store }\n\n' +
        'func setFinalizer(obj any, fn any) { rt.SetFinalizer(obj, fn) }\n',
      'open.go': 'package store\n\nfunc Open() *Store {\n\ts := &Store{}\n\ts.peer = &Peer{s: s}\n\tsetFinalizer(s, func(*Store) {})\n\treturn s\n}\n',
      ...suites,
    });
    const { findings, stats } = await analyze([dir], { root: dir });
    expect(findings.map((f) => `${f.path}:${f.line} ${f.ruleId}`)).toEqual(['open.go:6 FG001']);
    // The suites are never parsed: nothing in them calls the package's wrapper.
    expect(stats.parsedFiles).toBe(2);
  });
});
