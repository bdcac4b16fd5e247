// What standard library functions do with their parameters, computed by the
// engine from Go 1.26's source (scripts/summarize-std.ts) and shipped in
// std-summaries.json, so that a call leaving the module keeps the references
// the callee makes (`sync.NewCond(&o.mu)` holds o; `l.PushBack(v)` holds v)
// and a method that takes references out of its receiver (`l.Remove(e)`)
// counts as a removal.
import type { GoType } from '../model/types.js';
import data from './std-summaries.json';

/**
 * One function's effects. A holder is `result`, `receiver` or a parameter's
 * position ("0"); what it reaches once the call returns is a list of the
 * same names but `result`.
 */
export interface StdSummary {
  links?: Record<string, string[]>;
  /** The method takes references out of a place that links of its package go through (a delete, clear, nil or shortening store). */
  removes?: true;
  /** The type the first result is, when the package declares it: `*Cond`, `Context`. */
  returns?: string;
}

export interface StdSummaries {
  packages: Record<string, Record<string, StdSummary>>;
}

const summaries = data as StdSummaries;

/** The summary of `importPath.name` (`Func` or `Type.Method`), when it has effects. */
export function stdSummary(importPath: string, name: string): StdSummary | undefined {
  return Object.hasOwn(summaries.packages, importPath) ? summaries.packages[importPath]![name] : undefined;
}

/** The type a summary says the call returns, in the callee's package. */
export function summaryResultType(importPath: string, returns: string | undefined): GoType | undefined {
  if (!returns) return undefined;
  const named: GoType = { kind: 'named', name: returns.replace(/^\*/, ''), importPath, args: [] };
  return returns.startsWith('*') ? { kind: 'pointer', elem: named } : named;
}

/**
 * Where the references a summary of this package adds are kept, so that a
 * call of any of its removing methods clears them: the generator cannot tell
 * one object of the package's from another, so the place is the package.
 */
export const stdPlace = (importPath: string) => `std ${importPath}`;

/** The names of every method that removes references from its receiver, for the package scan's text filter. */
export const removingMethodNames: readonly string[] = [
  ...new Set(Object.values(summaries.packages).flatMap((pkg) => Object.entries(pkg).filter(([key, s]) => s.removes && key.includes('.')).map(([key]) => key.split('.')[1]!))),
].sort();
