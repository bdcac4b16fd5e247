// Wrappers: functions that pass their parameters on to runtime.SetFinalizer or
// runtime.AddCleanup, or to another wrapper (`func SetFinalizer(obj, fin any)
// { if enabled { runtime.SetFinalizer(obj, fin) } }`). What such a call does
// depends only on what the wrapper's caller passes, so each call of the
// wrapper is a site of its own. A wrapper is recognized from its declaration
// alone, wherever the declaration comes from.
import { fieldChildren, type FuncDecl } from '../model/package.js';
import type { SyntaxNode } from '../parse/parser.js';

/** The runtime's functions as a call names them: `runtime.SetFinalizer`, or bare under a dot import. */
export const runtimeHookCallee = /(^|\.)(SetFinalizer|AddCleanup)$/;

/** Whether a function passes its parameters on to a call whose callee (as written: `f`, `x.f`) `calls` accepts. */
export function forwardsTo(decl: FuncDecl, calls: (callee: string) => boolean): boolean {
  return (decl.body?.descendantsOfType('call_expression') ?? []).some(
    (call) => !!call && calls(call.childForFieldName('function')?.text ?? '') && forwardedParameters(decl, call) !== undefined,
  );
}

const forwarding = new WeakMap<FuncDecl, boolean>();

/** Whether a function passes its own parameters on to runtime.SetFinalizer or AddCleanup itself. */
export function forwardsToRuntime(decl: FuncDecl): boolean {
  let forwards = forwarding.get(decl);
  if (forwards === undefined) forwarding.set(decl, (forwards = forwardsTo(decl, (callee) => runtimeHookCallee.test(callee))));
  return forwards;
}

/**
 * For a call in decl's body: which of decl's parameters each argument is,
 * when every argument is a parameter passed on as it came (the body never
 * assigns it, redeclares its name or takes its address); otherwise undefined.
 */
export function forwardedParameters(decl: FuncDecl, call: SyntaxNode): number[] | undefined {
  const list = call.childForFieldName('arguments');
  const args = list?.namedChildren ?? [];
  if (!args.length || list?.children.some((c) => c?.type === '...')) return undefined;
  const indexes: number[] = [];
  for (const arg of args) {
    const name = unparenthesized(arg);
    if (name?.type !== 'identifier') return undefined;
    const index = decl.params.findIndex((p) => p.name === name.text && !p.variadic);
    if (index < 0 || reboundNames(decl).has(name.text)) return undefined;
    indexes.push(index);
  }
  return indexes;
}

function unparenthesized(node: SyntaxNode | null): SyntaxNode | null {
  while (node?.type === 'parenthesized_expression') node = node.namedChild(0);
  return node;
}

const rebound = new WeakMap<FuncDecl, Set<string>>();

/** The names a function's body binds anew or may change: assigned, declared (func literal parameters too), or addressed. */
function reboundNames(decl: FuncDecl): Set<string> {
  let names = rebound.get(decl);
  if (names) return names;
  names = new Set<string>();
  const add = (node: SyntaxNode | null | undefined) => {
    const target = unparenthesized(node ?? null);
    if (target?.type === 'identifier') names!.add(target.text);
  };
  const kinds = ['short_var_declaration', 'assignment_statement', 'inc_statement', 'dec_statement', 'range_clause', 'receive_statement', 'var_spec', 'const_spec', 'parameter_declaration', 'variadic_parameter_declaration', 'type_switch_statement', 'unary_expression'];
  for (const node of decl.body?.descendantsOfType(kinds) ?? []) {
    if (!node) continue;
    switch (node.type) {
      case 'inc_statement':
      case 'dec_statement':
        add(node.namedChild(0));
        break;
      case 'var_spec':
      case 'const_spec':
      case 'parameter_declaration':
      case 'variadic_parameter_declaration':
        for (const name of fieldChildren(node, 'name')) add(name);
        break;
      case 'type_switch_statement':
        for (const alias of node.childForFieldName('alias')?.namedChildren ?? []) add(alias);
        break;
      case 'unary_expression':
        if (node.child(0)?.type === '&') add(node.childForFieldName('operand'));
        break;
      default:
        for (const target of node.childForFieldName('left')?.namedChildren ?? []) add(target);
    }
  }
  rebound.set(decl, names);
  return names;
}
