import { findPath } from '../analysis/paths.js';
import { removesFinalizer, type HeapObject, type SiteEvaluation } from '../analysis/heap.js';
import { describeArgument, firstLine } from './describe.js';
import type { RelatedNode, Rule } from './rule.js';

/**
 * FG008 finalizer-already-set: SetFinalizer(x, f) with a non-nil f on an
 * object whose finalizer an earlier call set, with no SetFinalizer(x, nil)
 * in between, where every path that reaches this call ran the earlier one.
 * An object has at most one finalizer: the runtime throws "finalizer already
 * set" and the program dies (recover cannot catch it).
 */
export const finalizerAlreadySet: Rule = {
  id: 'FG008',
  name: 'finalizer-already-set',
  severity: 'error',
  summary: 'The object already has a finalizer from an earlier call; the program dies at this one.',
  kinds: ['SetFinalizer'],
  fatal: true,
  check(site) {
    for (const second of site.evaluations) {
      const object = surelyFinalizedObject(second);
      if (!object) continue;
      const first = second.run.sites.find((e) => e.order < second.order && surelyFinalizedObject(e) === object && runsBefore(e, second) && !removedBetween(e, second, object));
      if (!first) continue;
      return {
        message:
          `${describeArgument(site, 0)} already has a finalizer: ${firstLine(first.call.text)} runs before this call on every path to it, ` +
          `and nothing removes it in between; runtime.SetFinalizer throws "finalizer already set" and the program dies (recover cannot catch it)`,
        related: firstSetAlong(first, second),
      };
    }
    return undefined;
  },
};

/** The one object a call surely sets a (non-nil) finalizer on, if the code shows it. */
function surelyFinalizedObject(evaluation: SiteEvaluation): HeapObject | undefined {
  if (evaluation.kind !== 'SetFinalizer' || removesFinalizer(evaluation) || !surelyFunction(evaluation)) return undefined;
  const objects = evaluation.argObjects[0] ?? [];
  const object = objects.length === 1 ? objects[0] : undefined;
  // Objects made or passed here keep their identity; a field read may name another object after any call.
  return object && (object.kind === 'alloc' || object.kind === 'param') ? object : undefined;
}

/** A finalizer that is not nil: not the literal nil, nor a variable the code never gave a value. */
function surelyFunction(evaluation: SiteEvaluation): boolean {
  const finalizer = evaluation.args[1];
  if (!finalizer || finalizer.type === 'nil') return false;
  const variable = finalizer.type === 'identifier' ? evaluation.scope.lookup(finalizer.text) : undefined;
  return !variable || variable.global || (evaluation.argObjects[1] ?? []).length > 0;
}

/**
 * Whether every path to `later` ran `earlier` first: met before it, in the
 * same or an enclosing branch, and not the same call met again on a loop's
 * next iteration.
 */
function runsBefore(earlier: SiteEvaluation, later: SiteEvaluation): boolean {
  if (earlier.call.id === later.call.id && earlier.context === later.context) return false;
  return earlier.regions.length <= later.regions.length && earlier.regions.every((region, i) => later.regions[i] === region);
}

/** A removal of the object's finalizer between the two calls, or a call not followed that was handed the object. */
function removedBetween(earlier: SiteEvaluation, later: SiteEvaluation, object: HeapObject): boolean {
  const run = later.run;
  const removal = run.sites.some(
    (e) => e.order > earlier.order && e.order < later.order && removesFinalizer(e) && (e.argObjects[0] ?? []).some((o) => o.id === object.id),
  );
  // An unfollowed call is recorded with the order of the next call met after it.
  const handedOver = run.unfollowed.some(
    (u) => u.order > earlier.order && u.order <= later.order && u.objects.some((o) => o.id === object.id || findPath(run.finalState, o, object) !== undefined),
  );
  return removal || handedOver;
}

/** The first call, and the calls that led to it where they differ from the way to the second. */
function firstSetAlong(first: SiteEvaluation, second: SiteEvaluation): RelatedNode[] {
  let shared = 0;
  while (shared < first.chain.length && first.chain[shared]?.call.id === second.chain[shared]?.call.id) shared++;
  const related: RelatedNode[] = first.chain.slice(shared).map((place) => ({ node: place.call, file: place.file, message: `calls ${firstLine(place.call.text)}` }));
  related.push({ node: first.call, file: first.file, message: `the finalizer is first set here: ${firstLine(first.call.text)}` });
  return related;
}
