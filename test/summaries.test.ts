// Summaries of the module's own functions (src/analysis/callee-effects.ts):
// two packages that call the same function of a third past the inlining
// depth each count the summary's steps, so a package's steps do not depend
// on which was analyzed first.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyze } from '../src/engine.js';

const scratch = mkdtempSync(join(tmpdir(), 'fg-summaries-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A caller package that reaches `shared.Link` five calls below the finalizer's constructor. */
const caller = (name: string) => `package ${name}

import (
	"runtime"

	"example.com/m/shared"
)

func Open() *shared.Node {
	n := &shared.Node{}
	l1(n)
	runtime.SetFinalizer(n, func(*shared.Node) {})
	return n
}

func l1(n *shared.Node) { l2(n) }
func l2(n *shared.Node) { l3(n) }
func l3(n *shared.Node) { l4(n) }
func l4(n *shared.Node) { shared.Link(n, n) }
`;

const files: Record<string, string> = {
  'go.mod': 'module example.com/m\n\ngo 1.22\n',
  'shared/shared.go': `package shared

type Node struct{ peers []*Node }

func Link(a, b *Node) { a.peers = append(a.peers, b) }
`,
  'a/a.go': caller('a'),
  'c/c.go': caller('c'),
};
for (const [path, text] of Object.entries(files)) {
  mkdirSync(dirname(join(scratch, path)), { recursive: true });
  writeFileSync(join(scratch, path), text);
}

describe('summaries of the module\'s functions', () => {
  it('replays a call of another package past the inlining depth, and each package counts the summary it used', async () => {
    const run = (pattern: string) => analyze([join(scratch, pattern)], { root: scratch });
    const [a, c, both] = [await run('a'), await run('c'), await run('...')];
    for (const report of [a, c]) expect(report.findings.map((f) => f.ruleId)).toEqual(['FG001']);
    expect(both.findings.map((f) => `${f.path} ${f.ruleId}`)).toEqual(['a/a.go FG001', 'c/c.go FG001']);
    expect(a.stats.steps).toBe(c.stats.steps);
    expect(both.stats.steps).toBe(a.stats.steps + c.stats.steps);
  });
});
