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
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist', 'cli.js');
const expectedFile = join(root, 'test', 'corpus-expected.json');
const installGo = join(root, 'scripts', 'install-go.sh');
const cacheDir = join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'finalizer-guard', 'corpus');

const gocode = (importPath) => `/usr/share/gocode/src/${importPath}`;
/** A Debian Go library package, taken from trixie unless said otherwise. */
const library = (name, pkg, importPath, suite = 'trixie') => ({ name, pkg, suite, root: gocode(importPath) });

/** The corpus: Debian install locations are fixed, so they are spelled out. */
const corpora = [
  { name: 'go-std', pkg: 'golang-1.19-src', suite: 'bookworm', root: '/usr/lib/go-1.19/src' },
  { name: 'go-std-1.26', pkg: 'golang-1.26-src', suite: 'trixie-backports', root: '/usr/lib/go-1.26/src' },
  library('git2go', 'golang-github-libgit2-git2go-v34-dev', 'github.com/libgit2/git2go', 'bookworm'),
  library('gotk3', 'golang-github-gotk3-gotk3-dev', 'github.com/gotk3/gotk3', 'bookworm'),
  library('go-sqlite3', 'golang-github-mattn-go-sqlite3-dev', 'github.com/mattn/go-sqlite3', 'bookworm'),
  library('go-gir', 'golang-gir-gobject-2.0-dev', 'github.com/linuxdeepin/go-gir/gobject-2.0'),
  library('soci', 'golang-github-awslabs-soci-snapshotter-dev', 'github.com/awslabs/soci-snapshotter'),
  library('lmdb-go', 'golang-github-bmatsuo-lmdb-go-dev', 'github.com/bmatsuo/lmdb-go'),
  library('containers-storage', 'golang-github-containers-storage-dev', 'github.com/containers/storage'),
  library('zstd', 'golang-github-datadog-zstd-dev', 'github.com/DataDog/zstd'),
  library('docker', 'golang-github-docker-docker-dev', 'github.com/docker/docker'),
  library('buildkit', 'golang-github-docker-docker-dev', 'github.com/moby/buildkit'),
  library('go-oniguruma', 'golang-github-go-enry-go-oniguruma-dev', 'github.com/go-enry/go-oniguruma'),
  library('crawshaw', 'golang-github-go-llsqlite-crawshaw-dev', 'github.com/go-llsqlite/crawshaw'),
  library('google-gopacket', 'golang-github-google-gopacket-dev', 'github.com/google/gopacket'),
  library('gousb', 'golang-github-google-gousb-dev', 'github.com/google/gousb'),
  library('gopacket', 'golang-github-gopacket-gopacket-dev', 'github.com/gopacket/gopacket'),
  library('influxdb', 'golang-github-influxdb-influxdb-dev', 'github.com/influxdata/influxdb'),
  library('go-udev', 'golang-github-jochenvg-go-udev-dev', 'github.com/jochenvg/go-udev'),
  library('grpc-compression', 'golang-github-mostynb-go-grpc-compression-dev', 'github.com/mostynb/go-grpc-compression'),
  library('patrickmn-cache', 'golang-github-patrickmn-go-cache-dev', 'github.com/patrickmn/go-cache'),
  library('pmylund-cache', 'golang-github-pmylund-go-cache-dev', 'github.com/pmylund/go-cache'),
  library('rjeczalik-notify', 'golang-github-rjeczalik-notify-dev', 'github.com/rjeczalik/notify'),
  library('robfig-cache', 'golang-github-robfig-go-cache-dev', 'github.com/robfig/go-cache'),
  library('libseccomp', 'golang-github-seccomp-libseccomp-golang-dev', 'github.com/seccomp/libseccomp-golang'),
  library('ostree-go', 'golang-github-sjoerdsimons-ostree-go-dev', 'github.com/sjoerdsimons/ostree-go/pkg'),
  library('snapd', 'golang-github-snapcore-snapd-dev', 'github.com/snapcore/snapd'),
  library('syncthing-notify', 'golang-github-syncthing-notify-dev', 'github.com/syncthing/notify'),
  library('goleveldb', 'golang-github-syndtr-goleveldb-dev', 'github.com/syndtr/goleveldb/leveldb'),
  library('crypto11', 'golang-github-thalesignite-crypto11-dev', 'github.com/ThalesIgnite/crypto11'),
  library('notmuch', 'golang-github-zenhack-go.notmuch-dev', 'github.com/zenhack/go.notmuch'),
  library('x-exp', 'golang-golang-x-exp-dev', 'golang.org/x/exp'),
  // trixie's go-yara is a newer major version; bookworm's is the one examined.
  library('go-yara', 'golang-github-hillu-go-yara-dev', 'github.com/hillu/go-yara', 'bookworm'),
  library('logrus', 'golang-github-sirupsen-logrus-dev', 'github.com/sirupsen/logrus'),
  library('go-internal', 'golang-github-rogpeppe-go-internal-dev', 'github.com/rogpeppe/go-internal'),
  library('missinggo', 'golang-github-anacrolix-missinggo-dev', 'github.com/anacrolix/missinggo'),
];

function fail(message) {
  console.error(`corpus: ${message}`);
  process.exit(2);
}

function run(command, args, options = {}) {
  const r = spawnSync(command, args, { encoding: 'utf8', ...options });
  return { ok: !r.error && r.status === 0, stdout: r.stdout ?? '', stderr: r.stderr ?? r.error?.message ?? '' };
}

function installedVersion(pkg) {
  const r = run('dpkg-query', ['-W', '-f=${Status}\t${Version}', pkg]);
  if (!r.ok) return undefined;
  const [status, version] = r.stdout.split('\t');
  return status.endsWith(' installed') ? version : undefined;
}

/** The unpacked copy of a package: cacheDir/<package>_<version>, if there is one. */
function unpacked(pkg) {
  if (!existsSync(cacheDir)) return undefined;
  const entry = readdirSync(cacheDir).find((e) => e.startsWith(`${pkg}_`));
  return entry && { dir: join(cacheDir, entry), version: entry.slice(pkg.length + 1) };
}

/** Where each package's files are: the system for installed packages, else the cache. */
function locate(pkg) {
  const version = installedVersion(pkg);
  if (version) return { prefix: '/', version, installed: true };
  const copy = unpacked(pkg);
  return copy && { prefix: copy.dir, version: copy.version, installed: false };
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
    const dir = join(where.prefix, c.root);
    if (!existsSync(dir)) fail(`${c.pkg} ${where.version} has no ${c.root}`);
    return { ...c, dir, version: where.version };
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
