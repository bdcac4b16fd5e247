// The order of names and paths: Go's, by code point, never the locale's.
import { describe, expect, it } from 'vitest';
import { byCodePoint } from '../src/order.js';

describe('byCodePoint', () => {
  it('sorts as Go compares strings: UTF-8 bytes', () => {
    const names = ['ä.go', 'z.go', 'Z.go', 'a.go', 'aa.go', 'a', '\u{1F600}.go', '\uFF21.go', '\uE000.go', ''];
    const byBytes = [...names].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
    expect([...names].sort(byCodePoint)).toEqual(byBytes);
    // Plain sort() compares UTF-16 units, which puts the emoji (a surrogate pair) before U+E000.
    expect([...names].sort()).not.toEqual(byBytes);
  });

  it('is zero only for equal strings', () => {
    expect(byCodePoint('a.go', 'a.go')).toBe(0);
    expect(Math.sign(byCodePoint('a', 'a.go'))).toBe(-1);
    expect(Math.sign(byCodePoint('\u{1F600}', '\uFFFF'))).toBe(1);
  });
});
