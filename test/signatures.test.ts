// A function's signature is read once for the run and answers every call the
// interpreter follows: the types must be those the declaration writes, type
// parameters in scope staying symbolic, and a second ask must not read again.
import { describe, expect, it } from 'vitest';
import { buildPackage, readFileModel } from '../src/model/package.js';
import { literalSignature, signatureOf } from '../src/model/signatures.js';
import { typeName, typeWritten } from '../src/model/types.js';
import { goParser } from '../src/parse/parser.js';

const source = [
  'package p',
  'import "os"',
  'type List[T any] struct{ head *T }',
  'type Node struct{ next *Node }',
  'func (l *List[E]) Push(v E, rest ...*Node) (n int, err error) { return 0, nil }',
  'func Map[K comparable, V any](m map[K]V, f func(V) *os.File) []V { return nil }',
  'var hook = func(n *Node, _ chan<- []Node) (ok bool) { return true }',
].join('\n');

async function model() {
  const parser = await goParser();
  const tree = parser.parse(source)!;
  const file = readFileModel('/p/a.go', source, tree);
  return { pkg: buildPackage('/p', 'p', [file]), file };
}

describe('signatures', () => {
  it("reads a method's receiver, parameters and results with its receiver's type parameters as it renames them", async () => {
    const { pkg } = await model();
    const push = pkg.methods.get('List')!.get('Push')!;
    const signature = signatureOf(push, pkg);
    expect(signature.typeParams).toContain('E');
    expect(typeName(signature.receiver!)).toBe('*List[E]');
    expect(signature.paramTypes.map((t) => t.kind)).toEqual(['typeParam', 'pointer']);
    expect(signature.params.map((p) => p.variadic)).toEqual([false, true]);
    expect(signature.resultTypes.map(typeName)).toEqual(['int', 'interface']);
    expect(signature.results.map((r) => r.name)).toEqual(['n', 'err']);
    expect(signatureOf(push, pkg)).toBe(signature);
  });

  it("reads a generic function's own type parameters and other packages' types", async () => {
    const { pkg } = await model();
    const signature = signatureOf(pkg.funcs.get('Map')!, pkg);
    expect(signature.typeParams).toEqual(['K', 'V']);
    expect(signature.receiver).toBeUndefined();
    expect(signature.paramTypes.map(typeName)).toEqual(['map[K]V', 'func(V)']);
    expect(signature.resultTypes.map((t) => t.kind === 'slice' && t.elem.kind)).toEqual(['typeParam']);
  });

  it('reads a func literal once per node, and a written type once per node', async () => {
    const { pkg, file } = await model();
    const literal = pkg.vars.get('hook')!.value!;
    const signature = literalSignature(literal, file);
    expect(signature.paramTypes.map(typeName)).toEqual(['*Node', 'chan []Node']);
    expect(signature.resultTypes.map(typeName)).toEqual(['bool']);
    expect(literalSignature(literal, file)).toBe(signature);
    const written = typeWritten(literal.childForFieldName('parameters')!.namedChild(0)!.childForFieldName('type'), file);
    expect(typeName(written)).toBe('*Node');
    expect(typeWritten(literal.childForFieldName('parameters')!.namedChild(0)!.childForFieldName('type'), file)).toBe(written);
  });
});
