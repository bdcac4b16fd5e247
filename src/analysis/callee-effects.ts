// What the module's own functions do to what they are given, for the calls
// an entry point does not follow in place (past the inlining depth, a
// function met again within itself, the other packages' budget spent, one
// callee inlined too often). Each such function is interpreted once on its
// own, as a root, by an interpreter of its own that follows no such
// summaries (so each one is a function of the source alone, the same on
// every thread and in every order); the interpreter replays it at the call.
import { packageOfFile, type FuncDecl, type GoPackage } from '../model/package.js';
import { maxSummaryReferences, summaryBudget } from './interpreter/core.js';
import { Interpreter } from './interpreter/index.js';
import { slotKey, type CalleeEffects, type HeapObject, type RootRun } from './heap.js';

/** A function's summary, or none, and the steps its making took. */
interface Summary {
  effects: CalleeEffects | undefined;
  steps: number;
}

const byPackage = new WeakMap<GoPackage, Map<FuncDecl, Summary>>();

/** The summaries asked for since chargeSummaries began a count. */
let charged = new Set<Summary>();

/**
 * Starts counting the summaries the analysis asks for; the function it
 * returns gives their steps. Each counts once per count, made then or
 * earlier, so a package's steps do not depend on what was analyzed before it
 * on the thread, nor on the cache.
 */
export function chargeSummaries(): () => number {
  const counted = (charged = new Set());
  return () => [...counted].reduce((sum, summary) => sum + summary.steps, 0);
}

/**
 * What a call of `decl` (of `pkg` or another package of its module) does,
 * or nothing when its own run was cut short by its budget, or did not
 * follow a call of its own (the part not seen might undo what the rest did),
 * or leaves too much to replay.
 */
export function calleeEffects(pkg: GoPackage, decl: FuncDecl): CalleeEffects | undefined {
  const home = packageOfFile(pkg, decl.file);
  let cache = byPackage.get(home);
  if (!cache) byPackage.set(home, (cache = new Map()));
  let summary = cache.get(decl);
  if (!summary) cache.set(decl, (summary = summarize(home, decl)));
  charged.add(summary);
  return summary.effects;
}

/** One function's summary, from an interpreter of its own: no other summary's objects are met in it, so none changes it. */
function summarize(home: GoPackage, decl: FuncDecl): Summary {
  const interpreter = new Interpreter(home, { budget: summaryBudget, wholeOnly: true });
  const run = interpreter.interpretAlone(decl);
  const steps = interpreter.stepsTaken;
  if (interpreter.bounds.length || run.unfollowed.length) return { effects: undefined, steps };
  const effects = effectsOf(run, interpreter.packageVariables());
  return { effects: effects.stores.reduce((sum, store) => sum + store.edges.length, 0) <= maxSummaryReferences ? effects : undefined, steps };
}

/** The stores of a run reachable from what outlives it: its receiver, parameters, results, the package-level variables it used and what its goroutines hold. */
function effectsOf(run: RootRun, globals: readonly HeapObject[]): CalleeEffects {
  const state = run.finalState;
  const seen = new Set<number>();
  const queue: HeapObject[] = [];
  const visit = (object: HeapObject) => {
    if (seen.has(object.id)) return;
    seen.add(object.id);
    queue.push(object);
  };
  [...run.receiver, ...run.parameters.flat(), ...run.returned, ...globals.filter((g) => state.heap.has(g.id))].forEach(visit);
  for (const goroutine of run.goroutines) for (const held of goroutine.held) held.objects.forEach(visit);
  const stores: CalleeEffects['stores'] = [];
  for (let i = 0; i < queue.length; i++) {
    const holder = queue[i]!;
    for (const [slot, edges] of state.heap.get(holder.id) ?? []) {
      if (!edges.length && !state.emptied.has(slotKey(holder, slot))) continue;
      stores.push({ holder, slot, edges });
      for (const edge of edges) visit(edge.to);
    }
  }
  return { receiver: run.receiver, parameters: run.parameters, results: run.results, stores, goroutines: run.goroutines };
}
