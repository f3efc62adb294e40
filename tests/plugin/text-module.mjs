/**
 * The plugin's pure text modules (`plugin/src/text/*.ts`), bundled for tests.
 *
 * They import nothing from Obsidian or the core, so they can be tested directly rather than
 * only through `dist/main.js`. esbuild (already used for the plugin) bundles every file of the
 * folder into one CommonJS module, `build/test/text.js`, built afresh on each test run so the
 * tests always see the current source. Not a test itself (the runner only picks up
 * `*.test.mjs`).
 */

import { mkdirSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import esbuild from "esbuild";

const require = createRequire(import.meta.url);
const ROOT = join(dirname(fileURLToPath(import.meta.url)), "../..");
const SOURCE_DIR = join(ROOT, "plugin/src/text");
const OUT_FILE = join(ROOT, "build/test/text.js");

/** Builds `build/test/text.js` from `plugin/src/text/*.ts` and loads it. */
export async function loadTextModule() {
	const files = readdirSync(SOURCE_DIR).filter((name) => name.endsWith(".ts")).sort();
	mkdirSync(join(ROOT, "build/test"), { recursive: true });
	await esbuild.build({
		stdin: {
			contents: files.map((name) => `export * from "./${name.slice(0, -3)}";`).join("\n"),
			resolveDir: SOURCE_DIR,
			sourcefile: "text-modules.ts",
			loader: "ts",
		},
		outfile: OUT_FILE,
		bundle: true,
		format: "cjs",
		platform: "neutral",
		target: "es2021",
		logLevel: "error",
	});
	delete require.cache[OUT_FILE];
	return require(OUT_FILE);
}
