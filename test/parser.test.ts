// The Go parser: constructs newer than the grammar are read as Go means them.
import { describe, expect, it } from 'vitest';
import { goParser, parseGo, type SyntaxNode } from '../src/parse/parser.js';
import { hookNameNodes } from '../src/analysis/heap.js';

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

describe('remembered node answers', () => {
  const source = `package p

type T struct{ next *T }

func f(t *T) *T {
	for t != nil {
		if t.next == t {
			return t
		}
		t = t.next
	}
	return nil
}
`;
  const fields = ['left', 'right', 'operand', 'field', 'condition', 'body', 'name', 'type', 'parameters', 'result'];
  type Answers = { type: string; text: string; endIndex: number; parent?: number; fields: (string | null)[] };

  it('are the answers of the tree, walked by a cursor, on every asking', async () => {
    const { tree } = parseGo(await goParser(), source)!;
    // The cursor asks the tree itself: nothing of it is remembered.
    const expected: Answers[] = [];
    const cursor = tree.walk();
    const parents: number[] = [];
    const visit = (): void => {
      const answers: Answers = { type: cursor.nodeType, text: cursor.nodeText, endIndex: cursor.endIndex, parent: parents.at(-1), fields: fields.map(() => null) };
      expected.push(answers);
      if (cursor.gotoFirstChild()) {
        parents.push(expected.length - 1);
        do {
          const at = fields.indexOf(cursor.currentFieldName ?? '');
          if (at >= 0 && answers.fields[at] === null) answers.fields[at] = cursor.nodeText;
          visit();
        } while (cursor.gotoNextSibling());
        parents.pop();
        cursor.gotoParent();
      }
    };
    visit();
    // Asked twice, so the second answers are the remembered ones.
    for (const pass of [1, 2]) {
      const asked: Answers[] = [];
      const down = (node: SyntaxNode, parent?: number): void => {
        const index = asked.length;
        asked.push({
          type: node.type,
          text: node.text,
          endIndex: node.endIndex,
          parent: node.parent ? parent : undefined,
          fields: fields.map((f) => node.childForFieldName(f)?.text ?? null),
        });
        for (const child of node.children) if (child) down(child, index);
      };
      down(tree.rootNode);
      expect(asked, `pass ${pass}`).toEqual(expected);
    }
    const root = tree.rootNode;
    const identifiers = root.descendantsOfType('identifier');
    expect(identifiers.map((n) => n!.text)).toEqual(['f', ...Array(7).fill('t')]);
    identifiers.reverse();
    // A caller that reorders its list does not reorder the next caller's.
    expect(root.descendantsOfType('identifier').map((n) => n!.startIndex)).toEqual(identifiers.map((n) => n!.startIndex).reverse());
    tree.delete();
  });

  it('give one object for each node, however it is reached, and children by index as the cursor counts them', async () => {
    const { tree } = parseGo(await goParser(), source)!;
    const expected: { children: number; named: string[] }[] = [];
    const cursor = tree.walk();
    const visit = (): void => {
      const counts = { children: 0, named: [] as string[] };
      expected.push(counts);
      if (!cursor.gotoFirstChild()) return;
      do {
        counts.children++;
        if (cursor.nodeIsNamed) counts.named.push(cursor.nodeText);
        visit();
      } while (cursor.gotoNextSibling());
      cursor.gotoParent();
    };
    visit();
    const asked: { children: number; named: string[] }[] = [];
    const down = (node: SyntaxNode): void => {
      const named: string[] = [];
      for (let i = 0; i < node.namedChildCount; i++) named.push(node.namedChild(i)!.text);
      asked.push({ children: node.childCount, named });
      for (let i = 0; i < node.childCount; i++) {
        const child = node.child(i)!;
        expect(child).toBe(node.children[i]);
        expect(child.parent).toBe(node);
        if (i > 0) expect(child.previousSibling).toBe(node.child(i - 1));
      }
      for (const f of fields) {
        const child = node.childForFieldName(f);
        if (child) expect(node.children).toContain(child);
      }
      for (const child of node.children) if (child) down(child);
    };
    down(tree.rootNode);
    expect(asked).toEqual(expected);
    const [identifier] = tree.rootNode.descendantsOfType('identifier');
    expect(tree.rootNode.descendantForIndex(identifier!.startIndex)).toBe(identifier);
    tree.delete();
  });
});

describe('hookNameNodes', () => {
  // Text before the names that is not ASCII: the places the text gives must be the tree's own.
  const source = `package p

import (
	rt "runtime"
	. "runtime"
)

// «SetFinalizer» in a comment, and "AddCleanup" in a string, name nothing.
var s = "AddCleanup"

func f(x *T) {
	h := rt.SetFinalizer
	rt.SetFinalizer(x, nil)
	é := SetFinalizer
	_ = rt.AddCleanup[*T, int](x, func(int) {}, 0)
	x.SetFinalizerLater()
	_, _ = h, é
}
`;

  it('finds every selector and identifier that spells the names, in order, and nothing in comments or strings', async () => {
    const parsed = parseGo(await goParser(), source)!;
    const root = parsed.tree.rootNode;
    // What a walk over every node finds.
    const walked = root
      .descendantsOfType(['selector_expression', 'identifier'])
      .filter((n: SyntaxNode | null) => {
        const name = n!.type === 'identifier' ? n!.text : n!.childForFieldName('field')?.text;
        return name === 'SetFinalizer' || name === 'AddCleanup';
      })
      .map((n: SyntaxNode | null) => `${n!.type} ${n!.text} ${n!.startIndex}`);
    const found = hookNameNodes(root).map((n) => `${n.type} ${n.text} ${n.startIndex}`);
    expect(found).toEqual(walked);
    expect(found.map((f) => f.split(' ').slice(0, 2).join(' '))).toEqual([
      'selector_expression rt.SetFinalizer',
      'selector_expression rt.SetFinalizer',
      'identifier SetFinalizer',
      'selector_expression rt.AddCleanup',
    ]);
    parsed.tree.delete();
  });
});
