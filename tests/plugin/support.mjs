/**
 * Shared setup for the plugin bundle tests: a temporary vault, the emulated app, the built
 * plugin loaded into it, and the core called directly for expected values.
 *
 * Every test runs against `dist/main.js` as built by `node plugin/esbuild.config.mjs`; nothing
 * from `plugin/src` is imported. This file is not a test itself (the runner only picks up
 * `*.test.mjs`).
 */

import assert from "node:assert/strict";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);

/** The emulation harness (CommonJS). */
export const harness = require("../obsidian-emulation/harness.js");

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "../..");
export const DIST = join(ROOT, "dist");
export const PLUGIN_ID = "career-coach";
export const CAREER_INDEX_COMMAND = `${PLUGIN_ID}:create-or-upgrade-career-index`;
export const PROFILE_COMMAND = `${PLUGIN_ID}:create-or-upgrade-profile`;
export const METHODOLOGY_COMMAND = `${PLUGIN_ID}:create-or-upgrade-methodology-note`;

assert.ok(
	existsSync(join(DIST, "main.js")) && existsSync(join(DIST, "manifest.json")),
	"dist/main.js is missing: build the plugin first (scripts/build-wasm.sh, then node plugin/esbuild.config.mjs).",
);

/**
 * A fresh temporary vault (removed after the test), optionally seeded with files, with the
 * plugin's `data.json` and with Obsidian's own `.obsidian/app.json` (`appConfig`), and an
 * emulated app over it. Modals left open by the test are closed afterwards.
 */
export function makeVault(t, { files = {}, data, appConfig } = {}) {
	const vaultDir = harness.makeTempDir();
	t.after(() => harness.removeDir(vaultDir));
	for (const [path, text] of Object.entries(files)) {
		mkdirSync(dirname(join(vaultDir, path)), { recursive: true });
		writeFileSync(join(vaultDir, path), text);
	}
	if (data !== undefined) {
		const dataDir = join(vaultDir, ".obsidian/plugins", PLUGIN_ID);
		mkdirSync(dataDir, { recursive: true });
		writeFileSync(join(dataDir, "data.json"), JSON.stringify(data));
	}
	if (appConfig !== undefined) {
		mkdirSync(join(vaultDir, ".obsidian"), { recursive: true });
		writeFileSync(join(vaultDir, ".obsidian/app.json"), JSON.stringify(appConfig));
	}
	harness.takeNotices();
	t.after(() => harness.closeAllModals());
	const app = harness.createTestApp({ vaultDir });
	return { app, vaultDir };
}

/** A vault as above with the built plugin loaded into it. */
export async function loadInVault(t, options) {
	const { app, vaultDir } = makeVault(t, options);
	const plugin = await harness.loadPlugin(app, DIST);
	t.after(() => harness.unloadPlugin(app, plugin));
	return { app, vaultDir, plugin };
}

/** Reads a vault file's bytes from disk, or null when it does not exist. */
export function readVaultFile(vaultDir, path) {
	const full = join(vaultDir, path);
	return existsSync(full) ? readFileSync(full) : null;
}

/** Today as the plugin computes it: the local calendar date, `YYYY-MM-DD`. */
export function localToday(now = new Date()) {
	const pad = (n, width = 2) => String(n).padStart(width, "0");
	return `${pad(now.getFullYear(), 4)}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

let glue = null;

/** The core called directly through the wasm-bindgen glue, for expected values. */
export async function core() {
	if (glue === null) {
		glue = await import("../../build/wasm/career_wasm.js");
		glue.initSync({ module: readFileSync(join(ROOT, "build/wasm/career_wasm_bg.wasm")) });
	}
	return glue;
}

/**
 * An `onInstance` for {@link watchWebAssembly}: the first instance's export `name` traps, as a
 * Rust panic under panic=abort would, whenever `when()` is true; later instances are left alone.
 */
export function trapInFirstInstance(name, when = () => true) {
	return (instance, count) =>
		count > 1
			? instance
			: {
					exports: {
						...instance.exports,
						[name]: (...args) => {
							if (when()) throw new WebAssembly.RuntimeError("unreachable");
							return instance.exports[name](...args);
						},
					},
				};
}

/**
 * Replaces `WebAssembly.Module`, `Instance`, `compile`, `instantiate` and the streaming
 * variants with counting wrappers until the returned `restore()` is called. `onInstance`,
 * if given, may replace each new instance (to inject a trap).
 */
export function watchWebAssembly({ onInstance } = {}) {
	const original = {};
	const counts = { Module: 0, Instance: 0, compile: 0, instantiate: 0, compileStreaming: 0, instantiateStreaming: 0 };
	for (const name of ["Module", "Instance"]) {
		original[name] = WebAssembly[name];
		WebAssembly[name] = new Proxy(original[name], {
			construct(target, args, newTarget) {
				counts[name] += 1;
				const made = Reflect.construct(target, args, newTarget === WebAssembly[name] ? target : newTarget);
				return name === "Instance" && onInstance !== undefined ? onInstance(made, counts.Instance) : made;
			},
		});
	}
	for (const name of ["compile", "instantiate", "compileStreaming", "instantiateStreaming"]) {
		original[name] = WebAssembly[name];
		WebAssembly[name] = (...args) => {
			counts[name] += 1;
			return original[name](...args);
		};
	}
	const restore = () => Object.assign(WebAssembly, original);
	const total = () => Object.values(counts).reduce((a, b) => a + b, 0);
	return { counts, total, restore };
}
