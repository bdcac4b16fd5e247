import { renderPath } from '../analysis/paths.js';
import { argumentObjects, describeArgument, nameOfFunction, relatedAlong } from './describe.js';
import { lastingPath } from './removed-links.js';
import type { Rule } from './rule.js';
import { useFinalizerParameter } from '../fix/parameter.js';

/**
 * FG003 finalizer-references-object: the finalizer function itself keeps the
 * object reachable: a closure that captures it (or captures something that
 * holds it), a method value bound to it (`x.close`), or a method value of
 * another object that reaches it. The runtime keeps the finalizer alive, so
 * the object never becomes unreachable and the finalizer never runs.
 */
export const finalizerReferencesObject: Rule = {
  id: 'FG003',
  name: 'finalizer-references-object',
  severity: 'error',
  summary: 'The finalizer function keeps the finalized object reachable, so it never runs.',
  kinds: ['SetFinalizer'],
  check(site) {
    for (const { objects, evaluation } of argumentObjects(site, 0)) {
      const finalizers = (evaluation.argObjects[1] ?? []).filter((o) => o.kind === 'closure');
      for (const finalizer of finalizers) {
        for (const object of objects) {
          const found = lastingPath(site, evaluation, finalizer, object);
          if (!found) continue;
          const path = found.path;
          return {
            message:
              `the finalizer of ${describeArgument(site, 0)} keeps it reachable: ${renderPath(`finalizer ${nameOfFunction(site.args[1]!)}`, path)}; ` +
              `an object reachable from its own finalizer is never collected, so the finalizer never runs${found.note}`,
            related: relatedAlong(path),
            fix: useFinalizerParameter(site, path),
          };
        }
      }
    }
    return undefined;
  },
};
