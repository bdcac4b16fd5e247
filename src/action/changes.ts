// What a change touched, whichever source told us: git in the workspace, the
// REST API, or nothing at all. Paths are repo-relative with forward slashes.

/** Lines of the new version of a file; "all" when only the file is known to have changed. */
export type Lines = ReadonlySet<number> | 'all';

export interface FileChange {
  path: string;
  /** The old path of a renamed file. */
  previousPath?: string;
  /** Lines added or modified. */
  added: Lines;
  /** Added lines plus the unchanged lines a diff shows around them. */
  context: Lines;
}

export interface ChangeSet {
  /** Where the changes came from, for the log and the summary. */
  source: string;
  /** Files that exist after the change; deleted files are left out. */
  files: Map<string, FileChange>;
}

export function hasLine(lines: Lines, line: number): boolean {
  return lines === 'all' || lines.has(line);
}

export function wholeFile(path: string, previousPath?: string): FileChange {
  return { path, previousPath, added: 'all', context: 'all' };
}
