// Goroutines that run until told to stop: `go w.loop()` where loop is
// `for { select { case <-w.stop: return; ... } } }`. While such a goroutine
// runs, its stack holds w, so w is never unreachable; if only w's finalizer
// (or a Close it calls) tells it to stop, that finalizer never runs. This
// module reads the goroutine's body; which code sends the signal is the
// rule's question.
import { methodsOf, type FuncDecl, type GoFile, type GoPackage } from '../model/package.js';
import { underlying } from '../model/types.js';
import type { SyntaxNode } from '../parse/parser.js';
import type { GoroutineStart, HeapObject, SiteEvaluation } from './heap.js';
import { isTimerType } from './std-calls.js';

/** What ends the loop: a receive from one of the object's channel fields. */
export interface StopSignal {
  /** The receive, as written. */
  node: SyntaxNode;
  /** The object's field that carries the signal. */
  field: string;
}

/** What a goroutine can be told to stop by (a channel), or run forever on (a timer's or ticker's). */
export type FieldKind = 'channel' | 'timer';

/** The kind of what an expression of the goroutine's body names: one of the object's fields, or a variable it holds. */
type KindOf = (node: SyntaxNode | null) => FieldKind | undefined;

export interface EndlessLoop {
  loop: SyntaxNode;
  /** The only ways out of the loop; empty when there is none. */
  stops: StopSignal[];
}

/**
 * The loop a goroutine's body ends in, when it runs until one of `name`'s
 * own signals arrives (or forever) and uses `name` on every iteration, so
 * the object stays live on the goroutine's stack (a body that copied the
 * field it waits on and no longer uses the object lets it be collected).
 * Undefined for a body that may end by itself: no loop, a return before it,
 * a loop bounded by its own condition or input, a way out that is not one
 * of the object's signals.
 */
export function endlessLoop(body: SyntaxNode, name: string, kindOf: KindOf): EndlessLoop | undefined {
  for (const statement of statementsOf(body)) {
    const labeled = statement.type === 'labeled_statement';
    const loop = labeled ? statement.namedChildren.find((c) => c?.type === 'for_statement') : statement;
    if (loop?.type !== 'for_statement') {
      if (outsideLiterals(statement).some((n) => n.type === 'return_statement' || n.type === 'goto_statement')) return undefined;
      continue;
    }
    const label = labeled ? statement.namedChildren.find((c) => c?.type === 'label_name')?.text : undefined;
    return loopUntilStopped(loop, label, name, kindOf);
  }
  return undefined;
}

function loopUntilStopped(loop: SyntaxNode, label: string | undefined, name: string, kindOf: KindOf): EndlessLoop | undefined {
  const body = loop.childForFieldName('body');
  if (!body) return undefined;
  const stops: StopSignal[] = [];
  const clause = loop.namedChildren.find((c) => c && c.id !== body.id);
  if (clause?.type === 'range_clause') {
    // `for range w.events` ends when the channel is closed; a slice or map ends by itself.
    const right = clause.childForFieldName('right');
    const signal = signalOf(right, name);
    // A ticker's or timer's channel is never closed: Stop only ends the ticks.
    const ticks = right?.type === 'selector_expression' && right.childForFieldName('field')?.text === 'C' && kindOf(right.childForFieldName('operand')) === 'timer';
    if (!ticks && (!signal || kindOf(signal.node) !== 'channel')) return undefined;
    if (signal && !ticks) stops.push(signal);
  } else if (clause && clause.text !== 'true') {
    return undefined;
  }
  const inside = outsideLiterals(body);
  if (!inside.some((n) => n.type === 'identifier' && n.text === name)) return undefined;
  for (const exit of inside) {
    if (exit.type === 'goto_statement') return undefined;
    if (exit.type !== 'return_statement' && !(exit.type === 'break_statement' && breaksOut(exit, loop, label))) continue;
    const signal = guardOf(exit, loop, name);
    if (!signal || kindOf(signal.node) !== 'channel') return undefined;
    if (!stops.some((s) => s.field === signal.field)) stops.push(signal);
  }
  return { loop, stops };
}

/** The statements of a block, in order. */
function statementsOf(block: SyntaxNode): SyntaxNode[] {
  return block.namedChildren.flatMap((c) => (c?.type === 'statement_list' ? c.namedChildren : [c])).filter((c): c is SyntaxNode => !!c);
}

/** The nodes under `root` that are not inside a func literal (code of other functions). */
function outsideLiterals(root: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  const stack = [root];
  while (stack.length) {
    const node = stack.pop()!;
    out.push(node);
    for (const child of node.namedChildren) if (child && child.type !== 'func_literal') stack.push(child);
  }
  return out;
}

/** Whether a break leaves `loop`: its label names the loop, or no for, switch or select lies between. */
function breaksOut(exit: SyntaxNode, loop: SyntaxNode, label: string | undefined): boolean {
  const target = exit.namedChildren.find((c) => c?.type === 'label_name')?.text;
  if (target) return target === label;
  for (let node = exit.parent; node && node.id !== loop.id; node = node.parent) {
    if (/^(for_statement|expression_switch_statement|type_switch_statement|select_statement)$/.test(node.type)) return false;
  }
  return true;
}

/** The signal whose select case a way out of the loop lies in, if it lies in one. */
function guardOf(exit: SyntaxNode, loop: SyntaxNode, name: string): StopSignal | undefined {
  for (let node = exit.parent; node && node.id !== loop.id; node = node.parent) {
    if (node.type !== 'communication_case') continue;
    const communication = node.childForFieldName('communication');
    const received = communication?.type === 'receive_statement' ? communication.childForFieldName('right') : communication?.namedChild(0);
    if (received?.type !== 'unary_expression' || received.child(0)?.type !== '<-') return undefined;
    return signalOf(received.childForFieldName('operand'), name);
  }
  return undefined;
}

/** `name.field`: a signal the object carries. */
function signalOf(node: SyntaxNode | null, name: string): StopSignal | undefined {
  const field = ownField(node, name);
  return field && node ? { node, field } : undefined;
}

/** `name.field`: the field's name. */
function ownField(node: SyntaxNode | null, name: string): string | undefined {
  if (node?.type !== 'selector_expression') return undefined;
  const operand = node.childForFieldName('operand');
  return operand?.type === 'identifier' && operand.text === name ? node.childForFieldName('field')?.text : undefined;
}

/** A goroutine that keeps the finalized object alive: where it starts, the name it holds it by, its loop, what would stop it. */
export interface GoroutineRoot {
  start: GoroutineStart;
  name: string;
  loop: EndlessLoop;
  /** The statements that send the stop signals, all in the finalizer's own code; empty when nothing sends them. */
  stoppers: { node: SyntaxNode; file: GoFile }[];
}

/** How many calls deep the finalizer's code is followed to find what it stops. */
const maxFinalizerDepth = 4;

/**
 * A goroutine the entry point starts that holds `object` on its stack and
 * runs until a signal that only the finalizer's code sends (or forever).
 */
export function goroutineRoot(evaluation: SiteEvaluation, object: HeapObject, pkg: GoPackage): GoroutineRoot | undefined {
  const fields = object.type ? underlying(object.type, pkg) : undefined;
  if (fields?.kind !== 'struct') return undefined;
  for (const start of evaluation.run.goroutines) {
    for (const held of start.held) {
      if (!held.objects.some((o) => o.id === object.id)) continue;
      const kindOf: KindOf = (node) => {
        const field = fields.fields.find((f) => f.name === ownField(node, held.name));
        if (field) return underlying(field.type, pkg).kind === 'chan' ? 'channel' : isTimerType(field.type) ? 'timer' : undefined;
        // A ticker the goroutine was handed or captured (`t := time.NewTicker(d)`), not a field.
        const local = node?.type === 'identifier' && node.text !== held.name ? start.held.find((h) => h.name === node.text) : undefined;
        return local?.objects.every((o) => o.kind !== 'opaque' && isTimerType(o.type)) ? 'timer' : undefined;
      };
      const loop = endlessLoop(start.body, held.name, kindOf);
      if (!loop) continue;
      const stoppers = stoppersOf(loop.stops, evaluation, pkg);
      if (stoppers) return { start, name: held.name, loop, stoppers };
    }
  }
  return undefined;
}

/**
 * The statements that close or send on the stop channels, when every one of
 * them is in the finalizer's code and the channels go nowhere else (a
 * channel handed to other code may be closed there); otherwise undefined.
 */
function stoppersOf(stops: StopSignal[], evaluation: SiteEvaluation, pkg: GoPackage): { node: SyntaxNode; file: GoFile }[] | undefined {
  if (!stops.length) return [];
  const names = stops.map((s) => s.field);
  const mentions = new RegExp(`\\b(${names.join('|')})\\b`, 'u');
  pkg.load((file) => mentions.test(file.text));
  const finalizer = finalizerCode(evaluation, pkg);
  const stoppers: { node: SyntaxNode; file: GoFile }[] = [];
  for (const decl of pkg.functions) {
    if (!decl.body || !mentions.test(decl.body.text)) continue;
    // `&T{stop: ch}` puts a channel some other name holds in the field.
    const aliased = decl.body.descendantsOfType('keyed_element').some((element) => {
      const key = element?.childForFieldName('key')?.text ?? '';
      return names.includes(key) && !isMake(element?.childForFieldName('value')?.namedChild(0) ?? null);
    });
    if (aliased) return undefined;
    for (const selector of decl.body.descendantsOfType('selector_expression')) {
      if (!selector || !names.includes(selector.childForFieldName('field')?.text ?? '')) continue;
      const use = channelUse(selector);
      if (use === 'other') return undefined;
      if (use !== 'stops') continue;
      if (!finalizer.some((code) => code.file === decl.file && code.node.startIndex <= selector.startIndex && selector.endIndex <= code.node.endIndex)) return undefined;
      // The close call, or the send statement.
      const stopper = selector.parent!.type === 'argument_list' ? selector.parent!.parent! : selector.parent!;
      stoppers.push({ node: stopper, file: decl.file });
    }
  }
  return stoppers;
}

/** What code does with a channel it names as a field: waits on it, makes it, stops a receiver (close, send), or something else. */
function channelUse(selector: SyntaxNode): 'waits' | 'makes' | 'stops' | 'other' {
  const parent = selector.parent;
  if (!parent) return 'other';
  if (parent.type === 'unary_expression' && parent.child(0)?.type === '<-') return 'waits';
  if (parent.type === 'send_statement' && parent.childForFieldName('channel')?.id === selector.id) return 'stops';
  if (parent.type === 'range_clause') return 'waits';
  if (parent.type === 'argument_list' && parent.parent?.childForFieldName('function')?.text === 'close') return 'stops';
  // `w.stop = make(chan struct{})`: a new channel no one else holds.
  if (parent.type === 'expression_list' && parent.parent?.type === 'assignment_statement' && parent.parent.childForFieldName('left')?.id === parent.id) {
    const values = parent.parent.childForFieldName('right')?.namedChildren ?? [];
    const index = parent.namedChildren.findIndex((c) => c?.id === selector.id);
    return isMake(values[index] ?? null) ? 'makes' : 'other';
  }
  return 'other';
}

function isMake(node: SyntaxNode | null): boolean {
  return node?.type === 'call_expression' && node.childForFieldName('function')?.text === 'make';
}

/** The code the finalizer runs: its func literal or function, and what those call of the package, a few calls deep. */
function finalizerCode(evaluation: SiteEvaluation, pkg: GoPackage): { node: SyntaxNode; file: GoFile }[] {
  const finalizer = evaluation.args[1];
  const receiverType = evaluation.argTypes[0];
  const typeName = receiverType?.kind === 'pointer' && receiverType.elem.kind === 'named' && !receiverType.elem.importPath ? receiverType.elem.name : undefined;
  const method = (name: string | undefined) => (typeName && name ? methodsOf(pkg, typeName)?.get(name) : undefined);
  const calleeOf = (fn: SyntaxNode | null): FuncDecl | undefined =>
    fn?.type === 'identifier' ? pkg.funcs.get(fn.text) : fn?.type === 'selector_expression' ? method(fn.childForFieldName('field')?.text) : undefined;
  const code: { node: SyntaxNode; file: GoFile }[] = [];
  let level: FuncDecl[] = [];
  if (finalizer?.type === 'func_literal') code.push({ node: finalizer, file: evaluation.file });
  else {
    const decl = calleeOf(finalizer?.type === 'parenthesized_expression' ? finalizer.namedChild(0) : (finalizer ?? null));
    if (decl) level = [decl];
  }
  const seen = new Set<FuncDecl>();
  for (let depth = 0; depth <= maxFinalizerDepth; depth++) {
    for (const decl of level) {
      seen.add(decl);
      if (decl.body) code.push({ node: decl.body, file: decl.file });
    }
    const bodies = depth === 0 ? code : level.flatMap((d) => (d.body ? [{ node: d.body, file: d.file }] : []));
    level = [...new Set(bodies.flatMap((b) => b.node.descendantsOfType('call_expression').map((c) => calleeOf(c?.childForFieldName('function') ?? null))))].filter(
      (d): d is FuncDecl => !!d && !seen.has(d),
    );
  }
  return code;
}
