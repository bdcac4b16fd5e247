// FG005's second fix: a finalizer whose one parameter is of a type the object
// is not assignable to, and whose body never uses it, takes the object's type.
import type { SyntaxNode } from '../parse/parser.js';
import type { Site } from '../rules/rule.js';
import { replaceNode, type SourceFix } from './edit.js';
import { offered } from './offer.js';
import { soleParameter } from './parameter.js';
import { identifiersNamed } from './source.js';

/**
 * `runtime.SetFinalizer(w, func(r *Reader) { flush() })`: the finalizer never
 * looks at r, so its parameter's type is all that is wrong, and the object's
 * own type makes it a finalizer the runtime accepts without changing what it
 * does. Offered for a func literal whose one parameter is unnamed, `_`, or
 * named but never mentioned in the body, when the object is a *T, T a type
 * the package declares (not generic, not shadowed at the call). A parameter
 * the body uses is left alone: what the body does with it may need its type.
 */
export function objectParameterType(site: Site): SourceFix | undefined {
  const finalizer = site.args[1];
  const scope = site.evaluations[0]?.scope;
  const type = site.evaluations[0]?.argTypes[0];
  const body = finalizer?.type === 'func_literal' ? finalizer.childForFieldName('body') : undefined;
  if (!body || !scope || type?.kind !== 'pointer') return undefined;
  const base = type.elem;
  if (base.kind !== 'named' || base.importPath || base.args.length || !site.pkg.types.has(base.name) || scope.lookup(base.name)) return undefined;
  const param = soleParameter(finalizer!);
  const typeNode = param?.declaration.childForFieldName('type');
  if (!param || !typeNode) return undefined;
  if (param.name && param.name.text !== '_' && identifiersNamed(body, param.name.text).length > 0) return undefined;
  if (!importsStayUsed(site, typeNode)) return undefined;
  const text = `*${base.name}`;
  return offered(site.file, `give the finalizer's parameter the object's type ${text}: the finalizer never uses it`, [replaceNode(site.file, typeNode, text)]);
}

/**
 * Every package the replaced type names (`io` of `io.Reader`) is named by
 * another type of the file too, so its import stays used and the file still
 * builds. (A qualified type is always the package; an `io.X` expression
 * might be a variable's field, so it does not count.)
 */
function importsStayUsed(site: Site, typeNode: SyntaxNode): boolean {
  const packages = new Set(typeNode.descendantsOfType('package_identifier').map((p) => p?.text));
  if (packages.size === 0) return true;
  const inside = (node: SyntaxNode) => node.startIndex >= typeNode.startIndex && node.endIndex <= typeNode.endIndex;
  const elsewhere = site.file.tree.rootNode.descendantsOfType('package_identifier').filter((p): p is SyntaxNode => !!p && !inside(p));
  return [...packages].every((name) => elsewhere.some((p) => p.text === name && p.parent?.type === 'qualified_type'));
}
