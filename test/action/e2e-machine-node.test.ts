// The Action under the machine's own Node (20 here), which self-hosted runners may bring.
import { endToEnd } from './support/e2e-suite.js';
import { nodes } from './support/run-action.js';

endToEnd(nodes[1]);
