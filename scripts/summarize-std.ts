// Computes, with the engine's own interpreter, what each exported function
// and method of standard library packages does with its parameters, from the
// Go source (Debian's golang-1.26-src): which parameters its results, its
// receiver and its other parameters reach once it returns, which ones a
// and whether a method takes references out of
// its receiver. scripts/std-summaries.mjs writes the result into
// src/analysis/std-summaries.json; test/std-summaries.test.ts recomputes a
// sample and compares.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { targetFor } from '../src/discover/constraints.js';
import { readModule, type Workspace } from '../src/discover/gomod.js';
import type { HeapObject, RootRun } from '../src/analysis/heap.js';
import { Interpreter } from '../src/analysis/interpreter/index.js';
import { ModulePackages } from '../src/model/module.js';
import type { FuncDecl, GoPackage } from '../src/model/package.js';
import { readType, underlying } from '../src/model/types.js';
import { goParser } from '../src/parse/parser.js';
import type { StdSummaries, StdSummary } from '../src/analysis/std-summaries.js';

const exported = (name: string) => /^\p{Lu}/u.test(name);

/** The standard library as a workspace: each top-level directory serves the import paths below it; vendor/ the rest. */
function stdWorkspace(srcRoot: string): Workspace {
  const module = readModule(srcRoot);
  if (!module) throw new Error(`no go.mod in ${srcRoot}: not a Go source tree`);
  const tops = readdirSync(srcRoot).filter((name) => !['cmd', 'testdata', 'vendor'].includes(name) && statSync(join(srcRoot, name)).isDirectory());
  return { modules: [module], replaces: tops.map((name) => ({ path: name, dir: join(srcRoot, name) })) };
}

/** The import paths of every package below the source root that a summary is made for (no internal/, cmd/, vendor/, testdata). */
export function stdPackages(srcRoot: string): string[] {
  const found: string[] = [];
  const walk = (dir: string, importPath: string) => {
    const names = readdirSync(dir).sort();
    if (importPath && names.some((n) => n.endsWith('.go') && !n.endsWith('_test.go'))) found.push(importPath);
    for (const name of names) {
      if (['cmd', 'internal', 'vendor', 'testdata'].includes(name) || name.startsWith('.') || name.startsWith('_')) continue;
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path, importPath ? `${importPath}/${name}` : name);
    }
  };
  walk(srcRoot, '');
  return found;
}

/**
 * What `from` reaches by the run's final references (the starting objects
 * count only when reached again), and the places (fields, package-level
 * variables) of the references on the ways to each of `wanted`.
 */
function reached(run: RootRun, from: HeapObject[], wanted: Set<number>): { ids: Set<number>; places: Set<string> } {
  const ids = new Set<number>();
  const traversed: { from: number; to: number; place?: string }[] = [];
  const queue = [...from];
  while (queue.length) {
    const holder = queue.pop()!;
    for (const edge of run.finalState.edgesFrom(holder)) {
      traversed.push({ from: holder.id, to: edge.to.id, place: edge.place });
      if (ids.has(edge.to.id)) continue;
      ids.add(edge.to.id);
      queue.push(edge.to);
    }
  }
  const leadsThere = new Set([...wanted].filter((id) => ids.has(id)));
  const places = new Set<string>();
  for (let changed = true; changed; ) {
    changed = false;
    for (const step of traversed) {
      if (!leadsThere.has(step.to)) continue;
      if (step.place) places.add(step.place);
      if (!leadsThere.has(step.from)) (leadsThere.add(step.from), (changed = true));
    }
  }
  return { ids, places };
}

/** The type name the first result points to, when it is one of the package's own: `*Cond`, `Context`. */
function resultType(pkg: GoPackage, decl: FuncDecl): string | undefined {
  const text = decl.results[0]?.typeNode.text;
  const name = text?.replace(/^\*/, '');
  return name && /^\p{Lu}[\p{L}\p{N}_]*$/u.test(name) && pkg.types.has(name) ? text : undefined;
}

interface Interpreted {
  summary: StdSummary;
  /** The places the references of its links go through. */
  linkPlaces: Set<string>;
  /** The places its code takes references out of. */
  removalPlaces: Set<string>;
}

/** What one function or method does with its parameters, and the places its links and removals concern. */
function interpret(pkg: GoPackage, decl: FuncDecl): Interpreted {
  const interpreter = new Interpreter(pkg);
  const run = interpreter.interpretAlone(decl);
  // A parameter of a basic type (a byte, a string) holds no reference to an object a finalizer could be set on.
  const holdsReferences = (i: number) => {
    const type = underlying(readType(decl.params[i]!.typeNode, decl.file), pkg);
    return type.kind !== 'basic' || type.name === 'unsafe.Pointer';
  };
  const targets: [string, HeapObject[]][] = run.parameters.flatMap((objects, i) => (holdsReferences(i) ? [[String(i), objects] as [string, HeapObject[]]] : []));
  if (run.receiver.length) targets.unshift(['receiver', run.receiver]);
  // The result is what the callee made and returns: what it hands back of its parameters (`return l`, `return e.Value`) is theirs.
  const result: [string, HeapObject[]] = ['result', run.returned.filter((o) => o.kind === 'alloc' || o.kind === 'closure')];
  const linkPlaces = new Set<string>();
  const links: Record<string, string[]> = {};
  for (const [holder, from] of [result, ...targets]) {
    // What the callee made counts too: a list's element points back to the list that holds it.
    const others = [...targets, result].filter(([name]) => name !== holder);
    const { ids, places } = reached(run, from, new Set(others.flatMap(([, objects]) => objects.map((o) => o.id))));
    const reachedHere = others.filter(([, objects]) => objects.some((o) => ids.has(o.id))).map(([name]) => name);
    if (!reachedHere.length) continue;
    links[holder] = reachedHere;
    for (const place of places) linkPlaces.add(place);
  }
  const summary: StdSummary = {};
  if (Object.keys(links).length) summary.links = links;
  return { summary, linkPlaces, removalPlaces: new Set(interpreter.removals.map((r) => r.place)) };
}

/** The summaries of the packages named, each keyed by `Func` or `Type.Method`, non-empty ones only. */
export async function summarizeStd(srcRoot: string, importPaths: string[]): Promise<StdSummaries> {
  const modules = new ModulePackages(await goParser(), true, 0);
  const resolve = modules.resolver(stdWorkspace(srcRoot), targetFor('summaries.go', '')!);
  const packages: StdSummaries['packages'] = {};
  try {
    for (const importPath of importPaths) {
      const pkg = resolve(importPath);
      if (!pkg) continue;
      pkg.load(() => true);
      const interpreted = new Map<string, { decl: FuncDecl } & Interpreted>();
      for (const decl of pkg.functions) {
        if (!decl.body || !exported(decl.name) || (decl.receiver && !exported(decl.receiver.typeName))) continue;
        interpreted.set(decl.receiver ? `${decl.receiver.typeName}.${decl.name}` : decl.name, { decl, ...interpret(pkg, decl) });
      }
      // A method removes when it takes references out of a place that some link of the package goes through.
      const linkPlaces = new Set([...interpreted.values()].flatMap((i) => [...i.linkPlaces]));
      for (const { decl, summary, removalPlaces } of interpreted.values()) {
        if (decl.receiver && [...removalPlaces].some((place) => linkPlaces.has(place))) summary.removes = true;
      }
      // The type of a result matters where it makes links or has methods that do (`l := list.New()`, then `l.PushBack(v)`).
      const typesWithEffects = new Set([...interpreted.values()].filter((i) => i.decl.receiver && Object.keys(i.summary).length).map((i) => i.decl.receiver!.typeName));
      const summaries: Record<string, StdSummary> = {};
      for (const [name, { decl, summary }] of interpreted) {
        const returns = resultType(pkg, decl);
        if (returns && (summary.links?.result || typesWithEffects.has(returns.replace(/^\*/, '')))) summary.returns = returns;
        if (Object.keys(summary).length) summaries[name] = summary;
      }
      if (Object.keys(summaries).length) packages[importPath] = Object.fromEntries(Object.entries(summaries).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    }
  } finally {
    modules.dispose();
  }
  return { packages };
}

/** The data file's text: one summary a line, so a regeneration's diff shows what changed. */
export function formatSummaries(summaries: StdSummaries): string {
  const packages = Object.entries(summaries.packages).map(
    ([path, funcs]) => `    ${JSON.stringify(path)}: {\n${Object.entries(funcs).map(([name, s]) => `      ${JSON.stringify(name)}: ${JSON.stringify(s)}`).join(',\n')}\n    }`,
  );
  return `{\n  "packages": {\n${packages.join(',\n')}\n  }\n}\n`;
}
