// Timers that re-arm themselves: `t = time.AfterFunc(d, func() { ...; t.Reset(d) })`.
// The runtime keeps a pending timer and its callback, and a callback that
// resets its own timer keeps one pending for good, so what the callback
// holds is never unreachable unless other code stops the timer.
import type { GoFile } from '../model/package.js';
import type { SyntaxNode } from '../parse/parser.js';
import type { Edge, HeapObject, SiteEvaluation } from './heap.js';
import { argumentsOf } from './interpreter/index.js';
import { pathsFrom } from './paths.js';

/** The slot by which a timer made by time.AfterFunc holds its callback (`std-calls.ts`). */
const callbackSlot = 'time.AfterFunc callback';

/** A timer that stays pending for good and reaches the finalized object through its callback. */
export interface RearmedTimer {
  /** The time.AfterFunc call, and its file. */
  call: SyntaxNode;
  file: GoFile;
  /** The Reset call in the callback. */
  rearm: SyntaxNode;
  /** From the timer to the object: its callback first. */
  path: Edge[];
}

/**
 * The timers the code made with a func literal that resets the timer's own
 * variable on every run, when no other code uses that variable (so nothing
 * else can stop it), with that Reset call.
 */
export function rearmedTimers(evaluation: SiteEvaluation): SelfResettingTimer[] {
  const state = evaluation.run.finalState;
  // The objects given a callback, not every edge of the heap: the runtime holds a pending timer whoever else does.
  return state.holdersOf(callbackSlot).flatMap((timer) => {
    if (!state.slot(timer, callbackSlot).length) return [];
    const rearm = selfReset(timer.node);
    return rearm ? [{ timer, rearm, pathTo: pathsFrom(state, timer, (edge) => edge.sure) }] : [];
  });
}

/** A timer that re-arms itself, with the paths its references surely make (one search for every object asked about). */
export interface SelfResettingTimer {
  timer: HeapObject;
  rearm: SyntaxNode;
  pathTo: (object: HeapObject) => Edge[] | undefined;
}

/** Of those timers, one whose callback surely reaches `object`. */
export function rearmedTimer(timers: SelfResettingTimer[], object: HeapObject): RearmedTimer | undefined {
  for (const { timer, rearm, pathTo } of timers) {
    const path = pathTo(object);
    if (path && path[0]?.via === callbackSlot) return { call: timer.node, file: timer.file, rearm, path };
  }
  return undefined;
}

/**
 * In `t = time.AfterFunc(d, func() { ...; t.Reset(d) })`, the Reset call, when
 * the callback makes it on every run and every other use of `t` is its
 * declaration or a Reset in the callback.
 */
function selfReset(call: SyntaxNode): SyntaxNode | undefined {
  const callback = argumentsOf(call)[1];
  const list = call.parent;
  const assignment = list?.type === 'expression_list' ? list.parent : undefined;
  const left = assignment?.type === 'assignment_statement' ? assignment.childForFieldName('left')?.namedChildren : undefined;
  const name = left?.length === 1 && left[0]?.type === 'identifier' ? left[0].text : undefined;
  if (!name || callback?.type !== 'func_literal' || list!.namedChildren.length !== 1) return undefined;
  let function_ = assignment!.parent;
  while (function_ && !/^(function_declaration|method_declaration|func_literal)$/.test(function_.type)) function_ = function_.parent;
  let rearm: SyntaxNode | undefined;
  for (const use of function_?.childForFieldName('body')?.descendantsOfType('identifier') ?? []) {
    if (!use || use.text !== name || use.id === left![0]!.id || use.parent?.type === 'var_spec') continue;
    const selector = use.parent?.type === 'selector_expression' && use.parent.childForFieldName('operand')?.id === use.id ? use.parent : undefined;
    const reset = selector?.childForFieldName('field')?.text === 'Reset' && selector.parent?.type === 'call_expression' ? selector.parent : undefined;
    if (!reset || reset.startIndex < callback.startIndex || reset.endIndex > callback.endIndex) return undefined;
    // Only a Reset every run of the callback makes re-arms it for good; one under a condition may stop.
    const statement = reset.parent?.type === 'expression_statement' ? reset.parent : undefined;
    const block = statement?.parent?.type === 'statement_list' ? statement.parent.parent : statement?.parent;
    if (block?.id === callback.childForFieldName('body')?.id) rearm = reset;
  }
  return rearm;
}
