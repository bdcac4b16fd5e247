// The interpreter's facts layer: what is known of a local variable's value on
// the path the code follows (nil or not, true or false), so branches the facts
// decide are taken or skipped for sure.
import type { SyntaxNode } from '../../parse/parser.js';
import { underlying, type GoType } from '../../model/types.js';
import type { Fact, Scope, Variable } from '../heap.js';
import { resultNeverNil } from '../never-nil.js';
import { TypesLayer } from './types.js';

export const negation: Partial<Record<Fact, Fact>> = { true: 'false', false: 'true' };

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
    if (variable.key < this.factFloor) shared.add(variable.key);
    const sure = fresh || variable.level === this.regions.length;
    if (fact && !shared.has(variable.key) && (sure || facts.get(variable.key) === fact)) facts.set(variable.key, fact);
    else facts.delete(variable.key);
  }

  /** A nil pointer stored in an interface makes a non-nil interface: only the literal nil is nil there. */
  protected factInto(type: GoType | undefined, value: SyntaxNode | null | undefined, fact: Fact | undefined): Fact | undefined {
    return fact === 'nil' && value?.type !== 'nil' && type && underlying(type, this.pkg).kind === 'interface' ? undefined : fact;
  }
}
