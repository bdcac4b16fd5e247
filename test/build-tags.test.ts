// A wrapper that passes its parameters on to the runtime only in builds made
// with some -tags: its calls are analyzed in that build too, and a finding
// that only that build has says so.
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
});
