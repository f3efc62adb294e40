/**
 * Loads the built WebAssembly core (build/wasm/) in Node, as the plugin does:
 * wasm-bindgen's `--target web` glue and `initSync` with the module's bytes.
 */

import { copyFileSync, mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import esbuild from "esbuild";

export const ROOT = new URL("../..", import.meta.url).pathname;

/** Imports the glue (an ES module with a .js name, so copied as .mjs) and initialises it. */
export async function loadCore(built = join(ROOT, "build/wasm")) {
	const dir = mkdtempSync(join(tmpdir(), "career-wasm-"));
	const glue = join(dir, "career_wasm.mjs");
	copyFileSync(join(built, "career_wasm.js"), glue);
	// eslint-disable-next-line no-unsanitized/method -- the URL is our own build output, copied just above
	const core = await import(pathToFileURL(glue).href);
	core.initSync({ module: readFileSync(join(built, "career_wasm_bg.wasm")) });
	return core;
}

/**
 * `plugin/src/core/NAME.ts` bundled for Node and loaded: the plugin's own code over the core's
 * data (the outline reader, the session keeper), for the WASM tests and the benchmarks.
 */
export async function pluginModule(name) {
	const out = join(ROOT, "build/test", `${name}.cjs`);
	mkdirSync(join(ROOT, "build/test"), { recursive: true });
	await esbuild.build({ entryPoints: [join(ROOT, `plugin/src/core/${name}.ts`)], outfile: out, bundle: true, format: "cjs", platform: "neutral", target: "es2021", logLevel: "error" });
	const require = createRequire(import.meta.url);
	delete require.cache[out];
	return require(out);
}

/**
 * The text `edits` (byte spans of `text`, as `applyOperation` returns them) give, each checked
 * against the pre-image it claims; what the plugin's `applyByteEdits` does, written separately.
 */
export function applyEdits(text, edits) {
	const bytes = Buffer.from(text, "utf8");
	const parts = [];
	let at = 0;
	for (const { span, expected, new_text } of edits) {
		if (span.start < at || span.end < span.start || span.end > bytes.length) throw new RangeError(`bad span ${span.start}..${span.end}`);
		if (bytes.subarray(span.start, span.end).toString("utf8") !== expected) throw new Error(`span ${span.start}..${span.end} does not hold its pre-image`);
		parts.push(bytes.subarray(at, span.start), Buffer.from(new_text, "utf8"));
		at = span.end;
	}
	parts.push(bytes.subarray(at));
	return Buffer.concat(parts).toString("utf8");
}
