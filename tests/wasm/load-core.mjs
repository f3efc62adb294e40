/**
 * Loads the built WebAssembly core (build/wasm/) in Node, as the plugin does:
 * wasm-bindgen's `--target web` glue and `initSync` with the module's bytes.
 */

import { copyFileSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

export const ROOT = new URL("../..", import.meta.url).pathname;

/** Imports the glue (an ES module with a .js name, so copied as .mjs) and initialises it. */
export async function loadCore() {
	const dir = mkdtempSync(join(tmpdir(), "career-wasm-"));
	const glue = join(dir, "career_wasm.mjs");
	copyFileSync(join(ROOT, "build/wasm/career_wasm.js"), glue);
	// eslint-disable-next-line no-unsanitized/method -- the URL is our own build output, copied just above
	const core = await import(pathToFileURL(glue).href);
	core.initSync({ module: readFileSync(join(ROOT, "build/wasm/career_wasm_bg.wasm")) });
	return core;
}
