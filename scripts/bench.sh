#!/usr/bin/env bash
# Figures for the README: release wasm + JS sizes (raw, gzip, brotli) and SSR
# throughput / latency of a listing page under wrk. Run after a release build
# (scripts/start.sh or scripts/test.sh). Serves on a free 127.0.0.1 port.
#   WRK_CONNECTIONS (50), WRK_SECONDS (10), WRK_THREADS (2)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$OMNISTORE_ROOT"

echo "## All release assets (wasm-release profile, split into lazy chunks)"
echo
echo "| file | raw | gzip -9 | brotli -q 11 |"
echo "|---|---:|---:|---:|"
total=(0 0 0)
for f in target/site/pkg/omnistore.*.wasm target/site/pkg/split_*.wasm target/site/pkg/*.js target/site/pkg/*.css; do
  [ -f "$f" ] || continue
  raw=$(stat -c %s "$f"); gz=$(gzip -9c "$f" | wc -c); br=$(brotli -q 11 -c "$f" | wc -c)
  echo "| $(basename "$f" | sed -E 's/\.[0-9a-zA-Z_-]{10,}\././') | $raw | $gz | $br |"
  case "$f" in *.wasm|*.js) total=($((total[0]+raw)) $((total[1]+gz)) $((total[2]+br)));; esac
done
echo "| **all wasm + JS** (without the small shared chunk_*) | ${total[0]} | ${total[1]} | ${total[2]} |"
echo

workdir=$(mktemp -d)
pids=()
trap 'kill "${pids[@]}" 2>/dev/null; wait "${pids[@]}" 2>/dev/null; rm -rf "$workdir"' EXIT
# Starts the release server on a free 127.0.0.1 port with database DB and
# any further flags, and waits for it: sets $served_port and $served_pid.
serve() {
  local db=$1; shift
  served_port=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
  "$CARGO_TARGET_DIR/release/omnistore" serve --addr "127.0.0.1:$served_port" --database-url "sqlite://$workdir/$db" \
    --site-root target/site --mail-dir "$workdir/mail" "$@" >"$workdir/$db.$served_port.log" 2>&1 &
  served_pid=$!
  pids+=("$served_pid")
  for _ in $(seq 1 100); do curl -fsS "http://127.0.0.1:$served_port/healthz" >/dev/null 2>&1 && break; sleep 0.2; done
}
serve bench.db --demo
port=$served_port
c=${WRK_CONNECTIONS:-50}; d=${WRK_SECONDS:-10}; t=${WRK_THREADS:-2}
base="http://127.0.0.1:$port"
product="/p/$(curl -s "$base/c/grills" | grep -o 'href="/p/[^"]*"' | head -1 | cut -d/ -f3 | tr -d '"')"
guest_cart=$(node scripts/soak.mjs "$base" 1 guests | head -1)
customer=$(node scripts/soak.mjs "$base" 1 | head -1)
source scripts/wrk-figures.sh
# One table row from a wrk run.
row() {
  local page=$1 who=$2 path=$3; shift 3
  echo "| $page | $who | $(wrk_figures -t"$t" -c"$c" -d"${d}s" "$@" "$base$path") |"
}
echo "## Pages — wrk -t$t -c$c -d${d}s on the same cores, uncompressed unless said"
echo
echo "| page | visitor | req/s | p50 | p99 | errors |"
echo "|---|---|---:|---:|---:|---:|"
for page in "listing /c/garden-furniture" "home /" "product $product"; do
  set -- $page
  row "$1" "guest, no cookie" "$2"
  row "$1" "guest, no cookie, brotli" "$2" -H "Accept-Encoding: br"
  row "$1" "guest with a cart" "$2" -H "Cookie: $guest_cart"
  row "$1" "customer with a store and a cart" "$2" -H "Cookie: $customer"
done
row "listing, page 2 by price" "guest, no cookie" "/c/garden-furniture?sort=price-asc&page=2"
echo
echo "One connection, listing from the page cache: wrk -t1 -c1 -d${d}s"
echo '```'
wrk -t1 -c1 -d"${d}s" --latency "$base/c/garden-furniture" | grep -E "Requests/sec|50%|99%"
echo '```'

# The same pages rendered every time (--page-cache false), on the same
# database: what a render costs.
serve bench.db --page-cache false
pid3=$served_pid
cached_base=$base
base="http://127.0.0.1:$served_port"
echo "## Pages rendered every time (--page-cache false)"
echo
echo "| page | visitor | req/s | p50 | p99 | errors |"
echo "|---|---|---:|---:|---:|---:|"
for page in "listing /c/garden-furniture" "home /" "product $product"; do
  set -- $page
  row "$1" "guest, no cookie" "$2"
  row "$1" "customer with a store and a cart" "$2" -H "Cookie: $customer"
done
echo
echo "One connection, listing rendered (server time per render): wrk -t1 -c1 -d${d}s"
echo '```'
wrk -t1 -c1 -d"${d}s" --latency "$base/c/garden-furniture" | grep -E "Requests/sec|50%|99%"
echo '```'
kill $pid3; wait $pid3 2>/dev/null || true
base=$cached_base

echo "## What a browser downloads to hydrate a page (Chromium, brotli as served)"
echo
node scripts/first-route.mjs "http://127.0.0.1:$port/" "http://127.0.0.1:$port$product" "http://127.0.0.1:$port/account"

variants=$(sqlite3 "$workdir/bench.db" "SELECT group_concat(variant_id) FROM (SELECT s.variant_id FROM stock s JOIN locations l ON l.id = s.location_id WHERE l.slug = 'online' AND s.on_hand > 200 LIMIT 40)" 2>/dev/null || true)
if [ -n "$variants" ]; then
  echo "## Add to cart (POST /api/cart/add, 50 guest carts, SQLite) — wrk -t$t -c$c -d${d}s --latency"
  echo '```'
  VARIANTS="$variants" ORIGIN="http://127.0.0.1:$port" wrk -t"$t" -c"$c" -d"${d}s" --latency -s scripts/add-to-cart.lua \
    "http://127.0.0.1:$port" 2>/dev/null | grep -E "Requests/sec|Latency|99%|50%|Non-2xx"
  echo '```'
else
  echo "(sqlite3 not installed: add-to-cart benchmark skipped)"
fi

echo "## Store locator API (GET /api/v1/stores, nearest 10 from Kraków) — wrk -t$t -c$c -d${d}s --latency"
echo '```'
wrk -t"$t" -c"$c" -d"${d}s" --latency "http://127.0.0.1:$port/api/v1/stores?near=50.06,19.94&limit=10" | grep -E "Requests/sec|Latency|99%|50%|Non-2xx"
echo '```'

echo "## Locator over 100,000 stores (demo --stores 100000) — wrk -t$t -c$c -d${d}s --latency"
"$CARGO_TARGET_DIR/release/omnistore" demo --products 200 --stores 100000 --database-url "sqlite://$workdir/stores.db" >/dev/null 2>&1
serve stores.db
port2=$served_port
curl -fsS "http://127.0.0.1:$port2/api/v1/stores?near=50.06,19.94&limit=1" >/dev/null # loads the index
echo '```'
wrk -t"$t" -c"$c" -d"${d}s" --latency "http://127.0.0.1:$port2/api/v1/stores?near=50.06,19.94&limit=10" | grep -E "Requests/sec|Latency|99%|50%|Non-2xx"
echo '```'
echo "Nearest-10 query itself: cargo bench -p omnistore-server --bench nearest"
