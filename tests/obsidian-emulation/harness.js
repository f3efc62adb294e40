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
const { closeAllModals } = require("./modal");
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
 *
 * A `checkCallback` returns a boolean, so its work cannot be awaited; the emulation's vault
 * and workspace finish their work within microtasks (files are read and written
 * synchronously), so after calling it this waits a few event-loop turns (`settle`), by which
 * time the command has finished or is waiting for the user (an open modal).
 *
 * A command that opens a modal does not finish until the modal is answered: start it without
 * awaiting, `waitForModal`, click or press a key, then await the returned promise.
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
		const result = command.checkCallback(false);
		await settle();
		return result;
	}
	throw new Error(`Command "${id}" needs an editor, which the emulation does not provide.`);
}

/**
 * Changes a plugin's `data.json` on disk as another program would (Sync, `career` in a
 * terminal): writes `data` (an object, as JSON, or a string as is), then lets Obsidian's
 * watcher notice, which calls the plugin's `onExternalSettingsChange()`. Resolves with whether
 * the hook ran, once it has finished.
 */
async function changeDataOnDisk(app, plugin, data) {
	const full = app.vault.adapter.getFullPath(plugin.dataPath());
	fs.mkdirSync(nodePath.dirname(full), { recursive: true });
	fs.writeFileSync(full, typeof data === "string" ? data : JSON.stringify(data, null, 2));
	const called = await plugin.checkExternalDataChange();
	await settle();
	return called;
}

/** Waits a few turns of the event loop, so that pending promise chains run to their end. */
async function settle(turns = 3) {
	for (let i = 0; i < turns; i++) {
		await new Promise((resolve) => setImmediate(resolve));
	}
}

/** The modals currently open (their `.modal-container` elements), oldest first. */
function openModals() {
	return [...globalThis.document.body.querySelectorAll(":scope > .modal-container")];
}

/** Waits (a bounded number of event-loop turns) until a modal is open, and returns its container. */
async function waitForModal(turns = 50) {
	for (let i = 0; i < turns; i++) {
		const modals = openModals();
		if (modals.length > 0) {
			return modals[modals.length - 1];
		}
		await new Promise((resolve) => setImmediate(resolve));
	}
	throw new Error("No modal opened.");
}

/** The button inside `root` whose text is exactly `text`; throws naming the buttons there. */
function findButton(root, text) {
	const buttons = [...root.querySelectorAll("button")];
	const button = buttons.find((candidate) => candidate.textContent === text);
	if (button === undefined) {
		throw new Error(`No button "${text}"; found: ${buttons.map((b) => JSON.stringify(b.textContent)).join(", ") || "none"}.`);
	}
	return button;
}

/**
 * Presses a key as a user would: `keydown` on the focused element (or the body), bubbling to
 * the document where Obsidian's keymap listens. If nothing prevented the default and the key
 * is Enter on a focused button, the button is clicked, as a browser does.
 */
function pressKey(key, modifiers = {}) {
	const doc = globalThis.document;
	const target = doc.activeElement ?? doc.body;
	const event = new globalThis.KeyboardEvent("keydown", { key, bubbles: true, cancelable: true, ...modifiers });
	const notPrevented = target.dispatchEvent(event);
	if (notPrevented && key === "Enter" && target.tagName === "BUTTON") {
		target.click();
	}
	return event;
}

module.exports = {
	createTestApp,
	loadPlugin,
	unloadPlugin,
	runCommand,
	changeDataOnDisk,
	settle,
	openModals,
	waitForModal,
	findButton,
	pressKey,
	closeAllModals,
	takeNotices,
	settleUi,
	makeTempDir,
	removeDir,
	obsidian,
};
