// What a local variable is set to, read from the syntax of the function that
// declares it: for questions that hold for every value it may have (a type
// all its values share), asked where running the code would not answer.
import { fieldChildren } from '../model/package.js';
import type { SyntaxNode } from '../parse/parser.js';

const functionTypes = ['function_declaration', 'method_declaration', 'func_literal'];

/** The function, method or func literal whose body holds a node. */
export function enclosingFunction(node: SyntaxNode): SyntaxNode | undefined {
  let current = node.parent;
  while (current && !functionTypes.includes(current.type)) current = current.parent;
  return current ?? undefined;
}

/**
 * Every value the local variable a name refers to is given in the function
 * that holds the name: the initial values of its declarations, null for
 * `var x T` without one (the zero value), and the right sides of `x = v`.
 * Undefined when something else may set it, or the function does not
 * declare it: a parameter, `&x`, `x += v`, `x++`, a range, an assignment
 * from a call with several results.
 */
export function valuesAssigned(name: SyntaxNode): (SyntaxNode | null)[] | undefined {
  if (name.type !== 'identifier') return undefined;
  const body = enclosingFunction(name);
  if (!body) return undefined;
  const text = name.text;
  const values: (SyntaxNode | null)[] = [];
  let declared = false;
  for (const node of body.descendantsOfType(['var_spec', 'short_var_declaration', 'assignment_statement', 'range_clause', 'unary_expression', 'parameter_declaration', 'inc_statement', 'dec_statement'])) {
    if (!node) continue;
    if (node.type === 'unary_expression') {
      if (node.child(0)?.type === '&' && node.childForFieldName('operand')?.text === text) return undefined;
      continue;
    }
    // Parameters of a func literal or func type inside only shadow the name there.
    if (node.type === 'parameter_declaration' && node.parent?.parent?.id !== body.id) continue;
    if (node.type === 'var_spec') {
      const names = fieldChildren(node, 'name');
      const index = names.findIndex((n) => n.text === text);
      if (index < 0) continue;
      const initial = node.childForFieldName('value')?.namedChildren ?? [];
      if (initial.length && initial.length !== names.length) return undefined;
      values.push(initial[index] ?? null);
      declared = true;
      continue;
    }
    const left = node.type === 'parameter_declaration' ? null : (node.childForFieldName('left') ?? node.namedChild(0));
    const targets = node.type === 'parameter_declaration' ? fieldChildren(node, 'name') : left?.type === 'expression_list' ? left.namedChildren : [left];
    const index = targets.findIndex((t) => t?.type === 'identifier' && t.text === text);
    if (index < 0) continue;
    const plain = node.type === 'short_var_declaration' || (node.type === 'assignment_statement' && node.childForFieldName('operator')?.text === '=');
    if (!plain) return undefined;
    const right = node.childForFieldName('right')?.namedChildren ?? [];
    if (right.length !== targets.length) return undefined;
    values.push(right[index]!);
    if (node.type === 'short_var_declaration') declared = true;
  }
  return declared ? values : undefined;
}
