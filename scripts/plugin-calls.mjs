/**
 * The core's calls as the plugin makes them, for the benchmarks: the packed outline read by
 * `plugin/src/core/outline.ts`, and the coaching calls through `plugin/src/core/kept-sessions.ts`
 * (sessions kept in the module between calls), each bundled from the plugin's own source.
 */

import { pluginModule } from "../tests/wasm/load-core.mjs";

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
