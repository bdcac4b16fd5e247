// Runs finalizer-guard over a fixed corpus of real Go code from Debian packages
// and compares the findings with test/corpus-expected.json.
//
//   node scripts/corpus.mjs            (npm run corpus)
//
// Installs the Debian packages of the corpus when they are missing (only as
// root, with apt-get), runs `dist/cli.js --format json ./...` in each corpus
// root, prints the counts per corpus and per rule, and exits 1 with a diff when
// the findings differ from the expectation, 0 when they are identical.
// Build the CLI first: `npm run build`.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist', 'cli.js');
const expectedFile = join(root, 'test', 'corpus-expected.json');

/** The corpus: Debian install locations are fixed, so they are spelled out. */
const corpora = [
  { name: 'go-std', pkg: 'golang-1.19-src', root: '/usr/lib/go-1.19/src' },
  {
    name: 'git2go',
    pkg: 'golang-github-libgit2-git2go-v34-dev',
    root: '/usr/share/gocode/src/github.com/libgit2/git2go',
  },
  { name: 'gotk3', pkg: 'golang-github-gotk3-gotk3-dev', root: '/usr/share/gocode/src/github.com/gotk3/gotk3' },
  {
    name: 'go-sqlite3',
    pkg: 'golang-github-mattn-go-sqlite3-dev',
    root: '/usr/share/gocode/src/github.com/mattn/go-sqlite3',
  },
];

function fail(message) {
  console.error(`corpus: ${message}`);
  process.exit(2);
}

function installedVersion(pkg) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}\t${Version}', pkg], { encoding: 'utf8' });
  if (r.error || r.status !== 0) return undefined;
  const [status, version] = r.stdout.split('\t');
  return status.endsWith(' installed') ? version : undefined;
}

function ensurePackages() {
  const missing = corpora.filter((c) => !installedVersion(c.pkg) || !existsSync(c.root)).map((c) => c.pkg);
  if (missing.length === 0) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    fail(
      `missing Debian packages: ${missing.join(' ')}\n` +
        `  install them as root: apt-get install -y ${missing.join(' ')}\n` +
        '  (this script installs them itself only when run as root)',
    );
  }
  console.log(`installing ${missing.join(' ')} ...`);
  const r = spawnSync('apt-get', ['install', '-y', ...missing], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (r.error || r.status !== 0) fail(`apt-get install failed (exit ${r.status ?? r.error?.message})`);
  for (const c of corpora) if (!existsSync(c.root)) fail(`${c.pkg} is installed but ${c.root} does not exist`);
}

/** Runs the CLI in the corpus root so reported paths are relative to it. */
function analyze(corpus) {
  const started = Date.now();
  const r = spawnSync(process.execPath, [cli, '--format', 'json', '--fail-on', 'never', './...'], {
    cwd: corpus.root,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (r.error) fail(`${corpus.name}: cannot run the CLI: ${r.error.message}`);
  if (r.status !== 0) fail(`${corpus.name}: the CLI exited with ${r.status}\n${r.stderr}`);
  let report;
  try {
    report = JSON.parse(r.stdout);
  } catch (e) {
    fail(`${corpus.name}: the CLI did not print JSON: ${e.message}`);
  }
  return { report, seconds: (Date.now() - started) / 1000 };
}

const key = (f) => `${f.corpus}\t${f.path}\t${f.line}\t${f.ruleId}`;
const byPlace = (a, b) =>
  a.corpus.localeCompare(b.corpus) || a.path.localeCompare(b.path) || a.line - b.line || a.ruleId.localeCompare(b.ruleId);

if (!existsSync(cli)) fail('dist/cli.js not found; build it first with `npm run build`');
if (!existsSync(expectedFile)) fail('test/corpus-expected.json not found');
const expected = JSON.parse(readFileSync(expectedFile, 'utf8'));
if (!Array.isArray(expected)) fail('test/corpus-expected.json must be a JSON array');

ensurePackages();

const actual = [];
const messages = new Map();
const rules = new Set();
const perCorpus = [];
for (const corpus of corpora) {
  const { report, seconds } = analyze(corpus);
  const counts = {};
  for (const f of report.findings) {
    counts[f.ruleId] = (counts[f.ruleId] ?? 0) + 1;
    rules.add(f.ruleId);
    const finding = { corpus: corpus.name, path: f.path, line: f.line, ruleId: f.ruleId };
    actual.push(finding);
    messages.set(key(finding), f.message);
  }
  perCorpus.push({ corpus, version: installedVersion(corpus.pkg), stats: report.stats, counts, total: report.findings.length, seconds });
}

const ruleIds = [...rules].sort();
console.log('corpus       package version            sites  files  findings  ' + ruleIds.map((r) => r.padStart(6)).join('') + '  time');
for (const p of perCorpus) {
  console.log(
    p.corpus.name.padEnd(12) +
      ' ' +
      (p.version ?? '?').padEnd(26) +
      String(p.stats?.sites ?? '?').padStart(5) +
      String(p.stats?.files ?? '?').padStart(7) +
      String(p.total).padStart(10) +
      '  ' +
      ruleIds.map((r) => String(p.counts[r] ?? 0).padStart(6)).join('') +
      `  ${p.seconds.toFixed(1)}s`,
  );
}
const totals = ruleIds.map((r) => perCorpus.reduce((n, p) => n + (p.counts[r] ?? 0), 0));
console.log(
  'total'.padEnd(12) +
    ' '.repeat(27) +
    String(perCorpus.reduce((n, p) => n + (p.stats?.sites ?? 0), 0)).padStart(5) +
    String(perCorpus.reduce((n, p) => n + (p.stats?.files ?? 0), 0)).padStart(7) +
    String(actual.length).padStart(10) +
    '  ' +
    totals.map((n) => String(n).padStart(6)).join(''),
);

const actualKeys = new Set(actual.map(key));
const expectedKeys = new Set(expected.map(key));
const unexpected = actual.filter((f) => !expectedKeys.has(key(f))).sort(byPlace);
const missing = expected.filter((f) => !actualKeys.has(key(f))).sort(byPlace);

if (unexpected.length === 0 && missing.length === 0) {
  console.log(`\ncorpus: ${actual.length} findings, identical to test/corpus-expected.json`);
  process.exit(0);
}
console.log('\ncorpus: findings differ from test/corpus-expected.json');
for (const f of unexpected) console.log(`+ ${f.corpus} ${f.path}:${f.line} ${f.ruleId}  ${messages.get(key(f)) ?? ''}`);
for (const f of missing) console.log(`- ${f.corpus} ${f.path}:${f.line} ${f.ruleId}`);
console.log(
  `(${unexpected.length} not expected, ${missing.length} expected but not reported; ` +
    'see docs/real-world.md before changing the expectation)',
);
process.exit(1);
