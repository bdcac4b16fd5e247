// Globs over relative paths, as the Action's `paths` input and the
// configuration file take them: `**` crosses folders, `*` and `?` stay within
// one, `{a,b}` and `[abc]` as in a shell, a leading `./` means nothing.
import { UsageError } from '../errors.js';

/** The glob as a regular expression; `invalid` words the error for a glob that is not one. */
export function globToRegExp(glob: string, invalid: (why: string) => Error): RegExp {
  let out = '';
  let braces = 0;
  glob = glob.replace(/^(\.\/)+/, '');
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        const atStart = i === 0 || glob[i - 1] === '/';
        const slashAfter = glob[i + 2] === '/';
        if (atStart && slashAfter) {
          out += '(?:.*/)?'; // "**/" also matches no folder at all
          i += 2;
        } else {
          out += '.*';
          i += 1;
        }
      } else {
        out += '[^/]*';
      }
    } else if (c === '?') {
      out += '[^/]';
    } else if (c === '[') {
      const close = glob.indexOf(']', i + 2);
      if (close < 0) {
        out += '\\[';
        continue;
      }
      let body = glob.slice(i + 1, close).replace(/\\/g, '\\\\');
      if (body.startsWith('!')) body = '^' + body.slice(1);
      out += `[${body}]`;
      i = close;
    } else if (c === '{') {
      braces++;
      out += '(?:';
    } else if (c === '}' && braces > 0) {
      braces--;
      out += ')';
    } else if (c === ',' && braces > 0) {
      out += '|';
    } else {
      out += c.replace(/[.+^${}()|\\\]]/g, '\\$&');
    }
  }
  if (braces > 0) throw invalid('has an unclosed "{"');
  try {
    return new RegExp(`^${out}$`);
  } catch {
    throw invalid('has an invalid character class'); // a range out of order, like [z-a]
  }
}

export interface PathFilter {
  (path: string): boolean;
  /** The globs as given, for messages. */
  readonly description: string;
}

/**
 * Builds the filter from the input's lines: a path is kept when it matches an
 * include glob (or there are none) and no exclude glob. Blank lines and lines
 * starting with "#" are ignored.
 */
export function pathFilter(lines: readonly string[]): PathFilter {
  const globs = lines.map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'));
  const compile = (glob: string) => globToRegExp(glob, (why) => new UsageError(`paths must hold valid globs; "${glob}" ${why}`));
  const include = globs.filter((g) => !g.startsWith('!')).map(compile);
  const exclude = globs.filter((g) => g.startsWith('!')).map((g) => compile(g.slice(1)));
  const filter = (path: string) =>
    (include.length === 0 || include.some((r) => r.test(path))) && !exclude.some((r) => r.test(path));
  return Object.assign(filter, { description: globs.join(', ') });
}
