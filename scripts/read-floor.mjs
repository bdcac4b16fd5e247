// The Node read floor of the benchmark: walks a tree as the CLI does for
// DIR/... (the go tool's walk: no vendor, testdata, hidden or _ folders),
// reads each .go file and looks for the two names the prefilter looks for,
// and nothing else: what finalizer-guard cannot beat on one thread, whatever
// its analysis.
//
//   node scripts/read-floor.mjs TREE
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const names = ['SetFinalizer', 'AddCleanup'];
let files = 0;
let matching = 0;
const passedOver = (name) => name.startsWith('.') || name.startsWith('_') || name === 'vendor' || name === 'testdata';
const walk = (dir) => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (passedOver(entry.name)) continue;
    if (entry.isDirectory()) walk(path);
    else if (entry.isFile() && entry.name.endsWith('.go')) {
      const bytes = readFileSync(path);
      files++;
      if (names.some((name) => bytes.includes(name))) matching++;
    }
  }
};
walk(process.argv[2] ?? '.');
console.log(`${files} files read, ${matching} name a call`);
