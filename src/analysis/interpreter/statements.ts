// The interpreter's statements layer, the last: an entry point's run, blocks,
// loops, switches, assignments and binds. Interpreter is the whole.
import type { SyntaxNode } from '../../parse/parser.js';
import { fieldChildren, type FuncDecl } from '../../model/package.js';
import { typeWritten, underlying, type GoType } from '../../model/types.js';
import { signatureOf } from '../../model/signatures.js';
import { Scope, State, nameObject, removesFinalizer, unionObjects, type Fact, type HeapObject, type RootRun, type SiteEvaluation } from '../heap.js';
import { referenceBudget, stepBudget } from './core.js';
import { zeroFact } from './facts.js';
import { isRemovalValue } from './links.js';
import { CallsLayer } from './calls.js';

/** A call that gives an object the entry point made a finalizer or cleanup. */
const finalizesMade = (site: SiteEvaluation) => !removesFinalizer(site) && (site.argObjects[0] ?? []).some((o) => o.kind === 'alloc');

export class Interpreter extends CallsLayer {

  /** Interprets one function as an entry point; returns the evaluations of the sites it reached. */
  interpretRoot(root: FuncDecl): SiteEvaluation[] {
    const before = this.sites.length;
    this.steps = 0;
    this.otherPackagesSteps = 0;
    this.references = 0;
    this.replayReferences = 0;
    this.nesting = 0;
    this.active = root;
    this.inlined.clear();
    this.state = new State();
    this.capturers.clear();
    if (this.options.recordsLinks) this.state.observe = (holder, slot, edges) => this.recordLink(holder, slot, edges);
    this.run = { root, finalState: this.state, sites: [], unfollowed: [], goroutines: [], receiver: [], parameters: [], returned: [], results: [] };
    this.callStack.length = 0;
    this.chain.length = 0;
    this.regions.length = 0;
    this.regionConditions.length = 0;
    this.file = root.file;
    const scope = new Scope(this.globalScope);
    this.conditional = 0;
    this.frame = { returns: [], results: this.bindParams(root, scope, undefined, []), deferred: [] };
    const parameters = [...this.state.vars.values()].flat();
    const receiver = root.receiver?.name ? scope.lookup(root.receiver.name) : undefined;
    if (receiver) this.run.receiver = this.state.vars.get(receiver.key) ?? [];
    this.run.parameters = root.params.map((p) => {
      const variable = p.name ? scope.lookup(p.name) : undefined;
      return variable ? (this.state.vars.get(variable.key) ?? []) : [];
    });
    this.linksIntoMade = [];
    this.escaped = [];
    this.clears = [];
    this.callStack.push(root);
    this.body(root.body, scope);
    this.callStack.pop();
    this.run.results = this.frame.returns;
    this.run.returned = this.frame.returns.flat();
    let outliving: HeapObject[] | undefined;
    const outlivingOnce = () => (outliving ??= this.outliving(parameters));
    this.dropLinksLetGo(outlivingOnce);
    // Calls not followed may keep what they were passed, too.
    if (this.run.sites.some(finalizesMade)) this.run.outliving = [...outlivingOnce(), ...this.run.unfollowed.flatMap((u) => u.objects)];
    this.active = undefined;
    this.stepsTaken += Math.min(this.steps, stepBudget) + Math.min(this.references, referenceBudget);
    // What is left of the entry point is what its sites keep: the references, not the variables or frames.
    this.state.vars.clear();
    this.state.observe = undefined;
    this.frame = { returns: [], results: [], deferred: [] };
    return this.sites.slice(before);
  }

  /** Interprets one function as an entry point of its own; returns its run. */
  interpretAlone(root: FuncDecl): RootRun {
    this.interpretRoot(root);
    return this.run;
  }


  /** A function's body, then its deferred calls. */
  protected body(node: SyntaxNode | undefined, scope: Scope): void {
    if (node) this.block(node, scope);
    for (const deferred of this.frame.deferred.splice(0).reverse()) deferred();
  }

  private block(node: SyntaxNode, parent: Scope): void {
    const scope = new Scope(parent);
    for (const child of node.namedChildren) {
      if (!child) continue;
      if (child.type === 'statement_list') for (const s of child.namedChildren) this.statement(s, scope);
      else this.statement(child, scope);
    }
  }

  private statement(node: SyntaxNode | null, scope: Scope): void {
    if (!node || !this.step(node) || !this.deeper(node)) return;
    this.statementNode(node, scope);
    this.nesting--;
  }

  private statementNode(node: SyntaxNode, scope: Scope): void {
    switch (node.type) {
      case 'block':
        return this.block(node, scope);
      case 'expression_statement':
        this.evaluate(node.namedChild(0), scope);
        return;
      case 'short_var_declaration':
        return this.assign(fieldChildren(node, 'left').flatMap((l) => l.namedChildren), node.childForFieldName('right'), scope, true, node);
      case 'assignment_statement': {
        const operator = node.childForFieldName('operator')?.text ?? '=';
        const left = node.childForFieldName('left')?.namedChildren ?? [];
        if (operator === '=') return this.assign(left, node.childForFieldName('right'), scope, false, node);
        this.evaluate(node.childForFieldName('right'), scope);
        this.assignedInPlace(left, scope);
        return;
      }
      case 'inc_statement':
      case 'dec_statement':
        return this.assignedInPlace(node.namedChildren, scope);
      case 'var_declaration':
        for (const spec of node.descendantsOfType('var_spec')) {
          if (!spec) continue;
          const names = fieldChildren(spec, 'name');
          const typeNode = spec.childForFieldName('type');
          this.assign(names, spec.childForFieldName('value'), scope, true, spec, typeNode ? typeWritten(typeNode, this.file) : undefined);
        }
        return;
      case 'send_statement': {
        const channels = this.evaluate(node.childForFieldName('channel'), scope);
        const values = this.evaluate(node.childForFieldName('value'), scope);
        for (const ch of channels) this.state.store(ch, '<-', this.edges(values, '<-', node), false);
        return;
      }
      case 'return_statement': {
        const values = node.namedChild(0)?.namedChildren ?? [];
        if (!values.length) {
          this.frame.results.forEach((r, i) => (this.frame.returns[i] = unionObjects(this.frame.returns[i] ?? [], this.state.vars.get(r.key) ?? [])));
        } else if (values.length === 1 && values[0]?.type === 'call_expression') {
          const results = this.call(values[0], scope);
          results.forEach((r, i) => (this.frame.returns[i] = unionObjects(this.frame.returns[i] ?? [], r)));
        } else {
          values.forEach((v, i) => (this.frame.returns[i] = unionObjects(this.frame.returns[i] ?? [], this.evaluate(v, scope))));
        }
        return;
      }
      case 'if_statement': {
        const inner = new Scope(scope);
        this.statement(node.childForFieldName('initializer'), inner);
        const condition = node.childForFieldName('condition');
        const known = this.factOf(condition, inner);
        const tested = this.conditionOf(condition, inner);
        this.evaluate(condition, inner);
        // A condition the facts decide takes one branch for sure and never the other.
        if (known === 'true') return this.statement(node.childForFieldName('consequence'), inner);
        if (known === 'false') return this.statement(node.childForFieldName('alternative'), inner);
        // Each branch is a region of its own: code in one never runs after code in the other.
        this.maybe(() => this.statement(node.childForFieldName('consequence'), inner), tested);
        this.maybe(() => this.statement(node.childForFieldName('alternative'), inner), tested && { test: tested.test, holds: !tested.holds });
        return;
      }
      case 'for_statement':
        return this.loop(node, scope);
      case 'expression_switch_statement':
      case 'type_switch_statement':
      case 'select_statement':
        return this.switchStatement(node, scope);
      case 'go_statement':
        // A goroutine runs at some point, maybe after everything here.
        this.goStatement = node;
        this.maybe(() => this.later(() => this.evaluate(node.namedChild(0), scope)));
        this.goStatement = undefined;
        return;
      case 'defer_statement': {
        // Runs when the function returns, after everything its body does.
        const call = node.namedChild(0);
        this.frame.deferred.push(() => this.evaluate(call, scope));
        return;
      }
      case 'labeled_statement':
        return this.statement(node.namedChildren.find((c) => c?.type !== 'label_name') ?? null, scope);
      default:
        return;
    }
  }

  private loop(node: SyntaxNode, scope: Scope): void {
    const inner = new Scope(scope);
    const clause = node.namedChildren.find((c) => c?.type === 'for_clause' || c?.type === 'range_clause');
    const body = node.childForFieldName('body');
    const iterate = () => {
      if (clause?.type === 'range_clause') {
        const left = clause.childForFieldName('left')?.namedChildren ?? [];
        const right = clause.childForFieldName('right');
        const collection = this.evaluate(right, inner);
        const rangeType = underlying(this.typeOf(right, inner), this.pkg);
        const keys = collection.flatMap((c) => this.read(c, '[key]', clause));
        const elementSlot = rangeType.kind === 'map' ? '[value]' : rangeType.kind === 'chan' ? '<-' : '[]';
        const values = collection.flatMap((c) => this.read(c, elementSlot, clause));
        const elem = rangeType.kind === 'slice' || rangeType.kind === 'array' ? rangeType.elem : rangeType.kind === 'map' ? rangeType.value : undefined;
        const keyType = rangeType.kind === 'map' ? rangeType.key : undefined;
        const declare = clause.children.some((c) => c?.type === ':=');
        // The first variable is a map's key, a channel's element, or an index.
        if (rangeType.kind === 'chan') {
          if (left[0]) this.bind(left[0], values, inner, declare, rangeType.elem, clause);
        } else if (left[0]) this.bind(left[0], rangeType.kind === 'map' ? keys : [], inner, declare, keyType, clause);
        if (left[1]) this.bind(left[1], values, inner, declare, elem, clause);
      } else if (clause) {
        this.statement(clause.childForFieldName('initializer'), inner);
        this.evaluate(clause.childForFieldName('condition'), inner);
        this.statement(clause.childForFieldName('update'), inner);
      }
      this.statement(body, inner);
    };
    // Twice: the second pass sees what the first pass stored, enough for
    // references that one iteration makes to the previous iteration's objects.
    this.maybe(() => {
      iterate();
      iterate();
    });
  }

  private switchStatement(node: SyntaxNode, scope: Scope): void {
    const inner = new Scope(scope);
    this.statement(node.childForFieldName('initializer'), inner);
    let bound: { name: SyntaxNode; objects: HeapObject[] } | undefined;
    if (node.type === 'type_switch_statement') {
      const alias = node.childForFieldName('alias')?.namedChild(0);
      const objects = this.evaluate(node.childForFieldName('value'), inner);
      if (alias) bound = { name: alias, objects };
    } else {
      this.evaluate(node.childForFieldName('value'), inner);
    }
    for (const clause of node.namedChildren) {
      if (clause && /case|default/.test(clause.type)) this.maybe(() => this.switchCase(clause, inner, bound));
    }
  }

  private switchCase(clause: SyntaxNode, inner: Scope, bound: { name: SyntaxNode; objects: HeapObject[] } | undefined): void {
    const caseScope = new Scope(inner);
    if (bound) this.bind(bound.name, bound.objects, caseScope, true, undefined, clause);
    for (const part of clause.namedChildren) {
      if (part?.type === 'statement_list') for (const st of part.namedChildren) this.statement(st, caseScope);
      else if (part?.type === 'receive_statement') this.receive(part, caseScope);
      else if (part?.type === 'send_statement') this.statement(part, caseScope);
    }
  }

  private receive(node: SyntaxNode, scope: Scope): void {
    if (node.type !== 'receive_statement') return;
    const left = node.childForFieldName('left')?.namedChildren ?? [];
    const values = this.evaluate(node.childForFieldName('right'), scope);
    if (left[0]) this.bind(left[0], values, scope, true, undefined, node);
  }


  private assign(
    left: (SyntaxNode | null)[],
    right: SyntaxNode | null,
    scope: Scope,
    declare: boolean,
    statement: SyntaxNode,
    declaredType?: GoType,
  ): void {
    const rightExprs = right?.type === 'expression_list' ? right.namedChildren : right ? [right] : [];
    // Facts of the values as they are before the assignment: `a, b = b, a` swaps them.
    const facts = rightExprs.map((e) => this.factOf(e, scope));
    let values: HeapObject[][];
    let types: (GoType | undefined)[];
    if (rightExprs.length === 1 && left.length > 1 && rightExprs[0]?.type === 'call_expression') {
      values = this.call(rightExprs[0], scope);
      const callee = this.calleeOf(rightExprs[0], scope);
      types = callee ? signatureOf(callee.decl, this.pkg).resultTypes : [];
    } else if (rightExprs.length === 1 && left.length === 2 && rightExprs[0]?.type === 'index_expression') {
      values = [this.evaluate(rightExprs[0], scope), []];
      types = [this.typeOf(rightExprs[0], scope), { kind: 'basic', name: 'bool' }];
    } else {
      types = rightExprs.map((e) => this.typeOf(e, scope));
      values = rightExprs.map((e) => this.evaluate(e, scope));
    }
    left.forEach((target, i) => {
      if (!target) return;
      const value = rightExprs.length === left.length ? rightExprs[i] : undefined;
      if (!declare && value && isRemovalValue(value, this.file) && !this.initializes(target, scope)) this.removal(target, scope, statement);
      const type = declaredType ?? types[i];
      const fact = value ? facts[i] : rightExprs.length ? undefined : zeroFact(declaredType && underlying(declaredType, this.pkg));
      this.bind(target, values[i] ?? [], scope, declare, type, statement, this.factInto(type, value, fact));
    });
  }

  /** Stores values into a variable, a field, an element, or through a pointer. */
  private bind(
    target: SyntaxNode,
    values: HeapObject[],
    scope: Scope,
    declare: boolean,
    type: GoType | undefined,
    statement: SyntaxNode,
    fact?: Fact,
  ): void {
    switch (target.type) {
      case 'identifier': {
        if (target.text === '_') return;
        // A declaration makes a new variable without asking what the name meant before.
        let variable = declare ? undefined : scope.lookup(target.text);
        if (!variable) {
          variable = { key: this.nextVar++, name: target.text, type: type ?? { kind: 'unknown' }, global: false, level: this.regions.length };
          scope.declare(variable);
        }
        if (!variable.global) this.setFact(variable, declare, fact);
        if (variable.global) {
          const holder = this.globalObject(variable.name);
          if (holder) this.state.store(holder, 'value', this.edges(values, variable.name, statement, undefined, undefined, `var ${variable.name}`), this.conditional === 0);
          return;
        }
        if (declare && !values.length && type && this.isValueKind(type)) {
          // `var a [n]*T`: the zero value is storage that element and field stores land in.
          values = [this.object('alloc', target, target.text, type)];
        }
        for (const v of values) nameObject(v, target.text);
        const previous = this.conditional > 0 ? (this.state.vars.get(variable.key) ?? []) : [];
        // The references written: what a branch adds to what the variable held.
        this.touch(values.length);
        this.state.vars.set(variable.key, unionObjects(previous, values));
        for (const { closure, literal } of this.capturers.get(variable.key) ?? []) {
          const via = `captures ${variable.name}`;
          this.state.store(closure, via, this.edges(values, via, literal), this.conditional === 0);
        }
        return;
      }
      case 'selector_expression': {
        const place = this.place(target, scope);
        const field = this.fieldOf(target, scope);
        if (!values.length) {
          this.clears.push({ edges: place.holders.flatMap((h) => this.state.slot(h, place.slot)), when: this.moment() });
          if (place.holders.length === 1) this.clearInBranch(place.holders[0]!, place.slot);
        }
        for (const holder of place.holders) {
          const edges = this.edges(values, this.via(holder, place.slot), statement, field);
          this.state.store(holder, place.slot, edges, place.holders.length === 1 && this.conditional === 0);
        }
        return;
      }
      case 'index_expression': {
        const element = this.elementPlace(target, scope);
        const keys = this.evaluate(target.childForFieldName('index'), scope);
        const place = this.placeOf(target, scope);
        for (const c of element.holders) {
          this.state.store(c, element.slot, this.edges(values, element.via(c), statement, undefined, undefined, place), false);
          if (element.isMap && keys.length) this.state.store(c, '[key]', this.edges(keys, '[key]', statement, undefined, undefined, place), false);
        }
        return;
      }
      case 'unary_expression':
      case 'parenthesized_expression': {
        // *p = v copies a struct's references into the object p points to.
        if (!this.isValueType(target, scope)) return;
        const holders = this.evaluate(target.childForFieldName('operand') ?? target.namedChild(0), scope);
        for (const h of holders) for (const v of values) this.copySlots(v, h);
        return;
      }
      default:
        return;
    }
  }

  /** `x += v`, `x++`: the local variables among the targets have new values. */
  private assignedInPlace(targets: (SyntaxNode | null)[], scope: Scope): void {
    for (const target of targets) {
      const variable = target?.type === 'identifier' ? scope.lookup(target.text) : undefined;
      if (variable && !variable.global) this.assigned(variable);
    }
  }

  /** A store into objects this code made, or into a package-level variable from init: it sets up, it takes nothing away. */
  private initializes(target: SyntaxNode, scope: Scope): boolean {
    let holders: HeapObject[] = [];
    if (target.type === 'selector_expression') holders = this.place(target, scope).holders;
    else if (target.type === 'index_expression') holders = this.elementPlace(target, scope).holders;
    else return this.run.root.name === 'init' && !this.run.root.receiver;
    return holders.length > 0 && holders.every((h) => h.kind === 'alloc');
  }
}
