#!/usr/bin/env bash
# How fast `omnistore import` takes a merchant's catalog: a generated
# Shopify product export (scripts/bench-import.mjs; N products of 2
# variants, default 100,000) into a fresh SQLite database, then the same
# file again (every row an update). Run after a release build.
# BENCH_POSTGRES=1: into a fresh database of a private PostgreSQL cluster
# instead (scripts/postgres.sh, durable: fsync on).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$OMNISTORE_ROOT"
bin="$CARGO_TARGET_DIR/release/omnistore"
[ -x "$bin" ] || { echo "no release build at $bin: run scripts/test.sh or scripts/start.sh first" >&2; exit 1; }
n=${1:-100000}
workdir=$(mktemp -d)
pg_pid=""
trap '[ -n "$pg_pid" ] && { kill "$pg_pid"; wait "$pg_pid"; }; rm -rf "$workdir"' EXIT
db="sqlite://$workdir/shop.db"
if [ "${BENCH_POSTGRES:-}" = 1 ]; then
  POSTGRES_DURABLE=1 POSTGRES_PARENT_PID=$$ bash scripts/postgres.sh serve "$workdir/pg" >"$workdir/pg.url" &
  pg_pid=$!
  for _ in $(seq 1 150); do grep -q '^url ' "$workdir/pg.url" 2>/dev/null && break; sleep 0.2; done
  cluster=$(sed -n 's/^url //p' "$workdir/pg.url")
  psql "$cluster" -qc "CREATE DATABASE shop"
  db="${cluster%/*}/shop"
fi
node scripts/bench-import.mjs "$n" >"$workdir/products.csv"
echo "## omnistore import into ${db%%:*}: $n products, $((2 * n)) variants ($(du -h "$workdir/products.csv" | cut -f1) of CSV)"
echo
echo "| run | seconds | products/s |"
echo "|---|---:|---:|"
for run in "new shop" "again (updates)"; do
  start=$(date +%s.%N)
  "$bin" import --database-url "$db" "$workdir/products.csv" >"$workdir/out" 2>&1 ||
    { cat "$workdir/out"; exit 1; }
  awk -v s="$start" -v e="$(date +%s.%N)" -v n="$n" -v run="$run" \
    'BEGIN { printf "| %s | %.1f | %d |\n", run, e - s, n / (e - s) }'
done
