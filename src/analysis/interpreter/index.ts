// The abstract interpreter over Go function bodies: it follows which objects
// point to which (fields, slice elements, map keys and values, channels,
// closures) so the rules can ask whether a finalized object lies on a cycle or
// is reachable from its finalizer. Calls into functions and methods of the same
// package, or of another package of its module, are interpreted in place, so
// constructors that store their argument and methods that register a child
// with its parent are seen.
//
// One class in layers, one file each, each extending the one before:
// core (state, bounds, objects) -> types -> facts -> links -> expressions ->
// calls -> statements. The heap it builds is in ../heap.ts.
export { Interpreter } from './statements.js';
export { argumentsOf, maxInlineDepth } from './calls.js';
