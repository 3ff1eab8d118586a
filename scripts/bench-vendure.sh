#!/usr/bin/env bash
# Figures for the Vendure back end beside the built-in one, on the same shop:
# a fresh Vendure is seeded with the demo catalog (`omnistore vendure-seed`,
# default shape: 640 products, the demo's stores), and the built-in back end
# gets the same demo. Reports:
#   - how long Vendure's set-up takes (install when needed, start, seed);
#   - listing and product pages under wrk: built-in, Vendure with the
#     catalog cache warm (default time to live), and Vendure cold
#     (--vendure-cache-ttl 0: every page reads Vendure);
#   - round trips to Vendure per page kind, warm and cold (counted from
#     omnistore's debug log: one line per call).
# Run after a release build (scripts/start.sh or scripts/test.sh). Everything
# listens on free 127.0.0.1 ports and is stopped at the end.
#   WRK_CONNECTIONS (50), WRK_SECONDS (10), WRK_THREADS (2)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$OMNISTORE_ROOT"
bin="$CARGO_TARGET_DIR/release/omnistore"
[ -x "$bin" ] || { echo "no release build at $bin: run scripts/test.sh or scripts/start.sh first" >&2; exit 1; }

workdir=$(mktemp -d)
pids=()
trap 'kill "${pids[@]}" 2>/dev/null; wait "${pids[@]}" 2>/dev/null; rm -rf "$workdir"' EXIT
free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}
wait_up() {
  for _ in $(seq 1 300); do curl -fsS "$1" >/dev/null 2>&1 && return 0; sleep 0.2; done
  echo "nothing answered at $1" >&2
  exit 1
}

started=$SECONDS
bash scripts/vendure.sh install
installed=$SECONDS
vendure_port=$(free_port)
vendure="http://127.0.0.1:$vendure_port"
VENDURE_PARENT_PID=$$ bash scripts/vendure.sh serve --port "$vendure_port" --data "$workdir/vendure" \
  >"$workdir/vendure.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 600); do
  curl -fsS -o /dev/null -H 'content-type: application/json' -d '{"query":"{ activeChannel { code } }"}' \
    "$vendure/shop-api" 2>/dev/null && break
  sleep 0.2
done
up=$SECONDS
"$bin" vendure-seed --vendure-url "$vendure" >"$workdir/seed.log" 2>&1 || { cat "$workdir/seed.log"; exit 1; }
seeded=$SECONDS

# Starts omnistore on a free port with database DB and further flags, and
# waits for it: sets $base.
serve() {
  local db=$1; shift
  local port
  port=$(free_port)
  "$bin" serve --addr "127.0.0.1:$port" --database-url "sqlite://$workdir/$db" --demo \
    --site-root target/site --mail-dir "$workdir/mail" "$@" >"$workdir/$db.log" 2>&1 &
  pids+=($!)
  base="http://127.0.0.1:$port"
  wait_up "$base/healthz"
}

c=${WRK_CONNECTIONS:-50}; d=${WRK_SECONDS:-10}; t=${WRK_THREADS:-2}
source scripts/wrk-figures.sh
row() {
  echo "| $2 | $1 | $(wrk_figures -t"$t" -c"$c" -d"${d}s" "$3") |"
}

serve builtin.db
builtin=$base
listing="/c/garden-furniture"
product="/p/$(curl -s "$builtin$listing" | grep -o 'href="/p/[^"]*"' | head -1 | cut -d/ -f3 | tr -d '"')"
search="/search?q=chair"
log=info,sqlx=warn,omnistore_server::vendure=debug
RUST_LOG=$log serve warm.db --backend vendure --vendure-url "$vendure"
warm=$base
RUST_LOG=$log serve cold.db --backend vendure --vendure-url "$vendure" --vendure-cache-ttl 0
cold=$base
for b in "$builtin" "$warm" "$cold"; do
  for p in "$listing" "$product"; do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$b$p")" = 200 ] || { echo "$b$p is not 200" >&2; exit 1; }
  done
done

echo "## Vendure's set-up"
echo
echo "| step | seconds |"
echo "|---|---:|"
echo "| install the packages (0 when installed) | $((installed - started)) |"
echo "| start an empty Vendure | $((up - installed)) |"
echo "| vendure-seed: $(grep -o '[0-9]* of [0-9]* products' "$workdir/seed.log" | tail -1) | $((seeded - up)) |"
echo

echo "## Round trips to Vendure per page (one request after a first one)"
echo
echo "| page | cache warm | cache cold (ttl 0) |"
echo "|---|---:|---:|"
calls() {
  local db=$1 url=$2 before
  curl -s -o /dev/null "$url"
  sleep 0.2
  before=$(grep -c 'calling Vendure' "$workdir/$db.log" || true)
  curl -s -o /dev/null "$url"
  sleep 0.2
  echo $(( $(grep -c 'calling Vendure' "$workdir/$db.log" || true) - before ))
}
for page in "home /" "listing $listing" "product $product" "search $search"; do
  set -- $page
  echo "| $1 | $(calls warm.db "$warm$2") | $(calls cold.db "$cold$2") |"
done
echo

echo "## Pages — wrk -t$t -c$c -d${d}s --latency on the same cores (guest, no cookie)"
echo
echo "| page | back end | req/s | p50 | p99 | errors |"
echo "|---|---|---:|---:|---:|---:|"
for page in "listing $listing" "product $product"; do
  set -- $page
  row "built-in" "$1" "$builtin$2"
  row "Vendure, cache warm" "$1" "$warm$2"
  row "Vendure, cache cold (ttl 0)" "$1" "$cold$2"
done
