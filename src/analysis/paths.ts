// Reference paths through the abstract heap: cycles back to an object, and
// reachability of an object from a finalizer or cleanup argument. Every
// reference a search reads counts against the state's search budget
// (searchBudget), so no rule's searches grow faster than the heap.
import type { Edge, HeapObject, State } from './heap.js';

/**
 * Bounds the references the rules' searches (paths, reachability) may read
 * while they check one call: the work after the interpretation has a budget
 * too, so no rule turns a large heap quadratic. When it is spent, searches
 * find nothing more and the call ends in an FG000 notice.
 */
export const searchBudget = 1_000_000;

/** References read by the searches for the call being checked (see startSearches). */
let searched = 0;

/** Starts the count of the next call's searches. */
export function startSearches(): void {
  searched = 0;
}

/** The references the searches read since startSearches, past the budget or not. */
export function searchesMade(): number {
  return searched;
}

/** Counts references a search is about to read; false once the budget is spent, and the search gives up. */
function searching(references: number): boolean {
  searched += references;
  return searched <= searchBudget;
}

/**
 * The shortest path of references from `start` to `target`. A reference from
 * an object to itself is never followed: the collector ignores pointers back
 * into the object being scanned, so they keep nothing alive. Only references
 * that `follow` accepts are followed.
 */
export function findPath(state: State, start: HeapObject, target: HeapObject, follow: (edge: Edge) => boolean = () => true): Edge[] | undefined {
  return pathsFrom(state, start, follow)(target);
}

/**
 * For a start: a function that gives the path `findPath` finds to a target.
 * One breadth-first search serves every target, taken only as far as the
 * targets asked for need, so asking for many costs the search once and not
 * once per target.
 */
export function pathsFrom(state: State, start: HeapObject, follow: (edge: Edge) => boolean = () => true): (target: HeapObject) => Edge[] | undefined {
  const search = breadthFirst(state, start, follow);
  return (target) => (search.reached(target) ? search.pathTo(target) : search.until((object) => object.id === target.id));
}

/** The shortest path of references from `start` to an object that `accept` takes. */
export function pathToFirst(state: State, start: HeapObject, accept: (object: HeapObject) => boolean): Edge[] | undefined {
  return breadthFirst(state, start, () => true).until(accept);
}

/** A breadth-first search from `start`, taken on only as far as asked. */
function breadthFirst(state: State, start: HeapObject, follow: (edge: Edge) => boolean) {
  /** How the search first came to each object; the start's entry is a reference back to it. */
  const previous = new Map<number, Edge & { from: HeapObject }>();
  const queue: HeapObject[] = [start];
  let next = 0;
  const pathTo = (target: HeapObject): Edge[] => {
    const path: Edge[] = [];
    let at: number = target.id;
    do {
      const step = previous.get(at)!;
      path.unshift(step);
      at = step.from.id;
    } while (at !== start.id);
    return path;
  };
  /** Searches on until an object `accept` takes is reached, or nothing is left; the path to it. */
  const until = (accept: (object: HeapObject) => boolean): Edge[] | undefined => {
    let found: HeapObject | undefined;
    while (!found && next < queue.length) {
      const current = queue[next++]!;
      for (const edge of state.edgesFrom(current)) {
        if (!searching(1)) return undefined;
        if (edge.to.id === current.id || !follow(edge) || previous.has(edge.to.id)) continue;
        previous.set(edge.to.id, { ...edge, from: current });
        if (edge.to.id !== start.id) queue.push(edge.to);
        if (!found && accept(edge.to)) found = edge.to;
      }
    }
    return found && pathTo(found);
  };
  return { reached: (object: HeapObject) => previous.has(object.id), pathTo, until };
}

/** The ids of the objects reachable from `roots`, the roots too; undefined when the budget ran out before all were found. */
export function reachableFrom(state: State, roots: readonly HeapObject[]): Set<number> | undefined {
  const reached = new Set(roots.map((o) => o.id));
  const queue = [...roots];
  while (queue.length) {
    for (const edge of state.edgesFrom(queue.pop()!)) {
      if (!searching(1)) return undefined;
      if (reached.has(edge.to.id)) continue;
      reached.add(edge.to.id);
      queue.push(edge.to);
    }
  }
  return reached;
}

/**
 * For a state and the references to follow: a function that gives the ids of
 * the objects from which `findPath` finds a path to a target. One pass over
 * the state's references, then each target costs what reaches it, so asking
 * for many starts and targets is not their product.
 */
export function reachingObjects(state: State, follow: (edge: Edge) => boolean): (target: HeapObject) => Set<number> {
  const into = new Map<number, number[]>();
  pass: for (const [from, slots] of state.heap) {
    for (const edges of slots.values()) {
      if (!searching(edges.length)) break pass;
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
      const sources = into.get(queue[next]!) ?? [];
      if (!searching(sources.length)) break;
      for (const from of sources) {
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
