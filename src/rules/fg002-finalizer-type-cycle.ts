import { fieldPlace, type Link } from '../analysis/heap.js';
import { packageLinks, type LoopNames } from '../analysis/package-scan.js';
import { declaringPackage, pointee, typeDecl, typeName, underlying, type GoType, type StructField } from '../model/types.js';
import type { GoPackage, TypeDecl } from '../model/package.js';
import { implementersOf, moduleTypeKey } from '../model/members.js';
import type { SyntaxNode } from '../parse/parser.js';
import type { RelatedNode, Rule, Site } from './rule.js';
import { finalizerCycle } from './fg001-finalizer-cycle.js';
import { firstLine } from './describe.js';
import { inline } from '../parse/inline.js';

/**
 * FG002 finalizer-type-cycle: the code shows no cycle, but the finalized
 * object's type can reach itself through fields that hold references
 * (pointers, slices, maps, channels, arrays and embedded structs of those,
 * type arguments such as atomic.Pointer[T], fields of a package interface
 * through the package's types that implement it), in whichever package of the
 * module each type is declared: a field of another package's interface may
 * hold the types of its own package and of this one that implement it. Any
 * value that closes that loop leaks. weak.Pointer and uintptr hold no
 * reference; func fields and interfaces from outside the module are not
 * followed, since the type does not say what they hold. The type
 * alone is no evidence: every reference-holding field of the loop must be
 * given, somewhere in the package, a value that reaches an object the code
 * did not just make (or the holder itself through another object). A field
 * never written, or only with fresh values or the holder itself, closes no
 * loop.
 */
export const finalizerTypeCycle: Rule = {
  id: 'FG002',
  name: 'finalizer-type-cycle',
  severity: 'warning',
  summary: "The finalized object's type can reach itself, so a cycle can form and block the finalizer.",
  kinds: ['SetFinalizer'],
  check(site) {
    if (finalizerCycle.check(site)) return undefined;
    const type = site.evaluations[0]?.argTypes[0];
    if (!type || type.kind !== 'pointer') return undefined;
    const start = reachedType(pointee(type), site.pkg);
    if (!start || (start.type.importPath && start.type.importPath !== site.pkg.path)) return undefined;
    const loop = loopScope(start, site.pkg);
    if (!loop) return undefined;
    const links = packageLinks(site.pkg, loop);
    const mayBe = mayBeOfType(site.pkg);
    const closesThroughFinalized = closingStores(site, start.key, mayBe);
    // A loop that other code opens again (a Close, a Remove) still leaks whenever that code is not called: the warning stays.
    const evidence: Evidence = (field, target) => {
      const stores = links.filter(
        (l) =>
          l.place === fieldPlace(field) &&
          (target.byForeignInterface ? l.types.has(target.key) : mayBe(l.types, target.key)) &&
          (target.key !== start.key || closesThroughFinalized(l)),
      );
      return stores.find((l) => l.links) ?? stores[0];
    };
    const steps = typeLoop(start, site.pkg, evidence);
    if (!steps) return undefined;
    return {
      message:
        `${inline(site.args[0]!)} (${typeName(type)}) has a finalizer and its type can reach itself: ${[shown(start, site.pkg), ...steps.map((s) => s.via)].join(' -> ')}; ` +
        `the package stores linked values along it, and if a value ever closes that loop, the finalizer never runs`,
      related: steps.flatMap((s) => s.related),
    };
  },
};

/**
 * Whether a store into the loop's last field can put the finalized object
 * there, so that the loop comes back to it: an object that only points into a
 * loop is not on it. A store can when it puts there a value the code did not
 * make (any value of the type, the finalized one too), when the finalizer
 * may be set on such a value, or when the code that made the stored value
 * also gives it this finalizer. A value made only to be cached, while the
 * finalized ones are made elsewhere and never stored, closes no loop through
 * them.
 */
function closingStores(site: Site, start: string, mayBe: TypesMayBe): (link: Link) => boolean {
  const anyValue = site.evaluations.some((e) => (e.argObjects[0] ?? []).some((o) => o.kind !== 'alloc'));
  return (link) =>
    anyValue ||
    mayBe(link.existingTypes, start) ||
    link.made.some(
      (m) => m.type === start && link.run.sites.some((s) => s.call.id === site.call.id && (s.argObjects[0] ?? []).some((o) => o.id === m.object.id)),
    );
}

/** Whether values of these module types (by key; `?`: unknown) may be a `target`: one of them, unknown, or an interface of the module it implements. */
type TypesMayBe = (types: Set<string>, target: string) => boolean;

function mayBeOfType(pkg: GoPackage): TypesMayBe {
  return (types, target) =>
    types.has(target) ||
    types.has('?') ||
    [...types].some((key) => {
      const iface = typeOfKey(key, pkg);
      return !!iface && implementers(iface, pkg).some((t) => t.key === target);
    });
}

/** A named type of the module, with the key that names it in every package. */
interface Reached {
  key: string;
  type: Extract<GoType, { kind: 'named' }>;
  /**
   * Reached as an implementer of another package's interface: a store must
   * show a value of this very type, since such an interface (a `Releaser`)
   * is one that many types of the module implement.
   */
  byForeignInterface?: boolean;
}

function reachedType(type: GoType, pkg: GoPackage): Reached | undefined {
  const key = type.kind === 'named' && typeDecl(type, pkg) ? moduleTypeKey(type, pkg) : undefined;
  return key && type.kind === 'named' ? { key, type } : undefined;
}

/** A type by its key: `path.Name`, the path of a package of the module (empty outside a module). */
function typeOfKey(key: string, pkg: GoPackage): Reached | undefined {
  const dot = key.lastIndexOf('.');
  if (dot < 0) return undefined;
  const path = key.slice(0, dot);
  const type: Reached['type'] = { kind: 'named', name: key.slice(dot + 1), args: [], ...(path && path !== pkg.path ? { importPath: path } : {}) };
  return reachedType(type, pkg);
}

/** A type as the message names it: bare when the analyzed package declares it. */
function shown(type: Reached, pkg: GoPackage): string {
  return !type.type.importPath || type.type.importPath === pkg.path ? type.type.name : typeName(type.type);
}

/**
 * What a field of an interface of the module may hold: the types that
 * implement it in its own package and, for another package's interface, in
 * the analyzed one. None for a type that is no interface.
 */
function implementers(iface: Reached, pkg: GoPackage): Reached[] {
  const decl = typeDecl(iface.type, pkg);
  const owner = declaringPackage(iface.type, pkg);
  if (decl?.typeNode.type !== 'interface_type' || !owner) return [];
  const named = (name: string, from: GoPackage): Reached | undefined => {
    const reached = reachedType({ kind: 'named', name, args: [], ...(from !== pkg && from.path ? { importPath: from.path } : {}) }, pkg);
    return reached && (owner === pkg ? reached : { ...reached, byForeignInterface: true });
  };
  const found = implementersOf(decl, owner).map((name) => named(name, owner));
  if (owner !== pkg) found.push(...implementersOf(decl, pkg).map((name) => named(name, pkg)));
  return found.filter((t): t is Reached => !!t);
}

interface Step {
  via: string;
  related: RelatedNode[];
  /** Seen linking existing values, not only storing new ones. */
  links: boolean;
}

/** A store that gives a field values of `target`, one that links if there is one. */
type Evidence = (field: StructField, target: Reached) => Link | undefined;

/**
 * What shows that a field can link a value of `target`: a store into it, or,
 * for a generic struct held by value (`List[*Job]`), into one of its own
 * fields. Another struct held by value needs none: it is part of its holder,
 * and its own fields are steps of their own. Null when nothing shows it.
 */
function linkAlong(field: StructField, value: GoType, target: Reached, evidence: Evidence): Link | undefined | null {
  if (value.kind !== 'struct') return evidence(field, target) ?? null;
  if (field.type.kind !== 'named' || !field.type.args.length) return undefined;
  for (const inner of value.fields) {
    const link = evidence(inner, target);
    if (link) return link;
  }
  return null;
}

/**
 * Where links that close a loop back to the start type may be stored: the
 * package types that its fields lead to and that lead back to it, the names
 * of their fields that do, and, for such a field holding a generic struct by
 * value (`List[*Job]`), that struct's type and fields, which linkAlong asks
 * about. Undefined when the types never lead back: no store can close a loop,
 * and the package's code need not be read.
 */
function loopScope(start: Reached, pkg: GoPackage): LoopNames | undefined {
  // The reached types, each with its parts and the types each part leads to.
  const parts = new Map<string, { field?: StructField; targets: Reached[] }[]>();
  const types = new Map<string, Reached>([[start.key, start]]);
  const queue = [start];
  parts.set(start.key, []);
  while (queue.length) {
    const owner = queue.shift()!;
    const under = underlying(owner.type, pkg);
    const own = under.kind === 'struct' ? under.fields.map((field) => ({ field, targets: referencedTypes(field.type, pkg) })) : [{ targets: referencedTypes(under, pkg) }];
    parts.set(owner.key, own);
    for (const target of own.flatMap((p) => p.targets)) {
      if (parts.has(target.key)) continue;
      parts.set(target.key, []);
      types.set(target.key, target);
      queue.push(target);
    }
  }
  // The reached types that lead back to the start, found backwards from it.
  const leadingTo = new Map<string, string[]>();
  for (const [owner, own] of parts)
    for (const target of own.flatMap((p) => p.targets)) {
      const owners = leadingTo.get(target.key);
      if (owners) owners.push(owner);
      else leadingTo.set(target.key, [owner]);
    }
  if (!leadingTo.has(start.key)) return undefined;
  const onLoop = new Set<string>();
  const back = [start.key];
  while (back.length)
    for (const owner of leadingTo.get(back.pop()!) ?? []) {
      if (onLoop.has(owner)) continue;
      onLoop.add(owner);
      back.push(owner);
    }
  // The names the package's code writes for them: a type of another package by its own name too.
  const typeNames = new Set([...onLoop].map((key) => types.get(key)!.type.name));
  const structNames = new Set([...onLoop].map((key) => types.get(key)!.type).filter((type) => underlying(type, pkg).kind === 'struct').map((type) => type.name));
  const fieldNames = new Set<string>();
  /** Fields that may also be stored through a method of their value (`q.jobs.Push(j)`, `p.next.Store(n)`). */
  const storedThroughValue = new Set<string>();
  for (const owner of onLoop)
    for (const { field, targets } of parts.get(owner)!) {
      if (!field || !targets.some((t) => onLoop.has(t.key))) continue;
      fieldNames.add(field.name);
      const value = underlying(field.type, pkg);
      if (!referenceKinds.has(value.kind)) storedThroughValue.add(field.name);
      if (value.kind !== 'struct' || field.type.kind !== 'named' || !typeDecl(field.type, pkg)) continue;
      typeNames.add(field.type.name);
      structNames.add(field.type.name);
      for (const inner of value.fields) {
        fieldNames.add(inner.name);
        storedThroughValue.add(inner.name);
      }
    }
  return {
    typeNames: [...typeNames],
    fieldNames: [...fieldNames],
    selectedOnly: [...fieldNames].filter((name) => !storedThroughValue.has(name)),
    structNames: [...structNames],
  };
}

/** Fields of these kinds are stored only by selecting them (`x.next = n`, `x.list[i] = n`, `&x.next`) or by a composite literal. */
const referenceKinds = new Set<GoType['kind']>(['pointer', 'slice', 'map', 'chan', 'interface']);

interface Part {
  type: GoType;
  node: SyntaxNode;
  name: string;
  /** The struct field this part is; none for the whole of a named slice, map or pointer type. */
  field?: StructField;
}

/** A named type being searched: its parts, and how far the search has gone through them. */
interface Frame {
  owner: Reached;
  decl: TypeDecl;
  parts: Part[];
  part?: Part;
  nextPart: number;
  targets: Reached[];
  nextTarget: number;
  /** Whether the steps that reached this type include one that links existing values. */
  linked: boolean;
}

/**
 * A path of fields from the named type back to itself that the package's
 * stores can close: each reference on it is given values somewhere, and at
 * least one store links values that already exist. Go has no recursive value
 * types, so any such path passes through at least one reference. The search
 * keeps its own stack: a chain of types may be as long as the package.
 */
function typeLoop(start: Reached, pkg: GoPackage, evidence: Evidence): Step[] | undefined {
  // A type is searched again when reached with a link after being reached without one.
  const seen = new Set<string>();
  const open = (owner: Reached, linked: boolean): Frame | undefined => {
    const decl = typeDecl(owner.type, pkg);
    if (!decl) return undefined;
    const under = underlying(owner.type, pkg);
    const name = shown(owner, pkg);
    // A struct's fields, or the whole of a named slice, map or pointer type (`type Children []*Node`).
    const parts =
      under.kind === 'struct'
        ? under.fields.map((f): Part => ({ type: f.type, node: f.node, name: `${name}.${f.name}`, field: f }))
        : [{ type: under, node: decl.spec, name }];
    return { owner, decl, parts, nextPart: 0, targets: [], nextTarget: 0, linked };
  };
  const first = open(start, false);
  const frames = first ? [first] : [];
  /** The steps from the start to the innermost frame. */
  const path: Step[] = [];
  while (frames.length) {
    const frame = frames.at(-1)!;
    if (frame.nextTarget >= frame.targets.length) {
      if (frame.nextPart >= frame.parts.length) {
        frames.pop();
        path.pop();
        continue;
      }
      frame.part = frame.parts[frame.nextPart++]!;
      frame.targets = referencedTypes(frame.part.type, pkg);
      frame.nextTarget = 0;
      continue;
    }
    const target = frame.targets[frame.nextTarget++]!;
    const part = frame.part!;
    const link = part.field && linkAlong(part.field, underlying(part.type, pkg), target, evidence);
    if (link === null) continue;
    const related: RelatedNode[] = [{ node: part.node, file: frame.decl.file, message: `${part.field ? 'field' : 'type'} ${part.name} ${typeName(part.type)}` }];
    if (link) related.push({ node: link.node, file: link.file, message: `${part.name}: ${firstLine(link.node.text)}` });
    const step: Step = { via: `${part.name} (${typeName(part.type)})`, related, links: !!link?.links };
    const linked = frame.linked || step.links;
    if (target.key === start.key) {
      if (linked) return [...path, step];
      continue;
    }
    const key = `${target.key}/${linked}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const inner = open(target, linked);
    if (inner) {
      frames.push(inner);
      path.push(step);
    }
  }
  return undefined;
}

/** The module's named types that a field's type holds or points to. */
function referencedTypes(type: GoType, pkg: GoPackage, depth = 0): Reached[] {
  if (depth > 6) return [];
  switch (type.kind) {
    case 'named': {
      const args = type.args.flatMap((a) => referencedTypes(a, pkg, depth + 1));
      // weak.Pointer holds no reference: that is its purpose.
      if (type.importPath === 'weak') return [];
      const decl = typeDecl(type, pkg);
      // A type from outside the module: what it holds is not known, only its type arguments (atomic.Pointer[T]).
      if (!decl) return type.importPath ? args : [];
      if (decl.isAlias) return referencedTypes(underlying(type, pkg), pkg, depth + 1);
      const reached = reachedType(type, pkg);
      if (!reached) return args;
      // A field of an interface of the module may hold any of the types that implement it.
      if (decl.typeNode.type === 'interface_type') return [...implementers(reached, pkg), ...args];
      return [reached, ...args];
    }
    case 'pointer':
    case 'slice':
    case 'chan':
    case 'array':
      return referencedTypes(type.elem, pkg, depth + 1);
    case 'map':
      return [...referencedTypes(type.key, pkg, depth + 1), ...referencedTypes(type.value, pkg, depth + 1)];
    case 'struct':
      return type.fields.flatMap((f) => referencedTypes(f.type, pkg, depth + 1));
    default:
      return [];
  }
}
