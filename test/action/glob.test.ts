import { describe, expect, it } from 'vitest';
import { pathFilter } from '../../src/discover/glob.js';
import { UsageError } from '../../src/errors.js';

describe('pathFilter', () => {
  it('keeps everything without globs, and ignores blank and comment lines', () => {
    const keep = pathFilter(['', '  ', '# nothing']);
    expect(keep('a/b.go')).toBe(true);
    expect(keep.description).toBe('');
  });

  it('matches ** across folders, * and ? within one', () => {
    const keep = pathFilter(['**/*.go']);
    expect(keep('main.go')).toBe(true);
    expect(keep('a/b/c.go')).toBe(true);
    expect(keep('a/b/c.txt')).toBe(false);
    const shallow = pathFilter(['cmd/*.go', 'x?.go']);
    expect(shallow('cmd/main.go')).toBe(true);
    expect(shallow('cmd/sub/main.go')).toBe(false);
    expect(shallow('x1.go')).toBe(true);
    expect(shallow('x12.go')).toBe(false);
  });

  it('excludes with !, after the includes', () => {
    const keep = pathFilter(['**/*.go', '!**/*_test.go', '!vendor/**', './gen/keep.go']);
    expect(keep('pkg/a.go')).toBe(true);
    expect(keep('pkg/a_test.go')).toBe(false);
    expect(keep('vendor/x/y.go')).toBe(false);
    expect(pathFilter(['!gen/**'])('main.go')).toBe(true);
  });

  it('knows braces and character classes, and takes dots literally', () => {
    const keep = pathFilter(['{cmd,internal}/**/[a-c]*.go']);
    expect(keep('cmd/x/apple.go')).toBe(true);
    expect(keep('internal/cat.go')).toBe(true);
    expect(keep('pkg/apple.go')).toBe(false);
    expect(keep('cmd/dog.go')).toBe(false);
    expect(pathFilter(['a.go'])('abgo')).toBe(false);
  });

  it('rejects a glob it cannot read as a one-line input error', () => {
    expect(() => pathFilter(['{a,b'])).toThrow(new UsageError('paths must hold valid globs; "{a,b" has an unclosed "{"'));
    expect(() => pathFilter(['!gen/[z-a].go'])).toThrow(new UsageError('paths must hold valid globs; "gen/[z-a].go" has an invalid character class'));
    expect(() => pathFilter(['{a,b'])).toThrow(UsageError);
    expect(() => pathFilter(['!gen/[z-a].go'])).toThrow(UsageError);
  });
});
