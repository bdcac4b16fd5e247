// Goroutines that run until told to stop: `go w.loop()` where loop is
// `for { select { case <-w.stop: return; ... } } }`. While such a goroutine
// runs, its stack holds w, so w is never unreachable; if only w's finalizer
// (or a Close it calls) tells it to stop, that finalizer never runs. This
// module reads the goroutine's body; which code sends the signal is the
// rule's question.
import { methodsOf, readParams, type FuncDecl, type GoFile, type GoPackage } from '../model/package.js';
import { underlying, type GoType } from '../model/types.js';
import type { SyntaxNode } from '../parse/parser.js';
import type { Edge, GoroutineStart, HeapObject, SiteEvaluation } from './heap.js';
import { argumentsOf } from './interpreter/index.js';
import { findPath } from './paths.js';
import { isContextType, isTimerType } from './std-calls.js';

/** What ends the loop: a receive from one of the object's channel fields, or from a channel or context the goroutine holds. */
export interface StopSignal {
  /** The receive, as written. */
  node: SyntaxNode;
  /**
   * The field that carries the signal, a channel or a context (`<-w.ctx.Done()`),
   * the fields that lead to it (`o.res.stop`: res, stop), and the variable of
   * the goroutine they start from: the one holding the object, or another it
   * holds (`go j.run(c)` waiting on `<-j.stop`).
   */
  field?: { name: string; path: string[]; kind: 'channel' | 'context'; holder: string };
  /** A variable of the code that starts the goroutine, captured or passed: a channel, or a context (`<-ctx.Done()`). */
  local?: { name: string; kind: 'channel' | 'context' };
}

/** What a goroutine can be told to stop by (a channel, a context), or run forever on (a timer's or ticker's). */
export type FieldKind = 'channel' | 'context' | 'timer';

/** The kind of what an expression of the goroutine's body names: one of the object's fields, or a variable it holds. */
type KindOf = (node: SyntaxNode | null) => FieldKind | undefined;

export interface EndlessLoop {
  loop: SyntaxNode;
  /** The only ways out of the loop; empty when there is none. */
  stops: StopSignal[];
}

/**
 * The loop a goroutine's body ends in, when it runs until one of the signals
 * of `name` or of the other variables it holds (`others`) arrives (or
 * forever) and uses `name` on every iteration, so
 * the object stays live on the goroutine's stack (a body that copied the
 * field it waits on and no longer uses the object lets it be collected).
 * Undefined for a body that may end by itself: no loop, a return before it,
 * a loop bounded by its own condition or input, a way out that is not one
 * of the object's signals.
 */
export function endlessLoop(body: SyntaxNode, name: string, kindOf: KindOf, others: string[] = []): EndlessLoop | undefined {
  for (const statement of statementsOf(body)) {
    const labeled = statement.type === 'labeled_statement';
    const loop = labeled ? statement.namedChildren.find((c) => c?.type === 'for_statement') : statement;
    if (loop?.type !== 'for_statement') {
      if (outsideLiterals(statement).some((n) => n.type === 'return_statement' || n.type === 'goto_statement')) return undefined;
      continue;
    }
    const label = labeled ? statement.namedChildren.find((c) => c?.type === 'label_name')?.text : undefined;
    return loopUntilStopped(loop, label, name, kindOf, others);
  }
  return undefined;
}

function loopUntilStopped(loop: SyntaxNode, label: string | undefined, name: string, kindOf: KindOf, others: string[]): EndlessLoop | undefined {
  const body = loop.childForFieldName('body');
  if (!body) return undefined;
  const stops: StopSignal[] = [];
  const clause = loop.namedChildren.find((c) => c && c.id !== body.id);
  if (clause?.type === 'range_clause') {
    // `for range w.events` ends when the channel is closed; a slice or map ends by itself.
    const right = clause.childForFieldName('right');
    const signal = signalOf(right, name, others);
    // A ticker's or timer's channel is never closed: Stop only ends the ticks.
    const ticks = right?.type === 'selector_expression' && right.childForFieldName('field')?.text === 'C' && kindOf(right.childForFieldName('operand')) === 'timer';
    if (!ticks && !isSignal(signal, kindOf)) return undefined;
    if (signal && !ticks) stops.push(signal);
  } else if (clause && clause.text !== 'true') {
    return undefined;
  }
  const inside = outsideLiterals(body);
  if (!inside.some((n) => n.type === 'identifier' && n.text === name)) return undefined;
  for (const exit of inside) {
    if (exit.type === 'goto_statement') return undefined;
    if (exit.type !== 'return_statement' && !(exit.type === 'break_statement' && breaksOut(exit, loop, label))) continue;
    const signal = guardOf(exit, loop, name, others);
    if (!signal || !isSignal(signal, kindOf)) return undefined;
    if (!stops.some((s) => s.node.text === signal.node.text)) stops.push(signal);
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
function guardOf(exit: SyntaxNode, loop: SyntaxNode, name: string, others: string[]): StopSignal | undefined {
  for (let node = exit.parent; node && node.id !== loop.id; node = node.parent) {
    if (node.type !== 'communication_case') continue;
    const communication = node.childForFieldName('communication');
    const received = communication?.type === 'receive_statement' ? communication.childForFieldName('right') : communication?.namedChild(0);
    if (received?.type !== 'unary_expression' || received.child(0)?.type !== '<-') return undefined;
    return signalOf(received.childForFieldName('operand'), name, others);
  }
  return undefined;
}

/**
 * `name.field` or `name.ctx.Done()`, a signal the object carries (or an object
 * it holds), or the same of one of the `others` the goroutine holds; or `stop`
 * or `ctx.Done()`, one of another variable.
 */
function signalOf(node: SyntaxNode | null, name: string, others: string[]): StopSignal | undefined {
  if (!node) return undefined;
  const field = heldFieldPath(node, [name, ...others]);
  if (field) return { node, field: { name: field.path.at(-1)!, ...field, kind: 'channel' } };
  if (node.type === 'identifier' && node.text !== name) return { node, local: { name: node.text, kind: 'channel' } };
  const done = node.type === 'call_expression' && !argumentsOf(node).length ? node.childForFieldName('function') : undefined;
  const context = done?.type === 'selector_expression' && done.childForFieldName('field')?.text === 'Done' ? done.childForFieldName('operand') : undefined;
  const contextField = heldFieldPath(context ?? null, [name, ...others]);
  if (contextField) return { node, field: { name: contextField.path.at(-1)!, ...contextField, kind: 'context' } };
  return context?.type === 'identifier' && context.text !== name ? { node, local: { name: context.text, kind: 'context' } } : undefined;
}

/** The fields a selector takes from the first of `holders` it starts from, and that variable. */
function heldFieldPath(node: SyntaxNode | null, holders: string[]): { path: string[]; holder: string } | undefined {
  for (const holder of holders) {
    const path = fieldPath(node, holder);
    if (path) return { path, holder };
  }
  return undefined;
}

/** A signal the loop can be told to stop by: a channel or context field of the object, or a variable whose declaration the stoppers check. */
function isSignal(signal: StopSignal | undefined, kindOf: KindOf): signal is StopSignal {
  if (!signal) return false;
  if (signal.field?.kind === 'context') return kindOf(signal.node.childForFieldName('function')?.childForFieldName('operand') ?? null) === 'context';
  return !!signal.local || kindOf(signal.node) === 'channel';
}

/** How many fields deep a signal is looked for from the held object (`o.res.stop` is two). */
const maxFieldPath = 4;

/** `name.field` or `name.res.field`: the fields selected from `name`, outermost first. */
function fieldPath(node: SyntaxNode | null, name: string): string[] | undefined {
  const path: string[] = [];
  for (let current = node; path.length < maxFieldPath && current?.type === 'selector_expression'; ) {
    const field = current.childForFieldName('field')?.text;
    if (!field) return undefined;
    path.unshift(field);
    current = current.childForFieldName('operand');
    if (current?.type === 'identifier') return current.text === name ? path : undefined;
  }
  return undefined;
}

/** A goroutine that keeps the finalized object alive: where it starts, the name it holds it by, its loop, what would stop it. */
export interface GoroutineRoot {
  start: GoroutineStart;
  name: string;
  /** The references from the object the goroutine holds to the finalized one; empty when it holds that one itself. */
  path: Edge[];
  loop: EndlessLoop;
  /** The statements that send the stop signals, all in the finalizer's own code; empty when nothing sends them. */
  stoppers: { node: SyntaxNode; file: GoFile }[];
  /** The signals on which the goroutine sends a stop signal to itself (`case <-j.ctx.Done(): j.stop()`), which the stoppers send. */
  relays: StopSignal[];
}

/** How many calls deep the finalizer's code is followed to find what it stops. */
const maxFinalizerDepth = 4;

/**
 * A goroutine the entry point starts that holds `object` on its stack, or an
 * object from which `reach` finds a lasting path to it, and runs until a
 * signal that only the finalizer's code sends (or forever). The signal may
 * also be a field of another object the goroutine holds (`go j.run(c)`
 * waiting on `<-j.stop`), one that `object` reaches: the finalizer that
 * sends it is then this object's, not that of some object the goroutine
 * does not hold.
 */
export function goroutineRoot(evaluation: SiteEvaluation, object: HeapObject, pkg: GoPackage, reach: (holder: HeapObject) => Edge[] | undefined): GoroutineRoot | undefined {
  for (const start of evaluation.run.goroutines) {
    // The other variables of the goroutine whose fields may carry its stop signal: each one object the code made.
    const others = new Map(start.held.flatMap((h) => (h.objects.length === 1 && h.objects[0]!.kind === 'alloc' ? [[h.name, h.objects[0]!] as const] : [])));
    for (const held of start.held) {
      const direct = held.objects.some((o) => o.id === object.id);
      // A closure holds what it captures, a method value its receiver (`run(c.deleteExpired)`).
      for (const holder of direct ? [object] : held.objects.filter((o) => o.kind === 'alloc' || o.kind === 'closure')) {
        const signalHolders = new Map([...others].filter(([name]) => name !== held.name));
        const kindOf: KindOf = (node) => {
          const field = heldFieldPath(node, [held.name, ...signalHolders.keys()]);
          const type = field && fieldType((field.holder === held.name ? holder : signalHolders.get(field.holder)!).type, field.path, pkg);
          if (type) return underlying(type, pkg).kind === 'chan' ? 'channel' : isTimerType(type) ? 'timer' : isContextType(type) ? 'context' : undefined;
          // A ticker the goroutine was handed or captured (`t := time.NewTicker(d)`), not a field.
          const local = node?.type === 'identifier' && node.text !== held.name ? start.held.find((h) => h.name === node.text) : undefined;
          return local?.objects.every((o) => o.kind !== 'opaque' && isTimerType(o.type)) ? 'timer' : undefined;
        };
        const loop = endlessLoop(start.body, held.name, kindOf, [...signalHolders.keys()]);
        const path = loop && (direct ? [] : reach(holder));
        // By any reference, even one made only on some paths: where none is made, no code can stop the goroutine.
        const signalled = path && loop.stops.every((s) => !s.field || s.field.holder === held.name || !!findPath(evaluation.run.finalState, object, signalHolders.get(s.field.holder)!));
        const reading: LoopReading = { loop: loop?.loop ?? start.body, name: held.name, others: [...signalHolders.keys()], kindOf, relays: [] };
        const stoppers = signalled && stoppersOf(loop.stops, evaluation, pkg, start, reading);
        if (stoppers) return { start, name: held.name, path: path!, loop: loop!, stoppers, relays: reading.relays };
      }
    }
  }
  return undefined;
}

/** The type of the field a path of fields selects from a value of `type`, through pointers; undefined when one is not a struct field. */
function fieldType(type: GoType | undefined, path: string[], pkg: GoPackage): GoType | undefined {
  let current = type;
  for (const name of path) {
    const base = current && underlying(current.kind === 'pointer' ? current.elem : current, pkg);
    current = base?.kind === 'struct' ? base.fields.find((f) => f.name === name)?.type : undefined;
  }
  return current;
}

type Stopper = { node: SyntaxNode; file: GoFile };
/** Whether a node lies in the finalizer's code. */
type InFinalizer = (node: SyntaxNode, file: GoFile) => boolean;

/** The goroutine's loop as endlessLoop read it: the variable holding the object, the others it holds, and what their fields are. */
interface LoopReading {
  loop: SyntaxNode;
  name: string;
  others: string[];
  kindOf: KindOf;
  /** The signals on which the goroutine stops itself, found on the way (see stoppersOf). */
  relays: StopSignal[];
}

/**
 * The statements that close or send on the stop channels (or cancel the
 * contexts), when every one of them is in the finalizer's code and the
 * channels go nowhere else (a channel handed to other code may be closed
 * there); otherwise undefined. A stop may also be relayed: made by a
 * function that only the goroutine itself calls, on receiving another of
 * its signals (`case <-j.ctx.Done(): j.stop()`), whose own stoppers then
 * stop it. `relayed` counts how many relays led here.
 */
function stoppersOf(stops: StopSignal[], evaluation: SiteEvaluation, pkg: GoPackage, start: GoroutineStart, reading: LoopReading, relayed = 0): Stopper[] | undefined {
  if (!stops.length) return [];
  const finalizer = finalizerCode(evaluation, pkg);
  const inFinalizer: InFinalizer = (node, file) => finalizer.some((code) => code.file === file && code.node.startIndex <= node.startIndex && node.endIndex <= code.node.endIndex);
  const fieldsOf = (kind: 'channel' | 'context') => stops.flatMap((s) => (s.field?.kind === kind ? [s.field.name] : []));
  const channels = fieldsOf('channel');
  const contexts = fieldsOf('context');
  const relay: Relay = (decl) => {
    if (relayed >= maxRelays) return undefined;
    const signals = relayingSignals(decl, pkg, start, reading);
    const stoppers = signals && stoppersOf(signals, evaluation, pkg, start, reading, relayed + 1);
    if (stoppers) reading.relays.push(...signals!);
    return stoppers;
  };
  // What the run stored in a context field of the objects the goroutine holds (`j.ctx`, given through constructors' parameters).
  const stored: StoredContexts = (field) =>
    stops.flatMap((s) => {
      if (s.field?.kind !== 'context' || s.field.name !== field) return [];
      let objects = start.held.find((h) => h.name === s.field!.holder)?.objects ?? [];
      for (const name of s.field.path) objects = objects.flatMap((o) => evaluation.run.finalState.slot(o, name).map((e) => e.to));
      return objects;
    });
  const stoppers = channels.length ? fieldStoppers(channels, pkg, inFinalizer, channelUse, relay) : [];
  const cancels = stoppers && contexts.length ? contextFieldStoppers(contexts, pkg, inFinalizer, stored) : [];
  if (!stoppers || !cancels) return undefined;
  stoppers.push(...cancels);
  for (const { local } of stops) {
    if (!local) continue;
    const more = start.held.some((h) => h.name === local.name) ? localStoppers(local, start, pkg, inFinalizer) : undefined;
    if (!more) return undefined;
    stoppers.push(...more);
  }
  return stoppers;
}

/** How many times a stop may be relayed from one signal of the goroutine to another. */
const maxRelays = 1;

/** The stoppers of the signals on which the goroutine itself calls a function that stops it; undefined when others may call it. */
type Relay = (decl: FuncDecl) => Stopper[] | undefined;

/**
 * The signals on whose receipt the goroutine calls `decl`, when those calls,
 * in select cases of its own loop, are the only uses of the function's name
 * in the package (a use as a value may call it anywhere); otherwise undefined.
 */
function relayingSignals(decl: FuncDecl, pkg: GoPackage, start: GoroutineStart, reading: LoopReading): StopSignal[] | undefined {
  const inLoop = (node: SyntaxNode) => node.startIndex >= reading.loop.startIndex && node.endIndex <= reading.loop.endIndex;
  const signals: StopSignal[] = [];
  for (const other of functionsMentioning([decl.name], pkg)) {
    for (const use of other.body!.descendantsOfType(['identifier', 'field_identifier'])) {
      if (use?.text !== decl.name || use.parent?.type === 'method_declaration' || use.parent?.type === 'function_declaration') continue;
      const callee = use.parent?.type === 'selector_expression' && use.parent.childForFieldName('field')?.id === use.id ? use.parent : use;
      const call = callee.parent;
      if (call?.type !== 'call_expression' || call.childForFieldName('function')?.id !== callee.id) return undefined;
      if (other.file !== start.bodyFile || !inLoop(call)) return undefined;
      const signal = guardOf(call, reading.loop, reading.name, reading.others);
      if (!signal || !isSignal(signal, reading.kindOf)) return undefined;
      if (!signals.some((s) => s.node.text === signal.node.text)) signals.push(signal);
    }
  }
  return signals.length ? signals : undefined;
}

/** The stoppers among the package's uses of the named fields, by what `useOf` makes of each; undefined when a use may stop it elsewhere. */
function fieldStoppers(names: string[], pkg: GoPackage, inFinalizer: InFinalizer, useOf: (selector: SyntaxNode) => Use, relay?: Relay): Stopper[] | undefined {
  const stoppers: Stopper[] = [];
  for (const decl of functionsMentioning(names, pkg)) {
    if (!decl.body) continue;
    // `&T{stop: ch}` puts a channel some other name holds in the field.
    const aliased = useOf === channelUse && decl.body.descendantsOfType('keyed_element').some((element) => {
      const key = element?.childForFieldName('key')?.text ?? '';
      return names.includes(key) && !isMake(element?.childForFieldName('value')?.namedChild(0) ?? null);
    });
    if (aliased) return undefined;
    for (const selector of decl.body.descendantsOfType('selector_expression')) {
      if (!selector || !names.includes(selector.childForFieldName('field')?.text ?? '')) continue;
      const use = useOf(selector);
      if (use === 'other') return undefined;
      if (use !== 'stops') continue;
      if (inFinalizer(selector, decl.file)) {
        stoppers.push({ node: stopperOf(selector), file: decl.file });
        continue;
      }
      const relayed = relay?.(decl);
      if (!relayed) return undefined;
      stoppers.push(...relayed);
    }
  }
  return stoppers;
}

/** The package's functions whose bodies mention one of the names, once the files that mention them are read. */
function functionsMentioning(names: string[], pkg: GoPackage): FuncDecl[] {
  const mentions = new RegExp(`\\b(${names.join('|')})\\b`, 'u');
  pkg.load((file) => mentions.test(file.text));
  return pkg.functions.filter((decl) => decl.body && mentions.test(decl.body.text));
}

/**
 * The stoppers of contexts the object keeps in fields (`<-w.ctx.Done()`):
 * every value the package gives such a field must be a context only its
 * cancel func cancels (`w.ctx, w.cancel = context.WithCancel(context.Background())`,
 * or a local declared so), and that func be called only in the finalizer's
 * code, through the local or the fields it is stored in.
 */
function contextFieldStoppers(names: string[], pkg: GoPackage, inFinalizer: InFinalizer, given: StoredContexts): Stopper[] | undefined {
  const stoppers: Stopper[] = [];
  const cancelFields: string[] = [];
  for (const decl of functionsMentioning(names, pkg)) {
    const writes: { value: SyntaxNode | null; cancel?: SyntaxNode; at: SyntaxNode }[] = [];
    for (const element of decl.body!.descendantsOfType('keyed_element')) {
      if (element && names.includes(element.childForFieldName('key')?.text ?? '')) writes.push({ value: element.childForFieldName('value')?.namedChild(0) ?? null, at: element });
    }
    for (const selector of decl.body!.descendantsOfType('selector_expression')) {
      if (!selector || !names.includes(selector.childForFieldName('field')?.text ?? '')) continue;
      const parent = selector.parent;
      if (parent?.type === 'unary_expression' && parent.child(0)?.type === '&') return undefined;
      // Reading the context cannot cancel it; only what is stored matters.
      const assignment = parent?.type === 'expression_list' ? parent.parent : undefined;
      if (assignment?.type !== 'assignment_statement' || assignment.childForFieldName('left')?.id !== parent!.id) continue;
      const left = parent!.namedChildren;
      const right = assignment.childForFieldName('right')?.namedChildren ?? [];
      const index = left.findIndex((c) => c?.id === selector.id);
      if (right.length === left.length) writes.push({ value: right[index] ?? null, at: selector });
      else if (right.length === 1 && left.length === 2 && index === 0) writes.push({ value: right[0] ?? null, cancel: left[1] ?? undefined, at: selector });
      else return undefined;
    }
    for (const { value, cancel, at } of writes) {
      if (cancel) {
        // `w.ctx, w.cancel = context.WithCancel(context.Background())`
        if (!isUncancelledContext(value, decl.file)) return undefined;
        const field = cancel.type === 'selector_expression' ? cancel.childForFieldName('field')?.text : undefined;
        if (field) cancelFields.push(field);
        else if (cancel.text !== '_') return undefined;
        continue;
      }
      const declared = value?.type === 'identifier' ? declarationOf(at, value.text) : undefined;
      const field = at.type === 'keyed_element' ? at.childForFieldName('key')?.text : at.childForFieldName('field')?.text;
      // A parameter: the contexts this run gave the field, each made where it can be read.
      const passed = !declared && value?.type === 'identifier' && decl.params.some((p) => p.name === value.text) && field ? given(field) : undefined;
      const more = declared ? cancelStoppers(declared, decl.file, pkg, inFinalizer) : passed?.length ? madeContextStoppers(passed, pkg, inFinalizer) : undefined;
      if (!more) return undefined;
      stoppers.push(...more);
    }
  }
  const stored = cancelFields.length ? fieldStoppers(cancelFields, pkg, inFinalizer, cancelFieldUse) : [];
  return stored && [...stoppers, ...stored];
}

/** The objects a context field of the goroutine's objects holds at the end of the run. */
type StoredContexts = (field: string) => HeapObject[];

/**
 * The stoppers of contexts the run made, each by a declaration such as
 * `ctx, cancel := context.WithCancel(context.Background())`: the calls of
 * their cancel funcs; undefined when one is not so made.
 */
function madeContextStoppers(contexts: HeapObject[], pkg: GoPackage, inFinalizer: InFinalizer): Stopper[] | undefined {
  const stoppers: Stopper[] = [];
  for (const context of contexts) {
    const statement = context.kind === 'alloc' ? context.node.parent?.parent : undefined;
    const block = statement?.parent?.type === 'statement_list' ? statement.parent.parent : statement?.parent;
    if (statement?.type !== 'short_var_declaration' || !block || statement.childForFieldName('right')?.namedChildren.length !== 1) return undefined;
    const names = (statement.childForFieldName('left')?.namedChildren ?? []).map((n) => n?.text ?? '');
    const more = cancelStoppers({ names, index: 0, value: context.node, block, statement }, context.file, pkg, inFinalizer);
    if (!more) return undefined;
    stoppers.push(...more);
  }
  return stoppers;
}

/** The close or cancel call, or the send statement, that a use of a channel or cancel func lies in. */
function stopperOf(use: SyntaxNode): SyntaxNode {
  return use.parent!.type === 'argument_list' ? use.parent!.parent! : use.parent!;
}

/**
 * The stoppers of a channel or context the goroutine got from the code that
 * starts it: a `make(chan ...)`, or `context.WithCancel` of a context nothing
 * cancels, declared there. Every use of the channel, or of the cancel func,
 * in its block must be a wait, the start of this goroutine, or a stop in the
 * finalizer's code; a cancel func may also be stored in a field whose calls
 * are all in the finalizer's code.
 */
function localStoppers(local: NonNullable<StopSignal['local']>, start: GoroutineStart, pkg: GoPackage, inFinalizer: InFinalizer): Stopper[] | undefined {
  const name = outerName(start, local.name);
  const declared = name ? declarationOf(start.node, name) : undefined;
  if (!declared) return undefined;
  if (local.kind === 'context') return cancelStoppers(declared, start.file, pkg, inFinalizer);
  if (!isMake(declared.value)) return undefined;
  return stoppersAmongUses(declared, name!, start.file, (use) => localChannelUse(use, start), pkg, inFinalizer);
}

/** The stoppers of a context declared `ctx, cancel := context.WithCancel(context.Background())`: the calls of its cancel func. */
function cancelStoppers(declared: Declaration, file: GoFile, pkg: GoPackage, inFinalizer: InFinalizer): Stopper[] | undefined {
  const { names, index, value } = declared;
  if (index !== 0 || names.length !== 2 || !isUncancelledContext(value, file)) return undefined;
  const cancel = names[1]!;
  // `ctx, _ := context.WithCancel(...)`: nothing can cancel it.
  if (cancel === '_') return [];
  return stoppersAmongUses(declared, cancel, file, cancelUse, pkg, inFinalizer);
}

/**
 * The stops among the uses of a declared local in its block: every use must
 * be a wait, the start of this goroutine, a stop in the finalizer's code, or
 * a store into a field whose calls are all in the finalizer's code.
 */
function stoppersAmongUses(declared: Declaration, target: string, file: GoFile, useOf: (use: SyntaxNode) => Use | { field: string }, pkg: GoPackage, inFinalizer: InFinalizer): Stopper[] | undefined {
  const stoppers: Stopper[] = [];
  const fields: string[] = [];
  for (const use of declared.block.descendantsOfType('identifier')) {
    if (!use || use.text !== target || use.startIndex < declared.statement.endIndex || isKey(use)) continue;
    const kind = useOf(use);
    if (kind === 'other') return undefined;
    if (kind === 'stops') {
      if (!inFinalizer(use, file)) return undefined;
      stoppers.push({ node: stopperOf(use), file });
    } else if (typeof kind === 'object') fields.push(kind.field);
    else if (kind !== 'waits') return undefined;
  }
  const stored = fields.length ? fieldStoppers(fields, pkg, inFinalizer, cancelFieldUse) : [];
  return stored && [...stoppers, ...stored];
}

type Use = 'waits' | 'makes' | 'stops' | 'other';

/** A field name in a composite literal (`{cancel: cancel}`), not a use of the variable. */
function isKey(identifier: SyntaxNode): boolean {
  const element = identifier.parent?.type === 'literal_element' ? identifier.parent : undefined;
  return !!element && element.parent?.type === 'keyed_element' && element.parent.childForFieldName('key')?.id === element.id;
}

/** What the code that declares a stop channel does with it: waits on it, hands it to this goroutine, stops it, or something else. */
function localChannelUse(use: SyntaxNode, start: GoroutineStart): Use {
  const parent = use.parent;
  if (parent?.type === 'argument_list' && parent.parent?.id === start.node.namedChild(0)?.id) return 'waits';
  return channelUse(use);
}

/** What the code does with a cancel func: calls it, stores it in a field, or something else. */
function cancelUse(use: SyntaxNode): Use | { field: string } {
  const parent = use.parent;
  if (parent?.type === 'call_expression' && parent.childForFieldName('function')?.id === use.id) return 'stops';
  if (parent?.type === 'literal_element' && parent.parent?.type === 'keyed_element') {
    const key = parent.parent.childForFieldName('key')?.text;
    if (key && parent.parent.childForFieldName('value')?.id === parent.id) return { field: key };
  }
  if (parent?.type === 'expression_list' && parent.parent?.type === 'assignment_statement' && parent.parent.childForFieldName('right')?.id === parent.id) {
    const index = parent.namedChildren.findIndex((c) => c?.id === use.id);
    const left = parent.parent.childForFieldName('left')?.namedChildren[index];
    const field = left?.type === 'selector_expression' ? left.childForFieldName('field')?.text : undefined;
    if (field) return { field };
  }
  return 'other';
}

/** What code does with a field holding a cancel func: calls it (a stop), gives it a value, or something else. */
function cancelFieldUse(selector: SyntaxNode): Use {
  const parent = selector.parent;
  if (parent?.type === 'call_expression' && parent.childForFieldName('function')?.id === selector.id) return 'stops';
  if (parent?.type === 'expression_list' && parent.parent?.type === 'assignment_statement' && parent.parent.childForFieldName('left')?.id === parent.id) return 'makes';
  return 'other';
}

/** `context.WithCancel(context.Background())` (or `TODO()`, or `WithCancelCause`): a context only its cancel func cancels. */
function isUncancelledContext(value: SyntaxNode | null, file: GoFile): boolean {
  const isContextCall = (node: SyntaxNode | null | undefined, names: string[]) => {
    const fn = node?.type === 'call_expression' ? node.childForFieldName('function') : undefined;
    const operand = fn?.type === 'selector_expression' ? fn.childForFieldName('operand') : undefined;
    return operand?.type === 'identifier' && file.imports.get(operand.text) === 'context' && names.includes(fn!.childForFieldName('field')?.text ?? '');
  };
  if (!value || !isContextCall(value, ['WithCancel', 'WithCancelCause'])) return false;
  const parents = argumentsOf(value);
  return parents.length === 1 && isContextCall(parents[0], ['Background', 'TODO']) && !argumentsOf(parents[0]!).length;
}

/** The name a variable of the goroutine has in the code that starts it: the same for a captured one, the argument for a parameter. */
function outerName(start: GoroutineStart, name: string): string | undefined {
  const fn = start.body.parent;
  const params = fn ? readParams(fn.childForFieldName('parameters')) : [];
  const position = params.findIndex((p) => p.name === name);
  if (position < 0) return fn?.type === 'func_literal' ? name : undefined;
  if (params[position]!.variadic) return undefined;
  const call = start.node.namedChild(0);
  const argument = call?.type === 'call_expression' ? argumentsOf(call)[position] : undefined;
  return argument?.type === 'identifier' ? argument.text : undefined;
}

type Declaration = { names: string[]; index: number; value: SyntaxNode | null; block: SyntaxNode; statement: SyntaxNode };

/** The declaration of `name` nearest above a statement: `name := value` (or `a, name := f()`), in a block that holds the statement. */
function declarationOf(from: SyntaxNode, name: string): Declaration | undefined {
  for (let node = from.parent; node && node.type !== 'function_declaration' && node.type !== 'method_declaration'; node = node.parent) {
    if (node.type !== 'block') continue;
    const before = statementsOf(node).filter((s) => s.endIndex <= from.startIndex && s.type === 'short_var_declaration');
    for (const statement of before.reverse()) {
      const names = (statement.childForFieldName('left')?.namedChildren ?? []).map((n) => n?.text ?? '');
      const index = names.indexOf(name);
      if (index < 0) continue;
      const values = statement.childForFieldName('right')?.namedChildren ?? [];
      // `a, b := f()`: one call gives every value.
      const value = values.length === 1 ? (values[0] ?? null) : (values[index] ?? null);
      return { names, index: values.length === 1 ? index : 0, value, block: node, statement };
    }
  }
  return undefined;
}

/** What code does with a channel it names as a field: waits on it, makes it, stops a receiver (close, send), or something else. */
function channelUse(selector: SyntaxNode): Use {
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
