// An abstract interpreter over Go function bodies: it follows which objects
// point to which (fields, slice elements, map keys and values, channels,
// closures) so the rules can ask whether a finalized object lies on a cycle or
// is reachable from its finalizer. Calls into functions and methods of the same
// package, or of another package of its module, are interpreted in place, so
// constructors that store their argument and methods that register a child
// with its parent are seen.
import type { SyntaxNode } from '../parse/parser.js';
import type { FuncDecl, GoFile, GoPackage } from '../model/package.js';
import { fieldChildren, methodsOf, packageOfFile, readParams, type ParamDecl } from '../model/package.js';
import { declaringPackage, readType, underlying, type GoType, type StructField } from '../model/types.js';
import { forwardedParameters } from './wrappers.js';
import { stdResult, type StdResult } from './std-calls.js';

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
}

/** Paths read best with variable names: the first variable an object is bound to names it. */
function nameObject(object: HeapObject, name: string): void {
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
  /** The package types of what the stored values reach ("?" for objects of unknown type). */
  types: Set<string>;
  /** Of those, the types of objects the code did not make, which may be any value of the type. */
  existingTypes: Set<string>;
  /** The objects of a package type the code made, which are the values it made and no other. */
  made: { type: string; object: HeapObject }[];
  /** The interpretation the store was met in: what else it did with the objects it made. */
  run: RootRun;
  links: boolean;
}

/** Objects the code did not make: they may already be linked to anything. */
const existingKinds: ReadonlySet<ObjectKind> = new Set(['param', 'lazy', 'global']);
/** A point the interpretation passed: in which order, inside which constructs that may not run. */
interface Moment {
  order: number;
  regions: readonly number[];
}

/** Builtins that keep no reference to what they are given. */
const keepsNothing: ReadonlySet<string> = new Set(['len', 'cap', 'min', 'max', 'print', 'println', 'real', 'imag', 'complex', 'delete', 'clear', 'copy', 'close']);
/** How many objects a store's values are followed through to decide whether it links. */
const linkSearchLimit = 200;

/** How a struct field is named as a place, wherever it is selected. */
export function fieldPlace(field: StructField): string {
  return `field ${field.file.path}:${field.node.startIndex}`;
}

/**
 * A value that leaves its place without some of what it held: nil, a
 * shortened slice, `append(s[:i], s[i+1:]...)`, slices.Delete. A fresh
 * container (`make`, `T{}`) is left out: that is how constructors start.
 */
function isRemovalValue(node: SyntaxNode, file: GoFile): boolean {
  switch (node.type) {
    case 'nil':
    case 'slice_expression':
      return true;
    case 'call_expression': {
      const fn = node.childForFieldName('function');
      const args = node.childForFieldName('arguments');
      if (fn?.type === 'identifier') return fn.text === 'append' && !!args?.children.some((c) => c?.type === '...');
      const operand = fn?.type === 'selector_expression' ? fn.childForFieldName('operand') : undefined;
      return operand?.type === 'identifier' && file.imports.get(operand.text) === 'slices' && /^Delete/.test(fn!.childForFieldName('field')?.text ?? '');
    }
    case 'parenthesized_expression':
      return !!node.namedChild(0) && isRemovalValue(node.namedChild(0)!, file);
    default:
      return false;
  }
}

type Slots = Map<string, Edge[]>;

/**
 * What the code knows of a local variable's value on the path it follows:
 * nil or not, true or false. A branch whose condition these decide is taken
 * or skipped for sure.
 */
export type Fact = 'nil' | 'non-nil' | 'true' | 'false';

const negation: Partial<Record<Fact, Fact>> = { true: 'false', false: 'true' };

/** The zero value's fact for a declared type: nil for pointers, slices, maps, channels, funcs and interfaces; false for bool. */
function zeroFact(type: GoType | undefined): Fact | undefined {
  switch (type?.kind) {
    case 'pointer':
    case 'slice':
    case 'map':
    case 'chan':
    case 'func':
    case 'interface':
      return 'nil';
    case 'basic':
      return type.name === 'bool' ? 'false' : undefined;
    default:
      return undefined;
  }
}

/**
 * Variables' values and the heap's references, for one entry point. There is
 * one state for the whole function: code that may or may not run (branches,
 * loops, closures) only adds references, and only code that surely runs
 * replaces them, so `bar.foo = nil` on the straight path breaks a cycle.
 */
/** Syntax nodes that spell a type: the argument of `new(T)`, not of Go 1.26's `new(expr)`. */
const typeNodes = new Set([
  'type_identifier', 'qualified_type', 'generic_type', 'pointer_type', 'slice_type', 'array_type', 'implicit_length_array_type',
  'map_type', 'channel_type', 'function_type', 'struct_type', 'interface_type', 'parenthesized_type', 'negated_type',
]);

export class State {
  readonly vars = new Map<number, HeapObject[]>();
  readonly heap = new Map<number, Slots>();
  /** Facts of variables, by key. */
  readonly facts = new Map<number, Fact>();
  /** Variables other code may change at any time (their address is taken, a later closure or goroutine assigns them): never a fact. */
  readonly shared = new Set<number>();

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

  store(object: HeapObject, slot: string, edges: Edge[], strong: boolean): void {
    this.observe?.(object, slot, edges);
    let slots = this.heap.get(object.id);
    if (!slots) this.heap.set(object.id, (slots = new Map()));
    const list = slots.get(slot);
    // A list of the state's own, so that later additions change no caller's array.
    if (strong) slots.set(slot, [...edges]);
    else if (!list) slots.set(slot, unionEdges([], edges, this.slotKeys));
    else unionEdges(list, edges, this.slotKeys);
  }
}

function unionObjects(a: HeapObject[], b: HeapObject[]): HeapObject[] {
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

interface Variable {
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
class PackageScope extends Scope {
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

/** How many calls deep the package's own code is interpreted in place. */
export const maxInlineDepth = 4;
/** How deep promoted fields and methods are searched through embedded structs. */
const maxEmbeddingDepth = 4;

/** What a selector names: a field or a method, and the embedded fields it is promoted through. */
interface Member {
  field?: StructField;
  method?: FuncDecl;
  through: StructField[];
}
/** How many times one entry point may interpret the same callee in place. */
const maxInlinesPerFunction = 8;
/** Bounds the work one root function may cause, so huge packages stay fast; the same bound always gives the same result. */
const stepBudget = 50_000;
/**
 * Of those, how many one entry point may spend in other packages of the
 * module: enough for constructors and methods that link objects, not for
 * whole subsystems. Once spent, calls into other packages are not followed
 * (as calls beyond the inlining bounds are not), without a notice.
 */
const otherPackagesStepBudget = 500;
/**
 * How deep the walks over nested code (statements, expressions, types) may
 * go. Deeper code is not analyzed, and a notice says where: a fixed bound,
 * not the size of a thread's stack, decides, so no input overflows the stack
 * and every thread gives the same result.
 */
const maxNesting = 200;

/** Where and why the analysis of an entry point stopped short. */
export interface AnalysisBound {
  root: FuncDecl;
  node: SyntaxNode;
  file: GoFile;
  reason: string;
}

interface Frame {
  returns: HeapObject[][];
  /** Named results: a bare return returns what they hold. */
  results: Variable[];
  /** Deferred calls, run when the body is done, last first. */
  deferred: (() => void)[];
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

/** Is this call runtime.SetFinalizer or runtime.AddCleanup (through any import name, not shadowed)? */
export function runtimeCallKind(call: SyntaxNode, file: GoFile, scope: Scope): SiteKind | undefined {
  return runtimeHookNamed(call.childForFieldName('function'), file, (name) => !!scope.lookup(name));
}

/** SetFinalizer(x, nil): removes a finalizer rather than setting one. */
export function removesFinalizer(evaluation: SiteEvaluation): boolean {
  return evaluation.kind === 'SetFinalizer' && evaluation.args[1]?.type === 'nil';
}

export class Interpreter {
  private nextObject = 1;
  private nextVar = 1;
  private steps = 0;
  /** Steps the entry point spent in other packages' code. */
  private otherPackagesSteps = 0;
  private readonly objects = new Map<string, HeapObject>();
  /** The objects of package-level variables, in the order made. */
  private readonly globals: HeapObject[] = [];
  /** The package block of each package whose code runs, made on first use. */
  private readonly packageScopes = new Map<GoPackage, PackageScope>();
  readonly sites: SiteEvaluation[] = [];
  readonly stops: CleanupStop[] = [];
  private readonly cleanupHandles = new Set<number>();
  /** Every removal the interpreted code may make. */
  readonly removals: Removal[] = [];
  /** Every store of another value into a field. */
  readonly links: Link[] = [];
  /** The links of the current entry point stored into objects it made, judged when it is done. */
  private linksIntoMade: { link: Link; holder: HeapObject; when: Moment }[] = [];
  /** What the current entry point hands to other packages' code or to function values: that code may keep it. */
  private escaped: HeapObject[] = [];
  /**
   * The references each nil store of the current entry point clears, through
   * a variable that may be one of several objects (`e.waiters = nil`):
   * whichever object it is, what was reached through it is let go of, after
   * any link made before it in the code it surely follows.
   */
  private clears: { edges: Edge[]; when: Moment }[] = [];
  private moments = 0;
  private state = new State();
  private run!: RootRun;
  private file!: GoFile;
  private depth = 0;
  /** How many enclosing constructs may not run (branches, loops, closures): above zero, stores only add. */
  private conditional = 0;
  /** The ids of the enclosing constructs that may not run, outermost first. */
  private readonly regions: number[] = [];
  private nextRegion = 1;
  private context = '';
  private readonly callStack: FuncDecl[] = [];
  /** The calls interpreted in place around the current code, outermost first. */
  private readonly chain: CallPlace[] = [];
  private readonly inlined = new Map<FuncDecl, number>();
  private frame!: Frame;
  private nesting = 0;
  /** The entry point being interpreted, while it is. */
  private active?: FuncDecl;
  /** Entry points whose analysis stopped short, each once, with the first place it did. */
  readonly bounds: AnalysisBound[] = [];
  /** Steps of work taken over all entry points: a measure of cost that no clock changes. */
  stepsTaken = 0;
  /**
   * Variables with a smaller key belong to code outside the closure or
   * goroutine being interpreted, which runs at some later time: their facts
   * do not hold there.
   */
  private factFloor = 0;
  /** What each func literal captures, by node id, worked out once. */
  private readonly captures = new Map<number, Set<string>>();
  /**
   * The closures made so far in this entry point that capture each local
   * variable, by variable key: a closure holds the variable, not the value it
   * had, so a later assignment changes what the closure reaches.
   */
  private readonly capturers = new Map<number, { closure: HeapObject; literal: SyntaxNode }[]>();
  /** The go statement whose call is about to be evaluated. */
  private goStatement?: SyntaxNode;

  /**
   * `recordsLinks`: whether stores into fields are recorded as links (a search of what the stored values reach,
   * for FG002's package scan); an entry point's run has no use for them and would pay that search on every store.
   */
  constructor(
    readonly pkg: GoPackage,
    private readonly recordsLinks = false,
  ) {}

  /** The package the code being interpreted belongs to: the one analyzed, or another of its module. */
  private here(): GoPackage {
    return packageOfFile(this.pkg, this.file);
  }

  /** The package block of the code being interpreted. */
  private get globalScope(): PackageScope {
    const pkg = this.here();
    let scope = this.packageScopes.get(pkg);
    if (!scope) this.packageScopes.set(pkg, (scope = new PackageScope(pkg, () => this.nextVar++, (name) => this.file.imports.has(name))));
    return scope;
  }

  /** Interprets one function as an entry point; returns the evaluations of the sites it reached. */
  interpretRoot(root: FuncDecl): SiteEvaluation[] {
    const before = this.sites.length;
    this.steps = 0;
    this.otherPackagesSteps = 0;
    this.nesting = 0;
    this.active = root;
    this.inlined.clear();
    this.state = new State();
    this.capturers.clear();
    if (this.recordsLinks) this.state.observe = (holder, slot, edges) => this.recordLink(holder, slot, edges);
    this.run = { root, finalState: this.state, sites: [], unfollowed: [], goroutines: [] };
    this.callStack.length = 0;
    this.chain.length = 0;
    this.regions.length = 0;
    this.file = root.file;
    const scope = new Scope(this.globalScope);
    this.conditional = 0;
    this.frame = { returns: [], results: this.bindParams(root, scope, undefined, []), deferred: [] };
    const parameters = [...this.state.vars.values()].flat();
    this.linksIntoMade = [];
    this.escaped = [];
    this.clears = [];
    this.callStack.push(root);
    this.body(root.body, scope);
    this.callStack.pop();
    this.dropLinksLetGo(parameters);
    this.active = undefined;
    this.stepsTaken += Math.min(this.steps, stepBudget);
    // What is left of the entry point is what its sites keep: the references, not the variables or frames.
    this.state.vars.clear();
    this.state.observe = undefined;
    this.frame = { returns: [], results: [], deferred: [] };
    return this.sites.slice(before);
  }

  /** One level deeper into nested code; false (and a notice) past maxNesting levels. The caller steps back out. */
  private deeper(node: SyntaxNode): boolean {
    if (this.nesting < maxNesting) {
      this.nesting++;
      return true;
    }
    this.stop(node, `the code nests more than ${maxNesting} levels deep`);
    return false;
  }

  /** Counts one step of the entry point's work; false (and a notice) once the budget is spent. */
  private step(node: SyntaxNode): boolean {
    if (this.file.packagePath) this.otherPackagesSteps++;
    if (++this.steps <= stepBudget) return true;
    this.stop(node, `it takes more than ${stepBudget} steps`);
    return false;
  }

  private stop(node: SyntaxNode, reason: string): void {
    const root = this.active;
    if (root && this.bounds.at(-1)?.root !== root) this.bounds.push({ root, node, file: this.file, reason });
  }

  // --- objects ---------------------------------------------------------

  private object(kind: ObjectKind, node: SyntaxNode, label: string, type?: GoType, key?: string): HeapObject {
    const id = `${kind}:${key ?? `${this.context}/${node.id}`}`;
    let object = this.objects.get(id);
    if (!object) {
      object = { id: this.nextObject++, kind, label, type, node, file: this.file, many: this.conditional > 0 };
      this.objects.set(id, object);
      if (kind === 'global') this.globals.push(object);
    }
    return object;
  }

  /** The package-level variables the code has used so far, as objects that hold their values. */
  packageVariables(): readonly HeapObject[] {
    return this.globals;
  }

  private globalObject(name: string): HeapObject | undefined {
    const pkg = this.here();
    const decl = pkg.vars.get(name);
    if (!decl) return undefined;
    const object = this.object('global', decl.nameNode, name, undefined, pkg === this.pkg ? `global:${name}` : `global:${pkg.path}.${name}`);
    object.file = decl.file;
    return object;
  }

  // --- types -----------------------------------------------------------

  /** The static type of an expression, as far as the package's declarations tell. */
  typeOf(node: SyntaxNode | null | undefined, scope: Scope): GoType {
    if (!node || !this.deeper(node)) return { kind: 'unknown' };
    const type = this.typeOfNode(node, scope);
    this.nesting--;
    return type;
  }

  private typeOfNode(node: SyntaxNode, scope: Scope): GoType {
    const unknown: GoType = { kind: 'unknown' };
    switch (node.type) {
      case 'identifier': {
        const variable = scope.lookup(node.text);
        if (variable && !variable.global) return variable.type;
        const global = this.here().vars.get(node.text);
        if (global) {
          if (global.typeNode) return readType(global.typeNode, global.file);
          return global.value ? this.typeOf(global.value, this.globalScope) : unknown;
        }
        return unknown;
      }
      case 'parenthesized_expression':
        return this.typeOf(node.namedChild(0), scope);
      case 'unary_expression': {
        const op = node.child(0)?.type;
        const operand = this.typeOf(node.childForFieldName('operand'), scope);
        if (op === '&') return operand.kind === 'unknown' ? unknown : { kind: 'pointer', elem: operand };
        if (op === '*') return operand.kind === 'pointer' ? operand.elem : unknown;
        return unknown;
      }
      case 'composite_literal':
        return readType(node.childForFieldName('type'), this.file);
      case 'selector_expression': {
        const field = this.fieldOf(node, scope);
        return field?.type ?? unknown;
      }
      case 'index_expression': {
        const base = underlying(this.typeOf(node.childForFieldName('operand'), scope), this.pkg);
        if (base.kind === 'slice' || base.kind === 'array') return base.elem;
        if (base.kind === 'map') return base.value;
        return unknown;
      }
      case 'call_expression': {
        const fn = node.childForFieldName('function');
        if (fn?.type === 'identifier' && !scope.lookup(fn.text)) {
          const argument = node.childForFieldName('arguments')?.namedChild(0);
          if (fn.text === 'new') return { kind: 'pointer', elem: this.newOfValue(argument, scope) ?? readType(argument, this.file) };
          if (fn.text === 'make') return readType(argument, this.file);
        }
        const converted = this.conversionType(node, scope);
        if (converted) return converted;
        const callee = this.calleeOf(node, scope);
        const result = callee?.decl.results[0];
        return result ? readType(result.typeNode, callee.decl.file) : unknown;
      }
      case 'type_assertion_expression':
        return readType(node.childForFieldName('type'), this.file);
      case 'type_conversion_expression':
        return this.conversionType(node, scope) ?? this.typeOf(node.childForFieldName('operand'), scope);
      case 'interpreted_string_literal':
      case 'raw_string_literal':
        return { kind: 'basic', name: 'string' };
      case 'binary_expression': {
        const operator = node.childForFieldName('operator')?.text ?? '';
        if (['==', '!=', '<', '<=', '>', '>=', '&&', '||'].includes(operator)) return { kind: 'basic', name: 'bool' };
        const left = node.childForFieldName('left');
        // An untyped constant takes the other operand's type; a shift has its left operand's.
        const untyped = !left || ['int_literal', 'float_literal', 'rune_literal', 'imaginary_literal'].includes(left.type);
        return this.typeOf(untyped && !['<<', '>>'].includes(operator) ? node.childForFieldName('right') : left, scope);
      }
      case 'int_literal':
        return { kind: 'basic', name: 'int' };
      case 'float_literal':
        return { kind: 'basic', name: 'float64' };
      case 'true':
      case 'false':
        return { kind: 'basic', name: 'bool' };
      default:
        return unknown;
    }
  }

  /**
   * The type a call converts its operand to, when what it calls is a type:
   * a type of the package or a predeclared one (`any(p)`, `error(e)`,
   * `uintptr(x)`, also in parentheses), `unsafe.Pointer(p)`, or a type
   * written out (`interface{}(p)`). Undefined for a call of a function, and
   * for a name of another package, which may be either.
   */
  private conversionType(call: SyntaxNode, scope: Scope): GoType | undefined {
    if (call.type === 'type_conversion_expression') return this.calleeOf(call, scope) ? undefined : readType(call.childForFieldName('type'), this.file);
    let fn = call.childForFieldName('function');
    while (fn?.type === 'parenthesized_expression') fn = fn.namedChild(0);
    if (fn?.type === 'identifier') {
      if (scope.lookup(fn.text) || this.here().funcs.has(fn.text)) return undefined;
      const type = readType(fn, this.file);
      return type.kind !== 'named' || this.here().types.has(fn.text) ? type : undefined;
    }
    const operand = fn?.type === 'selector_expression' ? fn.childForFieldName('operand') : undefined;
    if (operand?.type === 'identifier' && this.file.imports.get(operand.text) === 'unsafe' && !scope.lookup(operand.text) && fn!.childForFieldName('field')?.text === 'Pointer') {
      return { kind: 'basic', name: 'unsafe.Pointer' };
    }
    return undefined;
  }

  /**
   * The field or method a name selects on a type, and the embedded fields it
   * is promoted through (outermost first). Searched level by level: Go picks
   * the shallowest.
   */
  private member(type: GoType, name: string): Member | undefined {
    let level: { type: GoType; through: StructField[] }[] = [{ type, through: [] }];
    // A named type met again finds nothing new: it was searched earlier, on a path as short or shorter.
    const searched = new Set<string>();
    for (let depth = 0; depth <= maxEmbeddingDepth && level.length; depth++) {
      const next: typeof level = [];
      for (const { type: current, through } of level) {
        const typeKey = this.typeKeyOf(current);
        if (typeKey !== undefined) {
          if (searched.has(typeKey)) continue;
          searched.add(typeKey);
        }
        const method = this.methodSetOf(current)?.get(name);
        if (method) return { method, through };
        const base = underlying(current.kind === 'pointer' ? current.elem : current, this.pkg);
        if (base.kind !== 'struct') continue;
        const field = base.fields.find((f) => f.name === name);
        if (field) return { field, through };
        for (const f of base.fields) if (f.embedded) next.push({ type: f.type, through: [...through, f] });
      }
      level = next;
    }
    return undefined;
  }

  private selected(selector: SyntaxNode, scope: Scope): Member | undefined {
    const name = selector.childForFieldName('field')?.text;
    const operand = selector.childForFieldName('operand');
    return name && operand ? this.member(this.typeOf(operand, scope), name) : undefined;
  }

  /** The struct field a selector names, looking through pointers and embedded fields. */
  fieldOf(selector: SyntaxNode, scope: Scope): StructField | undefined {
    return this.selected(selector, scope)?.field;
  }

  /** The method a selector names on a value of a package type, if it is one. */
  methodOf(selector: SyntaxNode, scope: Scope): FuncDecl | undefined {
    return this.selected(selector, scope)?.method;
  }

  /** An object of unknown or interface type, which may be a value of any package type. */
  private mayHoldAnything(object: HeapObject): boolean {
    const type = object.type?.kind === 'pointer' ? object.type.elem : object.type;
    if (!type || type.kind === 'unknown') return object.kind !== 'alloc';
    return underlying(type, this.pkg).kind === 'interface';
  }

  /** The name of a named type (or pointer to one) of the module. */
  private typeNameOf(type: GoType | undefined): string | undefined {
    if (!type) return undefined;
    const base = pointee(type);
    return base.kind === 'named' && declaringPackage(base, this.pkg) ? base.name : undefined;
  }

  /** A named type of the module (or a pointer to one) as one key across its packages. */
  private typeKeyOf(type: GoType | undefined): string | undefined {
    const name = this.typeNameOf(type);
    const base = type && pointee(type);
    return name && base?.kind === 'named' ? `${declaringPackage(base, this.pkg)!.path ?? ''}.${name}` : undefined;
  }

  /** The methods declared on a named type of the module (or a pointer to one), read from every file of its package that may declare one. */
  private methodSetOf(type: GoType): Map<string, FuncDecl> | undefined {
    const base = pointee(type);
    const owner = declaringPackage(base, this.pkg);
    return owner && base.kind === 'named' ? methodsOf(owner, base.name) : undefined;
  }

  /**
   * Walks from holders through embedded fields: an embedded pointer leads to
   * the object it points to, an embedded value stays inside its container
   * (its fields become slots with a prefix, "Inner.").
   */
  private follow(holders: HeapObject[], prefix: string, through: StructField[], node: SyntaxNode): { holders: HeapObject[]; prefix: string } {
    for (const step of through) {
      if (step.type.kind === 'pointer') {
        holders = holders.flatMap((h) => this.read(h, prefix + step.name, node, step.type));
        prefix = '';
      } else {
        prefix += step.name + '.';
      }
    }
    return { holders, prefix };
  }

  /** The package function or method a call invokes, with the receiver expression and promotion path for methods. */
  private calleeOf(call: SyntaxNode, scope: Scope): { decl: FuncDecl; receiver?: SyntaxNode; through: StructField[] } | undefined {
    let fn = call.type === 'type_conversion_expression' ? instantiated(call.childForFieldName('type')) : call.childForFieldName('function');
    // `f[T](x)`: a generic function called with explicit type arguments is that function.
    if (fn?.type === 'index_expression' && fn.childForFieldName('operand')?.type === 'identifier') fn = fn.childForFieldName('operand');
    if (fn?.type === 'identifier' || fn?.type === 'type_identifier') {
      if (scope.lookup(fn.text) && !scope.lookup(fn.text)?.global) return undefined;
      const decl = this.here().funcs.get(fn.text);
      return decl ? { decl, through: [] } : undefined;
    }
    const imported = fn?.type === 'selector_expression' ? this.importedFunction(fn, scope) : undefined;
    if (imported) return { decl: imported, through: [] };
    if (fn?.type === 'selector_expression') {
      const member = this.selected(fn, scope);
      return member?.method ? { decl: member.method, receiver: fn.childForFieldName('operand') ?? undefined, through: member.through } : undefined;
    }
    return undefined;
  }

  /**
   * A method called through an interface whose dynamic type the heap shows:
   * every object the operand may hold was made here as the same type of the
   * module (`var c io.Closer = t; c.Close()`). Only for operands that are
   * names and fields, so looking does not run code twice.
   */
  private dynamicCallee(fn: SyntaxNode, scope: Scope): { decl: FuncDecl; receivers: HeapObject[]; through: StructField[] } | undefined {
    const operand = fn.childForFieldName('operand');
    const name = fn.childForFieldName('field')?.text;
    let path = operand;
    while (path?.type === 'selector_expression') path = path.childForFieldName('operand');
    if (!operand || !name || path?.type !== 'identifier') return undefined;
    if (underlying(this.typeOf(operand, scope), this.pkg).kind !== 'interface') return undefined;
    const receivers = this.evaluate(operand, scope);
    const typeKeys = new Set(receivers.map((o) => (o.kind === 'alloc' ? this.typeKeyOf(o.type) : undefined)));
    const [typeKey] = typeKeys;
    const decl = typeKeys.size === 1 && typeKey ? this.methodSetOf(receivers[0]!.type!)?.get(name) : undefined;
    return decl ? { decl, receivers, through: [] } : undefined;
  }

  /** `pkg.F` naming a function of another package of the module, while the entry point may still spend steps there (else no package is opened for it). */
  private importedFunction(selector: SyntaxNode, scope: Scope): FuncDecl | undefined {
    const operand = selector.childForFieldName('operand');
    const name = selector.childForFieldName('field')?.text;
    if (this.otherPackagesSteps >= otherPackagesStepBudget) return undefined;
    if (operand?.type !== 'identifier' || !name || scope.lookup(operand.text)) return undefined;
    const path = this.file.imports.get(operand.text);
    return path ? this.pkg.imported?.(path)?.funcs.get(name) : undefined;
  }

  // --- statements ------------------------------------------------------

  /** A function's body, then its deferred calls. */
  private body(node: SyntaxNode | undefined, scope: Scope): void {
    if (node) this.block(node, scope);
    for (const deferred of this.frame.deferred.splice(0).reverse()) deferred();
  }

  private block(node: SyntaxNode, parent: Scope): void {
    const scope = new Scope(parent);
    for (const child of node.namedChildren) {
      if (!child) continue;
      if (child.type === 'statement_list') for (const s of child.namedChildren) this.statement(s, scope);
      else this.statement(child, scope);
    }
  }

  private statement(node: SyntaxNode | null, scope: Scope): void {
    if (!node || !this.step(node) || !this.deeper(node)) return;
    this.statementNode(node, scope);
    this.nesting--;
  }

  private statementNode(node: SyntaxNode, scope: Scope): void {
    switch (node.type) {
      case 'block':
        return this.block(node, scope);
      case 'expression_statement':
        this.evaluate(node.namedChild(0), scope);
        return;
      case 'short_var_declaration':
        return this.assign(fieldChildren(node, 'left').flatMap((l) => l.namedChildren), node.childForFieldName('right'), scope, true, node);
      case 'assignment_statement': {
        const operator = node.childForFieldName('operator')?.text ?? '=';
        const left = node.childForFieldName('left')?.namedChildren ?? [];
        if (operator === '=') return this.assign(left, node.childForFieldName('right'), scope, false, node);
        this.evaluate(node.childForFieldName('right'), scope);
        return;
      }
      case 'var_declaration':
        for (const spec of node.descendantsOfType('var_spec')) {
          if (!spec) continue;
          const names = fieldChildren(spec, 'name');
          const typeNode = spec.childForFieldName('type');
          this.assign(names, spec.childForFieldName('value'), scope, true, spec, typeNode ? readType(typeNode, this.file) : undefined);
        }
        return;
      case 'send_statement': {
        const channels = this.evaluate(node.childForFieldName('channel'), scope);
        const values = this.evaluate(node.childForFieldName('value'), scope);
        for (const ch of channels) this.state.store(ch, '<-', this.edges(values, '<-', node), false);
        return;
      }
      case 'return_statement': {
        const values = node.namedChild(0)?.namedChildren ?? [];
        if (!values.length) {
          this.frame.results.forEach((r, i) => (this.frame.returns[i] = unionObjects(this.frame.returns[i] ?? [], this.state.vars.get(r.key) ?? [])));
        } else if (values.length === 1 && values[0]?.type === 'call_expression') {
          const results = this.call(values[0], scope);
          results.forEach((r, i) => (this.frame.returns[i] = unionObjects(this.frame.returns[i] ?? [], r)));
        } else {
          values.forEach((v, i) => (this.frame.returns[i] = unionObjects(this.frame.returns[i] ?? [], this.evaluate(v, scope))));
        }
        return;
      }
      case 'if_statement': {
        const inner = new Scope(scope);
        this.statement(node.childForFieldName('initializer'), inner);
        const condition = node.childForFieldName('condition');
        const known = this.factOf(condition, inner);
        this.evaluate(condition, inner);
        // A condition the facts decide takes one branch for sure and never the other.
        if (known === 'true') return this.statement(node.childForFieldName('consequence'), inner);
        if (known === 'false') return this.statement(node.childForFieldName('alternative'), inner);
        // Each branch is a region of its own: code in one never runs after code in the other.
        this.maybe(() => this.statement(node.childForFieldName('consequence'), inner));
        this.maybe(() => this.statement(node.childForFieldName('alternative'), inner));
        return;
      }
      case 'for_statement':
        return this.loop(node, scope);
      case 'expression_switch_statement':
      case 'type_switch_statement':
      case 'select_statement':
        return this.switchStatement(node, scope);
      case 'go_statement':
        // A goroutine runs at some point, maybe after everything here.
        this.goStatement = node;
        this.maybe(() => this.later(() => this.evaluate(node.namedChild(0), scope)));
        this.goStatement = undefined;
        return;
      case 'defer_statement': {
        // Runs when the function returns, after everything its body does.
        const call = node.namedChild(0);
        this.frame.deferred.push(() => this.evaluate(call, scope));
        return;
      }
      case 'labeled_statement':
        return this.statement(node.namedChildren.find((c) => c?.type !== 'label_name') ?? null, scope);
      default:
        return;
    }
  }

  private loop(node: SyntaxNode, scope: Scope): void {
    const inner = new Scope(scope);
    const clause = node.namedChildren.find((c) => c?.type === 'for_clause' || c?.type === 'range_clause');
    const body = node.childForFieldName('body');
    const iterate = () => {
      if (clause?.type === 'range_clause') {
        const left = clause.childForFieldName('left')?.namedChildren ?? [];
        const right = clause.childForFieldName('right');
        const collection = this.evaluate(right, inner);
        const rangeType = underlying(this.typeOf(right, inner), this.pkg);
        const keys = collection.flatMap((c) => this.read(c, '[key]', clause));
        const elementSlot = rangeType.kind === 'map' ? '[value]' : rangeType.kind === 'chan' ? '<-' : '[]';
        const values = collection.flatMap((c) => this.read(c, elementSlot, clause));
        const elem = rangeType.kind === 'slice' || rangeType.kind === 'array' ? rangeType.elem : rangeType.kind === 'map' ? rangeType.value : undefined;
        const keyType = rangeType.kind === 'map' ? rangeType.key : undefined;
        const declare = clause.children.some((c) => c?.type === ':=');
        // The first variable is a map's key, a channel's element, or an index.
        if (rangeType.kind === 'chan') {
          if (left[0]) this.bind(left[0], values, inner, declare, rangeType.elem, clause);
        } else if (left[0]) this.bind(left[0], rangeType.kind === 'map' ? keys : [], inner, declare, keyType, clause);
        if (left[1]) this.bind(left[1], values, inner, declare, elem, clause);
      } else if (clause) {
        this.statement(clause.childForFieldName('initializer'), inner);
        this.evaluate(clause.childForFieldName('condition'), inner);
        this.statement(clause.childForFieldName('update'), inner);
      }
      this.statement(body, inner);
    };
    // Twice: the second pass sees what the first pass stored, enough for
    // references that one iteration makes to the previous iteration's objects.
    this.maybe(() => {
      iterate();
      iterate();
    });
  }

  private switchStatement(node: SyntaxNode, scope: Scope): void {
    const inner = new Scope(scope);
    this.statement(node.childForFieldName('initializer'), inner);
    let bound: { name: SyntaxNode; objects: HeapObject[] } | undefined;
    if (node.type === 'type_switch_statement') {
      const alias = node.childForFieldName('alias')?.namedChild(0);
      const objects = this.evaluate(node.childForFieldName('value'), inner);
      if (alias) bound = { name: alias, objects };
    } else {
      this.evaluate(node.childForFieldName('value'), inner);
    }
    for (const clause of node.namedChildren) {
      if (clause && /case|default/.test(clause.type)) this.maybe(() => this.switchCase(clause, inner, bound));
    }
  }

  private switchCase(clause: SyntaxNode, inner: Scope, bound: { name: SyntaxNode; objects: HeapObject[] } | undefined): void {
    const caseScope = new Scope(inner);
    if (bound) this.bind(bound.name, bound.objects, caseScope, true, undefined, clause);
    for (const part of clause.namedChildren) {
      if (part?.type === 'statement_list') for (const st of part.namedChildren) this.statement(st, caseScope);
      else if (part?.type === 'receive_statement') this.receive(part, caseScope);
      else if (part?.type === 'send_statement') this.statement(part, caseScope);
    }
  }

  /** Runs code that may not run: what it stores adds to what is there. */
  private maybe(body: () => void): void {
    this.conditional++;
    this.regions.push(this.nextRegion++);
    try {
      body();
    } finally {
      this.regions.pop();
      this.conditional--;
    }
  }

  /** Runs code that runs at some later time (a goroutine, a stored closure): the facts of the code around it do not hold there. */
  private later<T>(body: () => T): T {
    const saved = this.factFloor;
    this.factFloor = this.nextVar;
    try {
      return body();
    } finally {
      this.factFloor = saved;
    }
  }

  // --- facts -----------------------------------------------------------

  /** What the facts say of an expression's value, without evaluating it. */
  private factOf(node: SyntaxNode | null | undefined, scope: Scope): Fact | undefined {
    if (!node || !this.deeper(node)) return undefined;
    const fact = this.factOfNode(node, scope);
    this.nesting--;
    return fact;
  }

  private factOfNode(node: SyntaxNode, scope: Scope): Fact | undefined {
    switch (node.type) {
      case 'parenthesized_expression':
        return this.factOf(node.namedChild(0), scope);
      case 'nil':
        return 'nil';
      case 'true':
      case 'false':
        return node.type;
      case 'func_literal':
      case 'composite_literal':
        return 'non-nil';
      case 'identifier': {
        const variable = scope.lookup(node.text);
        return variable && !variable.global && variable.key >= this.factFloor ? this.state.facts.get(variable.key) : undefined;
      }
      case 'unary_expression': {
        const op = node.child(0)?.type;
        if (op === '&') return 'non-nil';
        const operand = op === '!' ? this.factOf(node.childForFieldName('operand'), scope) : undefined;
        return operand && negation[operand];
      }
      case 'call_expression': {
        const fn = node.childForFieldName('function');
        const builtin = fn?.type === 'identifier' && !scope.lookup(fn.text) && !this.here().funcs.has(fn.text);
        return builtin && (fn.text === 'new' || fn.text === 'make') ? 'non-nil' : undefined;
      }
      case 'binary_expression':
        return this.comparisonFact(node, scope);
      default:
        return undefined;
    }
  }

  /** `a == b`, `a != b`, `a && b`, `a || b` when the facts of both sides decide it. */
  private comparisonFact(node: SyntaxNode, scope: Scope): Fact | undefined {
    const op = node.childForFieldName('operator')?.text;
    const left = this.factOf(node.childForFieldName('left'), scope);
    const right = this.factOf(node.childForFieldName('right'), scope);
    if (op === '&&') return left === 'false' || right === 'false' ? 'false' : left === 'true' && right === 'true' ? 'true' : undefined;
    if (op === '||') return left === 'true' || right === 'true' ? 'true' : left === 'false' && right === 'false' ? 'false' : undefined;
    if ((op !== '==' && op !== '!=') || !left || !right) return undefined;
    // Two non-nil pointers may or may not be equal; every other pair of facts decides.
    if (left === 'non-nil' && right === 'non-nil') return undefined;
    return (left === right) === (op === '==') ? 'true' : 'false';
  }

  /**
   * Records a variable's new fact. A new variable, or one assigned where it
   * was declared, gets it; one assigned in code that may not run keeps a fact
   * only when both values agree.
   */
  private setFact(variable: Variable, fresh: boolean, fact: Fact | undefined): void {
    const { facts, shared } = this.state;
    if (variable.key < this.factFloor) shared.add(variable.key);
    const sure = fresh || variable.level === this.regions.length;
    if (fact && !shared.has(variable.key) && (sure || facts.get(variable.key) === fact)) facts.set(variable.key, fact);
    else facts.delete(variable.key);
  }

  /** A nil pointer stored in an interface makes a non-nil interface: only the literal nil is nil there. */
  private factInto(type: GoType | undefined, value: SyntaxNode | null | undefined, fact: Fact | undefined): Fact | undefined {
    return fact === 'nil' && value?.type !== 'nil' && type && underlying(type, this.pkg).kind === 'interface' ? undefined : fact;
  }

  private receive(node: SyntaxNode, scope: Scope): void {
    if (node.type !== 'receive_statement') return;
    const left = node.childForFieldName('left')?.namedChildren ?? [];
    const values = this.evaluate(node.childForFieldName('right'), scope);
    if (left[0]) this.bind(left[0], values, scope, true, undefined, node);
  }

  // --- assignment ------------------------------------------------------

  private assign(
    left: (SyntaxNode | null)[],
    right: SyntaxNode | null,
    scope: Scope,
    declare: boolean,
    statement: SyntaxNode,
    declaredType?: GoType,
  ): void {
    const rightExprs = right?.type === 'expression_list' ? right.namedChildren : right ? [right] : [];
    // Facts of the values as they are before the assignment: `a, b = b, a` swaps them.
    const facts = rightExprs.map((e) => this.factOf(e, scope));
    let values: HeapObject[][];
    let types: (GoType | undefined)[];
    if (rightExprs.length === 1 && left.length > 1 && rightExprs[0]?.type === 'call_expression') {
      values = this.call(rightExprs[0], scope);
      const callee = this.calleeOf(rightExprs[0], scope);
      types = left.map((_, i) => (callee?.decl.results[i] ? readType(callee.decl.results[i]!.typeNode, callee.decl.file) : undefined));
    } else if (rightExprs.length === 1 && left.length === 2 && rightExprs[0]?.type === 'index_expression') {
      values = [this.evaluate(rightExprs[0], scope), []];
      types = [this.typeOf(rightExprs[0], scope), { kind: 'basic', name: 'bool' }];
    } else {
      types = rightExprs.map((e) => this.typeOf(e, scope));
      values = rightExprs.map((e) => this.evaluate(e, scope));
    }
    left.forEach((target, i) => {
      if (!target) return;
      const value = rightExprs.length === left.length ? rightExprs[i] : undefined;
      if (!declare && value && isRemovalValue(value, this.file) && !this.initializes(target, scope)) this.removal(target, scope, statement);
      const type = declaredType ?? types[i];
      const fact = value ? facts[i] : rightExprs.length ? undefined : zeroFact(declaredType && underlying(declaredType, this.pkg));
      this.bind(target, values[i] ?? [], scope, declare, type, statement, this.factInto(type, value, fact));
    });
  }

  /** Stores values into a variable, a field, an element, or through a pointer. */
  private bind(
    target: SyntaxNode,
    values: HeapObject[],
    scope: Scope,
    declare: boolean,
    type: GoType | undefined,
    statement: SyntaxNode,
    fact?: Fact,
  ): void {
    switch (target.type) {
      case 'identifier': {
        if (target.text === '_') return;
        // A declaration makes a new variable without asking what the name meant before.
        let variable = declare ? undefined : scope.lookup(target.text);
        if (!variable) {
          variable = { key: this.nextVar++, name: target.text, type: type ?? { kind: 'unknown' }, global: false, level: this.regions.length };
          scope.declare(variable);
        }
        if (!variable.global) this.setFact(variable, declare, fact);
        if (variable.global) {
          const holder = this.globalObject(variable.name);
          if (holder) this.state.store(holder, 'value', this.edges(values, variable.name, statement, undefined, undefined, `var ${variable.name}`), this.conditional === 0);
          return;
        }
        if (declare && !values.length && type && this.isValueKind(type)) {
          // `var a [n]*T`: the zero value is storage that element and field stores land in.
          values = [this.object('alloc', target, target.text, type)];
        }
        for (const v of values) nameObject(v, target.text);
        const previous = this.conditional > 0 ? (this.state.vars.get(variable.key) ?? []) : [];
        this.state.vars.set(variable.key, unionObjects(previous, values));
        for (const { closure, literal } of this.capturers.get(variable.key) ?? []) {
          const via = `captures ${variable.name}`;
          this.state.store(closure, via, this.edges(values, via, literal), this.conditional === 0);
        }
        return;
      }
      case 'selector_expression': {
        const place = this.place(target, scope);
        const field = this.fieldOf(target, scope);
        if (!values.length) this.clears.push({ edges: place.holders.flatMap((h) => this.state.slot(h, place.slot)), when: this.moment() });
        for (const holder of place.holders) {
          const edges = this.edges(values, this.via(holder, place.slot), statement, field);
          this.state.store(holder, place.slot, edges, place.holders.length === 1 && this.conditional === 0);
        }
        return;
      }
      case 'index_expression': {
        const element = this.elementPlace(target, scope);
        const keys = this.evaluate(target.childForFieldName('index'), scope);
        const place = this.placeOf(target, scope);
        for (const c of element.holders) {
          this.state.store(c, element.slot, this.edges(values, element.via(c), statement, undefined, undefined, place), false);
          if (element.isMap && keys.length) this.state.store(c, '[key]', this.edges(keys, '[key]', statement, undefined, undefined, place), false);
        }
        return;
      }
      case 'unary_expression':
      case 'parenthesized_expression': {
        // *p = v copies a struct's references into the object p points to.
        if (!this.isValueType(target, scope)) return;
        const holders = this.evaluate(target.childForFieldName('operand') ?? target.namedChild(0), scope);
        for (const h of holders) for (const v of values) this.copySlots(v, h);
        return;
      }
      default:
        return;
    }
  }

  /** Whether an expression's value is a struct or array held by value: assigning it copies. */
  private isValueType(node: SyntaxNode, scope: Scope): boolean {
    return this.isValueKind(this.typeOf(node, scope));
  }

  private isValueKind(type: GoType): boolean {
    const kind = underlying(type, this.pkg).kind;
    return kind === 'struct' || kind === 'array';
  }

  private copySlots(from: HeapObject, to: HeapObject): void {
    for (const [slot, edges] of this.state.heap.get(from.id) ?? []) this.state.store(to, slot, edges, false);
  }

  private via(holder: HeapObject, slot: string): string {
    const typeName = this.typeNameOf(holder.type);
    return typeName ? `${typeName}.${slot}` : `${holder.label}.${slot}`;
  }

  private edges(values: HeapObject[], via: string, node: SyntaxNode, field?: StructField, sure = this.conditional === 0, place = field && fieldPlace(field)): Edge[] {
    return values.map((to) => ({
      to,
      via,
      node,
      file: this.file,
      field: field ? { node: field.node, file: field.file } : undefined,
      sure,
      place,
    }));
  }

  /** The field or package-level variable an expression stores into; an element's place is its container's. */
  private placeOf(node: SyntaxNode | null | undefined, scope: Scope): string | undefined {
    switch (node?.type) {
      case 'parenthesized_expression':
        return this.placeOf(node.namedChild(0), scope);
      case 'index_expression':
        return this.placeOf(node.childForFieldName('operand'), scope);
      case 'selector_expression': {
        const field = this.fieldOf(node, scope);
        return field && fieldPlace(field);
      }
      case 'identifier': {
        const variable = scope.lookup(node.text);
        return (variable ? variable.global : this.here().vars.has(node.text)) ? `var ${node.text}` : undefined;
      }
      default:
        return undefined;
    }
  }

  private recordLink(holder: HeapObject, slot: string, edges: Edge[]): void {
    const first = edges[0];
    if (!first?.place?.startsWith('field ')) return;
    const present = this.state.slot(holder, slot);
    // Storing the holder itself, or what the slot already holds, links nothing new (a scan, not a set: few values are stored at once).
    const queue = edges.map((e) => e.to).filter((o) => o.id !== holder.id && !present.some((e) => e.to.id === o.id));
    const seen = new Set(queue.map((o) => o.id));
    const types = new Set<string>();
    const existingTypes = new Set<string>();
    const made: Link['made'] = [];
    // What an existing object leads to was linked before this store: it says nothing of what the store puts in.
    const beyondExisting = new Set<number>();
    let links = false;
    for (let i = 0; i < queue.length && i < linkSearchLimit; i++) {
      const object = queue[i]!;
      if (object.kind === 'opaque') continue;
      const type = this.typeNameOf(object.type) ?? '?';
      types.add(type);
      const madeHere = object.kind === 'alloc' && type !== '?';
      if (beyondExisting.has(object.id)) {
        // Linked before this store: what it holds says nothing of what the store puts in.
      } else if (madeHere) made.push({ type, object });
      else if (type !== '?' || this.mayHoldAnything(object)) existingTypes.add(type);
      if (object.id === holder.id || existingKinds.has(object.kind)) links = true;
      for (const edge of this.state.edgesFrom(object)) {
        // Objects queued past the limit are never looked at: a large object's other edges need no reading.
        if (queue.length >= linkSearchLimit) break;
        if (seen.has(edge.to.id)) continue;
        seen.add(edge.to.id);
        queue.push(edge.to);
        if (!madeHere || beyondExisting.has(object.id)) beyondExisting.add(edge.to.id);
      }
    }
    if (!types.size) return;
    const link: Link = { place: first.place, node: first.node, file: first.file, types, existingTypes, made, run: this.run, links };
    this.links.push(link);
    if (holder.kind === 'alloc') this.linksIntoMade.push({ link, holder, when: this.moment() });
  }

  /** Where the code is now: a later moment whose regions start with these surely follows. */
  private moment(): Moment {
    return { order: this.moments++, regions: [...this.regions] };
  }

  /**
   * A store into an object the entry point made links nothing when, once it
   * is done, nothing that outlives it reaches that object any more: neither
   * its receiver and parameters, nor package-level variables, objects of
   * other packages, what it returns, what it hands to other packages' code,
   * nor the goroutines it starts. The value was let go of, or the reference
   * that held it was cleared right after the link was made (`w <- r` for
   * each waiter, then `e.waiters = nil`).
   */
  private dropLinksLetGo(parameters: HeapObject[]): void {
    if (!this.linksIntoMade.length) return;
    const roots = [...parameters, ...this.globals, ...this.escaped, ...this.frame.returns.flat()];
    for (const result of this.frame.results) roots.push(...(this.state.vars.get(result.key) ?? []));
    for (const goroutine of this.run.goroutines) for (const held of goroutine.held) roots.push(...held.objects);
    for (const slots of this.state.heap.values()) for (const edges of slots.values()) roots.push(...edges.map((e) => e.to).filter((o) => o.kind === 'opaque'));
    for (const objects of this.state.vars.values()) roots.push(...objects.filter((o) => o.kind === 'opaque'));
    // What is reached with the references that the clears surely following a link take away, by the clears.
    const reachedWithout = new Map<string, Set<number>>();
    const reachable = (cleared: Set<Edge>): Set<number> => {
      const reached = new Set(roots.map((o) => o.id));
      const queue = [...roots];
      while (queue.length) {
        for (const edge of this.state.edgesFrom(queue.pop()!)) {
          if (reached.has(edge.to.id) || cleared.has(edge)) continue;
          reached.add(edge.to.id);
          queue.push(edge.to);
        }
      }
      return reached;
    };
    const letGo = new Set<Link>();
    for (const { link, holder, when } of this.linksIntoMade) {
      const following = this.clears.filter((c) => c.when.order > when.order && c.when.regions.every((r, i) => when.regions[i] === r));
      const key = following.map((c) => c.when.order).join(' ');
      let reached = reachedWithout.get(key);
      if (!reached) reachedWithout.set(key, (reached = reachable(new Set(following.flatMap((c) => c.edges)))));
      if (!reached.has(holder.id)) letGo.add(link);
    }
    if (letGo.size) this.links.splice(0, this.links.length, ...this.links.filter((l) => !letGo.has(l)));
    this.linksIntoMade = [];
  }

  /** A store into objects this code made, or into a package-level variable from init: it sets up, it takes nothing away. */
  private initializes(target: SyntaxNode, scope: Scope): boolean {
    let holders: HeapObject[] = [];
    if (target.type === 'selector_expression') holders = this.place(target, scope).holders;
    else if (target.type === 'index_expression') holders = this.elementPlace(target, scope).holders;
    else return this.run.root.name === 'init' && !this.run.root.receiver;
    return holders.length > 0 && holders.every((h) => h.kind === 'alloc');
  }

  private removal(target: SyntaxNode | null | undefined, scope: Scope, statement: SyntaxNode): void {
    const place = this.placeOf(target, scope);
    if (place) this.removals.push({ place, node: statement, file: this.file });
  }

  /**
   * Where a selector points: the objects that hold the field, and the slot's
   * name. A field of a struct held by value lives inside its container, so
   * `r.Tags.repo` is a slot "Tags.repo" of r's object.
   */
  private place(selector: SyntaxNode, scope: Scope): { holders: HeapObject[]; slot: string } {
    if (!this.deeper(selector)) return { holders: [], slot: '?' };
    const place = this.placeNode(selector, scope);
    this.nesting--;
    return place;
  }

  private placeNode(selector: SyntaxNode, scope: Scope): { holders: HeapObject[]; slot: string } {
    const name = selector.childForFieldName('field')?.text ?? '?';
    const operand = selector.childForFieldName('operand');
    let start = { holders: [] as HeapObject[], prefix: '' };
    const inner = operand?.type === 'selector_expression' ? this.fieldOf(operand, scope) : undefined;
    const innerType = inner ? underlying(inner.type, this.pkg) : undefined;
    if (operand && (innerType?.kind === 'struct' || innerType?.kind === 'array')) {
      const outer = this.place(operand, scope);
      start = { holders: outer.holders, prefix: `${outer.slot}.` };
    } else {
      start.holders = this.evaluate(operand, scope);
    }
    const through = this.selected(selector, scope)?.through ?? [];
    const reached = this.follow(start.holders, start.prefix, through, selector);
    return { holders: reached.holders, slot: reached.prefix + name };
  }

  /**
   * Where an element lives: in a map's or slice's own allocation, or, for an
   * array held by value in a struct field, inside the struct's object.
   */
  private elementPlace(index: SyntaxNode, scope: Scope): { holders: HeapObject[]; slot: string; isMap: boolean; via: (holder: HeapObject) => string } {
    const operand = index.childForFieldName('operand');
    const kind = underlying(this.typeOf(operand, scope), this.pkg).kind;
    if (kind === 'array' && operand?.type === 'selector_expression') {
      const outer = this.place(operand, scope);
      return { holders: outer.holders, slot: `${outer.slot}[]`, isMap: false, via: (h) => `${this.via(h, outer.slot)}[]` };
    }
    const isMap = kind === 'map';
    const slot = isMap ? '[value]' : '[]';
    return { holders: this.evaluate(operand, scope), slot, isMap, via: () => slot };
  }

  /** Reads a slot; references of objects the code did not make here (parameters, globals) are materialized on demand. */
  private read(holder: HeapObject, slot: string, node: SyntaxNode, fieldType?: GoType): HeapObject[] {
    const edges = this.state.slot(holder, slot);
    if (edges.length || holder.kind === 'alloc' || holder.kind === 'closure') return edges.map((e) => e.to);
    const lazy = this.object('lazy', node, `${holder.label}.${slot}`, fieldType ? pointee(fieldType) : undefined, `${holder.id}.${slot}`);
    // What a parameter or global already holds is there for sure, wherever the code first reads it.
    this.state.store(holder, slot, this.edges([lazy], this.via(holder, slot), node, undefined, true), false);
    return [lazy];
  }

  // --- expressions -----------------------------------------------------

  evaluate(node: SyntaxNode | null | undefined, scope: Scope): HeapObject[] {
    if (!node || !this.step(node) || !this.deeper(node)) return [];
    const objects = this.evaluateNode(node, scope);
    this.nesting--;
    return objects;
  }

  private evaluateNode(node: SyntaxNode, scope: Scope): HeapObject[] {
    switch (node.type) {
      case 'identifier': {
        const variable = scope.lookup(node.text);
        if (variable && !variable.global) return this.state.vars.get(variable.key) ?? [];
        if (this.here().vars.has(node.text)) {
          const holder = this.globalObject(node.text)!;
          const decl = this.here().vars.get(node.text)!;
          const stored = this.state.slot(holder, 'value').map((e) => e.to);
          if (stored.length) return stored;
          const saved = this.file;
          this.file = decl.file;
          const initial = decl.value ? this.evaluate(decl.value, this.globalScope) : [];
          this.file = saved;
          const values = initial.length ? initial : [this.object('lazy', decl.nameNode, node.text, undefined, `global-value:${node.text}`)];
          for (const v of values) nameObject(v, node.text);
          this.state.store(holder, 'value', this.edges(values, node.text, decl.nameNode, undefined, undefined, `var ${node.text}`), false);
          return values;
        }
        return [];
      }
      case 'parenthesized_expression':
        return this.evaluate(node.namedChild(0), scope);
      case 'unary_expression': {
        const op = node.child(0)?.type;
        const operand = node.childForFieldName('operand');
        if (op === '&' && operand?.type === 'composite_literal') {
          return this.evaluate(operand, scope);
        }
        if (op === '&') return this.addressOf(operand, scope);
        if (op === '*') {
          const targets = this.evaluate(operand, scope);
          if (!this.isValueType(node, scope)) return targets;
          // `old := *v` copies the struct: the copy holds what v holds, but is not v.
          const copy = this.object('alloc', node, node.text, this.typeOf(node, scope));
          for (const t of targets) this.copySlots(t, copy);
          return [copy];
        }
        if (op === '<-') return this.evaluate(operand, scope).flatMap((ch) => this.read(ch, '<-', node));
        this.evaluate(operand, scope);
        return [];
      }
      case 'composite_literal':
        return this.compositeLiteral(node, readType(node.childForFieldName('type'), this.file), scope);
      case 'func_literal':
        return [this.closure(node, scope).object];
      case 'selector_expression':
        return this.selector(node, scope);
      case 'index_expression': {
        const element = this.elementPlace(node, scope);
        this.evaluate(node.childForFieldName('index'), scope);
        return element.holders.flatMap((c) => this.read(c, element.slot, node));
      }
      case 'slice_expression':
        return this.evaluate(node.childForFieldName('operand'), scope);
      case 'type_assertion_expression':
        return this.evaluate(node.childForFieldName('operand'), scope);
      case 'type_conversion_expression':
        // `f[T](x)` reads as a conversion to a generic type; when f is a function, it is a call.
        if (this.calleeOf(node, scope)) return this.call(node, scope)[0] ?? [];
        return this.evaluate(node.childForFieldName('operand'), scope);
      case 'call_expression':
        return this.call(node, scope)[0] ?? [];
      case 'binary_expression':
        this.evaluate(node.childForFieldName('left'), scope);
        this.evaluate(node.childForFieldName('right'), scope);
        return [];
      case 'expression_list':
        return node.namedChildren.flatMap((c) => this.evaluate(c, scope));
      default:
        return [];
    }
  }

  private addressOf(operand: SyntaxNode | null, scope: Scope): HeapObject[] {
    if (!operand) return [];
    if (operand.type === 'identifier') {
      const variable = scope.lookup(operand.text);
      if (variable && !variable.global) {
        // Code holding its address may change it at any time.
        this.state.shared.add(variable.key);
        this.state.facts.delete(variable.key);
        const current = this.state.vars.get(variable.key) ?? [];
        // &s of a struct or array variable: its own storage, which escapes to the heap.
        if (this.isValueKind(variable.type) && current.length) return current;
        // &p of any other variable: a cell that holds what p holds; p itself is unchanged.
        const cell = this.object('alloc', operand, `&${operand.text}`, variable.type, `var:${variable.key}`);
        this.state.store(cell, 'value', this.edges(current, `*&${operand.text}`, operand), false);
        return [cell];
      }
      const global = this.globalObject(operand.text);
      return global ? [global] : [];
    }
    // &x.f, &a[i]: a pointer into x's (or a's) own allocation.
    if (operand.type === 'selector_expression') return this.place(operand, scope).holders;
    if (operand.type === 'index_expression') return this.evaluate(operand.childForFieldName('operand'), scope);
    return this.evaluate(operand, scope);
  }

  private compositeLiteral(node: SyntaxNode, type: GoType, scope: Scope): HeapObject[] {
    if (!this.deeper(node)) return [];
    const objects = this.compositeLiteralNode(node, type, scope);
    this.nesting--;
    return objects;
  }

  private compositeLiteralNode(node: SyntaxNode, type: GoType, scope: Scope): HeapObject[] {
    const object = this.object('alloc', node, `${node.childForFieldName('type')?.text ?? ''}{}`, type);
    const under = underlying(type, this.pkg);
    const body = node.childForFieldName('body');
    const fields = under.kind === 'struct' ? under.fields : [];
    let position = 0;
    for (const element of body?.namedChildren ?? []) {
      if (!element) continue;
      let keyNode: SyntaxNode | null = null;
      let valueNode: SyntaxNode | null = element;
      if (element.type === 'keyed_element') {
        keyNode = element.childForFieldName('key')?.namedChild(0) ?? null;
        valueNode = element.childForFieldName('value');
      }
      if (valueNode?.type === 'literal_element') valueNode = valueNode.namedChild(0);
      let field: StructField | undefined;
      let slot: string;
      let elemType: GoType | undefined;
      if (under.kind === 'struct') {
        field = keyNode ? fields.find((f) => f.name === keyNode!.text) : fields[position];
        slot = field?.name ?? keyNode?.text ?? String(position);
        elemType = field?.type;
      } else if (under.kind === 'map') {
        slot = '[value]';
        elemType = under.value;
        if (keyNode) {
          const keys = keyNode.type === 'literal_value' ? this.compositeLiteral(keyNode, under.key, scope) : this.evaluate(keyNode, scope);
          this.state.store(object, '[key]', this.edges(keys, '[key]', element), false);
        }
      } else {
        slot = '[]';
        elemType = under.kind === 'slice' || under.kind === 'array' ? under.elem : undefined;
      }
      position++;
      // Elided element types: `{...}` inside []*T{...} is &T{...}.
      const values =
        valueNode?.type === 'literal_value' && elemType
          ? this.compositeLiteral(valueNode, pointee(elemType), scope)
          : this.evaluate(valueNode, scope);
      const via = slot.startsWith('[') ? slot : this.via(object, slot);
      this.state.store(object, slot, this.edges(values, via, element, field), false);
    }
    return [object];
  }

  /**
   * A func literal is a heap object that references every local variable it
   * captures. Called in place (`func(x *T){...}(v)`), its body runs now with
   * its parameters bound to the arguments; otherwise it may run later or
   * never, and what it does is added as a possibility.
   */
  private closure(node: SyntaxNode, scope: Scope, args?: HeapObject[][], argFacts?: (Fact | undefined)[]): { object: HeapObject; returns: HeapObject[][] } {
    const object = this.object('closure', node, 'func literal');
    for (const name of this.capturedBy(node)) {
      const variable = scope.lookup(name);
      if (!variable || variable.global) continue;
      const values = this.state.vars.get(variable.key) ?? [];
      this.state.store(object, `captures ${name}`, this.edges(values, `captures ${name}`, node), false);
      const capturers = this.capturers.get(variable.key) ?? [];
      if (!capturers.some((c) => c.closure.id === object.id)) this.capturers.set(variable.key, [...capturers, { closure: object, literal: node }]);
    }
    const inner = new Scope(scope);
    const params = readParams(node.childForFieldName('parameters'));
    const results = readParams(node.childForFieldName('result'));
    const interpret = () => {
      const frame: Frame = { returns: [], results: this.bindSignature(node, params, results, this.file, [], inner, args, argFacts), deferred: [] };
      const body = node.childForFieldName('body');
      if (body) {
        const saved = this.frame;
        this.frame = frame;
        if (args) this.body(body, inner);
        else this.maybe(() => this.body(body, inner));
        this.frame = saved;
      }
      return frame.returns;
    };
    // Not called here, it may run at any later time.
    return { object, returns: args ? interpret() : this.later(interpret) };
  }

  private capturedBy(literal: SyntaxNode): Set<string> {
    if (!this.captures.has(literal.id)) for (const [id, names] of capturedNamesWithin(literal)) this.captures.set(id, names);
    return this.captures.get(literal.id)!;
  }

  /** Records the goroutine a go statement starts: the body it runs and what that body's names hold. */
  private startGoroutine(go: SyntaxNode, body: SyntaxNode | null | undefined, bodyFile: GoFile, held: { name: string; objects: HeapObject[] }[]): void {
    if (body) this.run.goroutines.push({ node: go, file: this.file, body, bodyFile, held: held.filter((h) => h.objects.length) });
  }

  /** What a function's parameters are bound to by a call's arguments, by name. */
  private boundParams(params: ParamDecl[], args: HeapObject[][]): { name: string; objects: HeapObject[] }[] {
    return params.flatMap((p, i) => (p.name ? [{ name: p.name, objects: (p.variadic ? args.slice(i).flat() : args[i]) ?? [] }] : []));
  }

  private selector(node: SyntaxNode, scope: Scope): HeapObject[] {
    const operand = node.childForFieldName('operand');
    if (operand?.type === 'identifier' && !scope.lookup(operand.text) && this.file.imports.has(operand.text)) {
      const imported = this.object('opaque', node, node.text, undefined, `import:${node.text}`);
      const name = node.childForFieldName('field')?.text;
      if (this.file.imports.get(operand.text) === 'runtime' && (name === 'SetFinalizer' || name === 'AddCleanup')) imported.hook = name;
      return [imported];
    }
    const member = this.selected(node, scope);
    if (member?.method) {
      // A method value binds its receiver (through any embedded pointer it is promoted from): a closure over it.
      const receivers = this.follow(this.evaluate(operand, scope), '', member.through, node).holders;
      const object = this.object('closure', node, `method value ${node.text}`);
      this.state.store(object, `bound ${node.text}`, this.edges(receivers, `method value ${node.text}`, node), false);
      return [object];
    }
    const place = this.place(node, scope);
    const field = this.fieldOf(node, scope);
    return place.holders.flatMap((h) => this.read(h, place.slot, node, field?.type));
  }

  // --- calls -----------------------------------------------------------

  /**
   * The type of the value in Go 1.26's `new(expr)` (`new(42)`, `new(f())`,
   * `new(x)` of a variable x); undefined for `new(T)` of a type.
   */
  private newOfValue(argument: SyntaxNode | null | undefined, scope: Scope): GoType | undefined {
    if (!argument) return undefined;
    if (argument.type === 'type_identifier' || argument.type === 'identifier') {
      const variable = scope.lookup(argument.text);
      return variable && (variable.global ? this.typeOf(argument, scope) : variable.type);
    }
    return typeNodes.has(argument.type) ? undefined : this.typeOf(argument, scope);
  }

  /** Evaluates a call; returns what each result may point to. */
  private call(node: SyntaxNode, scope: Scope): HeapObject[][] {
    const fn = node.childForFieldName('function');
    const go = this.goStatement?.namedChild(0)?.id === node.id ? this.goStatement : undefined;
    this.goStatement = undefined;
    const argNodes = argumentsOf(node);
    const builtin = fn?.type === 'identifier' && !scope.lookup(fn.text) && !this.here().funcs.has(fn.text) ? fn.text : undefined;
    if (builtin === 'new') {
      const valueType = this.newOfValue(argNodes[0], scope);
      const object = this.object('alloc', node, `new(${argNodes[0]?.text ?? ''})`, valueType ?? readType(argNodes[0], this.file));
      // new(expr) holds a copy of the value: a struct's references come along.
      if (valueType) for (const value of this.evaluate(argNodes[0], scope)) if (this.isValueType(argNodes[0]!, scope)) this.copySlots(value, object);
      return [[object]];
    }
    if (builtin === 'make') return [[this.object('alloc', node, 'make', readType(argNodes[0], this.file))]];
    if (builtin === 'append') return [this.append(node, argNodes, scope)];
    if (builtin === 'delete' || builtin === 'clear') this.removal(argNodes[0], scope, node);
    if (fn?.type === 'identifier' && this.here().types.has(fn.text) && !scope.lookup(fn.text)) return [this.evaluate(argNodes[0], scope)];
    // An interface or unsafe.Pointer made from a value refers to what the value refers to: `any(p)` holds p.
    const converted = this.conversionType(node, scope);
    if (converted && (converted.kind === 'interface' || (converted.kind === 'basic' && converted.name === 'unsafe.Pointer'))) return [this.evaluate(argNodes[0], scope)];
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
        'receivers' in callee ? callee.receivers : callee.receiver ? this.follow(this.evaluate(callee.receiver, scope), '', callee.through, node).holders : undefined;
      if (go) {
        const receiverName = callee.decl.receiver?.name;
        const held = receiverName && receiver ? [{ name: receiverName, objects: receiver }] : [];
        this.startGoroutine(go, callee.decl.body, callee.decl.file, [...held, ...this.boundParams(callee.decl.params, args)]);
      }
      const budgetLeft = !callee.decl.file.packagePath || this.otherPackagesSteps < otherPackagesStepBudget;
      if (this.depth < maxInlineDepth && budgetLeft && !this.callStack.includes(callee.decl) && this.mayInline(callee.decl)) {
        return this.inline(callee.decl, node, scope, receiver, args, [receiverFact, ...argFacts]);
      }
      // What the callee does is not seen: it may, for one, remove a finalizer.
      this.run.unfollowed.push({ order: this.sites.length, objects: [...(receiver ?? []), ...args.flat()] });
    }
    // runtime.SetFinalizer called through a variable, field or parameter that holds it.
    const hook = this.evaluate(fn, scope).find((value) => value.hook)?.hook;
    if (hook) return this.site(hook, node, argNodes, args, scope);
    // The package's own code not followed (a bound) is judged as the bounds are: it may only hide findings.
    if (!callee?.decl.body && !(builtin && keepsNothing.has(builtin))) this.escaped.push(...args.flat());
    const std = this.stdCall(fn, scope);
    if (std) {
      const result = this.object('alloc', node, `${fn!.text}()`, std.type);
      for (const { argument, via } of std.holds) this.state.store(result, via, this.edges(args[argument] ?? [], via, node), false);
      return [[result]];
    }
    if (fn?.type === 'selector_expression' || fn?.type === 'identifier') {
      return [[this.object('opaque', node, `${fn.text}()`)]];
    }
    return [[]];
  }

  /** A standard library function whose result is known to keep some of its arguments (`std-calls.ts`). */
  private stdCall(fn: SyntaxNode | null, scope: Scope): StdResult | undefined {
    const operand = fn?.type === 'selector_expression' ? fn.childForFieldName('operand') : undefined;
    if (operand?.type !== 'identifier' || scope.lookup(operand.text)) return undefined;
    const importPath = this.file.imports.get(operand.text);
    const name = fn!.childForFieldName('field')?.text;
    return importPath && name ? stdResult(importPath, name) : undefined;
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
    if (kind === 'AddCleanup' && typeArgs[1]) argTypes[2] = readType(typeArgs[1].type === 'type_elem' ? typeArgs[1].namedChild(0) : typeArgs[1], this.file);
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
    this.depth++;
    this.context = `${savedContext}/${call.id}`;
    this.file = decl.file;
    this.callStack.push(decl);
    this.chain.push({ call, file: savedFile, callee: decl, scope: callerScope });
    const scope = new Scope(this.globalScope);
    const frame: Frame = { returns: [], results: this.bindParams(decl, scope, receiver, args, facts), deferred: [] };
    this.frame = frame;
    this.body(decl.body, scope);
    this.chain.pop();
    this.callStack.pop();
    this.frame = savedFrame;
    this.file = savedFile;
    this.context = savedContext;
    this.depth--;
    return frame.returns;
  }

  /** Binds a function's receiver and parameters to what the call passes (or to parameter objects); returns its named results. */
  private bindParams(decl: FuncDecl, scope: Scope, receiver: HeapObject[] | undefined, args: HeapObject[][], facts: (Fact | undefined)[] = []): Variable[] {
    const typeParams = this.typeParamsOf(decl);
    const recvParam = decl.node.childForFieldName('receiver')?.namedChild(0);
    if (decl.receiver?.name && recvParam) {
      const type = readType(recvParam.childForFieldName('type'), decl.file, typeParams);
      const variable: Variable = { key: this.nextVar++, name: decl.receiver.name, type, global: false, level: this.regions.length };
      scope.declare(variable);
      this.state.vars.set(variable.key, receiver ?? [this.object('param', recvParam, decl.receiver.name, pointee(type))]);
      this.setFact(variable, true, facts[0]);
    }
    return this.bindSignature(decl.node, decl.params, decl.results, decl.file, typeParams, scope, args, facts.slice(1));
  }

  private bindSignature(
    owner: SyntaxNode,
    params: ParamDecl[],
    results: ParamDecl[],
    file: GoFile,
    typeParams: string[],
    scope: Scope,
    args: HeapObject[][] | undefined,
    argFacts: (Fact | undefined)[] = [],
  ): Variable[] {
    params.forEach((p, i) => {
      if (!p.name) return;
      const type = readType(p.typeNode, file, typeParams);
      const variable: Variable = { key: this.nextVar++, name: p.name, type, global: false, level: this.regions.length };
      scope.declare(variable);
      const passed = args && (p.variadic ? args.slice(i).flat() : args[i]);
      this.state.vars.set(variable.key, passed ?? [this.object('param', p.typeNode, p.name, pointee(type), `${this.context}/${owner.id}/${p.name}`)]);
      this.setFact(variable, true, p.variadic || !passed ? undefined : this.factInto(type, undefined, argFacts[i]));
    });
    // Named results are variables of the function, zero until assigned.
    const named: Variable[] = [];
    for (const r of results) {
      if (!r.name) continue;
      const type = readType(r.typeNode, file, typeParams);
      const variable: Variable = { key: this.nextVar++, name: r.name, type, global: false, level: this.regions.length };
      scope.declare(variable);
      this.setFact(variable, true, zeroFact(underlying(type, this.pkg)));
      named.push(variable);
    }
    return named;
  }

  private typeParamsOf(decl: FuncDecl): string[] {
    const own = (decl.node.childForFieldName('type_parameters')?.descendantsOfType('type_parameter_declaration') ?? [])
      .flatMap((p) => (p ? fieldChildren(p, 'name').map((n) => n.text) : []));
    const receiverType = decl.receiver ? packageOfFile(this.pkg, decl.file).types.get(decl.receiver.typeName) : undefined;
    // Receiver type parameters may be renamed in the method: `func (l *List[E])`.
    const recvNames = decl.node.childForFieldName('receiver')?.descendantsOfType('type_arguments').flatMap((a) =>
      (a?.namedChildren ?? []).map((n) => n?.text ?? ''),
    ) ?? [];
    return [...own, ...(receiverType?.typeParams ?? []), ...recvNames];
  }
}

/** A call's arguments; `f[T](x)`, read as a conversion, has one. */
export function argumentsOf(call: SyntaxNode): SyntaxNode[] {
  const args = call.type === 'type_conversion_expression' ? [call.childForFieldName('operand')] : (call.childForFieldName('arguments')?.namedChildren ?? []);
  return args.filter((a): a is SyntaxNode => a !== null);
}

/** The generic type a conversion names (`f` of `f[T](x)`), which may be a function instantiated. */
function instantiated(type: SyntaxNode | null): SyntaxNode | null {
  return type?.type === 'generic_type' ? type.childForFieldName('type') : null;
}

/** The type an object of this static type is: *T -> T; other types stay. */
export function pointee(type: GoType): GoType {
  return type.kind === 'pointer' ? type.elem : type;
}

/**
 * Names each func literal in `literal` (itself included, keyed by node id)
 * uses but does not declare itself: the variables it captures (candidates;
 * the caller checks which are locals in scope). One walk serves every
 * literal nested in the first, so nesting costs linear time.
 */
export function capturedNamesWithin(literal: SyntaxNode): Map<number, Set<string>> {
  const captured = new Map<number, Set<string>>();
  // The walk keeps its own stack of steps, taken in the order a recursive walk takes them, so no nesting overflows the call stack.
  const steps: (() => void)[] = [];
  const next = (...todo: (() => void)[]) => {
    for (let i = todo.length - 1; i >= 0; i--) steps.push(todo[i]!);
  };
  /**
   * `declared`: each visible name, with how many literals enclose its
   * declaration; `enclosing`: the used names of each literal around the node, outermost first.
   */
  const visit = (node: SyntaxNode, declared: Map<string, number>, enclosing: Set<string>[]) => () => {
    const local = new Map(declared);
    if (node.type === 'func_literal') {
      const used = new Set<string>();
      captured.set(node.id, used);
      enclosing = [...enclosing, used];
      for (const decl of node.childForFieldName('parameters')?.namedChildren ?? []) {
        for (const n of decl ? fieldChildren(decl, 'name') : []) local.set(n.text, enclosing.length);
      }
      for (const decl of node.childForFieldName('result')?.namedChildren ?? []) {
        for (const n of decl ? fieldChildren(decl, 'name') : []) local.set(n.text, enclosing.length);
      }
    }
    next(...node.namedChildren.map((child) => () => child && visitChild(child, local, enclosing)));
  };
  const visitChild = (child: SyntaxNode, local: Map<string, number>, enclosing: Set<string>[]) => {
    const declare = (name: string) => local.set(name, enclosing.length);
    if (child.type === 'short_var_declaration' || child.type === 'range_clause') {
      // Right-hand side first (it sees the outer names), then the new names.
      const right = child.childForFieldName('right');
      const declares = child.type === 'short_var_declaration' || child.children.some((c) => c?.type === ':=');
      const left = child.childForFieldName('left');
      next(
        () => right && visit(right, local, enclosing)(),
        () => {
          if (declares) {
            for (const n of left?.namedChildren ?? []) if (n?.type === 'identifier') declare(n.text);
          } else if (left) next(visit(left, local, enclosing));
        },
      );
      return;
    }
    if (child.type === 'var_declaration' || child.type === 'const_declaration') {
      next(
        ...child.descendantsOfType(['var_spec', 'const_spec']).flatMap((spec) => [
          () => {
            const value = spec?.childForFieldName('value');
            if (value) next(visit(value, local, enclosing));
          },
          () => {
            for (const n of spec ? fieldChildren(spec, 'name') : []) declare(n.text);
          },
        ]),
      );
      return;
    }
    if (child.type === 'identifier') {
      // Captured by every literal inside the one that declares the name.
      for (let level = local.get(child.text) ?? 0; level < enclosing.length; level++) enclosing[level]!.add(child.text);
      return;
    }
    if (child.type === 'keyed_element') {
      // Struct literal keys name fields, not variables.
      const value = child.childForFieldName('value');
      const key = child.childForFieldName('key');
      next(
        () => key && key.namedChild(0)?.type !== 'identifier' && next(visit(key, local, enclosing)),
        () => value && next(visit(value, local, enclosing)),
      );
      return;
    }
    next(visit(child, local, enclosing));
  };
  next(visit(literal, new Map(), []));
  while (steps.length) steps.pop()!();
  return captured;
}
