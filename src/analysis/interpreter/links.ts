// The interpreter's links layer: the references a store makes (edges), the
// stores into fields recorded as links for the package scan, the links that
// the entry point let go of, and the removals that take references away.
import type { SyntaxNode } from '../../parse/parser.js';
import type { GoFile } from '../../model/package.js';
import { moduleTypeKey, moduleTypeName } from '../../model/members.js';
import type { GoType, StructField } from '../../model/types.js';
import { fieldPlace, type Edge, type HeapObject, type Link, type ObjectKind, type Removal, type Scope } from '../heap.js';
import { FactsLayer } from './facts.js';

/** Objects the code did not make: they may already be linked to anything. */
export const existingKinds: ReadonlySet<ObjectKind> = new Set(['param', 'lazy', 'global']);

/** A point the interpretation passed: in which order, inside which constructs that may not run. */
export interface Moment {
  order: number;
  regions: readonly number[];
}

/** How many objects a store's values are followed through to decide whether it links. */
export const linkSearchLimit = 200;

/**
 * A value that leaves its place without some of what it held: nil, a
 * shortened slice, `append(s[:i], s[i+1:]...)`, slices.Delete. A fresh
 * container (`make`, `T{}`) is left out: that is how constructors start.
 */
export function isRemovalValue(node: SyntaxNode, file: GoFile): boolean {
  switch (node.type) {
    case 'nil':
    case 'slice_expression':
      return true;
    case 'call_expression': {
      const fn = node.childForFieldName('function');
      const args = node.childForFieldName('arguments');
      if (fn?.type === 'identifier') return fn.text === 'append' && !!args?.children.some((c) => c?.type === '...');
      const operand = fn?.type === 'selector_expression' ? fn.childForFieldName('operand') : undefined;
      return operand?.type === 'identifier' && file.imports.get(operand.text) === 'slices' && /^Delete/.test(fn!.childForFieldName('field')?.text ?? '');
    }
    case 'parenthesized_expression':
      return !!node.namedChild(0) && isRemovalValue(node.namedChild(0)!, file);
    default:
      return false;
  }
}

export abstract class LinksLayer extends FactsLayer {
  /** Every removal the interpreted code may make. */
  readonly removals: Removal[] = [];
  /** Every store of another value into a field. */
  readonly links: Link[] = [];
  /** The links of the current entry point stored into objects it made, judged when it is done. */
  protected linksIntoMade: { link: Link; holder: HeapObject; when: Moment }[] = [];
  /** What the current entry point hands to other packages' code or to function values: that code may keep it. */
  protected escaped: HeapObject[] = [];
  /**
   * The references each nil store of the current entry point clears, through
   * a variable that may be one of several objects (`e.waiters = nil`):
   * whichever object it is, what was reached through it is let go of, after
   * any link made before it in the code it surely follows.
   */
  protected clears: { edges: Edge[]; when: Moment }[] = [];
  private moments = 0;

  protected copySlots(from: HeapObject, to: HeapObject): void {
    for (const [slot, edges] of this.state.heap.get(from.id) ?? []) this.state.store(to, slot, edges, false);
  }

  /** A struct value copied from what may be any of `values`: it holds what they hold, but is none of them. */
  protected copyOf(values: HeapObject[], node: SyntaxNode, label: string, type: GoType | undefined): HeapObject {
    const copy = this.object('alloc', node, label, type);
    for (const value of values) this.copySlots(value, copy);
    return copy;
  }

  protected via(holder: HeapObject, slot: string): string {
    const typeName = moduleTypeName(holder.type, this.pkg);
    return typeName ? `${typeName}.${slot}` : `${holder.label}.${slot}`;
  }

  protected edges(values: HeapObject[], via: string, node: SyntaxNode, field?: StructField, sure = this.conditional === 0, place = field && fieldPlace(field)): Edge[] {
    this.touch(values.length);
    return values.map((to) => ({
      to,
      via,
      node,
      file: this.file,
      field: field ? { node: field.node, file: field.file } : undefined,
      sure,
      place,
    }));
  }

  /** The field or package-level variable an expression stores into; an element's place is its container's. */
  protected placeOf(node: SyntaxNode | null | undefined, scope: Scope): string | undefined {
    switch (node?.type) {
      case 'parenthesized_expression':
        return this.placeOf(node.namedChild(0), scope);
      case 'index_expression':
        return this.placeOf(node.childForFieldName('operand'), scope);
      case 'selector_expression': {
        const field = this.fieldOf(node, scope);
        return field && fieldPlace(field);
      }
      case 'identifier': {
        const variable = scope.lookup(node.text);
        return (variable ? variable.global : this.here().vars.has(node.text)) ? `var ${node.text}` : undefined;
      }
      default:
        return undefined;
    }
  }

  protected recordLink(holder: HeapObject, slot: string, edges: Edge[]): void {
    const first = edges[0];
    if (!first?.place?.startsWith('field ')) return;
    const present = this.state.slot(holder, slot);
    // Storing the holder itself, or what the slot already holds, links nothing new (a scan, not a set: few values are stored at once).
    const queue = edges.map((e) => e.to).filter((o) => o.id !== holder.id && !present.some((e) => e.to.id === o.id));
    const seen = new Set(queue.map((o) => o.id));
    const types = new Set<string>();
    const existingTypes = new Set<string>();
    const made: Link['made'] = [];
    // What an existing object leads to was linked before this store: it says nothing of what the store puts in.
    const beyondExisting = new Set<number>();
    let links = false;
    for (let i = 0; i < queue.length && i < linkSearchLimit; i++) {
      const object = queue[i]!;
      if (object.kind === 'opaque') continue;
      const type = moduleTypeKey(object.type, this.pkg) ?? '?';
      types.add(type);
      const madeHere = object.kind === 'alloc' && type !== '?';
      if (beyondExisting.has(object.id)) {
        // Linked before this store: what it holds says nothing of what the store puts in.
      } else if (madeHere) made.push({ type, object });
      else if (type !== '?' || this.mayHoldAnything(object)) existingTypes.add(type);
      if (object.id === holder.id || existingKinds.has(object.kind)) links = true;
      for (const edge of this.state.edgesFrom(object)) {
        // Objects queued past the limit are never looked at: a large object's other edges need no reading.
        if (queue.length >= linkSearchLimit) break;
        if (seen.has(edge.to.id)) continue;
        seen.add(edge.to.id);
        queue.push(edge.to);
        if (!madeHere || beyondExisting.has(object.id)) beyondExisting.add(edge.to.id);
      }
    }
    if (!types.size) return;
    const link: Link = { place: first.place, node: first.node, file: first.file, types, existingTypes, made, run: this.run, links };
    this.links.push(link);
    if (holder.kind === 'alloc') this.linksIntoMade.push({ link, holder, when: this.moment() });
  }

  /** Where the code is now: a later moment whose regions start with these surely follows. */
  protected moment(): Moment {
    return { order: this.moments++, regions: [...this.regions] };
  }

  /**
   * What outlives the entry point once it is done: its receiver and
   * parameters, the package-level variables it stored into, objects of other
   * packages, what it returns, what it hands to other packages' code, and
   * what the goroutines it starts hold.
   */
  protected outliving(parameters: HeapObject[]): HeapObject[] {
    // A package-level variable the entry point stored nothing into leads nowhere: only those it did are walked from.
    const roots = [...parameters, ...this.globals.filter((g) => this.state.heap.has(g.id)), ...this.escaped, ...this.frame.returns.flat()];
    for (const result of this.frame.results) roots.push(...(this.state.vars.get(result.key) ?? []));
    for (const goroutine of this.run.goroutines) for (const held of goroutine.held) roots.push(...held.objects);
    for (const slots of this.state.heap.values()) for (const edges of slots.values()) for (const edge of edges) if (edge.to.kind === 'opaque') roots.push(edge.to);
    for (const objects of this.state.vars.values()) for (const object of objects) if (object.kind === 'opaque') roots.push(object);
    return roots;
  }

  /**
   * A store into an object the entry point made links nothing when, once it
   * is done, nothing that outlives it reaches that object any more. The
   * value was let go of, or the reference that held it was cleared right
   * after the link was made (`w <- r` for each waiter, then
   * `e.waiters = nil`).
   */
  protected dropLinksLetGo(outliving: () => HeapObject[]): void {
    if (!this.linksIntoMade.length) return;
    const roots = outliving();
    const reachable = (cleared: Set<Edge>): Set<number> => {
      const reached = new Set(roots.map((o) => o.id));
      const queue = [...roots];
      while (queue.length) {
        for (const edge of this.state.edgesFrom(queue.pop()!)) {
          if (reached.has(edge.to.id) || cleared.has(edge)) continue;
          reached.add(edge.to.id);
          queue.push(edge.to);
        }
      }
      return reached;
    };
    // One walk with every reference; taking references away only reaches less, so a holder it misses is let go whatever the clears.
    const reachedWithAll = reachable(new Set());
    // What is reached without the references that the clears surely following a link take away, by the clears.
    const reachedWithout = new Map<string, Set<number>>();
    const letGo = new Set<Link>();
    for (const { link, holder, when } of this.linksIntoMade) {
      if (!reachedWithAll.has(holder.id)) {
        letGo.add(link);
        continue;
      }
      const following = this.clears.filter((c) => c.when.order > when.order && c.when.regions.every((r, i) => when.regions[i] === r));
      if (!following.length) continue;
      const key = following.map((c) => c.when.order).join(' ');
      let reached = reachedWithout.get(key);
      if (!reached) reachedWithout.set(key, (reached = reachable(new Set(following.flatMap((c) => c.edges)))));
      if (!reached.has(holder.id)) letGo.add(link);
    }
    // Only this entry point's links can be let go: the package's earlier ones stay where they are.
    if (letGo.size) {
      let kept = this.links.lastIndexOf(this.linksIntoMade[0]!.link);
      for (let i = kept; i < this.links.length; i++) if (!letGo.has(this.links[i]!)) this.links[kept++] = this.links[i]!;
      this.links.length = kept;
    }
    this.linksIntoMade = [];
  }

  protected removal(target: SyntaxNode | null | undefined, scope: Scope, statement: SyntaxNode): void {
    const place = this.placeOf(target, scope);
    if (place) this.removals.push({ place, node: statement, file: this.file });
  }
}
