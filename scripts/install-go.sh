#!/usr/bin/env bash
# Installs the Go toolchains the runtime oracle (test/oracle.test.ts) runs
# fixtures under: Debian 12's Go 1.19 (golang-go, as `go`) and Go 1.26 from
# trixie-backports (/usr/lib/go-1.26/bin/go), pinned low so that no other
# package is ever upgraded. Needs root and apt-get. Does nothing when both are
# there; refuses any install plan that would upgrade or remove a package.
set -euo pipefail

GO126=/usr/lib/go-1.26/bin/go
SOURCES=/etc/apt/sources.list.d/finalizer-guard-trixie.sources
PINS=/etc/apt/preferences.d/finalizer-guard-trixie

go_release() { "$1" env GOVERSION 2>/dev/null | sed -n 's/^go\([0-9]*\.[0-9]*\).*/\1/p'; }
have_go119() { command -v go >/dev/null 2>&1 && [ "$(go_release go)" = 1.19 ]; }
have_go126() { [ -x "$GO126" ] && [ "$(go_release "$GO126")" = 1.26 ]; }

report() {
  echo "install-go: go is $(go env GOVERSION), $GO126 is $("$GO126" env GOVERSION)"
}

if have_go119 && have_go126; then
  report
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-go: apt-get not found; install Go 1.19 (as 'go', or set FG_GO119) and Go 1.26 (at $GO126, or set FG_GO126) by hand" >&2
  exit 1
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "install-go: needs root: sudo bash $0" >&2
  exit 1
fi

# The URIs:/Signed-By: of the first stanza of the system's deb822 source, if there is one.
first_stanza_field() {
  local file=/etc/apt/sources.list.d/debian.sources
  [ -r "$file" ] || return 0
  awk -v key="$1:" 'BEGIN{RS=""} NR==1{for(i=1;i<=NF;i++) if($i==key){print $(i+1); exit}}' "$file"
}

if ! have_go126 && [ ! -e "$SOURCES" ]; then
  uri=$(first_stanza_field URIs)
  key=$(first_stanza_field Signed-By)
  cat > "$SOURCES" <<SRC
Types: deb
URIs: ${uri:-http://deb.debian.org/debian}
Suites: trixie trixie-backports
Components: main
Signed-By: ${key:-/usr/share/keyrings/debian-archive-keyring.gpg}
SRC
  # Below the default priority (500): nothing comes from trixie unless asked for by -t.
  cat > "$PINS" <<'PIN'
Package: *
Pin: release n=trixie
Pin-Priority: 50

Package: *
Pin: release n=trixie-backports
Pin-Priority: 50
PIN
fi

apt-get update -qq

# Installs "$@" (apt-get arguments) unless the plan upgrades or removes any package.
install_safely() {
  local plan
  plan=$(apt-get install -s "$@")
  # "Inst pkg [old] (new ...)" is an upgrade; "Remv pkg" a removal.
  if grep -E '^(Remv |Inst \S+ \[)' <<<"$plan" >&2; then
    echo "install-go: 'apt-get install $*' would upgrade or remove the packages above; refusing" >&2
    exit 1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

if ! have_go119; then
  install_safely golang-go
  if ! have_go119; then
    echo "install-go: installed golang-go, but 'go' on PATH is $(go env GOVERSION 2>/dev/null || echo missing); put /usr/lib/go-1.19/bin first or set FG_GO119" >&2
    exit 1
  fi
fi
have_go126 || install_safely -t trixie-backports golang-1.26-go
report
