// What the whole package does to references, beyond the entry points that
// reach a call: where code takes references away again (`delete`, `clear`, a
// nil or shortening store), and where it links existing values into fields.
// Functions are interpreted on their own, each once, and only those whose
// text may matter; only calls a rule is about to report on ask.
import type { FuncDecl, GoPackage } from '../model/package.js';
import { word } from '../model/package.js';
import type { Link, Removal } from './heap.js';
import { Interpreter } from './interpreter/index.js';
import { calleeEffects } from './callee-effects.js';
import { removingMethodNames } from './std-summaries.js';

/**
 * Text that may remove a reference (a cgo handle's `Delete()` too, and a call
 * of a standard method that removes, `l.Remove(e)`); the interpreter decides
 * on the functions whose bodies contain it.
 */
const removalText = new RegExp(
  String.raw`\b(delete|clear)\s*\(|\.Delete\s*\(\s*\)|[^=!<>:]=\s*(nil\b|append\s*\(|\w+\.Delete|[\w.]+\s*\[[^\]\n]*:)` +
    (removingMethodNames.length ? String.raw`|\.(${removingMethodNames.join('|')})\s*\(` : ''),
);

const identifiers = /[\p{L}_][\p{L}\p{N}_]*/gu;

interface Scan {
  interpreter: Interpreter;
  done: Set<FuncDecl>;
  /** For each question asked: how many of the package's functions it was tried on (files it loads stay loaded). */
  tried: Map<string, number>;
}

const scans = new WeakMap<GoPackage, Scan>();

/**
 * Interprets, once each, the package's functions that `wanted` accepts, after
 * `load` read the files they may be in; a question asked again (same `key`)
 * tries only functions read since.
 */
function cover(pkg: GoPackage, key: string, load: () => void, wanted: (decl: FuncDecl) => boolean): Interpreter {
  let scan = scans.get(pkg);
  if (!scan) scans.set(pkg, (scan = { interpreter: new Interpreter(pkg, { recordsLinks: true, effectsOf: calleeEffects }), done: new Set(), tried: new Map() }));
  const from = scan.tried.get(key);
  if (from === undefined) load();
  // Interpreting may read more files: their functions are tried too.
  for (let i = from ?? 0; i < pkg.functions.length; i++) {
    const decl = pkg.functions[i]!;
    scan.tried.set(key, i + 1);
    if (scan.done.has(decl) || !decl.body || !wanted(decl)) continue;
    scan.done.add(decl);
    scan.interpreter.interpretRoot(decl);
  }
  return scan.interpreter;
}

/** The steps the package's scan has taken so far (see Interpreter.stepsTaken): its work counts as the analysis's. */
export function packageScanSteps(pkg: GoPackage): number {
  return scans.get(pkg)?.interpreter.stepsTaken ?? 0;
}

/**
 * The removals in the package's code that may clear a place of `owner` (the
 * type that declares the field, or the package-level variable): only a
 * function that can hold a value of it (see readCarriers) can. Without an
 * owner, every removal of the package.
 */
export function packageRemovals(pkg: GoPackage, owner?: string): Removal[] {
  const removes = (decl: FuncDecl) => removalText.test(decl.body!.text);
  if (owner === undefined) return cover(pkg, removalText.source, () => pkg.load((file) => removalText.test(file.text)), removes).removals;
  const carriers = () => carriersOf(pkg, [owner]);
  return cover(pkg, `removals of ${owner}`, carriers, (decl) => removes(decl) && writes(decl.node.text, carriers())).removals;
}

/** The fields and types of a loop of types, as the package's code may write them. */
export interface LoopNames {
  fieldNames: string[];
  typeNames: string[];
  /** The fields that hold a reference themselves: stored only by selecting them or in a literal (see fieldStores). */
  selectedOnly: string[];
  /** The types among typeNames that are structs. */
  structNames: string[];
}

/**
 * Every store of the package's code that may link existing values into one of
 * these fields of these types. Only a function that can hold a value of one of
 * the types can store into its fields, and every such value comes from a name
 * the function writes: one of the types, or a declaration of the package whose
 * type or result names one (a constructor, a variable, a type that holds one,
 * a method that returns one), and so on. Only the files that write such names
 * are read, and only the functions among them that also may store into a
 * field are interpreted: that write its name, or, for a field in
 * `selectedOnly` (one that holds a reference itself), that may store it (see
 * fieldStores: `x.next = n`, `x.list[i] = n`, `&x.next`, not `x.next.Close()`
 * nor `x.next == nil`).
 */
export function packageLinks(pkg: GoPackage, { fieldNames, typeNames, selectedOnly, structNames }: LoopNames): Link[] {
  // An embedded field of a type the model cannot name (`?`) is never stored by a name.
  const isName = (name: string) => /^[\p{L}_][\p{L}\p{N}_]*$/u.test(name);
  const fields = new Set(fieldNames.filter(isName));
  if (!fields.size) return [];
  const selected = new Set(selectedOnly.filter((name) => fields.has(name)));
  const named = new Set([...fields].filter((name) => !selected.has(name)));
  const stores = selected.size ? fieldStores([...selected], typeNames.filter(isName), new Set(structNames)) : undefined;
  const mayStore = (text: string) => writes(text, named) || !!stores?.test(text);
  const key = `links ${[...fields].sort().join(' ')} of ${[...typeNames].sort().join(' ')} selecting ${[...selected].sort().join(' ')}`;
  const carriers = () => carriersOf(pkg, typeNames);
  return cover(pkg, key, carriers, (decl) => mayStore(decl.body!.text) && writes(decl.node.text, carriers())).links;
}

/**
 * Text that may store into one of the fields: a selector of one that is
 * assigned, indexed, sent to, listed (`a.next, b = n, m`), closed as an
 * operand in parentheses or addressed, a key naming one, or a literal of one
 * of the types that is not empty. A literal of a struct type (in `structNames`)
 * whose first element is keyed stores only the fields it keys, which the key
 * test finds (`T{n: i}` stores no `next`), unless it is the element type of
 * a slice, array or map literal, whose elided elements may be positional.
 */
function fieldStores(fields: string[], typeNames: string[], structNames: Set<string>): RegExp {
  const field = String.raw`\.\s*(?:${fields.join('|')})(?![\p{L}\p{N}_])`;
  const literalOf = (names: string[], after: string) =>
    names.length ? String.raw`|(?<![\p{L}\p{N}_])(?:${names.join('|')})\s*(?:\[[^\]\n]*\]\s*)?\{(?!\s*(?:\}${after}))` : '';
  const structs = typeNames.filter((name) => structNames.has(name));
  const literals =
    literalOf(typeNames.filter((name) => !structNames.has(name)), '') +
    literalOf(structs, String.raw`|${identifiers.source}\s*:(?!=)`) +
    (structs.length ? String.raw`|\][\s*]*(?:${identifiers.source}\s*\.\s*)?(?:${structs.join('|')})\s*(?:\[[^\]\n]*\]\s*)?\{(?!\s*\})` : '');
  return new RegExp(
    String.raw`${field}\s*(?:=(?!=)|\[|,|<-|\))|&[\p{L}\p{N}_.\s]*${field}(?!\s*\.)|(?<![\p{L}\p{N}_.])(?:${fields.join('|')})\s*:(?!=)${literals}`,
    'u',
  );
}

const writes = (text: string, names: Set<string>) => (text.match(identifiers) ?? []).some((name) => names.has(name));

const carrierSets = new WeakMap<GoPackage, Map<string, Set<string>>>();

/** readCarriers once per package and set of types: a question asked again goes on with the same names. */
function carriersOf(pkg: GoPackage, typeNames: string[]): Set<string> {
  let sets = carrierSets.get(pkg);
  if (!sets) carrierSets.set(pkg, (sets = new Map()));
  const key = [...typeNames].sort().join(' ');
  let carriers = sets.get(key);
  if (!carriers) sets.set(key, (carriers = readCarriers(pkg, typeNames)));
  return carriers;
}

/**
 * The names through which code may come by a value of these types: the types,
 * and the package's declarations whose type, value or results write such a
 * name, reading every file that writes one.
 */
function readCarriers(pkg: GoPackage, typeNames: string[]): Set<string> {
  const carriers = new Set<string>();
  /** For a name not yet a carrier: the declarations that become carriers when it does. */
  const waiting = new Map<string, string[]>();
  const indexed = new Set<object>();
  const queue: string[] = [];
  const add = (name: string) => {
    if (carriers.has(name)) return;
    carriers.add(name);
    queue.push(name);
  };
  const index = (declaration: object, name: string, text: string) => {
    if (indexed.has(declaration)) return;
    indexed.add(declaration);
    const written = new Set(text.match(identifiers));
    if ([...written].some((w) => carriers.has(w))) return add(name);
    for (const w of written) {
      const list = waiting.get(w);
      if (list) list.push(name);
      else waiting.set(w, [name]);
    }
  };
  for (const name of typeNames) add(name);
  while (queue.length) {
    const batch = queue.splice(0);
    const pattern = new RegExp(word(`(${batch.join('|')})`), 'u');
    pkg.load((file) => pattern.test(file.text));
    // Iterating a declaration map gives the declarations read so far, without reading more.
    for (const [name, decl] of pkg.types) index(decl, name, decl.spec.text);
    for (const [name, decl] of pkg.vars) index(decl, name, `${decl.typeNode?.text ?? ''} ${decl.value?.text ?? ''}`);
    for (const decl of pkg.functions) index(decl, decl.name, decl.results.map((r) => r.typeNode.text).join(' '));
    for (const name of batch) for (const declared of waiting.get(name) ?? []) add(declared);
  }
  return carriers;
}
