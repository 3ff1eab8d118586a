#!/usr/bin/env bash
# Quick start: install what is missing, build the release site, and run the
# storefront with the embedded SQLite database and the demo catalog on
# http://127.0.0.1:3000 (override with OMNISTORE_ADDR / OMNISTORE_DATABASE_URL).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$OMNISTORE_ROOT"
omnistore_build
exec "$CARGO_TARGET_DIR/release/omnistore" serve --demo --site-root target/site "$@"
