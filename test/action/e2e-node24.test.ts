// The Action under Node 24, the runtime action.yml asks the runner for.
import { endToEnd } from './support/e2e-suite.js';
import { nodes } from './support/run-action.js';

endToEnd(nodes[0]);
