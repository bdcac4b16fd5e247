// The Action's entry (dist/index.js): everything lives in src/action/.
import { runAction } from './action/run.js';

await runAction();
