// The Go parser: constructs newer than the grammar are read as Go means them.
import { describe, expect, it } from 'vitest';
import { goParser, parseGo } from '../src/parse/parser.js';

describe("Go 1.26's new(expr)", () => {
  const source = `package p

func f() int { return 1 }

func g() {
	p := new(42)
	q := new(f())
	_ = p
	r := new(T)
	_, _ = q, r
}
`;

  it('parses without an error, and every node shows the text as written', async () => {
    const parsed = parseGo(await goParser(), source)!;
    expect(parsed.tree.rootNode.hasError).toBe(false);
    const calls = parsed.tree.rootNode.descendantsOfType('call_expression').map((c: { text: string } | null) => c!.text);
    expect(calls).toEqual(['new(42)', 'new(f())', 'f()', 'new(T)']);
    expect(parsed.tree.rootNode.text).toBe(source);
    expect(parsed.newer?.construct).toBe('new(expr)');
    expect(parsed.newer?.node.text).toBe('new(42)');
    // The statements after it are whole, not swallowed by error recovery.
    const assigned = parsed.tree.rootNode.descendantsOfType('assignment_statement').map((a: { text: string } | null) => a!.text);
    expect(assigned).toEqual(['_ = p', '_, _ = q, r']);
    parsed.tree.delete();
  });

  it('leaves a real syntax error an error', async () => {
    const parsed = parseGo(await goParser(), 'package p\n\nfunc g() {\n\tp := new(42\n}\n')!;
    expect(parsed.tree.rootNode.hasError).toBe(true);
    parsed.tree.delete();
  });

  it('changes nothing in code the grammar knows', async () => {
    const parsed = parseGo(await goParser(), 'package p\n\nvar x = new(int)\n')!;
    expect(parsed.newer).toBeUndefined();
    expect(parsed.tree.rootNode.hasError).toBe(false);
    parsed.tree.delete();
  });
});
