#!/usr/bin/env bash
# Where the WebAssembly module's bytes go, for choosing what to cut (BENCHMARKS.md, "First use").
#
#   npm run size [-- N]     # the N largest items (default 30), then totals by crate
#
# Installs twiggy (crates.io) when missing, builds the wasm32 module (profile wasm-release) and profiles it
# before wasm-bindgen and wasm-opt strip the function names: sizes are rustc's, which wasm-opt
# shrinks by about a tenth across the board. The last lines are the shipped sizes, when
# scripts/build-wasm.sh has run: inflated, deflated (what main.js carries, before base64).
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

top="${1:-30}"
if ! command -v twiggy >/dev/null; then
  step "Installing twiggy (once)"
  cargo install --locked twiggy
fi

step "Building the core for wasm32 (profile wasm-release)"
cargo build --profile wasm-release --target wasm32-unknown-unknown -p career-wasm
module="${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/wasm-release/career_wasm.wasm"

step "The $top largest items (twiggy top)"
twiggy top -n "$top" "$module"

step "By crate (and by career_core module), from every item"
twiggy top -n 1000000 --format csv "$module" | node -e '
const rows = require("node:fs").readFileSync(0, "utf8").trim().split("\n").slice(1);
const groups = new Map();
for (const row of rows) {
  const match = /^"?(.*?)"?,(\d+),/.exec(row);
  if (!match) continue;
  const name = match[1].replace(/""/g, "\"").replace(/\[[0-9a-f]{16}\]/g, "");
  // Sections and data keep their names; a function goes to its crate (for `<T as Trait>::f`,
  // the crate of the trait, where serde and core instantiate their generic code), and
  // career_core is split by module.
  let key = name;
  if (!/^(data segment|custom section|"function names"|code\[|type\[|import|export|elem|table)/.test(name)) {
    const trait = /^<.*? as ([a-z_][a-z0-9_]*)::/.exec(name);
    const path = /^<*([a-z_][a-z0-9_]*)::(?:_::)?([a-z_][a-z0-9_]*)?/.exec(name);
    key = trait !== null ? trait[1] : path === null ? "(other)" : path[1] === "career_core" && path[2] ? `career_core::${path[2]}` : path[1];
  }
  groups.set(key, (groups.get(key) ?? 0) + Number(match[2]));
}
const total = [...groups.values()].reduce((a, b) => a + b, 0);
for (const [key, bytes] of [...groups].sort((a, b) => b[1] - a[1]).slice(0, 30)) {
  console.log(`${String(bytes).padStart(9)}  ${(100 * bytes / total).toFixed(1).padStart(5)}%  ${key}`);
}
console.log(`${String(total).padStart(9)}  100.0%  total`);
'

shipped=build/wasm/career_wasm_bg.wasm
if [ -f "$shipped" ] && [ -f "$shipped.deflate" ]; then
  step "Shipped (scripts/build-wasm.sh: wasm-bindgen, wasm-opt, deflate)"
  printf '%9d bytes  %s\n' "$(wc -c <"$shipped")" "$shipped" "$(wc -c <"$shipped.deflate")" "$shipped.deflate"
fi
