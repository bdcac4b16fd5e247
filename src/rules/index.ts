// Every rule, in id order. FG000 is not a check but the notice for files
// with syntax errors; it shares the catalogue so reporters can describe it.
import type { RuleMeta, Rule } from './rule.js';
import { finalizerCycle } from './fg001-finalizer-cycle.js';
import { finalizerTypeCycle } from './fg002-finalizer-type-cycle.js';
import { finalizerReferencesObject } from './fg003-finalizer-references-object.js';
import { finalizerBadObject } from './fg004-finalizer-bad-object.js';
import { finalizerBadSignature } from './fg005-finalizer-bad-signature.js';
import { cleanupReferencesObject } from './fg006-cleanup-references-object.js';
import { finalizerMayNeverRun } from './fg007-finalizer-may-never-run.js';
import { finalizerAlreadySet } from './fg008-finalizer-already-set.js';

export const syntaxError: RuleMeta = {
  id: 'FG000',
  name: 'syntax-error',
  severity: 'notice',
  summary: 'The file has syntax errors; it was analyzed as far as its parse tree allows.',
};

export const rules: Rule[] = [
  finalizerCycle,
  finalizerTypeCycle,
  finalizerReferencesObject,
  finalizerBadObject,
  finalizerBadSignature,
  cleanupReferencesObject,
  finalizerMayNeverRun,
  finalizerAlreadySet,
];

export const ruleCatalog: RuleMeta[] = [syntaxError, ...rules].map(({ id, name, severity, summary }) => ({ id, name, severity, summary }));
