/**
 * `App`: the object a plugin reaches through `this.app`, wiring the emulated services to one
 * vault folder on disk.
 *
 * Besides Obsidian's public members (`vault`, `workspace`, `fileManager`, `metadataCache`,
 * `keymap` and the root `scope` that modal scopes inherit from) it
 * has the internal registries plugins feed — `commands`, `setting` (setting tabs) and
 * `plugins` — and the status bar and ribbon elements, so tests can see what was registered.
 */

"use strict";

const { FileManager } = require("./file-manager");
const { Keymap, Scope } = require("./keymap");
const { MarkdownRegistry } = require("./markdown");
const { MetadataCache } = require("./metadata-cache");
const { Vault } = require("./vault");
const { Workspace } = require("./workspace");

class CommandRegistry {
	constructor() {
		/** Commands by full id (`<plugin id>:<command id>`). */
		this.commands = {};
	}

	addCommand(command) {
		this.commands[command.id] = command;
	}

	removeCommand(id) {
		delete this.commands[id];
	}

	listCommands() {
		return Object.values(this.commands);
	}

	findCommand(id) {
		return this.commands[id];
	}

	/** As in Obsidian: runs the command if it is available; returns whether it ran. */
	executeCommandById(id) {
		const command = this.commands[id];
		if (command === undefined) {
			return false;
		}
		if (typeof command.checkCallback === "function") {
			if (!command.checkCallback(true)) {
				return false;
			}
			command.checkCallback(false);
			return true;
		}
		if (typeof command.callback === "function") {
			command.callback();
			return true;
		}
		return false;
	}
}

class SettingRegistry {
	constructor() {
		this.pluginTabs = [];
	}

	addSettingTab(tab) {
		this.pluginTabs.push(tab);
	}

	removeSettingTab(tab) {
		this.pluginTabs = this.pluginTabs.filter((other) => other !== tab);
	}
}

class App {
	constructor(vaultDir, { layoutReady = true } = {}) {
		this.vault = new Vault(vaultDir);
		this.workspace = new Workspace(this, { layoutReady });
		this.vault.writeObserver = (file, text) => this.workspace.fileWritten(file, text);
		this.keymap = new Keymap();
		this.scope = new Scope();
		this.fileManager = new FileManager(this);
		this.metadataCache = new MetadataCache(this);
		this.commands = new CommandRegistry();
		this.setting = new SettingRegistry();
		this.plugins = { plugins: {}, manifests: {} };
		this.markdown = new MarkdownRegistry();
		const body = globalThis.document.body;
		this.statusBarEl = body.createDiv("status-bar");
		this.ribbonEl = body.createDiv("side-dock-ribbon");
	}
}

module.exports = { App, CommandRegistry, SettingRegistry };
