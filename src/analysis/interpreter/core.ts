// The interpreter's first layer: the state of one entry point's interpretation
// (variables and heap, scopes, frames, the regions of code that may not run),
// its bounds (steps, nesting, other packages' budget) and the objects it makes.
// Each later layer (types, facts, links, expressions, calls, statements)
// extends the one before; index.ts names the whole.
import type { SyntaxNode } from '../../parse/parser.js';
import { packageOfFile, type FuncDecl, type GoFile, type GoPackage } from '../../model/package.js';
import type { GoType } from '../../model/types.js';
import { PackageScope, State, type AnalysisBound, type CalleeEffects, type BranchCondition, type HeapObject, type ObjectKind, type RootRun, type Variable } from '../heap.js';

/** Bounds the work one root function may cause, so huge packages stay fast; the same bound always gives the same result. */
export const stepBudget = 50_000;

/**
 * Bounds the references one root function's run may read and write. A value
 * that may be any of many objects makes one step cost as many, so steps alone
 * leave a long function whose values gather ever more objects quadratic; the
 * corpus's most costly entry point takes under 20,000.
 */
export const referenceBudget = 200_000;

/**
 * Of the steps, how many one call interpreted in place may spend, its own
 * calls included: a long constructor (a database's Open) then cannot use up
 * the entry point's budget before the code after it, where the finalizer is
 * set. Past it, the rest of the call is not followed, as a call beyond the
 * inlining bounds is not, without a notice.
 */
export const callStepBudget = 10_000;

/**
 * Of the steps, how many one entry point may spend in other packages of the
 * module: enough for constructors and methods that link objects, not for
 * whole subsystems. Once spent, calls into other packages are not followed
 * (as calls beyond the inlining bounds are not), without a notice.
 */
export const otherPackagesStepBudget = 500;

/**
 * The most references a summary of a call not followed in place
 * (callee-effects.ts) may hold, and one replay of it may make: replaying
 * costs that at every call, and a function that leaves more (a type
 * checker's method-set computation leaves thousands) or a call passed that
 * many objects is not followed, as without summaries.
 */
export const maxSummaryReferences = 1_000;

/**
 * What the run that makes one summary may take: the callees worth a summary
 * are small (constructors, setters, registrations); a larger one is cut
 * short, and a summary cut short is none.
 */
export const summaryBudget = { steps: 1_000, references: 10_000, inlineDepth: 2 };

/**
 * Of the references, how many one entry point may spend replaying summaries:
 * a function whose objects stand for many values pays a replay at each call
 * in what those values hold (a compiler's writer passes its whole state
 * along). Past it, calls are not followed, as without summaries.
 */
export const replayReferenceBudget = 2_000;

/**
 * How deep the walks over nested code (statements, expressions, types) may
 * go. Deeper code is not analyzed, and a notice says where: a fixed bound,
 * not the size of a thread's stack, decides, so no input overflows the stack
 * and every thread gives the same result.
 */
export const maxNesting = 200;

/** A function being interpreted: what it returns, its named results, its deferred calls. */
export interface Frame {
  returns: HeapObject[][];
  /** Named results: a bare return returns what they hold. */
  results: Variable[];
  /** Deferred calls, run when the body is done, last first. */
  deferred: (() => void)[];
}

export interface InterpreterOptions {
  /**
   * Whether stores into fields are recorded as links (a search of what the stored values reach, for FG002's
   * package scan); an entry point's run has no use for them and would pay that search on every store.
   */
  recordsLinks?: boolean;
  /** What one root function may take, when not stepBudget, referenceBudget and maxInlineDepth. */
  budget?: { steps: number; references: number; inlineDepth: number };
  /** Stop a run once it leaves a call not followed: a summary's run is of no use then (see callee-effects.ts). */
  wholeOnly?: boolean;
  /** What a call of this function (of this package or another of its module) does, for calls not followed in place; without it, such calls are not seen. */
  effectsOf?: (pkg: GoPackage, decl: FuncDecl) => CalleeEffects | undefined;
}

export abstract class CoreLayer {
  private nextObject = 1;
  protected nextVar = 1;
  protected steps = 0;
  /** The step count past which the innermost call interpreted in place is not followed further (see callStepBudget). */
  protected callStepLimit = Infinity;
  /** Steps the entry point spent in other packages' code. */
  protected otherPackagesSteps = 0;
  /** References the entry point read and wrote (see referenceBudget). */
  protected references = 0;
  /** Of those, the ones its replays of summaries took (see replayReferenceBudget). */
  protected replayReferences = 0;
  private readonly objects = new Map<string, HeapObject>();
  /** The objects of package-level variables, in the order made. */
  protected readonly globals: HeapObject[] = [];
  /** The package block of each package whose code runs, made on first use. */
  private readonly packageScopes = new Map<GoPackage, PackageScope>();
  protected state = new State();
  protected run!: RootRun;
  protected file!: GoFile;
  /** How many enclosing constructs may not run (branches, loops, closures): above zero, stores only add. */
  protected conditional = 0;
  /** The ids of the enclosing constructs that may not run, outermost first. */
  protected readonly regions: number[] = [];
  /** Of each of those, the condition it runs under, when it is a branch whose condition can be told apart. */
  protected readonly regionConditions: (BranchCondition | undefined)[] = [];
  private nextRegion = 1;
  protected context = '';
  protected frame!: Frame;
  protected nesting = 0;
  /** The entry point being interpreted, while it is. */
  protected active?: FuncDecl;
  /** Entry points whose analysis stopped short, each once, with the first place it did. */
  readonly bounds: AnalysisBound[] = [];
  /** Steps of work taken over all entry points: a measure of cost that no clock changes. */
  stepsTaken = 0;

  /** What one root function may take (see InterpreterOptions.budget). */
  private readonly budget: { steps: number; references: number };

  constructor(
    readonly pkg: GoPackage,
    protected readonly options: InterpreterOptions = {},
  ) {
    this.budget = options.budget ?? { steps: stepBudget, references: referenceBudget };
  }

  /** The package the code being interpreted belongs to: the one analyzed, or another of its module. */
  protected here(): GoPackage {
    return packageOfFile(this.pkg, this.file);
  }

  /** A file of another package of the module than the one analyzed (whose own files may name their package too, as the standard library's summaries read them). */
  protected inOtherPackage(file: GoFile): boolean {
    return !!file.packagePath && file.packagePath !== this.pkg.path;
  }

  /** The package block of the code being interpreted. */
  protected get globalScope(): PackageScope {
    const pkg = this.here();
    let scope = this.packageScopes.get(pkg);
    if (!scope) this.packageScopes.set(pkg, (scope = new PackageScope(pkg, () => this.nextVar++, (name) => this.file.imports.has(name))));
    return scope;
  }

  /** One level deeper into nested code; false (and a notice) past maxNesting levels. The caller steps back out. */
  protected deeper(node: SyntaxNode): boolean {
    if (this.nesting < maxNesting) {
      this.nesting++;
      return true;
    }
    this.stop(node, `the code nests more than ${maxNesting} levels deep`);
    return false;
  }

  /** Counts one step of the entry point's work; false (and a notice) once the budget is spent. */
  protected step(node: SyntaxNode): boolean {
    if (this.inOtherPackage(this.file)) this.otherPackagesSteps++;
    if (++this.steps > this.callStepLimit) return false;
    if (this.options.wholeOnly && this.run.unfollowed.length) return false;
    const { steps, references } = this.budget;
    if (this.steps > steps) this.stop(node, `it takes more than ${steps} steps`);
    else if (this.references > references) this.stop(node, `it reads and writes more than ${references} references`);
    else return true;
    return false;
  }

  /** Counts references read or written; the next step stops once they are over budget. */
  protected touch(references: number): void {
    this.references += references;
  }

  private stop(node: SyntaxNode, reason: string): void {
    const root = this.active;
    if (root && this.bounds.at(-1)?.root !== root) this.bounds.push({ root, node, file: this.file, reason });
  }


  protected object(kind: ObjectKind, node: SyntaxNode, label: string, type?: GoType, key?: string): HeapObject {
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

  /** The object holding a package-level variable of the code being interpreted, or of `pkg`. */
  protected globalObject(name: string, pkg = this.here()): HeapObject | undefined {
    const decl = pkg.vars.get(name);
    if (!decl) return undefined;
    const object = this.object('global', decl.nameNode, name, undefined, pkg === this.pkg ? `global:${name}` : `global:${pkg.path}.${name}`);
    object.file = decl.file;
    return object;
  }

  /** Runs code that may not run (a branch: under `condition`): what it stores adds to what is there. */
  protected maybe(body: () => void, condition?: BranchCondition): void {
    this.conditional++;
    this.regions.push(this.nextRegion++);
    this.regionConditions.push(condition);
    try {
      body();
    } finally {
      this.regionConditions.pop();
      this.regions.pop();
      this.conditional--;
    }
  }
}
