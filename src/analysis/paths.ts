// Reference paths through the abstract heap: cycles back to an object, and
// reachability of an object from a finalizer or cleanup argument.
import type { Edge, HeapObject, State } from './heap.js';

/**
 * The shortest path of references from `start` to `target`. A reference from
 * an object to itself is never followed: the collector ignores pointers back
 * into the object being scanned, so they keep nothing alive. Only references
 * that `follow` accepts are followed.
 */
export function findPath(state: State, start: HeapObject, target: HeapObject, follow: (edge: Edge) => boolean = () => true): Edge[] | undefined {
  const previous = new Map<number, Edge & { from: HeapObject }>();
  const queue: HeapObject[] = [start];
  const seen = new Set<number>([start.id]);
  for (let next = 0; next < queue.length; next++) {
    const current = queue[next]!;
    for (const edge of state.edgesFrom(current)) {
      if (edge.to.id === current.id || !follow(edge)) continue;
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

/**
 * For a state and the references to follow: a function that gives the ids of
 * the objects from which `findPath` finds a path to a target. One pass over
 * the state's references, then each target costs what reaches it, so asking
 * for many starts and targets is not their product.
 */
export function reachingObjects(state: State, follow: (edge: Edge) => boolean): (target: HeapObject) => Set<number> {
  const into = new Map<number, number[]>();
  for (const [from, slots] of state.heap) {
    for (const edges of slots.values()) {
      for (const edge of edges) {
        if (edge.to.id === from || !follow(edge)) continue;
        const sources = into.get(edge.to.id);
        if (sources) sources.push(from);
        else into.set(edge.to.id, [from]);
      }
    }
  }
  return (target) => {
    const reached = new Set<number>();
    const queue = [target.id];
    for (let next = 0; next < queue.length; next++) {
      for (const from of into.get(queue[next]!) ?? []) {
        if (reached.has(from)) continue;
        reached.add(from);
        queue.push(from);
      }
    }
    return reached;
  };
}

export function renderPath(start: string, edges: Edge[]): string {
  return [start, ...edges.map((e) => e.via), edges.at(-1)?.to.label ?? ''].join(' -> ');
}
