// Reference paths through the abstract heap: cycles back to an object, and
// reachability of an object from a finalizer or cleanup argument.
import type { Edge, HeapObject, State } from './heap.js';

/**
 * The shortest path of references from `start` to `target`. A reference from
 * an object to itself is never followed: the collector ignores pointers back
 * into the object being scanned, so they keep nothing alive. With `onlySure`,
 * only references made by code that surely runs.
 */
export function findPath(state: State, start: HeapObject, target: HeapObject, onlySure = false): Edge[] | undefined {
  const previous = new Map<number, Edge & { from: HeapObject }>();
  const queue: HeapObject[] = [start];
  const seen = new Set<number>([start.id]);
  while (queue.length) {
    const current = queue.shift()!;
    for (const edge of state.edgesFrom(current)) {
      if (edge.to.id === current.id || (onlySure && !edge.sure)) continue;
      if (edge.to.id === target.id) {
        const path: Edge[] = [edge];
        let at = current;
        while (at.id !== start.id) {
          const step = previous.get(at.id)!;
          path.unshift(step);
          at = step.from;
        }
        return path;
      }
      if (seen.has(edge.to.id)) continue;
      seen.add(edge.to.id);
      previous.set(edge.to.id, { ...edge, from: current });
      queue.push(edge.to);
    }
  }
  return undefined;
}

/** A cycle from the object back to itself through at least one other object. */
export function findCycle(state: State, object: HeapObject): Edge[] | undefined {
  return findPath(state, object, object);
}

export function renderPath(start: string, edges: Edge[]): string {
  return [start, ...edges.map((e) => e.via), edges.at(-1)?.to.label ?? ''].join(' -> ');
}
