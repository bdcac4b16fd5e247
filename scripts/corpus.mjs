// Runs finalizer-guard over a fixed corpus of real Go code from Debian packages
// and compares the findings with test/corpus-expected.json.
//
//   node scripts/corpus.mjs            (npm run corpus)
//
// A corpus package that is installed is read where Debian installs it. One that
// is not is fetched with `apt-get download` and unpacked with `dpkg-deb -x`
// into a cache directory: only the Go sources are read, so nothing is installed
// and no system package can be upgraded or removed (installing these -dev
// packages would pull in C libraries, and on Debian 12 point-release upgrades of
// glib, systemd and others). Trixie packages need the low-pinned trixie source
// that scripts/install-go.sh adds. The script then runs
// `dist/cli.js --format json ./...` in each corpus root, prints the counts and
// time per corpus and per rule, and exits 1 with a diff when the findings
// differ from the expectation, 0 when they are identical.
// Build the CLI first: `npm run build`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cacheDir, corpora, locate, present, run } from './corpus-list.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist', 'cli.js');
const expectedFile = join(root, 'test', 'corpus-expected.json');
const installGo = join(root, 'scripts', 'install-go.sh');

function fail(message) {
  console.error(`corpus: ${message}`);
  process.exit(2);
}

const aptKnowsSuite = (suite) => run('apt-cache', ['policy']).stdout.includes(`n=${suite},`);

/** Downloads and unpacks the missing packages; apt-get needs root only to refresh its lists. */
function fetchMissing(missing) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot) {
    console.log('apt-get update ...');
    if (!run('apt-get', ['update', '-qq']).ok) fail('apt-get update failed');
  }
  const needsTrixie = missing.some((c) => c.suite.startsWith('trixie'));
  if (needsTrixie && !aptKnowsSuite('trixie')) {
    if (!isRoot) fail('apt has no trixie source; run scripts/install-go.sh as root (it adds one, pinned low)');
    if (!existsSync(installGo)) fail('apt has no trixie source and scripts/install-go.sh is missing');
    console.log('adding the low-pinned trixie source with scripts/install-go.sh ...');
    if (spawnSync('bash', [installGo], { stdio: 'inherit' }).status !== 0) fail('scripts/install-go.sh failed');
    // install-go.sh adds the source (and updates apt's lists) only when it installs Go 1.26 itself.
    if (!aptKnowsSuite('trixie')) fail('apt still has no trixie source; add the low-pinned one scripts/install-go.sh writes');
  }
  const work = mkdtempSync(join(tmpdir(), 'fg-corpus-'));
  mkdirSync(cacheDir, { recursive: true });
  try {
    for (const pkg of new Set(missing.map((c) => `${c.pkg}/${c.suite}`))) {
      console.log(`fetching ${pkg} ...`);
      const got = run('apt-get', ['download', '-qq', pkg], { cwd: work });
      const name = pkg.split('/')[0];
      const deb = readdirSync(work).find((f) => f.startsWith(`${name}_`) && f.endsWith('.deb'));
      if (!got.ok || !deb) fail(`apt-get download ${pkg} failed\n${got.stderr}`);
      const version = decodeURIComponent(deb.slice(name.length + 1).split('_')[0]);
      const partial = join(work, `${name}.unpacked`);
      const r = run('dpkg-deb', ['-x', join(work, deb), partial]);
      if (!r.ok) fail(`dpkg-deb -x ${deb} failed\n${r.stderr}`);
      renameSync(partial, join(cacheDir, `${name}_${version}`));
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Resolves each corpus to the directory its sources are in, fetching what is missing. */
function resolveCorpora() {
  const missing = corpora.filter((c) => !locate(c.pkg));
  if (missing.length > 0) fetchMissing(missing);
  return corpora.map((c) => {
    const where = locate(c.pkg);
    if (!where) fail(`${c.pkg} could not be fetched`);
    return present(c) ?? fail(`${c.pkg} ${where.version} has no ${c.root}`);
  });
}

/** Runs the CLI in the corpus root so reported paths are relative to it. */
function analyze(corpus) {
  const started = Date.now();
  const r = spawnSync(process.execPath, [cli, '--format', 'json', '--fail-on', 'never', '--no-cache', './...'], {
    cwd: corpus.dir,
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

const resolved = resolveCorpora();

const actual = [];
const messages = new Map();
const rules = new Set();
const perCorpus = [];
for (const corpus of resolved) {
  const { report, seconds } = analyze(corpus);
  const counts = {};
  for (const f of report.findings) {
    counts[f.ruleId] = (counts[f.ruleId] ?? 0) + 1;
    rules.add(f.ruleId);
    const finding = { corpus: corpus.name, path: f.path, line: f.line, ruleId: f.ruleId };
    actual.push(finding);
    messages.set(key(finding), f.message);
  }
  perCorpus.push({ corpus, stats: report.stats, counts, total: report.findings.length, seconds });
}

const ruleIds = [...rules].sort();
const nameWidth = Math.max(...resolved.map((c) => c.name.length)) + 1;
const versionWidth = Math.max(...resolved.map((c) => c.version.length)) + 1;
const cells = (values) => values.map((v) => String(v).padStart(6)).join('');
console.log(
  'corpus'.padEnd(nameWidth) +
    'version'.padEnd(versionWidth) +
    'sites  files  findings  ' +
    ruleIds.map((r) => r.padStart(6)).join('') +
    '    time',
);
for (const p of perCorpus) {
  console.log(
    p.corpus.name.padEnd(nameWidth) +
      p.corpus.version.padEnd(versionWidth) +
      String(p.stats?.sites ?? '?').padStart(5) +
      String(p.stats?.files ?? '?').padStart(7) +
      String(p.total).padStart(10) +
      '  ' +
      cells(ruleIds.map((r) => p.counts[r] ?? 0)) +
      `${p.seconds.toFixed(1).padStart(7)}s`,
  );
}
const sum = (f) => perCorpus.reduce((n, p) => n + f(p), 0);
console.log(
  'total'.padEnd(nameWidth + versionWidth) +
    String(sum((p) => p.stats?.sites ?? 0)).padStart(5) +
    String(sum((p) => p.stats?.files ?? 0)).padStart(7) +
    String(actual.length).padStart(10) +
    '  ' +
    cells(ruleIds.map((r) => sum((p) => p.counts[r] ?? 0))) +
    `${sum((p) => p.seconds).toFixed(1).padStart(7)}s`,
);
const slowest = perCorpus.reduce((a, b) => (b.seconds > a.seconds ? b : a));
console.log(`slowest: ${slowest.corpus.name} (${slowest.corpus.pkg}), ${slowest.seconds.toFixed(1)}s`);

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
