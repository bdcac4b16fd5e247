// The result cache: the same findings with it as without, whatever changed
// since the entry was written (a file of the package, a file of a package it
// imports, a new package directory); entries that are corrupted, truncated or
// of another build are ignored; concurrent runs never read half an entry.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { analyze } from '../src/engine.js';

const cli = join(resolve(dirname(fileURLToPath(import.meta.url)), '..'), 'dist', 'cli.js');
const work = mkdtempSync(join(tmpdir(), 'fg-cache-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

// The cycle closes in package b: a's finding depends on b's code.
const attach = 'package b\n\ntype Parent struct{ children []*Child }\n\ntype Child struct{ parent *Parent }\n\nfunc Attach(p *Parent, c *Child) {\n\tp.children = append(p.children, c)\n\tc.parent = p\n}\n';
const user = (extra = '') =>
  `package a\n\nimport (\n\t"runtime"\n\n\t"example.com/m/b"\n)\n\nfunc New() *b.Parent {\n\tp := &b.Parent{}\n\tc := &b.Child{}\n\tb.Attach(p, c)\n\truntime.SetFinalizer(p, func(*b.Parent) {})\n${extra}\treturn p\n}\n`;

let tree: string;
let cacheDir: string;
let trees = 0;

function write(path: string, text: string): void {
  mkdirSync(dirname(join(tree, path)), { recursive: true });
  writeFileSync(join(tree, path), text);
}

beforeEach(() => {
  tree = join(work, `tree${++trees}`);
  cacheDir = join(work, `cache${trees}`);
  write('go.mod', 'module example.com/m\n\ngo 1.22\n');
  write('a/a.go', user());
  write('b/b.go', attach);
});

const run = (cache: boolean) => analyze(['./...'], { root: tree, cacheDir: cache ? cacheDir : undefined });

/** The run with the cache gives what the run without it gives; returns the findings. */
async function sameWithCache() {
  const uncached = await run(false);
  const cached = await run(true);
  expect(cached.findings).toEqual(uncached.findings);
  expect(cached.stats).toEqual(uncached.stats);
  return cached.findings;
}

const entries = () => readdirSync(cacheDir).map((name) => join(cacheDir, name));
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Rewrites the one entry's header and body, with a checksum that matches unless told otherwise. */
function rewriteEntry(change: (header: Record<string, unknown>, body: { findings: { message: string }[] }) => void): void {
  const [path] = entries();
  const text = readFileSync(path!, 'utf8');
  const newline = text.indexOf('\n');
  const header = JSON.parse(text.slice(0, newline));
  const body = JSON.parse(text.slice(newline + 1));
  change(header, body);
  const bodyText = JSON.stringify(body);
  header.checksum ??= sha256(bodyText);
  writeFileSync(path!, `${JSON.stringify(header)}\n${bodyText}`);
}

/** The CLI's JSON report of the tree (`threads`: FINALIZER_GUARD_THREADS). */
const cliRun = (args: string[], threads = '1') =>
  new Promise<string>((done, fail) => {
    const child = spawn(process.execPath, [cli, '--format', 'json', '--fail-on', 'never', ...args, './...'], { cwd: tree, env: { ...process.env, FINALIZER_GUARD_THREADS: threads } });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.on('error', fail);
    child.on('close', (code) => (code === 0 ? done(out) : fail(new Error(`exit ${code}`))));
  });

describe('the result cache', () => {
  it('gives the findings of an analysis, and stores one entry per directory analyzed', async () => {
    expect((await sameWithCache()).map((f) => `${f.ruleId} ${f.path}:${f.line}`)).toEqual(['FG001 a/a.go:13']);
    expect(entries()).toHaveLength(1);
    expect(await sameWithCache()).toHaveLength(1);
  });

  it('is read: a sound entry of this build is used as it is', async () => {
    await run(true);
    rewriteEntry((header, body) => {
      delete header.checksum;
      body.findings[0]!.message = 'from the cache';
    });
    expect((await run(true)).findings.map((f) => f.message)).toEqual(['from the cache']);
  });

  it('analyzes again when a file of the package changes', async () => {
    await sameWithCache();
    write('a/a.go', user('\tc.parent = nil\n'));
    expect(await sameWithCache()).toEqual([]);
  });

  it('analyzes again when a file of a package it imports changes', async () => {
    await sameWithCache();
    write('b/b.go', attach.replace('\tc.parent = p\n', ''));
    expect(await sameWithCache()).toEqual([]);
    // A new file in the imported package counts as much as a changed one.
    write('b/link.go', 'package b\n\nfunc init() {}\n\nfunc Link(p *Parent, c *Child) { c.parent = p }\n');
    write('a/a.go', user().replace('b.Attach(p, c)\n', 'b.Attach(p, c)\n\tb.Link(p, c)\n'));
    expect(await sameWithCache()).toHaveLength(1);
  });

  it('analyzes again when a package it imports only indirectly changes', async () => {
    write('b/b.go', attach.replace('\tc.parent = p\n', '\tc.parent = p\n\tlinkAll(p)\n').replace('package b\n', 'package b\n\nimport "example.com/m/c"\n') + '\nfunc linkAll(p *Parent) { c.Keep(p) }\n');
    write('c/c.go', 'package c\n\nfunc Keep(v any) {}\n');
    const before = await sameWithCache();
    write('c/c.go', 'package c\n\nvar kept []any\n\nfunc Keep(v any) { kept = append(kept, v) }\n');
    expect(await sameWithCache()).not.toEqual(before);
  });

  it('ignores a corrupted, truncated, foreign or malformed entry, and replaces it', async () => {
    const truth = (await run(false)).findings;
    await run(true);
    const sound = readFileSync(entries()[0]!, 'utf8');
    const damage: ((text: string) => string)[] = [
      (text) => text.replace('reference cycle', 'reference cyclE'),
      (text) => text.slice(0, text.length / 2),
      (text) => text.slice(0, text.indexOf('\n')),
      () => '',
      () => '\0\0\0',
    ];
    for (const damaged of damage) {
      writeFileSync(entries()[0]!, damaged(sound));
      expect((await run(true)).findings).toEqual(truth);
      expect(readFileSync(entries()[0]!, 'utf8')).toBe(sound);
    }
    const foreign: ((header: Record<string, unknown>, body: { findings: unknown[] }) => void)[] = [
      (header) => (header.build = 'another build'),
      (header) => (header.format = 0),
      (header) => (header.fingerprint = 'of other files'),
      (header, body) => {
        delete header.checksum;
        body.findings = [{ ruleId: 'FG001' }];
      },
    ];
    for (const change of foreign) {
      rewriteEntry(change);
      expect((await run(true)).findings).toEqual(truth);
      expect(readFileSync(entries()[0]!, 'utf8')).toBe(sound);
    }
  });

  it('keeps whole entries under concurrent runs of the CLI', { timeout: 120_000 }, async () => {
    for (let i = 0; i < 6; i++) write(`p${i}/p.go`, user().replace('package a', `package p${i}`));
    const uncached = await cliRun(['--no-cache']);
    const together = await Promise.all(Array.from({ length: 4 }, () => cliRun(['--cache-dir', cacheDir])));
    for (const out of together) expect(out).toBe(uncached);
    expect(readdirSync(cacheDir).filter((name) => !name.endsWith('.json'))).toEqual([]);
    expect(entries()).toHaveLength(7);
    expect(await cliRun(['--cache-dir', cacheDir])).toBe(uncached);
  });

  it('gives the report of an uncached run when only some directories are cached, with three threads allowed', { timeout: 120_000 }, async () => {
    for (let i = 0; i < 6; i++) write(`p${i}/p.go`, user().replace('package a', `package p${i}`));
    await cliRun(['--cache-dir', cacheDir]);
    // Every other package changes: its entry no longer fits, and it is analyzed again while the rest is read from the cache.
    for (let i = 0; i < 6; i += 2) write(`p${i}/p.go`, user('\t_ = c\n').replace('package a', `package p${i}`));
    const uncached = await cliRun(['--no-cache']);
    expect(JSON.parse(uncached).findings.length).toBeGreaterThanOrEqual(7);
    expect(await cliRun(['--cache-dir', cacheDir], '3')).toBe(uncached);
    expect(await cliRun(['--cache-dir', cacheDir], '3')).toBe(uncached);
  });
});
