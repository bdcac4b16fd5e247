// Loads tree-sitter and the Go grammar from .wasm files. Both files sit next
// to the bundle in dist/ (the build copies them there); when running from
// src/ they come from node_modules.
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as TreeSitter from 'web-tree-sitter';
import treeSitter from './tree-sitter.cjs';

const { Parser, Language } = treeSitter;

export type { Node as SyntaxNode, Tree } from 'web-tree-sitter';

const here = dirname(fileURLToPath(import.meta.url));

function wasmPath(fileName: string, packageName: string): string {
  const candidates = [join(here, fileName), join(here, '..', '..', 'node_modules', packageName, fileName)];
  const found = candidates.find((candidate) => existsSync(candidate));
  if (!found) throw new Error(`cannot find ${fileName} next to the program`);
  return found;
}

let loading: Promise<TreeSitter.Parser> | undefined;

/** The one Go parser of this thread, created on first use. */
export function goParser(): Promise<TreeSitter.Parser> {
  loading ??= (async () => {
    await Parser.init({ wasmBinary: readFileSync(wasmPath('web-tree-sitter.wasm', 'web-tree-sitter')) });
    const go = await Language.load(readFileSync(wasmPath('tree-sitter-go.wasm', 'tree-sitter-go')));
    const parser = new Parser();
    parser.setLanguage(go);
    return parser;
  })();
  return loading;
}
