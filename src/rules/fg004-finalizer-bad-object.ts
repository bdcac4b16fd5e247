import { valuesAssigned } from '../analysis/assignments.js';
import { declaringPackage, layout, typeName, typeWritten, underlying, type GoType } from '../model/types.js';
import type { SyntaxNode } from '../parse/parser.js';
import type { Rule, Site } from './rule.js';
import { addressedPackageVariable, hookNoun, withArticle } from './describe.js';
import { inline } from '../parse/inline.js';
import { tinyAllocatorLimit } from './fg007-finalizer-may-never-run.js';
import { finalizerBadSignature } from './fg005-finalizer-bad-signature.js';
import { addressWhereMade, dropAddressOfPointer } from '../fix/address.js';

/**
 * FG004 finalizer-bad-object: the first argument of SetFinalizer is not a
 * pointer to the start of an allocation: nil, a nil pointer (`var x *T`
 * never assigned, `(*T)(nil)`), a struct or other non-pointer value (the
 * article's own CString example), also inside an interface variable, or a
 * pointer to a field that is not the first (`&s.inner`). The runtime throws
 * ("first argument is nil", "pointer not in allocated block", "first
 * argument is T, not pointer", "pointer not at beginning of allocated
 * block"); recover cannot catch it, the program dies. And `&p` of a pointer
 * variable: the finalizer goes on the variable, which is dropped at once,
 * not on the object p points to.
 *
 * AddCleanup (measured on Go 1.24 to 1.26) takes a *T, so only two of these
 * apply to it: a nil pointer panics ("runtime.AddCleanup: ptr is nil", a
 * panic recover can catch), and `&p` of a pointer variable puts the cleanup
 * on the variable, which runs at once. A pointer into an object (`&s.inner`)
 * is fine for AddCleanup: the cleanup runs when the object is collected.
 */
export const finalizerBadObject: Rule = {
  id: 'FG004',
  name: 'finalizer-bad-object',
  severity: 'error',
  summary: 'The first argument is not a pointer to the start of an allocation: the program dies at the call, or the finalizer lands on a variable.',
  kinds: ['SetFinalizer', 'AddCleanup'],
  fatal: true,
  checksRemoval: true,
  check(site) {
    const arg = site.args[0];
    if (!arg) return undefined;
    if (arg.type === 'nil') {
      return { message: 'the first argument of runtime.SetFinalizer is nil; the runtime throws "first argument is nil" and the program dies', related: [] };
    }
    const type = site.evaluations[0]?.argTypes[0];
    const under = type && underlying(type, site.pkg);
    const value = soleValue(site, arg);
    const declaredPointer = under?.kind === 'pointer' ? type : undefined;
    const nilPointer =
      nilConversion(arg, site) ?? (value === null ? declaredPointer : value && (nilConversion(value, site) ?? (value.type === 'nil' ? declaredPointer : undefined)));
    if (nilPointer && site.kind === 'AddCleanup') {
      return { message: `${inline(arg)} is a nil ${typeName(nilPointer)}; runtime.AddCleanup panics "runtime.AddCleanup: ptr is nil"`, related: [] };
    }
    if (nilPointer) {
      return {
        message: `${inline(arg)} is a nil ${typeName(nilPointer)}; runtime.SetFinalizer throws "pointer not in allocated block" and the program dies (recover cannot catch it)`,
        related: [],
      };
    }
    // A static type not known (another package's function past the budget) may be an interface all the same.
    const evaluation = site.evaluations[0];
    const held = evaluation && (!under || under.kind === 'interface' || under.kind === 'unknown') ? site.interpreter.heldValue(arg, evaluation.scope, site.file) : undefined;
    if (held && isValueKind(underlying(held.type, site.pkg).kind)) {
      const heldName = runtimeTypeName(held.type, site);
      const holder = under?.kind === 'interface' ? `an interface (${runtimeTypeName(type!, site)}) holding ` : '';
      return {
        message:
          `${inline(arg)} is ${holder}${withArticle(heldName)} value, not a pointer; runtime.SetFinalizer throws ` +
          `"first argument is ${heldName}, not pointer" and the program dies (recover cannot catch it)`,
        related: held.file === site.file ? [] : [{ node: held.node, file: held.file, message: `the ${heldName} value is made here` }],
      };
    }
    const variable = addressedReference(site, arg);
    // A finalizer that cannot take **T is FG005's; a cleanup's function takes arg, not ptr.
    if (variable && (site.kind === 'AddCleanup' || !finalizerBadSignature.check(site))) {
      return {
        message:
          `${inline(arg)} is the address of the variable ${variable.name} (${typeName(variable.type)}), not of what it points to: the ${hookNoun(site)} goes on ` +
          `the variable's own storage, which nothing references once the function is done with ${variable.name}, so it runs at once while the object lives on`,
        related: [],
        fix: dropAddressOfPointer(site, arg, variable),
      };
    }
    // The rest cannot happen to AddCleanup: its ptr is a *T, and a pointer inside an object is fine for it.
    if (site.kind === 'AddCleanup') return undefined;
    if (type && under && isValueKind(under.kind)) {
      return {
        message:
          `${inline(arg)} is ${withArticle(runtimeTypeName(type, site))} value, not a pointer; runtime.SetFinalizer throws ` +
          `"first argument is ${runtimeTypeName(type, site)}, not pointer" and the program dies (recover cannot catch it)`,
        related: [],
        fix: addressWhereMade(site, arg),
      };
    }
    const cCall = cAllocation(site);
    if (cCall) {
      return {
        message: `${inline(arg)} points to memory that C allocated (${inline(cCall)}), not to a Go object; runtime.SetFinalizer throws "pointer not in allocated block" and the program dies`,
        related: [{ node: cCall, file: site.evaluations[0]!.file, message: 'C allocates it here' }],
      };
    }
    // Inside a package-level variable nothing throws: the runtime ignores memory that is not on the heap (FG007).
    if (addressedPackageVariable(site, arg)) return undefined;
    const operand = arg.type === 'unary_expression' && arg.child(0)?.type === '&' ? arg.childForFieldName('operand') : null;
    // The runtime accepts inner pointers to tiny pointer-free objects: they may come from the tiny allocator.
    const pointee = type?.kind === 'pointer' ? layout(type.elem, site.pkg) : undefined;
    if (!operand || (pointee && !pointee.pointers && pointee.size < tinyAllocatorLimit)) return undefined;
    const where = operand.type === 'selector_expression' ? fieldWhere(site, operand) : elementWhere(operand);
    if (!where) return undefined;
    return {
      message: `${inline(arg)} points to ${where}; runtime.SetFinalizer throws "pointer not at beginning of allocated block" and the program dies`,
      related: [],
    };
  },
};

/**
 * The C call (`C.env_new()`) that made what the first argument surely points
 * to, on every evaluation: such memory is outside Go's heap. cgo's own
 * helpers that copy into Go memory (`C.GoString`, `C.GoBytes`) are not C
 * allocations.
 */
function cAllocation(site: Site): SyntaxNode | undefined {
  // A value of a declared interface or other non-pointer type (a SWIG handle, a uintptr) fails for another reason, if at all.
  const declared = site.evaluations[0]?.argTypes[0];
  if (declared && declared.kind !== 'unknown' && underlying(declared, site.pkg).kind !== 'pointer') return undefined;
  const made = site.evaluations.flatMap((e) => e.argObjects[0] ?? []);
  const calls = made.map((object) => {
    const fn = object.kind === 'opaque' && object.node.type === 'call_expression' ? object.node.childForFieldName('function') : undefined;
    const operand = fn?.type === 'selector_expression' ? fn.childForFieldName('operand') : undefined;
    const name = fn?.childForFieldName('field')?.text ?? '';
    return operand?.text === 'C' && object.file.imports.get('C') === 'C' && !name.startsWith('Go') ? object.node : undefined;
  });
  return calls.length && calls.every(Boolean) ? calls[0] : undefined;
}

/** The pointer type of `(*T)(nil)`: a nil converted to a pointer type. */
function nilConversion(node: SyntaxNode, site: Site): GoType | undefined {
  let inner: SyntaxNode | null = node;
  while (inner?.type === 'parenthesized_expression') inner = inner.namedChild(0);
  const fn = inner?.type === 'call_expression' ? inner.childForFieldName('function') : undefined;
  const args = inner?.childForFieldName('arguments')?.namedChildren ?? [];
  if (fn?.type !== 'parenthesized_expression' || args.length !== 1 || args[0]?.type !== 'nil') return undefined;
  const target = fn.namedChild(0);
  if (target?.type === 'pointer_type') return typeWritten(target, site.file);
  if (target?.type === 'unary_expression' && target.child(0)?.type === '*') return { kind: 'pointer', elem: typeWritten(target.childForFieldName('operand'), site.file) };
  return undefined;
}

/**
 * What a local variable surely holds at the call, when its one declaration in
 * the function is the only thing that sets it: the initial value, or null for
 * `var x T` without one (the zero value). Undefined when anything else may
 * set it: an assignment, `&x`, a second declaration of the name, a parameter.
 */
function soleValue(site: Site, arg: SyntaxNode): SyntaxNode | null | undefined {
  const variable = arg.type === 'identifier' ? site.evaluations[0]?.scope.lookup(arg.text) : undefined;
  if (!variable || variable.global) return undefined;
  const values = valuesAssigned(arg);
  return values?.length === 1 ? values[0] : undefined;
}

/** `&p` of a local variable whose value refers to something else (a pointer, slice, map, chan, func or interface): the variable's own address. */
function addressedReference(site: Site, arg: SyntaxNode): { name: string; type: GoType } | undefined {
  const operand = arg.type === 'unary_expression' && arg.child(0)?.type === '&' ? arg.childForFieldName('operand') : null;
  const scope = site.evaluations[0]?.scope;
  if (operand?.type !== 'identifier' || !scope) return undefined;
  const variable = scope.lookup(operand.text);
  if (!variable || variable.global) return undefined;
  const kind = underlying(variable.type, site.pkg).kind;
  return ['pointer', 'slice', 'map', 'chan', 'func', 'interface'].includes(kind) ? { name: operand.text, type: variable.type } : undefined;
}

/** A type as the runtime names it in its messages: a named type with the name of the package that declares it (`main.Conn`). */
function runtimeTypeName(type: GoType, site: Site): string {
  const declaring = declaringPackage(type, site.pkg);
  return type.kind === 'named' && declaring ? `${declaring.name}.${typeName({ ...type, importPath: undefined })}` : typeName(type);
}

function isValueKind(kind: string): boolean {
  return ['struct', 'basic', 'slice', 'map', 'chan', 'func', 'array'].includes(kind);
}

/** `&a[2]`: an element other than the first of a slice or array. */
function elementWhere(index: SyntaxNode): string | undefined {
  if (index.type !== 'index_expression') return undefined;
  const position = index.childForFieldName('index');
  return position?.type === 'int_literal' && Number(position.text) > 0 ? `element ${position.text}, inside its slice or array` : undefined;
}

/** Where the selected field lies when it does not start its struct. */
function fieldWhere(site: Site, selector: SyntaxNode): string | undefined {
  const position = fieldPosition(site, selector);
  if (!position || position.atStart) return undefined;
  const field = selector.childForFieldName('field')?.text;
  return position.offset === undefined ? `field ${field}, past the start of its struct` : `field ${field}, at offset ${position.offset} of its struct`;
}

/** Whether the selected field starts its struct; its byte offset when every size before it is known. */
export function fieldPosition(site: Site, selector: SyntaxNode): { atStart: boolean; offset?: number } | undefined {
  const operand = selector.childForFieldName('operand');
  const name = selector.childForFieldName('field')?.text;
  const scope = site.evaluations[0]?.scope;
  if (!operand || !name || !scope) return undefined;
  const holderType = site.interpreter.typeOf(operand, scope);
  const struct = underlying(holderType.kind === 'pointer' ? holderType.elem : holderType, site.pkg);
  if (struct.kind !== 'struct') return undefined;
  const index = struct.fields.findIndex((f) => f.name === name);
  if (index < 0) return undefined;
  if (index === 0) return { atStart: true, offset: 0 };
  let offset = 0;
  for (const field of struct.fields.slice(0, index + 1)) {
    const l = layout(field.type, site.pkg);
    // Unknown sizes before it: a field after others is past the start all the same.
    if (!l) return { atStart: false };
    offset = Math.ceil(offset / l.align) * l.align;
    if (field.name === name) break;
    offset += l.size;
  }
  return { atStart: offset === 0, offset };
}
