#!/usr/bin/env bash
# Vendure for omnistore's `--backend vendure`: installed once from npm (the
# versions pinned in scripts/vendure/package-lock.json) into a cache outside
# the repo, then run on 127.0.0.1 with its own SQLite file.
#
#   scripts/vendure.sh install
#       Installs or updates the packages (better-sqlite3 compiles from
#       source here: about 2 minutes the first time). Quick when done.
#   scripts/vendure.sh prepare
#       install, and make the sample catalog's copy (the test command runs
#       this before the tests, so that no test waits for an install).
#   scripts/vendure.sh serve --port PORT --data DIR [--sample]
#       Runs Vendure in the foreground on PORT with DIR/vendure.sqlite and
#       its photographs in DIR/assets, created if missing: empty, or with
#       --sample a copy of Vendure's own sample catalog (populated once, then
#       kept beside the packages).
#       Superadmin: $OMNISTORE_VENDURE_ADMIN_USER / _PASSWORD
#       (default superadmin / superadmin).
#
# OMNISTORE_VENDURE_HOME moves the cache (default ~/.cache/omnistore/vendure).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
home="${OMNISTORE_VENDURE_HOME:-$HOME/.cache/omnistore/vendure}"
log() { printf '\033[1;32m[vendure]\033[0m %s\n' "$*" >&2; }

lock_hash() { sha256sum "$here/vendure/package-lock.json" | cut -c1-16; }
# The sample copy is made anew when the packages or the server's
# configuration (its schema: custom fields) change.
template_hash() { cat "$here/vendure/package-lock.json" "$here/vendure/server.js" | sha256sum | cut -c1-16; }

install() {
  local want
  want="$(lock_hash)"
  if [ -f "$home/.installed" ] && [ "$(cat "$home/.installed")" = "$want" ]; then
    return 0
  fi
  log "installing Vendure into $home (better-sqlite3 compiles from source: ~2 min)"
  mkdir -p "$home"
  cp "$here/vendure/package.json" "$here/vendure/package-lock.json" "$home/"
  (cd "$home" && npm ci --no-audit --no-fund --loglevel=error)
  # Check the native module really loads before calling the install done.
  (cd "$home" && node -e "require('better-sqlite3')(':memory:').close()")
  echo "$want" >"$home/.installed"
}

free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

run_node() {
  (cd "$home" && NODE_PATH="$home/node_modules" VENDURE_HOME="$home" node "$here/vendure/server.js")
}

# Vendure's sample catalog, its SQLite file and its photographs, made once
# per installed version in a folder beside the packages.
sample_template() {
  local template
  template="$home/sample-$(template_hash)"
  if [ ! -f "$template/vendure.sqlite" ]; then
    log "populating Vendure's sample catalog (once)"
    local work
    work="$(mktemp -d)"
    VENDURE_PORT="$(free_port)" VENDURE_DB="$work/vendure.sqlite" VENDURE_POPULATE=1 \
      VENDURE_PARENT_PID=$$ run_node >"$work/populate.log" 2>&1 || {
      cat "$work/populate.log" >&2
      rm -rf "$work"
      exit 1
    }
    rm -f "$work/populate.log"
    chmod 755 "$work"
    rm -rf "$home"/sample-*
    mv "$work" "$template"
  fi
  echo "$template"
}

serve() {
  local port="" data="" sample=0
  while [ $# -gt 0 ]; do
    case "$1" in
      --port) port="$2"; shift 2 ;;
      --data) data="$2"; shift 2 ;;
      --sample) sample=1; shift ;;
      *) echo "unknown option: $1" >&2; exit 2 ;;
    esac
  done
  [ -n "$port" ] && [ -n "$data" ] || { echo "usage: $0 serve --port PORT --data DIR [--sample]" >&2; exit 2; }
  install
  mkdir -p "$data"
  data="$(cd "$data" && pwd)"
  if [ ! -f "$data/vendure.sqlite" ] && [ "$sample" = 1 ]; then
    local template
    template="$(sample_template)"
    cp "$template/vendure.sqlite" "$data/vendure.sqlite"
    # Vendure only adds files next to the photographs (sizes it makes on
    # request): links to the template's are a copy that costs nothing, where
    # both are on one file system.
    rm -rf "$data/assets"
    cp -al "$template/assets" "$data/assets" 2>/dev/null ||
      { rm -rf "$data/assets"; cp -a "$template/assets" "$data/assets"; }
  fi
  export VENDURE_PORT="$port" VENDURE_DB="$data/vendure.sqlite"
  export VENDURE_ADMIN_USER="${OMNISTORE_VENDURE_ADMIN_USER:-superadmin}"
  export VENDURE_ADMIN_PASSWORD="${OMNISTORE_VENDURE_ADMIN_PASSWORD:-superadmin}"
  export VENDURE_PARENT_PID="${VENDURE_PARENT_PID:-$PPID}"
  export NODE_PATH="$home/node_modules" VENDURE_HOME="$home"
  # Vendure writes files of its own in its working folder: keep them out of the repo.
  cd "$home"
  exec node "$here/vendure/server.js"
}

case "${1:-}" in
  install) install ;;
  prepare) install; sample_template >/dev/null ;;
  serve) shift; serve "$@" ;;
  *) echo "usage: $0 install | prepare | serve --port PORT --data DIR [--sample]" >&2; exit 2 ;;
esac
