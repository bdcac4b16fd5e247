import { layout, typeName, type GoType, type Layout } from '../model/types.js';
import type { SyntaxNode } from '../parse/parser.js';
import type { Rule, Site } from './rule.js';
import { addressedPackageVariable, argumentObjects, describeArgument, firstLine, hookNoun, inline, isPackageVariable, relatedAlong, withArticle } from './describe.js';
import { goroutineRoot, type GoroutineRoot } from '../analysis/goroutines.js';
import { reachingObjects, renderPath } from '../analysis/paths.js';
import { lastingPath } from './removed-links.js';
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
 * FG007 finalizer-may-never-run: the runtime may never run the finalizer or
 * cleanup even though nothing references the object: the object belongs to
 * a package-level variable (possibly linker-allocated, never freed), it has
 * a zero-size type (all such objects share one address), or it is a tiny
 * pointer-free object that shares a memory block with others, so it is freed
 * only when all of them are. AddCleanup is subject to all of it, as
 * SetFinalizer is (measured on Go 1.26).
 */
export const finalizerMayNeverRun: Rule = {
  id: 'FG007',
  name: 'finalizer-may-never-run',
  severity: 'warning',
  summary: 'The runtime may never run this finalizer or cleanup: global, zero-size or tiny object.',
  kinds: ['SetFinalizer', 'AddCleanup'],
  check(site) {
    const arg = site.args[0];
    if (!arg) return undefined;
    const hook = hookNoun(site);
    const global = packageVariable(site, arg);
    if (global) {
      return {
        message:
          `${inline(arg)} is ${global}; package-level objects may be allocated by the linker and are never freed, ` +
          `so the runtime does not guarantee to run this ${hook}`,
        related: [],
      };
    }
    const held = heldByPackageVariable(site);
    if (held) {
      return {
        message:
          `${describeArgument(site, 0)} stays reachable from a package-level variable: ${renderPath('package', held.path)}; ` +
          `while it is there the object is never unreachable, so this ${hook} cannot run${held.note}`,
        related: relatedAlong(held.path),
      };
    }
    const root = heldByGoroutine(site);
    if (root) {
      const channels = root.loop.stops.flatMap((s) => (s.field ? [`${root.name}.${s.field}`] : s.local?.kind === 'channel' ? [s.local.name] : []));
      const contexts = root.loop.stops.flatMap((s) => (s.local?.kind === 'context' ? [s.local.name] : []));
      const signals = [
        ...(channels.length ? [`${channels.join(' or ')} is closed or sent on`] : []),
        ...(contexts.length ? [`${contexts.join(' or ')} is cancelled`] : []),
      ];
      const until = signals.length
        ? `until ${signals.join(' or ')}, which ${root.stoppers.length ? `only this ${hook} does` : 'no code of the package does'}`
        : 'forever';
      const go = root.start.node.namedChild(0)?.childForFieldName('function')?.type === 'func_literal' ? 'go func() {...}()' : inline(root.start.node);
      return {
        message:
          `${describeArgument(site, 0)} is held by the goroutine started by ${go}, which runs ${until}; ` +
          `while it runs the object is reachable from its stack, so this ${hook} never runs`,
        related: [
          { node: root.start.node, file: root.start.file, message: `the goroutine starts here: ${firstLine(root.start.node.text)}` },
          { node: root.loop.loop, file: root.start.bodyFile, message: `it loops here, using ${root.name} on every iteration` },
          ...root.stoppers.map((s) => ({ ...s, message: `only the ${hook} stops it: ${firstLine(s.node.text)}` })),
        ],
      };
    }
    const allocations = allocationsOf(site);
    const first = allocations?.[0];
    if (!allocations || !first) return undefined;
    if (allocations.every((a) => a.layout.size === 0)) {
      return {
        message: `${inline(arg)} points to a zero-size ${typeName(first.type)}; zero-size objects share one address and are never freed, so this ${hook} never runs`,
        related: [],
      };
    }
    if (allocations.every((a) => !a.layout.pointers && a.layout.size > 0 && a.layout.size <= sharedTinyBlockSize)) {
      return {
        message:
          `${inline(arg)} points to ${withArticle(`${first.layout.size}-byte`)} ${typeName(first.type)} without pointers; the runtime packs such tiny objects ` +
          `into shared ${tinyAllocatorLimit}-byte blocks, and a ${hook} runs only when the whole block is unreachable, which may be never`,
        related: [],
      };
    }
    return undefined;
  },
};

/**
 * The allocations the first argument may point into, with their layouts: the objects the code shows it
 * holding (`&x.f` points into x's allocation), or, for a value the code does
 * not show, the type its declaration says it points to.
 */
function allocationsOf(site: Site): { type: GoType; layout: Layout }[] | undefined {
  const types: GoType[] = [];
  for (const evaluation of site.evaluations) {
    const declared = evaluation.argTypes[0];
    const fallback = declared?.kind === 'pointer' ? declared.elem : undefined;
    const objects = evaluation.argObjects[0] ?? [];
    for (const object of objects) {
      const type = object.kind === 'opaque' ? fallback : (object.type ?? fallback);
      if (!type) return undefined;
      types.push(type);
    }
    if (!objects.length && fallback) types.push(fallback);
  }
  const allocations = types.map((type) => ({ type, layout: layout(type, site.pkg) }));
  // A size this tool cannot know (a type of another package) is not guessed at.
  return allocations.every((a) => a.layout) ? (allocations as { type: GoType; layout: Layout }[]) : undefined;
}

/** A path from a package-level variable to the finalized object, as the code leaves the references. */
function heldByPackageVariable(site: Site): { path: Edge[]; note: string } | undefined {
  const variables = site.interpreter.packageVariables();
  // Only references the code surely makes: one abstract object may stand for many, of which a branch keeps some.
  const sure = (edge: Edge) => edge.sure;
  for (const { objects, evaluation } of argumentObjects(site, 0)) {
    const reaching = reachingObjects(evaluation.run.finalState, sure);
    // An object made in a loop or branch may stand for several, of which the variable may hold only some.
    for (const object of objects.filter((o) => !o.many)) {
      const holders = reaching(object);
      if (!holders.size) continue;
      for (const variable of variables) {
        const found = holders.has(variable.id) ? lastingPath(site, evaluation, variable, object, sure) : undefined;
        if (found) return found;
      }
    }
  }
  return undefined;
}

/** A goroutine that holds the object and runs until the finalizer stops it. */
function heldByGoroutine(site: Site): GoroutineRoot | undefined {
  for (const { objects, evaluation } of argumentObjects(site, 0)) {
    for (const object of objects.filter((o) => o.kind === 'alloc')) {
      const root = goroutineRoot(evaluation, object, site.pkg);
      if (root) return root;
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
