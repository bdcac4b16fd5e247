// Checks for a run on a hostile pull request (hostileFiles): what the runner
// and a Markdown reader would make of the step's output.
import { expect } from 'vitest';
import { renderGfm, tagsOf, visibleText } from '../../support/markdown.js';
import { hostileFiles, hostileFindings } from './go-sources.js';
import { token, type ActionRun } from './run-action.js';

export const hostilePaths = Object.keys(hostileFiles).sort();
const ownCommands = ['add-mask', 'group', 'endgroup', 'debug', 'warning', 'error', 'notice'];

/** Nothing the pull request wrote became a command: every command the runner takes is one the step meant. */
export function expectNoForgedCommand(run: ActionRun): void {
  for (const c of run.commands) {
    const what = JSON.stringify(c);
    expect(c.legacy, what).toBe(false);
    expect(ownCommands, what).toContain(c.command);
    if (c.command === 'add-mask') expect(c.message, what).toBe(token);
    expect(c.message, what).not.toMatch(/^\s*FORGED/);
    for (const value of Object.values(c.properties)) expect(value, what).not.toMatch(/^FORGED/);
  }
  for (const line of run.stdout.split(/\r\n|\r|\n/)) {
    if (!line.includes('FORGED')) continue;
    // Only the step's own annotations quote the hostile text, escaped, in their data and file property.
    if (/^\s*::/.test(line)) expect(line).toMatch(/^::error title=FG00[14] /);
    else expect(line).not.toContain('##[');
  }
  expect(run.stderr).not.toContain('FORGED');
  // The step's failure, printed after every hostile line, still reaches the runner.
  expect(run.commands).toContainEqual(expect.objectContaining({ command: 'error', message: `finalizer-guard: ${hostileFindings} errors at or above fail-on: error (see the annotations and the job summary)` }));
  // The log lists every finding, one line each.
  expect(run.stdout.match(/^.* error FG00[14] /gm)).toHaveLength(hostileFindings);
}

/** The findings table holds one row per finding, and the hostile text makes no heading, link, image, mention, code or HTML. */
export function expectInertMarkdown(markdown: string, rows: number): void {
  const findingsPart = markdown.split('\n## How to fix')[0]!;
  const html = renderGfm(findingsPart);
  expect(html.match(/<tr>/g)).toHaveLength(rows + 1);
  for (const tag of tagsOf(html)) expect(['h1', 'p', 'strong', 'blockquote', 'table', 'thead', 'tr', 'th', 'tbody', 'td', 'a', 'br']).toContain(tag);
  expect(tagsOf(html).filter((t) => t === 'h1').length).toBeLessThanOrEqual(1);
  for (const href of html.matchAll(/<a href="([^"]*)"/g)) expect(href[1]).toMatch(/^https:\/\/github\.example\/acme\/widgets\/blob\/[0-9a-f]{40}\/[^()\s]+#L\d+$/);
  expect(html).not.toMatch(/@[a-z0-9]/i);
  // What the reader sees is the Go source itself, escaped.
  for (const quoted of ['S(`\\r# FORGED heading\\r@octocat www.evil.example`)', 'S("[FORGED](https://evil.example/x) ``` ~~FORGED~~ |")', 'S("![FORGED](https://evil.example/p.png) <b>FORGED</b>")']) {
    expect(visibleText(html)).toContain(quoted);
  }
  expect(visibleText(html)).toContain('"b\\n::stop-commands::FORGEDTOKEN\\n.go":13');
}
