/**
 * The core's first use: `onload` leaves the WebAssembly alone, the warm-up starts only once the
 * layout is ready and `onload` has returned, and a command works the same whether the warm-up
 * finished (inflated by `DecompressionStream`, compiled with `WebAssembly.compile`), is still
 * running, or never started (inflated synchronously by fflate, compiled with `initSync`).
 *
 * How long any of it takes is measured by `npm run bench` (scripts/bench-startup.mjs), never here.
 */

import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { test } from "node:test";
import { CAREER_INDEX_COMMAND, DIST, METHODOLOGY_COMMAND, PROFILE_COMMAND, harness, makeVault, readVaultFile, watchWebAssembly } from "./support.mjs";

const INDEX = "Career/0_Career_Index.md";
const NO_WASM = { Module: 0, Instance: 0, compile: 0, instantiate: 0, compileStreaming: 0, instantiateStreaming: 0 };

/**
 * Loads the plugin into a fresh vault (its own copy of the core) with WebAssembly watched until
 * `wasm.restore()` or the end of the test. Call `load` again only after restoring: the counts
 * are global.
 */
async function load(t, { layoutReady }) {
	const { app, vaultDir } = makeVault(t);
	app.workspace.layoutReady = layoutReady;
	const wasm = watchWebAssembly();
	let restored = false;
	const restore = () => {
		if (!restored) {
			restored = true;
			wasm.restore();
		}
	};
	const plugin = await harness.loadPlugin(app, DIST);
	t.after(async () => {
		// A warm-up still running would count in the next test's wrappers.
		await plugin.coreWarmUp;
		restore();
		harness.unloadPlugin(app, plugin);
	});
	return { app, vaultDir, plugin, wasm: { counts: wasm.counts, restore } };
}

/** The warm-up once the plugin has started it (it starts on a timer after the layout is ready). */
async function warmUpStarted(plugin) {
	for (let turn = 0; plugin.coreWarmUp === null; turn++) {
		assert.ok(turn < 100, "the warm-up starts within a few event-loop turns of the layout being ready");
		await new Promise((resolve) => setTimeout(resolve, 0));
	}
	return plugin.coreWarmUp;
}

/** The vault's markdown files, sorted vault paths. */
function notesIn(vaultDir) {
	return readdirSync(vaultDir, { recursive: true })
		.map((path) => path.split("\\").join("/"))
		.filter((path) => path.endsWith(".md"))
		.sort();
}

/** Lets pending timers run, so a warm-up that was going to start would have. */
async function turns(count) {
	for (let turn = 0; turn < count; turn++) {
		await new Promise((resolve) => setTimeout(resolve, 0));
	}
}

test("onload neither compiles the core nor starts the warm-up, even when the layout is already ready", async (t) => {
	const { plugin, wasm } = await load(t, { layoutReady: true });
	assert.deepEqual(wasm.counts, NO_WASM, "nothing was compiled or instantiated during onload");
	assert.equal(plugin.coreWarmUp, null, "the warm-up waits until onload has returned");

	await warmUpStarted(plugin);
	await plugin.coreWarmUp;
	assert.deepEqual(wasm.counts, { ...NO_WASM, compile: 1, Instance: 1 }, "compiled asynchronously, then instantiated once");
});

test("while Obsidian is still laying out the workspace, nothing is compiled; the warm-up starts once it is ready", async (t) => {
	const { app, plugin, wasm } = await load(t, { layoutReady: false });
	await turns(5);
	assert.equal(plugin.coreWarmUp, null);
	assert.deepEqual(wasm.counts, NO_WASM);

	app.workspace.emulateLayoutReady();
	await warmUpStarted(plugin);
	await plugin.coreWarmUp;
	assert.deepEqual(wasm.counts, { ...NO_WASM, compile: 1, Instance: 1 });
});

test("a command after the warm-up uses the instance it built", async (t) => {
	const { vaultDir, app, plugin, wasm } = await load(t, { layoutReady: true });
	await warmUpStarted(plugin);
	await plugin.coreWarmUp;

	await harness.runCommand(app, CAREER_INDEX_COMMAND);
	assert.ok(readVaultFile(vaultDir, INDEX) !== null, "the Career Index was created");
	assert.deepEqual(wasm.counts, { ...NO_WASM, compile: 1, Instance: 1 }, "nothing compiled again");
});

test("a command before the warm-up prepares the core itself, and the warm-up then does nothing", async (t) => {
	const { vaultDir, app, plugin, wasm } = await load(t, { layoutReady: false });

	await harness.runCommand(app, CAREER_INDEX_COMMAND);
	assert.ok(readVaultFile(vaultDir, INDEX) !== null, "the Career Index was created");
	assert.deepEqual(wasm.counts, { ...NO_WASM, Module: 1, Instance: 1 }, "compiled synchronously, on the call");

	app.workspace.emulateLayoutReady();
	await warmUpStarted(plugin);
	await plugin.coreWarmUp;
	assert.deepEqual(wasm.counts, { ...NO_WASM, Module: 1, Instance: 1 }, "the warm-up found the core ready");
});

test("a command while the warm-up is running works, and only one instance is ever built", async (t) => {
	const { vaultDir, app, plugin, wasm } = await load(t, { layoutReady: true });
	const warmUp = await warmUpStarted(plugin);

	await harness.runCommand(app, CAREER_INDEX_COMMAND);
	assert.ok(readVaultFile(vaultDir, INDEX) !== null, "the Career Index was created");
	await warmUp;
	assert.equal(wasm.counts.Instance, 1, "one instance, whichever path built it");
	assert.equal(wasm.counts.Module + wasm.counts.compile, 1, "compiled once");
});

test("the warm-up and the synchronous path give the same notes", async (t) => {
	const commands = [CAREER_INDEX_COMMAND, PROFILE_COMMAND, METHODOLOGY_COMMAND];
	const warm = await load(t, { layoutReady: true });
	await warmUpStarted(warm.plugin);
	await warm.plugin.coreWarmUp;
	for (const command of commands) {
		await harness.runCommand(warm.app, command);
	}
	assert.deepEqual(warm.wasm.counts, { ...NO_WASM, compile: 1, Instance: 1 }, "the first vault ran on the warmed-up core");
	warm.wasm.restore();

	const cold = await load(t, { layoutReady: false });
	for (const command of commands) {
		await harness.runCommand(cold.app, command);
	}
	assert.deepEqual(cold.wasm.counts, { ...NO_WASM, Module: 1, Instance: 1 }, "the second vault compiled on its first call");

	const created = notesIn(warm.vaultDir);
	assert.deepEqual(notesIn(cold.vaultDir), created, "the same notes were created");
	for (const path of [INDEX, "CLAUDE.md"]) {
		assert.ok(created.includes(path), `${path} was created`);
	}
	for (const path of created) {
		assert.deepEqual(readVaultFile(warm.vaultDir, path), readVaultFile(cold.vaultDir, path), `${path} is byte for byte the same`);
	}
});
