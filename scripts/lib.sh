# Shared helpers for the project's scripts. Source it; don't run it.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"
step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }
# The wasm-bindgen version pinned in Cargo.toml; the CLI must match it exactly.
wasm_bindgen_version() { sed -n 's/^wasm-bindgen = "=\([0-9.]*\)".*/\1/p' "$ROOT/Cargo.toml"; }
# A CI run builds once from clean: incremental caches would only add gigabytes.
if [[ -n "${CI:-}" ]]; then export CARGO_INCREMENTAL=0; fi
