/**
 * `Component` and `Plugin`: lifecycle, registration and plugin data.
 *
 * Everything a plugin registers (commands, setting tabs, events, DOM listeners, intervals,
 * status bar items) is undone when it unloads, as in Obsidian, so a test can unload a plugin
 * and check that nothing is left behind. `loadData`/`saveData` use
 * `<vault>/.obsidian/plugins/<id>/data.json` on disk, formatted as Obsidian formats it.
 *
 * Obsidian watches that file and, when something other than the plugin's own `saveData`
 * changes it (Sync, a command-line tool), calls the plugin's `onExternalSettingsChange()`.
 * The emulation remembers the text the plugin last read or wrote, and
 * `checkExternalDataChange()` (called by the harness's `changeDataOnDisk`) compares it with the
 * file on disk and calls the hook exactly when Obsidian would: the file differs from what the
 * plugin itself last saw.
 */

"use strict";

class Component {
	constructor() {
		this._loaded = false;
		this._cleanups = [];
		this._children = [];
	}

	/** Loads the component and its children; returns what `onload` returned (a promise, for plugins). */
	load() {
		if (this._loaded) {
			return undefined;
		}
		this._loaded = true;
		const result = this.onload();
		for (const child of this._children) {
			child.load();
		}
		return result;
	}

	onload() {}

	unload() {
		if (!this._loaded) {
			return;
		}
		this._loaded = false;
		for (const child of this._children.splice(0)) {
			child.unload();
		}
		for (const cleanup of this._cleanups.splice(0).reverse()) {
			cleanup();
		}
		this.onunload();
	}

	onunload() {}

	addChild(component) {
		this._children.push(component);
		if (this._loaded) {
			component.load();
		}
		return component;
	}

	removeChild(component) {
		this._children = this._children.filter((child) => child !== component);
		component.unload();
		return component;
	}

	register(cleanup) {
		this._cleanups.push(cleanup);
	}

	registerEvent(ref) {
		this.register(() => ref.e.offref(ref));
	}

	registerDomEvent(el, type, callback, options) {
		el.addEventListener(type, callback, options);
		this.register(() => el.removeEventListener(type, callback, options));
	}

	registerInterval(id) {
		this.register(() => clearInterval(id));
		return id;
	}
}

class Plugin extends Component {
	constructor(app, manifest) {
		super();
		if (app === undefined || manifest === undefined) {
			throw new TypeError("Plugin must be constructed with (app, manifest).");
		}
		this.app = app;
		this.manifest = manifest;
		/** Emulation only: `data.json`'s text as this plugin last loaded or saved it. */
		this._dataSeen = undefined;
	}

	/** Registers a command; as in Obsidian, the id and name get the plugin's id and name as prefix. */
	addCommand(command) {
		if (typeof command.id !== "string" || typeof command.name !== "string") {
			throw new TypeError("A command needs a string id and name.");
		}
		const hasAction = ["callback", "checkCallback", "editorCallback", "editorCheckCallback"].some(
			(key) => typeof command[key] === "function",
		);
		if (!hasAction) {
			throw new TypeError(`Command "${command.id}" has no callback.`);
		}
		const registered = {
			...command,
			id: `${this.manifest.id}:${command.id}`,
			name: `${this.manifest.name}: ${command.name}`,
		};
		this.app.commands.addCommand(registered);
		this.register(() => this.app.commands.removeCommand(registered.id));
		return registered;
	}

	addSettingTab(tab) {
		this.app.setting.addSettingTab(tab);
		this.register(() => this.app.setting.removeSettingTab(tab));
	}

	/**
	 * Registers a processor for fenced code blocks of `language`, as reading view runs them.
	 * Tests render a block with `app.markdown.renderCodeBlock(...)` (see `markdown.js`).
	 */
	registerMarkdownCodeBlockProcessor(language, handler) {
		const processor = this.app.markdown.addCodeBlockProcessor(language, handler);
		this.register(() => this.app.markdown.removeCodeBlockProcessor(processor));
		return processor;
	}

	addStatusBarItem() {
		const el = this.app.statusBarEl.createDiv({ cls: ["status-bar-item", `plugin-${this.manifest.id}`] });
		this.register(() => el.detach());
		return el;
	}

	addRibbonIcon(icon, title, callback) {
		const el = this.app.ribbonEl.createDiv({ cls: "side-dock-ribbon-action", attr: { "aria-label": title, "data-icon": icon } });
		this.registerDomEvent(el, "click", callback);
		this.register(() => el.detach());
		return el;
	}

	dataPath() {
		return `${this.app.vault.configDir}/plugins/${this.manifest.id}/data.json`;
	}

	async loadData() {
		const adapter = this.app.vault.adapter;
		if (!(await adapter.exists(this.dataPath()))) {
			this._dataSeen = null;
			return null;
		}
		const text = await adapter.read(this.dataPath());
		this._dataSeen = text;
		return JSON.parse(text);
	}

	async saveData(data) {
		const adapter = this.app.vault.adapter;
		await adapter.mkdir(`${this.app.vault.configDir}/plugins/${this.manifest.id}`);
		const text = JSON.stringify(data, null, 2);
		await adapter.write(this.dataPath(), text);
		this._dataSeen = text;
	}

	/**
	 * Obsidian's file watcher, run on demand: when `data.json` on disk differs from what this
	 * plugin last loaded or saved, calls `onExternalSettingsChange()` (if the plugin has it) and
	 * waits for it. Resolves with whether the hook was called.
	 */
	async checkExternalDataChange() {
		const adapter = this.app.vault.adapter;
		const text = (await adapter.exists(this.dataPath())) ? await adapter.read(this.dataPath()) : null;
		if (text === (this._dataSeen ?? null)) {
			return false;
		}
		this._dataSeen = text;
		if (!this._loaded || typeof this.onExternalSettingsChange !== "function") {
			return false;
		}
		await this.onExternalSettingsChange();
		return true;
	}
}

/** A component tied to an element that reading view renders; unloaded when the block goes away. */
class MarkdownRenderChild extends Component {
	constructor(containerEl) {
		super();
		this.containerEl = containerEl;
	}
}

module.exports = { Component, MarkdownRenderChild, Plugin };
