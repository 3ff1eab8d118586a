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

phase "release build (wasm + server)"
omnistore_build

phase "browser end-to-end tests"
workdir=$(mktemp -d)
port=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
"$CARGO_TARGET_DIR/release/omnistore" serve --demo --addr "127.0.0.1:$port" \
  --database-url "sqlite://$workdir/e2e.db" --site-root target/site --mail-dir "$workdir/mail" >"$workdir/server.log" 2>&1 &
server_pid=$!
# The server finishes requests in flight for at most 10 s; if it does not
# stop it is killed, so a stuck test run can never hang CI.
cleanup() {
  kill "$server_pid" 2>/dev/null || true
  for _ in $(seq 1 75); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.2; done
  kill -9 "$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
  rm -rf "$workdir"
}
# What a failing run needs to be understood: the server's log and, if it no
# longer answers, where its threads are.
diagnose() {
  echo "--- server log"
  tail -50 "$workdir/server.log"
  if ! curl -fsS -m 5 "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && command -v gdb >/dev/null; then
    echo "--- the server does not answer; its threads:"
    gdb -p "$server_pid" -batch -ex "thread apply all bt 30" 2>/dev/null | grep -E '^(Thread|#)' | cut -c1-220 || true
  fi
}
trap cleanup EXIT
for _ in $(seq 1 100); do
  curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$workdir/server.log"; exit 1; }
  sleep 0.2
done
# A test that waits longer than 3 minutes has failed: it fails on its own
# instead of holding the run.
OMNISTORE_URL="http://127.0.0.1:$port" OMNISTORE_BIN="$CARGO_TARGET_DIR/release/omnistore" \
  node --test --test-concurrency=1 --test-timeout=180000 tests/e2e/ || { diagnose; exit 1; }
phase "done"
