import { pointee } from '../analysis/heap.js';
import { localDecl, typeName, underlying, type GoType } from '../model/types.js';
import type { GoPackage, TypeDecl } from '../model/package.js';
import type { SyntaxNode } from '../parse/parser.js';
import type { RelatedNode, Rule } from './rule.js';
import { finalizerCycle } from './fg001-finalizer-cycle.js';
import { inline } from './describe.js';

/**
 * FG002 finalizer-type-cycle: the code shows no cycle, but the finalized
 * object's type can reach itself through fields that hold references
 * (pointers, slices, maps, channels, arrays and embedded structs of those,
 * type arguments such as atomic.Pointer[T]). Any value that closes that loop
 * leaks. weak.Pointer and uintptr hold no reference; interface and func fields
 * are not followed, since the type does not say what they hold.
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
    const start = pointee(type);
    if (start.kind !== 'named' || !localDecl(start, site.pkg)) return undefined;
    const loop = typeLoop(start.name, site.pkg);
    if (!loop) return undefined;
    return {
      message:
        `${inline(site.args[0]!)} (${typeName(type)}) has a finalizer and its type can reach itself: ${[start.name, ...loop.map((s) => s.via)].join(' -> ')}; ` +
        `if a value ever closes that loop, the finalizer never runs`,
      related: loop.map((s) => s.related),
    };
  },
};

interface Step {
  via: string;
  related: RelatedNode;
}

interface Part {
  type: GoType;
  node: SyntaxNode;
  name: string;
}

/** A named type being searched: its parts, and how far the search has gone through them. */
interface Frame {
  owner: string;
  decl: TypeDecl;
  parts: Part[];
  part?: Part;
  nextPart: number;
  targets: string[];
  nextTarget: number;
}

/**
 * A path of fields from the named type back to itself, depth first. Go has
 * no recursive value types, so any such path passes through at least one
 * reference. The search keeps its own stack: a chain of types may be as
 * long as the package.
 */
function typeLoop(start: string, pkg: GoPackage): Step[] | undefined {
  const seen = new Set<string>();
  const open = (owner: string): Frame | undefined => {
    const decl = pkg.types.get(owner);
    const under = decl && underlying({ kind: 'named', name: owner, args: [] }, pkg);
    if (!decl || !under) return undefined;
    // A struct's fields, or the whole of a named slice, map or pointer type (`type Children []*Node`).
    const parts =
      under.kind === 'struct'
        ? under.fields.map((f) => ({ type: f.type, node: f.node, name: `${owner}.${f.name}` }))
        : [{ type: under, node: decl.spec, name: owner }];
    return { owner, decl, parts, nextPart: 0, targets: [], nextTarget: 0 };
  };
  const first = open(start);
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
    const step: Step = {
      via: `${part.name} (${typeName(part.type)})`,
      related: { node: part.node, file: frame.decl.file, message: `${part.name === frame.owner ? 'type' : 'field'} ${part.name} ${typeName(part.type)}` },
    };
    if (target === start) return [...path, step];
    if (seen.has(target)) continue;
    seen.add(target);
    const inner = open(target);
    if (inner) {
      frames.push(inner);
      path.push(step);
    }
  }
  return undefined;
}

/** The package's named types that a field's type holds or points to. */
function referencedTypes(type: GoType, pkg: GoPackage, depth = 0): string[] {
  if (depth > 6) return [];
  switch (type.kind) {
    case 'named': {
      const args = type.args.flatMap((a) => referencedTypes(a, pkg, depth + 1));
      // weak.Pointer holds no reference: that is its purpose.
      if (type.importPath) return type.importPath === 'weak' ? [] : args;
      const decl = pkg.types.get(type.name);
      if (!decl) return [];
      if (decl.isAlias) return referencedTypes(underlying(type, pkg), pkg, depth + 1);
      return [type.name, ...args];
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
