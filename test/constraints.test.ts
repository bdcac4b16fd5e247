// Build constraints decide which files are analyzed together: the go tool's
// rules for //go:build, // +build and file-name suffixes.
import { describe, expect, it } from 'vitest';
import { fileConstraint, releaseOf, releasesBuilding, targetFor } from '../src/discover/constraints.js';
import { newestGo } from '../src/discover/go-release.js';

const linux = new Set(['linux', 'amd64', 'unix', 'cgo', 'gc', 'go1.21']);
const windows = new Set(['windows', 'amd64', 'cgo', 'gc', 'go1.21']);
const file = (header: string) => `${header}\n\npackage p\n`;

describe('file constraints', () => {
  it('reads //go:build expressions with !, &&, || and parentheses', () => {
    const c = fileConstraint('a.go', file('//go:build (linux || darwin) && !cgo'));
    expect(c(linux)).toBe(false);
    expect(c(new Set(['linux', 'amd64']))).toBe(true);
    expect(c(windows)).toBe(false);
  });

  it('reads // +build lines: spaces are OR, commas AND, lines AND', () => {
    const c = fileConstraint('a.go', file('// +build linux,cgo darwin\n// +build amd64'));
    expect(c(linux)).toBe(true);
    expect(c(new Set(['darwin', 'arm64']))).toBe(false);
    expect(c(windows)).toBe(false);
  });

  it('prefers //go:build when both forms are present', () => {
    const c = fileConstraint('a.go', file('//go:build windows\n// +build linux'));
    expect(c(windows)).toBe(true);
    expect(c(linux)).toBe(false);
  });

  it('reads GOOS and GOARCH from the file name, after an optional _test', () => {
    expect(fileConstraint('fd_windows.go', file(''))(linux)).toBe(false);
    expect(fileConstraint('fd_linux_amd64_test.go', file(''))(linux)).toBe(true);
    expect(fileConstraint('fd_linux_arm64.go', file(''))(linux)).toBe(false);
    // A name that is only a system name is not constrained, as in the go tool.
    expect(fileConstraint('linux.go', file(''))(windows)).toBe(true);
  });

  it('ignores build lines after the package clause', () => {
    expect(fileConstraint('a.go', 'package p\n\n//go:build windows\n')(linux)).toBe(true);
  });
});

describe('targets', () => {
  it('picks the first standard target a file builds for', () => {
    expect(targetFor('a.go', file(''))?.has('linux')).toBe(true);
    expect(targetFor('a_windows.go', file(''))?.has('windows')).toBe(true);
    expect(targetFor('a.go', file('//go:build plan9'))?.has('plan9')).toBe(true);
  });

  it("adds the tags a file's own constraint names when no standard target fits", () => {
    const tags = targetFor('ecdsa.go', file('//go:build boringcrypto && linux && (amd64 || arm64) && !android'));
    expect(tags?.has('boringcrypto')).toBe(true);
    expect(tags?.has('linux')).toBe(true);
  });

  it('builds a file for older Go with the newest release that builds it', () => {
    const shim = targetFor('shim.go', file('//go:build !go1.24'));
    expect(shim && releaseOf(shim)).toEqual([1, 23]);
    expect(shim?.has('go1.23')).toBe(true);
    expect(shim?.has('go1.24')).toBe(false);
    const windowsOld = targetFor('a.go', file('//go:build windows && !go1.21'));
    expect(windowsOld?.has('windows') && releaseOf(windowsOld)).toEqual([1, 20]);
    // A release newer than the rules know builds with its own tag.
    const future = targetFor('a.go', file(`//go:build go1.${newestGo[1] + 1}`));
    expect(future && releaseOf(future)).toEqual([1, newestGo[1] + 1]);
  });

  it('knows the releases a file builds with', () => {
    const tags = targetFor('a.go', file(''))!;
    expect(releasesBuilding(fileConstraint('a.go', file('')), tags)).toEqual({ oldest: [1, 1], newest: newestGo });
    expect(releasesBuilding(fileConstraint('a.go', file('//go:build go1.24')), tags)).toEqual({ oldest: [1, 24], newest: newestGo });
    const shim = targetFor('a.go', file('//go:build go1.21 && !go1.24'))!;
    expect(releasesBuilding(fileConstraint('a.go', file('//go:build go1.21 && !go1.24')), shim)).toEqual({ oldest: [1, 21], newest: [1, 23] });
  });

  it('gives up on a constraint no target can satisfy', () => {
    expect(targetFor('a.go', file('//go:build linux && windows'))).toBeUndefined();
  });
});
