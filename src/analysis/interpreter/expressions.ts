// The interpreter's expressions layer: what an expression may point to, and
// where a selector or an index stores (places, slots); composite literals,
// address-of, and func literals as closures.
import type { SyntaxNode } from '../../parse/parser.js';
import { inline } from '../../parse/inline.js';
import { fieldChildren } from '../../model/package.js';
import { literalSignature, type Signature } from '../../model/signatures.js';
import { pointee, typeWritten, underlying, type GoType, type StructField } from '../../model/types.js';
import { Scope, nameObject, type Fact, type HeapObject, type Variable } from '../heap.js';
import type { Frame } from './core.js';
import { zeroFact } from './facts.js';
import { LinksLayer } from './links.js';

/**
 * Names each func literal in `literal` (itself included, keyed by node id)
 * uses but does not declare itself: the variables it captures (candidates;
 * the caller checks which are locals in scope). One walk serves every
 * literal nested in the first, so nesting costs linear time.
 */
export function capturedNamesWithin(literal: SyntaxNode): Map<number, Set<string>> {
  const captured = new Map<number, Set<string>>();
  // The walk keeps its own stack of steps, taken in the order a recursive walk takes them, so no nesting overflows the call stack.
  const steps: (() => void)[] = [];
  const next = (...todo: (() => void)[]) => {
    for (let i = todo.length - 1; i >= 0; i--) steps.push(todo[i]!);
  };
  /**
   * `declared`: each visible name, with how many literals enclose its
   * declaration; `enclosing`: the used names of each literal around the node, outermost first.
   */
  const visit = (node: SyntaxNode, declared: Map<string, number>, enclosing: Set<string>[]) => () => {
    const local = new Map(declared);
    if (node.type === 'func_literal') {
      const used = new Set<string>();
      captured.set(node.id, used);
      enclosing = [...enclosing, used];
      for (const decl of node.childForFieldName('parameters')?.namedChildren ?? []) {
        for (const n of decl ? fieldChildren(decl, 'name') : []) local.set(n.text, enclosing.length);
      }
      for (const decl of node.childForFieldName('result')?.namedChildren ?? []) {
        for (const n of decl ? fieldChildren(decl, 'name') : []) local.set(n.text, enclosing.length);
      }
    }
    next(...node.namedChildren.map((child) => () => child && visitChild(child, local, enclosing)));
  };
  const visitChild = (child: SyntaxNode, local: Map<string, number>, enclosing: Set<string>[]) => {
    const declare = (name: string) => local.set(name, enclosing.length);
    if (child.type === 'short_var_declaration' || child.type === 'range_clause') {
      // Right-hand side first (it sees the outer names), then the new names.
      const right = child.childForFieldName('right');
      const declares = child.type === 'short_var_declaration' || child.children.some((c) => c?.type === ':=');
      const left = child.childForFieldName('left');
      next(
        () => right && visit(right, local, enclosing)(),
        () => {
          if (declares) {
            for (const n of left?.namedChildren ?? []) if (n?.type === 'identifier') declare(n.text);
          } else if (left) next(visit(left, local, enclosing));
        },
      );
      return;
    }
    if (child.type === 'var_declaration' || child.type === 'const_declaration') {
      next(
        ...child.descendantsOfType(['var_spec', 'const_spec']).flatMap((spec) => [
          () => {
            const value = spec?.childForFieldName('value');
            if (value) next(visit(value, local, enclosing));
          },
          () => {
            for (const n of spec ? fieldChildren(spec, 'name') : []) declare(n.text);
          },
        ]),
      );
      return;
    }
    if (child.type === 'identifier') {
      // Captured by every literal inside the one that declares the name.
      for (let level = local.get(child.text) ?? 0; level < enclosing.length; level++) enclosing[level]!.add(child.text);
      return;
    }
    if (child.type === 'keyed_element') {
      // Struct literal keys name fields, not variables.
      const value = child.childForFieldName('value');
      const key = child.childForFieldName('key');
      next(
        () => key && key.namedChild(0)?.type !== 'identifier' && next(visit(key, local, enclosing)),
        () => value && next(visit(value, local, enclosing)),
      );
      return;
    }
    next(visit(child, local, enclosing));
  };
  next(visit(literal, new Map(), []));
  while (steps.length) steps.pop()!();
  return captured;
}

export abstract class ExpressionsLayer extends LinksLayer {
  /** Evaluates a call; returns what each result may point to (the calls layer). */
  protected abstract call(node: SyntaxNode, scope: Scope): HeapObject[][];
  /** A function's body, then its deferred calls (the statements layer). */
  protected abstract body(node: SyntaxNode | undefined, scope: Scope): void;
  /** What each func literal captures, by node id, worked out once. */
  private readonly captures = new Map<number, Set<string>>();
  /**
   * The closures made so far in this entry point that capture each local
   * variable, by variable key: a closure holds the variable, not the value it
   * had, so a later assignment changes what the closure reaches.
   */
  protected readonly capturers = new Map<number, { closure: HeapObject; literal: SyntaxNode }[]>();

  /**
   * Walks from holders through embedded fields: an embedded pointer leads to
   * the object it points to, an embedded value stays inside its container
   * (its fields become slots with a prefix, "Inner.").
   */
  protected follow(holders: HeapObject[], prefix: string, through: StructField[], node: SyntaxNode): { holders: HeapObject[]; prefix: string } {
    for (const step of through) {
      if (step.type.kind === 'pointer') {
        holders = holders.flatMap((h) => this.read(h, prefix + step.name, node, step.type));
        prefix = '';
      } else {
        prefix += step.name + '.';
      }
    }
    return { holders, prefix };
  }

  /**
   * Where a selector points: the objects that hold the field, and the slot's
   * name. A field of a struct held by value lives inside its container, so
   * `r.Tags.repo` is a slot "Tags.repo" of r's object.
   */
  protected place(selector: SyntaxNode, scope: Scope): { holders: HeapObject[]; slot: string } {
    if (!this.deeper(selector)) return { holders: [], slot: '?' };
    const place = this.placeNode(selector, scope);
    this.nesting--;
    return place;
  }

  private placeNode(selector: SyntaxNode, scope: Scope): { holders: HeapObject[]; slot: string } {
    const name = selector.childForFieldName('field')?.text ?? '?';
    const operand = selector.childForFieldName('operand');
    let start = { holders: [] as HeapObject[], prefix: '' };
    const inner = operand?.type === 'selector_expression' ? this.fieldOf(operand, scope) : undefined;
    const innerType = inner ? underlying(inner.type, this.pkg) : undefined;
    if (operand && (innerType?.kind === 'struct' || innerType?.kind === 'array')) {
      const outer = this.place(operand, scope);
      start = { holders: outer.holders, prefix: `${outer.slot}.` };
    } else {
      start.holders = this.evaluate(operand, scope);
    }
    const through = this.selected(selector, scope)?.through ?? [];
    const reached = this.follow(start.holders, start.prefix, through, selector);
    return { holders: reached.holders, slot: reached.prefix + name };
  }

  /**
   * Where an element lives: in a map's or slice's own allocation, or, for an
   * array held by value in a struct field, inside the struct's object.
   */
  protected elementPlace(index: SyntaxNode, scope: Scope): { holders: HeapObject[]; slot: string; isMap: boolean; via: (holder: HeapObject) => string } {
    const operand = index.childForFieldName('operand');
    const kind = underlying(this.typeOf(operand, scope), this.pkg).kind;
    if (kind === 'array' && operand?.type === 'selector_expression') {
      const outer = this.place(operand, scope);
      return { holders: outer.holders, slot: `${outer.slot}[]`, isMap: false, via: (h) => `${this.via(h, outer.slot)}[]` };
    }
    const isMap = kind === 'map';
    const slot = isMap ? '[value]' : '[]';
    return { holders: this.evaluate(operand, scope), slot, isMap, via: () => slot };
  }

  /** Reads a slot; references of objects the code did not make here (parameters, globals) are materialized on demand. */
  protected read(holder: HeapObject, slot: string, node: SyntaxNode, fieldType?: GoType): HeapObject[] {
    const edges = this.state.slot(holder, slot);
    this.touch(edges.length);
    if (edges.length || holder.kind === 'alloc' || holder.kind === 'closure') return edges.map((e) => e.to);
    const lazy = this.lazyIn(holder, slot, node, `${holder.label}.${slot}`, fieldType && pointee(fieldType));
    // What a parameter or global already holds is there for sure, wherever the code first reads it.
    this.state.store(holder, slot, this.edges([lazy], this.via(holder, slot), node, undefined, true), false);
    return [lazy];
  }


  /** What a holder the code did not make (a parameter, a package-level variable) holds in a slot before the code runs. */
  private lazyIn(holder: HeapObject, slot: string, node: SyntaxNode, label: string, type: GoType | undefined): HeapObject {
    const lazy = this.object('lazy', node, label, type, `${holder.id}.${slot}`);
    lazy.readFrom ??= { holder, slot };
    return lazy;
  }

  evaluate(node: SyntaxNode | null | undefined, scope: Scope): HeapObject[] {
    if (!node || !this.step(node) || !this.deeper(node)) return [];
    const objects = this.evaluateNode(node, scope);
    this.nesting--;
    return objects;
  }

  private evaluateNode(node: SyntaxNode, scope: Scope): HeapObject[] {
    switch (node.type) {
      case 'identifier': {
        const variable = scope.lookup(node.text);
        if (variable && !variable.global) return this.state.vars.get(variable.key) ?? [];
        if (this.here().vars.has(node.text)) {
          const holder = this.globalObject(node.text)!;
          const decl = this.here().vars.get(node.text)!;
          const stored = this.state.slot(holder, 'value').map((e) => e.to);
          if (stored.length) return stored;
          const saved = this.file;
          this.file = decl.file;
          const initial = decl.value ? this.evaluate(decl.value, this.globalScope) : [];
          this.file = saved;
          const values = initial.length ? initial : [this.lazyIn(holder, 'value', decl.nameNode, node.text, undefined)];
          for (const v of values) nameObject(v, node.text);
          this.state.store(holder, 'value', this.edges(values, node.text, decl.nameNode, undefined, undefined, `var ${node.text}`), false);
          return values;
        }
        return [];
      }
      case 'parenthesized_expression':
        return this.evaluate(node.namedChild(0), scope);
      case 'unary_expression': {
        const op = node.child(0)?.type;
        const operand = node.childForFieldName('operand');
        if (op === '&' && operand?.type === 'composite_literal') {
          return this.evaluate(operand, scope);
        }
        if (op === '&') return this.addressOf(operand, scope);
        if (op === '*') {
          const targets = this.evaluate(operand, scope);
          if (!this.isValueType(node, scope)) return targets;
          // `old := *v` copies the struct: the copy holds what v holds, but is not v.
          return [this.copyOf(targets, node, inline(node), this.typeOf(node, scope))];
        }
        if (op === '<-') return this.evaluate(operand, scope).flatMap((ch) => this.read(ch, '<-', node));
        this.evaluate(operand, scope);
        return [];
      }
      case 'composite_literal':
        return this.compositeLiteral(node, typeWritten(node.childForFieldName('type'), this.file), scope);
      case 'func_literal':
        return [this.closure(node, scope).object];
      case 'selector_expression':
        return this.selector(node, scope);
      case 'index_expression': {
        const element = this.elementPlace(node, scope);
        this.evaluate(node.childForFieldName('index'), scope);
        return element.holders.flatMap((c) => this.read(c, element.slot, node));
      }
      case 'slice_expression':
        return this.evaluate(node.childForFieldName('operand'), scope);
      case 'type_assertion_expression':
        return this.evaluate(node.childForFieldName('operand'), scope);
      case 'type_conversion_expression':
        // `f[T](x)` reads as a conversion to a generic type; when f is a function, it is a call.
        if (this.calleeOf(node, scope)) return this.call(node, scope)[0] ?? [];
        return this.evaluate(node.childForFieldName('operand'), scope);
      case 'call_expression':
        return this.call(node, scope)[0] ?? [];
      case 'binary_expression':
        this.evaluate(node.childForFieldName('left'), scope);
        this.evaluate(node.childForFieldName('right'), scope);
        return [];
      case 'expression_list':
        return node.namedChildren.flatMap((c) => this.evaluate(c, scope));
      default:
        return [];
    }
  }

  private addressOf(operand: SyntaxNode | null, scope: Scope): HeapObject[] {
    if (!operand) return [];
    if (operand.type === 'identifier') {
      const variable = scope.lookup(operand.text);
      if (variable && !variable.global) {
        // Code holding its address may change it at any time.
        this.state.shared.add(variable.key);
        this.state.facts.delete(variable.key);
        const current = this.state.vars.get(variable.key) ?? [];
        // &s of a struct or array variable: its own storage, which escapes to the heap.
        if (this.isValueKind(variable.type) && current.length) return current;
        // &p of any other variable: a cell that holds what p holds; p itself is unchanged.
        const cell = this.object('alloc', operand, `&${operand.text}`, variable.type, `var:${variable.key}`);
        this.state.store(cell, 'value', this.edges(current, `*&${operand.text}`, operand), false);
        return [cell];
      }
      const global = this.globalObject(operand.text);
      return global ? [global] : [];
    }
    // &x.f, &a[i]: a pointer into x's (or a's) own allocation.
    if (operand.type === 'selector_expression') return this.place(operand, scope).holders;
    if (operand.type === 'index_expression') return this.evaluate(operand.childForFieldName('operand'), scope);
    return this.evaluate(operand, scope);
  }

  private compositeLiteral(node: SyntaxNode, type: GoType, scope: Scope): HeapObject[] {
    if (!this.deeper(node)) return [];
    const objects = this.compositeLiteralNode(node, type, scope);
    this.nesting--;
    return objects;
  }

  private compositeLiteralNode(node: SyntaxNode, type: GoType, scope: Scope): HeapObject[] {
    const typeNode = node.childForFieldName('type');
    const object = this.object('alloc', node, `${typeNode ? inline(typeNode) : ''}{}`, type);
    const under = underlying(type, this.pkg);
    // An elided element (`{p, 1}` inside []*T{...}) is its own body.
    const body = node.type === 'literal_value' ? node : node.childForFieldName('body');
    const fields = under.kind === 'struct' ? under.fields : [];
    let position = 0;
    for (const element of body?.namedChildren ?? []) {
      if (!element) continue;
      let keyNode: SyntaxNode | null = null;
      let valueNode: SyntaxNode | null = element;
      if (element.type === 'keyed_element') {
        keyNode = element.childForFieldName('key')?.namedChild(0) ?? null;
        valueNode = element.childForFieldName('value');
      }
      if (valueNode?.type === 'literal_element') valueNode = valueNode.namedChild(0);
      let field: StructField | undefined;
      let slot: string;
      let elemType: GoType | undefined;
      if (under.kind === 'struct') {
        field = keyNode ? fields.find((f) => f.name === keyNode!.text) : fields[position];
        slot = field?.name ?? keyNode?.text ?? String(position);
        elemType = field?.type;
      } else if (under.kind === 'map') {
        slot = '[value]';
        elemType = under.value;
        if (keyNode) {
          const keys = keyNode.type === 'literal_value' ? this.compositeLiteral(keyNode, under.key, scope) : this.evaluate(keyNode, scope);
          this.state.store(object, '[key]', this.edges(keys, '[key]', element), false);
        }
      } else {
        slot = '[]';
        elemType = under.kind === 'slice' || under.kind === 'array' ? under.elem : undefined;
      }
      position++;
      // Elided element types: `{...}` inside []*T{...} is &T{...}.
      const values =
        valueNode?.type === 'literal_value' && elemType
          ? this.compositeLiteral(valueNode, pointee(elemType), scope)
          : this.evaluate(valueNode, scope);
      const via = slot.startsWith('[') ? slot : this.via(object, slot);
      this.state.store(object, slot, this.edges(values, via, element, field), false);
    }
    return [object];
  }

  /**
   * A func literal is a heap object that references every local variable it
   * captures. Called in place (`func(x *T){...}(v)`), its body runs now with
   * its parameters bound to the arguments; otherwise it may run later or
   * never, and what it does is added as a possibility.
   */
  protected closure(node: SyntaxNode, scope: Scope, args?: HeapObject[][], argFacts?: (Fact | undefined)[]): { object: HeapObject; returns: HeapObject[][] } {
    const object = this.object('closure', node, 'func literal');
    for (const name of this.capturedBy(node)) {
      const variable = scope.lookup(name);
      if (!variable || variable.global) continue;
      const values = this.state.vars.get(variable.key) ?? [];
      this.state.store(object, `captures ${name}`, this.edges(values, `captures ${name}`, node), false);
      const capturers = this.capturers.get(variable.key) ?? [];
      if (!capturers.some((c) => c.closure.id === object.id)) this.capturers.set(variable.key, [...capturers, { closure: object, literal: node }]);
    }
    const inner = new Scope(scope);
    const signature = literalSignature(node, this.file);
    const interpret = () => {
      const frame: Frame = { returns: [], results: this.bindSignature(node, signature, inner, args, argFacts), deferred: [] };
      const body = node.childForFieldName('body');
      if (body) {
        const saved = this.frame;
        this.frame = frame;
        if (args) this.body(body, inner);
        else this.maybe(() => this.body(body, inner));
        this.frame = saved;
      }
      return frame.returns;
    };
    // Not called here, it may run at any later time.
    return { object, returns: args ? interpret() : this.later(interpret) };
  }

  protected capturedBy(literal: SyntaxNode): Set<string> {
    if (!this.captures.has(literal.id)) for (const [id, names] of capturedNamesWithin(literal)) this.captures.set(id, names);
    return this.captures.get(literal.id)!;
  }

  protected bindSignature(
    owner: SyntaxNode,
    { params, paramTypes, results, resultTypes }: Signature,
    scope: Scope,
    args: HeapObject[][] | undefined,
    argFacts: (Fact | undefined)[] = [],
  ): Variable[] {
    params.forEach((p, i) => {
      if (!p.name) return;
      const type = paramTypes[i]!;
      const variable: Variable = { key: this.nextVar++, name: p.name, type, global: false, level: this.regions.length };
      scope.declare(variable);
      const passed = args && (p.variadic ? args.slice(i).flat() : args[i]);
      this.state.vars.set(variable.key, passed ?? [this.object('param', p.typeNode, p.name, pointee(type), `${this.context}/${owner.id}/${p.name}`)]);
      this.setFact(variable, true, p.variadic || !passed ? undefined : this.factInto(type, undefined, argFacts[i]));
    });
    // Named results are variables of the function, zero until assigned.
    const named: Variable[] = [];
    results.forEach((r, i) => {
      if (!r.name) return;
      const type = resultTypes[i]!;
      const variable: Variable = { key: this.nextVar++, name: r.name, type, global: false, level: this.regions.length };
      scope.declare(variable);
      this.setFact(variable, true, zeroFact(underlying(type, this.pkg)));
      named.push(variable);
    });
    return named;
  }

  private selector(node: SyntaxNode, scope: Scope): HeapObject[] {
    const operand = node.childForFieldName('operand');
    if (operand?.type === 'identifier' && !scope.lookup(operand.text) && this.file.imports.has(operand.text)) {
      const imported = this.object('opaque', node, node.text, undefined, `import:${node.text}`);
      const name = node.childForFieldName('field')?.text;
      if (this.file.imports.get(operand.text) === 'runtime' && (name === 'SetFinalizer' || name === 'AddCleanup')) imported.hook = name;
      return [imported];
    }
    const member = this.selected(node, scope);
    if (member?.method) {
      // A method value binds its receiver (through any embedded pointer it is promoted from): a closure over it.
      const receivers = this.follow(this.evaluate(operand, scope), '', member.through, node).holders;
      const text = inline(node);
      const object = this.object('closure', node, `method value ${text}`);
      this.state.store(object, `bound ${text}`, this.edges(receivers, `method value ${text}`, node), false);
      return [object];
    }
    const place = this.place(node, scope);
    const field = this.fieldOf(node, scope);
    return place.holders.flatMap((h) => this.read(h, place.slot, node, field?.type));
  }
}
