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
port=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
"$CARGO_TARGET_DIR/release/omnistore" serve --demo --addr "127.0.0.1:$port" --database-url "sqlite://$workdir/bench.db" \
  --site-root target/site --mail-dir "$workdir/mail" >"$workdir/server.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$workdir"' EXIT
for _ in $(seq 1 100); do curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.2; done
c=${WRK_CONNECTIONS:-50}; d=${WRK_SECONDS:-10}; t=${WRK_THREADS:-2}
for path in "/c/garden-furniture" "/c/garden-furniture?sort=price-asc&page=2" "/p/$(curl -s "http://127.0.0.1:$port/c/grills" | grep -o 'href="/p/[^"]*"' | head -1 | cut -d/ -f3 | tr -d '"')"; do
  echo "## SSR $path — wrk -t$t -c$c -d${d}s --latency"
  echo '```'
  wrk -t"$t" -c"$c" -d"${d}s" --latency "http://127.0.0.1:$port$path" | grep -E "Requests/sec|Latency|99%|50%|Non-2xx"
  echo '```'
done

echo "## What a browser downloads to hydrate a page (Chromium, brotli as served)"
echo
node scripts/first-route.mjs "http://127.0.0.1:$port/" "http://127.0.0.1:$port/account"

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
port2=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
"$CARGO_TARGET_DIR/release/omnistore" serve --addr "127.0.0.1:$port2" --database-url "sqlite://$workdir/stores.db" \
  --site-root target/site --mail-dir "$workdir/mail" >"$workdir/server2.log" 2>&1 &
pid2=$!
trap 'kill $pid $pid2 2>/dev/null; wait $pid $pid2 2>/dev/null; rm -rf "$workdir"' EXIT
for _ in $(seq 1 100); do curl -fsS "http://127.0.0.1:$port2/healthz" >/dev/null 2>&1 && break; sleep 0.2; done
curl -fsS "http://127.0.0.1:$port2/api/v1/stores?near=50.06,19.94&limit=1" >/dev/null # loads the index
echo '```'
wrk -t"$t" -c"$c" -d"${d}s" --latency "http://127.0.0.1:$port2/api/v1/stores?near=50.06,19.94&limit=10" | grep -E "Requests/sec|Latency|99%|50%|Non-2xx"
echo '```'
echo "Nearest-10 query itself: cargo bench -p omnistore-server --bench nearest"
