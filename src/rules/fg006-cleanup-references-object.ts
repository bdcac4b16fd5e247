import { findPath, renderPath } from '../analysis/paths.js';
import { argumentObjects, describeArgument, inline, nameOfFunction, relatedAlong } from './describe.js';
import type { Rule } from './rule.js';

/**
 * FG006 cleanup-references-object: runtime.AddCleanup(ptr, cleanup, arg)
 * where arg is or reaches ptr, or cleanup is a closure or method value that
 * reaches ptr. The runtime keeps cleanup and arg alive until ptr is
 * collected, so ptr never is, and the cleanup never runs (arg == ptr panics).
 * Cycles among objects with cleanups are fine, unlike finalizers.
 */
export const cleanupReferencesObject: Rule = {
  id: 'FG006',
  name: 'cleanup-references-object',
  severity: 'error',
  summary: 'The cleanup function or its argument keeps the object reachable, so the cleanup never runs.',
  kinds: ['AddCleanup'],
  check(site) {
    for (const { objects, evaluation } of argumentObjects(site, 0)) {
      const state = evaluation.run.finalState;
      for (const object of objects) {
        const args = evaluation.argObjects[2] ?? [];
        if (args.some((a) => a.id === object.id)) {
          return {
            message: `the cleanup argument ${inline(site.args[2]!)} is ${describeArgument(site, 0)} itself; AddCleanup panics when arg == ptr, and a cleanup argument that is the object keeps it alive forever`,
            related: [],
          };
        }
        const holders = [
          ...args.map((a) => ({ start: a, name: `arg ${inline(site.args[2]!)}` })),
          ...(evaluation.argObjects[1] ?? []).filter((o) => o.kind === 'closure').map((c) => ({ start: c, name: `cleanup ${nameOfFunction(site.args[1]!)}` })),
        ];
        for (const { start, name } of holders) {
          const path = findPath(state, start, object);
          if (!path) continue;
          return {
            message:
              `the cleanup of ${describeArgument(site, 0)} keeps it reachable: ${renderPath(name, path)}; ` +
              `the runtime holds the cleanup and its argument until the object is collected, so it never is and the cleanup never runs`,
            related: relatedAlong(path),
          };
        }
      }
    }
    return undefined;
  },
};
