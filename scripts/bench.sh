#!/usr/bin/env bash
# Figures for the README: release wasm + JS sizes (raw, gzip, brotli) and SSR
# throughput / latency of a listing page under wrk. Run after a release build
# (scripts/start.sh or scripts/test.sh). Serves on a free 127.0.0.1 port.
#   WRK_CONNECTIONS (50), WRK_SECONDS (10), WRK_THREADS (2)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$OMNISTORE_ROOT"

echo "## Bundle of the first route (release, wasm-release profile)"
echo
echo "| file | raw | gzip -9 | brotli -q 11 |"
echo "|---|---:|---:|---:|"
total=(0 0 0)
for f in target/site/pkg/*.wasm target/site/pkg/*.js target/site/pkg/*.css; do
  [ -f "$f" ] || continue
  raw=$(stat -c %s "$f"); gz=$(gzip -9c "$f" | wc -c); br=$(brotli -q 11 -c "$f" | wc -c)
  echo "| $(basename "$f" | sed -E 's/\.[0-9a-zA-Z_-]{10,}\././') | $raw | $gz | $br |"
  case "$f" in *.wasm|*.js) total=($((total[0]+raw)) $((total[1]+gz)) $((total[2]+br)));; esac
done
echo "| **wasm + JS** | ${total[0]} | ${total[1]} | ${total[2]} |"
echo

workdir=$(mktemp -d)
port=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
"$CARGO_TARGET_DIR/release/omnistore" serve --demo --addr "127.0.0.1:$port" --database-url "sqlite://$workdir/bench.db" \
  --site-root target/site >"$workdir/server.log" 2>&1 &
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
