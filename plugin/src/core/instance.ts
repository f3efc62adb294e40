/**
 * The WebAssembly core's instance: built once, lazily, and rebuilt after a trap.
 *
 * The module's bytes travel deflated inside `main.js` (esbuild's `binary` loader, see
 * scripts/deflate-wasm.mjs), and nothing is decoded, inflated or compiled while the plugin
 * loads: they are `require`d where first needed, not imported, so esbuild wraps their module in
 * a function that runs on that first call, and its base64 (three quarters of a megabyte, 8 ms
 * in a runtime without `Uint8Array.fromBase64`) is decoded then. Two ways lead to an
 * instance, whichever comes first:
 *
 * - `warmUpCore()`, which the plugin starts once Obsidian's layout is ready: the platform's
 *   `DecompressionStream` inflates and `WebAssembly.compile` compiles, both asynchronously,
 *   then the compiled module is instantiated. A runtime without `deflate-raw` streams (older
 *   iOS) or any failure leaves the work to the next call.
 * - the first call before that finished: one memoised `ensureCore()` inflates synchronously
 *   with fflate (or takes the bytes the warm-up already inflated) and calls `initSync`.
 *
 * Both build the same instance from the same bytes. Every call goes through `callCore`, which
 * never throws:
 *
 * - A trap (`WebAssembly.RuntimeError`, e.g. a panic under `panic = "abort"`) leaves the
 *   instance's memory in an unknown state, so the instance is dropped and the next call
 *   builds a fresh one; the caller gets `core_trap`. The glue's `initSync` does nothing once
 *   it has an instance, so the fresh one comes from `__wbg_reset_state`, which wasm-bindgen
 *   emits with `--experimental-reset-state-function` (plugin/esbuild.config.mjs refuses glue without it): it
 *   re-instantiates the already compiled module and clears the glue's cached views.
 * - Anything else thrown (the module failing to compile, a bug in the glue) becomes
 *   `core_failure`, so a command can show a notice instead of failing silently.
 *
 * The exports' typed wrappers are in ./wasm.ts.
 */

import { inflateSync } from "fflate";
import { __wbg_reset_state as resetGlueState, initSync } from "../../../build/wasm/career_wasm.js";
import type { CoreResult } from "../../../build/wasm/career_wasm.js";
import { CORE_FAILURE, CORE_TRAP } from "./codes";
import { inflateStream } from "./inflate";

export { CORE_FAILURE, CORE_TRAP } from "./codes";

/**
 * Where the instance stands: never created (`"none"`), usable (`"ready"`), or dropped after a
 * trap (`"dropped"`, the compiled module is kept and re-instantiated on the next call).
 */
let coreState: "none" | "ready" | "dropped" = "none";

/** esbuild's `require` of a bundled module (there is no Node here: the call never leaves main.js). */
declare const require: (path: "../../../build/wasm/career_wasm_bg.wasm.deflate") => Uint8Array<ArrayBuffer>;

/** The deflated module, decoded from main.js's base64 on the first call (esbuild memoises it). */
function wasmDeflated(): Uint8Array<ArrayBuffer> {
	return require("../../../build/wasm/career_wasm_bg.wasm.deflate");
}

/** The module's bytes once the warm-up has inflated them, for a call that cannot wait for its compile. */
let warmInflated: Uint8Array<ArrayBuffer> | null = null;
/** The one warm-up, once started. */
let warmUp: Promise<void> | null = null;
/** How many instances have been built: what the module keeps belongs to the current one. */
let generation = 0;

/** Which instance is current (changes when a trap restarts it). */
export function coreGeneration(): number {
	return generation;
}

/** Compiles and instantiates the module on first use, re-instantiates it after a trap. */
function ensureCore(): void {
	if (coreState === "ready") {
		return;
	}
	if (coreState === "none") {
		// The warm-up has not finished: inflate here, synchronously, unless it already has.
		initSync({ module: warmInflated ?? inflateSync(wasmDeflated()) });
	} else {
		resetGlueState();
	}
	generation++;
	coreState = "ready";
}

/**
 * Prepares the core in the background, so that the first call finds it ready: inflates with
 * the platform's `DecompressionStream`, compiles with `WebAssembly.compile`, then instantiates.
 * Idempotent; resolves once done or given up (never rejects: a call then does the work).
 */
export function warmUpCore(): Promise<void> {
	warmUp ??= (async () => {
		if (!noInstanceYet() || typeof DecompressionStream !== "function") {
			return;
		}
		try {
			const bytes = await inflateStream(wasmDeflated());
			if (!noInstanceYet()) {
				return;
			}
			warmInflated = bytes;
			const module = await WebAssembly.compile(bytes);
			// A call may have built the instance meanwhile; then this module is not needed.
			if (noInstanceYet()) {
				initSync({ module });
				generation++;
				coreState = "ready";
			}
		} catch {
			// No `deflate-raw` stream here, or the compile failed: the first call will tell.
		} finally {
			warmInflated = null;
		}
	})();
	return warmUp;
}

/** Whether no call has built an instance yet (read after each `await` of the warm-up). */
function noInstanceYet(): boolean {
	return coreState === "none";
}

/** Forgets the current instance so that the next call starts a fresh one. */
function dropCore(): void {
	if (coreState === "ready") {
		coreState = "dropped";
	}
}

/** Runs one core call behind `ensureCore()`, turning anything thrown into an error result. */
export function callCore<T>(name: string, call: () => CoreResult<T>): CoreResult<T> {
	try {
		ensureCore();
		return call();
	} catch (thrown) {
		const detail = thrown instanceof Error ? thrown.message : String(thrown);
		if (thrown instanceof WebAssembly.RuntimeError) {
			dropCore();
			return failure(CORE_TRAP, `The core stopped unexpectedly in ${name} (${detail}); it will restart on the next call.`);
		}
		return failure(CORE_FAILURE, `The core could not run ${name}: ${detail}`);
	}
}

function failure<T>(code: string, message: string): CoreResult<T> {
	return { ok: false, error: { code, message } };
}
