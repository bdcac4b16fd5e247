// The abstract heap the interpreter (interpreter/) builds over Go function
// bodies: objects, the references between them (fields, slice elements, map
// keys and values, channels, closures), variables and scopes, and what the
// interpretation hands the rules: the finalizer and cleanup sites it met, the
// links stored into fields, the removals, the goroutines started.
import type { SyntaxNode } from '../parse/parser.js';
import type { FuncDecl, GoFile, GoPackage } from '../model/package.js';
import type { GoType, StructField } from '../model/types.js';

export type ObjectKind = 'alloc' | 'param' | 'lazy' | 'closure' | 'global' | 'opaque';

export interface HeapObject {
  id: number;
  kind: ObjectKind;
  /** How a reference path names it: the variable it was first bound to, or its expression. */
  label: string;
  /** What was allocated (`T` for `&T{}`, `new(T)` and `var x T`), or the declared type of what a parameter or field points to. */
  type?: GoType;
  node: SyntaxNode;
  file: GoFile;
  /** Set once the label is a variable's name. */
  named?: boolean;
  /** Made in code that may run many times or not at all: it may stand for several objects. */
  many: boolean;
  /** The function value runtime.SetFinalizer or runtime.AddCleanup: calling it is a site. */
  hook?: SiteKind;
  /** For a `lazy` object: the slot it was read from, holding it before the code ran. */
  readFrom?: { holder: HeapObject; slot: string };
}

/** Paths read best with variable names: the first variable an object is bound to names it. */
export function nameObject(object: HeapObject, name: string): void {
  if (object.named || object.kind === 'param' || object.kind === 'global') return;
  object.label = name;
  object.named = true;
}

export interface Edge {
  to: HeapObject;
  /** How a reference path shows this step: "Foo.bar", "[]", "[key]", "captures w". */
  via: string;
  /** The statement or expression that made the reference. */
  node: SyntaxNode;
  file: GoFile;
  /** The struct field declaration the reference goes through, if any. */
  field?: { node: SyntaxNode; file: GoFile };
  /** Made by code that surely runs (not in a branch, loop or stored closure). */
  sure: boolean;
  /** The field or package-level variable the reference is stored in (its contents, for elements), so code that clears it can be found. */
  place?: string;
}

/** A statement that takes references out of a place: `delete`, `clear`, or a nil or emptying store. */
export interface Removal {
  place: string;
  node: SyntaxNode;
  file: GoFile;
}

/**
 * A store of another value into a field (or its contents). It links when
 * what it stores reaches, through other objects, the holder or an object the
 * code did not make itself. A field only ever given new, unlinked values
 * (`n.next = &Node{}`) or the holder itself (`r.self = r`) closes no loop.
 */
export interface Link {
  place: string;
  node: SyntaxNode;
  file: GoFile;
  /** The module types of what the stored values reach, by moduleTypeKey ("?" for objects of unknown type). */
  types: Set<string>;
  /** Of those, the types of objects the code did not make, which may be any value of the type. */
  existingTypes: Set<string>;
  /** The objects of a module type the code made (by moduleTypeKey), which are the values it made and no other. */
  made: { type: string; object: HeapObject }[];
  /** The interpretation the store was met in: what else it did with the objects it made. */
  run: RootRun;
  links: boolean;
}

/** How a struct field is named as a place, wherever it is selected. */
export function fieldPlace(field: StructField): string {
  return `field ${field.file.path}:${field.node.startIndex}`;
}

type Slots = Map<string, Edge[]>;

/**
 * What the code knows of a local variable's value on the path it follows:
 * nil or not, true or false. A branch whose condition these decide is taken
 * or skipped for sure.
 */
export type Fact = 'nil' | 'non-nil' | 'true' | 'false';

/**
 * Variables' values and the heap's references, for one entry point. There is
 * one state for the whole function: code that may or may not run (branches,
 * loops, closures) only adds references, and only code that surely runs
 * replaces them, so `bar.foo = nil` on the straight path breaks a cycle.
 */
export class State {
  readonly vars = new Map<number, HeapObject[]>();
  readonly heap = new Map<number, Slots>();
  /** Facts of variables, by key. */
  readonly facts = new Map<number, Fact>();
  /** Variables other code may change at any time (their address is taken, a later closure or goroutine assigns them): never a fact. */
  readonly shared = new Set<number>();
  /** How many times each variable was assigned: two tests of it test the same value while this stays. */
  readonly assignments = new Map<number, number>();
  /** How many stores put references into each slot (`id slot`): a slot with the same count holds nothing stored since. */
  readonly writes = new Map<string, number>();
  /** Nil stores into a slot (`id slot`) made in a branch only, with the branch's condition and the slot's writes then. */
  readonly branchClears = new Map<string, { condition: BranchCondition; writes: number }>();

  slot(object: HeapObject, slot: string): Edge[] {
    return this.heap.get(object.id)?.get(slot) ?? [];
  }

  /** Every edge out of the object, slot by slot, without copying the slots' lists (searches stop early). */
  *edgesFrom(object: HeapObject): Generator<Edge> {
    for (const list of this.heap.get(object.id)?.values() ?? []) yield* list;
  }

  /** Told of every store before it is made. */
  observe?: (object: HeapObject, slot: string, edges: Edge[]) => void;

  /** Which (target, via) pairs each slot's list holds, so adding to a slot costs what is added, not what is there. */
  private readonly slotKeys = new WeakMap<Edge[], Set<string>>();

  /** For each slot name, the objects that have that slot, in the order each got it: a search for one slot reads only them. */
  private readonly holders = new Map<string, HeapObject[]>();

  /** The objects with a list in this slot (possibly emptied since). */
  holdersOf(slot: string): readonly HeapObject[] {
    return this.holders.get(slot) ?? [];
  }

  /** Slots (`id slot`) a store surely emptied (`x.f = nil`): an empty list elsewhere may be one nothing was stored into. */
  readonly emptied = new Set<string>();

  store(object: HeapObject, slot: string, edges: Edge[], strong: boolean): void {
    this.observe?.(object, slot, edges);
    if (edges.length) {
      const key = slotKey(object, slot);
      this.writes.set(key, (this.writes.get(key) ?? 0) + 1);
    } else if (strong) {
      this.emptied.add(slotKey(object, slot));
    }
    let slots = this.heap.get(object.id);
    if (!slots) this.heap.set(object.id, (slots = new Map()));
    const list = slots.get(slot);
    if (!list) {
      const holders = this.holders.get(slot);
      if (holders) holders.push(object);
      else this.holders.set(slot, [object]);
    }
    // A list of the state's own, so that later additions change no caller's array.
    if (strong) slots.set(slot, [...edges]);
    else if (!list) slots.set(slot, unionEdges([], edges, this.slotKeys));
    else unionEdges(list, edges, this.slotKeys);
  }
}

/** How the state's per-slot records name a slot of an object. */
export const slotKey = (object: HeapObject, slot: string) => `${object.id} ${slot}`;

/**
 * What the condition of a branch tests, as a key that a test of the same
 * variables, not assigned since, shares (`v3#1 == nil`), and whether it holds
 * when the branch runs: `if ok` holds, `if !ok` does not.
 */
export interface BranchCondition {
  test: string;
  holds: boolean;
}

export function unionObjects(a: HeapObject[], b: HeapObject[]): HeapObject[] {
  const ids = new Set(a.map((o) => o.id));
  const out = [...a];
  for (const o of b) if (!ids.has(o.id)) (ids.add(o.id), out.push(o));
  return out;
}

/** Adds to `list` the edges of `more` it lacks (same target and via), in order; returns the list. */
function unionEdges(list: Edge[], more: Edge[], index: WeakMap<Edge[], Set<string>>): Edge[] {
  let keys = index.get(list);
  if (!keys) index.set(list, (keys = new Set(list.map(edgeKey))));
  for (const edge of more) {
    const key = edgeKey(edge);
    if (keys.has(key)) continue;
    keys.add(key);
    list.push(edge);
  }
  return list;
}

const edgeKey = (edge: Edge) => `${edge.to.id} ${edge.via}`;

export interface Variable {
  key: number;
  name: string;
  type: GoType;
  /** Declared at package level. */
  global: boolean;
  /** How many constructs that may not run enclosed the declaration: an assignment at that level surely replaces the value. */
  level?: number;
}

/** Lexical scopes: names to variables, created while walking. */
export class Scope {
  protected readonly names = new Map<string, Variable>();
  constructor(readonly parent?: Scope) {}
  declare(variable: Variable): void {
    this.names.set(variable.name, variable);
  }
  lookup(name: string): Variable | undefined {
    return this.names.get(name) ?? this.parent?.lookup(name);
  }
}

/** The package block: its variables, made as the code first names them. */
export class PackageScope extends Scope {
  constructor(
    private readonly pkg: GoPackage,
    private readonly newKey: () => number,
    private readonly isImport: (name: string) => boolean,
  ) {
    super();
  }
  override lookup(name: string): Variable | undefined {
    let variable = this.names.get(name);
    // A name a file imports cannot also be declared in the package block.
    if (!variable && !this.isImport(name) && this.pkg.vars.has(name)) {
      variable = { key: this.newKey(), name, type: { kind: 'unknown' }, global: true };
      this.names.set(name, variable);
    }
    return variable;
  }
}

export type SiteKind = 'SetFinalizer' | 'AddCleanup';

/** One runtime.SetFinalizer / runtime.AddCleanup call, as met by the interpreter. */
export interface SiteEvaluation {
  kind: SiteKind;
  call: SyntaxNode;
  args: SyntaxNode[];
  file: GoFile;
  /** What each argument may point to, at the call. */
  argObjects: HeapObject[][];
  argTypes: GoType[];
  scope: Scope;
  /** How many enclosing constructs may not run (branches, loops, closures). */
  conditional: number;
  /** When the interpreter met the call: a later one ran after it. */
  order: number;
  /**
   * The constructs that may not run around the call, outermost first, one id
   * per branch, case, loop or stored closure. A call whose regions start with
   * another's, met after it, runs only after that one ran.
   */
  regions: readonly number[];
  /** The calls the call was inlined through: the same call met again with the same context is a loop's next iteration. */
  context: string;
  /** The calls of the package's functions the interpreter went through to reach the call, outermost first. */
  chain: readonly CallPlace[];
  /**
   * Reached through wrappers that pass their parameters on: `call` is the
   * call of the outermost wrapper, with its arguments, and these are the
   * calls from there down to runtime.SetFinalizer itself. Empty otherwise.
   */
  wrapped: readonly Place[];
  /** Reached with the entry point's own parameters passed on: the entry point is a wrapper, its callers are the sites. */
  forwardedFromRoot: boolean;
  /** The interpretation this call was met in; its final state holds the references the code makes. */
  run: RootRun;
  /** AddCleanup: the runtime.Cleanup value it returns, which Stop cancels. */
  handle?: HeapObject;
}

/** A `c.Stop()` on what AddCleanup returned, as met by the interpreter (ordered with the sites). */
export interface CleanupStop {
  handles: HeapObject[];
  conditional: number;
  order: number;
  run: RootRun;
}

export interface Place {
  call: SyntaxNode;
  file: GoFile;
}

/** A call of the package's own code interpreted in place: where it is, what it calls, the scope it is in. */
export interface CallPlace extends Place {
  callee: FuncDecl;
  scope: Scope;
}

export interface RootRun {
  root: FuncDecl;
  finalState: State;
  /** Every call met in this run, in the order met. */
  sites: SiteEvaluation[];
  /** Calls of the package's own functions that were not followed (bounds, recursion), with what they were passed. */
  unfollowed: { order: number; objects: HeapObject[] }[];
  /** The goroutines the code starts, in the order met. */
  goroutines: GoroutineStart[];
  /** What the entry point's receiver points to when it starts, for a method. */
  receiver: HeapObject[];
  /** What each of the entry point's parameters points to when it starts, by position (none for an unnamed one). */
  parameters: HeapObject[][];
  /** What the entry point returns: its caller gets these. */
  returned: HeapObject[];
  /** The same, result by result. */
  results: HeapObject[][];
  /**
   * What outlives the entry point once it returns, and what it handed to code
   * not seen, which may keep it; known only for runs that finalize an object
   * they made.
   */
  outliving?: HeapObject[];
}

/**
 * What a function does to what it is given, read from a run of it on its
 * own: the objects that stood for its receiver and parameters, what it
 * returns, the references that run left in what it was given (and in what it
 * made or reached from there, package-level variables included), slot by
 * slot, and the goroutines it started. A call not followed in place is
 * replayed from it.
 */
export interface CalleeEffects {
  receiver: HeapObject[];
  parameters: HeapObject[][];
  results: HeapObject[][];
  stores: { holder: HeapObject; slot: string; edges: Edge[] }[];
  goroutines: GoroutineStart[];
}

/** A `go` statement: the function the goroutine runs, and what its stack holds, by the names the function knows them by. */
export interface GoroutineStart {
  /** The go statement. */
  node: SyntaxNode;
  file: GoFile;
  /** The body the goroutine runs (a func literal's or a declared function's), and the file it is in. */
  body: SyntaxNode;
  bodyFile: GoFile;
  /** Receiver, parameters and captured variables, with what each may point to when the goroutine starts. */
  held: { name: string; objects: HeapObject[] }[];
}

/** Where and why the analysis of an entry point stopped short. */
export interface AnalysisBound {
  root: FuncDecl;
  node: SyntaxNode;
  file: GoFile;
  reason: string;
}

/**
 * The runtime function an expression names, runtime.SetFinalizer or runtime.AddCleanup: through the file's
 * import of the runtime package under any name, or a dot import, unless `shadowed` says the name is a local one.
 * A method of the same name (`s.AddCleanup`) is neither.
 */
export function runtimeHookNamed(fn: SyntaxNode | null | undefined, file: GoFile, shadowed: (name: string) => boolean = () => false): SiteKind | undefined {
  let name: string | undefined;
  if (fn?.type === 'selector_expression') {
    const operand = fn.childForFieldName('operand');
    if (operand?.type !== 'identifier' || file.imports.get(operand.text) !== 'runtime' || shadowed(operand.text)) return undefined;
    name = fn.childForFieldName('field')?.text;
  } else if (fn?.type === 'identifier' && file.dotImports.includes('runtime') && !shadowed(fn.text)) {
    name = fn.text;
  }
  return name === 'SetFinalizer' || name === 'AddCleanup' ? name : undefined;
}

/**
 * The expressions inside `node` that may name runtime.SetFinalizer or
 * AddCleanup, in the order they are written: `q.SetFinalizer` selectors and
 * bare `SetFinalizer` identifiers (check them with runtimeHookNamed). Found
 * from where the text spells the names, so a large body costs what its
 * mentions cost, not a walk over all its nodes.
 */
export function hookNameNodes(node: SyntaxNode): SyntaxNode[] {
  const text = node.text;
  const found: { at: number; node: SyntaxNode }[] = [];
  for (const name of ['SetFinalizer', 'AddCleanup']) {
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length)) {
      const start = node.startIndex + at;
      const named = node.descendantForIndex(start, start + name.length);
      if (!named || named.text !== name) continue;
      if (named.type === 'field_identifier' && named.parent?.type === 'selector_expression') found.push({ at, node: named.parent });
      else if (named.type === 'identifier') found.push({ at, node: named });
    }
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.node);
}

/** Is this call runtime.SetFinalizer or runtime.AddCleanup (through any import name, not shadowed)? */
export function runtimeCallKind(call: SyntaxNode, file: GoFile, scope: Scope): SiteKind | undefined {
  return runtimeHookNamed(call.childForFieldName('function'), file, (name) => !!scope.lookup(name));
}

/** SetFinalizer(x, nil): removes a finalizer rather than setting one. */
export function removesFinalizer(evaluation: SiteEvaluation): boolean {
  return evaluation.kind === 'SetFinalizer' && evaluation.args[1]?.type === 'nil';
}
