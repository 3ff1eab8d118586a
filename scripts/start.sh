#!/usr/bin/env bash
# Quick start: install what is missing, build the release site, and run the
# storefront with the embedded SQLite database and the demo catalog on
# http://127.0.0.1:3000 (override with OMNISTORE_ADDR / OMNISTORE_DATABASE_URL).
#
#   scripts/start.sh [serve flags…]
#       the built-in back end.
#   scripts/start.sh --vendure [serve flags…]
#       the same shop on a Vendure of its own: Vendure is installed (once),
#       started on 127.0.0.1:${OMNISTORE_VENDURE_PORT:-3100} with its data in
#       data/vendure, seeded with the demo catalog the first time
#       (`omnistore vendure-seed`), and stopped when the storefront stops.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$OMNISTORE_ROOT"
omnistore_build
omnistore="$CARGO_TARGET_DIR/release/omnistore"
if [ "${1:-}" != "--vendure" ]; then
  exec "$omnistore" serve --demo --site-root target/site "$@"
fi
shift

port="${OMNISTORE_VENDURE_PORT:-3100}"
vendure_url="http://127.0.0.1:$port"
data="$OMNISTORE_ROOT/data/vendure"
# A seeding that did not finish leaves a Vendure the seed refuses (it only
# fills an empty one): start both sides afresh. omnistore's database holds
# Vendure's ids and sessions, so it goes with it.
if [ ! -f "$data/seeded" ]; then
  rm -rf "$data" data/on-vendure.db data/on-vendure.db-wal data/on-vendure.db-shm
fi
mkdir -p "$data"
# Vendure exits by itself when this process (the storefront, after exec) ends.
VENDURE_PARENT_PID=$$ bash scripts/vendure.sh serve --port "$port" --data "$data" >"$data/vendure.log" 2>&1 &
vendure_pid=$!
printf '\033[1;32m[start]\033[0m waiting for Vendure on %s (its log: %s)\n' "$vendure_url" "$data/vendure.log" >&2
until curl -fsS -H 'content-type: application/json' -d '{"query":"{ activeChannel { code } }"}' \
  "$vendure_url/shop-api" >/dev/null 2>&1; do
  kill -0 "$vendure_pid" 2>/dev/null || { tail -30 "$data/vendure.log" >&2; exit 1; }
  sleep 0.5
done
if [ ! -f "$data/seeded" ]; then
  "$omnistore" vendure-seed --vendure-url "$vendure_url"
  touch "$data/seeded"
fi
exec "$omnistore" serve --demo --site-root target/site --database-url sqlite://data/on-vendure.db \
  --backend vendure --vendure-url "$vendure_url" "$@"
