/**
 * Compresses the optimised WebAssembly for embedding in main.js.
 *
 * The module is about 1 MB, and esbuild's binary loader base64-encodes what it
 * inlines (another third), which would push main.js past its 1.5 MB budget and
 * slow every Obsidian start. Raw deflate at level 9 shrinks it about 2.6x. The
 * plugin inflates it after startup with the platform's
 * `DecompressionStream("deflate-raw")`, or on a call that comes first with
 * fflate's `inflateSync` (plugin/src/core/wasm.ts): change both with the format.
 *
 * Usage: node scripts/deflate-wasm.mjs build/wasm/career_wasm_bg.wasm
 */

import { readFileSync, writeFileSync } from "node:fs";
import { deflateRawSync } from "node:zlib";

const input = process.argv[2];
if (!input) {
	console.error("usage: node scripts/deflate-wasm.mjs <module.wasm>");
	process.exit(2);
}
const bytes = readFileSync(input);
const deflated = deflateRawSync(bytes, { level: 9 });
writeFileSync(`${input}.deflate`, deflated);
console.log(`deflated ${input}: ${bytes.length} → ${deflated.length} bytes`);
