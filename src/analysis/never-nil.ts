// Whether a function's result is never nil: every return gives a value that
// cannot be nil where it is returned. The shape is an owner accessor that
// falls back on its receiver (`if x.owner == nil { return x }; return
// x.owner`): its result decides an `if owner == nil` in the code it is
// passed to, so a finalizer set only for objects without an owner is not set
// on the objects made there.
import type { FuncDecl } from '../model/package.js';
import type { SyntaxNode } from '../parse/parser.js';

const decided = new WeakMap<FuncDecl, boolean>();

export function resultNeverNil(decl: FuncDecl): boolean {
  let known = decided.get(decl);
  if (known === undefined) decided.set(decl, (known = decide(decl)));
  return known;
}

function decide(decl: FuncDecl): boolean {
  if (!decl.body || decl.results.length !== 1) return false;
  const returns = returnsOf(decl.body);
  const reassigned = assignedNames(decl.body);
  return (
    returns.length > 0 &&
    returns.every((ret) => {
      const values = ret.namedChild(0)?.namedChildren ?? [];
      return values.length === 1 && !!values[0] && nonNilAt(values[0], ret, reassigned);
    })
  );
}

/** The function's own return statements, not those of the func literals in it. */
function returnsOf(body: SyntaxNode): SyntaxNode[] {
  const found: SyntaxNode[] = [];
  const walk = (node: SyntaxNode) => {
    for (const child of node.namedChildren) {
      if (!child || child.type === 'func_literal') continue;
      if (child.type === 'return_statement') found.push(child);
      else walk(child);
    }
  };
  walk(body);
  return found;
}

/** Names the body assigns to after their declaration: a check on them may no longer hold. */
function assignedNames(body: SyntaxNode): Set<string> {
  const names = new Set<string>();
  for (const statement of body.descendantsOfType(['assignment_statement', 'inc_statement', 'dec_statement'])) {
    const left = statement?.childForFieldName('left') ?? statement?.namedChild(0);
    for (const target of left?.type === 'expression_list' ? left.namedChildren : [left]) {
      const root = target?.text.split(/[.[]/)[0];
      if (root) names.add(root);
    }
  }
  return names;
}

function nonNilAt(value: SyntaxNode, ret: SyntaxNode, reassigned: Set<string>): boolean {
  switch (value.type) {
    case 'parenthesized_expression':
      return !!value.namedChild(0) && nonNilAt(value.namedChild(0)!, ret, reassigned);
    case 'composite_literal':
    case 'func_literal':
      return true;
    case 'unary_expression':
      return value.child(0)?.type === '&';
    case 'identifier':
    case 'selector_expression': {
      if (reassigned.has(value.text.split('.')[0]!)) return false;
      return before(ret).some((code) => checkedNonNil(code, value.text) || (value.type === 'identifier' && dereferences(code, value.text)));
    }
    default:
      return false;
  }
}

/**
 * The code that surely ran before a statement: the earlier statements of
 * each enclosing block, and the conditions of the `if`s it lies in, each with
 * whether the statement is on the branch where that condition held.
 */
function before(statement: SyntaxNode): { node: SyntaxNode; held?: boolean }[] {
  const code: { node: SyntaxNode; held?: boolean }[] = [];
  for (let at = statement; at.parent && at.type !== 'function_declaration' && at.type !== 'method_declaration'; at = at.parent) {
    const parent = at.parent;
    if (parent.type === 'if_statement' && at.id !== parent.childForFieldName('condition')?.id) {
      const condition = parent.childForFieldName('condition');
      if (condition) code.push({ node: condition, held: at.id === parent.childForFieldName('consequence')?.id });
    }
    if (parent.type === 'block' || parent.type === 'statement_list') {
      for (let prev = at.previousNamedSibling; prev; prev = prev.previousNamedSibling) code.push({ node: prev });
    }
  }
  return code;
}

/** `if x == nil { return ... }` before it, or inside `if x != nil { ... }`. */
function checkedNonNil({ node, held }: { node: SyntaxNode; held?: boolean }, name: string): boolean {
  if (held !== undefined) return nilComparison(node, name) === (held ? '!=' : '==');
  if (node.type !== 'if_statement' || node.childForFieldName('alternative')) return false;
  const condition = node.childForFieldName('condition');
  const last = lastStatement(node.childForFieldName('consequence'));
  return !!condition && nilComparison(condition, name) === '==' && (last?.type === 'return_statement' || /^panic\(/.test(last?.text ?? ''));
}

function lastStatement(block: SyntaxNode | null): SyntaxNode | null | undefined {
  const last = block?.namedChildren.at(-1);
  return last?.type === 'statement_list' ? last.namedChildren.at(-1) : last;
}

/** '==' for `name == nil`, '!=' for `name != nil`, either way round. */
function nilComparison(node: SyntaxNode, name: string): string | undefined {
  while (node.type === 'parenthesized_expression' && node.namedChild(0)) node = node.namedChild(0)!;
  if (node.type !== 'binary_expression') return undefined;
  const op = node.childForFieldName('operator')?.text;
  const sides = [node.childForFieldName('left')?.text, node.childForFieldName('right')?.text];
  return (op === '==' || op === '!=') && sides.includes(name) && sides.includes('nil') ? op : undefined;
}

/** Code that reads a field through the pointer: it would have panicked on nil. */
function dereferences({ node }: { node: SyntaxNode }, name: string): boolean {
  return [node, ...node.descendantsOfType('selector_expression')].some(
    (s) => s?.type === 'selector_expression' && s.childForFieldName('operand')?.text === name && s.parent?.type !== 'call_expression',
  );
}
