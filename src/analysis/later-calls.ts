// What a caller may do with an object an entry point hands out: call the
// exported methods of its type. Each such method is interpreted once, as an
// entry point of its own on a receiver it did not make, so the rules can see
// what it links the receiver to (a package-level registry `SetCallback`
// fills, say) whoever calls it.
import { methodsOf, type FuncDecl, type GoPackage } from '../model/package.js';
import { declaringPackage, pointee, type GoType } from '../model/types.js';
import { byCodePoint } from '../order.js';
import type { RootRun } from './heap.js';
import { Interpreter } from './interpreter/index.js';
import { calleeEffects } from './callee-effects.js';

interface MethodRuns {
  interpreter: Interpreter;
  runs: Map<FuncDecl, RootRun>;
}

const byPackage = new WeakMap<GoPackage, MethodRuns>();

/**
 * The exported methods of a package type (`*T` or `T`, the one `type` names)
 * with a body, each with the run that interprets it on its own receiver, in
 * the order declared; `interpreter` made those runs (its package variables are theirs).
 */
export function laterMethodRuns(pkg: GoPackage, type: GoType | undefined): { interpreter: Interpreter; runs: { method: FuncDecl; run: RootRun }[] } | undefined {
  const named = type && pointee(type);
  if (named?.kind !== 'named' || declaringPackage(named, pkg) !== pkg || !pkg.types.has(named.name)) return undefined;
  let cache = byPackage.get(pkg);
  if (!cache) byPackage.set(pkg, (cache = { interpreter: new Interpreter(pkg, { effectsOf: calleeEffects }), runs: new Map() }));
  const methods = [...(methodsOf(pkg, named.name)?.values() ?? [])]
    .filter((m) => m.body && /^\p{Lu}/u.test(m.name))
    .sort((a, b) => byCodePoint(a.file.path, b.file.path) || a.node.startIndex - b.node.startIndex);
  const runs = methods.map((method) => {
    let run = cache!.runs.get(method);
    if (!run) cache!.runs.set(method, (run = cache!.interpreter.interpretAlone(method)));
    return { method, run };
  });
  return { interpreter: cache.interpreter, runs };
}
