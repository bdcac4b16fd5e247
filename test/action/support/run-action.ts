// Runs the built dist/index.js the way the Actions runner does: inputs as
// INPUT_* variables (defaults from action.yml), the event payload in a file,
// GITHUB_OUTPUT and GITHUB_STEP_SUMMARY as files.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { constants } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { removeDir, tempDir } from './git-repo.js';

const projectRoot = fileURLToPath(new URL('../../..', import.meta.url));
export const entry = join(projectRoot, 'dist', 'index.js');
/** The post step action.yml declares. */
export const postEntry = join(projectRoot, 'dist', 'post.js');

export const token = 'ghs_testtoken0123456789abcdefghijklmnopq';

/** The inputs action.yml declares, with their defaults as the runner would expand them. */
export function actionDefaults(): Record<string, string> {
  const yml = readFileSync(join(projectRoot, 'action.yml'), 'utf8');
  const section = yml.slice(yml.indexOf('\ninputs:'), yml.indexOf('\noutputs:'));
  const defaults: Record<string, string> = {};
  let current = '';
  for (const line of section.split('\n')) {
    const name = /^ {2}([\w-]+):\s*$/.exec(line);
    if (name) defaults[(current = name[1])] = '';
    const value = /^ {4}default:\s*(.*)$/.exec(line);
    if (value && current) defaults[current] = value[1].replace(/^['"]|['"]$/g, '').replace('${{ github.token }}', token);
  }
  return defaults;
}

export interface ActionRun {
  code: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  /** What the step saved for its post step (GITHUB_STATE). */
  state: Record<string, string>;
  summary: string;
  /** The workflow commands (::error ... ::msg) the runner would act on. */
  commands: { command: string; properties: Record<string, string>; message: string; legacy: boolean }[];
}

export interface RunOptions {
  node: string;
  workspace: string;
  eventName: string;
  payload: unknown;
  inputs?: Record<string, string>;
  apiUrl?: string;
  env?: Record<string, string>;
  /** dist/index.js unless set: the post step is dist/post.js. */
  script?: string;
  /** The state the main step saved, as the runner hands it to the post step (STATE_* variables). */
  state?: Record<string, string>;
  /** Stops the step with a signal once `when` settles, as the runner does on a cancelled job. */
  stop?: { signal: NodeJS.Signals; when: Promise<void> };
}

export async function runAction(options: RunOptions): Promise<ActionRun> {
  if (!existsSync(entry)) throw new Error('dist/index.js is missing: run the build first');
  const files = tempDir('runner');
  try {
    const eventPath = join(files, 'event.json');
    const outputPath = join(files, 'output');
    const statePath = join(files, 'state');
    const summaryPath = join(files, 'summary.md');
    writeFileSync(eventPath, JSON.stringify(options.payload));
    for (const path of [outputPath, statePath, summaryPath]) writeFileSync(path, '');
    const inputs = { ...actionDefaults(), ...options.inputs };
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '',
      HOME: files,
      GITHUB_ACTIONS: 'true',
      GITHUB_EVENT_NAME: options.eventName,
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_WORKSPACE: options.workspace,
      GITHUB_OUTPUT: outputPath,
      GITHUB_STATE: statePath,
      GITHUB_STEP_SUMMARY: summaryPath,
      GITHUB_API_URL: options.apiUrl ?? 'http://127.0.0.1:9',
      GITHUB_SERVER_URL: 'https://github.example',
      GITHUB_REPOSITORY: 'acme/widgets',
      GITHUB_SHA: 'f'.repeat(40),
      GITHUB_RUN_ID: '4242',
      RUNNER_TEMP: files,
      FINALIZER_GUARD_API_DELAY_MS: '5',
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_CONFIG_GLOBAL: '/dev/null',
      ...options.env,
    };
    for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
    for (const [name, value] of Object.entries(options.state ?? {})) env[`STATE_${name}`] = value;
    const result = await new Promise<{ code: number; stdout: string; stderr: string }>((done, fail) => {
      const child = spawn(options.node, [options.script ?? entry], { cwd: options.workspace, env });
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
      child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
      child.on('error', fail);
      // A signal's exit code as a shell reports it: 128 + the signal's number.
      child.on('close', (code, signal) => done({ code: code ?? 128 + constants.signals[signal!], stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString() }));
      void options.stop?.when.then(() => child.kill(options.stop!.signal));
    });
    return {
      ...result,
      outputs: parseOutputs(readFileSync(outputPath, 'utf8')),
      state: parseOutputs(readFileSync(statePath, 'utf8')),
      summary: readFileSync(summaryPath, 'utf8'),
      commands: parseCommands(result.stdout),
    };
  } finally {
    removeDir(files);
  }
}

/** GITHUB_OUTPUT and GITHUB_STATE hold name<<DELIMITER / value / DELIMITER blocks. */
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const block = /^([\w-]+)<<(\S+)\n([\s\S]*?)\n\2$/gm;
  for (const m of text.matchAll(block)) outputs[m[1]] = m[3];
  return outputs;
}

const unescapeData = (s: string) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
const unescapeProperty = (s: string) => unescapeData(s).replace(/%3A/g, ':').replace(/%2C/g, ',');

/** The commands the runner knows; any other name is plain text to it. */
const runnerCommands = ['error', 'warning', 'notice', 'debug', 'group', 'endgroup', 'add-mask', 'echo', 'stop-commands', 'set-output', 'set-env', 'add-path', 'save-state', 'add-matcher', 'remove-matcher'];

/**
 * The workflow commands the runner acts on, read as its parser reads them: a
 * line that starts with "::" once leading white space is trimmed, or that
 * holds "##[name]" anywhere (the old syntax, `legacy`); after
 * ::stop-commands::TOKEN nothing but ::TOKEN:: is a command.
 */
export function parseCommands(stdout: string): ActionRun['commands'] {
  const commands: ActionRun['commands'] = [];
  let stopToken: string | undefined;
  for (const line of stdout.split(/\r\n|\r|\n/)) {
    const parsed = parseV2(line) ?? parseLegacy(line);
    if (!parsed || !(runnerCommands.includes(parsed.command) || parsed.command === stopToken)) continue;
    if (stopToken !== undefined) {
      if (parsed.command === stopToken) stopToken = undefined;
      continue;
    }
    if (parsed.command === 'stop-commands') stopToken = parsed.message.toLowerCase();
    commands.push(parsed);
  }
  return commands;
}

function parseV2(line: string): ActionRun['commands'][number] | undefined {
  const text = line.trimStart();
  const end = text.indexOf('::', 2);
  if (!text.startsWith('::') || end < 0) return undefined;
  const info = text.slice(2, end);
  const space = info.indexOf(' ');
  const properties: Record<string, string> = {};
  for (const pair of space < 0 ? [] : info.slice(space + 1).split(',').filter(Boolean)) {
    const at = pair.indexOf('=');
    if (at > 0) properties[pair.slice(0, at)] = unescapeProperty(pair.slice(at + 1));
  }
  return { command: (space < 0 ? info : info.slice(0, space)).toLowerCase(), properties, message: unescapeData(text.slice(end + 2)), legacy: false };
}

function parseLegacy(line: string): ActionRun['commands'][number] | undefined {
  const start = line.indexOf('##[');
  const end = line.indexOf(']', start);
  if (start < 0 || end < 0) return undefined;
  const info = line.slice(start + 3, end);
  const space = info.indexOf(' ');
  return { command: (space < 0 ? info : info.slice(0, space)).toLowerCase(), properties: {}, message: line.slice(end + 1), legacy: true };
}
