// FG004's fixes: the object is given as a pointer to where it is made.
import { typeName, underlying, sameType, type GoType } from '../model/types.js';
import type { SyntaxNode } from '../parse/parser.js';
import { signatureOf } from '../rules/fg005-finalizer-bad-signature.js';
import type { Site } from '../rules/rule.js';
import { insertBefore, replaceNode, type SourceEdit, type SourceFix } from './edit.js';
import { offered } from './offer.js';
import { addressOf, enclosingFunction, identifiersNamed, isSelected } from './source.js';

/** Whether the call's finalizer can take an object of this type (a removal with nil takes any). */
function finalizerTakes(site: Site, type: GoType): boolean {
  const finalizer = site.args[1];
  if (!finalizer) return false;
  if (finalizer.type === 'nil') return true;
  const signature = signatureOf(site, finalizer);
  if (!signature || signature.params.length !== 1 || signature.variadic) return false;
  const param = signature.params[0]!;
  const under = underlying(param, site.pkg);
  return sameType(param, type) || (under.kind === 'interface' && under.empty);
}

/**
 * `str := CString{...}; runtime.SetFinalizer(str, ...)`: the struct value
 * made by a composite literal in the same function gets its address taken
 * where it is made. Offered only when every other use stays valid and means
 * the same with a pointer: a field or method selected from it (Go selects
 * through the pointer), `&str` (which becomes `str`, the same object), and
 * the finalizer takes the pointer. A copy (`x := str`), an assignment, a
 * second declaration of the name: no fix.
 */
export function addressWhereMade(site: Site, arg: SyntaxNode): SourceFix | undefined {
  const variable = arg.type === 'identifier' ? site.evaluations[0]?.scope.lookup(arg.text) : undefined;
  const fn = enclosingFunction(site.call);
  if (!variable || variable.global || variable.type.kind !== 'named' || underlying(variable.type, site.pkg).kind !== 'struct' || !fn) return undefined;
  if (!finalizerTakes(site, { kind: 'pointer', elem: variable.type })) return undefined;
  let literal: SyntaxNode | undefined;
  const edits: SourceEdit[] = [];
  for (const use of identifiersNamed(fn, arg.text)) {
    if (use.id === arg.id || isSelected(use)) continue;
    const address = addressOf(use);
    if (address) {
      edits.push(replaceNode(site.file, address, use.text));
      continue;
    }
    const value = declaredValue(use);
    if (literal || value?.type !== 'composite_literal' || !/^(type_identifier|qualified_type|generic_type)$/.test(value.childForFieldName('type')?.type ?? '')) return undefined;
    literal = value;
  }
  if (!literal) return undefined;
  edits.push(insertBefore(site.file, literal, '&'));
  return offered(site.file, `make ${arg.text} a pointer where it is made: ${arg.text} := &${typeName(variable.type)}{...}`, edits);
}

/** The value a declaration without a type gives the identifier: `x := v`, `var x = v`; undefined for any other place of it. */
function declaredValue(identifier: SyntaxNode): SyntaxNode | undefined {
  const list = identifier.parent;
  const declaration = list?.type === 'expression_list' ? list.parent : list;
  if (declaration?.type === 'short_var_declaration' && list?.type === 'expression_list' && declaration.childForFieldName('left')?.id === list.id) {
    const index = list.namedChildren.findIndex((n) => n?.id === identifier.id);
    const values = declaration.childForFieldName('right')?.namedChildren ?? [];
    return values.length === list.namedChildren.length ? (values[index] ?? undefined) : undefined;
  }
  if (list?.type === 'var_spec' && !list.childForFieldName('type')) {
    const names = list.namedChildren.filter((n) => n?.type === 'identifier');
    const values = list.childForFieldName('value')?.namedChildren ?? [];
    const index = names.findIndex((n) => n?.id === identifier.id);
    return index >= 0 && values.length === names.length ? (values[index] ?? undefined) : undefined;
  }
  return undefined;
}

/**
 * `&p` of a pointer variable becomes `p`: the finalizer or cleanup then goes
 * on the object p points to. Offered when the call stays valid and the
 * object can then be collected: a cleanup whose function is a func literal
 * not naming p (or a function of the package) and whose argument is of a
 * basic type and does not name p; a finalizer that takes any.
 */
export function dropAddressOfPointer(site: Site, arg: SyntaxNode, variable: { name: string; type: GoType }): SourceFix | undefined {
  if (underlying(variable.type, site.pkg).kind !== 'pointer') return undefined;
  const names = (node: SyntaxNode | undefined) => !!node && (node.text === variable.name || identifiersNamed(node, variable.name).length > 0);
  if (site.kind === 'AddCleanup') {
    const [, cleanup, cleanupArg] = site.args;
    const scope = site.evaluations[0]?.scope;
    const packageFunction = cleanup?.type === 'identifier' && !scope?.lookup(cleanup.text) && site.pkg.funcs.has(cleanup.text);
    if (!cleanup || !(cleanup.type === 'func_literal' || packageFunction) || names(cleanup) || !cleanupArg || names(cleanupArg)) return undefined;
    const argType = site.evaluations[0]?.argTypes[2];
    if (!argType || underlying(argType, site.pkg).kind !== 'basic') return undefined;
  } else if (!site.args[1] || site.args[1].type === 'nil' || !finalizerTakes(site, variable.type)) {
    return undefined;
  }
  return offered(site.file, `pass ${variable.name}, the pointer, not &${variable.name}, the address of the variable`, [replaceNode(site.file, arg, variable.name)]);
}
