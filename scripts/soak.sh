#!/usr/bin/env bash
# The soak that once found the reactive-graph deadlock (leptos#4673): signed-in
# customers with a store and a cart browse product and listing pages under
# wrk, at 16 and 50 connections, three runs each. Reports per run the
# throughput, p99, errors, requests that never finished (wrk timeouts), and
# how many cores the server process used; fails if any request failed or hung
# or the server stopped answering. Run after a release build.
#   SOAK_SECONDS (30), SOAK_THREADS (the server's --threads; default all cores)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$OMNISTORE_ROOT"

workdir=$(mktemp -d)
port=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
threads=()
[ -n "${SOAK_THREADS:-}" ] && threads=(--threads "$SOAK_THREADS")
"$CARGO_TARGET_DIR/release/omnistore" serve --demo --addr "127.0.0.1:$port" "${threads[@]}" \
  --database-url "sqlite://$workdir/soak.db" --site-root target/site --mail-dir "$workdir/mail" \
  >"$workdir/server.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$workdir"' EXIT
for _ in $(seq 1 150); do curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.2; done
base="http://127.0.0.1:$port"

node scripts/soak.mjs "$base" 50 >"$workdir/made"
grep -v '^PATHS ' "$workdir/made" >"$workdir/cookies"
paths=$(grep '^PATHS ' "$workdir/made" | cut -d' ' -f2-)
echo "$(wc -l <"$workdir/cookies") signed-in customers with a store and a cart; pages: $paths"
echo "server: $(sed 's/\x1b\[[0-9;]*m//g' "$workdir/server.log" | grep -o 'threads=[0-9]*' | head -1)"

ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
hz=$(getconf CLK_TCK)
seconds=${SOAK_SECONDS:-30}
failed=0
echo
echo "| connections | run | req/s | p99 | non-2xx | socket errors | timeouts | server cores used |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|"
for c in 16 50; do
  for run in 1 2 3; do
    t0=$(ticks); w0=$(date +%s.%N)
    out=$(COOKIES_FILE="$workdir/cookies" PATHS="$paths" wrk -t2 -c"$c" -d"${seconds}s" --timeout 10s \
      --latency -s scripts/soak.lua "$base")
    t1=$(ticks); w1=$(date +%s.%N)
    cores=$(echo "($t1 - $t0) / $hz / ($w1 - $w0)" | bc -l)
    rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
    p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
    non2xx=$(echo "$out" | awk '/Non-2xx/ {print $5}'); non2xx=${non2xx:-0}
    sock=$(echo "$out" | sed -n 's/.*Socket errors: connect \([0-9]*\), read \([0-9]*\), write \([0-9]*\), timeout \([0-9]*\).*/\1 \2 \3 \4/p')
    read -r sc sr sw st <<<"${sock:-0 0 0 0}"
    printf '| %s | %s | %s | %s | %s | %s | %s | %.2f |\n' "$c" "$run" "$rps" "$p99" "$non2xx" \
      "$((sc + sr + sw))" "$st" "$cores"
    if [ "$non2xx" != 0 ] || [ $((sc + sr + sw + st)) != 0 ]; then failed=1; fi
    if ! curl -fsS -m 5 "$base/healthz" >/dev/null; then
      echo "the server stopped answering"; failed=1; break 2
    fi
  done
done
exit $failed
