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
} as const;

export type RuleId = keyof typeof RULES;

export function isRuleId(s: string): s is RuleId {
  return Object.prototype.hasOwnProperty.call(RULES, s);
}

export interface Want {
  /** File name relative to the fixture directory, forward slashes. */
  file: string;
  /** 1-based line of the SetFinalizer / AddCleanup call. */
  line: number;
  ruleId: RuleId;
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
}

/** What the Go runtime does with the one finalizer or cleanup of a program. */
export type Outcome = 'ran' | 'never' | 'fatal' | 'panic';

const WANT = /\/\/\s*want\b(.*)$/;
const ORACLE = /^\s*\/\/\s*oracle:(.*)$/;
const ORACLE_GO = /^\s*go(\d+)\.(\d+)\s*:\s*(\S.*)$/;

/** The wants of one file. Throws on a malformed `// want` so that a typo can never pass silently. */
export function parseWants(file: string, text: string): Want[] {
  const wants: Want[] = [];
  text.split(/\r?\n/).forEach((lineText, i) => {
    const m = WANT.exec(lineText);
    if (!m) return;
    const ids = m[1].trim().split(/\s+/).filter(Boolean);
    const where = `${file}:${i + 1}`;
    if (ids.length === 0) throw new Error(`${where}: "// want" names no rule`);
    const seen = new Set<string>();
    for (const id of ids) {
      if (!isRuleId(id)) throw new Error(`${where}: "// want" names unknown rule "${id}"`);
      if (seen.has(id)) throw new Error(`${where}: "// want" names ${id} twice`);
      seen.add(id);
      wants.push({ file, line: i + 1, ruleId: id });
    }
  });
  return wants;
}

/** The `// oracle: goX.Y: reason` marker of one file, if any. Throws on any other `// oracle:` text. */
export function parseOracleMarker(file: string, text: string): OracleMarker | undefined {
  let marker: OracleMarker | undefined;
  text.split(/\r?\n/).forEach((lineText, i) => {
    const m = ORACLE.exec(lineText);
    if (!m) return;
    const g = ORACLE_GO.exec(m[1]);
    if (!g) throw new Error(`${file}:${i + 1}: oracle marker must read "// oracle: goX.Y: reason"`);
    if (marker) throw new Error(`${file}:${i + 1}: second oracle marker`);
    marker = { minGo: [Number(g[1]), Number(g[2])], reason: g[3].trim() };
  });
  return marker;
}

/**
 * The outcome a runnable fixture must show under the real runtime, derived
 * from its wants alone: a bad object or signature, or a second finalizer on
 * an object that has one, kills the program; a cycle,
 * a reference from the finalizer, or an object the runtime never finalizes
 * means the finalizer never runs (a cleanup that reaches its object never
 * runs either, and AddCleanup panics when arg is the object itself); no want,
 * or only the type-level FG002, means the finalizer runs.
 */
export function expectedOutcomes(wants: readonly Want[]): Outcome[] {
  const ids = new Set(wants.map((w) => w.ruleId));
  if (ids.has('FG004') || ids.has('FG005') || ids.has('FG008')) return ['fatal'];
  if (ids.has('FG006')) return ['never', 'panic'];
  if (ids.has('FG001') || ids.has('FG003') || ids.has('FG007')) return ['never'];
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
  let runnable = false;
  for (const file of files) {
    const text = readFileSync(join(dir, file), 'utf8');
    wants.push(...parseWants(file, text));
    const m = parseOracleMarker(file, text);
    if (m && marker) throw new Error(`fixture ${name}: more than one oracle marker`);
    marker ??= m;
    if (/^package\s+main\b/m.test(text)) runnable = true;
  }
  for (const nested of nestedGoFiles(dir)) {
    const text = readFileSync(join(dir, nested), 'utf8');
    if (parseWants(nested, text).length > 0) {
      throw new Error(`fixture ${name}: ${nested} is outside the analyzed package and must not carry "// want"`);
    }
  }
  return { name, dir, files, wants, runnable, marker };
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
