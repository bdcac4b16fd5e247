// What a type of the module offers, whatever code asks: its name as one key
// across the module's packages, its method set, and the field or method a
// name selects on it. These answers depend on the type's declaration alone,
// so each is worked out once per declaration for the run.
import { methodsOf, type FuncDecl, type GoPackage, type TypeDecl } from './package.js';
import { declaringPackage, pointee, typeDecl, underlying, type GoType, type StructField } from './types.js';

/** How deep promoted fields and methods are searched through embedded structs. */
const maxEmbeddingDepth = 4;

/** What a selector names: a field or a method, and the embedded fields it is promoted through (outermost first). */
export interface Member {
  field?: StructField;
  method?: FuncDecl;
  through: StructField[];
}

/** The name of a named type (or pointer to one) of the module. */
export function moduleTypeName(type: GoType | undefined, pkg: GoPackage): string | undefined {
  if (!type) return undefined;
  const base = pointee(type);
  return base.kind === 'named' && declaringPackage(base, pkg) ? base.name : undefined;
}

/** A named type of the module (or a pointer to one) as one key across its packages. */
export function moduleTypeKey(type: GoType | undefined, pkg: GoPackage): string | undefined {
  const name = moduleTypeName(type, pkg);
  const base = type && pointee(type);
  return name && base?.kind === 'named' ? `${declaringPackage(base, pkg)!.path ?? ''}.${name}` : undefined;
}

/** The methods declared on a named type of the module (or a pointer to one), read from every file of its package that may declare one. */
export function methodSet(type: GoType, pkg: GoPackage): Map<string, FuncDecl> | undefined {
  const base = pointee(type);
  const owner = declaringPackage(base, pkg);
  return owner && base.kind === 'named' ? methodsOf(owner, base.name) : undefined;
}

/** Members found so far, by the package asking (it resolves the names its own files leave unqualified), declaration and name. */
const members = new WeakMap<GoPackage, WeakMap<TypeDecl, Map<string, Member | undefined>>>();

/**
 * The field or method a name selects on a type, and the embedded fields it
 * is promoted through. For a named type of the module (or a pointer to one)
 * the answer is its declaration's, found once.
 */
export function memberOf(type: GoType, name: string, pkg: GoPackage): Member | undefined {
  const decl = typeDecl(pointee(type), pkg);
  if (!decl) return searchMember(type, name, pkg);
  let byDecl = members.get(pkg);
  if (!byDecl) members.set(pkg, (byDecl = new WeakMap()));
  let byName = byDecl.get(decl);
  if (!byName) byDecl.set(decl, (byName = new Map()));
  if (!byName.has(name)) byName.set(name, searchMember(type, name, pkg));
  return byName.get(name);
}

/** Searched level by level: Go picks the shallowest. */
function searchMember(type: GoType, name: string, pkg: GoPackage): Member | undefined {
  let level: { type: GoType; through: StructField[] }[] = [{ type, through: [] }];
  // A named type met again finds nothing new: it was searched earlier, on a path as short or shorter.
  const searched = new Set<string>();
  for (let depth = 0; depth <= maxEmbeddingDepth && level.length; depth++) {
    const next: typeof level = [];
    for (const { type: current, through } of level) {
      const key = moduleTypeKey(current, pkg);
      if (key !== undefined) {
        if (searched.has(key)) continue;
        searched.add(key);
      }
      const method = methodSet(current, pkg)?.get(name);
      if (method) return { method, through };
      const base = underlying(current.kind === 'pointer' ? current.elem : current, pkg);
      if (base.kind !== 'struct') continue;
      const field = base.fields.find((f) => f.name === name);
      if (field) return { field, through };
      for (const f of base.fields) if (f.embedded) next.push({ type: f.type, through: [...through, f] });
    }
    level = next;
  }
  return undefined;
}

const implementers = new WeakMap<TypeDecl, Map<GoPackage, string[]>>();

/**
 * The types of a package whose declared methods (on `T` or `*T`) include
 * every method of an interface of the module: what a field of that interface
 * may hold among the package's own values. None for an interface that embeds
 * another or lists types (which this model does not resolve), or declares no
 * method.
 */
export function implementersOf(iface: TypeDecl, pkg: GoPackage): string[] {
  let byPackage = implementers.get(iface);
  if (!byPackage) implementers.set(iface, (byPackage = new Map()));
  let found = byPackage.get(pkg);
  if (found) return found;
  found = [];
  const elements = iface.typeNode.type === 'interface_type' ? iface.typeNode.namedChildren : [];
  const methods = elements.flatMap((e) => (e?.type === 'method_elem' ? [e.childForFieldName('name')?.text ?? ''] : []));
  if (methods.length && methods.length === elements.filter((e) => e?.type !== 'comment').length) {
    pkg.load(() => true);
    for (const [name, decl] of pkg.types) {
      if (decl.isAlias || decl.typeNode.type === 'interface_type') continue;
      const declared = methodsOf(pkg, name);
      if (methods.every((m) => declared?.has(m))) found.push(name);
    }
    found.sort();
  }
  byPackage.set(pkg, found);
  return found;
}
