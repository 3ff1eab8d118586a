#!/usr/bin/env bash
# Lighthouse (mobile emulation, simulated throttling) for the README: home,
# a listing and a product page of the release build, served on a free
# 127.0.0.1 port with a fresh demo database. Lighthouse itself is installed
# once into ~/.cache/omnistore/lh (outside the repo; not a test dependency).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$OMNISTORE_ROOT"

lh_dir="${XDG_CACHE_HOME:-$HOME/.cache}/omnistore/lh"
if [ ! -x "$lh_dir/node_modules/.bin/lighthouse" ]; then
  mkdir -p "$lh_dir"
  npm install --prefix "$lh_dir" --no-audit --no-fund lighthouse@12 >/dev/null
fi

workdir=$(mktemp -d)
port=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
"$CARGO_TARGET_DIR/release/omnistore" serve --demo --addr "127.0.0.1:$port" --database-url "sqlite://$workdir/lh.db" \
  --site-root target/site --mail-dir "$workdir/mail" >"$workdir/server.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$workdir"' EXIT
for _ in $(seq 1 300); do curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.2; done

base="http://127.0.0.1:$port"
product=$(curl -fsS "$base/c/lighting" | grep -o 'href="/p/[a-z0-9-]*"' | head -1 | cut -d'"' -f2)
echo "| page | performance | accessibility | best practices | SEO | LCP | TBT | CLS |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|"
for path in / /c/lighting "$product"; do
  CHROME_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}" "$lh_dir/node_modules/.bin/lighthouse" "$base$path" \
    --quiet --form-factor=mobile --only-categories=performance,accessibility,best-practices,seo \
    --chrome-flags="--headless=new --no-sandbox --disable-gpu" --output=json --output-path="$workdir/lh.json"
  node -e '
    const r = require(process.argv[1]);
    const s = (c) => Math.round(r.categories[c].score * 100);
    const a = (id) => r.audits[id].displayValue;
    console.log(`| \`${process.argv[2]}\` | ${s("performance")} | ${s("accessibility")} | ${s("best-practices")} | ${s("seo")} | ${a("largest-contentful-paint")} | ${a("total-blocking-time")} | ${a("cumulative-layout-shift")} |`);
  ' "$workdir/lh.json" "$path"
done
