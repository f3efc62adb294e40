#!/usr/bin/env bash
# Installs what the build and tests need on a fresh machine, idempotently:
# the wasm32 target, wasm-bindgen-cli at the version pinned in Cargo.toml, and
# the npm packages from the committed lockfile. Safe to run again and again.
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

command -v cargo >/dev/null || die "cargo is not installed (install Rust with rustup)."
command -v node >/dev/null || die "node is not installed (Node.js 20 or later is needed)."

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  step "Adding the wasm32-unknown-unknown Rust target"
  rustup target add wasm32-unknown-unknown
fi

want="$(wasm_bindgen_version)"
[ -n "$want" ] || die "could not read the pinned wasm-bindgen version from Cargo.toml"
have="$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)"
if [ "$have" != "$want" ]; then
  step "Installing wasm-bindgen-cli $want (takes a few minutes once)"
  # --locked fails on these machines: a locked transitive crate is missing from the registry.
  cargo install wasm-bindgen-cli --version "$want" --force
fi

stamp="node_modules/.package-lock.json"
if [ ! -f "$stamp" ] || [ package-lock.json -nt "$stamp" ]; then
  step "Installing npm packages from package-lock.json"
  npm ci --no-audit --no-fund
fi

# --- Chromium for the browser tests (tests/browser/) -------------------------
# The browser tests drive Debian's chromium with playwright-core (an npm devDependency);
# no browser is downloaded by npm or by `playwright install`. Needs root (as on CI).
if [ ! -x /usr/bin/chromium ]; then
  step "Installing Chromium for the browser tests (apt-get)"
  if [ "$(id -u)" -eq 0 ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update
    apt-get install -y --no-install-recommends chromium
  else
    printf 'warning: /usr/bin/chromium is missing and installing it needs root; the browser tests will be skipped.\n' >&2
  fi
fi
