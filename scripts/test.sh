#!/usr/bin/env bash
# The README's second command: every check and every test. CI runs this.
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
bash scripts/build.sh

step "cargo fmt --check"
cargo fmt --all --check
step "cargo clippy"
cargo clippy --workspace --all-targets -- -D warnings
# The bindings' tests compile for wasm32 only, so the host's clippy never sees them.
# With the boundary probes (crates/wasm/src/probe.rs) on, so they are linted too.
cargo clippy -p career-wasm --features boundary-probe --target wasm32-unknown-unknown --all-targets -- -D warnings
step "cargo test"
rm -f target/tmp/write-safety-*.txt
cargo test --workspace
step "Write safety: hostile input, races and kills (issue 13)"
cat target/tmp/write-safety-*.txt
awk '/cases tried/ { t += $2; p += $5; l += $7 }
  END { printf "write safety, all groups: %d cases tried, %d passed, %d bytes lost\n", t, p, l }' \
  target/tmp/write-safety-*.txt
step "wasm-bindgen-test (bindings under Node)"
cargo test --target wasm32-unknown-unknown -p career-wasm
step "tsc --noEmit"
tsc --noEmit -p .
step "ESLint (eslint-plugin-obsidianmd)"
eslint --max-warnings 0 .
step "Plugin tests (built dist/main.js) and specs through the built WASM"
node --test tests/plugin/ tests/wasm/ tests/browser/
step "career mcp: the method through the official MCP TypeScript SDK client (issue 17)"
cargo build -p career-cli
node --test tests/mcp/
