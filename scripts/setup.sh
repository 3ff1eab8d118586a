#!/usr/bin/env bash
# Installs whatever omnistore needs that is missing, and exports the build
# environment. Idempotent and quick when everything is present.
# Sourced by scripts/start.sh and scripts/test.sh; safe to source by hand
# before `cargo leptos watch`:  source scripts/setup.sh
#
# What it ensures:
#   - a Rust toolchain that can build wasm32: rustup's own toolchain when it
#     already has the wasm32 target and rust-src and is >= 1.96; otherwise
#     Debian's Rust (rustc-web + rust-web-src), linked into rustup as "debian"
#     (named by rust-toolchain.toml). std is rebuilt for wasm with -Zbuild-std.
#   - cargo-leptos, wasm-bindgen-cli at exactly Cargo.lock's version,
#     wasm-opt (npm binaryen), playwright-core and axe-core (npm), Chromium.
set -euo pipefail

OMNISTORE_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export OMNISTORE_ROOT
log() { printf '\033[1;32m[setup]\033[0m %s\n' "$*" >&2; }

SUDO=""
if [ "$(id -u)" != 0 ] && command -v sudo >/dev/null; then SUDO="sudo"; fi
APT_UPDATED=0
apt_install() {
  command -v apt-get >/dev/null || { log "apt-get not found: install $* yourself"; return 1; }
  if [ "$APT_UPDATED" = 0 ]; then $SUDO apt-get update -qq; APT_UPDATED=1; fi
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$@" >/dev/null
}

# Build artefacts live outside the clone, so a fresh clone (CI) reuses the
# dependency builds of earlier runs. Cargo keys artefacts by path and
# fingerprint, so sharing is safe.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/omnistore/target}"
mkdir -p "$CARGO_TARGET_DIR"
export RUSTC_BOOTSTRAP=1
export PATH="$HOME/.cargo/bin:$OMNISTORE_ROOT/node_modules/.bin:$PATH"

# --- Rust toolchain -------------------------------------------------------
rustup_ok() {
  local tc="$1" v
  v=$(rustc +"$tc" --version 2>/dev/null | awk '{print $2}') || return 1
  [ -n "$v" ] || return 1
  [ "$(printf '%s\n1.96.0\n' "${v%%-*}" | sort -V | head -n1)" = "1.96.0" ] || return 1
  rustup target list --installed --toolchain "$tc" 2>/dev/null | grep -q wasm32-unknown-unknown || return 1
  rustup component list --installed --toolchain "$tc" 2>/dev/null | grep -q rust-src || return 1
}
DEFAULT_TC=$(rustup default 2>/dev/null | awk '{print $1}' || true)
if [ -n "${RUSTUP_TOOLCHAIN:-}" ]; then
  log "using RUSTUP_TOOLCHAIN=$RUSTUP_TOOLCHAIN as set"
elif [ -n "$DEFAULT_TC" ] && rustup_ok "$DEFAULT_TC"; then
  export RUSTUP_TOOLCHAIN="$DEFAULT_TC"
  log "using rustup toolchain $DEFAULT_TC (has wasm32 and rust-src)"
else
  if [ ! -d /usr/lib/rustlib/src/rust/library ] || ! command -v lld-22 >/dev/null || [ ! -x /usr/bin/cargo-clippy ]; then
    log "installing Debian's Rust with its std source (rustc-web)"
    apt_install rustc-web cargo-web rust-web-src rust-web-llvm lld-22 rust-web-clippy rustfmt-web
  fi
  if ! rustup toolchain list | grep -q '^debian'; then
    rustup toolchain link debian /usr
  fi
  export RUSTUP_TOOLCHAIN=debian
fi

# --- System packages -------------------------------------------------------
missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v node >/dev/null || missing+=(nodejs npm)
command -v wrk >/dev/null || missing+=(wrk)
command -v brotli >/dev/null || missing+=(brotli)
# The test command runs the HTTP tests on a throw-away PostgreSQL cluster too
# (scripts/postgres.sh); only the binaries are used, no service.
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then log "installing ${missing[*]}"; apt_install "${missing[@]}"; fi

# --- cargo-leptos and wasm-bindgen -------------------------------------------
if ! cargo leptos --version >/dev/null 2>&1; then
  log "installing cargo-leptos (once; about 15-20 minutes on 2 cores)"
  (cd /tmp && CARGO_TARGET_DIR=/tmp/cargo-leptos-build CARGO_PROFILE_RELEASE_LTO=off CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    cargo install --locked cargo-leptos --version 0.3.11)
fi
WBG_VERSION=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/"/,"",$3); print $3; exit}' "$OMNISTORE_ROOT/Cargo.lock")
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WBG_VERSION" ]; then
  log "installing wasm-bindgen-cli $WBG_VERSION (Cargo.lock's version)"
  # Not --locked: its lock pins a webpki-roots the registry no longer has.
  (cd /tmp && CARGO_TARGET_DIR=/tmp/wasm-bindgen-build cargo install wasm-bindgen-cli --version "$WBG_VERSION")
fi

# --- npm tools (wasm-opt, Playwright driver, axe-core) ------------------------
stamp="$OMNISTORE_ROOT/node_modules/.omnistore-lock"
if [ ! -f "$stamp" ] || ! cmp -s "$OMNISTORE_ROOT/package-lock.json" "$stamp"; then
  log "installing npm packages"
  (cd "$OMNISTORE_ROOT" && npm ci --no-audit --no-fund --loglevel=error)
  cp "$OMNISTORE_ROOT/package-lock.json" "$stamp"
fi

# Release build of the site (wasm, JS, CSS with hashed names, precompressed
# brotli + gzip) and of the server; then each lazy island's chunks packed into
# one file (scripts/pack-chunks.mjs).
omnistore_build() {
  (cd "$OMNISTORE_ROOT" && cargo leptos build --release --precompress --split &&
    node scripts/pack-chunks.mjs target/site/pkg)
}
