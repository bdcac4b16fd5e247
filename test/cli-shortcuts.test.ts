// --no-shortcuts: the hidden flag the benchmark uses to parse every package.
// It must reach the engine (every file parsed) and must not change findings.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseArgs, runCli } from '../src/cli/command.js';

const dir = mkdtempSync(join(tmpdir(), 'fg-shortcuts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(path: string, text: string): void {
  mkdirSync(join(dir, path, '..'), { recursive: true });
  writeFileSync(join(dir, path), text);
}

// One package with a finalizer on a cycle, two that never mention one.
write('go.mod', 'module example.com/m\n\ngo 1.22\n');
write(
  'pool/pool.go',
  `package pool

import "runtime"

type Pool struct{ conns []*Conn }

type Conn struct{ pool *Pool }

func (p *Pool) Open() *Conn {
	c := &Conn{pool: p}
	p.conns = append(p.conns, c)
	runtime.SetFinalizer(c, func(c *Conn) {})
	return c
}
`,
);
write('util/strings.go', 'package util\n\nfunc Join(a, b string) string { return a + "/" + b }\n');
write('util/ints.go', 'package util\n\nfunc Max(a, b int) int {\n\tif a > b {\n\t\treturn a\n\t}\n\treturn b\n}\n');
write('cmd/tool/main.go', 'package main\n\nimport "fmt"\n\nfunc main() { fmt.Println("hi") }\n');

async function run(args: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(
    args,
    (s) => {
      out += s;
    },
    (s) => (err += s),
  );
  return { code, out, err };
}

describe('--no-shortcuts', () => {
  it('is parsed as turning shortcuts off, and is off by default', () => {
    expect(parseArgs(['--no-shortcuts', 'x/...'])).toMatchObject({ shortcuts: false, patterns: ['x/...'] });
    expect(parseArgs(['x/...'])).toMatchObject({ shortcuts: true });
  });

  it('takes no value', async () => {
    const r = await run(['--no-shortcuts=yes', join(dir, '...')]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--no-shortcuts takes no value');
  });

  it('parses every file and finds exactly what the prefiltered run finds', async () => {
    const fast = await run(['--format', 'json', join(dir, '...')]);
    const full = await run(['--format', 'json', '--no-shortcuts', join(dir, '...')]);
    expect(fast.code).toBe(full.code);
    const a = JSON.parse(fast.out);
    const b = JSON.parse(full.out);
    expect(a.stats.files).toBe(4);
    expect(a.stats.parsedFiles).toBe(1);
    expect(b.stats.parsedFiles).toBe(4);
    expect(a.findings.length).toBeGreaterThan(0);
    expect(b.findings).toEqual(a.findings);
  });
});
