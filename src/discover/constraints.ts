// Build constraints: which files of a directory the go tool compiles together
// for a target. A package's files for different systems declare the same
// names differently (os/file_unix.go and os/file_plan9.go), so each call is
// analyzed with the files of a configuration that builds it.

import { newestGo, type GoRelease } from './go-release.js';

export type Tags = ReadonlySet<string>;
export type Constraint = (tags: Tags) => boolean;

const knownOS = new Set(
  'aix android darwin dragonfly freebsd hurd illumos ios js linux nacl netbsd openbsd plan9 solaris wasip1 windows zos'.split(' '),
);
const knownArch = new Set(
  '386 amd64 amd64p32 arm armbe arm64 arm64be loong64 mips mipsle mips64 mips64le mips64p32 mips64p32le ppc ppc64 ppc64le riscv riscv64 s390 s390x sparc sparc64 wasm'.split(' '),
);
const unixOS = new Set('aix android darwin dragonfly freebsd hurd illumos ios linux netbsd openbsd solaris'.split(' '));

/** The tags a target satisfies, as the go tool sets them (a go1.N tag for every release up to the newest). */
function targetTags(os: string, arch: string, cgo: boolean): Tags {
  const tags = new Set([os, arch, 'gc']);
  if (unixOS.has(os)) tags.add('unix');
  if (os === 'android') tags.add('linux');
  if (os === 'illumos') tags.add('solaris');
  if (os === 'ios') tags.add('darwin');
  if (cgo) tags.add('cgo');
  for (let minor = 1; minor <= newestGo[1]; minor++) tags.add(`go1.${minor}`);
  return tags;
}

const releaseTag = /^go1\.(\d+)$/;

/** The same target built by an older Go 1 release: no go1.N tag above it. */
function withRelease(tags: Tags, minor: number): Tags {
  return new Set([...tags].filter((t) => !releaseTag.test(t) || Number(releaseTag.exec(t)![1]) <= minor));
}

/** The newest release a target's tags stand for: its highest go1.N tag. */
export function releaseOf(tags: Tags): GoRelease {
  let minor = 0;
  for (const t of tags) minor = Math.max(minor, Number(releaseTag.exec(t)?.[1] ?? 0));
  return [1, minor];
}

/**
 * The releases a file builds with for a target, oldest and newest: a file
 * for older Go (`//go:build !go1.24`) is code that release runs, and a file
 * for newer Go (`//go:build go1.25`) runs only there.
 */
export function releasesBuilding(constraint: Constraint, tags: Tags): { oldest: GoRelease; newest: GoRelease } {
  const newest = releaseOf(tags);
  let oldest = newest[1];
  while (oldest > 1 && constraint(withRelease(tags, oldest - 1))) oldest--;
  return { oldest: [1, oldest], newest };
}

/** The targets tried in order; most code builds for the first. */
const standardTargets: Tags[] = [
  targetTags('linux', 'amd64', true),
  targetTags('windows', 'amd64', true),
  targetTags('darwin', 'arm64', true),
  targetTags('linux', 'amd64', false),
  targetTags('js', 'wasm', false),
  targetTags('plan9', 'amd64', false),
  targetTags('freebsd', 'amd64', true),
];

function fileNameConstraint(fileName: string): Constraint {
  const parts = fileName.replace(/\.go$/, '').replace(/_test$/, '').split('_');
  if (parts.length < 2) return () => true;
  const last = parts[parts.length - 1]!;
  const beforeLast = parts.length >= 3 ? parts[parts.length - 2]! : undefined;
  if (knownArch.has(last) && beforeLast && knownOS.has(beforeLast)) return (tags) => tags.has(last) && tags.has(beforeLast);
  if (knownOS.has(last) || knownArch.has(last)) return (tags) => tags.has(last);
  return () => true;
}

/** `!` and parentheses nested deeper than this make a //go:build line unreadable (the go tool has a limit too): no line overflows the stack. */
const maxBuildNesting = 100;

/** Parses a //go:build expression: ||, &&, !, parentheses and tags; undefined when it is not one. */
function parseExpression(text: string): Constraint | undefined {
  const tokens = text.match(/\|\||&&|!|\(|\)|[\w.]+/g) ?? [];
  let at = 0;
  let nesting = 0;
  // A chain of || or && is one list, so no chain's length makes evaluation recurse.
  const chain = (operator: string, operand: () => Constraint | undefined, join: (terms: Constraint[]) => Constraint) => (): Constraint | undefined => {
    const terms: Constraint[] = [];
    for (;;) {
      const term = operand();
      if (!term) return undefined;
      terms.push(term);
      if (tokens[at] !== operator) break;
      at++;
    }
    return terms.length === 1 ? terms[0] : join(terms);
  };
  const not = (): Constraint | undefined => {
    if (nesting >= maxBuildNesting) return undefined;
    nesting++;
    const result = operand();
    nesting--;
    return result;
  };
  const and = chain('&&', not, (terms) => (tags) => terms.every((t) => t(tags)));
  const or = chain('||', and, (terms) => (tags) => terms.some((t) => t(tags)));
  const operand = (): Constraint | undefined => {
    const token = tokens[at++];
    if (token === '!') {
      // Go rejects a double negation.
      if (tokens[at] === '!') return undefined;
      const inner = not();
      return inner && ((tags) => !inner(tags));
    }
    if (token === '(') {
      const inner = or();
      if (tokens[at++] !== ')') return undefined;
      return inner;
    }
    return token && /^[\w.]+$/.test(token) ? (tags) => tags.has(token) : undefined;
  };
  const result = or();
  return at === tokens.length ? result : undefined;
}

/** `// +build a,b c` lines: spaces are OR, commas AND, ! negates; several lines AND. */
function parsePlusBuild(lines: string[]): Constraint {
  const clauses = lines.map((line) =>
    line.trim().split(/\s+/).filter(Boolean).map((option) =>
      option.split(',').map((term) => (term.startsWith('!') ? (tags: Tags) => !tags.has(term.slice(1)) : (tags: Tags) => tags.has(term))),
    ),
  );
  return (tags) => clauses.every((options) => options.some((terms) => terms.every((t) => t(tags))));
}

/** The header comments before the package clause. */
function header(source: string): string[] {
  const end = source.search(/^package\s/m);
  return (end < 0 ? source : source.slice(0, end)).split('\n');
}

function goBuildLine(lines: string[]): string | undefined {
  return lines.find((l) => /^\/\/go:build\s/.test(l))?.replace(/^\/\/go:build\s+/, '');
}

/** Why the file's //go:build line is not one the go tool accepts, if it is not. */
export function buildLineProblem(source: string): string | undefined {
  const goBuild = goBuildLine(header(source));
  return goBuild !== undefined && !parseExpression(goBuild) ? 'the //go:build line is not a build expression the go tool accepts; the file was analyzed as if it built everywhere' : undefined;
}

/** The constraint of one file: its name's GOOS/GOARCH suffixes and its //go:build (or // +build) lines. */
export function fileConstraint(fileName: string, source: string): Constraint {
  const byName = fileNameConstraint(fileName);
  const lines = header(source);
  const goBuild = goBuildLine(lines);
  let byComment: Constraint = () => true;
  if (goBuild !== undefined) byComment = parseExpression(goBuild) ?? (() => true);
  else {
    const plus = lines.filter((l) => /^\/\/\s*\+build\s/.test(l)).map((l) => l.replace(/^\/\/\s*\+build\s+/, ''));
    if (plus.length) byComment = parsePlusBuild(plus);
  }
  return (tags) => byName(tags) && byComment(tags);
}

/** The tags a file's build lines name, other than systems and architectures (which the standard targets choose). */
function mentionedTags(source: string): string[] {
  const named = (header(source).find((l) => /^\/\/(go:|\s*\+)build\s/.test(l)) ?? '').match(/(?<![!\w.])[A-Za-z_][\w.]*/g) ?? [];
  return [...new Set(named.filter((t) => t !== 'go' && t !== 'build' && !knownOS.has(t) && !knownArch.has(t)))];
}

/** Tags the go command sets itself, from the target or its own flags (-race), rather than from -tags. */
const commandTags = new Set(['cgo', 'gc', 'gccgo', 'unix', 'race', 'msan', 'asan']);

/**
 * Whether a tag is one a build chooses with -tags: not a system, architecture,
 * release or the go command's own, nor an experiment (`goexperiment.regabiargs`),
 * which GOEXPERIMENT and the platform's defaults set.
 */
function isBuildTag(tag: string): boolean {
  return !knownOS.has(tag) && !knownArch.has(tag) && !releaseTag.test(tag) && !commandTags.has(tag) && !tag.startsWith('goexperiment.');
}

/** One spelling of a set of tags, whatever the order they were added in. */
export const tagsKey = (tags: Tags): string => [...tags].sort().join(',');

/** The tags of a target that a build chooses with -tags, sorted: none for a standard target. */
export function buildTagsOf(tags: Tags): string[] {
  return [...tags].filter(isBuildTag).sort();
}

/** Subsets of tags tried one by one, smallest first; past pairs, only all of them (a constraint that needs more is rare). */
function subsetsBySize(tags: string[]): string[][] {
  const subsets: string[][] = [[]];
  for (const tag of tags) subsets.push([tag]);
  tags.forEach((a, i) => tags.slice(i + 1).forEach((b) => subsets.push([a, b])));
  if (tags.length > 2) subsets.push(tags);
  return subsets;
}

/**
 * The fewest build tags (chosen with -tags) that, added to a target, make a
 * file build, when the target alone does not: `{invariants}` for a file of
 * `// +build invariants,!race tracing,!race` on linux/amd64: none when the
 * target builds it already, undefined when no such tags do.
 */
export function tagsToBuild(fileName: string, source: string, target: Tags): string[] | undefined {
  const constraint = fileConstraint(fileName, source);
  return subsetsBySize(mentionedTags(source).filter(isBuildTag)).find((subset) => constraint(new Set([...target, ...subset])));
}

/**
 * Tags that make a file build: the first standard target it fits, or the
 * first with the fewest tags its constraint names, built by the newest
 * release that builds it (a file for older Go, `//go:build !go1.24`, by Go
 * 1.23).
 */
export function targetFor(fileName: string, source: string): Tags | undefined {
  const constraint = fileConstraint(fileName, source);
  const mentioned = mentionedTags(source);
  // Release tags are always added: withRelease drops those above the release tried.
  const releases = mentioned.filter((t) => releaseTag.test(t));
  const subsets = subsetsBySize(mentioned.filter((t) => !releaseTag.test(t))).map((subset) => [...subset, ...releases]);
  const candidates = subsets.flatMap((subset) => standardTargets.map((base) => new Set([...base, ...subset])));
  // A release tag newer than the rules know is tried too: such a file is for a release yet to come.
  const newestNamed = Math.max(newestGo[1], ...releases.map((t) => Number(releaseTag.exec(t)![1])));
  for (let minor = newestNamed; minor >= 1; minor--) {
    const fits = candidates.map((tags) => withRelease(tags, minor)).find((tags) => constraint(tags));
    if (fits) return fits;
  }
  return undefined;
}
