#!/usr/bin/env bash
# A private, throw-away PostgreSQL cluster for the tests (and for trying
# omnistore on PostgreSQL by hand): Debian's `postgresql` binaries, a data
# folder of its own, 127.0.0.1 on a free port, the socket in the data
# folder. No system service, nothing owned by root, nothing left behind.
#
#   scripts/postgres.sh serve DIR
#       Runs the cluster in the foreground with its data in DIR (created
#       with initdb if empty) and prints `url postgres://…` on stdout once it
#       accepts connections; stops it (fast shutdown) on SIGTERM/SIGINT, or
#       when the process POSTGRES_PARENT_PID (if set) has ended. With
#       POSTGRES_REMOVE=1 it deletes DIR after stopping.
#
# initdb and postgres refuse to run as root: as root the cluster runs as the
# `postgres` user (created if missing) on a folder that user owns.
# The cluster trusts connections from 127.0.0.1 (only this machine's users
# can reach it) and does not fsync (it holds test data only) unless
# POSTGRES_DURABLE=1.
set -euo pipefail
log() { printf '\033[1;32m[postgres]\033[0m %s\n' "$*" >&2; }

bin_dir() {
  local initdb
  initdb=$(ls -d /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n1)
  [ -n "$initdb" ] || { log "PostgreSQL is not installed (Debian: apt-get install postgresql)"; exit 1; }
  dirname "$initdb"
}

free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

# stop DIR PID: asks the cluster in DIR to stop at once, and waits.
stop() {
  local server
  server=$(head -n1 "$1/postmaster.pid" 2>/dev/null || true)
  [ -n "$server" ] && kill -INT "$server" 2>/dev/null || true
  wait "$2" 2>/dev/null || true
  if [ "${POSTGRES_REMOVE:-}" = 1 ]; then rm -rf "$1"; fi
}

serve() {
  local dir=$1 bin port as=() pid
  bin=$(bin_dir)
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --home-dir /nonexistent --shell /usr/sbin/nologin postgres
    chown postgres "$dir"
    # The postgres user must be able to reach the folder (mktemp makes 700).
    chmod o+x "$(dirname "$dir")"
    as=(runuser -u postgres --)
  fi
  if [ ! -f "$dir/PG_VERSION" ]; then
    "${as[@]}" "$bin/initdb" --pgdata="$dir" --username=omnistore --auth=trust \
      --encoding=UTF8 --locale=C.UTF-8 >"$dir.initdb.log" 2>&1 ||
      { cat "$dir.initdb.log" >&2; exit 1; }
    rm -f "$dir.initdb.log"
  fi
  port=$(free_port)
  # Test data only: no waiting for the disk, unless POSTGRES_DURABLE=1
  # (benchmarks: an acknowledged write is on disk, as in production).
  local speed=(-c fsync=off -c synchronous_commit=off -c full_page_writes=off)
  [ "${POSTGRES_DURABLE:-}" = 1 ] && speed=()
  "${as[@]}" "$bin/postgres" -D "$dir" -p "$port" -c listen_addresses=127.0.0.1 \
    -c unix_socket_directories="$dir" "${speed[@]}" \
    -c max_connections=500 -c log_min_messages=warning \
    >"$dir/server.log" 2>&1 &
  pid=$!
  # Fast shutdown on the way out: connections are cut, the folder is freed.
  # (The server's own pid: runuser does not pass signals on.)
  trap 'stop "$dir" "$pid"' EXIT
  trap 'exit 0' TERM INT
  for _ in $(seq 1 100); do
    if "$bin/pg_isready" -q -h 127.0.0.1 -p "$port"; then
      echo "url postgres://omnistore@127.0.0.1:$port/postgres"
      # Until told to stop, or the parent (the test script) is gone.
      while kill -0 "$pid" 2>/dev/null; do
        if [ -n "${POSTGRES_PARENT_PID:-}" ] && ! kill -0 "$POSTGRES_PARENT_PID" 2>/dev/null; then
          exit 0
        fi
        sleep 1
      done
      log "the cluster stopped:"; tail -20 "$dir/server.log" >&2; exit 1
    fi
    kill -0 "$pid" 2>/dev/null || { tail -20 "$dir/server.log" >&2; exit 1; }
    sleep 0.2
  done
  log "the cluster did not start in 20 s"; tail -20 "$dir/server.log" >&2; exit 1
}

case "${1:-}" in
  serve) shift; serve "$@" ;;
  *) echo "usage: $0 serve DIR" >&2; exit 2 ;;
esac
