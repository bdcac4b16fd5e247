// Regenerates src/analysis/std-summaries.json from a Go source tree:
//
//   node scripts/std-summaries.mjs [GOROOT/src] [import path...]
//
// The source tree defaults to /usr/lib/go-1.26/src (Debian's golang-1.26-src);
// without import paths every package of the standard library is summarized
// (not internal/, cmd/, vendor/ or testdata). The engine's TypeScript is
// bundled with ncc into a temporary directory and run from there.
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const ncc = require('@vercel/ncc');
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [srcRoot = '/usr/lib/go-1.26/src', ...only] = process.argv.slice(2);
const out = join(root, 'src', 'analysis', 'std-summaries.json');

const work = mkdtempSync(join(tmpdir(), 'std-summaries-'));
try {
  const { code } = await ncc(join(root, 'scripts', 'summarize-std.ts'), { quiet: true, sourceMap: false, minify: false, license: '' });
  const esmDirname = "import { fileURLToPath as __fgToPath } from 'node:url';\nconst __filename = __fgToPath(import.meta.url);\nconst __dirname = __fgToPath(new URL('.', import.meta.url));\n";
  writeFileSync(join(work, 'summarize.mjs'), esmDirname + code);
  copyFileSync(require.resolve('web-tree-sitter/web-tree-sitter.wasm'), join(work, 'web-tree-sitter.wasm'));
  copyFileSync(join(dirname(require.resolve('tree-sitter-go/package.json')), 'tree-sitter-go.wasm'), join(work, 'tree-sitter-go.wasm'));
  const { summarizeStd, stdPackages, formatSummaries } = await import(pathToFileURL(join(work, 'summarize.mjs')).href);
  const started = Date.now();
  const summaries = await summarizeStd(srcRoot, only.length ? only : stdPackages(srcRoot));
  writeFileSync(out, formatSummaries(summaries));
  const count = Object.values(summaries.packages).reduce((n, p) => n + Object.keys(p).length, 0);
  console.log(`${count} summaries of ${Object.keys(summaries.packages).length} packages in ${((Date.now() - started) / 1000).toFixed(1)} s: ${out}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
