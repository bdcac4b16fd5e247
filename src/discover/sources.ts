// Source discovery: turns the user's patterns into Go package directories and
// their files, walking DIR/... the way the go tool does.
import { readdirSync, statSync, type Dirent } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { UsageError } from '../errors.js';
import { byCodePoint } from '../order.js';

export interface PackageDir {
  dir: string;
  /** Absolute paths of the directory's .go files, sorted. */
  files: string[];
}

/** The path of `to` relative to `from` with forward slashes, as reports and configuration files write paths on every system. */
export function slashedRelative(from: string, to: string): string {
  return relative(from, to).split(sep).join('/');
}

/** Names the go tool passes over: files and folders starting with "." or "_", and vendor and testdata folders. */
export function ignoredByGo(name: string): boolean {
  return name.startsWith('.') || name.startsWith('_') || name === 'vendor' || name === 'testdata';
}

/** The .go files of a directory that the go tool builds from (by name), sorted. */
export function goFilesIn(dir: string): string[] {
  return goFiles(dir, readdirSync(dir, { withFileTypes: true }));
}

/** The directory's .go files, sorted, from its entries. */
function goFiles(dir: string, entries: Dirent[]): string[] {
  return entries
    .filter((e) => e.name.endsWith('.go') && !ignoredByGo(e.name))
    .filter((e) => e.isFile() || (e.isSymbolicLink() && isFile(join(dir, e.name))))
    .map((e) => join(dir, e.name))
    .sort(byCodePoint);
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

const errorCode = (error: unknown) => (error as NodeJS.ErrnoException).code ?? String(error);

/**
 * Directories below root with their Go files, each read once, skipping vendor, testdata, hidden and _ directories;
 * symlinked directories are not followed (as the go tool does), so links cannot loop. A directory below root that
 * cannot be read is named in `skipped` and the walk goes on; the root itself must be readable.
 */
function walk(root: string, cwd: string, found: PackageDir[], skipped: string[]): void {
  const pending = [root];
  for (let dir = pending.pop(); dir !== undefined; dir = pending.pop()) {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      if (dir === root) throw new UsageError(`cannot read directory ${root}: ${errorCode(error)}`);
      skipped.push(`cannot read directory ${slashedRelative(cwd, dir) || '.'} (${errorCode(error)}); its packages are not analyzed`);
      continue;
    }
    const files = goFiles(dir, entries);
    if (files.length) found.push({ dir, files });
    const below = entries.filter((e) => e.isDirectory() && !ignoredByGo(e.name)).map((e) => join(dir, e.name));
    // Last first on the stack, so directories come out in the order a recursive walk gives.
    pending.push(...below.sort(byCodePoint).reverse());
  }
}

function statPattern(path: string, pattern: string) {
  try {
    return statSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') throw new UsageError(`${pattern}: symbolic link loop`);
    if (code === 'ENOENT') throw new UsageError(`${pattern}: no such file or directory`);
    throw new UsageError(`${pattern}: cannot read (${code ?? String(error)})`);
  }
}

export interface Discovery {
  dirs: PackageDir[];
  /** One line for each directory below a DIR/... that could not be read. */
  skipped: string[];
}

/** Expands patterns (file.go, DIR, DIR/...) into package directories, each once, in a stable order. */
export function discoverPackages(patterns: string[], cwd: string): Discovery {
  if (!patterns.length) throw new UsageError('no packages to analyze: give a .go file, a directory or DIR/...');
  const dirs = new Map<string, PackageDir>();
  const skipped: string[] = [];
  const add = (found: PackageDir) => {
    if (!dirs.has(found.dir)) dirs.set(found.dir, found);
  };
  for (const pattern of patterns) {
    if (pattern === '...' || pattern.endsWith('/...')) {
      const base = resolve(cwd, pattern === '...' ? '.' : pattern.slice(0, -4) || '/');
      if (!statPattern(base, pattern).isDirectory()) throw new UsageError(`${pattern}: not a directory`);
      const found: PackageDir[] = [];
      walk(base, cwd, found, skipped);
      found.forEach(add);
      continue;
    }
    const path = resolve(cwd, pattern);
    const stat = statPattern(path, pattern);
    const dir = stat.isDirectory() ? path : basename(path).endsWith('.go') ? dirname(path) : undefined;
    if (dir === undefined) throw new UsageError(`${pattern}: not a .go file or a directory`);
    if (dirs.has(dir)) continue;
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      throw new UsageError(`cannot read directory ${dir}: ${errorCode(error)}`);
    }
    const files = goFiles(dir, entries);
    if (!files.length) throw new UsageError(`${pattern}: no Go files in ${dir}`);
    add({ dir, files });
  }
  return { dirs: [...dirs.values()], skipped };
}
