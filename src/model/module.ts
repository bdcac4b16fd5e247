// The other packages of the module a package is analyzed in. A package is
// opened when the analysis first asks for a name it may declare (a type, a
// function, a method set, a field's type), each of its files is parsed only
// when a lookup needs a name that file may declare, and the model is then
// shared by every package this thread analyzes in the run. Lazy answers are
// the answers of a full read, so results never depend on what was asked
// first, nor on the thread.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileConstraint, tagsKey, tagsToBuild, type Tags } from '../discover/constraints.js';
import { packageDir, sourcePrefixes, vendoredPrefixes, within, type Workspace } from '../discover/gomod.js';
import { goFilesIn } from '../discover/sources.js';
import type { Tree } from '../parse/parser.js';
import { buildPackage, pendingFiles, readFileModel, type GoFile, type GoPackage } from './package.js';

/** What parses a file: the thread's one tree-sitter parser. */
export interface TreeParser {
  parse(text: string): Tree | null;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const packageClause = /^package[ \t]+(\w+)/m;
/** A Go interpreted string on one line, as an import path is written. */
const quotedString = /"([^"\\\n]+)"/g;

/** Go text of a file, or undefined when it cannot be Go source (binary, not UTF-8, unreadable). */
export function readGoText(path: string): string | undefined {
  try {
    const bytes = readFileSync(path);
    return bytes.includes(0) ? undefined : utf8.decode(bytes);
  } catch {
    return undefined;
  }
}

/** A Go identifier, as the wrapper prefilter reads one from text. */
const identifier = String.raw`[\p{L}_][\p{L}\p{N}_]*`;
/** Type arguments on one line, as `Track[*T, int]` writes them. */
const typeArguments = String.raw`(?:\s*\[[^;{}\n]{0,200}?\])?`;
/** One argument that is a name, maybe in parentheses (`nil` is never a parameter). */
const nameArgument = String.raw`(?:\(\s*)*(?!nil\b)${identifier}(?![\p{L}\p{N}_])(?:\s*\))*\s*`;
/**
 * The arguments of a call that passes names on as they came, as a wrapper
 * passes its parameters (`(obj, fin)`). Each run of spaces has one place in
 * the pattern, so a call that fails to match late (many names, then an
 * expression) costs linear time, not a search over how the spaces split.
 */
const namesOnly = String.raw`\s*\(\s*${nameArgument}(?:,\s*${nameArgument})*(?:,\s*)?\)`;
/** A call of the runtime's functions that passes names on. */
const hookForwarding = new RegExp(String.raw`\b(?:SetFinalizer|AddCleanup)${typeArguments}${namesOnly}`, 'u');
/** The runtime's function as a value (`var setFinalizer = runtime.SetFinalizer`): calls of that value may pass names on. */
const hookValue = /\.\s*(?:SetFinalizer|AddCleanup)\b(?!\s*\()/;
/** A comment on a line of its own. */
const lineComment = /^[ \t]*\/\/.*$/gm;
/** Whether the text names the runtime's functions at all: a quick test before the patterns. */
const mentionsHook = (text: string) => text.includes('SetFinalizer') || text.includes('AddCleanup');
/** Whether the text names the runtime's functions as values. */
const namesHookAsValue = (text: string) => mentionsHook(text) && hookValue.test(text);
/** Whether a file's text passes names on to the runtime's functions itself. */
const forwardsItself = (text: string) => (mentionsHook(text) && hookForwarding.test(text)) || namesHookAsValue(text);
/** Where a file's imports end: its first other declaration. */
const firstDeclaration = /^(?:func|type|var|const)\b/m;
/** A file's text up to its first declaration: its package clause and imports. */
function importsOf(text: string): string {
  const end = text.search(firstDeclaration);
  return end < 0 ? text : text.slice(0, end);
}
/** The name an import path is imported under, written before it on its line (`leak "example.com/app/leak"`, `. "..."`). */
const importName = new RegExp(String.raw`(?:^|[\s(;])(${identifier}|\.)[ \t]+$`, 'u');

/** What the text of one package of the workspace says about its finalizer wrappers. */
interface WrapperText {
  /** The names under which importers call its functions unless they rename it: its package clauses. */
  packageNames: Set<string>;
  /** The exported functions that may be wrappers: those with parameters. */
  functions: Set<string>;
  /** The same of its methods, called on a value rather than through the package's name. */
  methods: Set<string>;
}

/** A package's text, read once: its files, and whether they pass names on to the runtime themselves. */
interface PackageText {
  texts: string[];
  /** The file of each text, by name. */
  names: string[];
  forwardsToRuntime: boolean;
  /** The indexes of the texts whose code, comments aside, passes names on to the runtime or to a wrapper (see tagsForWrappers). */
  forwardingTexts?: number[];
  /** What wrappersIn reads of the texts at any depth, read once. */
  declared?: DeclaredText;
}

/** What a package's texts declare, whatever the depth its wrappers are looked for at. */
interface DeclaredText {
  packageNames: Set<string>;
  functions: FunctionText[];
  /** Whether a text names the runtime's functions as a value, which makes every function with parameters a candidate. */
  anyFunction: boolean;
  /** The functions that call the runtime's functions with names only. */
  forwarding: Set<FunctionText>;
  /** For the functions asked so far, the names each calls with names only for arguments. */
  calledNames: Map<FunctionText, Set<string>>;
}

/**
 * What the text of a workspace's packages says about finalizer wrappers, with
 * no parse: which packages may pass their parameters on to
 * runtime.SetFinalizer or AddCleanup, because their files call one with
 * names only (or name one as a value), or call so a function or method that
 * may be a wrapper of a package of the workspace they import, at most
 * `levels` packages down; and which of their functions and methods other
 * packages may call as wrappers. A superset of the wrappers: the parsed code
 * decides. A wrapper method is looked for where the file imports its
 * package.
 */
export class WrapperScan {
  private readonly prefixes: string[];
  /** The quoted prefixes, as bytes to look for before a file is decoded. */
  private readonly quotedPrefixes: Buffer[];
  /** By depth, then import path (every file of a tree asks about each of its imports). */
  private readonly wrappersAt: Map<string, WrapperText | undefined>[] = [];
  private readonly packageTexts = new Map<string, PackageText>();
  /** By qualifier and kind: the calls through that qualifier, as patterns made once. */
  private readonly callPatterns = new Map<string, RegExp>();

  constructor(
    private readonly workspace: Workspace,
    private readonly levels: number,
    /** Without shortcuts: every package of the workspace may wrap, so that the parsed code alone decides. */
    private readonly everyPackageMayWrap = false,
  ) {
    // Vendored packages are read from vendor/, as the build reads them.
    this.prefixes = [...sourcePrefixes(workspace), ...vendoredPrefixes(workspace)];
    this.quotedPrefixes = this.prefixes.map((p) => Buffer.from(`"${p}`));
  }

  /** Whether a file's bytes may import a package of the workspace's own source (or vendor/) at all. */
  mayImport(bytes: Buffer): boolean {
    return this.quotedPrefixes.some((quoted) => bytes.includes(quoted));
  }

  /** Whether Go text calls a function that may be a wrapper of a package of the workspace it imports, under the name it imports it by. */
  callsWrapper(text: string, levels = this.levels): boolean {
    return this.callsImported(text, levels, false);
  }

  /** Whether Go text imports a package of the workspace's own source. */
  importsOwnPackage(text: string): boolean {
    return this.importedDirs(text).length > 0;
  }

  /** The directories of the workspace's own packages that Go text names in quotes: its imports of them, and maybe more. */
  importedDirs(text: string): string[] {
    const dirs: string[] = [];
    for (const [, path] of text.matchAll(quotedString)) {
      const dir = this.inSource(path!) ? packageDir(this.workspace, path!) : undefined;
      if (dir) dirs.push(dir);
    }
    return dirs;
  }

  private inSource(importPath: string): boolean {
    return this.prefixes.some((prefix) => within(importPath, prefix));
  }

  /** Whether the package at an import path may pass its parameters on to the runtime, itself or through packages it imports. */
  mayWrap(importPath: string, levels = this.levels): boolean {
    if (this.everyPackageMayWrap) return this.inSource(importPath);
    return this.wrapperText(importPath, levels) !== undefined;
  }

  /**
   * Whether the text calls a function that may be a wrapper of a package it
   * imports, qualified by the name it imports it under (bare for a dot
   * import); `forwarding`: a call that passes names on.
   */
  private callsImported(text: string, levels: number, forwarding: boolean, imports?: string): boolean {
    return !this.calledWrapperPackages(text, levels, forwarding, imports).next().done;
  }

  /**
   * The import paths of the packages whose wrappers the text may call, as
   * callsImported tells them (each may come more than once); `imports`: those
   * of the file the text is part of.
   */
  private *calledWrapperPackages(code: string, levels: number, forwarding: boolean, imports?: string): Generator<string> {
    if (levels <= 0) return;
    imports ??= importsOf(code);
    for (const match of imports.matchAll(quotedString)) {
      const path = match[1]!;
      const wrappers = this.inSource(path) ? this.wrapperText(path, levels) : undefined;
      if (!wrappers) continue;
      const alias = importName.exec(imports.slice(imports.lastIndexOf('\n', match.index) + 1, match.index))?.[1];
      if (alias === '_') continue;
      const qualifiers = alias === '.' ? [''] : alias && alias !== 'import' ? [alias] : [...wrappers.packageNames];
      const called = () => {
        for (const qualifier of qualifiers) {
          if (!code.includes(qualifier)) continue;
          for (const [, name] of code.matchAll(this.callPattern(qualifier, forwarding))) if (wrappers.functions.has(name!)) return true;
        }
        if (wrappers.methods.size) for (const [, name] of code.matchAll(this.callPattern('.', forwarding))) if (wrappers.methods.has(name!)) return true;
        return false;
      };
      if (called()) yield path;
    }
  }

  /**
   * The build configurations, beyond the target, in which the wrappers Go
   * text calls pass their parameters on: for each package of the workspace
   * it calls wrappers of and none of whose forwarding files builds for the
   * target, the fewest -tags that build one of them (`invariants` for a
   * wrapper that is a no-op unless built with -tags invariants), each set
   * once. A file that passes names on to another package's wrapper counts as
   * forwarding; the tags that package needs in turn are not followed.
   */
  tagsForWrappers(text: string, target: Tags): string[][] {
    const found = new Map<string, string[]>();
    for (const path of new Set(this.calledWrapperPackages(text, this.levels, false))) {
      const pkg = this.packageText(path);
      // Comments name the runtime's functions too ("a wrapper around runtime.SetFinalizer"): a no-op's file is not forwarding.
      pkg.forwardingTexts ??= pkg.texts.flatMap((t, i) => {
        const code = t.replace(lineComment, '');
        return forwardsItself(code) || this.callsImported(code, this.levels - 1, true) ? [i] : [];
      });
      const needs = pkg.forwardingTexts.map((i) => tagsToBuild(pkg.names[i]!, pkg.texts[i]!, target));
      // A wrapper that forwards in the target's own build needs nothing more.
      if (needs.some((tags) => tags?.length === 0)) continue;
      for (const tags of needs) if (tags) found.set(tags.join(','), tags);
    }
    return [...found.values()];
  }

  /**
   * `q.Name(`, or `Name(` for the empty qualifier, or `.Name(` on any value
   * for the qualifier ".", capturing Name; `forwarding`: only with names for
   * arguments.
   */
  private callPattern(qualifier: string, forwarding: boolean): RegExp {
    const key = `${forwarding} ${qualifier}`;
    let pattern = this.callPatterns.get(key);
    if (!pattern) {
      const before =
        qualifier === '.' ? String.raw`\.\s*` : qualifier ? String.raw`(?<![\p{L}\p{N}_])${qualifier}\s*\.\s*` : String.raw`(?<![\p{L}\p{N}_.])`;
      pattern = new RegExp(String.raw`${before}(${identifier})${typeArguments}${forwarding ? namesOnly : String.raw`\s*\(`}`, 'gu');
      this.callPatterns.set(key, pattern);
    }
    return pattern;
  }

  /** What the package at an import path says about its wrappers, when it may have some `levels` packages down. */
  private wrapperText(importPath: string, levels: number): WrapperText | undefined {
    if (levels <= 0) return undefined;
    const known = (this.wrappersAt[levels] ??= new Map());
    if (known.has(importPath)) return known.get(importPath);
    // Go has no import cycles; broken code that has one ends here.
    known.set(importPath, undefined);
    const text = this.packageText(importPath);
    const candidates = text.forwardsToRuntime || text.texts.some((t) => this.callsImported(t, levels - 1, true)) ? this.wrappersIn(text, levels) : undefined;
    // A package none of whose functions other packages call may pass names on has no wrappers for them.
    const found = candidates && (candidates.functions.size || candidates.methods.size) ? candidates : undefined;
    known.set(importPath, found);
    return found;
  }

  private packageText(importPath: string): PackageText {
    let text = this.packageTexts.get(importPath);
    if (text) return text;
    const dir = packageDir(this.workspace, importPath);
    const texts: string[] = [];
    const names: string[] = [];
    for (const path of dir ? goFilesIn(dir).filter((p) => !p.endsWith('_test.go')) : []) {
      const t = readGoText(path);
      if (t === undefined) continue;
      texts.push(t);
      names.push(basename(path));
    }
    text = { texts, names, forwardsToRuntime: texts.some(forwardsItself) };
    this.packageTexts.set(importPath, text);
    return text;
  }

  /**
   * The functions and methods of a package that may pass their parameters on:
   * those whose text calls the runtime's functions with names only, or so
   * calls a wrapper of a package it imports (`levels` down), or so calls
   * another of the package's own that may (a function named as a value, or a
   * field that holds one, makes every function with parameters a candidate).
   */
  private wrappersIn(text: PackageText, levels: number): WrapperText {
    const declared = (text.declared ??= this.declaredIn(text));
    const { functions, anyFunction, forwarding, calledNames } = declared;
    const mayForward = new Set(functions.filter((f) => anyFunction || forwarding.has(f) || this.callsImported(f.code, levels - 1, true, f.imports)));
    // The callers that pass names on to those, and theirs, until no more are found.
    if (mayForward.size && mayForward.size < functions.length) {
      const callers = new Map<string, FunctionText[]>();
      for (const f of functions) {
        if (mayForward.has(f)) continue;
        let called = calledNames.get(f);
        if (!called) calledNames.set(f, (called = this.namesCalledWithNames(f.code)));
        for (const name of called) {
          const list = callers.get(name);
          if (list) list.push(f);
          else callers.set(name, [f]);
        }
      }
      const todo = [...mayForward];
      for (let f = todo.pop(); f; f = todo.pop()) {
        for (const caller of callers.get(f.name) ?? []) {
          if (mayForward.has(caller)) continue;
          mayForward.add(caller);
          todo.push(caller);
        }
      }
    }
    const wrappers: WrapperText = { packageNames: declared.packageNames, functions: new Set(), methods: new Set() };
    for (const f of mayForward) if (f.exported && f.hasParameters) (f.method ? wrappers.methods : wrappers.functions).add(f.name);
    return wrappers;
  }

  private declaredIn(text: PackageText): DeclaredText {
    const packageNames = new Set<string>();
    for (const t of text.texts) {
      const name = packageClause.exec(t)?.[1];
      if (name) packageNames.add(name);
    }
    const functions = text.texts.flatMap((t) => topLevelFunctions(t));
    const forwarding = new Set(functions.filter((f) => forwardsItself(f.code)));
    return { packageNames, functions, anyFunction: text.texts.some(namesHookAsValue), forwarding, calledNames: new Map() };
  }

  /** The names code calls, bare or after a dot, with names only for arguments. */
  private namesCalledWithNames(code: string): Set<string> {
    const names = new Set<string>();
    for (const qualifier of ['', '.']) for (const [, name] of code.matchAll(this.callPattern(qualifier, true))) names.add(name!);
    return names;
  }
}

/** A function or method declared at the top level of Go text, as the text shows it (see topLevelFunctions). */
interface FunctionText {
  name: string;
  method: boolean;
  exported: boolean;
  hasParameters: boolean;
  /** Its text, up to the next declaration that starts a line. */
  code: string;
  /** The file's imports. */
  imports: string;
}

/** Where a function declaration starts a line, as gofmt writes it. */
const functionStart = /^func\b/gm;
/** The head of a function or method declaration: `func Name(`, `func Name[`, `func (r *T[K]) Name(`. */
const functionHead = new RegExp(String.raw`func\s*(\((?:[^()]|\([^()]*\))*\)\s*)?(${identifier})\s*(?:\[|\((\s*\))?)`, 'uy');

/**
 * The functions and methods declared in Go text, each with the text up to
 * the next one that starts a line: its body, and maybe declarations of other
 * kinds after it (more text only makes more candidates). A `func` that starts
 * a line but names nothing (a function literal, where the code is not
 * gofmt'd) belongs to the function before it.
 */
function topLevelFunctions(text: string): FunctionText[] {
  const starts = [...text.matchAll(functionStart)].map((m) => m.index);
  const imports = importsOf(text);
  const functions: FunctionText[] = [];
  for (let i = 0; i < starts.length; i++) {
    const code = text.slice(starts[i]!, starts[i + 1] ?? text.length);
    functionHead.lastIndex = 0;
    const head = functionHead.exec(code);
    const previous = functions[functions.length - 1];
    if (!head) {
      if (previous) previous.code += code;
      continue;
    }
    const name = head[2]!;
    functions.push({ name, method: !!head[1], exported: /^\p{Lu}/u.test(name), hasParameters: head[3] === undefined, code, imports });
  }
  return functions;
}

export class ModulePackages {
  /** One resolver per workspace and build target, each with the packages it opened (undefined for paths outside the workspace). */
  private readonly resolvers = new Map<Workspace, Map<string, (importPath: string) => GoPackage | undefined>>();
  private readonly trees: Tree[] = [];
  /** Files of other packages parsed so far. */
  parsedFiles = 0;
  /** The import paths of the packages found since the caller last cleared it. */
  readonly reached = new Set<string>();

  private readonly scans = new Map<Workspace, WrapperScan>();

  /**
   * `lazy`: files are parsed only when a lookup needs them; off, every file
   * of a package opened is parsed at once. `wrapperLevels`: how many
   * packages down each workspace's WrapperScan follows wrappers of wrappers.
   */
  constructor(
    private readonly parser: TreeParser,
    private readonly lazy: boolean,
    private readonly wrapperLevels: number,
  ) {}

  /** The workspace's WrapperScan, one for the run. */
  wrapperScan(workspace: Workspace): WrapperScan {
    let scan = this.scans.get(workspace);
    if (!scan) this.scans.set(workspace, (scan = new WrapperScan(workspace, this.wrapperLevels, !this.lazy)));
    return scan;
  }

  /**
   * What finds the packages of a workspace by import path, their files
   * chosen for the build target `tags` (no test files): undefined for
   * packages outside it (the standard library, modules only the network has).
   */
  resolver(workspace: Workspace, tags: Tags): (importPath: string) => GoPackage | undefined {
    let byTarget = this.resolvers.get(workspace);
    if (!byTarget) this.resolvers.set(workspace, (byTarget = new Map()));
    const target = tagsKey(tags);
    let resolve = byTarget.get(target);
    if (resolve) return resolve;
    const known = new Map<string, GoPackage | undefined>();
    resolve = (importPath) => {
      if (known.has(importPath)) {
        const pkg = known.get(importPath);
        if (pkg) this.reached.add(importPath);
        return pkg;
      }
      // Set first: a package asked for again while it is being opened is not followed twice.
      known.set(importPath, undefined);
      const dir = packageDir(workspace, importPath);
      const pkg = dir ? this.open(dir, importPath, tags, resolve!) : undefined;
      known.set(importPath, pkg);
      if (pkg) this.reached.add(importPath);
      return pkg;
    };
    byTarget.set(target, resolve);
    return resolve;
  }

  private open(dir: string, importPath: string, tags: Tags, imported: (path: string) => GoPackage | undefined): GoPackage | undefined {
    const sources: { path: string; text: string; name: string }[] = [];
    for (const path of goFilesIn(dir)) {
      if (path.endsWith('_test.go')) continue;
      const text = readGoText(path);
      if (text === undefined || !fileConstraint(basename(path), text)(tags)) continue;
      sources.push({ path, text, name: packageClause.exec(text)?.[1] ?? '' });
    }
    // The files of one directory name one package; the first file's name decides.
    const name = sources.find((s) => s.name)?.name;
    if (!name) return undefined;
    const parse = (source: { path: string; text: string }): GoFile => {
      const tree = this.parser.parse(source.text);
      if (!tree) throw new Error(`the parser returned no tree for ${source.path}`);
      this.trees.push(tree);
      this.parsedFiles++;
      return readFileModel(source.path, source.text, tree, importPath);
    };
    const own = sources.filter((s) => s.name === name);
    const loadMore = pendingFiles(this.lazy ? own : [], parse);
    const pkg = buildPackage(dir, name, this.lazy ? [] : own.map(parse), loadMore);
    pkg.path = importPath;
    pkg.imported = imported;
    return pkg;
  }

  /** Frees the parse trees of every package opened. */
  dispose(): void {
    for (const tree of this.trees.splice(0)) tree.delete();
    this.resolvers.clear();
    this.scans.clear();
  }
}
