/**
 * The Rust core, compiled to WebAssembly: the only module that touches it.
 *
 * The module's bytes are inlined into `main.js` by esbuild's `binary` loader and compiled
 * lazily, on the first call, by one memoised `ensureCore()`; Obsidian's `onload` never pays
 * for it. Every export is wrapped in a typed function that returns the core's Result union
 * (`{ ok: true, value } | { ok: false, error }`) and never throws:
 *
 * - The core reports bad input as data, so normally the glue's answer is returned unchanged.
 * - A trap (`WebAssembly.RuntimeError`, e.g. a panic under `panic = "abort"`) leaves the
 *   instance's memory in an unknown state, so the instance is dropped and the next call
 *   builds a fresh one; the caller gets `core_trap`. The glue's `initSync` does nothing once
 *   it has an instance, so the fresh one comes from `__wbg_reset_state`, which wasm-bindgen
 *   emits with `--experimental-reset-state-function` (plugin/esbuild.config.mjs refuses glue without it): it
 *   re-instantiates the already compiled module and clears the glue's cached views.
 * - Anything else thrown (the module failing to compile, a bug in the glue) becomes
 *   `core_failure`, so a command can show a notice instead of failing silently.
 *
 * The value types come from the declarations wasm-bindgen generates from the Rust types,
 * so the two sides cannot drift apart.
 */

import wasmBytes from "../../../build/wasm/career_wasm_bg.wasm";
import {
	__wbg_reset_state as resetGlueState,
	coreVersion as rawCoreVersion,
	initSync,
	notePaths as rawNotePaths,
	renderCareerIndex as rawRenderCareerIndex,
} from "../../../build/wasm/career_wasm.js";
import type { CoreResult, DatedInput, NewNote, NotePaths } from "../../../build/wasm/career_wasm.js";

export type { CoreError, CoreResult, DatedInput, NewNote, NotePaths } from "../../../build/wasm/career_wasm.js";

/** Error code returned when the core trapped; the instance has been dropped. */
export const CORE_TRAP = "core_trap";
/** Error code returned when the core could not be reached at all or threw unexpectedly. */
export const CORE_FAILURE = "core_failure";

/**
 * Where the instance stands: never created (`"none"`), usable (`"ready"`), or dropped after a
 * trap (`"dropped"`, the compiled module is kept and re-instantiated on the next call).
 */
let coreState: "none" | "ready" | "dropped" = "none";

/** Compiles and instantiates the module on first use, re-instantiates it after a trap. */
function ensureCore(): void {
	if (coreState === "ready") {
		return;
	}
	if (coreState === "none") {
		initSync({ module: wasmBytes });
	} else {
		resetGlueState();
	}
	coreState = "ready";
}

/** Forgets the current instance so that the next call starts a fresh one. */
function dropCore(): void {
	if (coreState === "ready") {
		coreState = "dropped";
	}
}

/** Runs one core call behind `ensureCore()`, turning anything thrown into an error result. */
function callCore<T>(name: string, call: () => CoreResult<T>): CoreResult<T> {
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

/** The core's version string. */
export function coreVersion(): CoreResult<string> {
	return callCore("coreVersion", () => ({ ok: true, value: rawCoreVersion() }));
}

/** Every note path for the given settings and day, vault-relative with forward slashes. */
export function notePaths(input: DatedInput): CoreResult<NotePaths> {
	return callCore("notePaths", () => rawNotePaths(input));
}

/** The Career Index note to create: its path and its full markdown text. */
export function renderCareerIndex(input: DatedInput): CoreResult<NewNote> {
	return callCore("renderCareerIndex", () => rawRenderCareerIndex(input));
}
