// What the whole package does to references, beyond the entry points that
// reach a call: where code takes references away again (`delete`, `clear`, a
// nil or shortening store), and where it links existing values into fields.
// Functions are interpreted on their own, each once, and only those whose
// text may matter; only calls a rule is about to report on ask.
import type { FuncDecl, GoPackage } from '../model/package.js';
import { word } from '../model/package.js';
import type { Link, Removal } from './heap.js';
import { Interpreter } from './interpreter/index.js';

/** Text that may remove a reference (a cgo handle's `Delete()` too); the interpreter decides on the functions whose bodies contain it. */
const removalText = /\b(delete|clear)\s*\(|\.Delete\s*\(\s*\)|[^=!<>:]=\s*(nil\b|append\s*\(|\w+\.Delete|[\w.]+\s*\[[^\]\n]*:)/;

interface Scan {
  interpreter: Interpreter;
  done: Set<FuncDecl>;
  /** For each pattern asked for: how many of the package's functions it was tried on (files it loads stay loaded). */
  tried: Map<string, number>;
}

const scans = new WeakMap<GoPackage, Scan>();

/** Interprets, once each, the package's functions whose bodies `wanted` accepts; a pattern asked again tries only functions read since. */
function cover(pkg: GoPackage, wanted: RegExp): Interpreter {
  let scan = scans.get(pkg);
  if (!scan) scans.set(pkg, (scan = { interpreter: new Interpreter(pkg, true), done: new Set(), tried: new Map() }));
  const from = scan.tried.get(wanted.source);
  if (from === undefined) pkg.load((file) => wanted.test(file.text));
  // Interpreting may read more files: their functions are tried too.
  for (let i = from ?? 0; i < pkg.functions.length; i++) {
    const decl = pkg.functions[i]!;
    scan.tried.set(wanted.source, i + 1);
    if (scan.done.has(decl) || !decl.body || !wanted.test(decl.body.text)) continue;
    scan.done.add(decl);
    scan.interpreter.interpretRoot(decl);
  }
  return scan.interpreter;
}

/** Every removal in the package's code: the place it clears (a field, a package-level variable) and the statement. */
export function packageRemovals(pkg: GoPackage): Removal[] {
  return cover(pkg, removalText).removals;
}

/** Every store of the package's code that may link existing values into one of these fields. */
export function packageLinks(pkg: GoPackage, fieldNames: string[]): Link[] {
  // An embedded field of a type the model cannot name (`?`) is never stored by a name.
  const names = fieldNames.filter((name) => /^[\p{L}_][\p{L}\p{N}_]*$/u.test(name));
  if (!names.length) return [];
  return cover(pkg, new RegExp(word(`(${names.join('|')})`), 'u')).links;
}
