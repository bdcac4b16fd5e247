// The one order for names and paths: by Unicode code point, as Go compares
// strings (byte-wise UTF-8 gives the same order). localeCompare would follow
// the LANG of whoever runs the tool, and plain sort() puts characters above
// U+FFFF (two UTF-16 units) before U+E000..U+FFFF.

/** Negative, zero or positive as `a` sorts before, with or after `b` by code points. */
export function byCodePoint(a: string, b: string): number {
  const shorter = Math.min(a.length, b.length);
  for (let i = 0; i < shorter; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointRank(x) - codePointRank(y);
  }
  return a.length - b.length;
}

/** A surrogate unit starts or continues a code point above U+FFFF, so it ranks above every other unit. */
function codePointRank(unit: number): number {
  return unit >= 0xd800 && unit <= 0xdfff ? unit + 0x10000 : unit;
}
