import { fieldChildren, methodsOf, readParams } from '../model/package.js';
import { declaredType, sameType, typeName, typeWritten, underlying, type GoType } from '../model/types.js';
import type { SyntaxNode } from '../parse/parser.js';
import type { Rule, Site } from './rule.js';
import { withArticle } from './describe.js';
import { inline } from '../parse/inline.js';
import { methodExpression } from '../fix/method-expression.js';
import { objectParameterType } from '../fix/parameter-type.js';

/**
 * FG005 finalizer-bad-signature: the finalizer is not a function of exactly
 * one parameter to which the object's type is assignable: wrong arity, a
 * variadic parameter, a parameter of another type, or a method value whose
 * method takes no argument (`x.Close`). The runtime throws "cannot pass *T to
 * finalizer ..." at the call and the program dies.
 */
export const finalizerBadSignature: Rule = {
  id: 'FG005',
  name: 'finalizer-bad-signature',
  severity: 'error',
  summary: 'The finalizer cannot take the object as its one argument; the program dies at the call.',
  kinds: ['SetFinalizer'],
  fatal: true,
  check(site) {
    const finalizer = site.args[1];
    if (!finalizer || finalizer.type === 'nil') return undefined;
    const objectType = site.evaluations[0]?.argTypes[0];
    const object = objectType && objectType.kind !== 'unknown' ? typeName(objectType) : 'the object';
    const finalizerType = site.evaluations[0]?.argTypes[1];
    const finalizerKind = finalizerType && underlying(finalizerType, site.pkg).kind;
    if (finalizerType && finalizerKind && ['basic', 'struct', 'pointer', 'slice', 'map', 'chan', 'array'].includes(finalizerKind)) {
      return {
        message: `${inline(finalizer)} is ${withArticle(typeName(finalizerType))}, not a function; runtime.SetFinalizer throws "second argument is ${typeName(finalizerType)}, not a function" and the program dies`,
        related: [],
      };
    }
    const signature = signatureOf(site, finalizer);
    if (!signature) return undefined;
    const fails = (why: string) => ({
      message: `${signature.what} ${why}; runtime.SetFinalizer throws "cannot pass ${object} to finalizer" and the program dies (recover cannot catch it)`,
      related: [],
    });
    if (signature.params.length !== 1) {
      return { ...fails(`takes ${signature.params.length} parameters, but the runtime calls a finalizer with exactly one, the object`), fix: methodExpression(site) };
    }
    if (signature.variadic) return fails('has a variadic parameter, which the runtime does not accept');
    if (objectType && !assignable(objectType, signature.params[0]!, site)) {
      return { ...fails(`takes ${withArticle(typeName(signature.params[0]!))}, which the object's type ${object} is not assignable to`), fix: objectParameterType(site) };
    }
    return undefined;
  },
};

export interface Signature {
  what: string;
  params: GoType[];
  variadic: boolean;
}

/** The parameter list of the finalizer expression, when the package declares it. */
export function signatureOf(site: Site, node: SyntaxNode): Signature | undefined {
  const scope = site.evaluations[0]?.scope;
  if (!scope) return undefined;
  if (node.type === 'func_literal') {
    const params = readParams(node.childForFieldName('parameters'));
    return { what: 'the finalizer func literal', params: params.map((p) => typeWritten(p.typeNode, site.file)), variadic: params.some((p) => p.variadic) };
  }
  if (node.type === 'identifier') {
    if (scope.lookup(node.text)) return undefined;
    const decl = site.pkg.funcs.get(node.text);
    if (!decl || fieldChildren(decl.node, 'type_parameters').length) return undefined;
    return { what: `function ${node.text}`, params: decl.params.map((p) => typeWritten(p.typeNode, decl.file)), variadic: decl.params.some((p) => p.variadic) };
  }
  if (node.type !== 'selector_expression') return undefined;
  const operand = node.childForFieldName('operand');
  const name = node.childForFieldName('field')?.text ?? '';
  const receiverType = operand ? typeExpression(operand, site) : undefined;
  if (receiverType) {
    // Method expression (*T).m or T.m: the receiver becomes the first parameter.
    const base = receiverType.kind === 'pointer' ? receiverType.elem : receiverType;
    if (base.kind !== 'named') return undefined;
    const method = methodsOf(site.pkg, base.name)?.get(name);
    if (!method || method.receiver?.typeName !== base.name) return undefined;
    if (!method.receiver.pointer || receiverType.kind === 'pointer') {
      return {
        what: `method expression ${inline(node)}`,
        params: [receiverType, ...method.params.map((p) => typeWritten(p.typeNode, method.file))],
        variadic: method.params.some((p) => p.variadic),
      };
    }
    return undefined;
  }
  const method = site.interpreter.methodOf(node, scope);
  if (!method || site.interpreter.fieldOf(node, scope)) return undefined;
  return {
    what: `method value ${inline(node)}`,
    params: method.params.map((p) => typeWritten(p.typeNode, method.file)),
    variadic: method.params.some((p) => p.variadic),
  };
}

/** `(*T)` or `T` naming a type of the package, as the operand of a method expression. */
function typeExpression(node: SyntaxNode, site: Site): GoType | undefined {
  let inner: SyntaxNode | null = node;
  while (inner?.type === 'parenthesized_expression') inner = inner.namedChild(0);
  if (inner?.type === 'unary_expression' && inner.child(0)?.type === '*') {
    const elem = inner.childForFieldName('operand');
    const base = elem && typeExpression(elem, site);
    return base ? { kind: 'pointer', elem: base } : undefined;
  }
  if (inner?.type === 'pointer_type') {
    const elem = inner.namedChild(0);
    return elem && site.pkg.types.has(elem.text) ? { kind: 'pointer', elem: { kind: 'named', name: elem.text, args: [] } } : undefined;
  }
  if ((inner?.type === 'identifier' || inner?.type === 'type_identifier') && site.pkg.types.has(inner.text)) {
    const scope = site.evaluations[0]?.scope;
    if (scope?.lookup(inner.text)) return undefined;
    return { kind: 'named', name: inner.text, args: [] };
  }
  return undefined;
}

/**
 * The runtime's rule: the same type; or both pointers to the same element
 * type with one of them unnamed; or an interface the object implements. Only
 * a mismatch the declarations prove is reported.
 */
function assignable(object: GoType, param: GoType, site: Site): boolean {
  if (object.kind === 'unknown' || param.kind === 'unknown' || param.kind === 'typeParam') return true;
  if (sameType(object, param)) return true;
  const paramUnder = underlying(param, site.pkg);
  if (paramUnder.kind === 'interface' || (param.kind === 'named' && param.importPath)) return implementsAll(object, param, site);
  if (paramUnder.kind === 'unknown' || paramUnder.kind === 'named') return true;
  if (object.kind !== 'pointer') return true;
  const resolve = (t: GoType): GoType => {
    const decl = t.kind === 'named' && !t.importPath ? site.pkg.types.get(t.name) : undefined;
    return decl?.isAlias ? resolve(declaredType(decl)) : t;
  };
  const pointer = param.kind === 'pointer' ? param : paramUnder.kind === 'pointer' ? paramUnder : undefined;
  if (!pointer) return false;
  const a = resolve(object.elem);
  const b = resolve(pointer.elem);
  if (a.kind === 'typeParam' || b.kind === 'typeParam' || a.kind === 'unknown' || b.kind === 'unknown') return true;
  if (!sameType(a, b)) return false;
  if (pointer === param) return true;
  // A named pointer type (`type ConnRef *Conn`) passes the runtime's check only
  // while *Conn carries no method set: once Conn has methods, both types are
  // "named" to the runtime and it throws (measured).
  const methods = methodSet(object, site);
  return !methods || methods.size === 0;
}

/** Method names of interfaces from the standard library that finalizers commonly take. */
const standardInterfaces: Record<string, string[]> = {
  'io.Reader': ['Read'],
  'io.Writer': ['Write'],
  'io.Closer': ['Close'],
  'io.ReadCloser': ['Read', 'Close'],
  'io.WriteCloser': ['Write', 'Close'],
  'io.ReadWriter': ['Read', 'Write'],
  'io.ReadWriteCloser': ['Read', 'Write', 'Close'],
  'fmt.Stringer': ['String'],
};

/** The methods an interface type requires, when every part of it is known. */
function requiredMethods(param: GoType, site: Site): string[] | undefined {
  if (param.kind === 'named' && param.importPath) return standardInterfaces[`${param.importPath}.${param.name}`];
  const decl = param.kind === 'named' ? site.pkg.types.get(param.name) : undefined;
  if (!decl || decl.typeNode.type !== 'interface_type') return param.kind === 'interface' && param.empty ? [] : undefined;
  const names: string[] = [];
  for (const element of decl.typeNode.namedChildren) {
    if (element?.type === 'method_elem') names.push(element.childForFieldName('name')?.text ?? '');
    else if (element) {
      const embedded = requiredMethods(typeWritten(element.namedChild(0) ?? element, decl.file), site);
      if (!embedded) return undefined;
      names.push(...embedded);
    }
  }
  return names;
}

/** The method set of a pointer to a package type, when no embedded type hides methods from us. */
function methodSet(object: GoType, site: Site, depth = 0): Set<string> | undefined {
  const base = object.kind === 'pointer' ? object.elem : object;
  if (base.kind !== 'named' || base.importPath || depth > 3) return undefined;
  const names = new Set(methodsOf(site.pkg, base.name)?.keys() ?? []);
  const under = underlying(base, site.pkg);
  if (under.kind !== 'struct') return names;
  for (const field of under.fields) {
    if (!field.embedded) continue;
    // An embedded interface promotes the methods it requires.
    const promoted = underlying(field.type, site.pkg).kind === 'interface' ? requiredMethods(field.type, site) : methodSet(field.type, site, depth + 1);
    if (!promoted) return undefined;
    for (const name of promoted) names.add(name);
  }
  return names;
}

function implementsAll(object: GoType, iface: GoType, site: Site): boolean {
  const required = requiredMethods(iface, site);
  const available = methodSet(object, site);
  if (!required || !available) return true;
  return required.every((name) => available.has(name));
}
