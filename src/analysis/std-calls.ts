// What a few standard library calls keep hold of. Other packages' code is not
// read, so a reference they make would be lost; these are written down from
// their documented behaviour and checked against the Go 1.26 runtime
// (docs/rules.md, FG001 and FG007).
import type { GoType } from '../model/types.js';

/** The object a call returns: the type it points to, and which arguments it keeps. */
export interface StdResult {
  type: GoType;
  /** Each kept argument, by position, and how a reference path shows the step. */
  holds: { argument: number; via: string }[];
  /** An argument the called package keeps in a table of its own, a package-level root, until the handle is deleted. */
  table?: { argument: number; via: string };
}

/** The place the handles of runtime/cgo are kept, so that a `Delete` counts as a removal from it. */
export const cgoHandlePlace = 'var runtime/cgo handles';

const timeType = (name: string): GoType => ({ kind: 'named', name, importPath: 'time', args: [] });
const cgoHandle: GoType = { kind: 'named', name: 'Handle', importPath: 'runtime/cgo', args: [] };

const results: ReadonlyMap<string, StdResult> = new Map([
  // The timer keeps its function for Reset, after it fired too.
  ['time.AfterFunc', { type: timeType('Timer'), holds: [{ argument: 1, via: 'time.AfterFunc callback' }] }],
  ['time.NewTimer', { type: timeType('Timer'), holds: [] }],
  ['time.NewTicker', { type: timeType('Ticker'), holds: [] }],
  // The handle table keeps the value until h.Delete().
  ['runtime/cgo.NewHandle', { type: cgoHandle, holds: [], table: { argument: 0, via: 'runtime/cgo handles (cgo.NewHandle)' } }],
]);

/** What `importPath.name(...)` returns, when it is one of the calls above. */
export function stdResult(importPath: string, name: string): StdResult | undefined {
  return results.get(`${importPath}.${name}`);
}

/** A `*time.Ticker` or `*time.Timer`: its channel is never closed, Stop only ends the ticks. */
export function isTimerType(type: GoType | undefined): boolean {
  const named = type?.kind === 'pointer' ? type.elem : type;
  return named?.kind === 'named' && named.importPath === 'time' && (named.name === 'Ticker' || named.name === 'Timer');
}

/** A `runtime/cgo.Handle`, whose `Delete` takes its value out of the handle table. */
export function isCgoHandle(type: GoType | undefined): boolean {
  return type?.kind === 'named' && type.importPath === 'runtime/cgo' && type.name === 'Handle';
}

/** A `context.Context`, whose `Done()` channel is closed when the context is cancelled. */
export function isContextType(type: GoType | undefined): boolean {
  return type?.kind === 'named' && type.importPath === 'context' && type.name === 'Context';
}
