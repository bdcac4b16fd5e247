// Unified diffs, as `git diff` prints them and as the REST API returns them in
// a file's `patch`: which lines of the new version were added, and which
// unchanged lines the hunks show around them.

export interface PatchLines {
  added: Set<number>;
  context: Set<number>;
}

const hunkHeader = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/;

/** Reads the hunks of one file; lines before the first hunk (headers) are skipped. */
export function parseHunks(patch: string): PatchLines {
  const added = new Set<number>();
  const context = new Set<number>();
  let next = 0; // new-side number of the next line; 0 while outside a hunk
  for (const line of patch.split('\n')) {
    const header = hunkHeader.exec(line);
    if (header) {
      next = Number(header[1]);
      continue;
    }
    if (next === 0) continue;
    if (line.startsWith('+')) {
      added.add(next);
      context.add(next);
      next++;
    } else if (line.startsWith(' ')) {
      context.add(next);
      next++;
    } else if (!line.startsWith('-') && !line.startsWith('\\')) {
      next = 0; // the hunk ended: a file header or the end of the text
    }
  }
  return { added, context };
}

/**
 * Splits the output of `git diff` (default a/ and b/ prefixes) into the
 * hunks of each file, keyed by the file's new path. Files without hunks
 * (pure renames, mode changes, binary files) are absent.
 */
export function splitGitDiff(diff: string): Map<string, PatchLines> {
  const result = new Map<string, PatchLines>();
  const sections = diff.split(/^(?=diff --git )/m);
  for (const section of sections) {
    const target = /^\+\+\+ (.*)$/m.exec(section);
    if (!target) continue;
    const path = diffPath(target[1]);
    if (path === undefined) continue;
    result.set(path, parseHunks(section));
  }
  return result;
}

/** The path in a "+++ b/..." line: C-quoted when it has special characters, a tab after it when it has spaces. */
function diffPath(raw: string): string | undefined {
  const text = raw.startsWith('"') ? unquoteC(raw) : raw.replace(/\t$/, '');
  if (text === '/dev/null') return undefined;
  return text.startsWith('b/') ? text.slice(2) : text;
}

function unquoteC(quoted: string): string {
  const bytes: number[] = [];
  const simple: Record<string, number> = { a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, '"': 34, '\\': 92 };
  for (let i = 1; i < quoted.length; i++) {
    const c = quoted[i];
    if (c === '"') break;
    if (c !== '\\') {
      bytes.push(...Buffer.from(c, 'utf8'));
      continue;
    }
    const e = quoted[++i];
    if (/[0-7]/.test(e)) {
      bytes.push(parseInt(quoted.slice(i, i + 3), 8));
      i += 2;
    } else {
      bytes.push(simple[e] ?? e.charCodeAt(0));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}
