// The real-world corpus: Debian Go packages whose code sets finalizers or
// cleanups, and where their sources are on this machine (installed, or
// unpacked by scripts/corpus.mjs into its cache). Shared by scripts/corpus.mjs,
// which fetches what is missing and checks the findings, and scripts/bench.mjs,
// which times the corpus's slowest packages.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export const cacheDir = join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'finalizer-guard', 'corpus');

const gocode = (importPath) => `/usr/share/gocode/src/${importPath}`;
/** A Debian Go library package, taken from trixie unless said otherwise. */
const library = (name, pkg, importPath, suite = 'trixie') => ({ name, pkg, suite, root: gocode(importPath) });

/** The corpus: Debian install locations are fixed, so they are spelled out. */
export const corpora = [
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

export function run(command, args, options = {}) {
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
export function locate(pkg) {
  const version = installedVersion(pkg);
  if (version) return { prefix: '/', version, installed: true };
  const copy = unpacked(pkg);
  return copy && { prefix: copy.dir, version: copy.version, installed: false };
}

/** A corpus entry with its source directory on this machine and its package's version; undefined when the package or the directory is missing. */
export function present(corpus) {
  const where = locate(corpus.pkg);
  const dir = where && join(where.prefix, corpus.root);
  return dir && existsSync(dir) ? { ...corpus, dir, version: where.version } : undefined;
}
