// A small model of Go types, enough to follow references between objects,
// check a finalizer's signature and estimate an object's size.
import type { SyntaxNode } from '../parse/parser.js';
import { membersOnOneLine } from '../parse/inline.js';
import { fieldChildren, readParams, type GoFile, type GoPackage, type TypeDecl, type VarDecl } from './package.js';

export type GoType =
  | { kind: 'named'; name: string; importPath?: string; args: GoType[] }
  | { kind: 'pointer'; elem: GoType }
  | { kind: 'slice'; elem: GoType }
  | { kind: 'array'; length?: number; elem: GoType }
  | { kind: 'map'; key: GoType; value: GoType }
  | { kind: 'chan'; elem: GoType }
  | { kind: 'func'; params: GoType[]; variadic: boolean }
  | { kind: 'interface'; empty: boolean }
  | { kind: 'struct'; fields: StructField[] }
  | { kind: 'basic'; name: string }
  | { kind: 'typeParam'; name: string }
  | { kind: 'unknown' };

export interface StructField {
  name: string;
  type: GoType;
  embedded: boolean;
  node: SyntaxNode;
  file: GoFile;
}

const basicTypes = new Set([
  'bool', 'string', 'int', 'int8', 'int16', 'int32', 'int64', 'uint', 'uint8', 'uint16', 'uint32', 'uint64',
  'uintptr', 'byte', 'rune', 'float32', 'float64', 'complex64', 'complex128',
]);

const unknown: GoType = { kind: 'unknown' };

/** Type expressions nested deeper than this (`**...*T`) are read as unknown: a bound, so no type overflows the stack. */
export const maxTypeNesting = 100;
let typeNesting = 0;

/** Reads a type expression as written in `file`; type parameters in scope stay symbolic. */
export function readType(node: SyntaxNode | null | undefined, file: GoFile, typeParams: readonly string[] = []): GoType {
  if (!node || typeNesting >= maxTypeNesting) return unknown;
  typeNesting++;
  try {
    return readTypeNode(node, file, typeParams);
  } finally {
    typeNesting--;
  }
}

function readTypeNode(node: SyntaxNode, file: GoFile, typeParams: readonly string[]): GoType {
  const read = (n: SyntaxNode | null | undefined) => readType(n, file, typeParams);
  switch (node.type) {
    case 'type_identifier':
    case 'identifier': {
      const name = node.text;
      if (typeParams.includes(name)) return { kind: 'typeParam', name };
      if (name === 'any') return { kind: 'interface', empty: true };
      if (name === 'error') return { kind: 'interface', empty: false };
      if (basicTypes.has(name)) return { kind: 'basic', name };
      // A name declared in another package of the module is that package's.
      return file.packagePath ? { kind: 'named', name, importPath: file.packagePath, args: [] } : { kind: 'named', name, args: [] };
    }
    case 'qualified_type': {
      const alias = node.childForFieldName('package')?.text ?? '';
      const name = node.childForFieldName('name')?.text ?? '';
      const importPath = file.imports.get(alias) ?? alias;
      if (importPath === 'unsafe' && name === 'Pointer') return { kind: 'basic', name: 'unsafe.Pointer' };
      return { kind: 'named', name, importPath, args: [] };
    }
    case 'generic_type': {
      const base = read(node.childForFieldName('type'));
      const args = (node.childForFieldName('type_arguments')?.namedChildren ?? []).map((a) =>
        read(a?.type === 'type_elem' ? a.namedChild(0) : a),
      );
      return base.kind === 'named' ? { ...base, args } : unknown;
    }
    case 'pointer_type':
      return { kind: 'pointer', elem: read(node.namedChild(0)) };
    case 'slice_type':
      return { kind: 'slice', elem: read(node.childForFieldName('element')) };
    case 'array_type':
    case 'implicit_length_array_type': {
      const lengthText = node.childForFieldName('length')?.text;
      const length = lengthText === undefined ? undefined : goInteger(lengthText);
      return { kind: 'array', length, elem: read(node.childForFieldName('element')) };
    }
    case 'map_type':
      return { kind: 'map', key: read(node.childForFieldName('key')), value: read(node.childForFieldName('value')) };
    case 'channel_type':
      return { kind: 'chan', elem: read(node.childForFieldName('value')) };
    case 'function_type': {
      const params = readParams(node.childForFieldName('parameters'));
      return { kind: 'func', params: params.map((p) => read(p.typeNode)), variadic: params.some((p) => p.variadic) };
    }
    case 'interface_type':
      return { kind: 'interface', empty: node.namedChildCount === 0 };
    case 'struct_type':
      return { kind: 'struct', fields: readFields(node, file, typeParams) };
    case 'parenthesized_type':
    case 'type_elem':
      return read(node.namedChild(0));
    default:
      return unknown;
  }
}

function readFields(structNode: SyntaxNode, file: GoFile, typeParams: readonly string[]): StructField[] {
  const list = structNode.namedChildren.find((c) => c?.type === 'field_declaration_list');
  const fields: StructField[] = [];
  for (const decl of list?.namedChildren ?? []) {
    if (decl?.type !== 'field_declaration') continue;
    const typeNode = decl.childForFieldName('type');
    let type = readType(typeNode, file, typeParams);
    const names = fieldChildren(decl, 'name');
    if (names.length === 0) {
      // Embedded field: `*T` keeps its star as an anonymous token.
      if (decl.children.some((c) => c?.type === '*')) type = { kind: 'pointer', elem: type };
      const base = type.kind === 'pointer' ? type.elem : type;
      fields.push({ name: base.kind === 'named' ? base.name : '?', type, embedded: true, node: decl, file });
    }
    for (const name of names) fields.push({ name: name.text, type, embedded: false, node: name, file });
  }
  return fields;
}

const writtenTypes = new WeakMap<GoFile, Map<number, GoType>>();

/**
 * A type the code of a file writes (a composite literal's, a conversion's,
 * `new`'s and `make`'s, a local variable's), read once per node: a function
 * is interpreted again at each call that inlines it.
 */
export function typeWritten(node: SyntaxNode | null | undefined, file: GoFile): GoType {
  if (!node) return unknown;
  let byNode = writtenTypes.get(file);
  if (!byNode) writtenTypes.set(file, (byNode = new Map()));
  let type = byNode.get(node.id);
  if (!type) byNode.set(node.id, (type = readType(node, file)));
  return type;
}

/** A Go integer literal's value (0x, 0o, 0b, leading-0 octal, underscores); undefined for anything else. */
export function goInteger(text: string): number | undefined {
  const digits = text.replace(/_/g, '');
  const match = /^(0[xX][0-9a-fA-F]+|0[oO]?[0-7]+|0[bB][01]+|0|[1-9]\d*)$/.exec(digits);
  if (!match) return undefined;
  if (/^0[oO]?[0-7]+$/.test(digits)) return parseInt(digits.replace(/^0[oO]?/, ''), 8);
  return Number(digits);
}

/** The type an object of this static type is: *T -> T; other types stay. */
export function pointee(type: GoType): GoType {
  return type.kind === 'pointer' ? type.elem : type;
}

const namedTypesOfFile = new WeakMap<GoFile, ReadonlySet<string>>();

/**
 * The types of other packages a file writes as types (`var h cgo.Handle`,
 * `*C.char`), as `importPath.Name`, read once. `weak.Make[T](nil)` parses as
 * a conversion to a generic type, but may call a generic function: not counted.
 */
export function qualifiedTypesIn(file: GoFile): ReadonlySet<string> {
  let names = namedTypesOfFile.get(file);
  if (!names) {
    const instantiation = (type: SyntaxNode) => type.parent?.type === 'generic_type' && type.parent.parent?.type === 'type_conversion_expression';
    names = new Set(
      file.tree.rootNode.descendantsOfType('qualified_type').flatMap((type) => {
        const alias = type?.childForFieldName('package')?.text ?? '';
        const importPath = file.imports.get(alias);
        return importPath && !instantiation(type!) ? [`${importPath}.${type!.childForFieldName('name')?.text}`] : [];
      }),
    );
    namedTypesOfFile.set(file, names);
  }
  return names;
}

const namedTypesOfPackage = new WeakMap<GoPackage, { files: number; names: Set<string> }>();

/** What qualifiedTypesIn gives for every file of the package read so far, gathered as files are read: a lookup per call must not walk every file. */
export function qualifiedTypesOfPackage(pkg: GoPackage): ReadonlySet<string> {
  let seen = namedTypesOfPackage.get(pkg);
  if (!seen) namedTypesOfPackage.set(pkg, (seen = { files: 0, names: new Set() }));
  for (; seen.files < pkg.files.length; seen.files++) for (const name of qualifiedTypesIn(pkg.files[seen.files]!)) seen.names.add(name);
  return seen.names;
}

/** The package that declares a named type: this one, or another package of its module; undefined for types from outside the module. */
export function declaringPackage(type: GoType, pkg: GoPackage): GoPackage | undefined {
  if (type.kind !== 'named') return undefined;
  return !type.importPath || type.importPath === pkg.path ? pkg : pkg.imported?.(type.importPath);
}

/** The declaration a named type refers to, in this package or another package of its module. */
export function typeDecl(type: GoType, pkg: GoPackage): TypeDecl | undefined {
  return type.kind === 'named' ? declaringPackage(type, pkg)?.types.get(type.name) : undefined;
}

const declaredTypes = new WeakMap<TypeDecl | VarDecl, GoType>();

/** The type a declaration names (a type's, or a package-level variable's when it writes one), read from its syntax once. */
export function declaredType(decl: TypeDecl | VarDecl): GoType {
  let type = declaredTypes.get(decl);
  if (!type) declaredTypes.set(decl, (type = readType(decl.typeNode, decl.file, 'typeParams' in decl ? decl.typeParams : [])));
  return type;
}

/** Follows named types of the module (and aliases) to their underlying structure; at most a few hops. */
export function underlying(type: GoType, pkg: GoPackage): GoType {
  let current = type;
  for (let hops = 0; hops < 10; hops++) {
    const decl = typeDecl(current, pkg);
    if (!decl) return current;
    current = declaredType(decl);
  }
  return current;
}

export function typeName(type: GoType): string {
  switch (type.kind) {
    case 'named': {
      const pkgPrefix = type.importPath ? type.importPath.slice(type.importPath.lastIndexOf('/') + 1) + '.' : '';
      const args = type.args.length ? `[${type.args.map(typeName).join(', ')}]` : '';
      return pkgPrefix + type.name + args;
    }
    case 'pointer':
      return '*' + typeName(type.elem);
    case 'slice':
      return '[]' + typeName(type.elem);
    case 'array':
      return `[${type.length ?? '...'}]` + typeName(type.elem);
    case 'map':
      return `map[${typeName(type.key)}]${typeName(type.value)}`;
    case 'chan':
      return 'chan ' + typeName(type.elem);
    case 'func':
      return `func(${type.params.map(typeName).join(', ')})`;
    case 'interface':
      return type.empty ? 'any' : 'interface';
    case 'struct':
      return membersOnOneLine('struct', type.fields.map((f) => (f.embedded ? typeName(f.type) : `${f.name} ${typeName(f.type)}`)));
    case 'basic':
      return type.name;
    case 'typeParam':
      return type.name;
    case 'unknown':
      return '?';
  }
}

export function sameType(a: GoType, b: GoType): boolean {
  return typeName(a) === typeName(b) && a.kind !== 'unknown' && b.kind !== 'unknown';
}

const basicSizes: Record<string, number> = {
  bool: 1, int8: 1, uint8: 1, byte: 1, int16: 2, uint16: 2, int32: 4, uint32: 4, rune: 4, float32: 4,
  int: 8, uint: 8, uintptr: 8, int64: 8, uint64: 8, float64: 8, complex64: 8, complex128: 16,
};

export type Layout = { size: number; align: number; pointers: boolean };

const machineWord: Layout = { size: 8, align: 8, pointers: false };
const fourBytes: Layout = { size: 4, align: 4, pointers: false };

/**
 * Standard library types whose layout is the same on every 64-bit platform
 * and Go release: handles and counters code keeps in small structs. Any other
 * type of another package has a size this tool cannot know.
 */
const standardLayouts: Record<string, Layout> = {
  'syscall.Handle': machineWord,
  'syscall.Signal': machineWord,
  'syscall.Errno': machineWord,
  'runtime/cgo.Handle': machineWord,
  'time.Duration': machineWord,
  'time.Month': machineWord,
  'time.Weekday': machineWord,
  'os.FileMode': fourBytes,
  'io/fs.FileMode': fourBytes,
  'reflect.Kind': machineWord,
  'sync.Mutex': { size: 8, align: 4, pointers: false },
  'sync/atomic.Bool': fourBytes,
  'sync/atomic.Int32': fourBytes,
  'sync/atomic.Uint32': fourBytes,
  'sync/atomic.Int64': machineWord,
  'sync/atomic.Uint64': machineWord,
  'sync/atomic.Uintptr': machineWord,
};

function standardLayout(type: GoType & { kind: 'named' }): Layout | undefined {
  return type.importPath && !type.args.length ? standardLayouts[`${type.importPath}.${type.name}`] : undefined;
}

/**
 * Size and alignment on a 64-bit platform, and whether the type holds any
 * pointer, for types whose every part is known (no unknown parts, no other
 * packages' types but the standard ones above); undefined otherwise.
 */
export function layout(type: GoType, pkg: GoPackage): Layout | undefined {
  // Each type is laid out once per question, so nesting costs linear time; a type inside itself has none.
  const known = new Map<GoType | TypeDecl, Layout | 'pending' | undefined>();
  const layoutOf = (type: GoType, depth: number): Layout | undefined => {
    // A package's named type is one type however many fields name it.
    const key = typeDecl(type, pkg) ?? type;
    if (known.has(key)) {
      const done = known.get(key);
      return done === 'pending' ? undefined : done;
    }
    // Nesting deeper than any type expression can be read is not followed: the layout stays unknown.
    if (depth > maxTypeNesting) return undefined;
    known.set(key, 'pending');
    const result = layoutOfType(type, pkg, (inner) => layoutOf(inner, depth + 1));
    known.set(key, result);
    return result;
  };
  return layoutOf(type, 0);
}

function layoutOfType(type: GoType, pkg: GoPackage, layoutOf: (type: GoType) => Layout | undefined): Layout | undefined {
  const under = underlying(type, pkg);
  switch (under.kind) {
    case 'named':
      return standardLayout(under);
    case 'basic': {
      if (under.name in basicSizes) {
        const size = basicSizes[under.name]!;
        // Complex numbers align like their halves.
        const align = under.name.startsWith('complex') ? size / 2 : Math.min(size, 8);
        return { size, align, pointers: false };
      }
      if (under.name === 'string') return { size: 16, align: 8, pointers: true };
      return { size: 8, align: 8, pointers: true }; // unsafe.Pointer
    }
    case 'pointer':
    case 'map':
    case 'chan':
    case 'func':
      return { size: 8, align: 8, pointers: true };
    case 'slice':
      return { size: 24, align: 8, pointers: true };
    case 'interface':
      return { size: 16, align: 8, pointers: true };
    case 'array': {
      const elem = layoutOf(under.elem);
      if (!elem || under.length === undefined) return undefined;
      return { size: elem.size * under.length, align: elem.align, pointers: elem.pointers && under.length > 0 };
    }
    case 'struct': {
      let size = 0;
      let align = 1;
      let pointers = false;
      let lastSize = 0;
      for (const field of under.fields) {
        const f = layoutOf(field.type);
        if (!f) return undefined;
        size = Math.ceil(size / f.align) * f.align + f.size;
        align = Math.max(align, f.align);
        pointers ||= f.pointers;
        lastSize = f.size;
      }
      // A struct ending in a zero-size field is padded so a pointer to it stays inside.
      if (under.fields.length && size > 0 && lastSize === 0) size += 1;
      return { size: Math.ceil(size / align) * align, align, pointers };
    }
    default:
      return undefined;
  }
}
