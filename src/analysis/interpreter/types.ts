// The interpreter's types layer: the static type of an expression, the field
// or method a selector names, method sets, and which function a call invokes.
import type { SyntaxNode } from '../../parse/parser.js';
import { memberOf, methodSet, moduleTypeKey, type Member } from '../../model/members.js';
import type { FuncDecl, GoFile } from '../../model/package.js';
import { declaredType, qualifiedTypesOfPackage, sameType, typeWritten, underlying, type GoType, type StructField } from '../../model/types.js';
import { signatureOf } from '../../model/signatures.js';
import { enclosingFunction, valuesAssigned } from '../assignments.js';
import { Scope, type HeapObject } from '../heap.js';
import { forwardsToRuntime } from '../wrappers.js';
import { CoreLayer, otherPackagesStepBudget } from './core.js';

/** Syntax nodes that spell a type: the argument of `new(T)`, not of Go 1.26's `new(expr)`. */
export const typeNodes = new Set([
  'type_identifier', 'qualified_type', 'generic_type', 'pointer_type', 'slice_type', 'array_type', 'implicit_length_array_type',
  'map_type', 'channel_type', 'function_type', 'struct_type', 'interface_type', 'parenthesized_type', 'negated_type',
]);

/** The generic type a conversion names (`f` of `f[T](x)`), which may be a function instantiated. */
export function instantiated(type: SyntaxNode | null): SyntaxNode | null {
  return type?.type === 'generic_type' ? type.childForFieldName('type') : null;
}

/** A value of one concrete type, and where it is made. */
export interface MadeValue {
  type: GoType;
  node: SyntaxNode;
  file: GoFile;
}

/** How many functions deep the making of an interface's value is looked for. */
const maxMakingDepth = 8;

export abstract class TypesLayer extends CoreLayer {
  /** What an expression may point to (the expressions layer). */
  abstract evaluate(node: SyntaxNode | null | undefined, scope: Scope): HeapObject[];


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
          if (global.typeNode) return declaredType(global);
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
        return typeWritten(node.childForFieldName('type'), this.file);
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
          if (fn.text === 'new') return { kind: 'pointer', elem: this.newOfValue(argument, scope) ?? typeWritten(argument, this.file) };
          if (fn.text === 'make') return typeWritten(argument, this.file);
        }
        const converted = this.conversionType(node, scope);
        if (converted) return converted;
        const callee = this.calleeOf(node, scope);
        return (callee && signatureOf(callee.decl, this.pkg).resultTypes[0]) ?? unknown;
      }
      case 'type_assertion_expression':
        return typeWritten(node.childForFieldName('type'), this.file);
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
   * `uintptr(x)`, also in parentheses), `unsafe.Pointer(p)`, a type
   * of another package (`cgo.Handle(h)`: one its module declares, or one the
   * package writes as a type somewhere), or a type written out
   * (`interface{}(p)`). Undefined for a call of a function, and for another
   * package's name the package never uses as a type, which may be either.
   */
  protected conversionType(call: SyntaxNode, scope: Scope): GoType | undefined {
    if (call.type === 'type_conversion_expression') return this.calleeOf(call, scope) ? undefined : typeWritten(call.childForFieldName('type'), this.file);
    let fn = call.childForFieldName('function');
    while (fn?.type === 'parenthesized_expression') fn = fn.namedChild(0);
    if (fn?.type === 'identifier') {
      if (scope.lookup(fn.text) || this.here().funcs.has(fn.text)) return undefined;
      const type = typeWritten(fn, this.file);
      return type.kind !== 'named' || this.here().types.has(fn.text) ? type : undefined;
    }
    const operand = fn?.type === 'selector_expression' ? fn.childForFieldName('operand') : undefined;
    const importPath = operand?.type === 'identifier' && !scope.lookup(operand.text) ? this.file.imports.get(operand.text) : undefined;
    const name = fn?.childForFieldName('field')?.text;
    if (!importPath || !name) return undefined;
    if (importPath === 'unsafe' && name === 'Pointer') return { kind: 'basic', name: 'unsafe.Pointer' };
    if (call.childForFieldName('arguments')?.namedChildCount !== 1) return undefined;
    const isType = this.pkg.imported?.(importPath)?.types.has(name) || qualifiedTypesOfPackage(this.here()).has(`${importPath}.${name}`);
    return isType ? { kind: 'named', name, importPath, args: [] } : undefined;
  }

  protected selected(selector: SyntaxNode, scope: Scope): Member | undefined {
    const name = selector.childForFieldName('field')?.text;
    const operand = selector.childForFieldName('operand');
    return name && operand ? memberOf(this.typeOf(operand, scope), name, this.pkg) : undefined;
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
  protected mayHoldAnything(object: HeapObject): boolean {
    const type = object.type?.kind === 'pointer' ? object.type.elem : object.type;
    if (!type || type.kind === 'unknown') return object.kind !== 'alloc';
    return underlying(type, this.pkg).kind === 'interface';
  }

  /**
   * The value of one concrete type that an interface-typed expression surely
   * holds, when every way it is made agrees: a composite literal or a
   * conversion to that type, seen through parentheses, conversions to
   * interfaces, local variables whose every assignment agrees (the zero
   * value aside: a nil interface fails the same checks), and what the
   * module's functions return (SWIG's `r = (I)(SwigcptrT(c)); return r`).
   * Undefined when one way is not known. `file` holds the expression.
   */
  heldValue(node: SyntaxNode, scope: Scope, file: GoFile): MadeValue | undefined {
    const saved = { file: this.file, steps: this.otherPackagesSteps };
    this.file = file;
    // Asked once per site after the runs: what the last entry point spent in other packages does not bound it.
    this.otherPackagesSteps = 0;
    try {
      return this.made(node, scope, 0);
    } finally {
      this.file = saved.file;
      this.otherPackagesSteps = saved.steps;
    }
  }

  private made(node: SyntaxNode | null | undefined, scope: Scope, depth: number): MadeValue | undefined {
    if (!node || depth > maxMakingDepth) return undefined;
    const concrete = (type: GoType): MadeValue | undefined =>
      type.kind === 'unknown' || underlying(type, this.here()).kind === 'interface' ? undefined : { type, node, file: this.file };
    switch (node.type) {
      case 'parenthesized_expression':
        return this.made(node.namedChild(0), scope, depth);
      case 'composite_literal':
        return concrete(typeWritten(node.childForFieldName('type'), this.file));
      case 'identifier': {
        // A local of the function the name is in: valuesAssigned finds its declaration there.
        if (scope.lookup(node.text)?.global) return undefined;
        const values = valuesAssigned(node)?.filter((value) => value !== null);
        return values?.length ? this.agreeing(values.map((value) => this.made(value, scope, depth + 1))) : undefined;
      }
      case 'call_expression':
      case 'type_conversion_expression': {
        const converted = this.conversionType(node, scope);
        if (converted) {
          if (underlying(converted, this.here()).kind !== 'interface') return concrete(converted);
          const operand = node.type === 'call_expression' ? node.childForFieldName('arguments')?.namedChild(0) : node.childForFieldName('operand');
          return this.made(operand, scope, depth + 1);
        }
        const callee = this.calleeOf(node, scope)?.decl;
        const result = callee && signatureOf(callee, this.pkg).resultTypes[0];
        if (!callee?.body || !result || underlying(result, this.pkg).kind !== 'interface') return concrete(this.typeOf(node, scope));
        const results = callee.body.descendantsOfType('return_statement').filter((r) => r && enclosingFunction(r)?.id === callee.node.id);
        if (!results.length) return undefined;
        const saved = this.file;
        this.file = callee.file;
        try {
          const inner = new Scope(this.globalScope);
          return this.agreeing(results.map((r) => this.made(r!.namedChild(0)?.namedChild(0), inner, depth + 1)));
        } finally {
          this.file = saved;
        }
      }
      default:
        return concrete(this.typeOf(node, scope));
    }
  }

  /** The first of several made values when all are known and of the same type. */
  private agreeing(values: (MadeValue | undefined)[]): MadeValue | undefined {
    const [first] = values;
    return first && values.every((value) => value && sameType(value.type, first.type)) ? first : undefined;
  }

  /** The package function or method a call invokes, with the receiver expression and promotion path for methods. */
  protected calleeOf(call: SyntaxNode, scope: Scope): { decl: FuncDecl; receiver?: SyntaxNode; through: StructField[] } | undefined {
    let fn = call.type === 'type_conversion_expression' ? instantiated(call.childForFieldName('type')) : call.childForFieldName('function');
    // `f[T](x)`, `pkg.F[T](x)`: a generic function called with explicit type arguments is that function.
    if (fn?.type === 'index_expression' && ['identifier', 'selector_expression'].includes(fn.childForFieldName('operand')?.type ?? '')) fn = fn.childForFieldName('operand');
    if (fn?.type === 'identifier' || fn?.type === 'type_identifier') {
      if (scope.lookup(fn.text) && !scope.lookup(fn.text)?.global) return undefined;
      const decl = this.here().funcs.get(fn.text);
      return decl ? { decl, through: [] } : undefined;
    }
    // `pkg.F[T](x)` with one argument parses as a conversion to the generic type `pkg.F[T]`.
    if (fn?.type === 'qualified_type') return this.importedFunction(fn.childForFieldName('package'), fn.childForFieldName('name'), scope);
    const imported = fn?.type === 'selector_expression' ? this.importedFunction(fn.childForFieldName('operand'), fn.childForFieldName('field'), scope) : undefined;
    if (imported) return imported;
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
  protected dynamicCallee(fn: SyntaxNode, scope: Scope): { decl: FuncDecl; receivers: HeapObject[]; through: StructField[] } | undefined {
    const operand = fn.childForFieldName('operand');
    const name = fn.childForFieldName('field')?.text;
    let path = operand;
    while (path?.type === 'selector_expression') path = path.childForFieldName('operand');
    if (!operand || !name || path?.type !== 'identifier') return undefined;
    if (underlying(this.typeOf(operand, scope), this.pkg).kind !== 'interface') return undefined;
    const receivers = this.evaluate(operand, scope);
    const typeKeys = new Set(receivers.map((o) => (o.kind === 'alloc' ? moduleTypeKey(o.type, this.pkg) : undefined)));
    const [typeKey] = typeKeys;
    const decl = typeKeys.size === 1 && typeKey ? methodSet(receivers[0]!.type!, this.pkg)?.get(name) : undefined;
    return decl ? { decl, receivers, through: [] } : undefined;
  }

  /**
   * `pkg.F` naming a function of another package of the module, while the
   * entry point may still spend steps there, or one that passes its
   * parameters on to the runtime (a wrapper: its call is a site, however
   * much the entry point spent before it).
   */
  private importedFunction(alias: SyntaxNode | null, nameNode: SyntaxNode | null, scope: Scope): { decl: FuncDecl; through: StructField[] } | undefined {
    const name = nameNode?.text;
    if ((alias?.type !== 'identifier' && alias?.type !== 'package_identifier') || !name || scope.lookup(alias.text)) return undefined;
    const path = this.file.imports.get(alias.text);
    const spent = this.otherPackagesSteps >= otherPackagesStepBudget;
    // Past the budget, a package that cannot wrap is not even opened.
    if (!path || (spent && !this.pkg.mayWrap?.(path))) return undefined;
    const decl = this.pkg.imported?.(path)?.funcs.get(name);
    return decl && (!spent || forwardsToRuntime(decl)) ? { decl, through: [] } : undefined;
  }

  /** Whether an expression's value is a struct or array held by value: assigning it copies. */
  protected isValueType(node: SyntaxNode, scope: Scope): boolean {
    return this.isValueKind(this.typeOf(node, scope));
  }

  protected isValueKind(type: GoType): boolean {
    const kind = underlying(type, this.pkg).kind;
    return kind === 'struct' || kind === 'array';
  }


  /**
   * The type of the value in Go 1.26's `new(expr)` (`new(42)`, `new(f())`,
   * `new(x)` of a variable x); undefined for `new(T)` of a type.
   */
  protected newOfValue(argument: SyntaxNode | null | undefined, scope: Scope): GoType | undefined {
    if (!argument) return undefined;
    if (argument.type === 'type_identifier' || argument.type === 'identifier') {
      const variable = scope.lookup(argument.text);
      return variable && (variable.global ? this.typeOf(argument, scope) : variable.type);
    }
    return typeNodes.has(argument.type) ? undefined : this.typeOf(argument, scope);
  }
}
