// FG002's evidence: the package's code is interpreted only where its text may
// store into a field of the loop, and every such store is still found.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyze } from '../src/engine.js';

const work = mkdtempSync(join(tmpdir(), 'fg-fg002-scan-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function analyzePackage(name: string, code: string) {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'conn.go'),
    'package p\n\nimport "runtime"\n\ntype Conn struct {\n\tnext *Conn\n\tfd   int\n}\n\n' +
      'func Open(fd int) *Conn {\n\tc := &Conn{fd: fd}\n\truntime.SetFinalizer(c, func(*Conn) {})\n\treturn c\n}\n',
  );
  writeFileSync(join(dir, 'more.go'), `package p\n\n${code}`);
  return analyze([dir], { root: dir });
}

/** Functions that make a Conn with a keyed literal that leaves `next` alone. */
const makers = (n: number) => Array.from({ length: n }, (_, i) => `func make${i}() *Conn {\n\treturn &Conn{fd: ${i}}\n}\n`).join('\n');

describe("FG002's evidence scan", () => {
  it('does not interpret code whose struct literals key only other fields', async () => {
    const link = 'func link(a, b *Conn) {\n\ta.next = b\n}\n\n';
    const few = await analyzePackage('few', link + makers(2));
    const many = await analyzePackage('many', link + makers(60));
    expect(few.findings.map((f) => f.ruleId)).toEqual(['FG002']);
    expect(many.findings.map((f) => f.ruleId)).toEqual(['FG002']);
    expect(many.stats.steps).toBe(few.stats.steps);
  });

  it.each([
    ['a positional literal', 'func keep(p *Conn) Conn {\n\treturn Conn{p, 1}\n}\n'],
    ['elided positional elements of a slice', 'func keep(p *Conn) []Conn {\n\treturn []Conn{{p, 1}}\n}\n'],
    ['elided elements of a map keyed by names', 'func keep(k string, p *Conn) map[string]*Conn {\n\treturn map[string]*Conn{k: {p, 1}}\n}\n'],
    ['a keyed literal that keys the field', 'func keep(p *Conn) *Conn {\n\treturn &Conn{\n\t\tnext: p,\n\t}\n}\n'],
  ])('still finds the store of %s', async (_, code) => {
    const { findings } = await analyzePackage(code.length.toString(), code + '\n' + makers(3));
    expect(findings.map((f) => f.ruleId)).toEqual(['FG002']);
  });
});
