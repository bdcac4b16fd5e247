import type { SyntaxNode } from '../parse/parser.js';
import { methodsOf, type FuncDecl, type GoFile, type GoPackage } from '../model/package.js';
import { qualifiedTypesIn, typeName, typeWritten, underlying, type GoType } from '../model/types.js';
import { removesFinalizer, runtimeHookNamed, type Edge, type HeapObject } from '../analysis/heap.js';
import { pathToFirst, reachableFrom, renderPath } from '../analysis/paths.js';
import { argumentsOf } from '../analysis/interpreter/index.js';
import { keepAliveAfter } from '../fix/keep-alive.js';
import { firstLine } from './describe.js';
import { inline } from '../parse/inline.js';
import type { PackageReport, PackageRule, RelatedNode, Site } from './rule.js';

/**
 * FG009 finalizer-may-run-early: an object's finalizer or cleanup releases a
 * resource held in one of its fields, and a function hands that field's
 * value to a call that cannot keep the object alive (cgo, syscall, or a
 * parameter of type uintptr, unsafe.Pointer or a C type), then never uses the
 * object again. Liveness is precise: once the field is read the object may
 * be unreachable, so the finalizer can run, and release the resource, while
 * the call still uses it. runtime.KeepAlive(x) after the call is the fix.
 * Also: a method promoted from an embedded field that the finalizer
 * releases runs on that field's value, so nothing keeps the wrapper alive.
 * And: a finalizer (or cleanup) set on an object that nothing keeps once the
 * function that made it returns, while what the finalizer acts on is kept:
 * it runs at the next collection and releases what is still in use.
 */
export const finalizerMayRunEarly: PackageRule = {
  id: 'FG009',
  name: 'finalizer-may-run-early',
  severity: 'warning',
  summary: 'The finalizer may release a resource while a call still uses it: the object is not kept alive during the call.',
  checkPackage(pkg, sites, reportsIn) {
    const unkept = sites.flatMap((site) => (reportsIn(site.file) ? (unkeptObject(site) ?? []) : []));
    const code = new Code(pkg);
    code.learnCTypes();
    const released = releasedFields(code, sites);
    if (!released.size) return unkept;
    const names = [...released.keys()];
    pkg.load((file) => names.some((name) => file.text.includes(name)));
    code.learnCTypes();
    const reports: PackageReport[] = [];
    const finalizers = new Set([...released.values()].flatMap((fields) => [...fields.values()].map((r) => r.finalizer.body.id)));
    for (const decl of pkg.functions) {
      if (!decl.body || !reportsIn(decl.file) || finalizers.has(decl.body.id)) continue;
      for (const variable of objectVariables(decl, pkg, released)) reports.push(...earlyCalls(decl, code, variable, released.get(variable.typeName)!));
    }
    return [...unkept, ...reports];
  },
};

/** Calls whose callee runs outside Go's view of the object's liveness. */
const systemPackages: ReadonlySet<string> = new Set(['syscall', 'golang.org/x/sys/unix', 'golang.org/x/sys/windows']);
/** Names of functions and methods that give a resource back: close, free, release, destroy, ... */
const releasing = /^(close|free|release|destroy|delete|dispose|unref|unmap|munmap|finalize|dealloc|drop|shutdown|cleanup)/i;

/** The finalizer function as the package declares it: its parameter (the object) and its body. */
interface FinalizerBody {
  param: string;
  body: SyntaxNode;
  file: GoFile;
}

/** A field the finalizer (or cleanup) of objects of a type releases, and where. */
interface Release {
  site: Site;
  finalizer: FinalizerBody;
  /** The call in the finalizer that releases it (or the AddCleanup call, for its argument). */
  call: SyntaxNode;
  file: GoFile;
}

/** Type name -> field name -> how objects of the type release it. */
type Released = Map<string, Map<string, Release>>;

function releasedFields(code: Code, sites: Site[]): Released {
  const released: Released = new Map();
  const add = (typeName: string, field: string, release: Release) => {
    const fields = released.get(typeName) ?? new Map<string, Release>();
    if (!fields.has(field)) fields.set(field, release);
    released.set(typeName, fields);
  };
  for (const site of sites) {
    const typeName = finalizedTypeName(site);
    const finalizer = typeName && finalizerBody(site);
    if (!typeName || !finalizer) continue;
    if (site.kind === 'AddCleanup') {
      // The cleanup is handed `arg`: a field of the object passed as arg is what the cleanup releases.
      const field = code.fieldOf(site.args[2], site.args[0]?.text);
      if (field && callsWith(finalizer.body, finalizer.param)) add(typeName, field, { site, finalizer, call: site.call, file: site.file });
      continue;
    }
    for (const { field, call, file } of releasesIn(code, typeName, finalizer.body, finalizer.param, finalizer.file, 0)) add(typeName, field, { site, finalizer, call, file });
  }
  return released;
}

/** The package type T when the call attaches to a *T. */
function finalizedTypeName(site: Site): string | undefined {
  const type = site.evaluations[0]?.argTypes[0];
  const elem = type?.kind === 'pointer' ? type.elem : undefined;
  return elem?.kind === 'named' && !elem.importPath && site.pkg.types.has(elem.name) ? elem.name : undefined;
}

/** The finalizer's parameter and body: a func literal, a function of the package, or a method expression `(*T).m`. */
function finalizerBody(site: Site): FinalizerBody | undefined {
  const node = site.args[1];
  if (node?.type === 'func_literal') {
    const param = firstParamName(node);
    const body = node.childForFieldName('body');
    return param && body ? { param, body, file: site.file } : undefined;
  }
  const decl = declOf(site, node);
  const param = decl?.receiver ? decl.receiver.name : decl?.params[0]?.name;
  return decl?.body && param ? { param, body: decl.body, file: decl.file } : undefined;
}

function firstParamName(literal: SyntaxNode): string | undefined {
  return literal.childForFieldName('parameters')?.namedChildren.find((c) => c?.type === 'parameter_declaration')?.childForFieldName('name')?.text;
}

function declOf(site: Site, node: SyntaxNode | undefined): FuncDecl | undefined {
  if (node?.type === 'identifier') return site.evaluations[0]?.scope.lookup(node.text) ? undefined : site.pkg.funcs.get(node.text);
  if (node?.type !== 'selector_expression') return undefined;
  // A method expression: (*T).m or T.m.
  const operand = node.childForFieldName('operand')?.text.replace(/[()*\s]/g, '');
  const method = operand ? methodsOf(site.pkg, operand)?.get(node.childForFieldName('field')?.text ?? '') : undefined;
  return method && /^\(?\s*\*?\s*\w+\s*\)?$/.test(node.childForFieldName('operand')!.text) && !site.evaluations[0]?.scope.lookup(operand!) ? method : undefined;
}

/** How far the finalizer's own method calls on the object are followed (`f.Close()` calling `C.free(f.p)`). */
const methodDepth = 2;

/** The fields of `param` (a T) that a body releases: passed to a releasing call or cgo, or closed themselves. */
function releasesIn(code: Code, typeName: string, body: SyntaxNode, param: string, file: GoFile, depth: number): { field: string; call: SyntaxNode; file: GoFile }[] {
  const found: { field: string; call: SyntaxNode; file: GoFile }[] = [];
  const copies = copiesBefore(code.localCopies(body, param), body.endIndex);
  for (const call of calls(body)) {
    const callee = call.childForFieldName('function');
    if (!callee) continue;
    const name = callee.type === 'selector_expression' ? (callee.childForFieldName('field')?.text ?? '') : callee.text;
    const operand = callee.type === 'selector_expression' ? callee.childForFieldName('operand') : null;
    // x.f.Close(), x.f.Release()
    const closedField = operand ? code.fieldOf(operand, param) : undefined;
    if (closedField && releasing.test(name)) found.push({ field: closedField, call, file });
    // free(x.f), C.git_free(x.f), syscall.Close(x.fd), p := x.f; C.free(p)
    if (releasing.test(name) || code.isCgoCall(callee, file)) {
      for (const arg of argumentsOf(call)) {
        const field = code.derivedField(arg, param, copies);
        if (field) found.push({ field, call, file });
      }
    }
    // x.Close(), where the package's Close releases the fields.
    if (operand?.type === 'identifier' && operand.text === param && depth < methodDepth) {
      const method = methodsOf(code.pkg, typeName)?.get(name);
      const receiver = method?.receiver?.name;
      if (method?.body && receiver) found.push(...releasesIn(code, typeName, method.body, receiver, method.file, depth + 1));
    }
  }
  return found;
}

/** Whether the body passes `param` to some call: a cleanup that gives its argument back to something. */
function callsWith(body: SyntaxNode, param: string): boolean {
  return calls(body).some((call) => argumentsOf(call).some((arg) => identifiers(arg).some((id) => id.text === param)) || call.childForFieldName('function')?.childForFieldName('operand')?.text === param);
}

/** Go integer and handle types, unsafe.Pointer, and cgo's own numeric types, as a conversion names them. */
const conversionTypes = /^(u?int(8|16|32|64|ptr)?|unsafe\.Pointer|syscall\.Handle|windows\.Handle|C\.(u?char|schar|u?short|u?int|u?long|u?longlong|float|double|size_t|ssize_t|u?int(8|16|32|64)_t|uintptr_t|(struct|union|enum)_\w+))$/;

/**
 * Reads the package's code as written. `C.name(x)` is a call into C or a
 * conversion to a C type, which the syntax cannot tell apart: a name the
 * package writes as a type anywhere (`var p *C.git_oid`, `C.gpointer` in a
 * signature) is a type.
 */
class Code {
  private readonly cTypes = new Set<string>();
  private readonly read = new Set<GoFile>();

  constructor(readonly pkg: GoPackage) {}

  /** Collects the C names the package's files read so far use as types. */
  learnCTypes(): void {
    for (const file of this.pkg.files) {
      if (this.read.has(file) || file.imports.get('C') !== 'C') continue;
      this.read.add(file);
      for (const name of qualifiedTypesIn(file)) if (name.startsWith('C.')) this.cTypes.add(name);
    }
  }

  isCgoCall(callee: SyntaxNode, file: GoFile): boolean {
    return callee.type === 'selector_expression' && callee.childForFieldName('operand')?.text === 'C' && file.imports.get('C') === 'C' && !this.cTypes.has(callee.text);
  }

  private isConversion(call: SyntaxNode): boolean {
    const callee = call.childForFieldName('function');
    if (argumentsOf(call).length !== 1 || !callee) return false;
    // (*T)(x), (*C.char)(x)
    if (callee.type === 'parenthesized_expression') return /^\(\s*\*/.test(callee.text);
    return conversionTypes.test(callee.text) || this.cTypes.has(callee.text);
  }

  /**
   * Parentheses and conversions taken off: `uintptr(x.fd)`, `C.int(x.fd)`,
   * `unsafe.Pointer(x.p)`. `throughC`: also one-argument C calls, as in an
   * argument of another C call, where a C typedef the package never names as
   * a type converts (`C.gconstpointer(x.p)`).
   */
  unwrap(node: SyntaxNode, throughC = false): SyntaxNode {
    let inner = node;
    for (;;) {
      if (inner.type === 'parenthesized_expression' && inner.namedChild(0)) inner = inner.namedChild(0)!;
      else if (inner.type === 'call_expression' && (this.isConversion(inner) || (throughC && this.isOneArgumentCCall(inner)))) inner = argumentsOf(inner)[0]!;
      else return inner;
    }
  }

  private isOneArgumentCCall(call: SyntaxNode): boolean {
    const callee = call.childForFieldName('function');
    return argumentsOf(call).length === 1 && callee?.type === 'selector_expression' && callee.childForFieldName('operand')?.text === 'C';
  }

  /** A one-argument C call that is itself an argument of a C call: read as a conversion for that call (see unwrap). */
  convertedForCall(call: SyntaxNode): boolean {
    if (!this.isOneArgumentCCall(call)) return false;
    let node = call;
    while (node.parent && (node.parent.type === 'parenthesized_expression' || (node.parent.type === 'call_expression' && this.isConversion(node.parent)))) node = node.parent;
    const outer = node.parent?.type === 'argument_list' ? node.parent.parent : null;
    const callee = outer?.childForFieldName('function');
    return !!callee && callee.type === 'selector_expression' && callee.childForFieldName('operand')?.text === 'C';
  }

  /** The variable and the locals the body gives a value that holds it: `it := &Iter{cfg: c}`, `t.env = env`. */
  holding(body: SyntaxNode, variable: string): Set<string> {
    const holders = new Set([variable]);
    for (const statement of body.descendantsOfType(['short_var_declaration', 'assignment_statement'])) {
      const left = statement?.childForFieldName('left')?.namedChildren ?? [];
      const right = statement?.childForFieldName('right')?.namedChildren ?? [];
      left.forEach((target, i) => {
        const value = right[i];
        if (!target || !value || !this.keepsAlive([value], variable)) return;
        const holder = target.type === 'identifier' ? target.text : rootIdentifier(target);
        if (holder && holder !== '_') holders.add(holder);
      });
    }
    return holders;
  }

  /** `x.f` (or `x.f.g`, `x.f[i]`) as written, for the variable x: the field f. */
  fieldOf(node: SyntaxNode | null | undefined, variable: string | undefined): string | undefined {
    let inner = node ? this.unwrap(node) : undefined;
    while (inner) {
      if (inner.type === 'selector_expression') {
        const operand = inner.childForFieldName('operand');
        if (operand?.type === 'identifier' && operand.text === variable) return inner.childForFieldName('field')?.text;
        inner = operand ? this.unwrap(operand) : undefined;
      } else if (inner.type === 'index_expression') {
        const operand = inner.childForFieldName('operand');
        inner = operand ? this.unwrap(operand) : undefined;
      } else return undefined;
    }
    return undefined;
  }

  /**
   * A value the argument carries that came out of a field of `variable`
   * without pointing into the object: the field itself, converted, a method
   * result of it (`x.f.Fd()`), or a local copy made earlier. Addresses (`&x.f`)
   * point into the object and keep it alive.
   */
  derivedField(arg: SyntaxNode, variable: string, copies: Map<string, string>, throughC = false): string | undefined {
    const inner = this.unwrap(arg, throughC);
    if (inner.type === 'identifier') return copies.get(inner.text);
    if (inner.type === 'call_expression') {
      const callee = inner.childForFieldName('function');
      const operand = callee?.type === 'selector_expression' ? callee.childForFieldName('operand') : null;
      return operand && !argumentsOf(inner).length ? this.fieldOf(operand, variable) : undefined;
    }
    return this.fieldOf(inner, variable);
  }

  /** Locals given a field's value, in the order the body assigns them: `fd := x.fd`, `p := unsafe.Pointer(x.p)`. */
  localCopies(body: SyntaxNode, variable: string): LocalCopy[] {
    const copies: LocalCopy[] = [];
    for (const statement of body.descendantsOfType(['short_var_declaration', 'assignment_statement'])) {
      const left = statement?.childForFieldName('left')?.namedChildren ?? [];
      const right = statement?.childForFieldName('right')?.namedChildren ?? [];
      if (left.length !== right.length) continue;
      left.forEach((target, i) => {
        const field = target?.type === 'identifier' && right[i] ? this.derivedField(right[i]!, variable, new Map()) : undefined;
        if (field) copies.push({ name: target!.text, field, at: statement!.startIndex });
      });
    }
    return copies;
  }

  /**
   * The arguments through which the callee cannot keep an object alive: all of
   * a cgo or system call's, and those a function of the package takes as
   * uintptr, unsafe.Pointer or a C type.
   */
  blindArguments(callee: SyntaxNode, args: SyntaxNode[], file: GoFile): SyntaxNode[] {
    if (this.isCgoCall(callee, file)) return args;
    if (callee.type === 'selector_expression') {
      const operand = callee.childForFieldName('operand');
      const path = operand?.type === 'identifier' ? file.imports.get(operand.text) : undefined;
      return path && systemPackages.has(path) ? args : [];
    }
    const decl = callee.type === 'identifier' && !this.pkg.types.has(callee.text) ? this.pkg.funcs.get(callee.text) : undefined;
    if (!decl?.params.length) return [];
    const blind = (p: { typeNode: SyntaxNode }) => /^(uintptr|unsafe\.Pointer|\*?C\.\w+)$/.test(p.typeNode.text);
    // Parameters sharing a type (`a, b uintptr`) are one ParamDecl each; a variadic one takes the rest.
    return args.filter((_, i) => {
      const param = decl.params[Math.min(i, decl.params.length - 1)]!;
      return blind(param) && (i < decl.params.length || param.variadic);
    });
  }

  /**
   * An argument that is the object itself, points into it (`&x.buf[0]`), or
   * hands it to other code (`newHandle(x, cb)`): cgo keeps Go pointers alive
   * for the call, and what the other code does with x is not seen.
   */
  keepsAlive(args: SyntaxNode[], variable: string): boolean {
    return args.some((arg) =>
      identifiers(arg).some((id) => {
        if (id.text !== variable) return false;
        const parent = id.parent;
        if (parent?.type !== 'selector_expression' || parent.childForFieldName('operand')?.id !== id.id) return true;
        // x.f: the object only when its address is taken.
        return arg.descendantsOfType('unary_expression').some((u) => u?.child(0)?.type === '&' && rootIdentifier(u.childForFieldName('operand')) === variable);
      }),
    );
  }
}

/** A variable that holds a *T whose finalizer releases fields: the receiver, a parameter, or a local made as one. */
interface ObjectVariable {
  name: string;
  typeName: string;
  /** Where the function gets it: its receiver, its parameter at that index, or its own code. */
  from: 'receiver' | number | 'local';
}

function objectVariables(decl: FuncDecl, pkg: GoPackage, released: Released): ObjectVariable[] {
  const found: ObjectVariable[] = [];
  const pointerTo = (type: GoType): string | undefined => (type.kind === 'pointer' && type.elem.kind === 'named' && !type.elem.importPath && released.has(type.elem.name) ? type.elem.name : undefined);
  if (decl.receiver?.pointer && decl.receiver.name && released.has(decl.receiver.typeName)) found.push({ name: decl.receiver.name, typeName: decl.receiver.typeName, from: 'receiver' });
  decl.params.forEach((param, index) => {
    const typeName = param.name ? pointerTo(typeWritten(param.typeNode, decl.file)) : undefined;
    if (typeName) found.push({ name: param.name!, typeName, from: index });
  });
  for (const statement of decl.body!.descendantsOfType('short_var_declaration')) {
    const left = statement?.childForFieldName('left')?.namedChildren ?? [];
    const right = statement?.childForFieldName('right')?.namedChildren ?? [];
    const target = left[0];
    const value = right[0];
    if (!target || !value || target.type !== 'identifier') continue;
    const typeName = madeAs(value, pkg, released);
    if (typeName) found.push({ name: target.text, typeName, from: 'local' });
  }
  return found;
}

/** `&T{...}` or a call of a package function whose first result is *T: the T. */
function madeAs(value: SyntaxNode, pkg: GoPackage, released: Released): string | undefined {
  if (value.type === 'unary_expression' && value.child(0)?.type === '&') {
    const literal = value.childForFieldName('operand');
    const type = literal?.type === 'composite_literal' ? literal.childForFieldName('type')?.text : undefined;
    return type && released.has(type) ? type : undefined;
  }
  if (value.type !== 'call_expression') return undefined;
  const callee = value.childForFieldName('function');
  const decl = callee?.type === 'identifier' ? pkg.funcs.get(callee.text) : undefined;
  const result = decl?.results[0];
  const type = result ? typeWritten(result.typeNode, decl!.file) : undefined;
  return type?.kind === 'pointer' && type.elem.kind === 'named' && !type.elem.importPath && released.has(type.elem.name) ? type.elem.name : undefined;
}

/** A local given a field's value (`fd := x.fd`), and where. */
interface LocalCopy {
  name: string;
  field: string;
  at: number;
}

/** What each local holds of the object's fields at `until`: the last copy made before it. */
function copiesBefore(copies: LocalCopy[], until: number): Map<string, string> {
  return new Map(copies.filter((copy) => copy.at < until).map((copy) => [copy.name, copy.field]));
}

/** The calls of one function that may run while its object's finalizer releases what they were given. */
function earlyCalls(decl: FuncDecl, code: Code, variable: ObjectVariable, fields: Map<string, Release>): PackageReport[] {
  const body = decl.body!;
  const reports: PackageReport[] = [];
  const holders = code.holding(body, variable.name);
  const uses = usesOf(body, holders);
  // Read once, and only for a function with a call that may be blind to the object.
  let copies: LocalCopy[] | undefined;
  // A closure or a deferred call may use the object at any later time.
  if (uses.some((id) => enclosing(id, body, ['func_literal', 'defer_statement']))) return [];
  for (const call of calls(body)) {
    const callee = call.childForFieldName('function');
    if (!callee || enclosing(call, body, ['func_literal']) || code.convertedForCall(call)) continue;
    const given = argumentsOf(call);
    const blind = code.blindArguments(callee, given, decl.file);
    const early = blind.length ? releasedArgument(code, blind, variable.name, fields, copiesBefore((copies ??= code.localCopies(body, variable.name)), call.startIndex)) : promotedCall(callee, variable, code.pkg, fields);
    if (!early || [...holders].some((holder) => code.keepsAlive(given, holder)) || usedAfter(call, body, uses)) continue;
    if (finalizerRemovedBefore(call, body, variable.name, decl.file) || callersKeepAlive(decl, code, variable)) continue;
    reports.push(report(call, statementOf(call, body), decl.file, variable, early));
  }
  return reports;
}

/** The identifiers of the names (a variable and the locals holding it, see Code.holding), other than parameters of func literals that share a name. */
function usesOf(body: SyntaxNode, names: ReadonlySet<string>): SyntaxNode[] {
  return identifiers(body).filter((id) => names.has(id.text) && !declaredByLiteral(id, body, id.text));
}

/**
 * For an unexported function or method, whose every call is in the package:
 * whether each call's caller uses what it passed for the object after the
 * call, which keeps the object alive throughout. A function also used as a
 * value may be called from anywhere.
 */
function callersKeepAlive(decl: FuncDecl, code: Code, variable: ObjectVariable): boolean {
  if (variable.from === 'local' || !/^[a-z_]/.test(decl.name)) return false;
  const name = decl.name;
  code.pkg.load((file) => file.text.includes(name));
  let sites = 0;
  for (const caller of code.pkg.functions) {
    if (!caller.body || caller === decl) continue;
    for (const id of caller.body.descendantsOfType(decl.receiver ? 'field_identifier' : 'identifier')) {
      if (id?.text !== name) continue;
      const selector = decl.receiver ? id.parent : id;
      const call = selector?.parent;
      if (call?.type !== 'call_expression' || call.childForFieldName('function')?.id !== selector!.id) return false;
      sites++;
      const passed = variable.from === 'receiver' ? selector!.childForFieldName('operand') : argumentsOf(call)[variable.from as number];
      if (passed?.type !== 'identifier') return false;
      const uses = usesOf(caller.body, code.holding(caller.body, passed.text));
      const kept = uses.some((use) => enclosing(use, caller.body!, ['func_literal', 'defer_statement'])) || usedAfter(call, caller.body, uses);
      if (!kept) return false;
    }
  }
  return sites > 0;
}

interface EarlyUse {
  field: string;
  release: Release;
  /** For a promoted method: the method's name. */
  promoted?: string;
}

function releasedArgument(code: Code, args: SyntaxNode[], variable: string, fields: Map<string, Release>, copies: Map<string, string>): EarlyUse | undefined {
  for (const arg of args) {
    const field = code.derivedField(arg, variable, copies, true);
    const release = field ? fields.get(field) : undefined;
    if (release) return { field: field!, release };
  }
  return undefined;
}

/** `x.M(...)` where M is promoted from an embedded pointer field the finalizer releases. */
function promotedCall(callee: SyntaxNode, variable: ObjectVariable, pkg: GoPackage, fields: Map<string, Release>): EarlyUse | undefined {
  if (callee.type !== 'selector_expression' || callee.childForFieldName('operand')?.text !== variable.name) return undefined;
  const method = callee.childForFieldName('field')?.text ?? '';
  if (methodsOf(pkg, variable.typeName)?.has(method)) return undefined;
  const decl = pkg.types.get(variable.typeName);
  const struct = decl && underlying(typeWritten(decl.typeNode, decl.file), pkg);
  if (struct?.kind !== 'struct' || struct.fields.some((f) => f.name === method)) return undefined;
  const embedded = struct.fields.filter((f) => f.embedded);
  const only = embedded.length === 1 ? embedded[0]! : undefined;
  const release = only ? fields.get(only.name) : undefined;
  // Only through a pointer or interface does the method run on another object than the wrapper.
  const elsewhere = only && (only.type.kind === 'pointer' || underlying(only.type, pkg).kind === 'interface');
  return release && elsewhere ? { field: only!.name, release, promoted: method } : undefined;
}

/** The variable an operand of selectors and indexes starts from: `x` of `x.buf[0].y`. */
function rootIdentifier(node: SyntaxNode | null): string | undefined {
  let inner = node;
  while (inner && ['selector_expression', 'index_expression', 'parenthesized_expression'].includes(inner.type)) {
    inner = inner.type === 'parenthesized_expression' ? inner.namedChild(0) : inner.childForFieldName('operand');
  }
  return inner?.type === 'identifier' ? inner.text : undefined;
}

/**
 * A use of the object after the call: elsewhere in the statement that makes
 * the call (`x.n = C.f(x.p)` stores into x once the call returns), anywhere
 * in a loop around it (the next iteration), or in code that can run next:
 * the statements after it in its block, then after each statement around it,
 * up to the first return. A branch that returns ends its path there, so text
 * further down, and the other branches of the same `if` or `switch`, are
 * other paths. A `goto` may lead anywhere: then any later text counts.
 */
function usedAfter(call: SyntaxNode, body: SyntaxNode, uses: SyntaxNode[]): boolean {
  const statement = statementOf(call, body);
  const inCall = (id: SyntaxNode) => id.startIndex >= call.startIndex && id.endIndex <= call.endIndex;
  const usedIn = (node: SyntaxNode) => uses.some((id) => !inCall(id) && id.startIndex >= node.startIndex && id.endIndex <= node.endIndex);
  const loop = enclosing(call, body, ['for_statement']);
  // The next time round a loop reads the object again, the call's own arguments included.
  if (loop && uses.some((id) => id.startIndex >= loop.startIndex && id.endIndex <= loop.endIndex)) return true;
  if (body.descendantsOfType('goto_statement').length) return uses.some((id) => !inCall(id) && id.startIndex >= statement.startIndex);
  if (usedIn(statement)) return true;
  if (statement.type === 'return_statement') return false;
  for (let node: SyntaxNode | null = statement; node && node.id !== body.id; node = node.parent) {
    const parent: SyntaxNode | null = node.parent;
    const caseClause = caseClauses.includes(node.type);
    // Only statements of a list run after one another; cases after this one run only through a fallthrough.
    if (parent?.type !== 'block' && parent?.type !== 'statement_list' && !(caseClause && parent?.descendantsOfType('fallthrough_statement').length)) continue;
    for (let next = node.nextNamedSibling; next; next = next.nextNamedSibling) {
      if (usedIn(next)) return true;
      if (next.type === 'return_statement') return false;
    }
  }
  return false;
}

const caseClauses = ['expression_case', 'type_case', 'default_case', 'communication_case'];

function finalizerRemovedBefore(call: SyntaxNode, body: SyntaxNode, variable: string, file: GoFile): boolean {
  return calls(body).some((c) => {
    if (c.startIndex >= call.startIndex || runtimeHookNamed(c.childForFieldName('function'), file) !== 'SetFinalizer') return false;
    const [object, finalizer] = argumentsOf(c);
    return object?.text === variable && finalizer?.type === 'nil';
  });
}

function report(call: SyntaxNode, statement: SyntaxNode, file: GoFile, variable: ObjectVariable, early: EarlyUse): PackageReport {
  const { release, field } = early;
  const noun = release.site.kind === 'AddCleanup' ? 'cleanup' : 'finalizer';
  const x = variable.name;
  const what = early.promoted
    ? `${x}.${early.promoted} is promoted from the embedded field ${x}.${field}: the call runs on ${x}.${field}, and nothing uses ${x} after it`
    : `${inline(call.childForFieldName('function')!)} is given ${x}.${field} but not ${x}, and ${x} is not used after the call`;
  const related: RelatedNode[] = [
    { node: release.site.call, file: release.site.file, message: `${noun} set here: ${firstLine(release.site.call.text)}` },
  ];
  if (release.call !== release.site.call) related.push({ node: release.call, file: release.file, message: `the ${noun} releases the field ${field}: ${firstLine(release.call.text)}` });
  return {
    node: call,
    file,
    message:
      `${what}: ${x} (*${variable.typeName}) may become unreachable while the call runs, and its ${noun} releases ${x}.${field} then; ` +
      `add runtime.KeepAlive(${x}) after the call`,
    related,
    fix: keepAliveAfter(file, statement, x),
  };
}

function calls(node: SyntaxNode): SyntaxNode[] {
  return node.descendantsOfType('call_expression').filter((c): c is SyntaxNode => !!c);
}

function identifiers(node: SyntaxNode): SyntaxNode[] {
  return node.descendantsOfType('identifier').filter((c): c is SyntaxNode => !!c);
}

/** Whether a func literal around the identifier declares a parameter of that name (`func(p *File) {...}`): another variable. */
function declaredByLiteral(id: SyntaxNode, body: SyntaxNode, name: string): boolean {
  for (let p = id.parent; p && p.id !== body.id; p = p.parent) {
    if (p.type === 'func_literal' && identifiers(p.childForFieldName('parameters')!).some((n) => n.text === name)) return true;
  }
  return false;
}

/** The nearest ancestor of one of the types, below `top`. */
function enclosing(node: SyntaxNode, top: SyntaxNode, types: string[]): SyntaxNode | undefined {
  for (let p = node.parent; p && p.id !== top.id; p = p.parent) if (types.includes(p.type)) return p;
  return undefined;
}

/** The statement of the body's blocks that holds the node. */
function statementOf(node: SyntaxNode, body: SyntaxNode): SyntaxNode {
  let inner = node;
  for (let p = node.parent; p && p.id !== body.id; p = p.parent) {
    if (p.type === 'block' || p.type === 'statement_list') return inner;
    inner = p;
  }
  return inner;
}

/**
 * A finalizer or cleanup set on an object that the function making it lets
 * go of, while what the finalizer or cleanup is handed leads to an object
 * the function made and that outlives it (returned, stored, handed on): the
 * next collection runs it, on what is still in use. The function's own run
 * as an entry point decides: its callers can reach only what outlives it.
 * Nothing that does may reach the object (a call not followed may keep what
 * it is given), the run was analyzed to its end, and the function does not
 * use the object after the call. A finalizer that sets itself again is a
 * collection hook, not a release.
 */
function unkeptObject(site: Site): PackageReport | undefined {
  const arg = site.args[0];
  const evaluation = site.evaluations[0];
  if (!arg || !evaluation || removesFinalizer(evaluation)) return undefined;
  const finalizer = site.kind === 'SetFinalizer' ? finalizerBody(site) : undefined;
  if (site.kind === 'SetFinalizer' && (!finalizer || setsItselfAgain(finalizer))) return undefined;
  const body = enclosingFunction(site.call);
  if (!body || !(arg.type === 'identifier' || (arg.type === 'unary_expression' && arg.childForFieldName('operand')?.type === 'composite_literal'))) return undefined;
  if (arg.type === 'identifier' && usedAfter(site.call, body, usesOf(body, new Set([arg.text])))) return undefined;
  let shown: { path: Edge[]; kept: HeapObject; object: HeapObject } | undefined;
  const own = site.evaluations.filter((e) => e.run.root.body?.id === body.id);
  for (const e of own) {
    const run = e.run;
    const objects = e.argObjects[0] ?? [];
    if (!run.outliving || !objects.length || site.interpreter.bounds.some((b) => b.root === run.root)) return undefined;
    // Made here: by the function that sets the finalizer, in this run.
    if (objects.some((o) => o.kind !== 'alloc' || o.file !== site.file || o.node.startIndex < body.startIndex || o.node.endIndex > body.endIndex)) return undefined;
    const kept = reachableFrom(run.finalState, run.outliving);
    if (!kept || objects.some((o) => kept.has(o.id))) return undefined;
    const madeAndKept = (o: HeapObject) => o.kind === 'alloc' && kept.has(o.id);
    const handed = site.kind === 'AddCleanup' ? (e.argObjects[2] ?? []) : objects;
    let found: typeof shown;
    for (const start of handed) {
      if (site.kind === 'AddCleanup' && madeAndKept(start)) found = { path: [], kept: start, object: objects[0]! };
      const path = found ? undefined : pathToFirst(run.finalState, start, madeAndKept);
      if (path?.length) found = { path, kept: path.at(-1)!.to, object: start };
      if (found) break;
    }
    if (!found) return undefined;
    shown ??= found;
  }
  if (!shown) return undefined;
  const noun = site.kind === 'AddCleanup' ? 'cleanup' : 'finalizer';
  const x = inline(arg);
  const type = evaluation.argTypes[0];
  const function_ = functionName(body);
  const kept = shown.kept.label;
  const reach = shown.path.length ? `it reaches ${kept} through ${renderPath(shown.object.label, shown.path)}` : `it is handed ${kept}`;
  return {
    node: site.call,
    file: site.file,
    message:
      `nothing keeps ${x}${type ? ` (${typeName(type)})` : ''} once ${function_} returns, so its ${noun} may run at the next collection while ${kept} is still in use: ` +
      `${reach}, and ${kept} outlives ${function_}; set the ${noun} on an object the callers keep, or keep ${x} reachable from it`,
    related: [
      { node: shown.kept.node, file: shown.kept.file, message: `made here and kept: ${firstLine(shown.kept.node.text)}` },
      ...shown.path.map((edge) => ({ node: edge.node, file: edge.file, message: `${edge.via}: ${firstLine(edge.node.text)}` })),
    ],
  };
}

/** A finalizer that sets a finalizer on its own object again: it runs once per collection by design. */
function setsItselfAgain(finalizer: FinalizerBody): boolean {
  return calls(finalizer.body).some((call) => {
    if (runtimeHookNamed(call.childForFieldName('function'), finalizer.file) !== 'SetFinalizer') return false;
    const [object, fn] = argumentsOf(call);
    return object?.text === finalizer.param && fn?.type !== 'nil';
  });
}

/** The body of the function or func literal that holds the node. */
function enclosingFunction(node: SyntaxNode): SyntaxNode | undefined {
  for (let at = node.parent; at; at = at.parent) {
    if (at.type === 'function_declaration' || at.type === 'method_declaration' || at.type === 'func_literal') return at.childForFieldName('body') ?? undefined;
  }
  return undefined;
}

function functionName(body: SyntaxNode): string {
  const declaration = body.parent;
  return declaration?.type === 'func_literal' ? 'the func literal' : (declaration?.childForFieldName('name')?.text ?? 'the function');
}
