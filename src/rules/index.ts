// Every rule, in id order: those that check one call, then those that check a package. FG000 is not a check but the notice for code
// that could not be analyzed whole; it shares the catalogue so reporters can describe it.
import type { RuleMeta, Rule, PackageRule } from './rule.js';
import { finalizerCycle } from './fg001-finalizer-cycle.js';
import { finalizerTypeCycle } from './fg002-finalizer-type-cycle.js';
import { finalizerReferencesObject } from './fg003-finalizer-references-object.js';
import { finalizerBadObject } from './fg004-finalizer-bad-object.js';
import { finalizerBadSignature } from './fg005-finalizer-bad-signature.js';
import { cleanupReferencesObject } from './fg006-cleanup-references-object.js';
import { finalizerMayNeverRun } from './fg007-finalizer-may-never-run.js';
import { finalizerAlreadySet } from './fg008-finalizer-already-set.js';
import { finalizerMayRunEarly } from './fg009-finalizer-may-run-early.js';

export const syntaxError: RuleMeta = {
  id: 'FG000',
  name: 'analysis-notice',
  severity: 'notice',
  summary: 'Part of the code could not be analyzed (a syntax error, an unreadable file, build constraints, an analysis bound); findings there may be missing.',
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

/** Rules that look at the package as a whole, after its calls. */
export const packageRules: PackageRule[] = [finalizerMayRunEarly];

export const ruleCatalog: RuleMeta[] = [syntaxError, ...rules, ...packageRules].map(({ id, name, severity, summary }) => ({ id, name, severity, summary }));
