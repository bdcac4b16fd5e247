// The escaping helpers, one per syntax, against what the runner's command
// parser and a real GFM renderer make of their output.
import { describe, expect, it } from 'vitest';
import { escapeControls, logText, markdownLink, markdownText, quotePath } from '../../src/report/escape.js';
import { renderGfm, tagsOf, visibleText } from '../support/markdown.js';

/** Text a pull request controls: file names and Go source that forge commands or markup. */
const hostile = [
  'a\nb.go',
  'a\rb.go',
  'a\r\n::error::FORGED',
  '::error title=x::a.go',
  '  ::warning::FORGED',
  '##[error]FORGED',
  'x ##[add-mask]FORGED',
  '\t::stop-commands::FORGED',
  'esc\x1b[31mred.go',
  'line\u2028sep\u0085nel',
  'nul\0.go',
  '"quoted".go',
  'back\\slash.go',
  '# heading',
  '\r# heading',
  '@octocat, team @acme/admins',
  '[link](https://evil.example/x)',
  '![image](https://evil.example/p.png)',
  '```go\nfence',
  '~~strike~~ ~one~',
  '*em* _em_ **strong** `code`',
  'a|b \\| c',
  '<img src=x onerror=alert(1)> <b>bold</b> &lt; &amp;',
  'www.evil.example and https://evil.example/a and mail@evil.example',
  '_www.evil.example',
  '$x^2$ and $$y$$',
  'f(x) ) (',
  'foo\\',
];

describe('escapeControls', () => {
  it('writes unprintable characters as Go escapes, as strconv.Quote does', () => {
    expect(escapeControls('a\nb\rc\td\x07e\x1bf\x7fg\u2028h\u{e0001}i\0')).toBe('a\\nb\\rc\\td\\ae\\x1bf\\x7fg\\u2028h\\U000e0001i\\x00');
  });

  it('keeps printable text, any script, as it is', () => {
    for (const text of ['bar.foo = foo', 'Путь ссылок: → x', '日本語 🙂', 'a ## [b] #[c]']) expect(escapeControls(text)).toBe(text);
  });

  it('breaks the old-style command prefix "##[" wherever it is', () => {
    expect(escapeControls('x ##[error]y ###[z')).toBe('x ##\\x5berror]y ###\\x5bz');
  });

  it('never leaves a line break, so no text can start a line of its own', () => {
    for (const text of hostile) expect(escapeControls(text)).not.toMatch(/[\r\n\u0085\u2028\u2029]/);
  });
});

describe('quotePath', () => {
  it('prints an ordinary path as it is', () => {
    for (const path of ['main.go', 'pkg/a b.go', 'back\\slash.go', 'a::b.go', 'Ünïcödé/файл.go']) expect(quotePath(path)).toBe(path);
  });

  it('quotes an odd path as a Go string literal', () => {
    expect(quotePath('a\nb.go')).toBe('"a\\nb.go"');
    expect(quotePath('::error title=x::a.go')).toBe('"::error title=x::a.go"');
    expect(quotePath(' lead.go')).toBe('" lead.go"');
    expect(quotePath('trail.go ')).toBe('"trail.go "');
    expect(quotePath('"q\\.go')).toBe('"\\"q\\\\.go"');
    expect(quotePath('x##[warning]y.go')).toBe('"x##\\x5bwarning]y.go"');
    expect(quotePath('')).toBe('""');
  });

  it('quotes so that Go reads the name back (JSON strings share these escapes)', () => {
    for (const path of ['a\nb.go', 'tab\t.go', '"q".go', 'x\\y\n.go', '::a.go']) expect(JSON.parse(quotePath(path))).toBe(path);
  });
});

describe('logText', () => {
  it('never gives the runner a line that starts with "::" or holds "##["', () => {
    for (const text of hostile) {
      const line = logText(text);
      expect(line).not.toMatch(/^\s*::/);
      expect(line).not.toContain('##[');
      expect(line).not.toMatch(/[\r\n]/);
    }
    expect(logText('::error::x')).toBe('\\x3a:error::x');
    expect(logText('main.go:1:2: error FG001: x')).toBe('main.go:1:2: error FG001: x');
  });
});

describe('markdownText', () => {
  const table = (cell: string) => `| a | b |\n| --- | --- |\n| ${cell} | end |\n`;
  const plainTable = tagsOf(renderGfm(table('x')));

  it('keeps a table cell one cell of one row whatever the text', () => {
    for (const text of hostile) expect(tagsOf(renderGfm(table(markdownText(text)))), JSON.stringify(text)).toEqual(plainTable);
  });

  it('shows the text itself, control characters escaped, and nothing else', () => {
    for (const text of hostile) {
      const cell = /<td>([\s\S]*?)<\/td>/.exec(renderGfm(table(markdownText(text))))![1]!;
      expect(visibleText(cell), JSON.stringify(text)).toBe(escapeControls(text).trim());
    }
  });

  it('keeps GitHub from making mentions and bare links', () => {
    const html = renderGfm(markdownText('@octocat www.evil.example https://evil.example mail@evil.example'));
    expect(html).not.toContain('<a');
    // GitHub finds mentions and links in the rendered text: an invisible space breaks each.
    expect(html).not.toMatch(/@[a-z0-9]|www\.|:\/\//i);
  });
});

describe('markdownLink', () => {
  it('links exactly the URL, with the text as its only content', () => {
    for (const text of hostile) {
      const html = renderGfm(markdownLink(text, 'https://github.example/o/r/blob/abc/f(1)%20x.go#L3'));
      expect(tagsOf(html)).toEqual(['p', 'a']);
      expect(html).toContain('<a href="https://github.example/o/r/blob/abc/f%281%29%20x.go#L3">');
      expect(visibleText(html).trim()).toBe(escapeControls(text).trim());
    }
  });

  it('keeps a link in a table cell whole even when its URL holds "|" or a space', () => {
    const html = renderGfm(`| a |\n| --- |\n| ${markdownLink('x', 'https://h/a|b c')} |\n`);
    expect(html).toContain('<a href="https://h/a%7Cb%20c">x</a>');
  });
});
