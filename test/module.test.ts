// Module-wide analysis: other packages of the module are read only when the
// analysis asks for a name they may declare, and reading them lazily or all
// at once gives the same findings.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { workspaceFor } from '../src/discover/gomod.js';
import { analyze } from '../src/engine.js';
import { ModulePackages } from '../src/model/module.js';
import { methodsOf } from '../src/model/package.js';
import { goParser } from '../src/parse/parser.js';
import { listFixtures } from './support/wants.js';

const scratch = mkdtempSync(join(tmpdir(), 'fg-module-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function write(base: string, files: Record<string, string>): string {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(base, path)), { recursive: true });
    writeFileSync(join(base, path), text);
  }
  return base;
}

const moduleFixtures = listFixtures().filter((f) => /other_package|replaced_module|workspace_module|vendored_module/.test(f.name));

describe('packages of the module', () => {
  it('has module fixtures, each a module of its own with packages beside the analyzed one', () => {
    expect(moduleFixtures.length).toBeGreaterThanOrEqual(11);
    expect(moduleFixtures.filter((f) => f.wants.length).length).toBeGreaterThanOrEqual(5);
  });

  it.each(moduleFixtures.map((f) => [f.name, f] as const))('%s: the same findings read lazily or all at once', async (_, fixture) => {
    const lazy = await analyze([fixture.dir], { root: fixture.dir });
    const full = await analyze([fixture.dir], { root: fixture.dir, shortcuts: false });
    expect(lazy.findings).toEqual(full.findings);
    expect(lazy.findings.map((f) => `${f.path}:${f.line} ${f.ruleId}`)).toEqual(fixture.wants.map((w) => `${w.file}:${w.line} ${w.ruleId}`));
  });

  it('reports a call of another package reached from several packages analyzed once', async () => {
    const registry =
      'package registry\n\nimport "runtime"\n\ntype Entry struct{ h uintptr }\n\nvar strong = map[uintptr]*Entry{}\n\n' +
      'func Get(h uintptr) *Entry {\n\te := &Entry{h: h}\n\truntime.SetFinalizer(e, func(*Entry) {})\n\tstrong[h] = e\n\treturn e\n}\n';
    const user = (name: string) =>
      `package ${name}\n\nimport (\n\t"runtime"\n\n\t"example.com/app/registry"\n)\n\ntype W struct{ e *registry.Entry }\n\n` +
      'func Wrap(h uintptr) *W {\n\tw := &W{e: registry.Get(h)}\n\truntime.SetFinalizer(w, func(*W) {})\n\treturn w\n}\n';
    const base = write(join(scratch, 'reached-twice'), {
      'go.mod': 'module example.com/app\n\ngo 1.22\n',
      'registry/registry.go': registry,
      'gdk/gdk.go': user('gdk'),
      'gtk/gtk.go': user('gtk'),
    });
    const alone = await analyze([join(base, 'gtk')], { root: base });
    const both = await analyze([base + '/...'], { root: base });
    expect(alone.findings.map((f) => `${f.path}:${f.line} ${f.ruleId}`)).toEqual(['registry/registry.go:11 FG007']);
    expect(both.findings).toEqual(alone.findings);
  });

  it('reads only the files that declare names the analysis asks for, and no package nothing asks for', async () => {
    const base = write(join(scratch, 'lazy'), {
      'go.mod': 'module example.com/app\n\ngo 1.22\n',
      'main.go':
        'package main\n\nimport (\n\t"runtime"\n\n\t"example.com/app/pool"\n\t"example.com/app/unused"\n)\n\n' +
        'type Conn struct {\n\tp *pool.Pool\n}\n\nfunc open(p *pool.Pool) *Conn {\n\tc := &Conn{p: p}\n\tp.Add(c)\n\truntime.SetFinalizer(c, func(*Conn) {})\n\treturn c\n}\n\n' +
        'func main() {\n\topen(pool.New())\n}\n\nfunc other() {\n\tunused.Nothing()\n}\n',
      'pool/pool.go': 'package pool\n\ntype Pool struct {\n\tconns []any\n}\n\nfunc New() *Pool { return &Pool{} }\n',
      'pool/add.go': 'package pool\n\nfunc (p *Pool) Add(c any) { p.conns = append(p.conns, c) }\n',
      'pool/stats.go': 'package pool\n\ntype Stats struct{ n int }\n\nfunc (s *Stats) Count() int { return s.n }\n',
      'unused/unused.go': 'package unused\n\nfunc Nothing() {}\n',
      'unused/more.go': 'package unused\n\ntype More struct{}\n',
    });
    const lazy = await analyze([base + '/...'], { root: base });
    const full = await analyze([base + '/...'], { root: base, shortcuts: false });
    expect(lazy.findings.map((f) => `${f.path}:${f.line} ${f.ruleId}`)).toEqual(['main.go:17 FG001']);
    expect(lazy.findings[0]!.message).toContain('c -> Conn.p -> Pool.conns -> [] -> c');
    expect(lazy.findings[0]!.related.map((r) => r.path)).toContain('pool/add.go');
    expect(lazy.findings).toEqual(full.findings);
    // pool is read for Pool, New and Add; nothing asks unused/ for a name.
    expect(lazy.stats.modulePackages).toBe(1);
  });

  it('parses a file of another package only when a lookup needs a name it may declare, once for the run', async () => {
    const modules = new ModulePackages(await goParser(), true, 4);
    try {
      const resolve = modules.resolver(workspaceFor(join(scratch, 'lazy'))!, new Set(['linux', 'amd64', 'unix', 'cgo', 'gc']));
      const pool = resolve('example.com/app/pool')!;
      expect(modules.parsedFiles).toBe(0);
      expect(pool.types.get('Pool')?.file.path).toBe(join(scratch, 'lazy', 'pool', 'pool.go'));
      expect(modules.parsedFiles).toBe(1);
      expect([...(methodsOf(pool, 'Pool')?.keys() ?? [])]).toEqual(['Add']);
      expect(modules.parsedFiles).toBe(2);
      expect(resolve('example.com/app/pool')).toBe(pool);
      expect(resolve('fmt')).toBeUndefined();
      expect([...modules.reached]).toEqual(['example.com/app/pool']);
      expect(modules.parsedFiles).toBe(2);
    } finally {
      modules.dispose();
    }
  });

  it('analyzes a package whose only way to the runtime is a wrapper of another package, and parses none that has no way', async () => {
    const base = write(join(scratch, 'wrappers'), {
      'go.mod': 'module example.com/app\n\ngo 1.22\n',
      'leak/leak.go': 'package leak\n\nimport "runtime"\n\nfunc Track(obj, fin any) { runtime.SetFinalizer(obj, fin) }\n',
      'track/track.go': 'package track\n\nimport "example.com/app/leak"\n\nfunc On(obj, fin any) { leak.Track(obj, fin) }\n',
      'plain/plain.go': 'package plain\n\nfunc Nothing() {}\n',
      'uses/uses.go':
        'package uses\n\nimport "example.com/app/track"\n\ntype T struct{ u *U }\n\ntype U struct{ t *T }\n\n' +
        'func New() *T {\n\tt := &T{u: &U{}}\n\tt.u.t = t\n\ttrack.On(t, func(*T) {})\n\treturn t\n}\n',
      'other/other.go': 'package other\n\nimport "example.com/app/plain"\n\nfunc Run() { plain.Nothing() }\n',
    });
    const lazy = await analyze([base + '/...'], { root: base });
    expect(lazy.findings.map((f) => `${f.path}:${f.line} ${f.ruleId}`)).toEqual(['uses/uses.go:12 FG001']);
    expect(lazy.findings[0]!.related.map((r) => `${r.path}:${r.line} ${r.message}`)).toEqual(
      expect.arrayContaining(['track/track.go:5 passed on: leak.Track(obj, fin)', 'leak/leak.go:5 passed on to the runtime: runtime.SetFinalizer(obj, fin)']),
    );
    expect(lazy.findings).toEqual((await analyze([base + '/...'], { root: base, shortcuts: false })).findings);
    // leak/ (its own call, a wrapper) and uses/ are parsed; other/ and plain/ have no way to the runtime.
    const other = await analyze([join(base, 'other')], { root: base });
    expect(other.stats.parsedFiles).toBe(0);
  });

  it('analyzes a package only when it calls a function that may be a wrapper, under the name it imports the package by', async () => {
    const base = write(join(scratch, 'prefilter'), {
      'go.mod': 'module example.com/app\n\ngo 1.22\n',
      // Sets a finalizer on a value of its own (Open takes nothing to pass on), and exports a wrapper.
      'leak/leak.go':
        'package leak\n\nimport "runtime"\n\ntype File struct{ name *string }\n\n' +
        'func Open() *File {\n\tf := &File{}\n\truntime.SetFinalizer(f, func(*File) {})\n\treturn f\n}\n\n' +
        'func Track(obj, fin any) { runtime.SetFinalizer(obj, fin) }\n',
      // Sets finalizers, but never passes names on: no wrapper.
      'locked/locked.go':
        'package locked\n\nimport "runtime"\n\ntype File struct{ name *string }\n\n' +
        'func Open() *File {\n\tf := &File{}\n\truntime.SetFinalizer(f, func(*File) {})\n\treturn f\n}\n\n' +
        'func (f *File) Close() { runtime.SetFinalizer(f, nil) }\n',
      'opens/opens.go': 'package opens\n\nimport "example.com/app/leak"\n\nfunc Run() { leak.Open() }\n',
      'locks/locks.go': 'package locks\n\nimport "example.com/app/locked"\n\nfunc Run() { locked.Open().Close() }\n',
      'renamed/renamed.go':
        'package renamed\n\nimport l "example.com/app/leak"\n\ntype T struct{ u *U }\n\ntype U struct{ t *T }\n\n' +
        'func New() *T {\n\tt := &T{u: &U{}}\n\tt.u.t = t\n\tl.Track(t, func(*T) {})\n\treturn t\n}\n',
    });
    const lazy = await analyze([base + '/...'], { root: base });
    expect(lazy.findings.map((f) => `${f.path}:${f.line} ${f.ruleId}`)).toEqual(['renamed/renamed.go:12 FG001']);
    // The prefilter lets through leak/ and locked/ (their own calls) and renamed/: not opens/ nor locks/.
    expect(lazy.stats.packages).toBe(3);
    for (const dir of ['opens', 'locks']) expect((await analyze([join(base, dir)], { root: base })).stats.parsedFiles).toBe(0);
    // Without shortcuts every package that imports one of the module is analyzed, with the same findings.
    const full = await analyze([base + '/...'], { root: base, shortcuts: false });
    expect(full.stats.packages).toBe(5);
    expect(lazy.findings).toEqual(full.findings);
  });

  it('takes for wrappers only the functions whose own text passes names on, or calls one that does, of their package', async () => {
    const base = write(join(scratch, 'wrapper-text'), {
      'go.mod': 'module example.com/app\n\ngo 1.22\n',
      // Passes names on, but in a function literal of an unexported function no exported one calls so: no wrapper.
      'gc/gc.go':
        'package gc\n\nimport "runtime"\n\ntype T [32]byte\n\n' +
        'func forEach(fn func() bool) {\n\tvar fin func(*T)\n\tfin = func(p *T) {\n\t\tif fn() {\n\t\t\truntime.SetFinalizer(p, fin)\n\t\t}\n\t}\n\tfin(new(T))\n}\n\n' +
        'func Adjust(limit int) { forEach(func() bool { return limit > 0 }) }\n\nfunc Fatalf(format string, args ...any) {}\n',
      'user/user.go': 'package user\n\nimport "example.com/app/gc"\n\nfunc Run(x any) { gc.Fatalf("%v", x); gc.Adjust(1) }\n',
      // Exported functions that reach the runtime through unexported ones, one written with a function literal starting a line.
      'chain/chain.go':
        'package chain\n\nimport "runtime"\n\nfunc register(o, f any) { runtime.SetFinalizer(o, f) }\n\n' +
        'func track(obj, fin any) {\n\tregister(obj, fin)\n}\n\n' +
        'func Odd(obj, fin any) {\n\tf :=\nfunc() {}\n\tf()\n\ttrack(obj, fin)\n}\n\nfunc Name(x any) string { return "" }\n',
      'uses/uses.go':
        'package uses\n\nimport "example.com/app/chain"\n\ntype T struct{ u *U }\n\ntype U struct{ t *T }\n\n' +
        'func New() *T {\n\tt := &T{u: &U{}}\n\tt.u.t = t\n\tchain.Odd(t, func(*T) {})\n\treturn t\n}\n',
      'names/names.go': 'package names\n\nimport "example.com/app/chain"\n\nfunc Of(x any) string { return chain.Name(x) }\n',
    });
    const lazy = await analyze([base + '/...'], { root: base });
    expect(lazy.findings.map((f) => `${f.path}:${f.line} ${f.ruleId}`)).toEqual(['uses/uses.go:12 FG001']);
    expect(lazy.findings).toEqual((await analyze([base + '/...'], { root: base, shortcuts: false })).findings);
    // Neither user/ (gc has no wrapper) nor names/ (chain.Name passes nothing on) is parsed.
    for (const dir of ['user', 'names']) expect((await analyze([join(base, dir)], { root: base })).stats.parsedFiles).toBe(0);
    expect((await analyze([join(base, 'uses')], { root: base })).stats.parsedFiles).toBeGreaterThan(0);
  });

  it('reads a call of many names on lines of their own that ends in an expression in linear time', async () => {
    const names = Array.from({ length: 60 }, (_, i) => `\t\t  n${i},  \n`).join('');
    const base = write(join(scratch, 'many-names'), {
      'go.mod': 'module example.com/app\n\ngo 1.22\n',
      'leak/leak.go':
        'package leak\n\nimport "runtime"\n\nfunc Track(obj, fin any) { runtime.SetFinalizer(obj, fin) }\n\n' +
        `func Sum(x any) {\n\tsum(\n${names}\t\tx+1)\n}\n\nfunc sum(xs ...any) {}\n`,
      'uses/uses.go': 'package uses\n\nimport "example.com/app/leak"\n\nfunc Run(x any) { leak.Track(x, nil) }\n',
    });
    const { stats } = await analyze([base + '/...'], { root: base });
    expect(stats.packages).toBe(2);
  });

  it('makes each call of a wrapper method of another package a site, with the call it passes on to in the related locations', async () => {
    const fixture = moduleFixtures.find((f) => f.name === 'fg001_wrapper_method_in_other_package')!;
    const { findings } = await analyze([fixture.dir], { root: fixture.dir });
    expect(findings.map((f) => `${f.path}:${f.line} ${f.ruleId}`)).toEqual(['main.go:20 FG001']);
    expect(findings[0]!.related.map((r) => `${r.path}:${r.line} ${r.message}`)).toContain('leak/leak.go:13 passed on to the runtime: runtime.SetFinalizer(obj, fin)');
  });

  it('leaves packages outside the module opaque, as before', async () => {
    const base = write(join(scratch, 'outside'), {
      'main.go':
        'package main\n\nimport (\n\t"runtime"\n\n\t"example.com/app/pool"\n)\n\n' +
        'type Conn struct {\n\tp *pool.Pool\n}\n\nfunc open(p *pool.Pool) {\n\tc := &Conn{p: p}\n\tp.Add(c)\n\truntime.SetFinalizer(c, func(*Conn) {})\n}\n',
      'pool/pool.go': 'package pool\n\ntype Pool struct {\n\tconns []any\n}\n\nfunc (p *Pool) Add(c any) { p.conns = append(p.conns, c) }\n',
    });
    // No go.mod: the import path names no directory the tool can know.
    const { findings } = await analyze([base], { root: base });
    expect(findings).toEqual([]);
  });
});
