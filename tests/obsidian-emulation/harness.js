/**
 * Test harness: an emulated Obsidian app over a temporary vault, and the built plugin loaded
 * into it exactly as Obsidian loads it.
 *
 * `loadPlugin` reads `main.js` and `manifest.json` from a build output folder, compiles
 * `main.js` as a CommonJS module whose `require("obsidian")` returns the emulation (any other
 * `require` fails: Obsidian gives plugins nothing else on mobile), instantiates the default
 * export with `(app, manifest)` and awaits its `onload`. Nothing from `plugin/src` is
 * imported, so the tests exercise the real bundle, WebAssembly included.
 */

"use strict";

const fs = require("node:fs");
const Module = require("node:module");
const os = require("node:os");
const nodePath = require("node:path");
const { installDom } = require("./dom");
const obsidian = require("./obsidian");
const { App } = require("./app");
const { takeNotices } = require("./notice");
const { Plugin } = require("./plugin");
const { settleUi } = require("./setting");

/** Creates an empty temporary folder for a vault; remove it with `removeDir`. */
function makeTempDir(prefix = "career-coach-vault-") {
	return fs.mkdtempSync(nodePath.join(os.tmpdir(), prefix));
}

function removeDir(dir) {
	fs.rmSync(dir, { recursive: true, force: true });
}

/** An emulated app over `vaultDir` (created if missing). */
function createTestApp({ vaultDir, layoutReady = true }) {
	if (typeof vaultDir !== "string") {
		throw new TypeError("createTestApp needs { vaultDir }.");
	}
	fs.mkdirSync(vaultDir, { recursive: true });
	installDom();
	return new App(vaultDir, { layoutReady });
}

/** Loads `<distDir>/main.js` into `app` as Obsidian would, and resolves once `onload` has finished. */
async function loadPlugin(app, distDir) {
	const manifest = JSON.parse(fs.readFileSync(nodePath.join(distDir, "manifest.json"), "utf8"));
	const filename = nodePath.join(distDir, "main.js");
	const code = fs.readFileSync(filename, "utf8");

	const bundle = new Module(filename, module);
	bundle.filename = filename;
	bundle.paths = [];
	bundle.require = (id) => {
		if (id === "obsidian") {
			return obsidian;
		}
		throw new Error(`main.js requires "${id}": Obsidian does not provide that module to plugins (or the emulation lacks it).`);
	};
	bundle._compile(code, filename);

	const PluginClass = bundle.exports?.default ?? bundle.exports;
	if (typeof PluginClass !== "function" || !(PluginClass.prototype instanceof Plugin)) {
		throw new TypeError("main.js must export, as default, a class extending Plugin.");
	}
	const plugin = new PluginClass(app, manifest);
	app.plugins.plugins[manifest.id] = plugin;
	app.plugins.manifests[manifest.id] = manifest;
	await plugin.load();
	return plugin;
}

/** Unloads the plugin, as disabling it in Obsidian does. */
function unloadPlugin(app, plugin) {
	plugin.unload();
	delete app.plugins.plugins[plugin.manifest.id];
}

/**
 * Runs a command by full id (`<plugin id>:<command id>`) and waits for it, which Obsidian's
 * `executeCommandById` cannot do: an async callback's promise is returned and awaited here.
 */
async function runCommand(app, id) {
	const command = app.commands.findCommand(id);
	if (command === undefined) {
		throw new Error(`No command "${id}"; registered: ${Object.keys(app.commands.commands).join(", ") || "none"}.`);
	}
	if (typeof command.callback === "function") {
		return await command.callback();
	}
	if (typeof command.checkCallback === "function") {
		if (!command.checkCallback(true)) {
			throw new Error(`Command "${id}" is not available right now.`);
		}
		return await command.checkCallback(false);
	}
	throw new Error(`Command "${id}" needs an editor, which the emulation does not provide.`);
}

module.exports = {
	createTestApp,
	loadPlugin,
	unloadPlugin,
	runCommand,
	takeNotices,
	settleUi,
	makeTempDir,
	removeDir,
	obsidian,
};
