/**
 * The core's calls as the plugin makes them, for the benchmarks: the packed outline read by
 * `plugin/src/core/outline.ts`, and the coaching calls through `plugin/src/core/kept-sessions.ts`
 * (sessions kept in the module between calls), each bundled from the plugin's own source.
 */

import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import esbuild from "esbuild";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");

/** `plugin/src/core/NAME.ts`, bundled for Node, as a CommonJS module's exports. */
async function pluginModule(name) {
	const out = join(ROOT, `build/bench/${name}.cjs`);
	await esbuild.build({ entryPoints: [join(ROOT, `plugin/src/core/${name}.ts`)], outfile: out, bundle: true, format: "cjs", platform: "neutral", target: "es2021", logLevel: "error" });
	return createRequire(import.meta.url)(out);
}

/**
 * The plugin's `outline`: the core's packed outline, whose parts are built when first read.
 * `full` builds every part, for comparison.
 */
export async function loadOutline(core) {
	const { Outline } = await pluginModule("outline");
	return {
		lazy: (text) => new Outline(core.outlinePacked(text).value),
		full: (text) => new Outline(core.outlinePacked(text).value).toJSON(),
	};
}

/**
 * `core` with `coachStart`, `coachPrompt` and `coachStep` as the plugin's wrappers call them
 * (plugin/src/core/wasm.ts). A build from before sessions were kept is returned as it is.
 */
export async function withKeptSessions(core) {
	if (typeof core.coachStartKept !== "function") return core;
	const { SessionKeeper } = await pluginModule("kept-sessions");
	const keeper = new SessionKeeper({ startKept: core.coachStartKept, keep: core.coachKeep, promptKept: core.coachPromptKept, stepKept: core.coachStepKept, generation: () => 1 });
	return { ...core, coachStart: (input) => keeper.start(input), coachPrompt: (input) => keeper.prompt(input), coachStep: (input) => keeper.step(input) };
}
