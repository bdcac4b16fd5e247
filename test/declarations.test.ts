// The declaration index decides which files a lookup reads: it must name
// every package-level declaration the model records (or a result would
// change), and nothing declared only inside a function or a type.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { indexDeclarations } from '../src/model/declarations.js';
import { buildPackage, readFileModel } from '../src/model/package.js';
import { goParser } from '../src/parse/parser.js';

/** What the model records of one file, read from its parse tree. */
async function modelled(text: string): Promise<{ declared: string[]; receivers: string[] }> {
  const parser = await goParser();
  const tree = parser.parse(text)!;
  const pkg = buildPackage('/p', 'p', [readFileModel('/p/a.go', text, tree)]);
  const declared = [...Map.prototype.keys.call(pkg.funcs), ...Map.prototype.keys.call(pkg.types), ...Map.prototype.keys.call(pkg.vars)] as string[];
  const receivers = [...Map.prototype.keys.call(pkg.methods)] as string[];
  tree.delete();
  return { declared, receivers };
}

const sorted = (names: Iterable<string>) => [...names].sort();

describe('declaration index', () => {
  it('names package-level declarations, grouped or not, and methods by receiver type', () => {
    const text = [
      'package p',
      'import (\n\t"fmt"\n\tstrs "strings"\n)',
      'type (\n\tA struct {\n\t\tfield int\n\t\tinner struct{ deep int }\n\t}\n\tB = A\n\tList[T any] []T\n)',
      'type C interface{ Method() }',
      'var v1, v2 = 1, 2',
      'var (\n\tw1 int\n\tw2, w3 = f(\n\t\t1,\n\t)\n\tw4 = 1 +\n\t\tnotASpec\n)',
      'const ( k0 = iota; k1; k2 )',
      'func f(param int) (result int) {\n\tlocal := 1\n\tvar inner int\n\ttype localType int\n\treturn local + inner\n}',
      'func (a *A) m() {}\nfunc (List[T]) n() {}\nfunc (x (*C)) o() {}\nfunc (B) p() {}',
      'func g[T any](x T) T { return x }',
      'var h = func() {\n\tvar closureLocal int\n\t_ = closureLocal\n}',
      '/* func(notDeclared\n*/ // type alsoNot int',
      'var s = `\nfunc rawNot() {}\n`',
      'var кэш = "\\"func quotedNot()"',
    ].join('\n\n') + '\n';
    const index = indexDeclarations(text);
    expect(sorted(index.declared)).toEqual(sorted(['A', 'B', 'List', 'C', 'v1', 'v2', 'w1', 'w2', 'w3', 'w4', 'k0', 'k1', 'k2', 'f', 'g', 'h', 's', 'кэш']));
    expect(sorted(index.receivers)).toEqual(['A', 'B', 'C', 'List']);
  });

  it('reads a megabyte of unclosed `func(` in a comment in one pass', () => {
    const text = `package p\n\n/*\n${'func('.repeat(200_000)}\n*/\n\ntype T struct{}\n`;
    expect(sorted(indexDeclarations(text).declared)).toEqual(['T']);
    // Outside a comment too: each `func` ends where the text does.
    expect(sorted(indexDeclarations(`package p\n\nvar x = ${'func('.repeat(100_000)}`).declared)).toEqual(['x']);
  });

  it('covers what the model records of every file of a real package', async () => {
    const dirs = ['os', 'sync', 'go/ast', 'database/sql', 'reflect'].map((d) => join('/usr/lib/go-1.19/src', d));
    let files = 0;
    for (const dir of dirs) {
      let names: string[];
      try {
        names = readdirSync(dir).filter((n) => n.endsWith('.go'));
      } catch {
        continue;
      }
      for (const name of names) {
        const text = readFileSync(join(dir, name), 'utf8');
        const model = await modelled(text);
        const index = indexDeclarations(text);
        for (const n of model.declared) expect(index.declared.has(n), `${name}: ${n}`).toBe(true);
        for (const n of model.receivers) expect(index.receivers.has(n), `${name}: receiver ${n}`).toBe(true);
        files++;
      }
    }
    expect(files).toBeGreaterThan(0);
  });
});
