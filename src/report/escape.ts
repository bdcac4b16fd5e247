// Repository text (file names, Go source quoted in messages) printed where it
// could pass for syntax. In a runner log a line whose start is "::" is a
// workflow command, and so is "##[name]" anywhere in a line; in GitHub's
// Markdown a bare "\r" ends a table row and punctuation makes links, images,
// mentions and code. One helper per syntax; workflow-command data and
// properties are escaped by @actions/core, which writes those commands.

/** What Go's strconv.Quote leaves as it is: letters, marks, numbers, punctuation, symbols and the ASCII space. */
const unprintable = /[^\p{L}\p{M}\p{N}\p{P}\p{S} ]/gu;
const shortEscapes: Record<string, string> = { '\x07': '\\a', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\v': '\\v' };
/** The runner reads "##[" anywhere in a line as an old-style command; "\x5b" is "[" in a Go string. */
const legacyCommand = /##\[/g;

function goEscape(char: string): string {
  const short = shortEscapes[char];
  if (short) return short;
  const code = char.codePointAt(0)!;
  const hex = (width: number) => code.toString(16).padStart(width, '0');
  return code < 0x80 ? `\\x${hex(2)}` : code < 0x10000 ? `\\u${hex(4)}` : `\\U${hex(8)}`;
}

/** Text on one line with nothing a runner or a terminal acts on: unprintable characters as Go escapes (`\r`, `\x1b`, `\u2028`), "##[" broken. */
export function escapeControls(text: string): string {
  return text.replace(unprintable, goEscape).replace(legacyCommand, '##\\x5b');
}

/**
 * A path as go vet prints it, or, when it holds anything escapeControls
 * would change or starts with a colon, a quote or a space (or ends with a
 * space), as a Go string literal (strconv.Quote), so that a line starting with
 * it never starts with "::" and strconv.Unquote gives the name back.
 */
export function quotePath(path: string): string {
  if (path !== '' && !/^[\s:"]|\s$/.test(path) && escapeControls(path) === path) return path;
  return `"${escapeControls(path.replace(/[\\"]/g, '\\$&'))}"`;
}

/** A line for the runner log: escapeControls, and a line that would start with "::" has its first colon escaped. */
export function logText(line: string): string {
  const escaped = escapeControls(line);
  return /^\s*::/.test(escaped) ? escaped.replace(':', '\\x3a') : escaped;
}

/**
 * Text as literal inline Markdown, safe in a table cell and a link's text:
 * escapeControls keeps it on one line, a backslash escapes every character
 * that starts markup (emphasis, strikethrough, code, links, images, HTML,
 * entities, math, table cells), and an invisible space after "@", inside
 * "://" and after "www" keeps GitHub from making mentions and links of it.
 */
export function markdownText(text: string): string {
  return escapeControls(text)
    .replace(/[\\`*_~[\]()<>|$&]/g, '\\$&')
    .replace(/@|:(?=\/\/)|(?<![a-z\d])www(?=\.)/gi, '$&&#8203;');
}

/** A Markdown link whose destination cannot end early or leave the table cell: anything outside URL syntax percent-encoded, parentheses too. */
export function markdownLink(text: string, url: string): string {
  const destination = url.replace(/[^A-Za-z0-9\-._~:/?#@!$&'*+,;=%]/gu, (c) =>
    [...Buffer.from(c, 'utf8')].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join(''),
  );
  return `[${markdownText(text)}](${destination})`;
}
