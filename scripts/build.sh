#!/usr/bin/env bash
# Builds the plugin: WASM core, bundle with the WASM embedded, then the audit.
# Output: dist/main.js, dist/manifest.json, dist/styles.css.
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
bash scripts/setup.sh
bash scripts/build-wasm.sh
step "Bundling the plugin"
node plugin/esbuild.config.mjs production
step "Auditing dist/main.js"
node scripts/audit-bundle.mjs
