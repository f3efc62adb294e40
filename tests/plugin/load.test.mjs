/**
 * Loading the built plugin: it registers its command and settings tab, leaves the vault
 * alone, and does not compile the WebAssembly core until a command needs it.
 */

import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { test } from "node:test";
import { CREATE_CAREER_INDEX, DIST, harness, makeVault, watchWebAssembly } from "./support.mjs";

test("onload registers the command and the settings tab without compiling WebAssembly", async (t) => {
	const { app, vaultDir } = makeVault(t);
	const wasm = watchWebAssembly();
	let plugin;
	try {
		plugin = await harness.loadPlugin(app, DIST);
		assert.deepEqual(wasm.counts, { Module: 0, Instance: 0, compile: 0, instantiate: 0, compileStreaming: 0, instantiateStreaming: 0 });

		const command = app.commands.findCommand(CREATE_CAREER_INDEX);
		assert.ok(command, `command ${CREATE_CAREER_INDEX} is registered`);
		assert.equal(command.name, "Career Coach: Create career index");
		assert.equal(command.hotkeys, undefined, "no default hotkey");
		assert.equal(app.setting.pluginTabs.length, 1);

		assert.deepEqual(app.vault.getAllLoadedFiles().map((f) => f.path), ["/"], "no note or folder was created");
		assert.deepEqual(readdirSync(vaultDir), [], "nothing was written to disk, not even data.json");
		assert.deepEqual(harness.takeNotices(), []);

		// The wrapper does see compilation: the first command compiles and instantiates once.
		await harness.runCommand(app, CREATE_CAREER_INDEX);
		assert.equal(wasm.counts.Module, 1);
		assert.equal(wasm.counts.Instance, 1);
		await harness.runCommand(app, CREATE_CAREER_INDEX);
		assert.equal(wasm.counts.Module, 1, "the compiled core is reused");
		assert.equal(wasm.counts.Instance, 1, "the instance is reused");
	} finally {
		wasm.restore();
		if (plugin !== undefined) {
			harness.unloadPlugin(app, plugin);
		}
	}
});

test("unloading removes the command and the settings tab", async (t) => {
	const { app } = makeVault(t);
	const plugin = await harness.loadPlugin(app, DIST);
	harness.unloadPlugin(app, plugin);
	assert.equal(app.commands.findCommand(CREATE_CAREER_INDEX), undefined);
	assert.deepEqual(app.setting.pluginTabs, []);
	assert.equal(app.vault.listenerCount() + app.workspace.listenerCount() + app.metadataCache.listenerCount(), 0);
});

test("settings saved by the user are loaded at startup, and bad values fall back to defaults", async (t) => {
	const { app } = makeVault(t, {
		data: { careerFolder: "Work/Career", careerIndexName: "   ", goalsNamePattern: 42, unknownKey: "dropped" },
	});
	const plugin = await harness.loadPlugin(app, DIST);
	t.after(() => harness.unloadPlugin(app, plugin));
	assert.deepEqual(plugin.settings, {
		careerFolder: "Work/Career",
		careerIndexName: "0_Career_Index",
		goalsNamePattern: "{year} Goals",
		sessionLogNamePattern: "{date} Career Coaching Session",
		profileFile: "CLAUDE.md",
	});
});
