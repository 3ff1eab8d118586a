#!/usr/bin/env bash
# Figures for docs/figures.md: listing, product and add-to-cart throughput
# and p99 on SQLite and on PostgreSQL, with one and with two instances on
# one database, side by side in one run on this machine. Run after a
# release build (scripts/start.sh or scripts/test.sh).
#
# Two instances get half the connections each from two wrk runs at once
# (no proxy in between); req/s is their sum, p99 the worse of the two.
# PostgreSQL runs durable (fsync, synchronous commit), as in production.
#   WRK_CONNECTIONS (50), WRK_SECONDS (10)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$OMNISTORE_ROOT"
source scripts/wrk-figures.sh
bin="$CARGO_TARGET_DIR/release/omnistore"
c=${WRK_CONNECTIONS:-50}; d=${WRK_SECONDS:-10}
workdir=$(mktemp -d)
pids=()
trap 'kill "${pids[@]}" 2>/dev/null; wait "${pids[@]}" 2>/dev/null; rm -rf "$workdir"' EXIT
free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

POSTGRES_DURABLE=1 POSTGRES_PARENT_PID=$$ bash scripts/postgres.sh serve "$workdir/pg" >"$workdir/pg.url" 2>"$workdir/pg.log" &
pids+=($!)
for _ in $(seq 1 150); do grep -q '^url ' "$workdir/pg.url" 2>/dev/null && break; sleep 0.2; done
cluster=$(sed -n 's/^url //p' "$workdir/pg.url")
pg_db="${cluster%/*}/bench"
psql "$cluster" -qc "CREATE DATABASE bench"

# start URL [--demo]: an instance on a free port; sets $started to its base URL.
start() {
  local url=$1 port; shift
  port=$(free_port)
  "$bin" serve --addr "127.0.0.1:$port" --database-url "$url" --database-pool 16 \
    --site-root target/site --mail-dir "$workdir/mail-$port" "$@" >"$workdir/$port.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 300); do curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.2; done
  started="http://127.0.0.1:$port"
}

# load NAME PATH BASE… [-- WRK ARGS]: wrk on every BASE at once, c/N each.
load() {
  local name=$1 path=$2; shift 2
  local bases=() extra=()
  while [ $# -gt 0 ] && [ "$1" != -- ]; do bases+=("$1"); shift; done
  [ "${1:-}" = -- ] && { shift; extra=("$@"); }
  local n=${#bases[@]} i=0 out=()
  for base in "${bases[@]}"; do
    SHOPPERS_FROM=$((i * 1000)) ORIGIN="$base" wrk_figures -t1 -c$((c / n)) -d"${d}s" "${extra[@]}" "$base$path" \
      >"$workdir/row.$i" 2>/dev/null &
    out+=($!); i=$((i + 1))
  done
  wait "${out[@]}"
  # Sum req/s and errors; the worst p50 and p99.
  cat "$workdir"/row.* | awk -F' \\| ' -v name="$name" '
    function ms(t) { if (t ~ /us$/) return t / 1000; if (t ~ /ms$/) return t + 0; if (t ~ /s$/) return t * 1000; return t }
    { rps += $1; err += $4; if (ms($2) > p50) { p50 = ms($2); s50 = $2 } if (ms($3) > p99) { p99 = ms($3); s99 = $3 } }
    END { printf "| %s | %d | %s | %s | %d |\n", name, rps, s50, s99, err }'
  rm -f "$workdir"/row.*
}

variants() {
  local sql="SELECT s.variant_id FROM stock s JOIN locations l ON l.id = s.location_id
             WHERE l.slug = 'online' AND s.on_hand > 200 ORDER BY s.variant_id LIMIT 40"
  case $1 in
    sqlite://*) sqlite3 "${1#sqlite://}" "$sql" | paste -sd, ;;
    *) psql "$1" -Atc "$sql" | paste -sd, ;;
  esac
}

echo "## One and two instances, SQLite and PostgreSQL — wrk, $c connections in all, ${d} s each"
echo
echo "| database, instances: page | req/s | p50 | p99 | errors |"
echo "|---|---:|---:|---:|---:|"
for db in "sqlite://$workdir/bench.db" "$pg_db"; do
  kind=SQLite; [[ $db == postgres* ]] && kind=PostgreSQL
  start "$db" --demo
  a=$started
  product="/p/$(curl -s "$a/c/grills" | grep -o 'href="/p/[^"]*"' | head -1 | cut -d/ -f3 | tr -d '"')"
  export VARIANTS; VARIANTS=$(variants "$db")
  for n in 1 2; do
    bases=("$a")
    [ "$n" = 2 ] && bases+=("$b")
    load "$kind, $n: listing" /c/garden-furniture "${bases[@]}"
    load "$kind, $n: product" "$product" "${bases[@]}"
    load "$kind, $n: add to cart" "" "${bases[@]}" -- -s scripts/add-to-cart.lua
    if [ "$n" = 1 ]; then start "$db"; b=$started; fi
  done
  kill "${pids[@]:1}" 2>/dev/null || true
  wait "${pids[@]:1}" 2>/dev/null || true
  pids=("${pids[0]}")
done
