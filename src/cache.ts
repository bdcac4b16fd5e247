// The result cache: a package directory's findings and stats, stored under a
// fingerprint of everything its analysis can read (its own files, the files
// of every package of the module it imports, directly or not, and the module
// files that map import paths to directories), the tool's build, the
// options and the Go release advice is given for. An entry is used only when
// its fingerprint, build and checksum all match and its shape is sound:
// a corrupted, truncated or foreign entry is analyzed again, never trusted.
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import type { Workspace } from './discover/gomod.js';
import { goFilesIn, type PackageDir } from './discover/sources.js';
import type { WrapperScan } from './model/module.js';
import { byCodePoint } from './order.js';
import { workerFile } from './threads.js';
import { version } from './version.js';

/** Bumped when the entry's layout changes. */
const entryFormat = 1;

/** Where entries go unless told otherwise: the user's cache directory, as XDG names it. */
export function defaultCacheDir(): string {
  return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'finalizer-guard', 'results');
}

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

let build: string | undefined;

/**
 * The build that analyzes: the version alone would trust, after an engine
 * change, results of the build before it. The worker bundle holds the whole
 * engine and sits next to every entry (dist/); from sources there is none.
 */
function buildId(): string {
  if (build === undefined) {
    const engine = readOrUndefined(workerFile);
    build = `${version} ${engine ? sha256(engine) : 'sources'}`;
  }
  return build;
}

/** What an entry holds: a directory's packed result (see engine.ts), whatever its shape. */
export type CachedResult = { findings: unknown[]; remediations: unknown[]; stats: object };

/** One directory's place in the cache, with the fingerprint its entry must carry. */
export interface CacheEntry {
  read(): CachedResult | undefined;
  write(result: CachedResult): void;
}

/** The cache of one run (each thread has its own): file hashes are taken once per run, as files do not change during it. */
export class ResultCache {
  private readonly fileHashes = new Map<string, string>();
  /** Per package directory of the module: its files' hashes and the directories its files name as imports. */
  private readonly packages = new Map<string, { files: [string, string][]; imports: string[] }>();

  /** `key`: the options and release the result depends on, as text. */
  constructor(
    private readonly dir: string,
    private readonly key: string,
  ) {}

  /**
   * The entry of a directory whose own files are `own` (every .go file of
   * the directory, as bytes or as the text decoded from them), in `workspace`, whose imports
   * `scan` finds, analyzed with advice for Go `release`.
   */
  entry(dir: PackageDir, own: { path: string; content: Buffer | string }[], workspace: Workspace | undefined, scan: WrapperScan | undefined, release: string): CacheEntry {
    const fingerprint = sha256(JSON.stringify({ key: this.key, release, own: own.map((f) => [f.path, sha256(f.content)]), ...this.moduleInputs(own, workspace, scan) }));
    const path = join(this.dir, `${sha256(`${this.key}\n${dir.dir}`).slice(0, 40)}.json`);
    return { read: () => this.read(path, fingerprint), write: (result) => this.write(path, fingerprint, result) };
  }

  /** The module's files the analysis may read: its go.mod, go.work and vendor list, and the packages imported at any depth. */
  private moduleInputs(own: { content: Buffer | string }[], workspace: Workspace | undefined, scan: WrapperScan | undefined) {
    if (!workspace || !scan) return { module: [], packages: [] };
    const moduleFiles = [workspace.workFile, ...workspace.modules.flatMap((m) => [join(m.dir, 'go.mod'), join(m.dir, 'vendor', 'modules.txt')])];
    const module = moduleFiles.filter((f): f is string => !!f).map((f) => [f, this.hashOf(f)]);
    // Which directory an import names can change with the tree (a new directory, a nested go.mod): the names resolved are part of it.
    const seen = new Set<string>();
    const todo = own.flatMap((f) => scan.importedDirs(f.content.toString()));
    while (todo.length) {
      const dir = todo.pop()!;
      if (seen.has(dir)) continue;
      seen.add(dir);
      todo.push(...this.packageAt(dir, scan).imports);
    }
    const packages = [...seen].sort(byCodePoint).map((dir) => [dir, this.packageAt(dir, scan).files]);
    return { module, env: process.env.GOWORK ?? null, packages };
  }

  /** A package's non-test files (what the analysis reads of another package) and the directories they import. */
  private packageAt(dir: string, scan: WrapperScan): { files: [string, string][]; imports: string[] } {
    let known = this.packages.get(dir);
    if (known) return known;
    const files: [string, string][] = [];
    const imports: string[] = [];
    let paths: string[] = [];
    try {
      paths = goFilesIn(dir).filter((p) => !p.endsWith('_test.go'));
    } catch {
      // A directory gone or unreadable has no files to read; its listing, empty, is what the fingerprint holds.
    }
    for (const path of paths) {
      const bytes = readOrUndefined(path);
      files.push([path, bytes ? this.hashed(path, bytes) : 'unreadable']);
      if (bytes) imports.push(...scan.importedDirs(bytes.toString('utf8')));
    }
    this.packages.set(dir, (known = { files, imports }));
    return known;
  }

  private hashOf(path: string): string {
    const bytes = readOrUndefined(path);
    return bytes ? this.hashed(path, bytes) : 'absent';
  }

  private hashed(path: string, bytes: Buffer): string {
    let hash = this.fileHashes.get(path);
    if (!hash) this.fileHashes.set(path, (hash = sha256(bytes)));
    return hash;
  }

  private read(path: string, fingerprint: string): CachedResult | undefined {
    const text = readOrUndefined(path)?.toString('utf8');
    if (!text) return undefined;
    const newline = text.indexOf('\n');
    try {
      const header = JSON.parse(text.slice(0, newline));
      const body = text.slice(newline + 1);
      if (header?.format !== entryFormat || header.build !== buildId() || header.fingerprint !== fingerprint || header.checksum !== sha256(body)) return undefined;
      const result = JSON.parse(body);
      return isCachedResult(result) ? result : undefined;
    } catch {
      return undefined;
    }
  }

  /** Written to a file of its own, then renamed over the entry: a reader sees the old entry or the new one, never part of one. */
  private write(path: string, fingerprint: string, result: CachedResult): void {
    const body = JSON.stringify(result);
    const header = JSON.stringify({ format: entryFormat, build: buildId(), fingerprint, checksum: sha256(body) });
    const temporary = `${path}.${process.pid}-${threadId}-${randomBytes(4).toString('hex')}.tmp`;
    try {
      mkdirSync(this.dir, { recursive: true });
      writeFileSync(temporary, `${header}\n${body}`);
      renameSync(temporary, path);
    } catch {
      // A cache that cannot be written (read-only, full) costs speed, not results.
      rmSync(temporary, { force: true });
    }
  }
}

function readOrUndefined(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The shape engine.ts's packed result has: findings with their places and texts, remediations, numeric stats. */
function isCachedResult(value: unknown): value is CachedResult {
  if (!isObject(value) || !Array.isArray(value.findings) || !Array.isArray(value.remediations) || !isObject(value.stats)) return false;
  const remediations = value.remediations;
  if (!remediations.every((r) => typeof r === 'string') || !Object.values(value.stats).every((n) => Number.isInteger(n))) return false;
  return value.findings.every(
    (f) =>
      isObject(f) &&
      ['ruleId', 'rule', 'severity', 'path', 'message'].every((k) => typeof f[k] === 'string') &&
      ['line', 'column', 'endLine', 'endColumn'].every((k) => Number.isInteger(f[k])) &&
      Number.isInteger(f.remediation) &&
      (f.remediation as number) >= 0 &&
      (f.remediation as number) < remediations.length &&
      Array.isArray(f.related),
  );
}
