/**
 * The core's first use: `onload` leaves the WebAssembly alone, the warm-up starts only once the
 * layout is ready and `onload` has returned, and a command works the same whether the warm-up
 * finished (inflated by `DecompressionStream`, compiled with `WebAssembly.compile`), is still
 * inflating or compiling, or never started (inflated synchronously by fflate, compiled with
 * `initSync`), or cannot run at all (no `DecompressionStream`).
 *
 * How long any of it takes is measured by `npm run bench` (scripts/bench-startup.mjs), never here.
 */

import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { test } from "node:test";
import { CAREER_INDEX_COMMAND, DIST, METHODOLOGY_COMMAND, PROFILE_COMMAND, harness, makeVault, readVaultFile, watchWebAssembly } from "./support.mjs";

const INDEX = "Career/0_Career_Index.md";
const NO_WASM = { Module: 0, Instance: 0, compile: 0, instantiate: 0, compileStreaming: 0, instantiateStreaming: 0 };

/** What opens each step of a warm-up a test holds back (`hold`), for the test's end. */
const gates = new Set();

/**
 * Loads the plugin into a fresh vault (its own copy of the core) with WebAssembly watched until
 * `wasm.restore()` or the end of the test. Call `load` again only after restoring: the counts
 * are global.
 */
async function load(t, { layoutReady, without = [] }) {
	const { app, vaultDir } = makeVault(t);
	app.workspace.layoutReady = layoutReady;
	const wasm = watchWebAssembly();
	const hidden = without.map((name) => hide(name));
	let restored = false;
	const restore = () => {
		if (!restored) {
			restored = true;
			wasm.restore();
			for (const put of hidden) put();
		}
	};
	const plugin = await harness.loadPlugin(app, DIST);
	t.after(async () => {
		// A warm-up still running would count in the next test's wrappers; a held one, never end.
		for (const open of gates) open();
		gates.clear();
		await plugin.coreWarmUp;
		restore();
		harness.unloadPlugin(app, plugin);
	});
	return { app, vaultDir, plugin, wasm: { counts: wasm.counts, restore } };
}

/**
 * Takes away a global the warm-up uses (`"DecompressionStream"`), as a runtime without it
 * would; returns what puts it back.
 */
function hide(name) {
	const original = globalThis[name];
	delete globalThis[name];
	assert.equal(typeof globalThis[name], "undefined", `${name} is hidden`);
	return () => {
		globalThis[name] = original;
	};
}

/** A promise the test's end resolves too, so that a warm-up held on it always ends. */
function hold() {
	let open;
	const opened = new Promise((resolve) => {
		open = resolve;
	});
	gates.add(open);
	return { opened, open };
}

/**
 * Holds back the warm-up's `WebAssembly[name]` (`"compile"`, counted as usual): `called`
 * resolves once the warm-up has called it, which then waits for `open()`. Install after
 * `load`; the watch's `restore()` removes it.
 */
function gate(name) {
	const counted = WebAssembly[name];
	const { opened, open } = hold();
	let reached;
	const called = new Promise((resolve) => {
		reached = resolve;
	});
	WebAssembly[name] = async (...args) => {
		reached();
		await opened;
		return counted(...args);
	};
	return { called, open };
}

/**
 * Holds back what the platform's `DecompressionStream` inflates until `open()`: the warm-up is
 * then inflating for as long as a test needs. Install after `load`.
 */
function holdInflate(t) {
	const Platform = globalThis.DecompressionStream;
	const { opened, open } = hold();
	globalThis.DecompressionStream = class extends Platform {
		get readable() {
			return super.readable.pipeThrough(new TransformStream({ start: () => opened }));
		}
	};
	t.after(() => {
		globalThis.DecompressionStream = Platform;
	});
	return { open };
}

/**
 * Counts the decodes of the module's base64 in main.js. esbuild's `binary` loader decodes with
 * `Uint8Array.fromBase64` where the runtime has it, looked up when main.js loads, so a counting
 * one installed before the load sees every decode (Node 20 has none of its own).
 */
function watchDecodes(t) {
	const own = Object.getOwnPropertyDescriptor(Uint8Array, "fromBase64");
	const decodes = { count: 0 };
	Uint8Array.fromBase64 = (text) => {
		decodes.count += 1;
		return new Uint8Array(Buffer.from(text, "base64"));
	};
	t.after(() => {
		if (own === undefined) delete Uint8Array.fromBase64;
		else Object.defineProperty(Uint8Array, "fromBase64", own);
	});
	return decodes;
}

/** Returns once the plugin has started the warm-up, `plugin.coreWarmUp` (on a timer after the layout is ready). */
async function warmUpStarted(plugin) {
	for (let turn = 0; plugin.coreWarmUp === null; turn++) {
		assert.ok(turn < 100, "the warm-up starts within a few event-loop turns of the layout being ready");
		await new Promise((resolve) => setTimeout(resolve, 0));
	}
	// Not returned: awaiting this function would then wait for the whole warm-up.
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

test("loading the plugin leaves the module's base64 alone: the first call decodes it, once", async (t) => {
	const decodes = watchDecodes(t);
	const { vaultDir, app, plugin } = await load(t, { layoutReady: false });
	assert.equal(decodes.count, 0, "nothing decoded while Obsidian loads the plugin");

	await harness.runCommand(app, CAREER_INDEX_COMMAND);
	assert.ok(readVaultFile(vaultDir, INDEX) !== null, "the Career Index was created");
	assert.equal(decodes.count, 1, "decoded for the first call");

	app.workspace.emulateLayoutReady();
	await warmUpStarted(plugin);
	await plugin.coreWarmUp;
	await harness.runCommand(app, METHODOLOGY_COMMAND);
	assert.equal(decodes.count, 1, "never decoded again");
});

test("the warm-up decodes the module's base64 in the background, once", async (t) => {
	const decodes = watchDecodes(t);
	const { app, plugin } = await load(t, { layoutReady: true });
	assert.equal(decodes.count, 0, "nothing decoded while Obsidian loads the plugin");

	await warmUpStarted(plugin);
	await plugin.coreWarmUp;
	assert.equal(decodes.count, 1, "decoded by the warm-up");
	await harness.runCommand(app, CAREER_INDEX_COMMAND);
	assert.equal(decodes.count, 1, "the first call found the core ready");
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

test("a command while the warm-up inflates works, and the warm-up then stops", async (t) => {
	const { vaultDir, app, plugin, wasm } = await load(t, { layoutReady: false });
	const inflating = holdInflate(t);
	app.workspace.emulateLayoutReady();
	await warmUpStarted(plugin);

	await harness.runCommand(app, CAREER_INDEX_COMMAND);
	assert.ok(readVaultFile(vaultDir, INDEX) !== null, "the Career Index was created");
	inflating.open();
	await plugin.coreWarmUp;
	assert.deepEqual(wasm.counts, { ...NO_WASM, Module: 1, Instance: 1 }, "the call compiled and instantiated; the warm-up stopped once it had inflated");
});

test("a command while the warm-up compiles works, and only one instance is ever built", async (t) => {
	const { vaultDir, app, plugin, wasm } = await load(t, { layoutReady: false });
	const compiling = gate("compile");
	app.workspace.emulateLayoutReady();
	await warmUpStarted(plugin);
	await compiling.called;

	await harness.runCommand(app, CAREER_INDEX_COMMAND);
	assert.ok(readVaultFile(vaultDir, INDEX) !== null, "the Career Index was created");
	compiling.open();
	await plugin.coreWarmUp;
	assert.deepEqual(wasm.counts, { ...NO_WASM, compile: 1, Module: 1, Instance: 1 }, "the call compiled and instantiated; the warm-up's module was left unused");
});

test("where the runtime cannot inflate a stream, the warm-up leaves the core to the first command", async (t) => {
	const { vaultDir, app, plugin, wasm } = await load(t, { layoutReady: true, without: ["DecompressionStream"] });
	await warmUpStarted(plugin);
	await plugin.coreWarmUp;
	assert.deepEqual(wasm.counts, NO_WASM, "the warm-up did nothing");

	await harness.runCommand(app, CAREER_INDEX_COMMAND);
	assert.ok(readVaultFile(vaultDir, INDEX) !== null, "the Career Index was created");
	assert.deepEqual(wasm.counts, { ...NO_WASM, Module: 1, Instance: 1 }, "compiled synchronously, on the call");
});

test("the warm-up and the synchronous path give the same notes", async (t) => {
	const commands = [CAREER_INDEX_COMMAND, PROFILE_COMMAND, METHODOLOGY_COMMAND];
	const ways = [
		{ name: "the warm-up", options: { layoutReady: true }, counts: { ...NO_WASM, compile: 1, Instance: 1 } },
		{ name: "the first call", options: { layoutReady: false }, counts: { ...NO_WASM, Module: 1, Instance: 1 } },
	];
	const vaults = [];
	for (const way of ways) {
		const loaded = await load(t, way.options);
		if (way.options.layoutReady) {
			await warmUpStarted(loaded.plugin);
			await loaded.plugin.coreWarmUp;
		}
		for (const command of commands) {
			await harness.runCommand(loaded.app, command);
		}
		assert.deepEqual(loaded.wasm.counts, way.counts, `the vault ran on ${way.name}`);
		loaded.wasm.restore();
		vaults.push(loaded.vaultDir);
	}

	const [first, ...others] = vaults;
	const created = notesIn(first);
	for (const path of [INDEX, "CLAUDE.md"]) {
		assert.ok(created.includes(path), `${path} was created`);
	}
	for (const [index, other] of others.entries()) {
		const way = ways[index + 1].name;
		assert.deepEqual(notesIn(other), created, `${way} created the same notes`);
		for (const path of created) {
			assert.deepEqual(readVaultFile(other, path), readVaultFile(first, path), `${path} is byte for byte the same through ${way}`);
		}
	}
});
