// Benchmark of the finalizer-guard CLI (issue 4). Prints figures; it never
// fails on time. It exits 1 only when a run with shortcuts finds something
// different from a run that parses every file (MISMATCH), or on a setup error.
//
//   node scripts/bench.mjs [--runs N] [--keep] [--skip-std] [--skip-synthetic] [--skip-pr] [--skip-module] [--skip-full] [--skip-pathological] [--cli FILE]
//
// Trees: the Go 1.19, 1.23 and 1.26 standard libraries (Debian packages
// golang-1.NN-src, at /usr/lib/go-1.NN/src or /usr/share/go-1.NN/src; the
// installed release nearest to 1.23 stands in when it is not installed) and a
// synthetic monorepo generated in a temporary directory (10,000 .go files in
// 500 packages, deterministic content), with a pull-request check of it run
// by the built Action, split into start-up, git and analysis. Then
// the hostile shapes of test/support/pathological.mjs at full size, and the
// slowest packages of the real-world corpus when npm run corpus has fetched
// it: every package directory with a call timed once, the slowest few again.
// Needs dist/cli.js: run `node scripts/build.mjs` first.
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { slowInputs } from '../test/support/pathological.mjs';
import { corpora, present } from './corpus-list.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// Debian's golang-1.NN-src puts the tree under /usr/share; golang-1.NN-go links it from /usr/lib.
const stdTreeOf = (release) => [`/usr/lib/go-${release}/src`, `/usr/share/go-${release}/src`].find((tree) => existsSync(tree)) ?? `/usr/lib/go-${release}/src`;
const readFloor = join(root, 'scripts', 'read-floor.mjs');

const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
const cliArg = argv.indexOf('--cli');
const cli = cliArg >= 0 ? resolve(argv[cliArg + 1] ?? '') : join(root, 'dist', 'cli.js');
const runsArg = argv.indexOf('--runs');
const runs = runsArg >= 0 ? Math.max(1, Number(argv[runsArg + 1]) || 1) : 3;
if (flag('--help') || flag('-h')) {
  console.log('usage: node scripts/bench.mjs [--runs N] [--keep] [--skip-std] [--skip-synthetic] [--skip-pr] [--skip-module] [--skip-full] [--skip-pathological] [--cli FILE]');
  console.log('  --runs N          runs per timed figure, the median is printed (default 3)');
  console.log('  --keep            keep the generated synthetic tree and print where it is');
  console.log('  --skip-std        skip the Go standard libraries');
  console.log('  --skip-synthetic  skip the synthetic monorepo and the CLI\'s PR check of it');
  console.log('  --skip-pr         skip the Action\'s PR check and its split (quick: with every other --skip-*, only it runs)');
  console.log('  --skip-module     skip the generated module of 2,000 packages');
  console.log('  --skip-full       skip the --no-shortcuts runs (and so the findings check)');
  console.log('  --skip-pathological  skip the hostile inputs and the slowest corpus packages');
  console.log('  --cli FILE        benchmark another build of the CLI (default dist/cli.js)');
  process.exit(0);
}

let scratch;
function die(message) {
  console.error(`bench: ${message}`);
  if (scratch && !flag('--keep')) rmSync(scratch, { recursive: true, force: true });
  process.exit(2);
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

function aptInstall(pkg) {
  console.log(`bench: installing Debian package ${pkg} with apt-get`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  let r = spawnSync('apt-get', ['install', '-y', '-q', pkg], { stdio: 'inherit', env });
  if (r.status !== 0) {
    spawnSync('apt-get', ['update', '-q'], { stdio: 'inherit', env });
    r = spawnSync('apt-get', ['install', '-y', '-q', pkg], { stdio: 'inherit', env });
  }
  return r.status === 0;
}

function onPath(command) {
  return (process.env.PATH ?? '').split(':').some((d) => d && existsSync(join(d, command)));
}

// ---------------------------------------------------------------- measuring

// Wall time comes from the parent's monotonic clock around the child; peak RSS
// from GNU time (%M, kilobytes) when present. Without it, a node child reports
// its own getrusage maxrss through a preloaded module.
let gnuTime = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
if (!gnuTime && isRoot && aptInstall('time') && existsSync('/usr/bin/time')) gnuTime = '/usr/bin/time';
scratch = mkdtempSync(join(tmpdir(), 'fg-bench-'));
const rssFile = join(scratch, 'rss.txt');
const rssPreload = join(scratch, 'rss-preload.mjs');
writeFileSync(
  rssPreload,
  "import { writeFileSync } from 'node:fs';\n" +
    "process.on('exit', () => {\n" +
    '  const { maxRSS, userCPUTime, systemCPUTime } = process.resourceUsage();\n' +
    `  writeFileSync(${JSON.stringify(rssFile)}, \`\${maxRSS} \${(userCPUTime + systemCPUTime) / 1e6}\`);\n` +
    '});\n',
);

/** Runs command once; wall seconds, peak RSS in MB and CPU seconds (NaN if unknown), exit status, stdout. */
function measureOnce(command, args, options = {}) {
  let file = command;
  let list = args;
  rmSync(rssFile, { force: true });
  // The child's own getrusage counts CPU in microseconds, where GNU time rounds to 10 ms: the PR check's parts need it.
  const ownUsage = command === process.execPath && (!gnuTime || options.ownUsage);
  if (!ownUsage && gnuTime) {
    file = gnuTime;
    list = ['-f', '%e %M %U %S', '-o', rssFile, command, ...args];
  } else if (ownUsage) {
    list = ['--import', rssPreload, ...args];
  }
  const start = process.hrtime.bigint();
  const r = spawnSync(file, list, { cwd: options.cwd, env: options.env, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  if (r.error) die(`cannot run ${command}: ${r.error.message}`);
  let rssKb = NaN;
  let cpu = NaN;
  if (existsSync(rssFile)) {
    const fields = (readFileSync(rssFile, 'utf8').trim().split('\n').pop() ?? '').split(' ').map(Number);
    // GNU time: wall, peak RSS, user and system CPU; the preload: peak RSS and CPU.
    [rssKb, cpu] = ownUsage ? [fields[0], fields[1]] : [fields[1], fields[2] + fields[3]];
  }
  return { wall, rss: rssKb / 1024, cpu, status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

/** Runs n times; the median wall and CPU, the largest peak RSS, and the last run's output. */
function measure(command, args, n, options = {}) {
  const results = [];
  for (let i = 0; i < n; i++) results.push(measureOnce(command, args, options));
  const last = results[results.length - 1];
  return { ...last, wall: median(results.map((r) => r.wall)), cpu: median(results.map((r) => r.cpu)), rss: Math.max(...results.map((r) => r.rss)) };
}

/** The CLI without its result cache, unless args name one. */
function runCli(args, n, cwd) {
  const cache = args.includes('--cache-dir') ? [] : ['--no-cache'];
  const r = measure(process.execPath, [cli, '--format', 'json', ...cache, ...args], n, { cwd });
  if (r.status !== 0 && r.status !== 1) die(`finalizer-guard ${args.join(' ')} exited ${r.status}:\n${r.stderr}`);
  let report;
  try {
    report = JSON.parse(r.stdout);
  } catch {
    die(`finalizer-guard ${args.join(' ')} did not print JSON:\n${r.stdout.slice(0, 500)}`);
  }
  return { ...r, report };
}

// ---------------------------------------------------------------- trees

/** .go files under dir (every one, testdata and vendor included; or only dir's own), their lines and bytes. */
function treeSize(dir, recursive = true) {
  let files = 0;
  let lines = 0;
  let bytes = 0;
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) {
        if (recursive) walk(p);
      } else if (e.isFile() && e.name.endsWith('.go')) {
        const buf = readFileSync(p);
        files++;
        bytes += buf.length;
        for (let i = buf.indexOf(10); i !== -1; i = buf.indexOf(10, i + 1)) lines++;
      }
    }
  };
  walk(dir);
  return { files, lines, mb: bytes / 1e6 };
}

/** How many of the corpus's slowest package directories the bench times again and shows. */
const slowestShown = 3;

/** The package directories under root, as `./...` walks them, with a .go file that names SetFinalizer or AddCleanup. */
function directoriesWithCalls(root) {
  const found = [];
  const walk = (d) => {
    const entries = readdirSync(d, { withFileTypes: true });
    if (entries.some((e) => e.isFile() && e.name.endsWith('.go') && /SetFinalizer|AddCleanup/.test(readFileSync(join(d, e.name), 'latin1')))) found.push(d);
    for (const e of entries) if (e.isDirectory() && !/^[._]|^testdata$|^vendor$/.test(e.name)) walk(join(d, e.name));
  };
  walk(root);
  return found;
}

/** Go 1.19's standard library, installed with apt-get when missing and running as root. */
function ensureGo119() {
  const tree = stdTreeOf('1.19');
  if (existsSync(tree)) return true;
  if (!isRoot) {
    console.log(`bench: ${tree} is missing; install it as root with \`apt-get install golang-1.19-src\` (Debian/Ubuntu). Skipping it.`);
    return false;
  }
  if (!aptInstall('golang-1.19-src') || !existsSync(tree)) {
    console.log('bench: could not install golang-1.19-src; skipping it.');
    return false;
  }
  return true;
}

/** The Go releases under /usr/lib or /usr/share (go-1.NN) that hold their standard library's source, by minor version. */
function installedGo() {
  return [...new Set(['/usr/lib', '/usr/share'].flatMap((dir) => readdirSync(dir)))]
    .map((name) => /^go-1\.(\d+)$/.exec(name)?.[1])
    .filter((minor) => minor !== undefined && existsSync(stdTreeOf(`1.${minor}`)))
    .map(Number)
    .sort((a, b) => a - b);
}

/**
 * The standard libraries measured: Go 1.19, 1.23 and 1.26. When 1.23 is not
 * installed (Debian no longer ships it), the installed release between them
 * nearest to it stands in, and the label says which one it is.
 */
function stdTrees() {
  const trees = [];
  if (ensureGo119()) trees.push('1.19');
  const installed = installedGo();
  const middle = installed.filter((m) => m > 19 && m < 26).sort((a, b) => Math.abs(a - 23) - Math.abs(b - 23) || a - b)[0];
  if (middle === undefined) console.log('bench: no Go release between 1.19 and 1.26 is installed (apt-get install golang-1.24-src); skipping the one in place of 1.23');
  else {
    if (middle !== 23) console.log(`bench: Go 1.23's source is not installed (${stdTreeOf('1.23')}); Go 1.${middle} stands in for it`);
    trees.push(`1.${middle}`);
  }
  if (installed.includes(26)) trees.push('1.26');
  else console.log(`bench: ${stdTreeOf('1.26')} is missing (apt-get install golang-1.26-src); skipping it`);
  return trees;
}

// A small deterministic PRNG (mulberry32), so every run generates the same tree.
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const words = ['order', 'item', 'user', 'cache', 'queue', 'index', 'entry', 'batch', 'token', 'route', 'store', 'event', 'shard', 'frame', 'span', 'node', 'lease', 'quota', 'blob', 'table'];
const cap = (s) => s[0].toUpperCase() + s.slice(1);

/** An ordinary Go file: types, methods, loops, switches, closures; no finalizer. */
function plainFile(rand, pkg, index, mentionFinalizer) {
  const pick = (xs) => xs[Math.floor(rand() * xs.length)];
  const out = [`// Code in package ${pkg}, file ${index}.`, `package ${pkg}`, '', 'import (', '\t"errors"', '\t"fmt"', '\t"sort"', '\t"strings"', '\t"sync"', ')', ''];
  out.push(`var errEmpty${index} = errors.New("${pkg}: empty")`, '');
  const types = 1 + Math.floor(rand() * 4);
  for (let t = 0; t < types; t++) {
    const name = `${cap(pick(words))}${cap(pick(words))}${index}x${t}`;
    out.push(`// ${name} holds some state of the ${pkg} service.`, `type ${name} struct {`, '\tmu    sync.Mutex', '\tname  string', '\tcount int', `\titems []string`, `\tbyKey map[string]*${name}`, `\tnext  *${name}`, '}', '');
    out.push(`func New${name}(name string) *${name} {`, `\treturn &${name}{name: name, byKey: map[string]*${name}{}}`, '}', '');
    const methods = 1 + Math.floor(rand() * 4);
    for (let m = 0; m < methods; m++) {
      const body = [];
      body.push(`func (x *${name}) ${cap(pick(words))}${m}(keys []string, limit int) (int, error) {`);
      if (mentionFinalizer && t === 0 && m === 0) body.push('\t// Callers must not rely on runtime.SetFinalizer to release x; call Close.');
      body.push('\tx.mu.Lock()', '\tdefer x.mu.Unlock()', '\tif len(keys) == 0 {', `\t\treturn 0, errEmpty${index}`, '\t}', '\ttotal := 0');
      body.push('\tfor i, k := range keys {', '\t\tif i >= limit {', '\t\t\tbreak', '\t\t}', '\t\tswitch {', '\t\tcase strings.HasPrefix(k, "-"):', '\t\t\tdelete(x.byKey, k[1:])');
      body.push('\t\tcase k == "":', '\t\t\tcontinue', '\t\tdefault:', `\t\t\tchild, ok := x.byKey[k]`, '\t\t\tif !ok {', `\t\t\t\tchild = New${name}(k)`, '\t\t\t\tx.byKey[k] = child', '\t\t\t}', '\t\t\tchild.count++', '\t\t\ttotal += child.count');
      body.push('\t\t}', '\t}', '\tx.items = append(x.items, keys...)', '\tsort.Strings(x.items)');
      const extra = Math.floor(rand() * 4);
      for (let e = 0; e < extra; e++) {
        body.push(`\tfn${e} := func(s string) string {`, `\t\treturn fmt.Sprintf("%s/%d/%s", x.name, ${e}, strings.ToUpper(s))`, '\t}', `\tif v := fn${e}(x.name); len(v) > limit {`, `\t\ttotal += len(v) % ${e + 3}`, '\t}');
      }
      body.push('\treturn total, nil', '}', '');
      out.push(...body);
    }
  }
  const funcs = 1 + Math.floor(rand() * 3);
  for (let f = 0; f < funcs; f++) {
    out.push(`// Join${index}x${f} joins parts the way the ${pkg} protocol wants.`, `func Join${index}x${f}(parts ...string) string {`, '\tvar b strings.Builder', '\tfor i, p := range parts {', '\t\tif i > 0 {', '\t\t\tb.WriteByte(\'/\')', '\t\t}', '\t\tb.WriteString(p)', '\t}', '\treturn b.String()', '}', '');
  }
  return out.join('\n');
}

/** A file with finalizer sites; variant picks the shape, some of them cycles. */
function finalizerFile(pkg, index, variant) {
  const head = [`// Resource handling of package ${pkg}.`, `package ${pkg}`, '', 'import (', '\t"os"', '\t"runtime"', ')', ''];
  const T = `Res${index}`;
  const shapes = [
    // A cycle through a pool: the finalizer never runs (FG001).
    [`type ${T}Pool struct {`, `\tconns []*${T}`, '}', '', `type ${T} struct {`, `\tpool *${T}Pool`, '\tfd   int', '}', '', `func (p *${T}Pool) Open(fd int) *${T} {`, `\tc := &${T}{pool: p, fd: fd}`, '\tp.conns = append(p.conns, c)', `\truntime.SetFinalizer(c, (*${T}).release)`, '\treturn c', '}', '', `func (c *${T}) release() { c.fd = -1 }`],
    // A finalizer closure that captures its own object (FG003).
    [`type ${T} struct {`, '\tf *os.File', '}', '', `func Open${T}(name string) (*${T}, error) {`, '\tf, err := os.Open(name)', '\tif err != nil {', '\t\treturn nil, err', '\t}', `\tr := &${T}{f: f}`, `\truntime.SetFinalizer(r, func(_ *${T}) { r.f.Close() })`, '\treturn r, nil', '}'],
    // A self-referencing object (FG001).
    [`type ${T} struct {`, `\tself *${T}`, '\tn    int', '}', '', `func New${T}() *${T} {`, `\tn := &${T}{}`, '\tn.self = n', `\truntime.SetFinalizer(n, func(n *${T}) { n.n = 0 })`, '\treturn n', '}'],
    // Correct: a method expression on a plain object.
    [`type ${T} struct {`, '\tfd   int', '\tname string', '\tbuf  []byte', '}', '', `func New${T}(fd int) *${T} {`, `\th := &${T}{fd: fd, buf: make([]byte, 4096)}`, `\truntime.SetFinalizer(h, (*${T}).close)`, '\treturn h', '}', '', `func (h *${T}) close() { h.fd = -1 }`],
  ];
  return [...head, ...shapes[variant % shapes.length], ''].join('\n');
}

/** 500 packages of 20 files; every 40th package (13 of them) holds 3 finalizer files, 8 more only mention SetFinalizer in a comment. */
function generateSynthetic(dir) {
  const rand = prng(20240604);
  writeFileSync(join(dir, 'go.mod'), 'module example.com/monorepo\n\ngo 1.22\n');
  const finalizerPackages = [];
  const allPackages = [];
  let site = 0;
  for (let p = 0; p < 500; p++) {
    const group = `svc${String(Math.floor(p / 20)).padStart(2, '0')}`;
    const name = `${words[p % words.length]}${p}`;
    const pdir = join(dir, 'services', group, name);
    mkdirSync(pdir, { recursive: true });
    const hasFinalizers = p % 40 === 7;
    const mentions = !hasFinalizers && p % 60 === 11;
    for (let f = 0; f < 20; f++) {
      const path = join(pdir, `${name}_${String(f).padStart(2, '0')}.go`);
      const text = hasFinalizers && f < 3 ? finalizerFile(name, p * 100 + f, site++) : plainFile(rand, name, p * 100 + f, mentions && f === 0);
      writeFileSync(path, text);
    }
    allPackages.push(pdir);
    if (hasFinalizers) finalizerPackages.push(pdir);
  }
  return { finalizerPackages, allPackages, sites: site };
}

/**
 * A module of `packages` packages: `sites` of them set a finalizer on an
 * object they hand to a chain of three other packages of the module (a
 * constructor, a method that keeps its argument, a type two packages away);
 * the rest import each other and never reach those chains. The work should
 * follow the packages the sites reach, not the module's size.
 */
function generateModule(dir, packages, sites) {
  writeFileSync(join(dir, 'go.mod'), 'module example.com/big\n\ngo 1.22\n');
  const write = (rel, text) => {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  };
  for (let s = 0; s < sites; s++) {
    write(`chain/c${s}/handle/handle.go`, `package handle\n\ntype Handle struct {\n\tFD    int32\n\tFlags uint32\n}\n`);
    write(`chain/c${s}/registry/registry.go`, `package registry\n\nimport "example.com/big/chain/c${s}/handle"\n\ntype Registry struct {\n\titems []any\n\tlast  handle.Handle\n}\n\nfunc New() *Registry { return &Registry{} }\n\nfunc (r *Registry) Add(v any) { r.items = append(r.items, v) }\n`);
    write(`chain/c${s}/conn/conn.go`, `package conn\n\nimport "example.com/big/chain/c${s}/registry"\n\ntype Conn struct {\n\treg *registry.Registry\n}\n\nfunc Open(r *registry.Registry) *Conn {\n\tc := &Conn{reg: r}\n\tr.Add(c)\n\treturn c\n}\n`);
    write(`site${s}/site.go`, `package site${s}\n\nimport (\n\t"runtime"\n\n\t"example.com/big/chain/c${s}/conn"\n\t"example.com/big/chain/c${s}/registry"\n)\n\nfunc Start() *conn.Conn {\n\tc := conn.Open(registry.New())\n\truntime.SetFinalizer(c, func(*conn.Conn) {})\n\treturn c\n}\n`);
  }
  for (let p = 0; p < packages - sites * 4; p++) {
    const name = `p${String(p).padStart(4, '0')}`;
    const dep = p > 0 ? `p${String(p - 1).padStart(4, '0')}` : undefined;
    const imports = dep ? `import "example.com/big/pkgs/${dep}"\n\n` : '';
    const call = dep ? `\t${dep}.Work(n - 1)\n` : '';
    write(`pkgs/${name}/${name}.go`, `package ${name}\n\n${imports}type Item struct {\n\tnext *Item\n\tn    int\n}\n\nfunc Work(n int) *Item {\n${call}\treturn &Item{n: n}\n}\n`);
    write(`pkgs/${name}/more.go`, `package ${name}\n\nfunc (i *Item) Len() int {\n\tif i == nil {\n\t\treturn 0\n\t}\n\treturn 1 + i.next.Len()\n}\n`);
  }
}

// ---------------------------------------------------------------- report

const rows = [];
const fmt = (x, digits) => (Number.isFinite(x) ? x.toFixed(digits) : 'n/a');
function row(tree, size, what, r, floor, readFloorWall) {
  rows.push({
    tree,
    files: size ? String(size.files) : '',
    lines: size ? String(size.lines) : '',
    mb: size ? fmt(size.mb, 1) : '',
    what,
    wall: fmt(r.wall, 2),
    rss: fmt(r.rss, 0),
    rate: size ? fmt(size.mb / r.wall, 1) : '',
    ratio: floor ? fmt(r.wall / floor, 1) + '×' : '',
    readRatio: readFloorWall ? fmt(r.wall / readFloorWall, 1) + '×' : '',
  });
}

let mismatch = false;
function compareFindings(label, fast, full, other = 'without shortcuts') {
  const a = JSON.stringify(fast.report.findings);
  const b = JSON.stringify(full.report.findings);
  if (a === b) {
    console.log(`${label}: findings identical with shortcuts and ${other} (${fast.report.findings.length} findings)`);
    return;
  }
  mismatch = true;
  console.log(`MISMATCH ${label}: ${fast.report.findings.length} findings with shortcuts, ${full.report.findings.length} ${other}`);
  const key = (f) => `${f.ruleId} ${f.path}:${f.line}:${f.column} ${f.message}`;
  const fastKeys = new Set(fast.report.findings.map(key));
  const fullKeys = new Set(full.report.findings.map(key));
  for (const k of fullKeys) if (!fastKeys.has(k)) console.log(`  only without shortcuts: ${k}`);
  for (const k of fastKeys) if (!fullKeys.has(k)) console.log(`  only with shortcuts:    ${k}`);
}

function benchTree(label, tree, cwd) {
  console.log(`bench: measuring ${label} (${tree})`);
  const size = treeSize(tree);
  const grep = measure('grep', ['-rl', '-E', 'SetFinalizer|AddCleanup', tree], runs);
  if (grep.status !== 0 && grep.status !== 1) die(`grep failed: ${grep.stderr}`);
  row(label, size, 'grep -rl (floor)', grep, grep.wall);
  // Node reading and prefiltering the files the CLI walks, and nothing more.
  const read = measure(process.execPath, [readFloor, tree], runs);
  if (read.status !== 0) die(`the read floor failed: ${read.stderr}`);
  row(label, size, 'node read and prefilter (floor)', read, grep.wall, read.wall);
  const fast = runCli([`${tree}/...`], runs, cwd);
  row(label, size, 'finalizer-guard', fast, grep.wall, read.wall);
  const stats = fast.report.stats;
  console.log(`${label}: ${stats.files} files in Go packages analyzed, ${stats.parsedFiles} parsed, ${stats.packages} packages with calls, ${stats.sites} sites, ${fast.report.findings.length} findings`);
  // The result cache: the first run fills an empty one, the next ones read it.
  const cacheDir = join(scratch, `cache ${label}`);
  const cold = runCli(['--cache-dir', cacheDir, `${tree}/...`], 1, cwd);
  row(label, size, 'finalizer-guard, empty cache (fills it)', cold, grep.wall, read.wall);
  const warm = runCli(['--cache-dir', cacheDir, `${tree}/...`], runs, cwd);
  row(label, size, 'finalizer-guard, warm cache', warm, grep.wall, read.wall);
  compareFindings(label, fast, warm, 'from a warm cache');
  if (!flag('--skip-full')) {
    const full = runCli(['--no-shortcuts', `${tree}/...`], 1, cwd);
    row(label, size, 'finalizer-guard --no-shortcuts', full, grep.wall, read.wall);
    compareFindings(label, fast, full);
  }
  return { size, grep, fast };
}

/** Runs git in dir; its output, or the setup dies. */
function gitIn(dir, args) {
  const r = spawnSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@example.com', ...args], { cwd: dir, encoding: 'utf8' });
  if (r.status !== 0) die(`git ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout.trim();
}

/**
 * The wall time git took in a run, from the trace2 events every git process
 * wrote: the union of the processes' lifetimes (calls run at once count once).
 */
function gitTime(traceFile) {
  if (!existsSync(traceFile)) return { calls: 0, wall: 0 };
  const spans = new Map();
  for (const line of readFileSync(traceFile, 'utf8').split('\n')) {
    if (!line) continue;
    const e = JSON.parse(line);
    const at = Date.parse(e.time) / 1000;
    if (e.event === 'start') spans.set(e.sid, { from: at - e.t_abs, to: at });
    else if (e.event === 'atexit' && spans.has(e.sid)) spans.get(e.sid).to = at;
  }
  let wall = 0;
  let end = -Infinity;
  for (const { from, to } of [...spans.values()].sort((a, b) => a.from - b.from)) {
    wall += Math.max(0, to - Math.max(from, end));
    end = Math.max(end, to);
  }
  return { calls: spans.size, wall };
}

/**
 * The pull-request check as the Actions runner runs it: the built Action on a
 * git repository holding the chosen packages, whose pull request changes the
 * chosen files; no token, so annotations and no API. Split into the bundle's
 * start-up (the same Action with no event: it loads and stops), the git calls
 * (from git's own trace), the rest (the analysis), and what a token adds: the
 * API client's load, with the one request it makes refused at once.
 */
function actionCheck(synthDir, packages, files) {
  const action = join(root, 'dist', 'index.js');
  if (!existsSync(action)) die('dist/index.js is missing: run `node scripts/build.mjs` first');
  const repo = join(scratch, 'pr-repo');
  mkdirSync(repo);
  cpSync(join(synthDir, 'go.mod'), join(repo, 'go.mod'));
  for (const p of packages) cpSync(p, join(repo, relative(synthDir, p)), { recursive: true });
  gitIn(repo, ['init', '-q', '-b', 'main']);
  gitIn(repo, ['add', '-A']);
  gitIn(repo, ['commit', '-q', '-m', 'base']);
  const base = gitIn(repo, ['rev-parse', 'HEAD']);
  for (const f of files) appendFileSync(join(repo, f), '\n// Changed by the pull request.\n');
  gitIn(repo, ['commit', '-q', '-a', '-m', 'head']);
  const head = gitIn(repo, ['rev-parse', 'HEAD']);
  const runner = join(scratch, 'runner');
  mkdirSync(runner);
  const event = join(runner, 'event.json');
  writeFileSync(event, JSON.stringify({ number: 1, pull_request: { number: 1, base: { sha: base }, head: { sha: head } }, repository: { full_name: 'bench/monorepo' } }));
  const trace = join(runner, 'git-trace.json');
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: runner,
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: event,
    GITHUB_WORKSPACE: repo,
    GITHUB_REPOSITORY: 'bench/monorepo',
    GITHUB_SHA: head,
    GITHUB_OUTPUT: join(runner, 'output'),
    GITHUB_STATE: join(runner, 'state'),
    GITHUB_STEP_SUMMARY: join(runner, 'summary.md'),
    RUNNER_TEMP: runner,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_TRACE2_EVENT: trace,
    'INPUT_GITHUB-TOKEN': '',
    INPUT_REPORT: 'annotations',
    'INPUT_FAIL-ON': 'never',
    'INPUT_CACHE-DIR': 'off',
  };
  // The runner creates these files before the step; @actions/core writes only into existing ones.
  for (const file of [env.GITHUB_OUTPUT, env.GITHUB_STATE, env.GITHUB_STEP_SUMMARY]) writeFileSync(file, '');
  /** The Action's runs on the pull request: the median wall and CPU, and the git time of each run from git's trace. */
  const check = (extraEnv) => {
    const results = [];
    for (let i = 0; i < runs; i++) {
      rmSync(trace, { force: true });
      const r = measureOnce(process.execPath, [action], { cwd: repo, env: { ...env, ...extraEnv }, ownUsage: true });
      if (r.status !== 0) die(`the Action failed on the pull request (exit ${r.status}):\n${r.stdout.slice(-1000)}${r.stderr.slice(-1000)}`);
      results.push({ ...r, git: gitTime(trace) });
    }
    return {
      wall: median(results.map((r) => r.wall)),
      cpu: median(results.map((r) => r.cpu)),
      rss: Math.max(...results.map((r) => r.rss)),
      git: median(results.map((r) => r.git.wall)),
      calls: results[0].git.calls,
      stdout: results[0].stdout,
    };
  };
  const checked = check({});
  // With a token, report: auto loads the client to create a check run; the API refuses the connection at once and the run falls back to annotations.
  const withApi = check({ 'INPUT_GITHUB-TOKEN': 'bench-token', INPUT_REPORT: 'auto', GITHUB_API_URL: 'http://127.0.0.1:1', FINALIZER_GUARD_API_DELAY_MS: '1' });
  if (!withApi.stdout.includes('Could not create a check run')) die(`the Action with a token did not try the API:\n${withApi.stdout.slice(-1000)}`);
  const { GITHUB_EVENT_NAME, ...noEvent } = env;
  const startup = measure(process.execPath, [action], runs, { cwd: repo, env: noEvent, ownUsage: true });
  const parts = [
    ['end to end (no token: annotations, no API)', checked],
    ['start-up and bundle load (no event: it loads and stops)', startup],
    [`${checked.calls} git calls (the union of their lifetimes)`, { wall: checked.git, cpu: NaN }],
    ['analysis and the rest', { wall: checked.wall - startup.wall - checked.git, cpu: checked.cpu - startup.cpu }],
    ['API client load and one refused check run (with a token, beyond the run without)', { wall: withApi.wall - checked.wall, cpu: withApi.cpu - checked.cpu }],
  ];
  row('PR check (Action)', undefined, `${files.length} files in ${packages.length} packages, end to end`, checked);
  const share = (x) => `${fmt((100 * x) / checked.wall, 0)}%`;
  console.log(`PR check (Action), ${files.length} files in ${packages.length} packages, Node ${process.version}, load ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores:`);
  console.log('| part | wall s | share | CPU s |');
  console.log('|---|---:|---:|---:|');
  for (const [what, r] of parts) console.log(`| ${what} | ${fmt(r.wall, 3)} | ${share(r.wall)} | ${fmt(r.cpu, 3)} |`);
}

const machine = `${availableParallelism()} cores (${cpus()[0]?.model ?? 'unknown CPU'}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB memory, node ${process.version}`;
console.log(`bench: ${machine}`);
console.log(`bench: ${runs} run(s) per figure, median wall; peak RSS from ${gnuTime ? 'GNU time %M' : 'the child\'s getrusage'}`);
if (!existsSync(cli)) die('dist/cli.js is missing: run `node scripts/build.mjs` first');

const startup = measure(process.execPath, [cli, '--version'], runs);
row('(none)', undefined, 'node dist/cli.js --version', startup);

const stdResults = new Map();
if (!flag('--skip-std')) for (const release of stdTrees()) stdResults.set(release, benchTree(`go${release} std`, stdTreeOf(release), stdTreeOf(release)));
const stdResult = stdResults.get('1.19');

let synthDir;
if (!flag('--skip-synthetic') || !flag('--skip-pr')) {
  synthDir = join(scratch, 'monorepo');
  mkdirSync(synthDir);
  const gen = generateSynthetic(synthDir);
  console.log(`bench: generated ${gen.allPackages.length} packages, ${gen.finalizerPackages.length} with ${gen.sites} finalizer sites, in ${synthDir}`);
  // A pull-request check: 50 changed files in 10 packages, 5 of them with finalizers.
  const others = gen.allPackages.filter((p) => !gen.finalizerPackages.includes(p));
  const chosen = [...gen.finalizerPackages.slice(0, 5), ...others.filter((_, i) => i % 97 === 3).slice(0, 5)];
  const files = chosen.flatMap((p) => readdirSync(p).filter((n) => n.endsWith('.go')).sort().slice(0, 5).map((n) => relative(synthDir, join(p, n))));
  if (!flag('--skip-synthetic')) {
    benchTree('synthetic', synthDir, synthDir);
    const pr = runCli(files, runs, synthDir);
    row('PR check', undefined, `${files.length} files in ${chosen.length} packages`, pr);
    console.log(`PR check: ${pr.report.stats.files} files analyzed (whole packages), ${pr.report.findings.length} findings; minus process start, analysis ≈ ${fmt(pr.wall - startup.wall, 2)} s`);
  }
  if (!flag('--skip-pr')) actionCheck(synthDir, chosen, files);
}

if (!flag('--skip-pathological')) {
  // The hostile shapes at the sizes they were first measured at (minutes each before they were made linear).
  for (const [name, files] of Object.entries(slowInputs(1))) {
    const dir = join(scratch, 'pathological', name);
    mkdirSync(dir, { recursive: true });
    for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
    const r = runCli(['./...'], runs, dir);
    row('pathological', treeSize(dir), name, r);
    console.log(`pathological ${name}: ${fmt(r.wall, 2)} s, ${r.report.stats.sites} sites, ${r.report.stats.steps} steps, ${r.report.findings.length} findings`);
  }
  // The real-world corpus's slowest packages, where npm run corpus left them: each directory with a call, once, then the slowest again.
  const callers = corpora.map(present).filter(Boolean).flatMap((corpus) => directoriesWithCalls(corpus.dir).map((dir) => ({ corpus, dir })));
  if (callers.length) {
    console.log(`bench: timing the ${callers.length} corpus package directories with a SetFinalizer or AddCleanup call`);
    for (const c of callers) c.wall = runCli(['--fail-on', 'never', '.'], 1, c.dir).wall;
    for (const c of callers.sort((a, b) => b.wall - a.wall).slice(0, slowestShown)) {
      const r = runCli(['--fail-on', 'never', '.'], runs, c.dir);
      const name = `${c.corpus.name} ${relative(c.corpus.dir, c.dir) || '.'}`;
      row(`corpus: ${name}`, treeSize(c.dir, false), 'finalizer-guard DIR', r);
      console.log(`corpus ${name}: ${fmt(r.wall, 2)} s, ${r.report.stats.parsedFiles} files parsed, ${r.report.stats.sites} sites, ${r.report.stats.steps} steps`);
    }
  } else {
    console.log('bench: the corpus packages skipped: run `npm run corpus` once to fetch the corpus');
  }
}

if (!flag('--skip-module')) {
  // The same dozen sites in a module of 2,000 packages and of 500: the analysis should cost the same.
  for (const packages of [2000, 500]) {
    const dir = join(scratch, `module-${packages}`);
    mkdirSync(dir);
    generateModule(dir, packages, 12);
    const size = treeSize(dir);
    // Reading every file is the part of `./...` that grows with the module: grep is its floor.
    const grep = measure('grep', ['-rl', '-E', 'SetFinalizer|AddCleanup', dir], runs);
    row(`module of ${packages} packages`, size, 'grep -rl (floor)', grep, grep.wall);
    const r = runCli(['./...'], runs, dir);
    const stats = r.report.stats;
    row(`module of ${packages} packages`, size, '12 sites reaching 3 packages each', r, grep.wall);
    console.log(
      `module of ${packages} packages: ${fmt(r.wall, 2)} s wall (${fmt(r.wall - grep.wall, 2)} s beyond grep) for ${stats.sites} sites reaching ${stats.modulePackages} other packages; ` +
        `${stats.parsedFiles} files of the analyzed packages parsed, ${stats.steps} steps, ${r.report.findings.length} findings`,
    );
  }
}

if (stdResult) {
  // Debian installs staticcheck as go-staticcheck.
  const staticcheck = ['staticcheck', 'go-staticcheck'].find(onPath);
  if (staticcheck) {
    console.log(`bench: running ${staticcheck} -checks SA5005 std (this can take minutes when its cache is cold)`);
    const sc = measure(staticcheck, ['-checks', 'SA5005', 'std'], 1, { cwd: scratch });
    if (sc.status !== 0 && sc.status !== 1) console.log(`bench: staticcheck exited ${sc.status}: ${sc.stderr.trim().split('\n').slice(-3).join(' | ')}`);
    row('go1.19 std', stdResult.size, 'staticcheck -checks SA5005 std', sc, stdResult.grep.wall);
    console.log(`staticcheck / finalizer-guard wall: ${fmt(sc.wall / stdResult.fast.wall, 1)}×`);
  } else {
    console.log('bench: staticcheck skipped: not on PATH (Debian: `apt-get install go-staticcheck`)');
  }
}

const header = ['tree', '.go files', 'lines', 'MB', 'run', 'wall s', 'peak RSS MB', 'MB/s', '× grep', '× node read'];
const cells = rows.map((r) => [r.tree, r.files, r.lines, r.mb, r.what, r.wall, r.rss, r.rate, r.ratio, r.readRatio]);
console.log('');
console.log(`| ${header.join(' | ')} |`);
console.log(`|${header.map((_, i) => (i >= 1 && i !== 4 ? '---:' : '---')).join('|')}|`);
for (const c of cells) console.log(`| ${c.join(' | ')} |`);
console.log('');
console.log('targets: every std end to end ≤ 1.0 s wall cold and within 5× grep, ≤ 200 MB peak RSS; a warm cache within 2× the node read floor; PR check analysis ≤ 0.3 s; each pathological input and the slowest corpus package ≤ 2 s');

if (flag('--keep') && synthDir) console.log(`bench: kept the synthetic tree in ${synthDir}`);
else rmSync(scratch, { recursive: true, force: true });
if (mismatch) {
  console.log('MISMATCH: shortcuts changed the findings');
  process.exit(1);
}
