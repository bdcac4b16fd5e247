// Loads tree-sitter and the Go grammar from .wasm files. Both files sit next
// to the bundle in dist/ (the build copies them there); when running from
// src/ they come from node_modules.
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as TreeSitter from 'web-tree-sitter';
import type { Node as SyntaxNode, Tree } from 'web-tree-sitter';
import treeSitter from './tree-sitter.cjs';

const { Parser, Language, Node, Tree: TreeClass } = treeSitter;

export type { Node as SyntaxNode, Tree } from 'web-tree-sitter';

const here = dirname(fileURLToPath(import.meta.url));

function wasmPath(fileName: string, packageName: string): string {
  const candidates = [join(here, fileName), join(here, '..', '..', 'node_modules', packageName, fileName)];
  const found = candidates.find((candidate) => existsSync(candidate));
  if (!found) throw new Error(`cannot find ${fileName} next to the program`);
  return found;
}

/**
 * What a node remembers of the answers web-tree-sitter gave it. A class, so
 * every node's answers have one shape and reading them stays a plain field load.
 */
class Answers {
  text: string | undefined = undefined;
  endIndex = -1;
  parent: SyntaxNode | null | undefined = undefined;
  children: (SyntaxNode | null)[] | undefined = undefined;
  namedChildren: (SyntaxNode | null)[] | undefined = undefined;
  /** By field name: an object without a prototype, a fraction of a Map's size. */
  fields: Record<string, SyntaxNode | null> | undefined = undefined;
  descendants: Map<string, SyntaxNode[]> | undefined = undefined;
}

const remembered = Symbol('remembered');
const nodesById = Symbol('nodes by id');

type Remembering = SyntaxNode & { [remembered]?: Answers };
type TreeOfNodes = Tree & { [nodesById]?: Map<number, SyntaxNode>; [remembered]?: SyntaxNode };

const answers = (node: SyntaxNode): Answers => ((node as Remembering)[remembered] ??= new Answers());

/**
 * The one object that stands for this node of its tree: web-tree-sitter makes a
 * new object for a node each time one is asked for (a parent, a child, a field),
 * and a new object knows none of the answers the first one remembered.
 */
function canonical(node: SyntaxNode): SyntaxNode;
function canonical(node: SyntaxNode | null): SyntaxNode | null;
function canonical(node: SyntaxNode | null): SyntaxNode | null {
  if (!node) return node;
  const nodes = ((node.tree as TreeOfNodes)[nodesById] ??= new Map());
  const known = nodes.get(node.id);
  if (known) return known;
  nodes.set(node.id, node);
  // The answer asked most of all (every switch over the syntax) as a plain property of the node.
  Object.defineProperty(node, 'type', { value: typeOfNode.call(node) });
  return node;
}

const typeOfNode = Object.getOwnPropertyDescriptor(Node.prototype, 'type')!.get!;

/**
 * The list itself, of the nodes' own objects: every list web-tree-sitter
 * hands out is new, and the child lists it keeps would otherwise keep a
 * second object of every child.
 */
function canonicalInPlace(nodes: (SyntaxNode | null)[]): (SyntaxNode | null)[] {
  for (let i = 0; i < nodes.length; i++) nodes[i] = canonical(nodes[i]!);
  return nodes;
}

/**
 * A tree is never edited after parsing, so what its nodes answer never changes;
 * yet web-tree-sitter asks the WebAssembly side again each time and returns a new
 * node object for every child. The analysis walks the same bodies over and over
 * (callees inlined at each call, loops iterated): each node is one object, which
 * keeps its answers; a child by index is read from the children the node keeps.
 */
function rememberNodeAnswers(): void {
  const proto = Node.prototype as unknown as Record<string, unknown>;
  const original = (name: string) => Object.getOwnPropertyDescriptor(Node.prototype, name)!.get!;
  const define = (name: string, get: (this: SyntaxNode) => unknown) => Object.defineProperty(proto, name, { configurable: true, get });
  const text = original('text');
  define('text', function () {
    const known = answers(this);
    return (known.text ??= text.call(this));
  });
  const endIndex = original('endIndex');
  define('endIndex', function () {
    const known = answers(this);
    if (known.endIndex < 0) known.endIndex = endIndex.call(this);
    return known.endIndex;
  });
  const parent = original('parent');
  define('parent', function () {
    const known = answers(this);
    if (known.parent === undefined) known.parent = canonical(parent.call(this));
    return known.parent;
  });
  // web-tree-sitter keeps a node's child lists itself, but of new objects; each is read once and made of the nodes' own objects.
  const children = original('children');
  const childrenOf = (node: SyntaxNode) => {
    const known = answers(node);
    return (known.children ??= canonicalInPlace(children.call(node)));
  };
  define('children', function () {
    return childrenOf(this);
  });
  define('childCount', function () {
    return childrenOf(this).length;
  });
  proto.child = function (this: SyntaxNode, index: number) {
    return childrenOf(this)[index] ?? null;
  };
  const namedChildren = original('namedChildren');
  const namedChildrenOf = (node: SyntaxNode) => {
    const known = answers(node);
    return (known.namedChildren ??= canonicalInPlace(namedChildren.call(node)));
  };
  define('namedChildren', function () {
    return namedChildrenOf(this);
  });
  define('namedChildCount', function () {
    return namedChildrenOf(this).length;
  });
  proto.namedChild = function (this: SyntaxNode, index: number) {
    return namedChildrenOf(this)[index] ?? null;
  };
  for (const name of ['nextSibling', 'previousSibling', 'nextNamedSibling', 'previousNamedSibling']) {
    const sibling = original(name);
    define(name, function () {
      return canonical(sibling.call(this));
    });
  }
  const rootNode = Object.getOwnPropertyDescriptor(TreeClass.prototype, 'rootNode')!.get!;
  Object.defineProperty(TreeClass.prototype, 'rootNode', {
    configurable: true,
    get(this: TreeOfNodes) {
      return (this[remembered] ??= canonical(rootNode.call(this)));
    },
  });
  const childForFieldName = Node.prototype.childForFieldName;
  proto.childForFieldName = function (this: SyntaxNode, field: string) {
    const fields = (answers(this).fields ??= Object.create(null) as Record<string, SyntaxNode | null>);
    let child = fields[field];
    if (child === undefined) fields[field] = child = canonical(childForFieldName.call(this, field));
    return child;
  };
  const childrenForFieldName = Node.prototype.childrenForFieldName;
  proto.childrenForFieldName = function (this: SyntaxNode, field: string) {
    return canonicalInPlace(childrenForFieldName.call(this, field));
  };
  const descendantForIndex = Node.prototype.descendantForIndex;
  proto.descendantForIndex = function (this: SyntaxNode, ...range: [number, number?]) {
    return canonical(descendantForIndex.call(this, ...range));
  };
  const descendantsOfType = Node.prototype.descendantsOfType;
  proto.descendantsOfType = function (this: SyntaxNode, types: string | string[], ...range: unknown[]) {
    if (range.length) return canonicalInPlace(descendantsOfType.call(this, types, ...(range as [])));
    const descendants = (answers(this).descendants ??= new Map());
    const key = String(types);
    let found = descendants.get(key);
    if (!found) descendants.set(key, (found = canonicalInPlace(descendantsOfType.call(this, types)) as SyntaxNode[]));
    // A copy: the caller may sort or filter it in place.
    return found.slice();
  };
}

let loading: Promise<TreeSitter.Parser> | undefined;

/** The one Go parser of this thread, created on first use. */
export function goParser(): Promise<TreeSitter.Parser> {
  loading ??= (async () => {
    await Parser.init({ wasmBinary: readFileSync(wasmPath('web-tree-sitter.wasm', 'web-tree-sitter')) });
    rememberNodeAnswers();
    const go = await Language.load(readFileSync(wasmPath('tree-sitter-go.wasm', 'tree-sitter-go')));
    const parser = new Parser();
    parser.setLanguage(go);
    return parser;
  })();
  return loading;
}

/** A Go construct newer than the grammar: the parser was told what it means. */
export interface NewerConstruct {
  /** The construct as Go spells it, e.g. `new(expr)`. */
  construct: string;
  /** Where it first appears. */
  node: SyntaxNode;
}

export interface ParsedGo {
  tree: Tree;
  /** Constructs this grammar does not know, read as Go means them. */
  newer?: NewerConstruct;
}

/** `new(` where a later Go release allows an expression (Go 1.26: `new(42)`, `new(f())`). */
const newCall = /\bnew\s*\(/g;

/**
 * Parses Go source. tree-sitter-go 0.25 knows `new(T)` only with a type, so
 * Go 1.26's `new(expr)` is an error to it, one that can spoil the statements
 * after it. Where that is the error, the file is parsed again with each such
 * `new` spelled as an ordinary function name of the same length, which reads
 * `new(expr)` as the call it is; the tree then reads its text from the file as
 * written, so every node shows `new`.
 */
export function parseGo(parser: TreeSitter.Parser, text: string): ParsedGo | undefined {
  const tree = parser.parse(text);
  if (!tree || !tree.rootNode.hasError) return tree ? { tree } : undefined;
  const starts: number[] = [];
  for (const match of text.matchAll(newCall)) {
    const node = tree.rootNode.descendantForIndex(match.index!);
    const parent = node?.parent;
    const inError = !!parent && (parent.isError || (parent.type === 'call_expression' && !!parent.childForFieldName('arguments')?.hasError));
    if (node?.type === 'identifier' && node.text === 'new' && inError) starts.push(match.index!);
  }
  if (!starts.length) return { tree };
  let patched = text;
  for (const start of starts) patched = patched.slice(0, start) + 'neW' + patched.slice(start + 3);
  const again = parser.parse(patched);
  if (!again) return { tree };
  // Kept only when the construct was the trouble: the first error, if any is left, comes later.
  const before = firstError(tree.rootNode)?.startIndex ?? 0;
  const after = firstError(again.rootNode)?.startIndex;
  if (after !== undefined && after <= before) {
    again.delete();
    return { tree };
  }
  tree.delete();
  // The tree's text comes from this callback (web-tree-sitter keeps it on the tree): the file as written.
  (again as unknown as { textCallback: (index: number) => string }).textCallback = (index) => text.slice(index);
  const first = again.rootNode.descendantForIndex(starts[0]!)?.parent ?? again.rootNode;
  return { tree: again, newer: { construct: 'new(expr)', node: first } };
}

/** The first place the parser could not make sense of (a loop, not a recursion: errors nest as deep as the code). */
export function firstError(root: SyntaxNode): SyntaxNode | undefined {
  let node = root;
  for (;;) {
    if (node.isError || node.isMissing) return node;
    const child = node.children.find((c: SyntaxNode | null) => c?.hasError || c?.isMissing);
    if (!child) return node === root ? undefined : node;
    node = child;
  }
}
