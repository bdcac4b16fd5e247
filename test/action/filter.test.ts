import { describe, expect, it } from 'vitest';
import type { ChangeSet, FileChange } from '../../src/action/changes.js';
import { wholeFile } from '../../src/action/changes.js';
import { selectFindings } from '../../src/action/filter.js';
import { pathFilter } from '../../src/discover/glob.js';
import { changedPackages, normalizeDir, toRepoPaths, within } from '../../src/action/scope.js';
import { finding, related } from './support/findings.js';

const file = (path: string, added: number[], context: number[] = added): FileChange => ({ path, added: new Set(added), context: new Set(context) });
const changes = (...files: FileChange[]): ChangeSet => ({ source: 'test', files: new Map(files.map((f) => [f.path, f])) });
const all = pathFilter([]);

describe('selectFindings', () => {
  const onAdded = finding('main.go', 10);
  const onContext = finding('main.go', 12);
  const elsewhere = finding('main.go', 30);
  const inOtherFile = finding('other.go', 5);
  const change = changes(file('main.go', [9, 10], [7, 8, 9, 10, 11, 12, 13]), file('types.go', [4]));

  it('added: findings touching added lines; diff_context: also the lines around them', () => {
    expect(selectFindings([onAdded, onContext, elsewhere, inOtherFile], change, 'added', all)).toMatchObject({ reported: [{ finding: onAdded }], outside: 3 });
    const context = selectFindings([onAdded, onContext, elsewhere], change, 'diff_context', all);
    expect(context.reported.map((r) => r.finding.line)).toEqual([10, 12]);
  });

  it('file: anywhere in changed files; nofilter: everywhere; a full scan keeps all', () => {
    expect(selectFindings([onAdded, elsewhere, inOtherFile], change, 'file', all).reported.map((r) => r.finding.line)).toEqual([10, 30]);
    expect(selectFindings([onAdded, elsewhere, inOtherFile], change, 'nofilter', all).reported).toHaveLength(3);
    expect(selectFindings([onAdded, elsewhere, inOtherFile], undefined, 'added', all).reported).toHaveLength(3);
  });

  it('keeps a finding whose reference path runs through a changed line, anchored on that line', () => {
    const field = related('types.go', 4, 'field Bar.foo');
    const cycle = finding('main.go', 40, { related: [related('main.go', 38, 'assignment foo.bar = bar'), field] });
    const [reported] = selectFindings([cycle], change, 'added', all).reported;
    expect(reported.via).toBe(field);
    expect(reported.anchor).toEqual({ path: 'types.go', line: 4, column: 2, endLine: 4, endColumn: 2 });
  });

  it('a multi-line call counts when any of its lines changed; a wholly changed file counts everywhere', () => {
    expect(selectFindings([finding('main.go', 8, { endLine: 9 })], change, 'added', all).reported).toHaveLength(1);
    expect(selectFindings([finding('gen.go', 99)], changes(wholeFile('gen.go')), 'added', all).reported).toHaveLength(1);
  });

  it('leaves out what paths excludes, counted apart, and sorts most severe first', () => {
    const warning = finding('main.go', 9, { severity: 'warning' });
    const selection = selectFindings([warning, onAdded, finding('types.go', 4)], change, 'added', pathFilter(['!types.go']));
    expect(selection.reported.map((r) => r.finding)).toEqual([onAdded, warning]);
    expect(selection.excluded).toBe(1);
  });
});

describe('scope', () => {
  it('normalizes the working directory against the repository', () => {
    expect(normalizeDir('')).toBe('');
    expect(normalizeDir('.')).toBe('');
    expect(normalizeDir('./services/api/')).toBe('services/api');
    expect(within('services/api', 'services/api/x/y.go')).toBe('x/y.go');
    expect(within('services/api', 'services/apix/y.go')).toBeUndefined();
    expect(within('', 'a.go')).toBe('a.go');
  });

  it('finds the packages of changed Go files inside the working directory, as the go tool sees them', () => {
    const change = changes(
      file('svc/a/x.go', [1]),
      file('svc/a/y.go', [1]),
      file('svc/main.go', [1]),
      file('svc/b/README.md', [1]),
      file('svc/vendor/v/v.go', [1]),
      file('svc/c/testdata/t.go', [1]),
      file('svc/_tools/t.go', [1]),
      file('svc/d/_x.go', [1]),
      file('svc/e/.x.go', [1]),
      file('svc/gen/g.go', [1]),
      file('svc/moved/m.go', [1]),
      file('other/z.go', [1]),
    );
    expect(changedPackages(change, 'svc', pathFilter(['!svc/gen/**']), (path) => path !== 'svc/moved/m.go')).toEqual(['.', 'a']);
  });

  it('makes engine paths repo-relative, related locations too', () => {
    const [f] = toRepoPaths([finding('x/y.go', 3, { related: [related('x/z.go', 1, 'field')] })], 'svc');
    expect(f.path).toBe('svc/x/y.go');
    expect(f.related[0].path).toBe('svc/x/z.go');
  });
});
