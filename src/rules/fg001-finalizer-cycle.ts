import { renderPath } from '../analysis/paths.js';
import { argumentObjects, describeArgument, relatedAlong } from './describe.js';
import { lastingPath } from './removed-links.js';
import type { Rule } from './rule.js';

/**
 * FG001 finalizer-cycle: the code links the finalized object into a reference
 * cycle through at least one other heap object. The collector never runs the
 * finalizer of an object on a cycle, so neither it nor anything it reaches is
 * ever freed. A pointer from the object into itself is not a cycle: the
 * collector ignores pointers back into the object it scans.
 */
export const finalizerCycle: Rule = {
  id: 'FG001',
  name: 'finalizer-cycle',
  severity: 'error',
  summary: 'The finalized object is part of a reference cycle, so its finalizer never runs.',
  kinds: ['SetFinalizer'],
  check(site) {
    for (const { objects, evaluation } of argumentObjects(site, 0)) {
      for (const object of objects) {
        const found = lastingPath(site, evaluation, object, object);
        if (!found) continue;
        const cycle = found.path;
        return {
          message:
            `${describeArgument(site, 0)} has a finalizer but is part of a reference cycle: ` +
            `${renderPath(object.label, cycle)}; the runtime never finalizes an object on a cycle, so the finalizer never runs and the objects leak${found.note}`,
          related: relatedAlong(cycle),
        };
      }
    }
    return undefined;
  },
};
