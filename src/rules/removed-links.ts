// Whether a reference on a path is permanent. A link that other code in the
// package removes (a Close method, a callback, another object's finalizer, a
// goroutine) holds only until that code runs, so a finding must not say
// "never" over it. A link that only the object's own finalizer removes is
// permanent: the finalizer cannot run while the link is there.
import type { Edge, HeapObject, SiteEvaluation } from '../analysis/heap.js';
import { findPath } from '../analysis/paths.js';
import { packageRemovals } from '../analysis/package-scan.js';
import { methodsOf, packageOfFile, type FuncDecl, type GoPackage } from '../model/package.js';
import type { SyntaxNode } from '../parse/parser.js';
import { hookNoun } from './describe.js';
import type { Site } from './rule.js';

export type Permanence = 'kept' | 'removed elsewhere' | 'removed only by the finalizer';

interface Region {
  path: string;
  start: number;
  end: number;
}

const inside = (node: SyntaxNode, path: string, regions: Region[]) =>
  regions.some((r) => r.path === path && node.startIndex >= r.start && node.endIndex <= r.end);

const regionOf = (node: SyntaxNode, path: string): Region => ({ path, start: node.startIndex, end: node.endIndex });

/** The function or method declaration a node lies in. */
function enclosingDeclaration(node: SyntaxNode): SyntaxNode | undefined {
  for (let at: SyntaxNode | null = node; at; at = at.parent) {
    if (at.type === 'function_declaration' || at.type === 'method_declaration') return at;
  }
  return undefined;
}

/** The package whose code holds the call: the one analyzed, or another package of its module that its code calls into. */
const homeOf = (site: Site): GoPackage => packageOfFile(site.pkg, site.file);

/** The declaration a finalizer or cleanup argument names: `release`, `o.release`, `(*T).release`. */
function namedFunction(site: Site, evaluation: SiteEvaluation, fn: SyntaxNode): FuncDecl | undefined {
  const home = homeOf(site);
  if (fn.type === 'identifier') return home.funcs.get(fn.text);
  if (fn.type !== 'selector_expression') return undefined;
  const method = site.interpreter.methodOf(fn, evaluation.scope);
  if (method) return method;
  const typeName = /(\w+)\s*\)?\s*$/.exec(fn.childForFieldName('operand')?.text ?? '')?.[1];
  const name = fn.childForFieldName('field')?.text;
  return typeName && name ? methodsOf(home, typeName)?.get(name) : undefined;
}

/** Called from outside the package: exported, run by the runtime, or exported to C with //export. */
export function callableFromOutside(decl: FuncDecl): boolean {
  if (/^\p{Lu}/u.test(decl.name) || decl.name === 'init' || decl.name === 'main') return true;
  const before = decl.file.source.slice(Math.max(0, decl.node.startIndex - 200), decl.node.startIndex);
  // A pattern is compiled only where an //export comment may be: most functions have none.
  return before.includes('//export') && new RegExp(`//export\\s+${decl.name}\\b`).test(before);
}

/** Every use of each name in the package's files (calls, method values, selectors). */
function namesUsed(pkg: GoPackage): Map<string, { node: SyntaxNode; path: string }[]> {
  const uses = new Map<string, { node: SyntaxNode; path: string }[]>();
  for (const file of pkg.files) {
    for (const node of file.tree.rootNode.descendantsOfType(['identifier', 'field_identifier'])) {
      if (!node) continue;
      const list = uses.get(node.text) ?? [];
      list.push({ node, path: file.path });
      uses.set(node.text, list);
    }
  }
  return uses;
}

/**
 * The code only the finalizer runs: its func literal or the function it
 * names, and every function of the package used nowhere else.
 */
function finalizerOnlyCode(site: Site, evaluation: SiteEvaluation): Region[] {
  let fn: SyntaxNode | null | undefined = site.args[1];
  while (fn?.type === 'parenthesized_expression') fn = fn.namedChild(0);
  if (!fn) return [];
  const regions: Region[] = [];
  if (fn.type === 'func_literal') regions.push(regionOf(fn, site.file.path));
  const named = namedFunction(site, evaluation, fn);
  if (named) regions.push(regionOf(named.node, named.file.path));
  if (!regions.length) return regions;
  const home = homeOf(site);
  home.load(() => true);
  const uses = namesUsed(home);
  const excluded = new Set<FuncDecl>(named ? [named] : []);
  for (let changed = true; changed; ) {
    changed = false;
    for (const decl of home.functions) {
      if (excluded.has(decl) || callableFromOutside(decl)) continue;
      // Its name inside its own body (a recursive call, another type's method of the same name) is no other use.
      const own = [regionOf(decl.node, decl.file.path)];
      const refs = (uses.get(decl.name) ?? []).filter((u) => !inside(u.node, u.path, own));
      if (!refs.length || !refs.every((u) => inside(u.node, u.path, regions))) continue;
      excluded.add(decl);
      regions.push(regionOf(decl.node, decl.file.path));
      changed = true;
    }
  }
  return regions;
}

/**
 * The name whose values hold a place: the package-level variable, or the type
 * that declares the field (a package-level variable of an anonymous struct
 * type names it too). None for a type declared inside a function.
 */
function placeOwner(packages: GoPackage[], place: string): string | undefined {
  // A package-level variable by its name; the places of other packages' state (`var runtime/cgo handles`, `std sync`) have none.
  if (place.startsWith('var ')) return /^var ([\p{L}_][\p{L}\p{N}_]*)$/u.exec(place)?.[1];
  const at = /^field (.*):(\d+)$/.exec(place);
  const file = at && packages.flatMap((pkg) => pkg.files).find((f) => f.path === at[1]);
  if (!file) return undefined;
  for (let node: SyntaxNode | null = file.tree.rootNode.descendantForIndex(Number(at![2])); node; node = node.parent) {
    if (node.type === 'function_declaration' || node.type === 'method_declaration' || node.type === 'func_literal') return undefined;
    if (node.type === 'type_spec' || node.type === 'type_alias') return node.childForFieldName('name')?.text;
    // `var a, b struct{...}`: either may hold it.
    if (node.type === 'var_spec') return node.childrenForFieldName('name').length === 1 ? node.childForFieldName('name')?.text : undefined;
  }
  return undefined;
}

/** Judges the references of one evaluation of a site by the removals in the package. */
function permanenceOf(site: Site, evaluation: SiteEvaluation): (edge: Edge) => Permanence {
  let regions: Region[] | undefined;
  const verdicts = new Map<Edge, Permanence>();
  return (edge) => {
    if (!edge.place) return 'kept';
    let verdict = verdicts.get(edge);
    if (verdict) return verdict;
    const edgeFunction = enclosingDeclaration(edge.node);
    // The code that may clear the place: the package analyzed, the call's, and the one that made the reference.
    const packages = new Set([site.pkg, homeOf(site), packageOfFile(site.pkg, edge.file)]);
    const owner = placeOwner([...packages], edge.place);
    const removals = [...packages].flatMap((pkg) => packageRemovals(pkg, owner)).filter(
      (r) =>
        r.place === edge.place &&
        // Earlier in the same function: the interpreter has already seen that it comes first.
        !(r.file.path === edge.file.path && edgeFunction && enclosingDeclaration(r.node)?.id === edgeFunction.id && r.node.endIndex <= edge.node.startIndex),
    );
    if (!removals.length) verdict = 'kept';
    else {
      regions ??= finalizerOnlyCode(site, evaluation);
      verdict = removals.every((r) => inside(r.node, r.file.path, regions!)) ? 'removed only by the finalizer' : 'removed elsewhere';
    }
    verdicts.set(edge, verdict);
    return verdict;
  };
}

/**
 * A path of references from `start` to `target` that no code of the package
 * takes away, apart from the finalizer or cleanup itself (which cannot run
 * while the path holds), and what the message must say about such links.
 */
export function lastingPath(
  site: Site,
  evaluation: SiteEvaluation,
  start: HeapObject,
  target: HeapObject,
  follow: (edge: Edge) => boolean = () => true,
): { path: Edge[]; note: string } | undefined {
  const state = evaluation.run.finalState;
  // Most calls have no path at all: the package's removals are looked for only when one exists.
  if (!findPath(state, start, target, follow)) return undefined;
  const permanence = permanenceOf(site, evaluation);
  const path = findPath(state, start, target, (edge) => follow(edge) && permanence(edge) !== 'removed elsewhere');
  if (!path) return undefined;
  const removedByItself = [...path].reverse().find((edge) => permanence(edge) === 'removed only by the finalizer');
  const hook = hookNoun(site);
  const note = removedByItself ? `; the reference ${removedByItself.via} is removed only by the ${hook} itself, which cannot run while it is there` : '';
  return { path, note };
}
