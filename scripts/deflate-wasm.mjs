/**
 * Compresses the optimised WebAssembly for embedding in main.js.
 *
 * The module is about 2 MB, and esbuild's binary loader base64-encodes what it
 * inlines (another third), which would push main.js past its 1.5 MB budget and
 * slow every Obsidian start. It is stored as raw deflate, which the plugin
 * inflates after startup with the platform's `DecompressionStream("deflate-raw")`,
 * or on a call that comes first with fflate's `inflateSync`
 * (plugin/src/core/instance.ts): change both with the format.
 *
 * The deflate stream is Zopfli's (@gfx/zopfli): plain deflate that any inflater
 * reads, about 6% smaller than zlib's level 9 and no slower to inflate, for a few
 * seconds more here (docs/benchmarks-history.md, "Bundle size, build by build"). The
 * result is checked by inflating it back.
 *
 * Usage: node scripts/deflate-wasm.mjs build/wasm/career_wasm_bg.wasm
 */

import { readFileSync, writeFileSync } from "node:fs";
import { deflateRawSync, inflateRawSync } from "node:zlib";
import zopfli from "@gfx/zopfli";

/**
 * Zopfli's settings: 5 passes is within 0.1% of its default 15 in half the time;
 * unlimited block splitting saved another 0.2% for four times the time.
 */
const ZOPFLI = { numiterations: 5, blocksplitting: true, blocksplittingmax: 15 };

const input = process.argv[2];
if (!input) {
	console.error("usage: node scripts/deflate-wasm.mjs <module.wasm>");
	process.exit(2);
}
const bytes = readFileSync(input);
const deflated = Buffer.from(await zopfli.deflateAsync(bytes, ZOPFLI));
if (!inflateRawSync(deflated).equals(bytes)) {
	console.error(`deflate-wasm: ${input} does not inflate back to itself; not written.`);
	process.exit(1);
}
writeFileSync(`${input}.deflate`, deflated);
const zlib = deflateRawSync(bytes, { level: 9 }).length;
console.log(`deflated ${input}: ${bytes.length} → ${deflated.length} bytes (zlib level 9: ${zlib})`);
