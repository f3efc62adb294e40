/**
 * Builds the plugin bundle: `plugin/src/main.ts` → `dist/main.js`, plus the two other files
 * Obsidian downloads from a release next to it: `manifest.json`, copied, and `styles.css`, the
 * files of `plugin/styles/` joined in name order (one file per part of the plugin).
 *
 * The WebAssembly module, deflated, is inlined by the `binary` loader (Obsidian fetches nothing
 * else; plugin/src/core/instance.ts `require`s it, so it is decoded on first use),
 * Obsidian's own modules stay external, and the output is CommonJS because that is what
 * Obsidian's plugin loader `require`s. Pass `production` to minify:
 *
 *     node plugin/esbuild.config.mjs             # readable bundle, for reading and debugging
 *     node plugin/esbuild.config.mjs production  # minified, as released
 *
 * No source map is emitted: an inline one would roughly double `main.js`, which Obsidian Sync
 * and mobile devices pay for. Any esbuild warning (an unresolved `import.meta`, a missing
 * export) fails the build, because it means the bundle would misbehave at run time. Paths are
 * resolved from this file, so it can be run from any working directory.
 */

import { copyFile, mkdir, readFile, readdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import esbuild from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const outDir = join(root, "dist");
const production = process.argv.slice(2).includes("production");

await checkGlue(join(root, "build/wasm/career_wasm.js"));
await mkdir(outDir, { recursive: true });

const result = await esbuild.build({
	absWorkingDir: root,
	entryPoints: [join(root, "plugin/src/main.ts")],
	outfile: join(outDir, "main.js"),
	bundle: true,
	format: "cjs",
	platform: "browser",
	target: "es2021",
	external: ["obsidian", "electron", "@codemirror/*", "@lezer/*"],
	loader: { ".deflate": "binary" },
	minify: production,
	sourcemap: false,
	treeShaking: true,
	legalComments: "none",
	logLevel: "warning",
}).catch(() => {
	// esbuild has already printed the errors.
	process.exit(1);
});

if (result.warnings.length > 0) {
	console.error(`esbuild reported ${result.warnings.length} warning(s); refusing to ship this bundle.`);
	process.exit(1);
}

await copyFile(join(root, "manifest.json"), join(outDir, "manifest.json"));
const styleDir = join(root, "plugin/styles");
const styleFiles = (await readdir(styleDir)).filter((name) => name.endsWith(".css")).sort();
const styles = await Promise.all(styleFiles.map((name) => readFile(join(styleDir, name), "utf8")));
await writeFile(join(outDir, "styles.css"), styles.join(""));

/** Fails early, with the fix, when the wasm-bindgen output is missing or lacks what we use. */
async function checkGlue(gluePath) {
	const glue = await readFile(gluePath, "utf8").catch(() => null);
	if (glue === null) {
		console.error(`${gluePath} is missing: run scripts/build-wasm.sh first.`);
		process.exit(1);
	}
	if (!/export function __wbg_reset_state\b/.test(glue)) {
		console.error(
			`${gluePath} has no __wbg_reset_state export: wasm-bindgen must run with ` +
				"--experimental-reset-state-function (plugin/src/core/instance.ts uses it to restart the core after a trap).",
		);
		process.exit(1);
	}
}
