// The model of one Go package: every file's declarations, indexed by name, so
// the analysis can follow types, functions and methods across files.
import type { SyntaxNode, Tree } from '../parse/parser.js';
import { indexDeclarations, type DeclarationIndex } from './declarations.js';

export interface GoFile {
  /** Absolute path. */
  path: string;
  source: string;
  tree: Tree;
  /** Local name -> import path ("rt" -> "runtime"); "." for dot imports keyed by path. */
  imports: Map<string, string>;
  dotImports: string[];
  hasErrors: boolean;
  /** The import path of the file's package, for a file of another package of the module: its own type names are read as that package's. */
  packagePath?: string;
}

export interface TypeDecl {
  name: string;
  spec: SyntaxNode;
  /** The type expression on the right of the declaration. */
  typeNode: SyntaxNode;
  typeParams: string[];
  isAlias: boolean;
  file: GoFile;
}

export interface ParamDecl {
  name?: string;
  typeNode: SyntaxNode;
  variadic: boolean;
}

export interface FuncDecl {
  name: string;
  node: SyntaxNode;
  /** For methods: the receiver's base type name and whether it is a pointer receiver. */
  receiver?: { typeName: string; pointer: boolean; name?: string };
  params: ParamDecl[];
  results: ParamDecl[];
  body?: SyntaxNode;
  file: GoFile;
}

export interface VarDecl {
  name: string;
  nameNode: SyntaxNode;
  typeNode?: SyntaxNode;
  value?: SyntaxNode;
  file: GoFile;
}

export interface GoPackage {
  dir: string;
  name: string;
  /** The import path, when the package lies in a Go module. */
  path?: string;
  /** Another package of the module by import path, built on first ask; undefined outside the module (or outside any module). */
  imported?: (importPath: string) => GoPackage | undefined;
  /** Whether the package at an import path of the module may pass its parameters on to the runtime (a superset, read from text). */
  mayWrap?: (importPath: string) => boolean;
  files: GoFile[];
  types: Map<string, TypeDecl>;
  funcs: Map<string, FuncDecl>;
  /** Receiver base type name -> method name -> declaration. */
  methods: Map<string, Map<string, FuncDecl>>;
  vars: Map<string, VarDecl>;
  /** Every function and method declaration read so far, init functions included. */
  functions: FuncDecl[];
  /** Reads the package's not yet parsed files that are wanted (see buildPackage). */
  load(wanted: (file: PendingFile) => boolean): void;
}

/** A file of the package not read yet: its text, and what it may declare. */
export interface PendingFile {
  text: string;
  declarations(): DeclarationIndex;
}

/** Parses the files of the package not read yet that are wanted; returns them. */
export type FileLoader = (wanted: (file: PendingFile) => boolean) => GoFile[];

/** A loader of files not read yet: each is parsed the first time a lookup wants it, what it may declare indexed from its text on first ask. */
export function pendingFiles<Source extends { text?: string }>(sources: Source[], parse: (source: Source) => GoFile): FileLoader {
  const pending = new Set(
    sources.map((source) => {
      let index: DeclarationIndex | undefined;
      const text = source.text ?? '';
      return { source, text, declarations: () => (index ??= indexDeclarations(text)) };
    }),
  );
  return (wanted) => {
    const loaded: GoFile[] = [];
    for (const file of pending) {
      if (!wanted(file)) continue;
      pending.delete(file);
      loaded.push(parse(file.source));
    }
    return loaded;
  };
}

/**
 * A map of declarations that, when asked for a name it lacks, first reads the
 * files that may declare it. A file that declares a name contains it, so the
 * answer is the same as if every file had been read.
 */
class DeclarationMap<V> extends Map<string, V> {
  private readonly tried = new Set<string>();
  constructor(private readonly onMiss: (name: string) => void) {
    super();
  }
  private ensure(name: string, always: boolean): void {
    if ((always || !super.has(name)) && !this.tried.has(name)) {
      this.tried.add(name);
      this.onMiss(name);
    }
  }
  override get(name: string): V | undefined {
    this.ensure(name, false);
    return super.get(name);
  }
  override has(name: string): boolean {
    this.ensure(name, false);
    return super.has(name);
  }
  /** Like get, but reads every file that may add to the entry, even when one exists (methods spread over files). */
  complete(name: string): V | undefined {
    this.ensure(name, true);
    return super.get(name);
  }
}

/** A letter, digit or underscore: Go identifiers are Unicode. */
const identifierChar = '[\\p{L}\\p{N}_]';
/** The name as a whole word. */
export const word = (name: string) => `(?<!${identifierChar})${name}(?!${identifierChar})`;

export function namedChildren(node: SyntaxNode, type?: string): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (const child of node.namedChildren) {
    if (child && (!type || child.type === type)) out.push(child);
  }
  return out;
}

export function fieldChildren(node: SyntaxNode, field: string): SyntaxNode[] {
  return node.childrenForFieldName(field).filter((c): c is SyntaxNode => c !== null);
}

export function stringLiteralValue(node: SyntaxNode): string {
  return node.text.replace(/^["`]|["`]$/g, '');
}

function readImports(root: SyntaxNode): { imports: Map<string, string>; dotImports: string[] } {
  const imports = new Map<string, string>();
  const dotImports: string[] = [];
  for (const decl of namedChildren(root, 'import_declaration')) {
    const specs = decl.descendantsOfType('import_spec').filter((s): s is SyntaxNode => s !== null);
    for (const spec of specs) {
      const pathNode = spec.childForFieldName('path');
      if (!pathNode) continue;
      const importPath = stringLiteralValue(pathNode);
      const alias = spec.childForFieldName('name');
      if (alias?.type === 'dot') dotImports.push(importPath);
      else if (alias?.type === 'blank_identifier') continue;
      else imports.set(alias ? alias.text : importPath.slice(importPath.lastIndexOf('/') + 1), importPath);
    }
  }
  return { imports, dotImports };
}

export function readParams(list: SyntaxNode | null): ParamDecl[] {
  if (!list) return [];
  if (list.type !== 'parameter_list') return [{ typeNode: list, variadic: false }];
  const params: ParamDecl[] = [];
  for (const decl of list.namedChildren) {
    if (!decl) continue;
    const typeNode = decl.childForFieldName('type');
    if (!typeNode) continue;
    const variadic = decl.type === 'variadic_parameter_declaration';
    const names = fieldChildren(decl, 'name');
    if (names.length === 0) params.push({ typeNode, variadic });
    for (const name of names) params.push({ name: name.text, typeNode, variadic });
  }
  return params;
}

/** The base type name of a receiver type: `*List[T]` -> List. */
function receiverBase(typeNode: SyntaxNode): { typeName: string; pointer: boolean } | undefined {
  let node: SyntaxNode | null = typeNode;
  let pointer = false;
  while (node && (node.type === 'pointer_type' || node.type === 'parenthesized_type')) {
    if (node.type === 'pointer_type') pointer = true;
    node = node.namedChild(0);
  }
  if (node?.type === 'generic_type') node = node.childForFieldName('type');
  return node?.type === 'type_identifier' ? { typeName: node.text, pointer } : undefined;
}

function addFunc(pkg: GoPackage, node: SyntaxNode, file: GoFile): void {
  const name = node.childForFieldName('name')?.text;
  if (!name) return;
  const decl: FuncDecl = {
    name,
    node,
    params: readParams(node.childForFieldName('parameters')),
    results: readParams(node.childForFieldName('result')),
    body: node.childForFieldName('body') ?? undefined,
    file,
  };
  pkg.functions.push(decl);
  if (node.type === 'method_declaration') {
    const recv = readParams(node.childForFieldName('receiver'))[0];
    const base = recv && receiverBase(recv.typeNode);
    if (!base) return;
    decl.receiver = { ...base, name: recv.name };
    let methods = Map.prototype.get.call(pkg.methods, base.typeName) as Map<string, FuncDecl> | undefined;
    if (!methods) pkg.methods.set(base.typeName, (methods = new Map()));
    methods.set(name, decl);
  } else if (name !== 'init' && name !== '_') {
    pkg.funcs.set(name, decl);
  }
}

function addTypes(pkg: GoPackage, decl: SyntaxNode, file: GoFile): void {
  for (const spec of decl.namedChildren) {
    if (!spec || (spec.type !== 'type_spec' && spec.type !== 'type_alias')) continue;
    const name = spec.childForFieldName('name')?.text;
    const typeNode = spec.childForFieldName('type');
    if (!name || !typeNode) continue;
    const typeParams = (spec.childForFieldName('type_parameters')?.descendantsOfType('type_parameter_declaration') ?? [])
      .flatMap((p) => (p ? fieldChildren(p, 'name').map((n) => n.text) : []));
    pkg.types.set(name, { name, spec, typeNode, typeParams, isAlias: spec.type === 'type_alias', file });
  }
}

function addVars(pkg: GoPackage, decl: SyntaxNode, file: GoFile): void {
  // The declaration's own specs: a func literal in an initializer declares locals, not package variables.
  const specs = decl.namedChildren.flatMap((c) => (c?.type === 'var_spec_list' ? c.namedChildren : [c]));
  for (const spec of specs) {
    if (spec?.type !== 'var_spec') continue;
    const names = fieldChildren(spec, 'name');
    const values = spec.childForFieldName('value')?.namedChildren ?? [];
    names.forEach((nameNode, i) => {
      pkg.vars.set(nameNode.text, {
        name: nameNode.text,
        nameNode,
        typeNode: spec.childForFieldName('type') ?? undefined,
        value: (names.length === values.length ? values[i] : undefined) ?? undefined,
        file,
      });
    });
  }
}

function addFile(pkg: GoPackage, file: GoFile): void {
  pkg.files.push(file);
  for (const decl of file.tree.rootNode.namedChildren) {
    if (!decl) continue;
    if (decl.type === 'function_declaration' || decl.type === 'method_declaration') addFunc(pkg, decl, file);
    else if (decl.type === 'type_declaration') addTypes(pkg, decl, file);
    else if (decl.type === 'var_declaration') addVars(pkg, decl, file);
  }
}

/**
 * The model of a package from the files read so far; `loadMore` reads the
 * rest on demand, when a lookup misses or a caller asks (omit it when every
 * file is given).
 */
export function buildPackage(dir: string, name: string, files: GoFile[], loadMore: FileLoader = () => []): GoPackage {
  const load = (wanted: (file: PendingFile) => boolean) => {
    for (const file of loadMore(wanted)) addFile(pkg, file);
  };
  // Types, functions and variables share one namespace: a name is looked for once.
  const declaredNames = new Set<string>();
  const byDeclaration = (n: string) => {
    if (declaredNames.has(n)) return;
    declaredNames.add(n);
    load((file) => file.declarations().declared.has(n));
  };
  const pkg: GoPackage = {
    dir,
    name,
    files: [],
    types: new DeclarationMap<TypeDecl>(byDeclaration),
    funcs: new DeclarationMap<FuncDecl>(byDeclaration),
    methods: new DeclarationMap<Map<string, FuncDecl>>((n) => load((file) => file.declarations().receivers.has(n))),
    vars: new DeclarationMap<VarDecl>(byDeclaration),
    functions: [],
    load,
  };
  for (const file of files) addFile(pkg, file);
  return pkg;
}

/** Every method of a package type, reading each file that may declare one. */
export function methodsOf(pkg: GoPackage, typeName: string): Map<string, FuncDecl> | undefined {
  return pkg.methods instanceof DeclarationMap ? pkg.methods.complete(typeName) : pkg.methods.get(typeName);
}

export function readFileModel(path: string, source: string, tree: Tree, packagePath?: string): GoFile {
  const { imports, dotImports } = readImports(tree.rootNode);
  return { path, source, tree, imports, dotImports, hasErrors: tree.rootNode.hasError, packagePath };
}

/** The package a file of the analysis belongs to: the package analyzed, or another package of its module. */
export function packageOfFile(pkg: GoPackage, file: GoFile): GoPackage {
  return (file.packagePath && file.packagePath !== pkg.path && pkg.imported?.(file.packagePath)) || pkg;
}
