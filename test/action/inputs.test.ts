import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseInputs } from '../../src/action/inputs.js';
import { UsageError } from '../../src/errors.js';

const from = (values: Record<string, string>) => (name: string) => values[name] ?? '';

describe('parseInputs', () => {
  it('fills in the defaults of action.yml', () => {
    expect(parseInputs(from({ 'github-token': 't' }))).toEqual({
      token: 't',
      workingDirectory: '.',
      paths: [''],
      filterMode: 'added',
      scan: 'changed',
      failOn: 'error',
      report: 'auto',
      suggestions: false,
      lang: 'en',
      goVersion: undefined,
      sarifFile: undefined,
      checkName: 'finalizer-guard',
      cacheDir: join(process.env.RUNNER_TEMP || tmpdir(), 'finalizer-guard-cache'),
    });
  });

  it('takes a cache directory, or none', () => {
    expect(parseInputs(from({ 'cache-dir': '.cache/fg' })).cacheDir).toBe('.cache/fg');
    expect(parseInputs(from({ 'cache-dir': 'off' })).cacheDir).toBeUndefined();
  });

  it('takes every documented value', () => {
    const inputs = parseInputs(from({ 'filter-mode': 'diff_context', scan: 'full', 'fail-on': 'never', report: 'check-run', lang: 'ru', 'go-version': 'go1.24.2', paths: 'a/**\n!b/**' }));
    expect(parseInputs(from({ report: 'review', suggestions: 'true' }))).toMatchObject({ report: 'review', suggestions: true });
    expect(inputs).toMatchObject({ filterMode: 'diff_context', scan: 'full', failOn: 'never', report: 'check-run', lang: 'ru', goVersion: '1.24.2', paths: ['a/**', '!b/**'] });
  });

  it('rejects an unknown value in one line', () => {
    expect(() => parseInputs(from({ 'fail-on': 'fatal' }))).toThrow(new UsageError('fail-on must be one of error, warning, notice, never; got "fatal"'));
    expect(() => parseInputs(from({ report: 'comment' }))).toThrow(UsageError);
    expect(() => parseInputs(from({ suggestions: 'yes' }))).toThrow(new UsageError('suggestions must be one of true, false; got "yes"'));
    expect(() => parseInputs(from({ 'go-version': 'latest' }))).toThrow('go-version must look like 1.24, got "latest"');
  });
});
