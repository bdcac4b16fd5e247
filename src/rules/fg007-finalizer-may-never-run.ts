import { layout, typeName, type GoType, type Layout } from '../model/types.js';
import type { SyntaxNode } from '../parse/parser.js';
import { releaseAtLeast, releaseName, type GoRelease } from '../discover/go-release.js';
import type { Rule, Site } from './rule.js';
import { addressedPackageVariable, argumentObjects, describeArgument, firstLine, hookNoun, isPackageVariable, relatedAlong, withArticle } from './describe.js';
import { inline } from '../parse/inline.js';
import { goroutineRoot, type GoroutineRoot, type StopSignal } from '../analysis/goroutines.js';
import { rearmedTimer, rearmedTimers, type RearmedTimer } from '../analysis/timers.js';
import { reachingObjects, renderPath } from '../analysis/paths.js';
import { callableFromOutside, lastingPath } from './removed-links.js';
import { laterMethodRuns } from '../analysis/later-calls.js';
import type { FuncDecl } from '../model/package.js';
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
    const later = heldAfterMethod(site);
    if (later) {
      const method = `${inline(arg)}.${later.method.name}(...)`;
      return {
        message:
          `${describeArgument(site, 0)} is returned to callers, and once one calls ${method} on it, it stays reachable from a package-level variable: ` +
          `${renderPath('package', later.path)}; while it is there the object is never unreachable, so this ${hook} cannot run${later.note}`,
        related: [
          { node: later.method.node, file: later.method.file, message: `${later.method.name} keeps it: ${firstLine(later.method.node.text)}` },
          ...relatedAlong(later.path),
        ],
      };
    }
    const root = heldByGoroutine(site);
    if (root) {
      const signalsOf = (stops: StopSignal[], kind: 'channel' | 'context') =>
        stops.flatMap((s) => (s.field?.kind === kind ? [[s.field.holder, ...s.field.path].join('.')] : s.local?.kind === kind ? [s.local.name] : []));
      const described = (stops: StopSignal[]) => {
        const channels = signalsOf(stops, 'channel');
        const contexts = signalsOf(stops, 'context');
        return [...(channels.length ? [`${channels.join(' or ')} is closed or sent on`] : []), ...(contexts.length ? [`${contexts.join(' or ')} is cancelled`] : [])].join(' or ');
      };
      const signals = described(root.loop.stops);
      const relayed = root.relays.length ? `, which it does itself once ${described(root.relays)}` : '';
      const until = signals
        ? `until ${signals}${relayed}, which ${root.stoppers.length ? `only this ${hook} does` : 'no code of the package does'}`
        : 'forever';
      const go = root.start.node.namedChild(0)?.childForFieldName('function')?.type === 'func_literal' ? 'go func() {...}()' : inline(root.start.node);
      const through = root.path.length ? `; it holds ${root.name}, which reaches the object: ${renderPath(root.name, root.path)}` : '';
      return {
        message:
          `${describeArgument(site, 0)} is held by the goroutine started by ${go}, which runs ${until}${through}; ` +
          `while it runs the object is reachable from its stack, so this ${hook} never runs`,
        related: [
          { node: root.start.node, file: root.start.file, message: `the goroutine starts here: ${firstLine(root.start.node.text)}` },
          ...relatedAlong(root.path),
          { node: root.loop.loop, file: root.start.bodyFile, message: `it loops here, using ${root.name} on every iteration` },
          ...root.stoppers.map((s) => ({ ...s, message: `only the ${hook} stops it: ${firstLine(s.node.text)}` })),
        ],
      };
    }
    const timer = heldByRearmedTimer(site);
    if (timer) {
      return {
        message:
          `${describeArgument(site, 0)} is held by the callback of the timer ${inline(timer.call)}, which resets its own timer (${inline(timer.rearm)}), ` +
          `so a timer is always pending: ${renderPath('timer', timer.path)}; the runtime keeps pending timers and their callbacks, and no other code stops it, ` +
          `so this ${hook} never runs`,
        related: [
          { node: timer.call, file: timer.file, message: `the timer starts here: ${firstLine(timer.call.text)}` },
          { node: timer.rearm, file: timer.file, message: `its callback re-arms it: ${firstLine(timer.rearm.text)}` },
          ...relatedAlong(timer.path),
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
  // Each type laid out once: an argument that may be any of a slice literal's elements has one type for all of them.
  const layouts = new Map<GoType, Layout | undefined>();
  const layoutOnce = (type: GoType) => {
    if (!layouts.has(type)) layouts.set(type, layout(type, site.pkg));
    return layouts.get(type);
  };
  const allocations = types.map((type) => ({ type, layout: layoutOnce(type) }));
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

/**
 * A path from a package-level variable to the object that an exported method
 * of its type makes when a caller calls it on the object an exported entry
 * point returns (`c := New(); c.SetCallback(f)` storing c in a registry),
 * with no code but the finalizer taking it out again.
 */
function heldAfterMethod(site: Site): { method: FuncDecl; path: Edge[]; note: string } | undefined {
  // A program's methods are called by its own code, which the entry points show.
  if (site.pkg.name === 'main') return undefined;
  const sure = (edge: Edge) => edge.sure;
  for (const { objects, evaluation } of argumentObjects(site, 0)) {
    if (!callableFromOutside(evaluation.run.root)) continue;
    const returned = new Set(evaluation.run.returned.map((o) => o.id));
    for (const object of objects.filter((o) => o.kind === 'alloc' && !o.many && returned.has(o.id))) {
      const later = laterMethodRuns(site.pkg, object.type);
      for (const { method, run } of later?.runs ?? []) {
        const reaching = reachingObjects(run.finalState, sure);
        for (const receiver of run.receiver) {
          const holders = reaching(receiver);
          if (!holders.size) continue;
          for (const variable of later!.interpreter.packageVariables()) {
            const found = holders.has(variable.id) ? lastingPath(site, { ...evaluation, run }, variable, receiver, sure) : undefined;
            if (found) return { method, ...found };
          }
        }
      }
    }
  }
  return undefined;
}

/** A goroutine that holds the object and runs until the finalizer stops it. */
function heldByGoroutine(site: Site): GoroutineRoot | undefined {
  for (const { objects, evaluation } of argumentObjects(site, 0)) {
    for (const object of objects.filter((o) => o.kind === 'alloc')) {
      const root = goroutineRoot(evaluation, object, site.pkg, (holder) => lastingPath(site, evaluation, holder, object, (edge) => edge.sure)?.path);
      if (root) return root;
    }
  }
  return undefined;
}

/** A self-rescheduling timer whose callback holds the object. */
function heldByRearmedTimer(site: Site): RearmedTimer | undefined {
  for (const { objects, evaluation } of argumentObjects(site, 0)) {
    // Found once for the evaluation, however many objects the argument may be.
    const timers = rearmedTimers(evaluation);
    if (!timers.length) continue;
    for (const object of objects.filter((o) => o.kind === 'alloc')) {
      const timer = rearmedTimer(timers, object);
      if (timer) return timer;
    }
  }
  return undefined;
}

/** How the argument names a package-level variable's object, or undefined. */
function packageVariable(site: Site, arg: SyntaxNode): string | undefined {
  if (arg.type === 'identifier' && isPackageVariable(site, arg.text)) {
    const value = site.pkg.vars.get(arg.text)!.value;
    const direct = value && isStaticAllocation(value) ? value : undefined;
    const inlined = !direct && value && releaseAtLeast(site.go, staticConstructorRelease) ? staticConstructorResult(site, value) : undefined;
    const literal = (direct ?? inlined)?.childForFieldName('operand');
    // Only the object of the initializer is static; one the code assigned since is an ordinary heap object.
    const stillInitial = site.evaluations.some((e) => e.argObjects[0]?.some((o) => o.kind === 'alloc' && o.node.id === literal?.id));
    if (!literal || !stillInitial) return undefined;
    if (direct) return `the object allocated for package-level variable ${arg.text}`;
    return (
      `the object of package-level variable ${arg.text}, made by ${inline(value!)}: since ${releaseName(staticConstructorRelease)} the compiler ` +
      `inlines a constructor called with constants into the initializer and lays its &T{...} out in static data, as if written there`
    );
  }
  const variable = addressedPackageVariable(site, arg);
  return variable ? `an address inside package-level variable ${variable}` : undefined;
}

/** The first release measured to lay out `var v = newT(constants)` statically (Go 1.19 allocated it on the heap). */
const staticConstructorRelease: GoRelease = [1, 24];

/**
 * The `&T{...}` a package-level initializer gets by inlining: a call of a
 * package function with constant arguments (literals, no variables or calls)
 * whose body is only `return &T{...}` and that may be inlined. Measured:
 * static on Go 1.24 to 1.26; a body with other statements, `new(T)`, a
 * `//go:noinline` directive or an argument known only at run time gives a
 * heap object.
 */
function staticConstructorResult(site: Site, value: SyntaxNode): SyntaxNode | undefined {
  const fn = value.type === 'call_expression' ? value.childForFieldName('function') : undefined;
  const decl = fn?.type === 'identifier' ? site.pkg.funcs.get(fn.text) : undefined;
  if (!decl?.body || decl.receiver || noInline(decl.node)) return undefined;
  const args = value.childForFieldName('arguments')?.namedChildren ?? [];
  if (!args.every((a) => a && constantLiterals.has(a.type))) return undefined;
  const statements = decl.body.namedChildren.filter((n) => n?.type !== 'comment');
  const list = statements.length === 1 && statements[0]?.type === 'statement_list' ? statements[0].namedChildren.filter((n) => n?.type !== 'comment') : statements;
  const only = list.length === 1 && list[0]?.type === 'return_statement' ? list[0].namedChild(0) : undefined;
  const result = only?.type === 'expression_list' && only.namedChildCount === 1 ? only.namedChild(0) : only;
  return result && isStaticAllocation(result) ? result : undefined;
}

const constantLiterals = new Set(['int_literal', 'float_literal', 'imaginary_literal', 'rune_literal', 'interpreted_string_literal', 'raw_string_literal', 'true', 'false', 'nil']);

/** A `//go:noinline` directive right above a function declaration. */
function noInline(declaration: SyntaxNode): boolean {
  for (let before = declaration.previousSibling; before?.type === 'comment'; before = before.previousSibling) {
    if (before.text.trim() === '//go:noinline') return true;
  }
  return false;
}

/** `&T{...}` in a package-level initializer is laid out by the compiler in static data; `new(T)` is a heap allocation (measured). */
function isStaticAllocation(node: SyntaxNode): boolean {
  return node.type === 'unary_expression' && node.child(0)?.type === '&' && node.childForFieldName('operand')?.type === 'composite_literal';
}
