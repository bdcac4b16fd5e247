// Finding messages as users read them: one line each, types named as written,
// English articles as the words are spoken.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyze } from '../src/engine.js';
import { withArticle } from '../src/rules/describe.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** The findings' messages for one Go file of package main, by line. */
async function messages(source: string, goMod?: string): Promise<Map<number, string[]>> {
  const dir = mkdtempSync(join(tmpdir(), 'fg-messages-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'main.go'), source);
  if (goMod) writeFileSync(join(dir, 'go.mod'), goMod);
  const { findings } = await analyze([dir], { root: dir });
  const byLine = new Map<number, string[]>();
  for (const f of findings) byLine.set(f.line, [...(byLine.get(f.line) ?? []), `${f.ruleId} ${f.message}`]);
  return byLine;
}

describe('articles', () => {
  it('say "an" before a number spoken with a vowel', () => {
    for (const n of [8, 11, 18, 80, 800, 8000, 11000, 18000]) expect(withArticle(`${n}-byte`)).toBe(`an ${n}-byte`);
    for (const n of [1, 4, 16, 110, 180, 1100]) expect(withArticle(`${n}-byte`)).toBe(`a ${n}-byte`);
  });

  it('say "an" before types spoken with a vowel', () => {
    expect(withArticle('int')).toBe('an int');
    expect(withArticle('interface')).toBe('an interface');
    expect(withArticle('unsafe.Pointer')).toBe('an unsafe.Pointer');
    expect(withArticle('uint32')).toBe('a uint32');
    expect(withArticle('uintptr')).toBe('a uintptr');
    expect(withArticle('struct{ fd int }')).toBe('a struct{ fd int }');
  });
});

describe('types and expressions in messages', () => {
  it('keep a multi-line anonymous struct on one line, without its comments', async () => {
    const found = await messages(`package main

import "runtime"

func open() {
	h := &struct {
		// the descriptor
		fd int32
	}{fd: 3}
	runtime.SetFinalizer(h, func(*struct{ fd int32 }) {})
	runtime.SetFinalizer(&struct {
		fd int64 // the descriptor
	}{
		fd: 4,
	}, func(*struct{ fd int64 }) {})
}
`);
    expect(found.get(10)).toEqual([expect.stringMatching(/^FG007 h points to a 4-byte struct\{ fd int32 \} without pointers;/)]);
    expect(found.get(11)).toEqual([expect.stringMatching(/^FG007 &struct\{ fd int64 \}\{fd: 4\} points to an 8-byte struct\{ fd int64 \} without pointers;/)]);
    for (const list of found.values()) for (const m of list) expect(m).not.toMatch(/\n|\/\//);
  });

  it('print an anonymous struct a path runs through as gofmt does on one line, the fields past what fits cut', async () => {
    const found = await messages(`package main

import (
	"runtime"
	"sync"
)

var shared = struct {
	mu sync.RWMutex
	// strong holds a box while C holds its object.
	strong map[int]*Box
}{strong: map[int]*Box{}}

type Box struct{ dummy *boxDummy }

type boxDummy struct{ handle *int }

func newBox(id int) *Box {
	box := &Box{dummy: &boxDummy{}}
	shared.strong[id] = box
	runtime.SetFinalizer(box.dummy, func(*boxDummy) {})
	return box
}

func label(id int) {
	tag := &struct{ id, size uint16; flags, mode uint8 }{id: uint16(id)}
	runtime.SetFinalizer(tag, func(*struct{ id, size uint16; flags, mode uint8 }) {})
}
`);
    const kept = found.get(21)?.join('\n') ?? '';
    expect(kept).toMatch(/^FG007 .*package -> shared -> struct\{ mu sync\.RWMutex; \.\.\. \}\{\}\.strong -> \[value\] -> Box\.dummy -> /);
    expect(found.get(27)?.join('\n')).toMatch(/^FG007 tag points to a 6-byte struct\{ id uint16; size uint16; \.\.\. \} without pointers;/);
    for (const list of found.values()) for (const m of list) expect(m).not.toMatch(/\n|\/\//);
  });

  it('give the article of the spoken type', async () => {
    const found = await messages(`package main

import "runtime"

type T struct{ p *int }

func open() {
	t := &T{}
	runtime.SetFinalizer(t, func(int) {})
}
`);
    expect(found.get(9)?.[0]).toMatch(/takes an int, which/);
  });
});

describe('FG007 on AddCleanup', () => {
  it('names the cleanup, not a finalizer', async () => {
    const found = await messages(`package main

import "runtime"

type Lease struct{ id, ttl uint32 }

func grant() {
	l := &Lease{id: 1}
	runtime.AddCleanup(l, func(int) {}, 0)
}
`);
    expect(found.get(9)?.[0]).toMatch(/^FG007 l points to an 8-byte Lease without pointers; .* a cleanup runs only when the whole block is unreachable/);
  });
});

describe('links that code removes', () => {
  const registry = (removal: string) => `package main

import "runtime"

type Remote struct{ id int; name string }

var remotes = map[int]*Remote{}

func track(id int) *Remote {
	r := &Remote{id: id}
	remotes[id] = r
	runtime.SetFinalizer(r, func(r *Remote) { ${removal} })
	return r
}
`;

  it('says when only the finalizer itself removes the reference', async () => {
    const found = await messages(registry('delete(remotes, r.id)'));
    expect(found.get(12)?.join('\n')).toMatch(/^FG007 .*package -> remotes -> \[value\] -> r; .*the reference \[value\] is removed only by the finalizer itself, which cannot run while it is there$/);
  });

  it('reports nothing when other code of the package removes it', async () => {
    const found = await messages(registry('') + '\nfunc (r *Remote) Close() { delete(remotes, r.id) }\n');
    expect(found.get(12)).toBeUndefined();
  });
});

describe('type loops', () => {
  it('show the loop the evidence closes, not a shorter one nothing links', async () => {
    const found = await messages(`package main

import "runtime"

type Meta struct{ repo *Repo }

type Repo struct {
	Meta     Meta
	children map[string]*Repo
}

func (r *Repo) adopt(name string, child *Repo) { r.children[name] = child }

func newRepo() *Repo {
	r := &Repo{children: map[string]*Repo{}}
	r.Meta.repo = r
	runtime.SetFinalizer(r, func(*Repo) {})
	return r
}
`);
    expect(found.get(17)?.join('\n')).toMatch(/^FG002 .*: Repo -> Repo\.children \(map\[string\]\*Repo\); /);
  });
});

describe('FG006 by the Go release of the module', () => {
  const cleanups = `package main

import "runtime"

type Conn struct {
	fd   int
	name string
}

type holder struct{ c *Conn }

func (c *Conn) release(fd int) {}

func dial() {
	a := &Conn{fd: 1}
	runtime.AddCleanup(a, func(*Conn) {}, a)
	b := &Conn{fd: 2}
	runtime.AddCleanup(b, b.release, b.fd)
	c := &Conn{fd: 3}
	runtime.AddCleanup(c, func(*string) {}, &c.name)
	d := &Conn{fd: 4}
	runtime.AddCleanup(d, func(holder) {}, holder{d})
}
`;
  const goMod = (version: string) => `module example.com/m\n\ngo ${version}\n`;

  it('says "panics" where the release panics, and since when', async () => {
    for (const found of [await messages(cleanups, goMod('1.26')), await messages(cleanups)]) {
      expect(found.get(16)?.[0]).toMatch(/^FG006 the cleanup argument a is a \(\*Conn\) itself; AddCleanup panics at the call \("runtime.AddCleanup: ptr is equal to arg, cleanup will never run", since Go 1.24\)$/);
      expect(found.get(18)?.[0]).toMatch(/AddCleanup panics at the call \("runtime.AddCleanup: cleanup function closes over ptr, cleanup will never run", since Go 1.26\)$/);
      expect(found.get(20)?.[0]).toMatch(/^FG006 the cleanup argument &c.name points into c \(\*Conn\); AddCleanup panics at the call \(.*ptr is within arg.*since Go 1.26\)$/);
      expect(found.get(22)?.[0]).toMatch(/the cleanup never runs and nothing says so$/);
    }
  });

  it('says the cleanup silently never runs where the release accepts the call', async () => {
    const found = await messages(cleanups, goMod('1.24'));
    expect(found.get(16)?.[0]).toMatch(/AddCleanup panics at the call .*ptr is equal to arg.*since Go 1.24/);
    expect(found.get(18)?.[0]).toMatch(/; on Go 1.24 the object is never collected and the cleanup silently never runs; from Go 1.26 AddCleanup panics at the call \(.*closes over ptr.*\)$/);
    expect(found.get(20)?.[0]).toMatch(/; on Go 1.24 the object is never collected .*; from Go 1.26 AddCleanup panics .*ptr is within arg/);
    expect(found.get(22)?.[0]).not.toMatch(/panics/);
  });

  it('analyzes a file for older Go with the release it builds with', async () => {
    // Two header lines move every call two lines down.
    const older = await messages(`//go:build !go1.26\n\n${cleanups}`);
    expect(older.get(22)?.[0]).toMatch(/; on Go 1.25 the object is never collected .*; from Go 1.26 AddCleanup panics/);
    // A file only newer releases build is analyzed for the oldest of them, above the go directive.
    const newer = await messages(`//go:build go1.26\n\n${cleanups}`, goMod('1.24'));
    expect(newer.get(22)?.[0]).toMatch(/; AddCleanup panics at the call \(.*ptr is within arg.*since Go 1.26\)$/);
  });
});

describe("Go 1.26's new(expr), which the parser does not know", () => {
  it('is a notice about the parser, not a syntax error, and the whole file is analyzed', async () => {
    const found = await messages(`package main

import "runtime"

type Conn struct {
	fd   int
	name string
}

var kept []*uint32

func issue(id uint32) *uint32 {
	p := new(id + 1)
	runtime.SetFinalizer(p, func(*uint32) {})
	return p
}

func dial() {
	c := &Conn{fd: 3}
	runtime.SetFinalizer(c, func(*Conn) { _ = c })
}
`);
    expect(found.get(13)).toEqual([
      `FG000 new(expr) ("new(id + 1)") is Go 1.26 syntax that this tool's parser (tree-sitter-go 0.25) does not know; it was read as Go 1.26 means it, and the whole file was analyzed`,
    ]);
    // The value's type is what new allocates: 4 bytes without pointers, a tiny object (measured: never finalized, every other one kept).
    expect(found.get(14)?.[0]).toMatch(/^FG007 p points to a 4-byte uint32 without pointers;/);
    expect(found.get(20)?.[0]).toMatch(/^FG003 /);
  });
});
