// Reads the fixture corpus: the `// want FGnnn` lines of each fixture and its
// `// oracle:` marker. Shared by the engine test and the runtime oracle.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const RULES = {
  FG001: { name: 'finalizer-cycle', severity: 'error' },
  FG002: { name: 'finalizer-type-cycle', severity: 'warning' },
  FG003: { name: 'finalizer-references-object', severity: 'error' },
  FG004: { name: 'finalizer-bad-object', severity: 'error' },
  FG005: { name: 'finalizer-bad-signature', severity: 'error' },
  FG006: { name: 'cleanup-references-object', severity: 'error' },
  FG007: { name: 'finalizer-may-never-run', severity: 'warning' },
  FG008: { name: 'finalizer-already-set', severity: 'error' },
  FG009: { name: 'finalizer-may-run-early', severity: 'warning' },
} as const;

export type RuleId = keyof typeof RULES;

export function isRuleId(s: string): s is RuleId {
  return Object.prototype.hasOwnProperty.call(RULES, s);
}

/** A Go release, [major, minor]. */
export type GoRelease = [number, number];

/**
 * The Go releases a runtime fact holds on, written after the ids of a want
 * with the spelling of a build constraint: `go1.26` is Go 1.26 and later,
 * `!go1.26` is every release before Go 1.26.
 */
export interface GoRange {
  release: GoRelease;
  /** True for `!goX.Y`: the fact holds only before that release. */
  before: boolean;
}

export interface Want {
  /** File name relative to the fixture directory, forward slashes. */
  file: string;
  /** 1-based line of the SetFinalizer / AddCleanup call. */
  line: number;
  ruleId: RuleId;
  /** Absent when the runtime shows the problem on every Go release the oracle runs. */
  go?: GoRange;
}

export interface OracleMarker {
  /** Smallest Go release that can run the fixture, e.g. [1, 24]. */
  minGo: [number, number];
  reason: string;
}

export interface Fixture {
  name: string;
  /** Absolute path of the fixture directory. */
  dir: string;
  /** The .go files of the fixture's own package (top level only). */
  files: string[];
  wants: Want[];
  /** Its package is main, so the oracle builds and runs it. */
  runnable: boolean;
  marker?: OracleMarker;
  /** Why GODEBUG=checkfinalizers=1 cannot see this fixture's problem, when it cannot. */
  checkerBlind?: string;
  /** `// oracle: runs N: reason`: the program runs N times and every run must show the label. */
  runs?: OracleRuns;
  /** `// oracle: tags a,b: reason`: the program is built with -tags a,b, the build its labels are about. */
  tags?: OracleTags;
}

export interface OracleTags {
  tags: string[];
  reason: string;
}

export interface OracleRuns {
  count: number;
  reason: string;
}

/** What the Go runtime does with the one finalizer or cleanup of a program. */
export type Outcome = 'ran' | 'never' | 'fatal' | 'panic' | 'early';

const WANT = /\/\/\s*want\b(.*)$/;
const WANT_GO = /^(!?)go(\d+)\.(\d+)$/;
const ORACLE = /^\s*\/\/\s*oracle:(.*)$/;
const ORACLE_GO = /^\s*go(\d+)\.(\d+)\s*:\s*(\S.*)$/;
const ORACLE_BLIND = /^\s*checkfinalizers blind\s*:\s*(\S.*)$/;
const ORACLE_RUNS = /^\s*runs\s+(\d+)\s*:\s*(\S.*)$/;
const ORACLE_TAGS = /^\s*tags\s+([\w.]+(?:,[\w.]+)*)\s*:\s*(\S.*)$/;
/** Enough runs that one lucky run cannot pass for a label, few enough for CI. */
const MIN_RUNS = 2;
const MAX_RUNS = 20;
const MARKER_FORMS = '"// oracle: goX.Y: reason", "// oracle: checkfinalizers blind: reason", "// oracle: runs N: reason" or "// oracle: tags a,b: reason"';

export function goRelease(version: string): GoRelease | undefined {
  const m = /^go(\d+)\.(\d+)/.exec(version);
  return m ? [Number(m[1]), Number(m[2])] : undefined;
}

export function releaseAtLeast([major, minor]: GoRelease, [wantMajor, wantMinor]: GoRelease): boolean {
  return major > wantMajor || (major === wantMajor && minor >= wantMinor);
}

export function inRange(release: GoRelease, range: GoRange | undefined): boolean {
  if (!range) return true;
  return releaseAtLeast(release, range.release) !== range.before;
}

/** The wants whose runtime fact holds on this Go release. */
export function wantsOn(release: GoRelease, wants: readonly Want[]): Want[] {
  return wants.filter((w) => inRange(release, w.go));
}

/** "go1.26", "!go1.26" or "" (every release): the spelling of a want's range. */
export function rangeLabel(range: GoRange | undefined): string {
  return range ? `${range.before ? '!' : ''}go${range.release.join('.')}` : '';
}

/** The wants of one file. Throws on a malformed `// want` so that a typo can never pass silently. */
export function parseWants(file: string, text: string): Want[] {
  const wants: Want[] = [];
  text.split(/\r?\n/).forEach((lineText, i) => {
    const m = WANT.exec(lineText);
    if (!m) return;
    const words = m[1].trim().split(/\s+/).filter(Boolean);
    const where = `${file}:${i + 1}`;
    let go: GoRange | undefined;
    const ids: RuleId[] = [];
    for (const word of words) {
      const g = WANT_GO.exec(word);
      if (g) {
        if (go) throw new Error(`${where}: "// want" has a second Go version "${word}"`);
        if (ids.length === 0) throw new Error(`${where}: "// want" must name its rules before the Go version "${word}"`);
        go = { release: [Number(g[2]), Number(g[3])], before: g[1] === '!' };
        continue;
      }
      if (go) throw new Error(`${where}: "// want" names "${word}" after the Go version; the version comes last`);
      if (!isRuleId(word)) throw new Error(`${where}: "// want" names unknown rule "${word}"`);
      if (ids.includes(word)) throw new Error(`${where}: "// want" names ${word} twice`);
      ids.push(word);
    }
    if (ids.length === 0) throw new Error(`${where}: "// want" names no rule`);
    for (const ruleId of ids) wants.push(go ? { file, line: i + 1, ruleId, go } : { file, line: i + 1, ruleId });
  });
  return wants;
}

/**
 * The `// oracle: goX.Y: reason` marker of one file, if any. Throws on any
 * `// oracle:` text that is neither that nor a checkfinalizers-blind line.
 */
export function parseOracleMarker(file: string, text: string): OracleMarker | undefined {
  let marker: OracleMarker | undefined;
  text.split(/\r?\n/).forEach((lineText, i) => {
    const m = ORACLE.exec(lineText);
    if (!m || ORACLE_BLIND.test(m[1]) || ORACLE_RUNS.test(m[1]) || ORACLE_TAGS.test(m[1])) return;
    const g = ORACLE_GO.exec(m[1]);
    if (!g) throw new Error(`${file}:${i + 1}: oracle marker must read ${MARKER_FORMS}`);
    if (marker) throw new Error(`${file}:${i + 1}: second oracle marker`);
    marker = { minGo: [Number(g[1]), Number(g[2])], reason: g[3].trim() };
  });
  return marker;
}

/**
 * The reason given by `// oracle: checkfinalizers blind: reason`: why the
 * runtime's own checker cannot see the problem this fixture is labelled with.
 */
export function parseCheckerBlind(file: string, text: string): string | undefined {
  let reason: string | undefined;
  text.split(/\r?\n/).forEach((lineText, i) => {
    const m = ORACLE.exec(lineText);
    const b = m && ORACLE_BLIND.exec(m[1]);
    if (!b) return;
    if (reason !== undefined) throw new Error(`${file}:${i + 1}: second "checkfinalizers blind" line`);
    reason = b[1].trim();
  });
  return reason;
}

/**
 * `// oracle: runs N: reason`: an outcome that depends on where the allocator
 * puts objects is decided by N runs that all agree, not by one.
 */
export function parseOracleRuns(file: string, text: string): OracleRuns | undefined {
  let runs: OracleRuns | undefined;
  text.split(/\r?\n/).forEach((lineText, i) => {
    const m = ORACLE.exec(lineText);
    const r = m && ORACLE_RUNS.exec(m[1]);
    if (!r) return;
    if (runs) throw new Error(`${file}:${i + 1}: second "runs" line`);
    const count = Number(r[1]);
    if (count < MIN_RUNS || count > MAX_RUNS) throw new Error(`${file}:${i + 1}: "// oracle: runs N" takes ${MIN_RUNS} to ${MAX_RUNS} runs, not ${count}`);
    runs = { count, reason: r[2].trim() };
  });
  return runs;
}

/** `// oracle: tags a,b: reason`: the labels are about the build made with -tags a,b (a wrapper that is a no-op without them). */
export function parseOracleTags(file: string, text: string): OracleTags | undefined {
  let tags: OracleTags | undefined;
  text.split(/\r?\n/).forEach((lineText, i) => {
    const m = ORACLE.exec(lineText);
    const t = m && ORACLE_TAGS.exec(m[1]);
    if (!t) return;
    if (tags) throw new Error(`${file}:${i + 1}: second "tags" line`);
    tags = { tags: t[1].split(','), reason: t[2].trim() };
  });
  return tags;
}

/**
 * The outcome a runnable fixture must show under the real runtime, derived
 * from its wants alone: a bad object or signature, or a second finalizer on
 * an object that has one, kills the program (a nil ptr to AddCleanup
 * panics); a cycle,
 * a reference from the finalizer, or an object the runtime never finalizes
 * means the finalizer never runs (a cleanup that reaches its object never
 * runs either, and AddCleanup panics when arg is the object itself); no want,
 * or only the type-level FG002, means the finalizer runs. A finalizer that
 * may run early (FG009) runs while the call still uses what it releases:
 * midCall(), inside that call, sees it run.
 */
export function expectedOutcomes(wants: readonly Want[]): Outcome[] {
  const ids = new Set(wants.map((w) => w.ruleId));
  // A nil ptr makes AddCleanup panic (recoverable) where SetFinalizer throws.
  if (ids.has('FG004')) return ['fatal', 'panic'];
  if (ids.has('FG005') || ids.has('FG008')) return ['fatal'];
  if (ids.has('FG006')) return ['never', 'panic'];
  if (ids.has('FG001') || ids.has('FG003') || ids.has('FG007')) return ['never'];
  if (ids.has('FG009')) return ['early'];
  return ['ran'];
}

export const isTestFile = (file: string) => file.endsWith('_test.go');

export const fixturesRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');

function goFilesOf(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.go') && statSync(join(dir, f)).isFile())
    .sort();
}

/** Every .go file below dir that is not in dir itself (packages a fixture imports). */
export function nestedGoFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string, rel: string): void => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const relPath = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(join(d, entry.name), relPath);
      else if (rel && entry.name.endsWith('.go')) out.push(relPath);
    }
  };
  walk(dir, '');
  return out.sort();
}

export function loadFixture(name: string): Fixture {
  const dir = join(fixturesRoot, name);
  const files = goFilesOf(dir);
  if (files.length === 0) throw new Error(`fixture ${name} has no .go file`);
  const wants: Want[] = [];
  let marker: OracleMarker | undefined;
  let checkerBlind: string | undefined;
  let runs: OracleRuns | undefined;
  let tags: OracleTags | undefined;
  let runnable = false;
  for (const file of files) {
    const text = readFileSync(join(dir, file), 'utf8');
    wants.push(...parseWants(file, text));
    const m = parseOracleMarker(file, text);
    if (m && marker) throw new Error(`fixture ${name}: more than one oracle marker`);
    marker ??= m;
    const blind = parseCheckerBlind(file, text);
    if (blind !== undefined && checkerBlind !== undefined) throw new Error(`fixture ${name}: more than one "checkfinalizers blind" line`);
    checkerBlind ??= blind;
    const r = parseOracleRuns(file, text);
    if (r && runs) throw new Error(`fixture ${name}: more than one "runs" line`);
    runs ??= r;
    const t = parseOracleTags(file, text);
    if (t && tags) throw new Error(`fixture ${name}: more than one "tags" line`);
    tags ??= t;
    if (/^package\s+main\b/m.test(text)) runnable = true;
  }
  for (const nested of nestedGoFiles(dir)) {
    const text = readFileSync(join(dir, nested), 'utf8');
    if (parseWants(nested, text).length > 0) {
      throw new Error(`fixture ${name}: ${nested} is outside the analyzed package and must not carry "// want"`);
    }
  }
  return { name, dir, files, wants, runnable, marker, checkerBlind, runs, tags };
}

export function listFixtures(): Fixture[] {
  return readdirSync(fixturesRoot, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort()
    .map(loadFixture);
}

/** "file:line ruleId", the one spelling used in every failure message. */
export function wantKey(w: { file: string; line: number; ruleId: string }): string {
  return `${w.file}:${w.line} ${w.ruleId}`;
}
