// Build constraints decide which files are analyzed together: the go tool's
// rules for //go:build, // +build and file-name suffixes.
import { describe, expect, it } from 'vitest';
import { fileConstraint, targetFor } from '../src/discover/constraints.js';

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

  it('gives up on a constraint no target can satisfy', () => {
    expect(targetFor('a.go', file('//go:build linux && windows'))).toBeUndefined();
  });
});
