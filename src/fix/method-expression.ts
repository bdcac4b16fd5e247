// FG005's fix: a method value that takes no argument becomes the method expression.
import { methodsOf } from '../model/package.js';
import type { Site } from '../rules/rule.js';
import { replaceNode, type SourceFix } from './edit.js';
import { offered } from './offer.js';

/**
 * `runtime.SetFinalizer(f, f.Close)`: `f.Close` is a func() with no place for
 * the object; `(*File).Close` is a func(*File) the runtime calls with it,
 * which is what the code meant when the method is selected from the object
 * itself. Offered when the object is a variable of type *T, T a type the
 * package declares (not generic, not shadowed at the call), that declares the
 * method with no parameters (either receiver: *T's method set has both).
 */
export function methodExpression(site: Site): SourceFix | undefined {
  const [object, finalizer] = site.args;
  const scope = site.evaluations[0]?.scope;
  if (object?.type !== 'identifier' || finalizer?.type !== 'selector_expression' || !scope) return undefined;
  const operand = finalizer.childForFieldName('operand');
  const name = finalizer.childForFieldName('field')?.text;
  const type = site.evaluations[0]?.argTypes[0];
  if (operand?.type !== 'identifier' || operand.text !== object.text || !name || type?.kind !== 'pointer') return undefined;
  const base = type.elem;
  if (base.kind !== 'named' || base.importPath || base.args.length || scope.lookup(base.name) || site.interpreter.fieldOf(finalizer, scope)) return undefined;
  const method = methodsOf(site.pkg, base.name)?.get(name);
  if (!method || method.receiver?.typeName !== base.name || method.params.length) return undefined;
  const expression = `(*${base.name}).${name}`;
  return offered(site.file, `use the method expression ${expression}, which the runtime calls with the object`, [replaceNode(site.file, finalizer, expression)]);
}
