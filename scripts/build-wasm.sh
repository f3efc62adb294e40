#!/usr/bin/env bash
# Builds crates/wasm for wasm32, runs wasm-bindgen (--target web, no default
# module path, so the glue never fetches) and optimises with wasm-opt.
# Output: build/wasm/career_wasm.js, career_wasm_bg.wasm, career_wasm.d.ts.
#
# scripts/bench-boundary.mjs builds its probe module the same way, elsewhere:
#   WASM_FEATURES=boundary-probe WASM_OUT=target/boundary-probe/wasm bash scripts/build-wasm.sh
# It shares target/ (only career-wasm is rebuilt, and again without the feature
# by the next plain build); a module built with features is never compressed
# for main.js.
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

out="${WASM_OUT:-build/wasm}"
features=()
[[ -n "${WASM_FEATURES:-}" ]] && features=(--features "$WASM_FEATURES")

step "Building the core for wasm32${WASM_FEATURES:+ (features: $WASM_FEATURES)}"
cargo build --profile wasm-release --target wasm32-unknown-unknown -p career-wasm "${features[@]}"
mkdir -p "$out"
# --experimental-reset-state-function exports __wbg_reset_state, which the plugin
# calls to start a fresh instance after a trap (initSync alone is a no-op then).
wasm-bindgen --target web --omit-default-module-path --experimental-reset-state-function --out-dir "$out" \
  "${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/wasm-release/career_wasm.wasm"
step "Optimising with wasm-opt"
# rustc enables bulk-memory, sign-ext, mutable-globals and nontrapping float-to-int by default.
wasm-opt -Oz --enable-bulk-memory --enable-sign-ext --enable-mutable-globals \
  --enable-nontrapping-float-to-int --enable-reference-types --enable-multivalue \
  "$out/career_wasm_bg.wasm" -o "$out/career_wasm_bg.wasm"
if [[ -z "${WASM_FEATURES:-}" ]]; then
  step "Compressing the module for main.js"
  node scripts/deflate-wasm.mjs "$out/career_wasm_bg.wasm"
fi
