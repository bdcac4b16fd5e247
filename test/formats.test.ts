// The formats for other tools, through the built CLI as a workflow or a
// reviewer's tool runs it: workflow commands (--format github), reviewdog's
// rdjson, Checkstyle XML; the problem matcher for the text format; the
// pre-commit hook.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { cycleMain, hostileFiles, manyCycles } from './action/support/go-sources.js';
import { parseCommands } from './action/support/run-action.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist', 'cli.js');
let work: string;

interface JsonFinding {
  path: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  ruleId: string;
  severity: string;
  message: string;
  related: { path: string; line: number; column: number; message: string }[];
}

function run(format: string, dir: string) {
  const result = spawnSync(process.execPath, [cli, '--format', format, '--fail-on', 'never', dir], { cwd: work, encoding: 'utf8' });
  expect(result.status, result.stderr).toBe(0);
  return result.stdout;
}
const findingsOf = (dir: string): JsonFinding[] => JSON.parse(run('json', dir)).findings;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'fg-formats-'));
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(work, path)), { recursive: true });
    writeFileSync(join(work, path), text);
  };
  write('cycle/main.go', cycleMain);
  write('many/main.go', manyCycles(12).source);
  for (const [name, source] of Object.entries(hostileFiles)) write(join('hostile', name), source);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('--format github', () => {
  it('gives one workflow command per finding, at its place, with the rule as title', () => {
    const [finding] = findingsOf('./cycle');
    const commands = parseCommands(run('github', './cycle'));
    expect(commands).toEqual([
      {
        command: 'error',
        legacy: false,
        properties: { title: 'FG001 finalizer-cycle', file: finding!.path, line: String(finding!.line), endLine: String(finding!.endLine), col: String(finding!.column), endColumn: String(finding!.endColumn) },
        message: expect.stringMatching(new RegExp(`^${finding!.message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\nReference path: `)),
      },
    ]);
  });

  it('shows 10 a level, as GitHub does, and counts the rest in a warning', () => {
    const commands = parseCommands(run('github', './many'));
    expect(commands.filter((c) => c.command === 'error')).toHaveLength(10);
    expect(commands.at(-1)).toEqual(expect.objectContaining({ command: 'warning', message: expect.stringMatching(/^2 errors not shown as annotations: .* Run with --format text to list all\.$/) }));
  });

  it('lets no file name or source text forge a command', () => {
    const findings = findingsOf('./hostile');
    const commands = parseCommands(run('github', './hostile'));
    expect(commands.map((c) => c.command)).toEqual(findings.map(() => 'error').slice(0, 10));
    expect(commands.map((c) => c.properties.file).sort()).toEqual(findings.map((f) => f.path).sort().slice(0, 10).sort());
  });
});

describe('--format rdjson', () => {
  // reviewdog's Diagnostic and DiagnosticResult fields as its documentation gives them.
  const rdjson = {
    type: 'object',
    required: ['source', 'diagnostics'],
    additionalProperties: false,
    definitions: {
      position: { type: 'object', required: ['line'], additionalProperties: false, properties: { line: { type: 'integer', minimum: 1 }, column: { type: 'integer', minimum: 1 } } },
      location: {
        type: 'object',
        required: ['path'],
        additionalProperties: false,
        properties: {
          path: { type: 'string', minLength: 1 },
          range: { type: 'object', required: ['start'], additionalProperties: false, properties: { start: { $ref: '#/definitions/position' }, end: { $ref: '#/definitions/position' } } },
        },
      },
    },
    properties: {
      source: { type: 'object', required: ['name'], additionalProperties: false, properties: { name: { type: 'string' }, url: { type: 'string' } } },
      diagnostics: {
        type: 'array',
        items: {
          type: 'object',
          required: ['message', 'location'],
          additionalProperties: false,
          properties: {
            message: { type: 'string', minLength: 1 },
            location: { $ref: '#/definitions/location' },
            severity: { enum: ['UNKNOWN_SEVERITY', 'ERROR', 'WARNING', 'INFO'] },
            source: { type: 'object' },
            code: { type: 'object', required: ['value'], additionalProperties: false, properties: { value: { type: 'string' }, url: { type: 'string' } } },
            suggestions: { type: 'array' },
            original_output: { type: 'string' },
            related_locations: { type: 'array', items: { type: 'object', required: ['location'], additionalProperties: false, properties: { message: { type: 'string' }, location: { $ref: '#/definitions/location' } } } },
          },
        },
      },
    },
  };

  it('holds every finding with its place, severity, rule page and reference path, in the documented fields', () => {
    const findings = findingsOf('./...');
    const document = JSON.parse(run('rdjson', './...'));
    const validate = new Ajv({ strict: true }).compile(rdjson);
    expect(validate(document), JSON.stringify(validate.errors)).toBe(true);
    expect(document.diagnostics).toHaveLength(findings.length);
    const cycle = findings.find((f) => f.path === 'cycle/main.go')!;
    expect(document.diagnostics).toContainEqual({
      message: cycle.message,
      location: { path: cycle.path, range: { start: { line: cycle.line, column: cycle.column }, end: { line: cycle.endLine, column: cycle.endColumn } } },
      severity: 'ERROR',
      code: { value: 'FG001', url: expect.stringMatching(/\/docs\/rules\.md#fg001-finalizer-cycle$/) },
      related_locations: cycle.related.map((r) => ({ message: r.message, location: { path: r.path, range: { start: { line: r.line, column: r.column } } } })),
    });
  });
});

describe('--format checkstyle', () => {
  it('is well-formed XML with one <file> a path and one <error> a finding, hostile names included', () => {
    const findings = findingsOf('./...');
    const xml = run('checkstyle', './...');
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', htmlEntities: true, isArray: (name) => name === 'file' || name === 'error' }).parse(xml);
    const files: { name: string; error: { line: string; column: string; severity: string; source: string; message: string }[] }[] = parsed.checkstyle.file;
    expect(files.map((f) => f.name).sort()).toEqual([...new Set(findings.map((f) => f.path))].sort());
    const errors = files.flatMap((f) => f.error.map((e) => `${f.name}:${e.line}:${e.column} ${e.severity} ${e.source}`));
    expect(errors.sort()).toEqual(findings.map((f) => `${f.path}:${f.line}:${f.column} error finalizer-guard.${f.ruleId}`).sort());
  });
});

describe('the problem matcher for the text format', () => {
  const matcher = JSON.parse(readFileSync(join(root, 'matchers', 'finalizer-guard.json'), 'utf8')).problemMatcher[0];
  const ours = new RegExp(matcher.pattern[0].regexp);

  it('has an owner of its own, so adding it leaves setup-go\'s "go" matcher in place', () => {
    expect(matcher.owner).toBe('finalizer-guard');
  });

  it('reads every finding line of the text output, with its file, place, severity and rule, and no related line', () => {
    const findings = findingsOf('./cycle').concat(findingsOf('./many'));
    const text = run('text', './cycle') + run('text', './many');
    const matched = text.split('\n').flatMap((line) => {
      const m = ours.exec(line);
      const g = matcher.pattern[0];
      return m ? [`${m[g.file]}:${m[g.line]}:${m[g.column]} ${m[g.severity]} ${m[g.code]}`] : [];
    });
    expect(matched.sort()).toEqual(findings.map((f) => `${f.path}:${f.line}:${f.column} ${f.severity} ${f.ruleId}`).sort());
  });

  // actions/setup-go's matchers.json (owner "go"), as setup-go registers it for every job that uses it: not anchored.
  const setupGo = { regexp: '((?:\\.{0,2}\\/|\\.{0,2}\\\\)(?:.+\\.go)):(?:(\\d+):(\\d+):)? (.*)', file: 1, line: 2, column: 3, message: 4 };

  it('leaves setup-go\'s matcher no line to misread once ours is added after it, as the runner tries the newest first', () => {
    const findings = findingsOf('./...');
    const places = new Set(findings.map((f) => `${f.path}:${f.line}:${f.column}`));
    const text = run('text', './...');
    expect(text).toMatch(/\n\t\S+\.go:\d+:\d+ /);
    for (const line of text.split('\n')) {
      if (ours.exec(line)) continue;
      const m = new RegExp(setupGo.regexp).exec(line);
      expect(m && `${m[setupGo.file]}:${m[setupGo.line]}:${m[setupGo.column]}`, line).toBeNull();
    }
    // What setup-go's matcher alone makes of a finding line in a folder: the wrong file, which is why ours is added after it.
    const nested = text.split('\n').find((line) => ours.exec(line)?.[1]?.includes('/'))!;
    const m = new RegExp(setupGo.regexp).exec(nested)!;
    expect(places.has(`${m[setupGo.file]}:${m[setupGo.line]}:${m[setupGo.column]}`)).toBe(false);
  });
});

describe('.pre-commit-hooks.yaml', () => {
  it('runs the package bin on staged Go files, one process at a time', () => {
    const hooks = parseYaml(readFileSync(join(root, '.pre-commit-hooks.yaml'), 'utf8'));
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    expect(hooks).toEqual([expect.objectContaining({ id: 'finalizer-guard', language: 'node', types: ['go'], require_serial: true })]);
    expect(Object.keys(pkg.bin)).toContain(hooks[0].entry);
    expect(pkg.files).toContain('matchers/');
  });
});
