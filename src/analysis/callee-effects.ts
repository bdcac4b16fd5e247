// What the module's own functions do to what they are given, for the calls
// an entry point does not follow in place (past the inlining depth, a
// function met again within itself, the other packages' budget spent, one
// callee inlined too often). Each such function is interpreted once on its
// own, as a root, by an interpreter of its package that follows no such
// summaries itself (so each one is a function of the source alone, the same
// on every thread and in every order); the interpreter replays it at the call.
import { packageOfFile, type FuncDecl, type GoPackage } from '../model/package.js';
import { maxSummaryReferences, summaryBudget } from './interpreter/core.js';
import { Interpreter } from './interpreter/index.js';
import type { CalleeEffects, HeapObject, RootRun } from './heap.js';

interface Summaries {
  interpreter: Interpreter;
  effects: Map<FuncDecl, CalleeEffects | undefined>;
}

const byPackage = new WeakMap<GoPackage, Summaries>();

/** Steps spent on summaries on this thread so far: their work counts as the analysis's. */
let stepsSpent = 0;

export const calleeEffectsSteps = (): number => stepsSpent;

/**
 * What a call of `decl` (of `pkg` or another package of its module) does,
 * or nothing when its own run was cut short by its budget (the part not
 * followed might undo what the rest did) or leaves too much to replay.
 */
export function calleeEffects(pkg: GoPackage, decl: FuncDecl): CalleeEffects | undefined {
  const home = packageOfFile(pkg, decl.file);
  let summaries = byPackage.get(home);
  if (!summaries) byPackage.set(home, (summaries = { interpreter: new Interpreter(home, { budget: summaryBudget }), effects: new Map() }));
  if (summaries.effects.has(decl)) return summaries.effects.get(decl);
  const { interpreter } = summaries;
  const [stepsBefore, boundsBefore] = [interpreter.stepsTaken, interpreter.bounds.length];
  const run = interpreter.interpretAlone(decl);
  stepsSpent += interpreter.stepsTaken - stepsBefore;
  const found = interpreter.bounds.length > boundsBefore ? undefined : effectsOf(run, interpreter.packageVariables());
  const effects = found && found.stores.reduce((sum, store) => sum + store.edges.length, 0) <= maxSummaryReferences ? found : undefined;
  summaries.effects.set(decl, effects);
  return effects;
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
      if (!edges.length) continue;
      stores.push({ holder, slot, edges });
      for (const edge of edges) visit(edge.to);
    }
  }
  return { receiver: run.receiver, parameters: run.parameters, results: run.results, stores, goroutines: run.goroutines };
}
