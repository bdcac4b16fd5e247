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
  while (queue.length) {
    const current = queue.shift()!;
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

export function renderPath(start: string, edges: Edge[]): string {
  return [start, ...edges.map((e) => e.via), edges.at(-1)?.to.label ?? ''].join(' -> ');
}
