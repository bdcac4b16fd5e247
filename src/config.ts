// The configuration file, .finalizer-guard.yml: rules turned off or given
// another severity, paths whose findings are not reported, and both again
// for the paths an override names. The CLI and the Action read the same file:
// the one they are given, or the nearest one from the analyzed folder up to
// the top of the repository. Every mistake in it is one line naming the file
// and the line.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type Pair } from 'yaml';
import { globToRegExp } from './discover/glob.js';
import { slashedRelative } from './discover/sources.js';
import { UsageError } from './errors.js';
import type { Finding, Severity } from './findings.js';
import { ruleCatalog } from './rules/index.js';

export const configNames = ['.finalizer-guard.yml', '.finalizer-guard.yaml'];

type Setting = Severity | 'off';
const settings: readonly Setting[] = ['off', 'error', 'warning', 'notice'];

interface Scope {
  /** Paths relative to the configuration file's folder; none: every path. */
  paths: RegExp[];
  rules: Map<string, Setting>;
}

export interface Config {
  /** The file as the user names it, for messages. */
  shownAs: string;
  /** Its folder, absolute: the globs are relative to it. */
  dir: string;
  exclude: RegExp[];
  /** The top-level rules first, then each override in file order: the last that applies wins. */
  scopes: Scope[];
}

/** The nearest configuration file at or above `start`, not above the folder that holds `.git`. */
export function findConfig(start: string): string | undefined {
  for (let dir = resolve(start); ; dir = dirname(dir)) {
    for (const name of configNames) {
      const path = join(dir, name);
      if (existsSync(path) && statSync(path).isFile()) return path;
    }
    if (existsSync(join(dir, '.git')) || dirname(dir) === dir) return undefined;
  }
}

export function loadConfig(path: string, shownAs = path): Config {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${shownAs} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const fail = (offset: number | undefined, message: string) => new UsageError(`${shownAs}:${lines.linePos(offset ?? 0).line}: ${message}`);
  const [syntax] = doc.errors;
  if (syntax) throw fail(syntax.pos[0], syntax.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, ''));

  const at = (node: Node | null | undefined) => node?.range?.[0];
  const mapOf = (node: unknown, what: string, keys: readonly string[]): Pair<Node, Node | null>[] => {
    if (node === null || (isScalar(node) && node.value === null)) return [];
    if (!isMap(node)) throw fail(at(node as Node), `${what} must be a mapping of ${keys.join(', ')}`);
    return node.items as Pair<Node, Node | null>[];
  };
  const keyOf = (pair: Pair<Node, Node | null>, what: string, keys: readonly string[] | undefined) => {
    const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
    if (key === undefined || (keys && !keys.includes(key))) {
      throw fail(at(pair.key), `unknown key ${JSON.stringify(key ?? String(pair.key))} in ${what}${keys ? ` (expected ${keys.join(', ')})` : ''}`);
    }
    return key;
  };
  const globs = (node: Node | null, what: string): RegExp[] => {
    const items = isSeq(node) ? node.items : [node];
    return items.map((item) => {
      if (!isScalar(item) || typeof item.value !== 'string' || item.value === '') throw fail(at(item as Node) ?? at(node), `${what} takes globs (a string or a list of strings)`);
      const glob = item.value;
      return globToRegExp(glob, (why) => fail(at(item), `"${glob}" in ${what} is not a valid glob: it ${why}`));
    });
  };
  const rules = (node: Node | null, what: string): Map<string, Setting> => {
    const map = new Map<string, Setting>();
    for (const pair of mapOf(node, what, ['a rule id or name'])) {
      const key = keyOf(pair, what, undefined);
      const rule = ruleCatalog.find((r) => r.id === key.toUpperCase() || r.name === key);
      if (!rule) throw fail(at(pair.key), `unknown rule "${key}" in ${what} (rules are ${ruleCatalog.map((r) => r.id).join(', ')} or their names)`);
      const value = isScalar(pair.value) ? pair.value.value : undefined;
      // YAML 1.2 reads a bare off as a string; an older habit writes false.
      const setting = value === false ? 'off' : value;
      if (typeof setting !== 'string' || !settings.includes(setting as Setting)) {
        throw fail(at(pair.value) ?? at(pair.key), `${rule.id} takes one of ${settings.join(', ')} in ${what}, not ${JSON.stringify(value ?? null)}`);
      }
      map.set(rule.id, setting as Setting);
    }
    return map;
  };

  const config: Config = { shownAs, dir: dirname(resolve(path)), exclude: [], scopes: [] };
  const topKeys = ['rules', 'exclude', 'overrides'];
  const top = new Map(mapOf(doc.contents, 'the file', topKeys).map((pair) => [keyOf(pair, 'the file', topKeys), pair.value] as const));
  if (top.has('exclude')) config.exclude = globs(top.get('exclude')!, 'exclude');
  config.scopes.push({ paths: [], rules: top.has('rules') ? rules(top.get('rules')!, 'rules') : new Map() });
  const overrides = top.get('overrides');
  if (overrides !== undefined && overrides !== null) {
    if (!isSeq(overrides)) throw fail(at(overrides), 'overrides must be a list of mappings with paths and rules');
    for (const item of overrides.items as Node[]) {
      const overrideKeys = ['paths', 'rules'];
      const entry = new Map(mapOf(item, 'an override', overrideKeys).map((pair) => [keyOf(pair, 'an override', overrideKeys), pair.value] as const));
      if (!entry.has('paths')) throw fail(at(item), 'an override needs paths: the globs it applies to');
      config.scopes.push({ paths: globs(entry.get('paths')!, 'paths of an override'), rules: rules(entry.get('rules') ?? null, 'rules of an override') });
    }
  }
  return config;
}

/**
 * The configuration of a run that analyzes `start`: the file given (relative
 * to `base`), else the nearest one, else none. Messages name it relative to `base`.
 */
export function configFor(start: string, given: string | undefined, base = start): Config | undefined {
  if (given) return loadConfig(resolve(base, given), given);
  const found = findConfig(start);
  return found ? loadConfig(found, slashedRelative(base, found)) : undefined;
}

export interface Configured {
  findings: Finding[];
  /** How many findings the file turned off or left out, so that the report can say so. */
  left: number;
}

/** The findings as the file wants them; `root` is the folder finding paths are relative to. */
export function applyConfig(findings: readonly Finding[], config: Config | undefined, root: string): Configured {
  if (!config) return { findings: [...findings], left: 0 };
  const kept: Finding[] = [];
  for (const finding of findings) {
    const path = slashedRelative(config.dir, join(root, finding.path));
    if (config.exclude.some((glob) => glob.test(path))) continue;
    let setting: Setting = finding.severity;
    for (const scope of config.scopes) {
      const rule = scope.rules.get(finding.ruleId);
      if (rule && (scope.paths.length === 0 || scope.paths.some((glob) => glob.test(path)))) setting = rule;
    }
    if (setting !== 'off') kept.push(setting === finding.severity ? finding : { ...finding, severity: setting });
  }
  return { findings: kept, left: findings.length - kept.length };
}
