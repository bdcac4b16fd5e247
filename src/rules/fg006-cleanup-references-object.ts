import type { Edge } from '../analysis/heap.js';
import { pathsFrom, renderPath } from '../analysis/paths.js';
import { releaseAtLeast, releaseName, type GoRelease } from '../discover/go-release.js';
import { layout, underlying, type GoType } from '../model/types.js';
import type { SyntaxNode } from '../parse/parser.js';
import { argumentObjects, describeArgument, nameOfFunction, relatedAlong } from './describe.js';
import { inline } from '../parse/inline.js';
import { fieldPosition } from './fg004-finalizer-bad-object.js';
import { tinyAllocatorLimit } from './fg007-finalizer-may-never-run.js';
import type { Rule, Site } from './rule.js';
import { passUsedField } from '../fix/parameter.js';

/**
 * FG006 cleanup-references-object: runtime.AddCleanup(ptr, cleanup, arg)
 * where arg is or reaches ptr, or cleanup is a closure or method value that
 * reaches ptr. The runtime keeps cleanup and arg alive until ptr is
 * collected, so ptr never is, and the cleanup never runs. Some of these the
 * runtime catches and panics at the call, depending on the release (measured,
 * docs/rules.md): arg == ptr since Go 1.24; arg pointing inside ptr's object,
 * and a cleanup whose own closure holds ptr, since Go 1.26. The rest leak
 * silently. Cycles among objects with cleanups are fine, unlike finalizers.
 */
export const cleanupReferencesObject: Rule = {
  id: 'FG006',
  name: 'cleanup-references-object',
  severity: 'error',
  summary: 'The cleanup function or its argument keeps the object reachable, so the cleanup never runs (AddCleanup panics for some of these).',
  kinds: ['AddCleanup'],
  check(site) {
    const object = describeArgument(site, 0);
    for (const { objects, evaluation } of argumentObjects(site, 0)) {
      const state = evaluation.run.finalState;
      const argNode = site.args[2]!;
      const args = evaluation.argObjects[2] ?? [];
      const argIds = new Set(args.map((a) => a.id));
      // One search from each holder serves every object the first argument may be.
      const holders = [
        ...args.map((a) => ({ start: a, name: `arg ${inline(argNode)}` })),
        ...(evaluation.argObjects[1] ?? []).filter((o) => o.kind === 'closure').map((c) => ({ start: c, name: `cleanup ${nameOfFunction(site.args[1]!)}` })),
      ].map((holder) => ({ ...holder, pathTo: pathsFrom(state, holder.start) }));
      for (const target of objects) {
        if (argIds.has(target.id)) {
          const pointer = isPointer(site, evaluation.argTypes[2]);
          if (pointer && pointsAtStart(site, argNode)) {
            return {
              message: `the cleanup argument ${inline(argNode)} is ${object} itself; ${panicsSince(site.go, [1, 24], 'ptr is equal to arg')}`,
              related: [],
              fix: passUsedField(site),
            };
          }
          const inside = `the cleanup argument ${inline(argNode)} ${pointer ? 'points into' : 'holds'} ${object}`;
          // Inside a tiny block the runtime cannot tell the argument from a neighbour: no panic.
          const panics = pointer && !isTiny(site, evaluation.argTypes[0]);
          return { message: `${inside}; ${panics ? panicsSince(site.go, [1, 26], 'ptr is within arg') : leaks}`, related: [] };
        }
        for (const { start, name, pathTo } of holders) {
          const path = pathTo(target);
          if (!path) continue;
          const closesOver = start.kind === 'closure' && holdsDirectly(site, evaluation.scope, path);
          return {
            message: `the cleanup of ${object} keeps it reachable: ${renderPath(name, path)}; ${closesOver ? panicsSince(site.go, [1, 26], 'cleanup function closes over ptr') : leaks}`,
            related: relatedAlong(path),
          };
        }
      }
    }
    return undefined;
  },
};

const leaks = 'the runtime holds the cleanup and its argument until the object is collected, so it never is, the cleanup never runs and nothing says so';

/** What happens at the call on the release the code is analyzed for, and on later ones. */
function panicsSince(go: GoRelease, since: GoRelease, panic: string): string {
  const message = `"runtime.AddCleanup: ${panic}, cleanup will never run"`;
  if (releaseAtLeast(go, since)) return `AddCleanup panics at the call (${message}, since ${releaseName(since)})`;
  return `on ${releaseName(go)} the object is never collected and the cleanup silently never runs; from ${releaseName(since)} AddCleanup panics at the call (${message})`;
}

/** A pointer as the runtime's checks see it (a *T or unsafe.Pointer); a value the code does not show is taken for the pointer it holds. */
function isPointer(site: Site, type: GoType | undefined): boolean {
  const under = underlying(type ?? { kind: 'unknown' }, site.pkg);
  return under.kind === 'pointer' || under.kind === 'unknown' || (under.kind === 'basic' && under.name === 'unsafe.Pointer');
}

/** Whether the argument is the object's own address: a pointer to it, or `&p.f` of its first field (the same address). */
function pointsAtStart(site: Site, arg: SyntaxNode): boolean {
  let node: SyntaxNode | null = arg;
  while (node?.type === 'parenthesized_expression') node = node.namedChild(0);
  if (node?.type !== 'unary_expression' || node.child(0)?.type !== '&') return true;
  for (let operand = node.childForFieldName('operand'); operand?.type === 'selector_expression'; operand = operand.childForFieldName('operand')) {
    if (!fieldPosition(site, operand)?.atStart) return false;
  }
  return true;
}

/** A pointer-free object smaller than a tiny block, which the tiny allocator may share. */
function isTiny(site: Site, type: GoType | undefined): boolean {
  const pointee = type?.kind === 'pointer' ? layout(type.elem, site.pkg) : undefined;
  return !!pointee && !pointee.pointers && pointee.size < tinyAllocatorLimit;
}

/**
 * Whether the cleanup's own closure holds a pointer into the object, as the
 * runtime checks since Go 1.26: a method value bound to it, or a func literal
 * that captures it by value (a variable never assigned again, whose value the
 * closure copies; a struct or array value with its contents). A variable
 * assigned after the closure is made, or whose address is taken, is captured
 * by reference: the closure then holds the variable, not the object.
 */
function holdsDirectly(site: Site, scope: Site['evaluations'][number]['scope'], path: Edge[]): boolean {
  const first = path[0]!;
  if (first.via.startsWith('method value ')) return path.length === 1;
  const captured = /^captures (\S+)$/.exec(first.via)?.[1];
  if (!captured || capturedByReference(first.node, captured)) return false;
  if (path.length === 1) return true;
  const kind = underlying(scope.lookup(captured)?.type ?? { kind: 'unknown' }, site.pkg).kind;
  return path.length === 2 && (kind === 'struct' || kind === 'array');
}

/** Whether a func literal captures `name` by reference: it is assigned in or after the literal, or its address is taken. */
function capturedByReference(literal: SyntaxNode, name: string): boolean {
  let body: SyntaxNode | null = literal.parent;
  while (body && !['function_declaration', 'method_declaration', 'func_literal'].includes(body.type)) body = body.parent;
  if (!body) return false;
  for (const node of body.descendantsOfType(['assignment_statement', 'inc_statement', 'dec_statement', 'unary_expression'])) {
    if (!node) continue;
    if (node.type === 'unary_expression') {
      if (node.child(0)?.type === '&' && node.childForFieldName('operand')?.text === name) return true;
      continue;
    }
    if (node.endIndex <= literal.startIndex) continue;
    const left = node.type === 'assignment_statement' ? node.childForFieldName('left') : node.namedChild(0);
    const targets = left?.type === 'expression_list' ? left.namedChildren : [left];
    if (targets.some((t) => t?.type === 'identifier' && t.text === name)) return true;
  }
  return false;
}
