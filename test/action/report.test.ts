import { describe, expect, it } from 'vitest';
import { conclusionOf } from '../../src/action/gate.js';
import { planAnnotations } from '../../src/report/annotations.js';
import { checkOutput, inBatches, toCheckAnnotation } from '../../src/report/checkrun.js';
import { countsText, cut, describe as describeFinding } from '../../src/report/describe.js';
import { jobSummary, type RunReport } from '../../src/report/summary.js';
import type { Reported, Severity } from '../../src/findings.js';
import { finding, related } from './support/findings.js';

const at = (path: string, line: number, severity: Severity = 'error'): Reported => {
  const f = finding(path, line, { severity, related: [related(path, line - 2, 'assignment foo.bar = bar'), related(path, line - 1, 'assignment bar.foo = foo')] });
  return { finding: f, anchor: f };
};

function report(reported: Reported[], extra: Partial<RunReport> = {}): RunReport {
  return { label: 'pull request #7', scope: '1 package, 1 file', filter: 'filter-mode added', reported, outside: 0, excluded: 0, warnings: [], conclusion: conclusionOf(reported, 'error'), failOn: 'error', lang: 'en', ...extra };
}

describe('wording', () => {
  it('says what is wrong and the reference path, and names the call site when anchored elsewhere', () => {
    const r = at('main.go', 10);
    expect(describeFinding(r, 'en')).toBe(
      'foo is in a reference cycle, so its finalizer never runs\nReference path: assignment foo.bar = bar (main.go:8) → assignment bar.foo = foo (main.go:9)',
    );
    const via = related('types.go', 7, 'field Bar.foo');
    const moved: Reported = { ...r, anchor: { path: 'types.go', line: 7, column: 2, endLine: 7, endColumn: 2 }, via };
    expect(describeFinding(moved, 'en')).toContain('This change is on the reference path (field Bar.foo) of the call at main.go:10:2.');
    expect(describeFinding(moved, 'ru')).toContain('Это изменение лежит на пути ссылок (field Bar.foo) вызова в main.go:10:2.\nПуть ссылок: ');
  });

  it('counts and cuts', () => {
    expect(countsText({ error: 2, warning: 1, notice: 0 })).toBe('2 errors, 1 warning');
    expect(countsText({ error: 0, warning: 0, notice: 0 })).toBe('no findings');
    // Limits are UTF-8 bytes: '…' takes 3 of them, a Cyrillic letter 2.
    expect(cut('abcdefg', 6, '…')).toBe('abc…');
    expect(cut('привет', 5)).toBe('пр');
    expect(cut('ab😀cd', 3)).toBe('ab'); // never half a character
  });
});

describe('gate', () => {
  it('fails at or above fail-on, is neutral below it, succeeds without findings', () => {
    const warning = [at('a.go', 5, 'warning')];
    expect(conclusionOf(warning, 'error')).toBe('neutral');
    expect(conclusionOf(warning, 'warning')).toBe('failure');
    expect(conclusionOf(warning, 'notice')).toBe('failure');
    expect(conclusionOf([at('a.go', 5)], 'never')).toBe('neutral');
    expect(conclusionOf([], 'notice')).toBe('success');
  });
});

describe('check run', () => {
  it('maps levels, keeps columns only on one line, and puts the remediation in raw_details', () => {
    expect(toCheckAnnotation(at('a.go', 5), 'en')).toEqual({
      path: 'a.go',
      start_line: 5,
      end_line: 5,
      start_column: 2,
      end_column: 40,
      annotation_level: 'failure',
      title: 'FG001 finalizer-cycle',
      message: expect.stringContaining('Reference path:'),
      raw_details: 'Break the cycle, or use runtime.AddCleanup.',
    });
    const multi = { ...at('a.go', 5, 'notice'), anchor: { path: 'a.go', line: 5, column: 3, endLine: 6, endColumn: 1 } };
    const annotation = toCheckAnnotation(multi, 'en');
    expect(annotation.annotation_level).toBe('notice');
    expect(annotation).not.toHaveProperty('start_column');
    expect(toCheckAnnotation(at('a.go', 5, 'warning'), 'en').annotation_level).toBe('warning');
  });

  it('batches by 50', () => {
    expect(inBatches(Array.from({ length: 101 }, (_, i) => i)).map((b) => b.length)).toEqual([50, 50, 1]);
    expect(inBatches([])).toEqual([]);
  });

  it('cuts a long text at 65,535 characters with a pointer to the job summary', () => {
    const many = Array.from({ length: 2000 }, (_, i) => at(`pkg/very/long/path/number/${i}/file.go`, i + 3));
    const output = checkOutput(report(many), 'https://github.example/acme/widgets/actions/runs/1');
    expect(output.text.length).toBeLessThanOrEqual(65535);
    expect(output.text).toMatch(/text cut at GitHub's limit of 65,535 characters; the \[job summary\]\(https:\/\/github.example\/acme\/widgets\/actions\/runs\/1\) has every finding\._$/);
    expect(output.title).toBe('finalizer-guard: 2000 errors');
  });
});

describe('job summary', () => {
  it('keeps Go code in messages from turning into Markdown', () => {
    const r = at('a.go', 5);
    r.finding.message = 'p.all_items[0] keeps *p alive via `x`';
    const summary = jobSummary(report([r]));
    expect(summary).toContain('p.all\\_items\\[0\\] keeps \\*p alive via \\`x\\`');
  });

  it('lists every finding with a link, and each rule remediation once', () => {
    const summary = jobSummary(report([at('a.go', 5), at('b|c.go', 9)], { lineUrl: (p, l) => `https://x/${p}#L${l}`, outside: 2 }));
    expect(summary).toContain('| 🔴 error | FG001 finalizer-cycle | [a.go:5](https://x/a.go#L5) |');
    expect(summary).toContain('b\\|c.go:9');
    expect(summary.match(/### FG001/g)).toHaveLength(1);
    expect(summary).toContain('Not reported: 2 findings of the analyzed packages not on changed lines.');
    expect(summary).toContain('**failure** (fail-on: error): 2 errors for pull request #7.');
  });

  it('stays within the size limit and says how many rows it left out', () => {
    const many = Array.from({ length: 500 }, (_, i) => at(`f${i}.go`, 10));
    const summary = jobSummary(report(many), 20_000);
    expect(Buffer.byteLength(summary)).toBeLessThanOrEqual(20_000);
    expect(summary).toMatch(/_\d+ more findings not listed here to stay within GitHub's size limit; the step's log lists every finding\._/);
  });
});

describe('fallback annotations', () => {
  it('shows at most 10 per level, counting the step own warnings, and says how many are hidden', () => {
    const errors = Array.from({ length: 12 }, (_, i) => at('a.go', i + 3));
    const warnings = Array.from({ length: 9 }, (_, i) => at('b.go', i + 3, 'warning'));
    const plan = planAnnotations([...errors, ...warnings], 1, 'en');
    expect(plan.shown.filter((a) => a.level === 'error')).toHaveLength(10);
    expect(plan.shown.filter((a) => a.level === 'warning')).toHaveLength(8); // 1 own warning + the note
    expect(plan.note).toBe('2 errors, 1 warning not shown as annotations: GitHub shows at most 10 per level per step. The job summary and the log above list all.');
    expect(plan.shown[0].properties).toEqual({ title: 'FG001 finalizer-cycle', file: 'a.go', startLine: 3, endLine: 3, startColumn: 2, endColumn: 40 });
    expect(planAnnotations(errors.slice(0, 3), 0, 'en')).toEqual({ shown: expect.any(Array) });
  });
});
