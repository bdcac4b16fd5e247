// What to analyze: the packages that hold a changed Go file, inside the
// working directory, and where engine paths sit in the repository.
import { posix } from 'node:path';
import type { ChangeSet } from './changes.js';
import type { PathFilter } from '../discover/glob.js';
import { ignoredByGo } from '../discover/sources.js';
import type { Finding } from '../findings.js';
import { byCodePoint } from '../order.js';

/** Repo-relative folder of the working directory: "" for the root, else "a/b" (no trailing slash). */
export function normalizeDir(dir: string): string {
  const norm = posix.normalize(dir.replace(/\\/g, '/')).replace(/\/+$/, '');
  return norm === '.' ? '' : norm;
}

/** Inside `dir` (repo-relative, "" for the root), the path relative to it; undefined outside. */
export function within(dir: string, path: string): string | undefined {
  if (dir === '') return path;
  return path.startsWith(dir + '/') ? path.slice(dir.length + 1) : undefined;
}

/**
 * Folders (relative to the working directory, "." for its root) of the
 * packages holding a changed Go file that `exists` in the workspace.
 */
export function changedPackages(changes: ChangeSet, workDir: string, keep: PathFilter, exists: (path: string) => boolean): string[] {
  const dirs = new Set<string>();
  for (const path of changes.files.keys()) {
    const rel = within(workDir, path);
    // A file the go tool passes over, by its name or a folder's, is in no package a build sees.
    if (rel === undefined || !rel.endsWith('.go') || rel.split('/').some(ignoredByGo) || !keep(path) || !exists(path)) continue;
    dirs.add(posix.dirname(rel));
  }
  return [...dirs].sort(byCodePoint);
}

/** Engine paths are relative to the working directory; annotations need repo-relative ones. */
export function toRepoPaths(findings: readonly Finding[], workDir: string): Finding[] {
  if (workDir === '') return [...findings];
  const up = (p: string) => posix.join(workDir, p);
  return findings.map((f) => {
    const moved: Finding = { ...f, path: up(f.path), related: f.related.map((r) => ({ ...r, path: up(r.path) })) };
    if (f.fix) moved.fix = { ...f.fix, edits: f.fix.edits.map((e) => ({ ...e, path: up(e.path) })) };
    return moved;
  });
}
