#!/usr/bin/env bash
# Every test: unit and HTTP integration tests (cargo test), then the browser
# end-to-end tests (Playwright + Debian Chromium) against a release build
# served on a free 127.0.0.1 port with a fresh demo database.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$OMNISTORE_ROOT"

# Each phase says how long it took, so a slow one can be found in a CI log.
phase_start=0  # the first phase reported is the set-up
phase() {
  echo "== $1 (previous phase: $((SECONDS - phase_start)) s)"
  phase_start=$SECONDS
}
crates=(-p omnistore-components -p omnistore-app -p omnistore-server)

phase "Vendure (installed once; the HTTP tests run a shop on it)"
bash scripts/vendure.sh prepare

phase "building the unit and integration tests"
# Compiling is never bounded: a fresh 2-core machine needs well over 20
# minutes for it. Only the running of the tests is.
cargo test --no-run "${crates[@]}"

phase "unit and integration tests"
# A stuck test fails the run within 20 minutes instead of holding CI.
timeout --kill-after=30 1200 cargo test "${crates[@]}"

phase "HTTP integration tests on PostgreSQL"
# The same HTTP tests, each server on a database of its own in a private
# cluster started here (stopped when this script ends, or by itself if it
# is killed).
pg_dir=$(mktemp -d)
POSTGRES_PARENT_PID=$$ bash scripts/postgres.sh serve "$pg_dir/data" >"$pg_dir/url" 2>"$pg_dir/log" &
pg_pid=$!
for _ in $(seq 1 150); do
  grep -q '^url ' "$pg_dir/url" 2>/dev/null && break
  kill -0 "$pg_pid" 2>/dev/null || { cat "$pg_dir/log"; exit 1; }
  sleep 0.2
done
pg_url=$(sed -n 's/^url //p' "$pg_dir/url")
[ -n "$pg_url" ] || { echo "PostgreSQL did not start"; cat "$pg_dir/log"; exit 1; }
OMNISTORE_TEST_POSTGRES="$pg_url" timeout --kill-after=30 1200 \
  cargo test "${crates[@]}" --test http || { kill "$pg_pid"; wait "$pg_pid" || true; rm -rf "$pg_dir"; exit 1; }
kill "$pg_pid"
wait "$pg_pid" || true
rm -rf "$pg_dir"

phase "release build (wasm + server)"
omnistore_build

workdir=$(mktemp -d)
free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}
# Every process started here is stopped at the end: asked first (a server
# finishes requests in flight for at most 10 s), then killed, so a stuck
# test run can never hang CI.
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do
    for _ in $(seq 1 75); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  rm -rf "$workdir"
}
trap cleanup EXIT
# What a failing run needs to be understood: the server's log and, if it no
# longer answers, where its threads are.
diagnose() {
  echo "--- server log ($name)"
  tail -50 "$workdir/$name.log"
  if ! curl -fsS -m 5 "$url/healthz" >/dev/null 2>&1 && command -v gdb >/dev/null; then
    echo "--- the server does not answer; its threads:"
    gdb -p "$server_pid" -batch -ex "thread apply all bt 30" 2>/dev/null | grep -E '^(Thread|#)' | cut -c1-220 || true
  fi
}
# serve NAME [FLAGS…]: the release server with the demo data in a fresh
# database of its own, on a free port; sets url and server_pid.
serve() {
  name=$1
  shift
  local port
  port=$(free_port)
  "$CARGO_TARGET_DIR/release/omnistore" serve --demo --addr "127.0.0.1:$port" \
    --database-url "sqlite://$workdir/$name.db" --site-root target/site --mail-dir "$workdir/$name-mail" \
    "$@" >"$workdir/$name.log" 2>&1 &
  server_pid=$!
  pids+=("$server_pid")
  url="http://127.0.0.1:$port"
  for _ in $(seq 1 100); do
    curl -fsS "$url/healthz" >/dev/null 2>&1 && return 0
    kill -0 "$server_pid" 2>/dev/null || { cat "$workdir/$name.log"; exit 1; }
    sleep 0.2
  done
}

phase "browser end-to-end tests"
serve builtin
# A test that waits longer than 3 minutes has failed: it fails on its own
# instead of holding the run.
OMNISTORE_URL="$url" OMNISTORE_BIN="$CARGO_TARGET_DIR/release/omnistore" \
  node --test --test-concurrency=1 --test-timeout=180000 tests/e2e/ || { diagnose; exit 1; }

phase "browser end-to-end tests on Vendure"
# Vendure with a fresh copy of its sample catalog (it exits by itself if
# this script is gone), and the shop in front of it.
vendure_port=$(free_port)
VENDURE_PARENT_PID=$$ bash scripts/vendure.sh serve --sample --port "$vendure_port" --data "$workdir/vendure" \
  >"$workdir/vendure.log" 2>&1 &
vendure_pid=$!
pids+=("$vendure_pid")
for _ in $(seq 1 240); do
  curl -fsS -H 'content-type: application/json' -d '{"query":"{ activeChannel { code } }"}' \
    "http://127.0.0.1:$vendure_port/shop-api" >/dev/null 2>&1 && break
  kill -0 "$vendure_pid" 2>/dev/null || { cat "$workdir/vendure.log"; exit 1; }
  sleep 0.5
done
serve on-vendure --backend vendure --vendure-url "http://127.0.0.1:$vendure_port"
OMNISTORE_URL="$url" node --test --test-concurrency=1 --test-timeout=180000 tests/e2e-vendure/ ||
  { diagnose; tail -30 "$workdir/vendure.log"; exit 1; }
phase "done"
