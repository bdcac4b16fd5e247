// Struct fields that hold runtime.SetFinalizer itself: a constructor stores
// the function in a field (`setFinalizer: runtime.SetFinalizer`, overridable
// for tests) and other methods call it (`e.setFinalizer(cm, release)`).
// Calls through such a field are sites wherever the object came from.
import { fieldChildren, type GoPackage } from '../model/package.js';
import type { SyntaxNode } from '../parse/parser.js';
import { hookNameNodes, runtimeHookNamed, type SiteKind } from './heap.js';

const found = new WeakMap<GoPackage, ReadonlyMap<string, SiteKind>>();

/** A store into a field named like this: `T{name: v}` or `x.name = v`; its value. */
function storedValues(root: SyntaxNode, name: string): SyntaxNode[] {
  const values: SyntaxNode[] = [];
  for (const element of root.descendantsOfType('keyed_element')) {
    const [key, value] = element?.namedChildren ?? [];
    if (key?.text === name && value) values.push(value.type === 'literal_element' ? (value.namedChild(0) ?? value) : value);
  }
  for (const assignment of root.descendantsOfType(['assignment_statement', 'short_var_declaration'])) {
    const left = assignment?.childForFieldName('left')?.namedChildren ?? [];
    const right = assignment?.childForFieldName('right')?.namedChildren ?? [];
    left.forEach((target, i) => {
      if (target?.type === 'selector_expression' && target.childForFieldName('field')?.text === name) values.push(right[i] ?? target);
    });
  }
  return values;
}

/**
 * The names of the package's fields that only ever hold runtime.SetFinalizer
 * (or AddCleanup): every store into a field of that name in the package's
 * code, test files aside (a test may put a fake there), is the runtime's
 * function, and one of the package's struct types declares the name as a
 * func field. A name stored anything else even once is not one.
 */
export function hookFields(pkg: GoPackage): ReadonlyMap<string, SiteKind> {
  let fields = found.get(pkg);
  if (fields) return fields;
  const candidates = new Map<string, SiteKind>();
  const code = () => pkg.files.filter((f) => !f.path.endsWith('_test.go'));
  for (const file of code()) {
    if (!/\b(SetFinalizer|AddCleanup)\b/.test(file.source)) continue;
    for (const selector of hookNameNodes(file.tree.rootNode)) {
      const kind = selector.type === 'selector_expression' ? runtimeHookNamed(selector, file) : undefined;
      const parent = selector?.parent;
      if (!kind || !parent || (parent.type === 'call_expression' && parent.childForFieldName('function')?.id === selector!.id)) continue;
      const element = parent.type === 'literal_element' ? parent.parent : parent;
      const key = element?.type === 'keyed_element' ? element.namedChild(0)?.text : undefined;
      const left = parent.type === 'expression_list' && parent.parent?.type === 'assignment_statement' ? parent.parent.childForFieldName('left') : undefined;
      const target = left?.namedChildren[parent.namedChildren.findIndex((n) => n?.id === selector!.id)];
      const name = key ?? (target?.type === 'selector_expression' ? target.childForFieldName('field')?.text : undefined);
      if (name) candidates.set(name, kind);
    }
  }
  const hooks = new Map<string, SiteKind>();
  for (const [name, kind] of candidates) {
    pkg.load((file) => file.text.includes(name));
    const declared = [...pkg.types.values()].some((t) =>
      t.typeNode.descendantsOfType('field_declaration').some((f) => f?.childForFieldName('type')?.type === 'function_type' && fieldChildren(f, 'name').some((n) => n.text === name)),
    );
    const values = code().flatMap((file) => storedValues(file.tree.rootNode, name).map((value) => ({ value, file })));
    if (declared && values.every(({ value, file }) => runtimeHookNamed(value, file) === kind)) hooks.set(name, kind);
  }
  found.set(pkg, hooks);
  return hooks;
}
