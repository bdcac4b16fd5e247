// The interpreter's facts layer: what is known of a local variable's value on
// the path the code follows (nil or not, true or false), so branches the facts
// decide are taken or skipped for sure.
import type { SyntaxNode } from '../../parse/parser.js';
import { underlying, type GoType } from '../../model/types.js';
import { slotKey, type BranchCondition, type Fact, type HeapObject, type Scope, type Variable } from '../heap.js';
import { resultNeverNil } from '../never-nil.js';
import { TypesLayer } from './types.js';

export const negation: Partial<Record<Fact, Fact>> = { true: 'false', false: 'true' };

/** Operands whose value never changes. */
const literalOperands = new Set(['nil', 'true', 'false', 'int_literal', 'float_literal', 'rune_literal', 'interpreted_string_literal', 'raw_string_literal']);

/** The zero value's fact for a declared type: nil for pointers, slices, maps, channels, funcs and interfaces; false for bool. */
export function zeroFact(type: GoType | undefined): Fact | undefined {
  switch (type?.kind) {
    case 'pointer':
    case 'slice':
    case 'map':
    case 'chan':
    case 'func':
    case 'interface':
      return 'nil';
    case 'basic':
      return type.name === 'bool' ? 'false' : undefined;
    default:
      return undefined;
  }
}

export abstract class FactsLayer extends TypesLayer {
  /**
   * Variables with a smaller key belong to code outside the closure or
   * goroutine being interpreted, which runs at some later time: their facts
   * do not hold there.
   */
  private factFloor = 0;

  /** Runs code that runs at some later time (a goroutine, a stored closure): the facts of the code around it do not hold there. */
  protected later<T>(body: () => T): T {
    const saved = this.factFloor;
    this.factFloor = this.nextVar;
    try {
      return body();
    } finally {
      this.factFloor = saved;
    }
  }


  /** What the facts say of an expression's value, without evaluating it. */
  protected factOf(node: SyntaxNode | null | undefined, scope: Scope): Fact | undefined {
    if (!node || !this.deeper(node)) return undefined;
    const fact = this.factOfNode(node, scope);
    this.nesting--;
    return fact;
  }

  private factOfNode(node: SyntaxNode, scope: Scope): Fact | undefined {
    switch (node.type) {
      case 'parenthesized_expression':
        return this.factOf(node.namedChild(0), scope);
      case 'nil':
        return 'nil';
      case 'true':
      case 'false':
        return node.type;
      case 'func_literal':
      case 'composite_literal':
        return 'non-nil';
      case 'identifier': {
        const variable = scope.lookup(node.text);
        return variable && !variable.global && variable.key >= this.factFloor ? this.state.facts.get(variable.key) : undefined;
      }
      case 'unary_expression': {
        const op = node.child(0)?.type;
        if (op === '&') return 'non-nil';
        const operand = op === '!' ? this.factOf(node.childForFieldName('operand'), scope) : undefined;
        return operand && negation[operand];
      }
      case 'call_expression': {
        const fn = node.childForFieldName('function');
        const builtin = fn?.type === 'identifier' && !scope.lookup(fn.text) && !this.here().funcs.has(fn.text);
        if (builtin) return fn.text === 'new' || fn.text === 'make' ? 'non-nil' : undefined;
        const callee = this.calleeOf(node, scope);
        return callee && resultNeverNil(callee.decl) ? 'non-nil' : undefined;
      }
      case 'binary_expression':
        return this.comparisonFact(node, scope);
      default:
        return undefined;
    }
  }

  /** `a == b`, `a != b`, `a && b`, `a || b` when the facts of both sides decide it. */
  private comparisonFact(node: SyntaxNode, scope: Scope): Fact | undefined {
    const op = node.childForFieldName('operator')?.text;
    const left = this.factOf(node.childForFieldName('left'), scope);
    const right = this.factOf(node.childForFieldName('right'), scope);
    if (op === '&&') return left === 'false' || right === 'false' ? 'false' : left === 'true' && right === 'true' ? 'true' : undefined;
    if (op === '||') return left === 'true' || right === 'true' ? 'true' : left === 'false' && right === 'false' ? 'false' : undefined;
    if ((op !== '==' && op !== '!=') || !left || !right) return undefined;
    // Two non-nil pointers may or may not be equal; every other pair of facts decides.
    if (left === 'non-nil' && right === 'non-nil') return undefined;
    return (left === right) === (op === '==') ? 'true' : 'false';
  }

  /**
   * Records a variable's new fact. A new variable, or one assigned where it
   * was declared, gets it; one assigned in code that may not run keeps a fact
   * only when both values agree.
   */
  protected setFact(variable: Variable, fresh: boolean, fact: Fact | undefined): void {
    const { facts, shared } = this.state;
    this.assigned(variable);
    if (variable.key < this.factFloor) shared.add(variable.key);
    const sure = fresh || variable.level === this.regions.length;
    if (fact && !shared.has(variable.key) && (sure || facts.get(variable.key) === fact)) facts.set(variable.key, fact);
    else facts.delete(variable.key);
  }

  /** A variable got a new value (`x = v`, `x += v`, `x++`): a test of it made before tests another value. */
  protected assigned(variable: Variable): void {
    this.state.assignments.set(variable.key, (this.state.assignments.get(variable.key) ?? 0) + 1);
  }

  /**
   * What an undecided branch condition tests, and whether it holds in the
   * branch: `started` and `!started`, `x == nil` and `x != nil` test the
   * same thing as long as their variables are not assigned between. Only local variables that no other code may change, constants
   * and literals take part.
   */
  protected conditionOf(node: SyntaxNode | null | undefined, scope: Scope): BranchCondition | undefined {
    let holds = true;
    // A loop, not a recursion: `!!!x` nests as deep as the code.
    while (node?.type === 'parenthesized_expression' || (node?.type === 'unary_expression' && node.child(0)?.type === '!')) {
      if (node.type === 'unary_expression') holds = !holds;
      node = node.type === 'unary_expression' ? node.childForFieldName('operand') : node.namedChild(0);
    }
    if (node?.type === 'identifier') {
      const test = this.stableOperand(node, scope);
      return test ? { test, holds } : undefined;
    }
    // Equality only: `a < b` and `a >= b` are both false when a float is NaN.
    const op = node?.type === 'binary_expression' ? node.childForFieldName('operator')?.text : undefined;
    if (op !== '==' && op !== '!=') return undefined;
    const left = this.stableOperand(node!.childForFieldName('left'), scope);
    const right = this.stableOperand(node!.childForFieldName('right'), scope);
    if (!left || !right) return undefined;
    // `nil == x` tests what `x == nil` does.
    const [first, second] = right < left ? [right, left] : [left, right];
    return { test: `${first} == ${second}`, holds: holds === (op === '==') };
  }

  /** A condition's operand as a key: a local variable with how often it was assigned, a constant's name, a literal. */
  private stableOperand(node: SyntaxNode | null | undefined, scope: Scope): string | undefined {
    if (!node) return undefined;
    if (literalOperands.has(node.type)) return `literal ${node.text}`;
    if (node.type !== 'identifier') return undefined;
    const variable = scope.lookup(node.text);
    // Not a variable: a constant (or a function) of the package or of the universe.
    if (!variable) return `name ${node.text}`;
    if (variable.global || variable.key < this.factFloor || this.state.shared.has(variable.key)) return undefined;
    return `var ${variable.key}#${this.state.assignments.get(variable.key) ?? 0}`;
  }

  /**
   * A nil store into one object's slot, in a branch only. When a branch under
   * the complementary condition cleared the same slot before, with nothing
   * stored into it since, one of the two clears runs on every path (`if
   * started { x.p = nil }`, then a deferred `if !started { x.p = nil }`): the
   * slot is cleared for sure. Only a branch directly in the function's
   * surely-run code counts, so that no other branch or loop decides whether
   * the pair runs.
   */
  protected clearInBranch(holder: HeapObject, slot: string): void {
    const condition = this.regionConditions.at(-1);
    if (this.conditional !== 1 || !condition || holder.many) return;
    const key = slotKey(holder, slot);
    const writes = this.state.writes.get(key) ?? 0;
    const earlier = this.state.branchClears.get(key);
    if (earlier && earlier.writes === writes && earlier.condition.test === condition.test && earlier.condition.holds !== condition.holds) {
      this.state.store(holder, slot, [], true);
      this.state.branchClears.delete(key);
    } else {
      this.state.branchClears.set(key, { condition, writes });
    }
  }

  /** A nil pointer stored in an interface makes a non-nil interface: only the literal nil is nil there. */
  protected factInto(type: GoType | undefined, value: SyntaxNode | null | undefined, fact: Fact | undefined): Fact | undefined {
    return fact === 'nil' && value?.type !== 'nil' && type && underlying(type, this.pkg).kind === 'interface' ? undefined : fact;
  }
}
