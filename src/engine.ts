// The analysis pipeline: discover packages, read and parse their files, model
// each package, interpret the functions that reach a finalizer or cleanup
// call, run the rules, apply suppressions. Pure of GitHub: the CLI and the
// Action both call analyze().
import { readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { hookNameNodes, removesFinalizer, runtimeHookNamed, type HeapObject, type SiteEvaluation } from './analysis/heap.js';
import { hookFields } from './analysis/hook-fields.js';
import { Interpreter, maxInlineDepth } from './analysis/interpreter/index.js';
import { packageScanSteps } from './analysis/package-scan.js';
import { calleeEffects, chargeSummaries } from './analysis/callee-effects.js';
import { searchBudget, searchesMade, startSearches } from './analysis/paths.js';
import { forwardsTo, runtimeHookCallee } from './analysis/wrappers.js';
import { buildLineProblem, buildTagsOf, fileConstraint, releasesBuilding, tagsKey, targetFor, type Constraint, type Tags } from './discover/constraints.js';
import { newestGo, parseGoRelease, releaseAtLeast, type GoRelease } from './discover/go-release.js';
import { goVersionFor, importPathOf, workspaceFor } from './discover/gomod.js';
import { discoverPackages, goFilesIn, slashedRelative, type PackageDir } from './discover/sources.js';
import { UsageError } from './errors.js';
import { byCodePoint } from './order.js';
import { compareByPlace, type Finding, type RelatedLocation } from './findings.js';
import { buildPackage, pendingFiles, readFileModel, type FuncDecl, type GoFile, type GoPackage } from './model/package.js';
import { ModulePackages, readGoText, type WrapperScan } from './model/module.js';
import { firstError, goParser, parseGo, type NewerConstruct, type SyntaxNode } from './parse/parser.js';
import { packageRules, rules, syntaxError } from './rules/index.js';
import { remediation } from './rules/remediation.js';
import { isSuppressed } from './suppress.js';
import { threadPool } from './threads.js';
import { ResultCache } from './cache.js';
import type { RelatedNode, Report, Rule, Site } from './rules/rule.js';
import { firstLine } from './rules/describe.js';
import { toFix, type SourceFix } from './fix/edit.js';

export type Lang = 'en' | 'ru';

export interface AnalyzeOptions {
  /** Finding paths are made relative to this directory (forward slashes). */
  root: string;
  lang?: Lang;
  /** "1.24": overrides the go directive of the nearest go.mod for version-dependent advice. */
  goVersion?: string;
  /** Shortcuts that must never change results (the byte prefilter). Default on. */
  shortcuts?: boolean;
  /** Where results are cached by directory (see cache.ts); undefined: not cached. */
  cacheDir?: string;
}

export interface AnalysisStats {
  packages: number;
  files: number;
  parsedFiles: number;
  bytes: number;
  sites: number;
  /** Steps of interpretation taken: the analysis's cost, the same on every machine. */
  steps: number;
  /** Other packages of the module the analysis read names from, counted once per directory analyzed (so the same on any thread count). */
  modulePackages: number;
}

export interface AnalysisResult {
  findings: Finding[];
  stats: AnalysisStats;
}

export interface Analysis extends AnalysisResult {
  /** One line for each directory that could not be read; the rest was analyzed. */
  skipped: string[];
}

/** Go source larger than this is not parsed: generated tables, not code that sets finalizers. */
const maxFileBytes = 8 * 1024 * 1024;
/** The runtime functions this tool checks the calls of. */
const hookNames = 'SetFinalizer|AddCleanup';
const callPattern = new RegExp(`\\b(${hookNames})\\b`);
const hookCall = new RegExp(`\\b(${hookNames})\\s*[[(]`);
/** An import of the runtime package, as the file may write it; a string "runtime" elsewhere only costs a parse. */
const importsRuntime = /"runtime"|`runtime`/;

interface SourceFile {
  path: string;
  bytes: number;
  /** The file's bytes until decoded into text. */
  buffer?: Buffer;
  /**
   * Whether the bytes name SetFinalizer or AddCleanup, or the file imports a
   * wrapper of them from another package of the module; most directories end
   * here, without text ever being made.
   */
  mentionsCall: boolean;
  text?: string;
  /** Whether the decoded text names a call as a whole word, or imports a wrapper of one. */
  hasCall?: boolean;
  /**
   * Whether it names a call and imports the runtime package, or imports a wrapper of another package of the
   * module: only such a file can hold a site itself. One that
   * names a call without the import calls the package's own wrappers, or another package's AddCleanup (gocheck's
   * `s.AddCleanup`), and is read only when a lookup asks for a name it calls.
   */
  mayHoldSite?: boolean;
  constraint?: Constraint;
  /** Why the file cannot be analyzed as Go source. */
  unreadable?: string;
  /** Why the file was not even read: it may hold a call, so it is named whatever the rest of its directory holds. */
  unread?: string;
}

const overLimit = (bytes: number) => `file is ${(bytes / 1048576).toFixed(1)} MiB, over the ${maxFileBytes / 1048576} MiB limit; not analyzed`;

/** A file's bytes, when it can be read and is not over the limit (told by its size, before any byte is read). */
function readSource(path: string): SourceFile {
  const unread = (why: string): SourceFile => ({ path, bytes: 0, mentionsCall: false, unread: why });
  let buffer: Buffer;
  try {
    const size = statSync(path).size;
    if (size > maxFileBytes) return unread(overLimit(size));
    buffer = readFileSync(path);
  } catch (error) {
    return unread(`cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)}); not analyzed`);
  }
  const bytes = buffer.length;
  const mentionsCall = hookNames.split('|').some((name) => buffer.includes(name));
  const unreadable = (why: string): SourceFile => ({ path, bytes, mentionsCall, unreadable: why });
  // It may have grown since it was measured.
  if (bytes > maxFileBytes) return unreadable(overLimit(bytes));
  if (bytes === 0) return unreadable('file is empty; a Go file must start with a package clause');
  if (buffer.includes(0)) return unreadable('file is binary (contains NUL bytes); not analyzed');
  return { path, bytes, mentionsCall, buffer };
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Go source is UTF-8; anything else is named, not guessed at. */
function decode(source: SourceFile): void {
  if (!source.buffer) return;
  try {
    source.text = utf8.decode(source.buffer);
    source.hasCall = callPattern.test(source.text);
    source.mayHoldSite = source.hasCall && importsRuntime.test(source.text);
  } catch {
    source.unreadable = 'file is not valid UTF-8, as Go source must be; not analyzed';
  }
  source.buffer = undefined;
}

class Reporter {
  readonly findings: Finding[] = [];
  /** Each rule's remediation text for each Go release, made once and shared by its findings. */
  private readonly remediations = new Map<string, string>();
  constructor(
    private readonly options: AnalyzeOptions,
    /** The release the code is analyzed for where no build constraint says otherwise. */
    readonly go: GoRelease,
  ) {}

  path(file: string): string {
    return slashedRelative(this.options.root, file);
  }

  add(
    rule: { id: string; name: string; severity: Finding['severity'] },
    file: string,
    node: SyntaxNode | undefined,
    message: string,
    related: RelatedLocation[],
    go = this.go,
    fix?: SourceFix,
  ): void {
    const start = node?.startPosition ?? { row: 0, column: 0 };
    const end = node?.endPosition ?? start;
    const finding: Finding = {
      ruleId: rule.id,
      rule: rule.name,
      severity: rule.severity,
      path: this.path(file),
      line: start.row + 1,
      column: start.column + 1,
      endLine: end.row + 1,
      endColumn: end.column + 1,
      message,
      remediation: this.remediationOf(rule.id, go),
      related,
    };
    if (fix) finding.fix = toFix(fix, (path) => this.path(path));
    this.findings.push(finding);
  }

  private remediationOf(ruleId: string, go: GoRelease): string {
    const key = `${ruleId} ${go.join('.')}`;
    let text = this.remediations.get(key);
    if (text === undefined) this.remediations.set(key, (text = remediation(ruleId, { lang: this.options.lang ?? 'en', goVersion: go.join('.') })));
    return text;
  }
}

/**
 * What a function body does with finalizers and cleanups: sets one (a call
 * named SetFinalizer or AddCleanup, not a comment that mentions one), only
 * removes them (SetFinalizer(x, nil)), or neither.
 */
function hookUse(body: SyntaxNode, file: GoFile): 'sets' | 'clears' | undefined {
  if (usesHookAsValue(body, file)) return 'sets';
  if (!hookCall.test(body.text)) return undefined;
  let use: 'sets' | 'clears' | undefined;
  for (const named of hookNameNodes(body)) {
    const call = named.parent;
    if (call?.type !== 'call_expression' || call.childForFieldName('function')?.id !== named.id || !runtimeHookNamed(named, file)) continue;
    if (!isRemoval(call)) return 'sets';
    use = 'clears';
  }
  return use;
}

/** `runtime.SetFinalizer` as a value (stored, passed on): the code calls it through a name of its own. */
function usesHookAsValue(node: SyntaxNode, file: GoFile): boolean {
  if (!callPattern.test(node.text)) return false;
  return hookNameNodes(node).some((selector) => {
    if (selector.type !== 'selector_expression' || !runtimeHookNamed(selector, file)) return false;
    const parent = selector.parent;
    return !(parent?.type === 'call_expression' && parent.childForFieldName('function')?.id === selector.id);
  });
}

/** SetFinalizer(x, nil): removes a finalizer rather than setting one. */
function isRemoval(call: SyntaxNode): boolean {
  return /(^|\.)SetFinalizer$/.test(call.childForFieldName('function')?.text ?? '') && call.childForFieldName('arguments')?.namedChild(1)?.type === 'nil';
}

/** A whole word followed by what opens a call's arguments, `(`, or also `[` (type arguments). */
const callOpening = /(?<![\p{L}\p{N}_])[\p{L}\p{N}_]+(?=\s*\()/gu;
const callOrInstantiation = /(?<![\p{L}\p{N}_])[\p{L}\p{N}_]+(?=\s*[[(])/gu;

/** For each text a pattern was run over (a file not read yet, a body), the words it found: the callers of each depth ask the same texts. */
const calledWords = new Map<RegExp, WeakMap<object, Set<string>>>([callOpening, callOrInstantiation].map((calls) => [calls, new WeakMap()]));

/** Whether the text of `holder` calls one of the names: one pass over its words, however many names and questions there are. */
function callsAny(holder: { readonly text?: string }, names: Set<string>, calls: RegExp): boolean {
  const known = calledWords.get(calls)!;
  let words = known.get(holder);
  if (!words) known.set(holder, (words = new Set(Array.from((holder.text ?? '').matchAll(calls), ([word]) => word))));
  for (const name of names) if (words.has(name)) return true;
  return false;
}

/**
 * Entry points: functions that set a finalizer or cleanup, their callers in
 * the package (which may link what they return into a cycle), and functions
 * that only remove one (the object must still be a pointer).
 */
function rootFunctions(pkg: GoPackage, scan: WrapperScan | undefined): FuncDecl[] {
  const { direct, callers, clearing } = finalizerFunctions(pkg, scan);
  // Files may have been read in any order: a fixed order keeps results stable.
  const byPlace = (a: FuncDecl, b: FuncDecl) => byCodePoint(a.file.path, b.file.path) || a.node.startIndex - b.node.startIndex;
  return [...direct.sort(byPlace), ...callers.sort(byPlace), ...clearing.sort(byPlace)];
}

/**
 * The functions of a package that set a finalizer or cleanup (directly, or
 * through a wrapper of another package of the module), their callers, the
 * functions that only remove one, and the wrappers among them: those that
 * pass their own parameters on to the runtime or to another wrapper.
 */
function finalizerFunctions(pkg: GoPackage, scan: WrapperScan | undefined): { direct: FuncDecl[]; callers: FuncDecl[]; clearing: FuncDecl[]; wrappers: FuncDecl[] } {
  // `alias.Name` as written, naming a wrapper function another package of the module declares, or
  // `value.Name`, a wrapper method of a package the file imports (the interpreter decides whose method it is).
  const importedWrapper = (file: GoFile, callee: string): boolean => {
    const dot = callee.lastIndexOf('.');
    if (dot <= 0 || !scan) return false;
    const name = callee.slice(dot + 1).trim();
    const wrappersIn = (path: string | undefined) => {
      const other = path && scan.mayWrap(path) ? pkg.imported?.(path) : undefined;
      return other && wrappersOf(other, scan);
    };
    const path = file.imports.get(callee.slice(0, dot).trim());
    if (path) return !!wrappersIn(path)?.functions.has(name);
    return [...file.imports.values()].some((p) => wrappersIn(p)?.methods.has(name));
  };
  const callsImportedWrapper = (f: FuncDecl): boolean =>
    !!scan && [...f.file.imports.values()].some((path) => scan.mayWrap(path)) &&
    (f.body?.descendantsOfType('call_expression') ?? []).some((call) => !!call && importedWrapper(f.file, call.childForFieldName('function')?.text ?? ''));
  const uses = new Map(pkg.functions.map((f) => [f, f.body && hookUse(f.body, f.file)]));
  const direct = pkg.functions.filter((f) => uses.get(f) === 'sets' || (!uses.get(f) && callsImportedWrapper(f)));
  // A package-level variable set to runtime.SetFinalizer: the functions that call it set finalizers.
  const hookVariables = [...pkg.vars.values()].filter((v) => v.value && usesHookAsValue(v.value, v.file)).map((v) => v.name);
  // And a struct field that only ever holds it (`e.setFinalizer(cm, release)`).
  const hookCallNames = [...hookVariables, ...hookFields(pkg).keys()];
  if (hookCallNames.length) {
    const names = new Set(hookCallNames);
    pkg.load((file) => callsAny(file, names, callOpening));
    const chosen = new Set(direct);
    direct.push(...pkg.functions.filter((f) => !chosen.has(f) && f.body && callsAny(f.body, names, callOpening)));
  }
  const clearing = pkg.functions.filter((f) => uses.get(f) === 'clears');
  const callers: FuncDecl[] = [];
  const chosen = new Set([...direct, ...clearing]);
  const callersOf = (callees: FuncDecl[]): FuncDecl[] => {
    if (!callees.length) return [];
    const names = new Set(callees.map((f) => f.name));
    pkg.load((file) => callsAny(file, names, callOrInstantiation));
    const found = pkg.functions.filter((f) => !chosen.has(f) && f.body && callsAny(f.body, names, callOrInstantiation));
    for (const f of found) chosen.add(f);
    return found;
  };
  callers.push(...callersOf(direct));
  // A caller that passes its own parameters on to a wrapper is a wrapper too: its callers are entry points as well.
  let level = direct.filter((f) => forwardsTo(f, (name) => runtimeHookCallee.test(name) || hookVariables.includes(name) || importedWrapper(f.file, name)));
  const wrappers = [...level];
  for (let depth = 1; depth < maxInlineDepth && level.length; depth++) {
    const names = new Set(level.map((f) => f.name));
    level = callers.filter((f) => !wrappers.includes(f) && forwardsTo(f, (name) => names.has(name.replace(/^.*\./, ''))));
    wrappers.push(...level);
    callers.push(...callersOf(level));
  }
  return { direct, callers, clearing, wrappers };
}

/** The names of a package's wrappers (see finalizerFunctions): functions, called through the package's name, and methods, called on a value. */
interface PackageWrappers {
  functions: Set<string>;
  methods: Set<string>;
}

/** The wrappers of each package of the module, found once for the run. */
const packageWrappers = new WeakMap<GoPackage, PackageWrappers>();

function wrappersOf(pkg: GoPackage, scan: WrapperScan): PackageWrappers {
  let wrappers = packageWrappers.get(pkg);
  if (wrappers) return wrappers;
  // Set first: a package met again while its wrappers are being found has none yet.
  packageWrappers.set(pkg, (wrappers = { functions: new Set(), methods: new Set() }));
  pkg.load((file) => callPattern.test(file.text) || scan.callsWrapper(file.text));
  for (const f of finalizerFunctions(pkg, scan).wrappers) (f.receiver ? wrappers.methods : wrappers.functions).add(f.name);
  return wrappers;
}

/** What undoes a finalizer or cleanup: SetFinalizer(x, nil) names its object, Cleanup.Stop() the value AddCleanup returned. */
type Undoing = Pick<SiteEvaluation, 'run' | 'order' | 'conditional'> & { targets: HeapObject[] };

/** Whether the same code removes this finalizer or stops this cleanup later, at least as surely as it set it. */
function undoneLater(evaluation: SiteEvaluation, undoings: Undoing[]): boolean {
  const set = evaluation.handle ? [evaluation.handle] : (evaluation.argObjects[0] ?? []);
  const targets = new Set(set.map((o) => o.id));
  return undoings.some(
    (u) => u.run === evaluation.run && u.order > evaluation.order && u.conditional <= evaluation.conditional && u.targets.some((o) => targets.has(o.id)),
  );
}

/**
 * Runs the rules on one call; a fatal finding (the program dies there) stands
 * alone. Fatal rules see every way the call is reached: a finalizer removed
 * later does not save a program that dies at the call.
 */
function checkSite(site: Site, kept: SiteEvaluation[], clearing: boolean): { rule: Rule; report: Report }[] {
  const results: { rule: Rule; report: Report }[] = [];
  for (const rule of rules) {
    if (!rule.kinds.includes(site.kind) || (clearing && !rule.checksRemoval)) continue;
    const evaluations = rule.fatal ? site.evaluations : kept;
    if (!evaluations.length) continue;
    const report = rule.check({ ...site, evaluations });
    if (!report) continue;
    if (rule.fatal) return [{ rule, report }];
    results.push({ rule, report });
  }
  return results;
}

/**
 * Interprets a package and reports its calls. `reportsIn` limits both the
 * entry points and the calls reported to some of its files: the test files,
 * when the package is analyzed again with its tests.
 */
type Notice = (path: string, node: SyntaxNode | undefined, message: string) => void;

function analyzePackage(
  pkg: GoPackage,
  scan: WrapperScan | undefined,
  reporter: Reporter,
  notice: Notice,
  stats: AnalysisStats,
  releaseFor: (file: GoFile) => GoRelease,
  reportsIn: (file: GoFile) => boolean = () => true,
): void {
  const interpreter = new Interpreter(pkg, { effectsOf: calleeEffects });
  // The package's scan is shared by the runs of a package and its tests: each counts what it added, and the summaries it used.
  const scanStepsBefore = packageScanSteps(pkg);
  const summarySteps = chargeSummaries();
  const evaluations = new Map<number, SiteEvaluation[]>();
  for (const root of rootFunctions(pkg, scan)) {
    if (!reportsIn(root.file)) continue;
    for (const evaluation of interpreter.interpretRoot(root)) {
      // A wrapper's own call, met with its parameters: its callers' calls are the sites.
      if (evaluation.forwardedFromRoot) continue;
      const list = evaluations.get(evaluation.call.id) ?? [];
      list.push(evaluation);
      evaluations.set(evaluation.call.id, list);
    }
  }
  for (const bound of interpreter.bounds) {
    notice(bound.file.path, bound.node, `analysis bounded here: ${bound.reason}; ${bound.root.name} is not analyzed beyond this point`);
  }
  const undoings: Undoing[] = [
    ...[...evaluations.values()].flat().filter(removesFinalizer).map((e) => ({ ...e, targets: e.argObjects[0] ?? [] })),
    ...interpreter.stops.map((s) => ({ ...s, targets: s.handles })),
  ];
  let sites = 0;
  const analyzed: Site[] = [];
  for (const all of evaluations.values()) {
    const first = all[0]!;
    const go = releaseFor(first.file);
    const site: Site = { kind: first.kind, call: first.call, args: first.args, file: first.file, pkg, evaluations: all, interpreter, go };
    analyzed.push(site);
    if (!reportsIn(first.file)) continue;
    sites++;
    const clearing = removesFinalizer(first);
    const kept = clearing ? all : all.filter((e) => !undoneLater(e, undoings));
    startSearches();
    const results = checkSite(site, kept, clearing);
    // The rules' searches are work like the interpretation's: counted, and bounded for each call.
    const searched = searchesMade();
    stats.steps += Math.min(searched, searchBudget);
    if (searched > searchBudget) {
      notice(first.file.path, first.call, `analysis bounded here: checking the call reads more than ${searchBudget} references; the call is not checked beyond that`);
    }
    for (const { rule, report } of results) {
      reporter.add(rule, first.file.path, first.call, report.message, relatedLocations(reporter, [...report.related, ...wrapperChain(all)]), go, report.fix);
    }
  }
  for (const rule of packageRules) {
    for (const report of rule.checkPackage(pkg, analyzed, reportsIn)) {
      reporter.add(rule, report.file.path, report.node, report.message, relatedLocations(reporter, report.related), releaseFor(report.file), report.fix);
    }
  }
  stats.sites += sites;
  stats.steps += interpreter.stepsTaken + packageScanSteps(pkg) - scanStepsBefore + summarySteps();
}

/** The calls a wrapper call goes through down to runtime.SetFinalizer or AddCleanup, as related locations. */
function wrapperChain(evaluations: SiteEvaluation[]): RelatedNode[] {
  const wrapped = evaluations.find((e) => e.wrapped.length)?.wrapped ?? [];
  return wrapped.map((place, i) => ({
    node: place.call,
    file: place.file,
    message: `${i === wrapped.length - 1 ? 'passed on to the runtime' : 'passed on'}: ${firstLine(place.call.text)}`,
  }));
}

/** Related nodes as the reporter's locations, each place and message once. */
function relatedLocations(reporter: Reporter, nodes: RelatedNode[]): RelatedLocation[] {
  const related = nodes.map((r) => ({
    path: reporter.path(r.file.path),
    line: r.node.startPosition.row + 1,
    column: r.node.startPosition.column + 1,
    message: r.message,
  }));
  return firstOfEach(related, (r) => `${r.path}:${r.line}:${r.column}:${r.message}`);
}

/** The first item of each key, in order. */
function firstOfEach<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

const isTestFile = (path: string) => path.endsWith('_test.go');

/**
 * Whether the package's tests need analyzing: a test file names a call, or
 * calls one of the package's wrappers (`Track(h, fin)` where `Track` passes
 * its parameters on to runtime.SetFinalizer), whose site is then the test's.
 */
function testsMakeSites(tests: SourceFile[], library: GoPackage | undefined, scan: WrapperScan | undefined): boolean {
  if (tests.some((s) => s.hasCall)) return true;
  if (!library || !tests.length) return false;
  const wrappers = new Set(finalizerFunctions(library, scan).wrappers.map((f) => f.name));
  return wrappers.size > 0 && tests.some((s) => s.text !== undefined && callsAny(s, wrappers, callOrInstantiation));
}

/**
 * The build targets a directory needs so that every file with a call is
 * analyzed once with files it builds with, and its calls of another
 * package's wrappers also with the -tags that make the wrapper pass its
 * parameters on, when the target alone builds it as a no-op (`forWrappers`:
 * those targets, each with whether a test file's call needs it). Targets
 * with fewer build tags come first.
 */
function targetsFor(sources: SourceFile[], scan: WrapperScan | undefined): { targets: Tags[]; unbuildable: SourceFile[]; forWrappers: Map<string, boolean> } {
  const withCalls = sources.filter((s) => s.mayHoldSite);
  const targets: Tags[] = [];
  const unbuildable: SourceFile[] = [];
  for (const source of withCalls) {
    const fitting = targets.filter((target) => source.constraint!(target)).map((target) => buildTagsOf(target).length);
    if (fitting.includes(0)) continue;
    // A file that builds without -tags is analyzed so, even where another file's tagged target would build it.
    const tags = targetFor(basename(source.path), source.text!);
    const needed = tags ? buildTagsOf(tags).length : Infinity;
    if (fitting.some((count) => count <= needed)) continue;
    if (tags) targets.push(tags);
    else unbuildable.push(source);
  }
  const known = new Set(targets.map(tagsKey));
  // Targets added for wrappers, by their tags: whether a test file's call needs one.
  const forWrappers = new Map<string, boolean>();
  for (const target of [...targets]) {
    for (const source of withCalls) {
      if (!scan || !source.constraint!(target)) continue;
      for (const tags of scan.tagsForWrappers(source.text!, target)) {
        const tagged = new Set([...target, ...tags]);
        const key = tagsKey(tagged);
        if (known.has(key)) continue;
        if (!forWrappers.has(key)) targets.push(tagged);
        forWrappers.set(key, forWrappers.get(key) || isTestFile(source.path));
      }
    }
  }
  targets.sort((a, b) => buildTagsOf(a).length - buildTagsOf(b).length);
  return { targets, unbuildable, forWrappers };
}

/**
 * Analyzes a directory, or with `prefilterOnly` reads it only as far as the
 * prefilter and the result cache: a directory that ends there is done; one
 * that passes is left for the analysis, and the bytes of its files that may
 * call are returned (what its analysis will cost, roughly).
 */
async function analyzeDir(
  dir: PackageDir,
  reporter: Reporter,
  options: AnalyzeOptions,
  stats: AnalysisStats,
  modules: ModulePackages,
  cache: ResultCache | undefined,
  prefilterOnly: boolean,
): Promise<number | undefined> {
  const sources = dir.files.map(readSource);
  stats.bytes += sources.reduce((n, s) => n + s.bytes, 0);
  // A file that was not read may hold a call: it is named whatever the rest of the directory holds.
  for (const source of sources) if (source.unread) reporter.add(syntaxError, source.path, undefined, source.unread, []);
  const shortcuts = options.shortcuts ?? true;
  // The other packages of the module are read as the analysis asks for their names.
  const workspace = workspaceFor(dir.dir);
  const scan = workspace && modules.wrapperScan(workspace);
  // A file that calls a finalizer wrapper of another package of the module may call the runtime through it.
  for (const source of sources) {
    if (!source.buffer || !scan?.mayImport(source.buffer)) continue;
    decode(source);
    if (source.text === undefined) continue;
    if (scan.callsWrapper(source.text)) source.mentionsCall = source.hasCall = source.mayHoldSite = true;
    // Without shortcuts, any import of the module is followed: the prefilter above must never change a result.
    else if (!shortcuts && scan.importsOwnPackage(source.text)) source.mentionsCall = source.mayHoldSite = true;
  }
  const callsHere = sources.some((s) => s.mentionsCall);
  if (shortcuts && !callsHere) return undefined;
  // A directory with a file that could not be read (or decoded) is analyzed each time: what it holds is not known.
  const entry = cache && sources.every((s) => s.buffer || s.text !== undefined)
    ? cache.entry(dir, sources.map((s) => ({ path: s.path, content: s.buffer ?? s.text! })), workspace, scan, reporter.go.join('.'))
    : undefined;
  const cached = entry?.read();
  if (cached) {
    const { findings, stats: cachedStats } = unpackResult(cached as unknown as PackedResult);
    reporter.findings.push(...findings);
    for (const key of Object.keys(stats) as (keyof AnalysisStats)[]) stats[key] = (cachedStats[key] as number | undefined) ?? 0;
    return undefined;
  }
  // A cached result ends the prefilter too, so that only work left to do is spread over threads.
  if (prefilterOnly) return sources.reduce((n, s) => n + (s.mentionsCall ? s.bytes : 0), 0);
  sources.forEach(decode);
  for (const source of sources) if (source.text !== undefined) source.constraint = fileConstraint(basename(source.path), source.text);
  const parser = await goParser();
  const parsed = new Map<string, GoFile>();
  /** Constructs of newer Go the grammar does not know, by file: read as Go means them, and said so. */
  const newer = new Map<string, NewerConstruct>();
  const parse = (source: SourceFile): GoFile => {
    let file = parsed.get(source.path);
    if (!file) {
      const result = parseGo(parser, source.text!);
      if (!result) throw new Error(`the parser returned no tree for ${source.path}`);
      stats.parsedFiles++;
      if (result.newer) newer.set(source.path, result.newer);
      parsed.set(source.path, (file = readFileModel(source.path, source.text!, result.tree)));
    }
    return file;
  };
  if (!shortcuts) for (const source of sources) if (source.text !== undefined) parse(source);
  const packageClause = /^package[ \t]+(\w+)/m;
  const { targets, unbuildable, forWrappers } = targetsFor(sources, scan);
  const noticed = new Set<string>();
  const notice: Notice = (path, node, message) => {
    if (noticed.has(path)) return;
    noticed.add(path);
    reporter.add(syntaxError, path, node, message, []);
  };
  for (const source of unbuildable) notice(source.path, undefined, 'no build target tried satisfies this file\'s build constraints; not analyzed');
  // Files that cannot be read as Go source are named wherever a call may be, even in themselves.
  if (callsHere) for (const source of sources) if (source.unreadable) notice(source.path, undefined, source.unreadable);
  for (const source of sources) {
    const problem = source.hasCall ? buildLineProblem(source.text!) : undefined;
    if (problem) notice(source.path, undefined, problem);
  }
  const importPath = workspace && importPathOf(workspace, dir.dir);
  /** Analyzes one package from some of its files; only calls in files `reportsIn` accepts are reported. */
  /**
   * The release a file is analyzed for with these tags: the go directive's,
   * unless the file builds only with older releases (then the newest of
   * those) or only with newer ones (then the oldest of those).
   */
  const releaseFor = (tags: Tags) => {
    // Once per file: every site of the file asks the same.
    const releases = new Map<string, GoRelease>();
    const sourceOf = new Map(sources.map((s) => [s.path, s]));
    const read = (path: string): GoRelease => {
      const constraint = sourceOf.get(path)?.constraint;
      if (!constraint) return reporter.go;
      const { oldest, newest } = releasesBuilding(constraint, tags);
      if (!releaseAtLeast(newest, reporter.go)) return newest;
      return releaseAtLeast(reporter.go, oldest) ? reporter.go : oldest;
    };
    return (file: GoFile): GoRelease => {
      let release = releases.get(file.path);
      if (!release) releases.set(file.path, (release = read(file.path)));
      return release;
    };
  };
  const analyzeVariant = (name: string, group: SourceFile[], tags: Tags, reportsIn?: (file: GoFile) => boolean): GoPackage | undefined => {
    const withCalls = group.filter((s) => s.mayHoldSite);
    if (!withCalls.length) return undefined;
    // Files without a call are read only when the analysis looks up a name they may declare.
    const loadMore = pendingFiles(shortcuts ? group.filter((s) => !withCalls.includes(s)) : [], parse);
    for (const source of withCalls) {
      const file = parse(source);
      const construct = newer.get(file.path);
      if (!file.hasErrors && construct) {
        notice(
          file.path,
          construct.node,
          `${construct.construct} (${JSON.stringify(construct.node.text.slice(0, 30))}) is Go 1.26 syntax that this tool's parser (tree-sitter-go 0.25) does not know; ` +
            'it was read as Go 1.26 means it, and the whole file was analyzed',
        );
      }
      if (!file.hasErrors) continue;
      const error = firstError(file.tree.rootNode);
      const where = !error ? '' : error.isMissing ? `: missing ${error.type}` : error.text ? ` near ${JSON.stringify(error.text.slice(0, 30))}` : '';
      notice(file.path, error, `syntax error${where}; the file was analyzed as far as its parse tree allows`);
    }
    const eager = shortcuts ? withCalls : group;
    const pkg = buildPackage(dir.dir, name, eager.map(parse), loadMore);
    if (workspace) {
      // An external test package (package p_test) has an import path of its own.
      pkg.path = importPath && name.endsWith('_test') && group.every((s) => isTestFile(s.path)) ? `${importPath}_test` : importPath;
      pkg.imported = modules.resolver(workspace, tags);
      if (scan) pkg.mayWrap = (path) => scan.mayWrap(path);
    }
    analyzePackage(pkg, scan, reporter, notice, stats, releaseFor(tags), reportsIn);
    return pkg;
  };
  const packages = new Set<string>();
  const before = reporter.findings.length;
  for (const tags of targets) {
    const first = reporter.findings.length;
    const byPackage = new Map<string, SourceFile[]>();
    for (const source of sources) {
      if (source.text === undefined || !source.constraint!(tags)) continue;
      const name = packageClause.exec(source.text)?.[1] ?? '';
      byPackage.set(name, [...(byPackage.get(name) ?? []), source]);
    }
    // A file whose package clause cannot be read belongs with the others.
    const unnamed = byPackage.get('');
    if (unnamed && byPackage.size > 1) {
      byPackage.delete('');
      byPackage.values().next().value!.push(...unnamed);
    }
    for (const [name, packageFiles] of byPackage) {
      if (!packageFiles.some((s) => s.mayHoldSite)) continue;
      packages.add(name);
      // As go vet does: the package alone, so that findings in its own files come from its own code, then
      // with its test files, reporting only the calls in those; a test's package-level variable is never
      // blamed on the library.
      const tests = packageFiles.filter((s) => isTestFile(s.path));
      const library = analyzeVariant(name, packageFiles.filter((s) => !isTestFile(s.path)), tags);
      // A target added for the library's calls of a wrapper has no call in the tests to analyze.
      const forTests = forWrappers.get(tagsKey(tags)) ?? true;
      if (forTests && testsMakeSites(tests, library, scan)) analyzeVariant(name, packageFiles, tags, (file) => isTestFile(file.path));
    }
    // Targets without build tags come first, so a finding that needs no tag is reported as such, once.
    const chosen = buildTagsOf(tags);
    if (chosen.length) {
      for (const finding of reporter.findings.slice(first)) if (finding.ruleId !== syntaxError.id) finding.message += ` (when built with -tags ${chosen.join(',')})`;
    }
  }
  stats.packages += packages.size;
  const lines = new Map(sources.map((s) => [s.path, s.text?.split('\n') ?? []]));
  const added = reporter.findings.splice(before);
  // The same call analyzed for several targets is reported once.
  for (const finding of oncePerCall(added)) {
    if (finding.ruleId === syntaxError.id || !isSuppressed(finding, lines.get(join(options.root, finding.path)) ?? [])) reporter.findings.push(finding);
  }
  for (const file of parsed.values()) file.tree.delete();
  stats.modulePackages = modules.reached.size;
  entry?.write(packResult({ findings: reporter.findings, stats }));
  return undefined;
}

/** The first finding of each rule at each call. */
function oncePerCall(findings: Finding[]): Finding[] {
  return firstOfEach(findings, (f) => `${f.ruleId}:${f.path}:${f.line}:${f.column}`);
}

function emptyStats(): AnalysisStats {
  return { packages: 0, files: 0, parsedFiles: 0, bytes: 0, sites: 0, steps: 0, modulePackages: 0 };
}

/** The result cache of a run on this thread (a worker receives the run's options once). */
const runCaches = new WeakMap<AnalyzeOptions, ResultCache | undefined>();

function resultCacheFor(options: AnalyzeOptions): ResultCache | undefined {
  if (runCaches.has(options)) return runCaches.get(options);
  const { cacheDir, ...rest } = options;
  // Every option but where the cache is, in a fixed order; the release advice is given for is the reporter's, from go.mod or goVersion.
  const key = JSON.stringify(Object.keys(rest).sort(byCodePoint).map((k) => [k, rest[k as keyof typeof rest]]));
  const cache = cacheDir ? new ResultCache(resolve(cacheDir), key) : undefined;
  runCaches.set(options, cache);
  return cache;
}

/** The module's packages a worker thread reads, one set for the run (a worker receives the run's options once). */
const threadModules = new WeakMap<AnalyzeOptions, ModulePackages>();

async function modulePackages(options: AnalyzeOptions): Promise<ModulePackages> {
  return new ModulePackages(await goParser(), options.shortcuts ?? true, maxInlineDepth);
}

/** Analyzes the packages of one directory; worker threads run this too, sharing the module's packages over a run. */
export async function analyzeDirectory(dir: PackageDir, options: AnalyzeOptions, modules?: ModulePackages): Promise<AnalysisResult> {
  return (await readDirectory(dir, options, modules, false)).result;
}

/**
 * A directory's result, or with `prefilterOnly`, when the directory passes
 * the prefilter, no result but the bytes of its files that may call.
 */
async function readDirectory(dir: PackageDir, options: AnalyzeOptions, modules: ModulePackages | undefined, prefilterOnly: boolean): Promise<{ result: AnalysisResult; passing?: number }> {
  if (!modules) {
    modules = threadModules.get(options) ?? (await modulePackages(options));
    threadModules.set(options, modules);
  }
  const stats = emptyStats();
  stats.files = dir.files.length;
  // Code whose module names no release is analyzed for the newest.
  const reporter = new Reporter(options, parseGoRelease(options.goVersion ?? goVersionFor(dir.dir)) ?? newestGo);
  modules.reached.clear();
  let passing: number | undefined;
  try {
    passing = await analyzeDir(dir, reporter, options, stats, modules, resultCacheFor(options), prefilterOnly);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    // A file system error (EACCES, EISDIR, ...) is the user's to fix; anything else is ours.
    const code = (error as NodeJS.ErrnoException).code;
    if (code && !code.startsWith('ERR_')) throw new UsageError(`${reporter.path(dir.dir) || '.'}: ${(error as Error).message}`);
    throw error;
  }
  return { result: { findings: reporter.findings, stats }, passing };
}

/** A directory's result as it crosses between threads: each remediation text once, not once per finding. */
export interface PackedResult {
  findings: (Omit<Finding, 'remediation'> & { remediation: number })[];
  remediations: string[];
  stats: AnalysisStats;
}

export function packResult({ findings, stats }: AnalysisResult): PackedResult {
  const index = new Map<string, number>();
  const packed = findings.map((f) => {
    let at = index.get(f.remediation);
    if (at === undefined) index.set(f.remediation, (at = index.size));
    return { ...f, remediation: at };
  });
  return { findings: packed, remediations: [...index.keys()], stats };
}

/** The findings of a packed result, sharing its remediation texts again. */
export function unpackResult({ findings, remediations, stats }: PackedResult): AnalysisResult {
  return { findings: findings.map((f) => ({ ...f, remediation: remediations[f.remediation]! })), stats };
}

/**
 * The packages below root, other than the `changed` directories, that may
 * set a finalizer or cleanup (they name one, or import a wrapper of one) and
 * import a changed package, directly or through other packages of their
 * module: a change there (a new field, a store) can close a cycle for their
 * call. Read from text alone, so a superset; sorted.
 */
export async function dependentPackages(changed: string[], root: string): Promise<string[]> {
  const targets = new Set(changed.map((dir) => resolve(root, dir)));
  const modules = await modulePackages({ root });
  const texts = (dir: string) => goFilesIn(dir).map(readGoText).filter((text): text is string => text !== undefined);
  const reaching = new Map<string, boolean>();
  // Whether the package in dir imports a changed one, at any depth; Go has no import cycles, broken code that has one ends here.
  const reaches = (dir: string, scan: WrapperScan): boolean => {
    const known = reaching.get(dir);
    if (known !== undefined) return known;
    reaching.set(dir, false);
    const imported = texts(dir).flatMap((text) => scan.importedDirs(text));
    const found = imported.some((d) => targets.has(d)) || imported.some((d) => reaches(d, scan));
    reaching.set(dir, found);
    return found;
  };
  const dependents: string[] = [];
  try {
    for (const { dir } of discoverPackages(['...'], root).dirs) {
      const workspace = targets.has(dir) ? undefined : workspaceFor(dir);
      if (!workspace) continue;
      const scan = modules.wrapperScan(workspace);
      if (texts(dir).some((text) => callPattern.test(text) || scan.callsWrapper(text)) && reaches(dir, scan)) dependents.push(dir);
    }
  } finally {
    modules.dispose();
  }
  return dependents;
}

/**
 * Analyzes Go packages named by patterns: a .go file (its package), a
 * directory (its package), or DIR/... (every package below, as the go tool
 * walks it). Throws UsageError for a pattern that names nothing readable.
 */
export async function analyze(patterns: string[], options: AnalyzeOptions): Promise<Analysis> {
  const { dirs, skipped } = discoverPackages(patterns, options.root);
  const results: AnalysisResult[] = new Array(dirs.length);
  const modules = await modulePackages(options);
  // Threads are a shortcut: with shortcuts off, everything runs here. Otherwise every directory is read and
  // prefiltered here first: most end there, and the work that passes is queued for the threads, which start on it
  // while this one reads on, as soon as it pays for them.
  const pool = threadPool({ options }, (dir: PackageDir) => analyzeDirectory(dir, options, modules), unpackResult);
  try {
    const passing: number[] = [];
    let filesLeft = dirs.reduce((sum, dir) => sum + dir.files.length, 0);
    for (const [index, dir] of dirs.entries()) {
      filesLeft -= dir.files.length;
      if (options.shortcuts === false) {
        results[index] = await analyzeDirectory(dir, options, modules);
        continue;
      }
      const read = await readDirectory(dir, options, modules, true);
      if (read.passing === undefined) results[index] = read.result;
      else {
        passing.push(index);
        pool.add(dir, read.passing, filesLeft);
      }
    }
    const analyzed = await pool.results();
    passing.forEach((index, i) => (results[index] = analyzed[i]!));
  } finally {
    await pool.dispose();
    modules.dispose();
  }
  const stats = emptyStats();
  const findings: Finding[] = [];
  for (const result of results) {
    findings.push(...result.findings);
    for (const key of Object.keys(stats) as (keyof AnalysisStats)[]) stats[key] += result.stats[key];
  }
  findings.sort(compareByPlace);
  // A call in another package of the module, reached from several packages analyzed, is reported once.
  return { findings: oncePerCall(findings), stats, skipped };
}
