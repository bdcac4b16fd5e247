// A wrapper that passes its parameters on to the runtime only in builds made
// with some -tags: its calls are analyzed in that build too, and a finding
// that only that build has says so.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../src/engine.js';
import { tagsToBuild, targetFor } from '../src/discover/constraints.js';
import { fixturesRoot } from './support/wants.js';

const linux = targetFor('a.go', 'package p\n')!;
const file = (constraint: string) => `${constraint}\n\npackage p\n`;

describe('build tags of wrappers', () => {
  it('finds the fewest -tags that build a file the target does not', () => {
    expect(tagsToBuild('on.go', file('// +build invariants,!race tracing,!race'), linux)).toEqual(['invariants']);
    expect(tagsToBuild('on.go', file('//go:build debug && trace'), linux)).toEqual(['debug', 'trace']);
    expect(tagsToBuild('off.go', file('//go:build !invariants'), linux)).toEqual([]);
    // A system or release is the target's to choose, not -tags'.
    expect(tagsToBuild('w.go', file('//go:build windows'), linux)).toBeUndefined();
    expect(targetFor('on.go', file('// +build invariants,!race tracing,!race'))?.has('invariants')).toBe(true);
  });

  it('says which -tags a finding needs, and nothing for one the default build has', async () => {
    const messages = async (name: string) => {
      const dir = join(fixturesRoot, name);
      return (await analyze([dir], { root: dir })).findings.map((f) => `${f.ruleId} ${f.message}`);
    };
    const tagged = await messages('fg001_wrapper_only_under_build_tag');
    expect(tagged).toHaveLength(1);
    expect(tagged[0]).toMatch(/^FG001 .* \(when built with -tags invariants\)$/);
    expect(await messages('clean_wrapper_only_under_build_tag_no_cycle')).toEqual([]);
    const untagged = await messages('fg001_wrapper_in_other_package');
    expect(untagged).toHaveLength(1);
    expect(untagged[0]).not.toMatch(/-tags/);
  });

  it('gives no note to a call in a file that builds without -tags, beside one that needs them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fg-tags-'));
    try {
      const cycle = (name: string) =>
        `import "runtime"\ntype ${name} struct{ peer *${name}Peer }\ntype ${name}Peer struct{ owner *${name} }\n` +
        `func new${name}() *${name} {\n\tx := &${name}{peer: &${name}Peer{}}\n\tx.peer.owner = x\n\truntime.SetFinalizer(x, func(*${name}) {})\n\treturn x\n}\n`;
      writeFileSync(join(dir, 'a_debug.go'), `//go:build debug\n\npackage p\n\n${cycle('A')}`);
      writeFileSync(join(dir, 'b.go'), `package p\n\n${cycle('B')}`);
      // An experiment is the platform's or GOEXPERIMENT's to set, not -tags'.
      writeFileSync(join(dir, 'c_abi.go'), `//go:build goexperiment.regabiargs\n\npackage p\n\n${cycle('C')}`);
      const findings = (await analyze([dir], { root: dir })).findings.map((f) => `${f.path} ${f.ruleId} ${/\(when built with -tags (\S+)\)$/.exec(f.message)?.[1] ?? 'untagged'}`);
      expect(findings.sort()).toEqual(['a_debug.go FG001 debug', 'b.go FG001 untagged', 'c_abi.go FG001 untagged']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
