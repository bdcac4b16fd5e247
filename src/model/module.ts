// The other packages of the module a package is analyzed in. A package is
// opened when the analysis first asks for a name it may declare (a type, a
// function, a method set, a field's type), each of its files is parsed only
// when a lookup needs a name that file may declare, and the model is then
// shared by every package this thread analyzes in the run. Lazy answers are
// the answers of a full read, so results never depend on what was asked
// first, nor on the thread.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileConstraint, type Tags } from '../discover/constraints.js';
import { packageDir, sourcePrefixes, within, type Workspace } from '../discover/gomod.js';
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

/**
 * What the text of a workspace's packages says about finalizer wrappers, with
 * no parse: whether a package may pass its parameters on to
 * runtime.SetFinalizer or AddCleanup, because its files name one or import a
 * package of the workspace that may, at most `levels` packages down. A
 * superset of the wrappers: the parsed code decides. Vendored packages are
 * not looked at.
 */
export class WrapperScan {
  private readonly prefixes: string[];
  /** The quoted prefixes, as bytes to look for before a file is decoded. */
  private readonly quotedPrefixes: Buffer[];
  private readonly mayWrapAt = new Map<string, boolean>();

  constructor(
    private readonly workspace: Workspace,
    /** Whether Go text names SetFinalizer or AddCleanup. */
    private readonly mentionsHook: (text: string) => boolean,
    private readonly levels: number,
  ) {
    this.prefixes = sourcePrefixes(workspace);
    this.quotedPrefixes = this.prefixes.map((p) => Buffer.from(`"${p}`));
  }

  /** Whether a file's bytes may import a package of the workspace's own source at all. */
  mayImport(bytes: Buffer): boolean {
    return this.quotedPrefixes.some((quoted) => bytes.includes(quoted));
  }

  /** Whether Go text imports a package that may pass its parameters on to the runtime. */
  importsWrappers(text: string, levels = this.levels): boolean {
    if (levels <= 0) return false;
    for (const [, path] of text.matchAll(quotedString)) if (this.mayWrap(path!, levels)) return true;
    return false;
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
    if (!this.inSource(importPath)) return false;
    const key = `${levels} ${importPath}`;
    const known = this.mayWrapAt.get(key);
    if (known !== undefined) return known;
    // Go has no import cycles; broken code that has one ends here.
    this.mayWrapAt.set(key, false);
    const dir = packageDir(this.workspace, importPath);
    const texts = dir ? goFilesIn(dir).filter((path) => !path.endsWith('_test.go')).map(readGoText) : [];
    const may = texts.some((text) => text !== undefined && (this.mentionsHook(text) || this.importsWrappers(text, levels - 1)));
    this.mayWrapAt.set(key, may);
    return may;
  }
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
   * of a package opened is parsed at once. `mentionsHook` and
   * `wrapperLevels` shape each workspace's WrapperScan.
   */
  constructor(
    private readonly parser: TreeParser,
    private readonly lazy: boolean,
    private readonly mentionsHook: (text: string) => boolean,
    private readonly wrapperLevels: number,
  ) {}

  /** The workspace's WrapperScan, one for the run. */
  wrapperScan(workspace: Workspace): WrapperScan {
    let scan = this.scans.get(workspace);
    if (!scan) this.scans.set(workspace, (scan = new WrapperScan(workspace, this.mentionsHook, this.wrapperLevels)));
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
    const target = [...tags].sort().join(',');
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
