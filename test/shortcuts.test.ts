// The shortcuts (byte prefilter, reading files only when a name is looked
// up) must never change what is reported: every fixture, and a package whose
// declarations are spread over files, give identical results both ways.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it, onTestFinished } from 'vitest';
import { analyze } from '../src/engine.js';

const fixtures = resolve(dirname(fileURLToPath(import.meta.url)), 'fixtures');

async function both(dir: string) {
  const fast = await analyze([dir + '/...'], { root: dir });
  const full = await analyze([dir + '/...'], { root: dir, shortcuts: false });
  return { fast, full };
}

describe('shortcuts never change results', () => {
  it('on the whole fixture corpus', async () => {
    const { fast, full } = await both(fixtures);
    expect(fast.findings.length).toBeGreaterThan(50);
    expect(fast.findings).toEqual(full.findings);
    expect(fast.stats.parsedFiles).toBeLessThanOrEqual(full.stats.parsedFiles);
  }, 120_000);

  const spread = mkdtempSync(join(tmpdir(), 'fg-spread-'));
  afterAll(() => rmSync(spread, { recursive: true, force: true }));

  it('on declarations with non-ASCII names, one-line groups and comments', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fg-unicode-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const files: Record<string, string> = {
      'a.go': 'package cache\n\nimport "runtime"\n\nfunc Setup() {\n\truntime.SetFinalizer(кэш, func(*Кэш) {})\n\truntime.SetFinalizer(store, func(*Store) {})\n\truntime.SetFinalizer(&tiny, nil)\n}\n',
      'b.go': 'package cache\n\ntype Кэш struct{ n int }\n\nvar кэш = &Кэш{}\n',
      'c.go': 'package cache\n\ntype Store struct{ n int }\n\nvar ( store /* shared */ = &Store{} )\n\nvar tiny int\n',
    };
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    const { fast, full } = await both(dir);
    expect(full.findings.map((f) => `${f.line}:${f.ruleId}`)).toEqual(['6:FG007', '7:FG007']);
    expect(fast.findings).toEqual(full.findings);
  });

  it('on a package whose types, methods and constructor live in other files', async () => {
    const files: Record<string, string> = {
      'open.go': 'package pool\n\nimport "runtime"\n\nfunc Open(p *Pool) *Conn {\n\tc := newConn(p)\n\tp.add(c)\n\truntime.SetFinalizer(c, (*Conn).close)\n\treturn c\n}\n',
      'conn.go': 'package pool\n\ntype Conn struct {\n\tpool *Pool\n\tfd   int\n}\n\nfunc newConn(p *Pool) *Conn { return &Conn{pool: p} }\n\nfunc (c *Conn) close() { c.fd = -1 }\n',
      'pool.go': 'package pool\n\ntype Pool struct {\n\tconns []*Conn\n}\n',
      'pool_add.go': 'package pool\n\nfunc (p *Pool) add(c *Conn) { p.conns = append(p.conns, c) }\n',
      'unrelated.go': 'package pool\n\ntype Stats struct{ n int }\n',
    };
    for (const [name, text] of Object.entries(files)) writeFileSync(join(spread, name), text);
    const { fast, full } = await both(spread);
    expect(fast.findings.map((f) => f.ruleId)).toEqual(['FG001']);
    expect(fast.findings[0]!.message).toContain('c -> Conn.pool -> Pool.conns -> [] -> c');
    expect(fast.findings).toEqual(full.findings);
    // The file no lookup needs stays unread.
    expect(fast.stats.parsedFiles).toBe(4);
    expect(full.stats.parsedFiles).toBe(5);
    expect(readdirSync(spread)).toHaveLength(5);
  });
});
