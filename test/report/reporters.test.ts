// The three reporters on findings shaped as the engine reports them for small Go programs.
import { constants } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { AnalysisStats } from '../../src/engine.js';
import type { Finding } from '../../src/findings.js';
import { remediation } from '../../src/rules/remediation.js';
import type { RuleMeta } from '../../src/rules/rule.js';
import { formatJson, jsonChunks } from '../../src/report/json.js';
import { formatSarif, ruleDocUrl, toSarif } from '../../src/report/sarif.js';
import { sarifSchemaErrors } from '../support/sarif-schema.js';
import { formatSummary, formatText } from '../../src/report/text.js';

const rules: RuleMeta[] = [
  { id: 'FG000', name: 'analysis-notice', severity: 'notice', summary: 'A Go file has syntax errors; it was analyzed as far as the tree allows.' },
  { id: 'FG001', name: 'finalizer-cycle', severity: 'error', summary: 'The finalized object is linked into a reference cycle through another heap object.' },
  { id: 'FG002', name: 'finalizer-type-cycle', severity: 'warning', summary: "The finalized object's type can reach itself through reference-carrying fields." },
  { id: 'FG003', name: 'finalizer-references-object', severity: 'error', summary: 'The finalizer keeps the finalized object reachable.' },
  { id: 'FG004', name: 'finalizer-bad-object', severity: 'error', summary: 'The first argument of SetFinalizer is not a pointer to the start of an allocation.' },
  { id: 'FG005', name: 'finalizer-bad-signature', severity: 'error', summary: 'The finalizer is not a function of one parameter that accepts the object.' },
  { id: 'FG006', name: 'cleanup-references-object', severity: 'error', summary: 'The cleanup function or its argument keeps the object reachable.' },
  { id: 'FG007', name: 'finalizer-may-never-run', severity: 'warning', summary: 'The object is of a kind whose finalizer the runtime may never run.' },
];

function finding(partial: Omit<Finding, 'rule' | 'remediation'>): Finding {
  const rule = rules.find((r) => r.id === partial.ruleId)!;
  return { ...partial, rule: rule.name, remediation: remediation(rule.id, { lang: 'en' }) };
}

// foo.bar = bar; bar.foo = foo; runtime.SetFinalizer(foo, ...)
const cycle = finding({
  ruleId: 'FG001',
  severity: 'error',
  path: 'cmd/demo/main.go',
  line: 21,
  column: 2,
  endLine: 23,
  endColumn: 4,
  message: 'foo is in a reference cycle foo → bar → foo; its finalizer never runs',
  related: [
    { path: 'cmd/demo/main.go', line: 18, column: 2, message: 'assignment foo.bar = bar' },
    { path: 'cmd/demo/main.go', line: 19, column: 2, message: 'assignment bar.foo = foo' },
  ],
});

// x.all = []*T{x}: the related message contains brackets.
const sliceCycle = finding({
  ruleId: 'FG001',
  severity: 'error',
  path: 'internal/pool/pool.go',
  line: 40,
  column: 2,
  endLine: 40,
  endColumn: 40,
  message: 'x is in a reference cycle x → []*T → x; its finalizer never runs',
  related: [{ path: 'internal/pool/pool.go', line: 38, column: 2, message: 'composite literal x.all = []*T{x}' }],
});

const structValue = finding({
  ruleId: 'FG004',
  severity: 'error',
  path: 'cstring/alloc.go',
  line: 12,
  column: 21,
  endLine: 12,
  endColumn: 24,
  message: 'first argument str is a CString value, not a pointer; SetFinalizer aborts the program',
  related: [],
});

const typeCycle = finding({
  ruleId: 'FG002',
  severity: 'warning',
  path: 'list/node.go',
  line: 9,
  column: 2,
  endLine: 9,
  endColumn: 50,
  message: 'type Node can reach itself through field next',
  related: [{ path: 'list/node.go', line: 4, column: 2, message: 'field Node.next' }],
});

const brokenFile = finding({
  ruleId: 'FG000',
  severity: 'notice',
  path: 'broken/bad.go',
  line: 3,
  column: 1,
  endLine: 3,
  endColumn: 9,
  message: 'syntax error; analyzed as far as the tree allows',
  related: [],
});

const stats: AnalysisStats = { packages: 4, files: 12, parsedFiles: 12, bytes: 20480, sites: 5, steps: 900, modulePackages: 0 };

const all = [typeCycle, cycle, brokenFile, structValue];

describe('formatText', () => {
  it('writes go vet style lines, most severe first, related places indented', () => {
    expect(formatText(all)).toBe(
      [
        'cmd/demo/main.go:21:2: error: foo is in a reference cycle foo → bar → foo; its finalizer never runs [FG001]',
        '\tcmd/demo/main.go:18:2 assignment foo.bar = bar',
        '\tcmd/demo/main.go:19:2 assignment bar.foo = foo',
        'cstring/alloc.go:12:21: error: first argument str is a CString value, not a pointer; SetFinalizer aborts the program [FG004]',
        'list/node.go:9:2: warning: type Node can reach itself through field next [FG002]',
        '\tlist/node.go:4:2 field Node.next',
        'broken/bad.go:3:1: notice: syntax error; analyzed as far as the tree allows [FG000]',
        '',
      ].join('\n'),
    );
  });

  it('writes nothing when there is nothing to report', () => {
    expect(formatText([])).toBe('');
  });

  it('does not reorder the caller’s array', () => {
    const input = [...all];
    formatText(input);
    expect(input).toEqual(all);
  });
});

describe('formatSummary', () => {
  it('counts findings by severity, leaving out empty severities', () => {
    expect(formatSummary(all, stats)).toBe('finalizer-guard: 4 findings (2 errors, 1 warning, 1 notice) in 4 packages, 12 files');
    expect(formatSummary([cycle, structValue, typeCycle], stats)).toBe('finalizer-guard: 3 findings (2 errors, 1 warning) in 4 packages, 12 files');
  });

  it('uses the singular for one', () => {
    expect(formatSummary([brokenFile], { ...stats, packages: 1, files: 1 })).toBe('finalizer-guard: 1 finding (1 notice) in 1 package, 1 file');
  });

  it('says so when there are no findings', () => {
    expect(formatSummary([], stats)).toBe('finalizer-guard: no findings in 4 packages, 12 files');
  });
});

describe('formatJson', () => {
  const parsed = JSON.parse(formatJson(all, stats));

  it('keeps a fixed key order', () => {
    expect(Object.keys(parsed)).toEqual(['findings', 'stats']);
    expect(Object.keys(parsed.findings[0])).toEqual([
      'ruleId', 'rule', 'severity', 'path', 'line', 'column', 'endLine', 'endColumn', 'message', 'remediation', 'related',
    ]);
    expect(Object.keys(parsed.findings[0].related[0])).toEqual(['path', 'line', 'column', 'message']);
    expect(Object.keys(parsed.stats)).toEqual(['packages', 'files', 'parsedFiles', 'bytes', 'sites', 'steps', 'modulePackages']);
  });

  it('lists findings most severe first with every field', () => {
    expect(parsed.findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['FG001', 'FG004', 'FG002', 'FG000']);
    expect(parsed.findings[0]).toEqual({ ...cycle });
    expect(parsed.stats).toEqual(stats);
  });

  it('is the same text for the same findings in any order, ending in a newline', () => {
    const text = formatJson(all, stats);
    expect(formatJson([...all].reverse(), stats)).toBe(text);
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('keeps counters it does not know, after the known ones', () => {
    const more = { ...stats, milliseconds: 12 } as AnalysisStats;
    expect(Object.keys(JSON.parse(formatJson([], more)).stats)).toEqual(['packages', 'files', 'parsedFiles', 'bytes', 'sites', 'steps', 'modulePackages', 'milliseconds']);
  });

  it('is exactly the layout of JSON.stringify, with findings and without', () => {
    const layout = (findings: Finding[]) => JSON.stringify({ findings: JSON.parse(formatJson(findings, stats)).findings, stats }, null, 2) + '\n';
    expect(formatJson(all, stats)).toBe(layout(all));
    expect(formatJson([], stats)).toBe(layout([]));
    expect(formatJson([], stats)).toContain('"findings": [],');
  });

  it('writes 400,000 findings piece by piece, more than one string can hold', () => {
    // The findings share their remediation text, as the engine's do: the report is large only as text,
    // over 1,300 bytes a finding, 400,000 of them past the longest string Node can make.
    const many = Array.from({ length: 400_000 }, (_, i) => ({ ...cycle, line: i + 1 }));
    expect(cycle.remediation.length * many.length).toBeGreaterThan(constants.MAX_STRING_LENGTH);
    let largest = 0;
    let pieces = 0;
    for (const piece of jsonChunks(many, stats)) {
      largest = Math.max(largest, piece.length);
      pieces++;
    }
    expect(pieces).toBe(many.length + 2);
    expect(largest).toBeLessThan(8192);
  }, 60_000);
});

// Checks the parts of SARIF 2.1.0 that GitHub code scanning reads, with their types.
function checkSarif(log: any): void {
  const levels = ['error', 'warning', 'note'];
  expect(typeof log.$schema).toBe('string');
  expect(log.version).toBe('2.1.0');
  expect(log.runs).toHaveLength(1);
  const [run] = log.runs;
  const { driver } = run.tool;
  expect(driver.name).toBe('finalizer-guard');
  expect(typeof driver.version).toBe('string');
  for (const rule of driver.rules) {
    expect(rule.id).toMatch(/^FG\d{3}$/);
    expect(rule.name).toMatch(/^[a-z]+(-[a-z]+)*$/);
    for (const text of [rule.shortDescription.text, rule.fullDescription.text, rule.help.text, rule.help.markdown]) {
      expect(typeof text).toBe('string');
      expect(text.length).toBeGreaterThan(0);
    }
    expect(levels).toContain(rule.defaultConfiguration.level);
    expect(rule.properties.tags.length).toBeLessThanOrEqual(10);
    for (const tag of rule.properties.tags) expect(typeof tag).toBe('string');
    expect(['very-high', 'high', 'medium', 'low']).toContain(rule.properties.precision);
  }
  expect(new Set(driver.rules.map((r: { id: string }) => r.id)).size).toBe(driver.rules.length);
  expect(Array.isArray(run.results)).toBe(true);
  for (const result of run.results) {
    expect(Number.isInteger(result.ruleIndex)).toBe(true);
    expect(driver.rules[result.ruleIndex].id).toBe(result.ruleId);
    expect(levels).toContain(result.level);
    expect(typeof result.message.text).toBe('string');
    expect(result.message.text.length).toBeGreaterThan(0);
    expect(result.locations).toHaveLength(1);
    const locations = [result.locations[0], ...(result.relatedLocations ?? [])];
    for (const { physicalLocation } of locations) {
      const { uri, uriBaseId } = physicalLocation.artifactLocation;
      expect(uriBaseId).toBe('%SRCROOT%');
      expect(uri).not.toMatch(/^\/|^[A-Za-z][A-Za-z0-9+.-]*:|\\/);
      expect(() => decodeURIComponent(uri)).not.toThrow();
      const { startLine, startColumn, endLine, endColumn } = physicalLocation.region;
      expect(Number.isInteger(startLine) && startLine >= 1).toBe(true);
      expect(Number.isInteger(startColumn) && startColumn >= 1).toBe(true);
      if (endLine !== undefined) {
        expect(endLine).toBeGreaterThanOrEqual(startLine);
        if (endLine === startLine) expect(endColumn).toBeGreaterThanOrEqual(startColumn);
      }
    }
    const ids = (result.relatedLocations ?? []).map((r: { id: number }) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const related of result.relatedLocations ?? []) expect(typeof related.message.text).toBe('string');
    // upload-sarif computes primaryLocationLineHash from the source; a key of our own would be ignored.
    expect(result.partialFingerprints).toBeUndefined();
  }
  expect(sarifSchemaErrors(log)).toEqual([]);
}

const options = {
  lang: 'en' as const,
  toolVersion: '0.1.0',
  informationUri: 'https://github.com/example/finalizer-guard',
  rulesUri: 'https://github.com/example/finalizer-guard/blob/v0.1.0/docs/rules.md',
};

describe('toSarif', () => {
  const log = toSarif(all, rules, options);
  const [run] = log.runs;

  it('has the shape code scanning accepts', () => {
    checkSarif(log);
    checkSarif(toSarif([], rules, options));
    // The schema check itself catches what upload-sarif would refuse.
    const [result] = run.results;
    expect(sarifSchemaErrors({ ...log, runs: [{ ...run, results: [{ ...result, level: 'fatal' }] }] }).join('\n')).toMatch(/level/);
    expect(run.tool.driver.version).toBe('0.1.0');
    expect(run.tool.driver.informationUri).toBe('https://github.com/example/finalizer-guard');
    expect(run.tool.driver.rules.map((r) => r.id)).toEqual(rules.map((r) => r.id));
  });

  it('maps severities to SARIF levels, notice to note', () => {
    expect(run.results.map((r) => [r.ruleId, r.level])).toEqual([
      ['FG001', 'error'],
      ['FG004', 'error'],
      ['FG002', 'warning'],
      ['FG000', 'note'],
    ]);
    expect(run.tool.driver.rules.map((r) => r.defaultConfiguration.level)).toEqual(['note', 'error', 'warning', 'error', 'error', 'error', 'error', 'warning']);
  });

  it('places the result at the span of the finding, with a relative uri', () => {
    expect(run.results[0].locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'cmd/demo/main.go', uriBaseId: '%SRCROOT%' },
      region: { startLine: 21, startColumn: 2, endLine: 23, endColumn: 4 },
    });
  });

  it('embeds related locations as links in the message, escaping brackets', () => {
    expect(run.results[0].message.text).toBe(
      'foo is in a reference cycle foo → bar → foo; its finalizer never runs\nRelated locations: [assignment foo.bar = bar](1), [assignment bar.foo = foo](2)',
    );
    expect(run.results[0].relatedLocations![1]).toEqual({
      id: 2,
      physicalLocation: { artifactLocation: { uri: 'cmd/demo/main.go', uriBaseId: '%SRCROOT%' }, region: { startLine: 19, startColumn: 2 } },
      message: { text: 'assignment bar.foo = foo' },
    });
    const [slice] = toSarif([sliceCycle], rules, options).runs[0].results;
    expect(slice.message.text).toContain('[composite literal x.all = \\[\\]*T{x}](1)');
    expect(slice.relatedLocations![0].message!.text).toBe('composite literal x.all = []*T{x}');
    expect(run.results[1].message.text).toBe(structValue.message);
    expect(run.results[1].relatedLocations).toBeUndefined();
  });

  it('escapes brackets in the message itself, so Go code in it never reads as a link', () => {
    const indexed = { ...structValue, message: 'fns[0](x) keeps it; a\\b' };
    expect(toSarif([indexed], rules, options).runs[0].results[0].message.text).toBe('fns\\[0\\](x) keeps it; a\\\\b');
  });

  it('links each rule to its section of docs/rules.md and gives code scanning its severity', () => {
    const rulesDoc = readFileSync(new URL('../../docs/rules.md', import.meta.url), 'utf8');
    for (const rule of run.tool.driver.rules) {
      expect(rule.helpUri).toBe(ruleDocUrl(options.rulesUri, rule));
      // GitHub's anchor of the heading: lower case, spaces as hyphens.
      expect(rulesDoc).toContain(`\n## ${rule.id} ${rule.name}\n`);
      expect(ruleDocUrl(options.rulesUri, rule)).toBe(`${options.rulesUri}#${`${rule.id} ${rule.name}`.toLowerCase().replace(/ /g, '-')}`);
    }
    expect(run.tool.driver.rules.map((r) => r.properties['problem.severity'])).toEqual(['recommendation', 'error', 'warning', 'error', 'error', 'error', 'error', 'warning']);
    expect(toSarif([], rules, { lang: 'en', toolVersion: '0.1.0' }).runs[0].tool.driver.rules[0].helpUri).toBeUndefined();
  });

  it('names its category for code scanning, ending the id in a slash', () => {
    expect(run.automationDetails).toBeUndefined();
    expect(toSarif([], rules, { ...options, category: 'finalizer-guard/services/api' }).runs[0].automationDetails).toEqual({ id: 'finalizer-guard/services/api/' });
    expect(toSarif([], rules, { ...options, category: 'finalizer-guard/' }).runs[0].automationDetails).toEqual({ id: 'finalizer-guard/' });
  });

  it('says when the analysis was partial', () => {
    const partial = toSarif(all, rules, { ...options, partial: 'only the changed packages were analyzed' });
    checkSarif(partial);
    expect(partial.runs[0].properties).toEqual({ partial: true });
    expect(partial.runs[0].invocations![0].toolExecutionNotifications).toEqual([{ level: 'note', message: { text: 'Partial analysis: only the changed packages were analyzed.' } }]);
    expect(run.properties).toBeUndefined();
  });

  it('never writes an absolute or backslashed uri', () => {
    const odd = [
      { ...structValue, path: 'pkg\\sub\\a file.go' },
      { ...structValue, path: '/home/dev/pkg/a.go' },
      { ...structValue, path: 'C:\\src\\pkg\\b.go' },
      { ...structValue, path: './pkg/c#1.go' },
    ];
    const uris = toSarif(odd, rules, options).runs[0].results.map((r) => r.locations[0].physicalLocation.artifactLocation.uri);
    expect(uris.sort()).toEqual(['home/dev/pkg/a.go', 'pkg/c%231.go', 'pkg/sub/a%20file.go', 'src/pkg/b.go']);
  });

  it('drops an end that lies before the start', () => {
    const inverted = { ...structValue, endLine: 11 };
    expect(toSarif([inverted], rules, options).runs[0].results[0].locations[0].physicalLocation.region).toEqual({ startLine: 12, startColumn: 21 });
  });

  it('carries the remediation as rule help, in the requested language and Go version', () => {
    const help = (lang: 'en' | 'ru', goVersion?: string) =>
      toSarif([], rules, { ...options, lang, goVersion }).runs[0].tool.driver.rules.find((r) => r.id === 'FG001')!.help;
    expect(help('en').text).toBe(remediation('FG001', { lang: 'en' }));
    expect(help('en').markdown).toContain('> The garbage collector will not be able to call the finalizer for foo');
    expect(help('en').text).not.toContain('prefer `runtime.AddCleanup');
    expect(help('en', '1.24').text).toContain('prefer `runtime.AddCleanup');
    expect(help('ru').text).toContain('Сборщик мусора не сможет вызвать финализатор для foo');
  });

  it('refuses a finding of a rule it was not given', () => {
    expect(() => toSarif([{ ...cycle, ruleId: 'FG999' }], rules, options)).toThrow(/FG999/);
  });

  it('keeps within the 25,000 results code scanning accepts, dropping the least severe', () => {
    const many = [
      ...Array.from({ length: 25_000 }, (_, i) => ({ ...typeCycle, line: i + 1, endLine: i + 1 })),
      structValue,
    ];
    const log = toSarif(many, rules, options);
    expect(sarifSchemaErrors(log)).toEqual([]);
    const capped = log.runs[0];
    expect(capped.results).toHaveLength(25_000);
    expect(capped.results[0].ruleId).toBe('FG004');
    expect(capped.invocations![0].toolExecutionNotifications[0].message.text).toContain('1 least severe');
    expect(run.invocations).toBeUndefined();
  });

  it('shows at most 100 related locations of a result', () => {
    const related = Array.from({ length: 150 }, (_, i) => ({ path: 'list/node.go', line: i + 1, column: 1, message: `step ${i}` }));
    const [result] = toSarif([{ ...typeCycle, related }], rules, options).runs[0].results;
    expect(result.relatedLocations).toHaveLength(100);
  });
});

describe('formatSarif', () => {
  it('is the SARIF object as JSON ending in a newline', () => {
    const text = formatSarif(all, rules, options);
    expect(text.endsWith('\n')).toBe(true);
    expect(JSON.parse(text)).toEqual(toSarif(all, rules, options));
  });
});
