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

/** What a node remembers of the answers web-tree-sitter gives it. */
interface Remembered {
  type?: string;
  text?: string;
  endIndex?: number;
  parent?: SyntaxNode | null;
  fields?: Map<string, SyntaxNode | null>;
  descendants?: Map<string, SyntaxNode[]>;
}

const remembered = Symbol('remembered');

/**
 * A tree is never edited after parsing, so what its nodes answer never changes;
 * yet web-tree-sitter asks the WebAssembly side again each time and returns a new
 * node object for every child. The analysis walks the same bodies over and over
 * (callees inlined at each call, loops iterated): each node keeps its answers,
 * and the children it hands out are the same objects the next time, which keep theirs.
 */
function rememberNodeAnswers(): void {
  const proto = Node.prototype as unknown as Record<string, unknown>;
  const memory = (node: object): Remembered => ((node as { [remembered]?: Remembered })[remembered] ??= {});
  const getter = (name: 'type' | 'text' | 'endIndex' | 'parent') => {
    const original = Object.getOwnPropertyDescriptor(Node.prototype, name)!.get!;
    Object.defineProperty(proto, name, {
      configurable: true,
      get(this: SyntaxNode) {
        const known = memory(this);
        if (!(name in known)) (known as Record<string, unknown>)[name] = original.call(this);
        return known[name];
      },
    });
  };
  for (const name of ['type', 'text', 'endIndex', 'parent'] as const) getter(name);
  const rootNode = Object.getOwnPropertyDescriptor(TreeClass.prototype, 'rootNode')!.get!;
  Object.defineProperty(TreeClass.prototype, 'rootNode', {
    configurable: true,
    get(this: Tree) {
      return ((this as unknown as { [remembered]?: SyntaxNode })[remembered] ??= rootNode.call(this));
    },
  });
  const childForFieldName = Node.prototype.childForFieldName;
  proto.childForFieldName = function (this: SyntaxNode, field: string) {
    const fields = (memory(this).fields ??= new Map());
    let child = fields.get(field);
    if (child === undefined) fields.set(field, (child = childForFieldName.call(this, field)));
    return child;
  };
  const descendantsOfType = Node.prototype.descendantsOfType;
  proto.descendantsOfType = function (this: SyntaxNode, types: string | string[], ...range: unknown[]) {
    if (range.length) return descendantsOfType.call(this, types, ...(range as []));
    const descendants = (memory(this).descendants ??= new Map());
    const key = String(types);
    let found = descendants.get(key);
    if (!found) descendants.set(key, (found = descendantsOfType.call(this, types)));
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
