// The Action under Node 24, the runtime action.yml asks the runner for.
import { describe, it } from 'vitest';
import { endToEnd } from './support/e2e-suite.js';
import { bundledNodeExpected, node24, node24Missing } from '../support/nodes.js';

if (node24) endToEnd(node24);
else if (bundledNodeExpected) throw new Error(node24Missing);
else describe.skip(node24Missing, () => it('runs the Action under Node 24'));
