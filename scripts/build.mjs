// Bundles the CLI and the Action into dist/ with ncc, with the chunks of the
// modules they load on demand (the GitHub client), then copies the two .wasm
// files the parser loads at run time next to the bundles.
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const ncc = require('@vercel/ncc');
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');

const entries = [
  { source: 'src/cli.ts', output: 'cli.js', shebang: true },
  { source: 'src/main.ts', output: 'index.js', shebang: false },
  { source: 'src/post.ts', output: 'post.js', shebang: false },
  { source: 'src/worker.ts', output: 'worker.js', shebang: false },
];

// web-tree-sitter's CommonJS build reads __dirname, which an ES module lacks.
const esmDirname =
  "import { fileURLToPath as __fgToPath } from 'node:url';\n" +
  'const __filename = __fgToPath(import.meta.url);\n' +
  "const __dirname = __fgToPath(new URL('.', import.meta.url));\n";

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });
for (const entry of entries) {
  const { code, assets } = await ncc(join(root, entry.source), {
    quiet: true,
    sourceMap: false,
    minify: false,
    license: '',
  });
  for (const [name, asset] of Object.entries(assets ?? {})) {
    if (name === 'package.json') continue;
    // ncc names every entry's chunks "<id>.index.js": two entries may share one only when it is the same file.
    if (!/^\d+\.index\.js$/.test(name)) throw new Error(`unexpected asset ${name} from ${entry.source}`);
    const path = join(dist, name);
    const chunk = String(asset.source);
    if (existsSync(path) && readFileSync(path, 'utf8') !== chunk) throw new Error(`two entries emit different chunks named ${name}`);
    writeFileSync(path, chunk);
  }
  const header = (entry.shebang ? '#!/usr/bin/env node\n' : '') + esmDirname;
  writeFileSync(join(dist, entry.output), header + code, { mode: entry.shebang ? 0o755 : 0o644 });
}
writeFileSync(join(dist, 'package.json'), '{ "type": "module" }\n');
copyFileSync(require.resolve('web-tree-sitter/web-tree-sitter.wasm'), join(dist, 'web-tree-sitter.wasm'));
copyFileSync(join(dirname(require.resolve('tree-sitter-go/package.json')), 'tree-sitter-go.wasm'), join(dist, 'tree-sitter-go.wasm'));
console.log(`built ${entries.map((e) => 'dist/' + e.output).join(', ')}`);
