// The Go module around a directory: go.mod (module path, go version, replace
// directives to local directories), the go.work that may hold it, and
// vendor/. Maps an import path of the module to its directory and back, as
// the go tool does, without the network and without a Go toolchain.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { slashedRelative } from './sources.js';
import { parseGoRelease, releaseAtLeast } from './go-release.js';

/** One directive of go.mod or go.work: its verb and its arguments, quotes removed. */
interface Directive {
  verb: string;
  args: string[];
}

/**
 * The directives of a go.mod or go.work file: `verb args` lines and
 * `verb ( ... )` blocks, comments removed, quoted and raw strings unquoted.
 */
export function readDirectives(text: string): Directive[] {
  const directives: Directive[] = [];
  let block: string | undefined;
  for (const rawLine of text.split('\n')) {
    const tokens = lineTokens(rawLine);
    if (!tokens.length) continue;
    if (block !== undefined) {
      if (tokens[0] === ')') block = undefined;
      else directives.push({ verb: block, args: tokens });
      continue;
    }
    if (tokens.length === 2 && tokens[1] === '(') block = tokens[0]!;
    else directives.push({ verb: tokens[0]!, args: tokens.slice(1) });
  }
  return directives;
}

/** The tokens of one line: words, "quoted" and `raw` strings, ( ) and =>; a // comment ends the line. */
function lineTokens(line: string): string[] {
  const tokens: string[] = [];
  const token = /\s*(?:(\/\/.*)|"((?:[^"\\]|\\.)*)"|`([^`]*)`|(=>|[()])|([^\s()"`]+))/gy;
  for (let match = token.exec(line); match; match = token.exec(line)) {
    if (match[1] !== undefined) break;
    if (match[2] !== undefined) tokens.push(unquote(match[2]));
    else tokens.push(match[3] ?? match[4] ?? match[5]!);
  }
  return tokens;
}

function unquote(body: string): string {
  try {
    return JSON.parse(`"${body}"`) as string;
  } catch {
    return body;
  }
}

/** A replace directive whose target is a local directory (`=> ../lib`). */
export interface LocalReplace {
  /** The module path replaced (any version of it). */
  path: string;
  /** Absolute directory of the replacement. */
  dir: string;
}

export interface GoModule {
  /** Absolute directory of the go.mod. */
  dir: string;
  /** The module path; empty when go.mod declares none. */
  path: string;
  /** The go directive ("1.22"). */
  goVersion?: string;
  replaces: LocalReplace[];
  /** Whether the build reads dependencies from vendor/ (vendor/modules.txt present and go 1.14 or later). */
  vendored: boolean;
  /** The module paths vendor/modules.txt lists, when the build reads vendor/. */
  vendoredModules: string[];
}

/** The modules the build sees together: the one module, or every module a go.work uses. */
export interface Workspace {
  /** The go.work file, when there is one. */
  workFile?: string;
  modules: GoModule[];
  /** replace directives of go.work, which override the modules' own. */
  replaces: LocalReplace[];
}

/** A replacement is a directory when it starts with ./ or ../ or is absolute (as the go tool decides). */
function localReplaces(directives: Directive[], base: string): LocalReplace[] {
  const replaces: LocalReplace[] = [];
  for (const { verb, args } of directives) {
    if (verb !== 'replace') continue;
    const arrow = args.indexOf('=>');
    const target = arrow >= 0 ? args[arrow + 1] : undefined;
    if (arrow < 1 || !target || !(target.startsWith('./') || target.startsWith('../') || isAbsolute(target))) continue;
    replaces.push({ path: args[0]!, dir: resolve(base, target) });
  }
  return replaces;
}

/** Reads the go.mod in dir; undefined when there is none or it cannot be read. */
export function readModule(dir: string): GoModule | undefined {
  let text: string;
  try {
    text = readFileSync(join(dir, 'go.mod'), 'utf8');
  } catch {
    return undefined;
  }
  const directives = readDirectives(text);
  const path = directives.find((d) => d.verb === 'module')?.args[0] ?? '';
  const goVersion = directives.find((d) => d.verb === 'go')?.args[0];
  const vendored = releaseAtLeast(parseGoRelease(goVersion) ?? [0, 0], [1, 14]) && existsSync(join(dir, 'vendor', 'modules.txt'));
  const vendoredModules = vendored ? modulesTxtPaths(join(dir, 'vendor', 'modules.txt')) : [];
  return { dir, path, goVersion: goVersion && /^\d+\.\d+(\.\d+)?/.exec(goVersion)?.[0], replaces: localReplaces(directives, dir), vendored, vendoredModules };
}

/** The modules vendor/modules.txt lists: its `# path version` lines (`## ...` lines are annotations). */
function modulesTxtPaths(file: string): string[] {
  let text = '';
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  return [...text.matchAll(/^# (\S+)/gm)].map((m) => m[1]!);
}

const modulesByDir = new Map<string, GoModule | undefined>();
const workspacesByModule = new Map<string, Workspace>();

/** The nearest go.mod at or above dir. */
export function moduleFor(dir: string): GoModule | undefined {
  if (modulesByDir.has(dir)) return modulesByDir.get(dir);
  const module = existsSync(join(dir, 'go.mod')) ? readModule(dir) : dirname(dir) !== dir ? moduleFor(dirname(dir)) : undefined;
  modulesByDir.set(dir, module);
  return module;
}

/** The go directive of the nearest go.mod at or above dir. */
export function goVersionFor(dir: string): string | undefined {
  return moduleFor(dir)?.goVersion;
}

/** The nearest go.work at or above dir, when GOWORK does not turn workspaces off or name another file. */
function workFileFor(dir: string): string | undefined {
  const forced = process.env.GOWORK;
  if (forced === 'off') return undefined;
  if (forced) return isAbsolute(forced) && existsSync(forced) ? forced : undefined;
  for (let at = dir; ; at = dirname(at)) {
    if (existsSync(join(at, 'go.work'))) return join(at, 'go.work');
    if (dirname(at) === at) return undefined;
  }
}

/** The modules built together with the module around dir: its go.work's, when that go.work uses it, else the module alone. */
export function workspaceFor(dir: string): Workspace | undefined {
  const module = moduleFor(dir);
  if (!module) return undefined;
  let workspace = workspacesByModule.get(module.dir);
  if (workspace) return workspace;
  workspace = { modules: [module], replaces: [] };
  const workFile = workFileFor(module.dir);
  if (workFile) {
    let text = '';
    try {
      text = readFileSync(workFile, 'utf8');
    } catch {
      // An unreadable go.work leaves the module alone, as if there were none.
    }
    const directives = readDirectives(text);
    const used = directives.filter((d) => d.verb === 'use' && d.args[0]).map((d) => resolve(dirname(workFile), d.args[0]!));
    if (used.includes(module.dir)) {
      const modules = used.map((u) => (u === module.dir ? module : readModule(u))).filter((m): m is GoModule => m !== undefined);
      workspace = { workFile, modules, replaces: localReplaces(directives, dirname(workFile)) };
    }
  }
  for (const m of workspace.modules) workspacesByModule.set(m.dir, workspace);
  return workspace;
}

/** Whether path is prefix itself or a path below it. */
export function within(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(prefix + '/');
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Whether a go.mod below base, at or above dir, makes dir part of another module. */
function nestedModuleBetween(base: string, dir: string): boolean {
  for (let at = dir; at !== base && at.startsWith(base); at = dirname(at)) {
    if (existsSync(join(at, 'go.mod'))) return true;
  }
  return false;
}

/** Where the workspace's own source lies: each module, and each local replacement, with the import path prefix it serves. */
function sourceRoots(workspace: Workspace): { prefix: string; dir: string }[] {
  return [
    ...workspace.modules.filter((m) => m.path).map((m) => ({ prefix: m.path, dir: m.dir })),
    // go.work's replacements win over the modules' own.
    ...workspace.replaces.map((r) => ({ prefix: r.path, dir: r.dir })),
    ...workspace.modules.flatMap((m) => m.replaces.filter((r) => !workspace.replaces.some((w) => w.path === r.path)).map((r) => ({ prefix: r.path, dir: r.dir }))),
  ];
}

/** The import path prefixes of the workspace's own source (its modules and local replacements; not vendor/). */
export function sourcePrefixes(workspace: Workspace): string[] {
  return [...new Set(sourceRoots(workspace).map((r) => r.prefix))];
}

/** The module paths the build reads from vendor/: vendoring applies to a module built alone. */
export function vendoredPrefixes(workspace: Workspace): string[] {
  const main = workspace.modules[0]!;
  return !workspace.workFile && main.vendored ? main.vendoredModules : [];
}

/**
 * The directory of a package of the workspace, by import path: a package of
 * one of its modules (the longest module path wins, as nested modules do), of
 * a local replacement, or vendored. Undefined for the standard library and
 * for modules only the network has.
 */
export function packageDir(workspace: Workspace, importPath: string): string | undefined {
  const below = (base: string, prefix: string) => (importPath === prefix ? base : join(base, ...importPath.slice(prefix.length + 1).split('/')));
  let best: { prefix: string; dir: string } | undefined;
  for (const candidate of sourceRoots(workspace)) {
    if (within(importPath, candidate.prefix) && (!best || candidate.prefix.length > best.prefix.length)) best = candidate;
  }
  if (best) {
    const dir = below(best.dir, best.prefix);
    return isDirectory(dir) && !nestedModuleBetween(best.dir, dir) ? dir : undefined;
  }
  // Vendoring applies to a module built alone.
  const main = workspace.modules[0]!;
  if (vendoredPrefixes(workspace).length) {
    const dir = join(main.dir, 'vendor', ...importPath.split('/'));
    if (isDirectory(dir)) return dir;
  }
  return undefined;
}

/** The import path of the package in dir, when dir lies in a module of the workspace, a local replacement, or vendor/. */
export function importPathOf(workspace: Workspace, dir: string): string | undefined {
  const under = (base: string) => {
    const rel = slashedRelative(base, dir);
    return rel === '' ? '' : rel.startsWith('..') || isAbsolute(rel) ? undefined : rel;
  };
  const join2 = (prefix: string, rel: string) => (rel ? `${prefix}/${rel}` : prefix);
  let best: { base: string; path: string } | undefined;
  const consider = (base: string, path: string) => {
    const rel = under(base);
    if (rel === undefined || (best && best.base.length >= base.length)) return;
    best = { base, path: join2(path, rel) };
  };
  for (const m of workspace.modules) {
    const vendorRel = under(join(m.dir, 'vendor'));
    if (vendorRel) return vendorRel;
    if (m.path) consider(m.dir, m.path);
    for (const r of m.replaces) consider(r.dir, r.path);
  }
  for (const r of workspace.replaces) consider(r.dir, r.path);
  return best?.path;
}
