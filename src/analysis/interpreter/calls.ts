// The interpreter's calls layer: builtins, conversions, runtime.SetFinalizer
// and runtime.AddCleanup sites (with the wrappers they are reached through),
// standard library calls, and the package's own functions inlined in place.
import type { SyntaxNode } from '../../parse/parser.js';
import { inline } from '../../parse/inline.js';
import { packageOfFile, readParams, type FuncDecl, type GoFile, type ParamDecl } from '../../model/package.js';
import { pointee, typeWritten, underlying } from '../../model/types.js';
import { signatureOf } from '../../model/signatures.js';
import { forwardedParameters, forwardsToRuntime } from '../wrappers.js';
import { hookFields } from '../hook-fields.js';
import { cgoHandlePlace, isCgoHandle, stdResult, type StdResult } from '../std-calls.js';
import { stdPlace, stdSummary, summaryResultType, type StdSummary } from '../std-summaries.js';
import { Scope, runtimeCallKind, unionObjects, type CalleeEffects, type CallPlace, type Edge, type CleanupStop, type Fact, type HeapObject, type Place, type SiteEvaluation, type SiteKind, type Variable } from '../heap.js';
import { callStepBudget, maxSummaryReferences, otherPackagesStepBudget, replayReferenceBudget, type Frame } from './core.js';
import { ExpressionsLayer } from './expressions.js';

/** How many calls deep the package's own code is interpreted in place. */
export const maxInlineDepth = 4;

/** How many times one entry point may interpret the same callee in place. */
export const maxInlinesPerFunction = 8;

/** Builtins that keep no reference to what they are given. */
export const keepsNothing: ReadonlySet<string> = new Set(['len', 'cap', 'min', 'max', 'print', 'println', 'real', 'imag', 'complex', 'delete', 'clear', 'copy', 'close']);

/** A call's arguments; `f[T](x)`, read as a conversion, has one. */
export function argumentsOf(call: SyntaxNode): SyntaxNode[] {
  const args = call.type === 'type_conversion_expression' ? [call.childForFieldName('operand')] : (call.childForFieldName('arguments')?.namedChildren ?? []);
  return args.filter((a): a is SyntaxNode => a !== null);
}

export abstract class CallsLayer extends ExpressionsLayer {
  readonly sites: SiteEvaluation[] = [];
  readonly stops: CleanupStop[] = [];
  private readonly cleanupHandles = new Set<number>();
  private depth = 0;
  protected readonly callStack: FuncDecl[] = [];
  /** The calls interpreted in place around the current code, outermost first. */
  protected readonly chain: CallPlace[] = [];
  protected readonly inlined = new Map<FuncDecl, number>();
  /** The go statement whose call is about to be evaluated. */
  protected goStatement?: SyntaxNode;

  /** Records the goroutine a go statement starts: the body it runs and what that body's names hold. */
  private startGoroutine(go: SyntaxNode, body: SyntaxNode | null | undefined, bodyFile: GoFile, held: { name: string; objects: HeapObject[] }[]): void {
    if (body) this.run.goroutines.push({ node: go, file: this.file, body, bodyFile, held: held.filter((h) => h.objects.length) });
  }

  /** What a function's parameters are bound to by a call's arguments, by name. */
  private boundParams(params: ParamDecl[], args: HeapObject[][]): { name: string; objects: HeapObject[] }[] {
    return params.flatMap((p, i) => (p.name ? [{ name: p.name, objects: (p.variadic ? args.slice(i).flat() : args[i]) ?? [] }] : []));
  }

  /** Evaluates a call; returns what each result may point to. */
  protected call(node: SyntaxNode, scope: Scope): HeapObject[][] {
    const fn = node.childForFieldName('function');
    const go = this.goStatement?.namedChild(0)?.id === node.id ? this.goStatement : undefined;
    this.goStatement = undefined;
    const argNodes = argumentsOf(node);
    const builtin = fn?.type === 'identifier' && !scope.lookup(fn.text) && !this.here().funcs.has(fn.text) ? fn.text : undefined;
    if (builtin === 'new') {
      const valueType = this.newOfValue(argNodes[0], scope);
      const object = this.object('alloc', node, `new(${argNodes[0] ? inline(argNodes[0]) : ''})`, valueType ?? typeWritten(argNodes[0], this.file));
      // new(expr) holds a copy of the value: a struct's references come along.
      if (valueType) for (const value of this.evaluate(argNodes[0], scope)) if (this.isValueType(argNodes[0]!, scope)) this.copySlots(value, object);
      return [[object]];
    }
    if (builtin === 'make') return [[this.object('alloc', node, 'make', typeWritten(argNodes[0], this.file))]];
    if (builtin === 'append') return [this.append(node, argNodes, scope)];
    if (builtin === 'delete' || builtin === 'clear') this.removal(argNodes[0], scope, node);
    if (fn?.type === 'identifier' && this.here().types.has(fn.text) && !scope.lookup(fn.text)) return [this.evaluate(argNodes[0], scope)];
    // An interface, unsafe.Pointer or another package's type made from a value refers to what the value refers to: `any(p)` holds p.
    const converted = this.conversionType(node, scope);
    if (converted && (converted.kind === 'interface' || converted.kind === 'named' || (converted.kind === 'basic' && converted.name === 'unsafe.Pointer'))) {
      return [this.evaluate(argNodes[0], scope)];
    }
    if (fn?.type === 'parenthesized_expression' && argNodes.length === 1) {
      const inner = fn.namedChild(0);
      if (inner?.type === 'unary_expression' && inner.child(0)?.type === '*') return [this.evaluate(argNodes[0], scope)];
    }
    const kind = runtimeCallKind(node, this.file, scope);
    if (!kind && fn?.type === 'selector_expression' && fn.childForFieldName('field')?.text === 'Stop' && !argNodes.length) {
      const handles = this.evaluate(fn.childForFieldName('operand'), scope).filter((o) => this.cleanupHandles.has(o.id));
      if (handles.length) {
        this.stops.push({ handles, conditional: this.conditional, order: this.sites.length, run: this.run });
        return [[]];
      }
    }
    const argFacts = argNodes.map((a) => this.factOf(a, scope));
    const args = argNodes.map((a) => this.evaluate(a, scope));
    if (kind) return this.site(kind, node, argNodes, args, scope);
    if (fn?.type === 'func_literal') {
      if (go) {
        const captured = [...this.capturedBy(fn)].flatMap((name) => {
          const variable = scope.lookup(name);
          return variable && !variable.global ? [{ name, objects: this.state.vars.get(variable.key) ?? [] }] : [];
        });
        this.startGoroutine(go, fn.childForFieldName('body'), this.file, [...captured, ...this.boundParams(readParams(fn.childForFieldName('parameters')), args)]);
      }
      return this.closure(fn, scope, args, argFacts).returns;
    }
    const callee = this.calleeOf(node, scope) ?? (fn?.type === 'selector_expression' ? this.dynamicCallee(fn, scope) : undefined);
    if (callee && callee.decl.body) {
      const receiverFact = 'receivers' in callee || callee.through.length ? undefined : this.factOf(callee.receiver, scope);
      const receiver =
        'receivers' in callee
          ? callee.receivers
          : callee.receiver
            ? this.follow(this.receiverObjects(callee.receiver, callee.decl, scope), '', callee.through, node).holders
            : undefined;
      if (go) {
        const receiverName = callee.decl.receiver?.name;
        const held = receiverName && receiver ? [{ name: receiverName, objects: receiver }] : [];
        this.startGoroutine(go, callee.decl.body, callee.decl.file, [...held, ...this.boundParams(callee.decl.params, args)]);
      }
      const budgetLeft = !this.inOtherPackage(callee.decl.file) || this.otherPackagesSteps < otherPackagesStepBudget || forwardsToRuntime(callee.decl);
      if (this.depth < (this.options.budget?.inlineDepth ?? maxInlineDepth) && budgetLeft && !this.callStack.includes(callee.decl) && this.mayInline(callee.decl)) {
        return this.inline(callee.decl, node, scope, receiver, args, [receiverFact, ...argFacts]);
      }
      // What the callee does is not seen: it may, for one, remove a finalizer.
      this.run.unfollowed.push({ order: this.sites.length, objects: [...(receiver ?? []), ...args.flat()] });
      const effects = this.replayReferences < replayReferenceBudget ? this.options.effectsOf?.(this.pkg, callee.decl) : undefined;
      const referencesBefore = this.references;
      const replayed = effects && this.replay(effects, callee.decl, node, receiver, args);
      this.replayReferences += this.references - referencesBefore;
      if (replayed) return replayed;
    }
    // runtime.SetFinalizer called through a variable, field or parameter that holds it.
    // A field read that shows no function the code stored (a constructor not followed) is what its package stores there.
    const values = this.evaluate(fn, scope);
    const hook = values.find((value) => value.hook)?.hook ?? (values.some((value) => value.kind === 'closure') ? undefined : this.hookField(fn, scope));
    if (hook) return this.site(hook, node, argNodes, args, scope);
    // The package's own code not followed (a bound) is judged as the bounds are: it may only hide findings.
    if (!callee?.decl.body && !(builtin && keepsNothing.has(builtin))) this.escaped.push(...args.flat());
    const std = this.stdCall(fn, scope);
    if (std) {
      const result = this.object('alloc', node, `${inline(fn!)}()`, std.type);
      for (const { argument, via } of std.holds) this.state.store(result, via, this.edges(args[argument] ?? [], via, node), false);
      if (std.table) {
        const table = this.object('global', node, 'runtime/cgo handles', undefined, cgoHandlePlace);
        this.state.store(table, '[handle]', this.edges(args[std.table.argument] ?? [], std.table.via, node, undefined, undefined, cgoHandlePlace), false);
      }
      return [[result]];
    }
    const summarized = this.summarizedCall(fn, scope);
    if (summarized) {
      const result = this.applySummary(summarized, node, args);
      if (result) return [[result]];
    }
    if (fn?.type === 'selector_expression' && fn.childForFieldName('field')?.text === 'Delete' && !argNodes.length) {
      const operand = fn.childForFieldName('operand');
      if (isCgoHandle(this.typeOf(operand, scope)) || this.evaluate(operand, scope).some((o) => isCgoHandle(o.type))) {
        this.removals.push({ place: cgoHandlePlace, node, file: this.file });
      }
    }
    if (fn?.type === 'selector_expression' || fn?.type === 'identifier') {
      return [[this.object('opaque', node, `${inline(fn)}()`)]];
    }
    return [[]];
  }

  /**
   * A call not followed in place, replayed from what its function does when
   * run on its own (callee-effects.ts), as inlining would have left things:
   * the references it leaves in what the call passes, made by the callee's
   * statements; the objects it makes, one set per call; what it returns; the
   * goroutines it starts. A slot the callee surely sets is replaced, when the
   * call surely runs and the slot's holder is one object.
   */
  private replay(effects: CalleeEffects, decl: FuncDecl, call: SyntaxNode, receiver: HeapObject[] | undefined, args: HeapObject[][]): HeapObject[][] | undefined {
    // The objects and references the replay makes: past maxSummaryReferences it stops and the call is not followed.
    let references = 0;
    const counterparts = new Map<HeapObject, HeapObject[]>();
    for (const object of effects.receiver) counterparts.set(object, this.receivesStructCopy(decl) ? [] : (receiver ?? []));
    decl.params.forEach((param, i) => {
      for (const object of effects.parameters[i] ?? []) counterparts.set(object, (param.variadic ? args.slice(i).flat() : args[i]) ?? []);
    });
    /** Objects the call makes: what the callee made, and what it found in an empty slot of the caller's (a nil slice it appends to). */
    const made = new Set<HeapObject>();
    const make = (object: HeapObject, kind = object.kind): HeapObject => {
      const copy = this.object(kind, object.node, object.label, object.type, `${this.context}/${call.id}>${object.id}`);
      copy.file = object.file;
      copy.many ||= object.many;
      copy.hook ??= object.hook;
      made.add(copy);
      return copy;
    };
    const counterpart = (object: HeapObject): HeapObject[] => {
      let objects = counterparts.get(object);
      if (objects) return objects;
      counterparts.set(object, (objects = []));
      if (object.kind === 'global') {
        const global = this.globalObject(object.label, packageOfFile(this.pkg, object.file));
        if (global) objects.push(global);
      } else if (object.kind === 'lazy') {
        // What the callee found in a slot is what the caller's object holds there.
        const from = object.readFrom;
        for (const holder of from ? counterpart(from.holder) : []) {
          const held = this.read(holder, from!.slot, call, object.type);
          objects.push(...(held.length ? held : [make(object, 'alloc')]));
        }
      } else if (object.kind !== 'param') {
        objects.push(make(object));
      }
      references += objects.length;
      return objects;
    };
    // The summary took its holders for different objects: where two of them are one object here, the order of
    // their stores, which it does not keep, decides what is left, so the call is not followed.
    const holderOf = new Map<HeapObject, HeapObject>();
    for (const { holder } of effects.stores) {
      for (const object of counterpart(holder)) {
        if ((holderOf.get(object) ?? holder) !== holder) return undefined;
        holderOf.set(object, holder);
      }
    }
    const sure = this.conditional === 0;
    const replays: { holders: HeapObject[]; slot: string; edges: Edge[]; replaces: boolean }[] = [];
    for (const { holder, slot, edges } of effects.stores) {
      const holders = counterpart(holder);
      if (!holders.length) continue;
      // A reference to what the slot held before the callee ran is the caller's own already, unless the call made it.
      const before = (edge: Edge) => edge.to.readFrom?.holder === holder && edge.to.readFrom.slot === slot;
      const replayed: Edge[] = [];
      for (const edge of edges) {
        for (const to of counterpart(edge.to)) {
          if (before(edge) && !made.has(to)) continue;
          replayed.push({ ...edge, to, sure: edge.sure && sure });
          references += holders.length;
        }
        // What the call was passed may be so many objects that the replay would cost more than a summary may hold.
        if (references > maxSummaryReferences) {
          this.touch(references);
          return undefined;
        }
      }
      // Surely set to what the call passes: nothing, when it passes nil.
      const replaces = sure && holders.length === 1 && !holders[0]!.many && !edges.some(before) && edges.every((edge) => edge.sure);
      if (replayed.length || replaces) replays.push({ holders, slot, edges: replayed, replaces });
    }
    this.touch(references);
    for (const { holders, slot, edges, replaces } of replays) for (const object of holders) this.state.store(object, slot, edges, replaces);
    for (const goroutine of effects.goroutines) {
      const held = goroutine.held.map(({ name, objects }) => ({ name, objects: unionObjects([], objects.flatMap(counterpart)) }));
      this.run.goroutines.push({ ...goroutine, held: held.filter((h) => h.objects.length) });
    }
    const results = effects.results.map((objects) => unionObjects([], objects.flatMap(counterpart)));
    const fn = call.childForFieldName('function');
    if (!results[0]?.length && fn) results[0] = [this.object('opaque', call, `${inline(fn)}()`)];
    return results;
  }

  /** A standard library function whose result is known to keep some of its arguments (`std-calls.ts`). */
  private stdCall(fn: SyntaxNode | null, scope: Scope): StdResult | undefined {
    const operand = fn?.type === 'selector_expression' ? fn.childForFieldName('operand') : undefined;
    if (operand?.type !== 'identifier' || scope.lookup(operand.text)) return undefined;
    const importPath = this.file.imports.get(operand.text);
    const name = fn!.childForFieldName('field')?.text;
    return importPath && name ? stdResult(importPath, name) : undefined;
  }

  /**
   * A standard library function or method the shipped summaries know
   * (`std-summaries.ts`): `sync.NewCond(...)`, or `l.PushBack(v)` on a
   * `list.List`, with what the receiver may point to.
   */
  private summarizedCall(fn: SyntaxNode | null, scope: Scope): { importPath: string; name: string; summary: StdSummary; receiver: HeapObject[] } | undefined {
    if (fn?.type !== 'selector_expression') return undefined;
    const operand = fn.childForFieldName('operand');
    const field = fn.childForFieldName('field')?.text;
    if (!operand || !field) return undefined;
    if (operand.type === 'identifier' && !scope.lookup(operand.text)) {
      const importPath = this.file.imports.get(operand.text);
      const summary = importPath && stdSummary(importPath, field);
      return summary ? { importPath: importPath!, name: field, summary, receiver: [] } : undefined;
    }
    const declared = this.typeOf(operand, scope);
    // A struct field held by value (`p.idle.PushBack(v)` on a `list.List`) lives inside its holder's object.
    const byValue = declared.kind === 'named' && operand.type === 'selector_expression';
    const receiver = byValue ? this.place(operand, scope).holders : this.evaluate(operand, scope);
    const type = [pointee(declared), ...receiver.map((o) => o.type && pointee(o.type))].find((t) => t?.kind === 'named');
    if (type?.kind !== 'named' || !type.importPath) return undefined;
    const name = `${type.name}.${field}`;
    const summary = stdSummary(type.importPath, name);
    return summary ? { importPath: type.importPath, name, summary, receiver } : undefined;
  }

  /**
   * Makes the references a summarized call makes, each shown as the call
   * (`list.List.PushBack`) and kept in its package's place, which a call of a
   * method of that package that removes clears; returns the call's result
   * when the summary knows it.
   */
  private applySummary(call: { importPath: string; name: string; summary: StdSummary; receiver: HeapObject[] }, node: SyntaxNode, args: HeapObject[][]): HeapObject | undefined {
    const { importPath, name, summary, receiver } = call;
    const via = `${importPath.split('/').at(-1)}.${name}`;
    const place = stdPlace(importPath);
    const type = summaryResultType(importPath, summary.returns);
    const result = type || summary.links?.result ? this.object('alloc', node, `${via}()`, type) : undefined;
    const holders = (holder: string): HeapObject[] => (holder === 'result' ? (result ? [result] : []) : holder === 'receiver' ? receiver : (args[Number(holder)] ?? []));
    for (const [holder, reached] of Object.entries(summary.links ?? {})) {
      const values = reached.flatMap(holders);
      for (const object of holders(holder)) this.state.store(object, via, this.edges(values, via, node, undefined, undefined, place), false);
    }
    if (summary.removes) this.removals.push({ place, node, file: this.file });
    return result;
  }

  /** Records one SetFinalizer or AddCleanup call as met here. */
  private site(kind: SiteKind, node: SyntaxNode, argNodes: SyntaxNode[], args: HeapObject[][], scope: Scope): HeapObject[][] {
    const handle = kind === 'AddCleanup' ? this.object('alloc', node, 'runtime.Cleanup') : undefined;
    if (handle) this.cleanupHandles.add(handle.id);
    const anchor = this.anchor(node, argNodes, scope);
    const savedFile = this.file;
    this.file = anchor.file;
    const argTypes = anchor.args.map((a) => this.typeOf(a, anchor.scope));
    // `AddCleanup[T, S](ptr, f, arg)`: arg is passed as an S, which is what the runtime checks.
    const typeArgs = anchor.call.id === node.id ? (node.childForFieldName('type_arguments')?.namedChildren ?? []) : [];
    if (kind === 'AddCleanup' && typeArgs[1]) argTypes[2] = typeWritten(typeArgs[1].type === 'type_elem' ? typeArgs[1].namedChild(0) : typeArgs[1], this.file);
    this.file = savedFile;
    const evaluation: SiteEvaluation = {
      kind,
      call: anchor.call,
      args: anchor.args,
      file: anchor.file,
      argObjects: args,
      argTypes,
      scope: anchor.scope,
      conditional: this.conditional,
      order: this.sites.length,
      regions: [...this.regions],
      context: this.context,
      chain: this.chain.slice(0, anchor.depth),
      wrapped: anchor.wrapped,
      forwardedFromRoot: anchor.forwardedFromRoot,
      run: this.run,
      handle,
    };
    this.sites.push(evaluation);
    this.run.sites.push(evaluation);
    return [handle ? [handle] : []];
  }

  /**
   * Where a call is reported: itself, or, when the function it is in only
   * passes its parameters on (a wrapper), the call of that function, and so
   * on up through wrappers of wrappers. `depth` is how many calls of the
   * chain lie above the reported one.
   */
  private anchor(node: SyntaxNode, argNodes: SyntaxNode[], scope: Scope): {
    call: SyntaxNode;
    args: SyntaxNode[];
    file: GoFile;
    scope: Scope;
    depth: number;
    wrapped: Place[];
    forwardedFromRoot: boolean;
  } {
    let anchor = { call: node, args: argNodes, file: this.file, scope, depth: this.chain.length, wrapped: [] as Place[], forwardedFromRoot: false };
    // Which argument of the call at hand each argument of the runtime call came from.
    let positions = argNodes.map((_, i) => i);
    for (let depth = this.chain.length; ; depth--) {
      const enclosing = depth > 0 ? this.chain[depth - 1]!.callee : this.run.root;
      const forwarded = forwardedParameters(enclosing, anchor.call);
      if (!forwarded) return anchor;
      if (depth === 0) return { ...anchor, forwardedFromRoot: true };
      const caller = this.chain[depth - 1]!;
      const callerArgs = argumentsOf(caller.call);
      positions = positions.map((p) => forwarded[p]!);
      const args = positions.map((p) => callerArgs[p]);
      // A call that spreads a slice, or passes fewer arguments, does not show them one by one.
      if (args.some((a) => !a) || caller.call.childForFieldName('arguments')?.children.some((c) => c?.type === '...')) return anchor;
      anchor = {
        call: caller.call,
        args: args as SyntaxNode[],
        file: caller.file,
        scope: caller.scope,
        depth: depth - 1,
        wrapped: [{ call: anchor.call, file: anchor.file }, ...anchor.wrapped],
        forwardedFromRoot: false,
      };
    }
  }

  private append(node: SyntaxNode, argNodes: SyntaxNode[], scope: Scope): HeapObject[] {
    const [first, ...rest] = argNodes;
    let backing = this.evaluate(first, scope);
    if (!backing.length) backing = [this.object('alloc', node, 'append', first ? this.typeOf(first, scope) : undefined)];
    const spread = node.childForFieldName('arguments')?.children.some((c) => c?.type === '...');
    for (const arg of rest) {
      const values = this.evaluate(arg, scope);
      const elements = spread ? values.flatMap((v) => this.read(v, '[]', node)) : values;
      for (const b of backing) this.state.store(b, '[]', this.edges(elements, '[]', node, undefined, undefined, this.placeOf(first, scope)), false);
    }
    return backing;
  }

  /** `e.setFinalizer(...)` through a func field that the field's package only ever sets to the runtime's function (`hook-fields.ts`). */
  private hookField(fn: SyntaxNode | null, scope: Scope): SiteKind | undefined {
    if (fn?.type !== 'selector_expression') return undefined;
    const field = this.fieldOf(fn, scope);
    return field?.type.kind === 'func' ? hookFields(packageOfFile(this.pkg, field.file)).get(field.name) : undefined;
  }

  /**
   * What a method's receiver expression stands for: a pointer method called
   * on a struct field held by value (`c.cancelCtx.propagateCancel(p, c)`)
   * acts on the field's holder, as a method promoted through an embedded
   * value does.
   */
  private receiverObjects(operand: SyntaxNode, method: FuncDecl, scope: Scope): HeapObject[] {
    const byValue = method.receiver?.pointer && operand.type === 'selector_expression' && underlying(this.typeOf(operand, scope), this.pkg).kind === 'struct';
    return byValue ? this.place(operand, scope).holders : this.evaluate(operand, scope);
  }

  /** Counts how often each function was interpreted in place, so loops around calls stay linear. */
  private mayInline(decl: FuncDecl): boolean {
    const count = this.inlined.get(decl) ?? 0;
    this.inlined.set(decl, count + 1);
    return count < maxInlinesPerFunction;
  }

  /** `facts`: what is known of the receiver, then of each argument. */
  private inline(
    decl: FuncDecl,
    call: SyntaxNode,
    callerScope: Scope,
    receiver: HeapObject[] | undefined,
    args: HeapObject[][],
    facts: (Fact | undefined)[],
  ): HeapObject[][] {
    const savedFile = this.file;
    const savedContext = this.context;
    const savedFrame = this.frame;
    const savedLimit = this.callStepLimit;
    this.callStepLimit = Math.min(savedLimit, this.steps + callStepBudget);
    this.depth++;
    this.context = `${savedContext}/${call.id}`;
    this.file = decl.file;
    this.callStack.push(decl);
    this.chain.push({ call, file: savedFile, callee: decl, scope: callerScope });
    const scope = new Scope(this.globalScope);
    const frame: Frame = { returns: [], results: this.bindParams(decl, scope, receiver, args, facts), deferred: [] };
    this.frame = frame;
    this.body(decl.body, scope);
    // A call cut short may do anything in the part not followed: it may, for one, remove a finalizer.
    if (this.steps > this.callStepLimit && savedLimit > this.callStepLimit) {
      this.run.unfollowed.push({ order: this.sites.length, objects: [...(receiver ?? []), ...args.flat()] });
    }
    this.callStepLimit = savedLimit;
    this.chain.pop();
    this.callStack.pop();
    this.frame = savedFrame;
    this.file = savedFile;
    this.context = savedContext;
    this.depth--;
    return frame.returns;
  }

  /** Whether a method's receiver is a struct value: a copy, so what the method stores into it does not reach the caller's. */
  private receivesStructCopy(decl: FuncDecl): boolean {
    const type = signatureOf(decl, this.pkg).receiver;
    return !decl.receiver?.pointer && !!type && underlying(type, this.pkg).kind === 'struct';
  }

  /** Binds a function's receiver and parameters to what the call passes (or to parameter objects); returns its named results. */
  protected bindParams(decl: FuncDecl, scope: Scope, receiver: HeapObject[] | undefined, args: HeapObject[][], facts: (Fact | undefined)[] = []): Variable[] {
    const signature = signatureOf(decl, this.pkg);
    const recvParam = decl.node.childForFieldName('receiver')?.namedChild(0);
    if (decl.receiver?.name && recvParam && signature.receiver) {
      const type = signature.receiver;
      const variable: Variable = { key: this.nextVar++, name: decl.receiver.name, type, global: false, level: this.regions.length };
      scope.declare(variable);
      const passed = receiver && this.receivesStructCopy(decl) ? [this.copyOf(receiver, recvParam, decl.receiver.name, type)] : receiver;
      this.state.vars.set(variable.key, passed ?? [this.object('param', recvParam, decl.receiver.name, pointee(type))]);
      this.setFact(variable, true, facts[0]);
    }
    return this.bindSignature(decl.node, signature, scope, args, facts.slice(1));
  }

}
