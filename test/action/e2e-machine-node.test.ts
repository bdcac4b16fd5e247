// The Action under the machine's own Node (20 here), which self-hosted runners may bring.
import { endToEnd } from './support/e2e-suite.js';
import { machineNode } from '../support/nodes.js';

endToEnd(machineNode);
