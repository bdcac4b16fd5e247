import { pointee } from '../analysis/heap.js';
import { layout, typeName } from '../model/types.js';
import type { SyntaxNode } from '../parse/parser.js';
import type { Rule, Site } from './rule.js';
import { addressedPackageVariable, argumentObjects, describeArgument, isPackageVariable, relatedAlong } from './describe.js';
import { findPath, renderPath } from '../analysis/paths.js';
import type { Edge } from '../analysis/heap.js';

/** Objects smaller than this, without pointers, come from the runtime's tiny allocator. */
export const tinyAllocatorLimit = 16;
/**
 * Up to this size two objects of one type fit in one tiny block, so a dropped
 * one can share its block with a live one. A 9 to 15 byte object is tiny too,
 * but was finalized when measured: its own kind cannot share its block.
 */
const sharedTinyBlockSize = tinyAllocatorLimit / 2;

/**
 * FG007 finalizer-may-never-run: the runtime may never run the finalizer
 * even though nothing references the object: the object belongs to a
 * package-level variable (possibly linker-allocated, never freed), it has a
 * zero-size type (all such objects share one address), or it is a tiny
 * pointer-free object that shares a memory block with others, so it is freed
 * only when all of them are.
 */
export const finalizerMayNeverRun: Rule = {
  id: 'FG007',
  name: 'finalizer-may-never-run',
  severity: 'warning',
  summary: 'The runtime may never run this finalizer: global, zero-size or tiny object.',
  kinds: ['SetFinalizer'],
  check(site) {
    const arg = site.args[0];
    if (!arg) return undefined;
    const global = packageVariable(site, arg);
    if (global) {
      return {
        message:
          `${arg.text} is ${global}; package-level objects may be allocated by the linker and are never freed, ` +
          `so the runtime does not guarantee to run this finalizer`,
        related: [],
      };
    }
    const held = heldByPackageVariable(site);
    if (held) {
      return {
        message:
          `${describeArgument(site, 0)} stays reachable from a package-level variable: ${renderPath('package', held)}; ` +
          `while it is there the object is never unreachable, so this finalizer cannot run`,
        related: relatedAlong(held),
      };
    }
    const type = site.evaluations[0]?.argTypes[0];
    // &x.f or &a[i] points into a larger allocation: that one's size is what counts.
    if (!type || type.kind !== 'pointer' || (arg.type === 'unary_expression' && arg.childForFieldName('operand')?.type !== 'composite_literal')) return undefined;
    const object = pointee(type);
    const size = layout(object, site.pkg);
    if (!size) return undefined;
    if (size.size === 0) {
      return {
        message: `${arg.text} points to a zero-size ${typeName(object)}; zero-size objects share one address and are never freed, so this finalizer never runs`,
        related: [],
      };
    }
    if (!size.pointers && size.size <= sharedTinyBlockSize) {
      return {
        message:
          `${arg.text} points to a ${size.size}-byte ${typeName(object)} without pointers; the runtime packs such tiny objects ` +
          `into shared ${tinyAllocatorLimit}-byte blocks, and a finalizer runs only when the whole block is unreachable, which may be never`,
        related: [],
      };
    }
    return undefined;
  },
};

/** A path from a package-level variable to the finalized object, as the code leaves the references. */
function heldByPackageVariable(site: Site): Edge[] | undefined {
  const variables = site.interpreter.packageVariables();
  for (const { objects, evaluation } of argumentObjects(site, 0)) {
    // An object made in a loop or branch may stand for several, of which the variable may hold only some.
    for (const object of objects.filter((o) => !o.many)) {
      for (const variable of variables) {
        // Only references the code surely makes: one abstract object may stand for many, of which a branch keeps some.
        const path = findPath(evaluation.run.finalState, variable, object, true);
        if (path) return path;
      }
    }
  }
  return undefined;
}

/** How the argument names a package-level variable's object, or undefined. */
function packageVariable(site: Site, arg: SyntaxNode): string | undefined {
  if (arg.type === 'identifier' && isPackageVariable(site, arg.text)) {
    const value = site.pkg.vars.get(arg.text)!.value;
    const literal = value && isStaticAllocation(value) ? value.childForFieldName('operand') : undefined;
    // Only the object of the initializer is static; one the code assigned since is an ordinary heap object.
    const stillInitial = site.evaluations.some((e) => e.argObjects[0]?.some((o) => o.kind === 'alloc' && o.node.id === literal?.id));
    return literal && stillInitial ? `the object allocated for package-level variable ${arg.text}` : undefined;
  }
  const variable = addressedPackageVariable(site, arg);
  return variable ? `an address inside package-level variable ${variable}` : undefined;
}

/** `&T{...}` in a package-level initializer is laid out by the compiler in static data; `new(T)` is a heap allocation (measured). */
function isStaticAllocation(node: SyntaxNode): boolean {
  return node.type === 'unary_expression' && node.child(0)?.type === '&' && node.childForFieldName('operand')?.type === 'composite_literal';
}
