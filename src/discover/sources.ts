// Source discovery: turns the user's patterns into Go package directories and
// their files, walking DIR/... the way the go tool does.
import { readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { byCodePoint } from '../order.js';

export interface PackageDir {
  dir: string;
  /** Absolute paths of the directory's .go files, sorted. */
  files: string[];
}

/** Names the go tool passes over: files and folders starting with "." or "_", and vendor and testdata folders. */
export function ignoredByGo(name: string): boolean {
  return name.startsWith('.') || name.startsWith('_') || name === 'vendor' || name === 'testdata';
}

function goFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
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

/** Directories below root, skipping vendor, testdata, hidden and _ directories; symlinked directories are not followed (as the go tool does), so links cannot loop. */
function walk(root: string, out: string[]): void {
  out.push(root);
  let entries;
  try {
    entries = readdirSync(root, { withFileTypes: true });
  } catch (error) {
    throw new UsageError(`cannot read directory ${root}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  for (const entry of entries.sort((a, b) => byCodePoint(a.name, b.name))) {
    if (!entry.isDirectory()) continue;
    if (ignoredByGo(entry.name)) continue;
    walk(join(root, entry.name), out);
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

/** Expands patterns (file.go, DIR, DIR/...) into package directories, each once, in a stable order. */
export function discoverPackages(patterns: string[], cwd: string): PackageDir[] {
  if (!patterns.length) throw new UsageError('no packages to analyze: give a .go file, a directory or DIR/...');
  const dirs = new Map<string, PackageDir>();
  const add = (dir: string, required: string) => {
    if (dirs.has(dir)) return;
    const files = goFiles(dir);
    if (files.length) dirs.set(dir, { dir, files });
    else if (required) throw new UsageError(`${required}: no Go files in ${dir}`);
  };
  for (const pattern of patterns) {
    if (pattern === '...' || pattern.endsWith('/...')) {
      const base = resolve(cwd, pattern === '...' ? '.' : pattern.slice(0, -4) || '/');
      if (!statPattern(base, pattern).isDirectory()) throw new UsageError(`${pattern}: not a directory`);
      const found: string[] = [];
      walk(base, found);
      for (const dir of found) add(dir, '');
      continue;
    }
    const path = resolve(cwd, pattern);
    const stat = statPattern(path, pattern);
    if (stat.isDirectory()) add(path, pattern);
    else if (basename(path).endsWith('.go')) add(dirname(path), pattern);
    else throw new UsageError(`${pattern}: not a .go file or a directory`);
  }
  return [...dirs.values()];
}
