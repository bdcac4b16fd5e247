import { describe, expect, it } from 'vitest';
import { parseHunks, splitGitDiff } from '../../src/action/patch.js';

describe('parseHunks', () => {
  it('numbers added and context lines on the new side', () => {
    const patch = ['@@ -1,4 +1,5 @@', ' a', '-b', '+B', '+C', ' d', '@@ -10 +11,2 @@', ' x', '+y', '\\ No newline at end of file'].join('\n');
    const { added, context } = parseHunks(patch);
    expect([...added]).toEqual([2, 3, 12]);
    expect([...context].sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 11, 12]);
  });

  it('reads a hunk header without counts', () => {
    expect([...parseHunks('@@ -0,0 +1 @@\n+only').added]).toEqual([1]);
  });
});

describe('splitGitDiff', () => {
  it('keys hunks by the new path, unquoting C-style names and dropping the tab after names with spaces', () => {
    const diff = [
      'diff --git a/sp ace.go b/sp ace.go',
      '--- a/sp ace.go\t',
      '+++ b/sp ace.go\t',
      '@@ -1 +1,2 @@',
      ' a',
      '+b',
      'diff --git "a/tab\\there.go" "b/tab\\there.go"',
      '--- "a/tab\\there.go"',
      '+++ "b/tab\\there.go"',
      '@@ -1 +1,2 @@',
      ' a',
      '+b',
      'diff --git a/old.go b/n\u00e9w.go',
      'similarity index 100%',
      'rename from old.go',
      'rename to n\u00e9w.go',
      'diff --git a/x.go b/x.go',
      '--- a/x.go',
      '+++ "b/\\303\\274.go"',
      '@@ -3,0 +4 @@',
      '+z',
      '',
    ].join('\n');
    const files = splitGitDiff(diff);
    expect([...files.keys()]).toEqual(['sp ace.go', 'tab\there.go', 'ü.go']);
    expect([...files.get('sp ace.go')!.added]).toEqual([2]);
    expect([...files.get('ü.go')!.added]).toEqual([4]);
  });
});
