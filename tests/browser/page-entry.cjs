/**
 * The browser test page's script: the Obsidian emulation over an in-memory vault, with the
 * built plugin loaded into it exactly as Obsidian loads it.
 *
 * Bundled by esbuild (see browser-support.mjs) from `tests/obsidian-emulation/` with
 * `node:fs`, `node:path` and `happy-dom` replaced by the shims in `shims/`, so the page runs the
 * same emulation as the Node tests, on the browser's real DOM, layout and keyboard. The plugin
 * (`dist/main.js`, CommonJS) is served wrapped in a function (`globalThis.careerCoachMain`)
 * that receives `module`, `exports` and a `require` resolving only `obsidian`.
 *
 * Tests drive it through `globalThis.careerTest` (from Playwright's `page.evaluate`) and,
 * above all, through real clicks and key presses.
 */

const fs = require("node:fs");
const obsidian = require("../obsidian-emulation/obsidian.js");
const { App } = require("../obsidian-emulation/app.js");
const { takeNotices } = require("../obsidian-emulation/notice.js");

const VAULT = "/vault";
fs.mkdirSync(VAULT, { recursive: true });

const doc = globalThis.document;
const theme = new URLSearchParams(globalThis.location.search).get("theme") === "light" ? "theme-light" : "theme-dark";
doc.body.classList.add(theme);

/** A stand-in for Obsidian's window behind the modal: a tab header and the open note's text. */
const workspace = doc.body.createDiv("fake-workspace");
const ribbon = workspace.createDiv("fake-ribbon");
const pane = workspace.createDiv("fake-pane");
const tabHeader = pane.createDiv({ cls: "fake-tab-header", text: "New tab" });
const noteEl = pane.createEl("pre", { cls: "fake-note" });
ribbon.setAttr("aria-hidden", "true");

let app = null;
let plugin = null;
let pending = null;

function refreshWorkspace() {
	const file = app?.workspace.getActiveFile();
	if (file === null || file === undefined) {
		return;
	}
	tabHeader.setText(file.basename);
	noteEl.setText(app.vault.readNow(file));
}

const careerTest = {
	/** Creates the app and loads the plugin (`onload` awaited). */
	async load() {
		app = new App(VAULT);
		app.vault.on("modify", refreshWorkspace);
		app.workspace.on("file-open", refreshWorkspace);
		const module = { exports: {} };
		const require = (id) => {
			if (id === "obsidian") {
				return obsidian;
			}
			throw new Error(`main.js requires "${id}", which Obsidian does not provide.`);
		};
		globalThis.careerCoachMain(module, module.exports, require);
		const PluginClass = module.exports.default ?? module.exports;
		plugin = new PluginClass(app, globalThis.careerCoachManifest);
		app.plugins.plugins[plugin.manifest.id] = plugin;
		await plugin.load();
	},

	/** Starts a command by full id; `settle()` waits for what it returned. */
	command(id) {
		const command = app.commands.findCommand(id);
		if (command === undefined) {
			throw new Error(`No command ${id}.`);
		}
		if (typeof command.callback === "function") {
			pending = Promise.resolve(command.callback());
		} else if (command.checkCallback(true)) {
			pending = Promise.resolve(command.checkCallback(false));
		} else {
			throw new Error(`Command ${id} is not available.`);
		}
	},

	/** Waits for the last command's promise (a command waiting for a modal resolves later). */
	async settle() {
		await pending;
	},

	/** A vault file's text, or null. */
	read(path) {
		const full = `${VAULT}/${path}`;
		return fs.existsSync(full) ? fs.readFileSync(full, "utf8") : null;
	},

	/** Creates a note (and its folder), as sync or another device would. */
	async write(path, text) {
		const slash = path.lastIndexOf("/");
		if (slash > 0 && app.vault.getFolderByPath(path.slice(0, slash)) === null) {
			await app.vault.createFolder(path.slice(0, slash));
		}
		await app.vault.create(path, text);
	},

	/** Replaces `from` by `to` in a note, as another plugin would (`vault.process`). */
	async replaceInNote(path, from, to) {
		const file = app.vault.getFileByPath(path);
		await app.vault.process(file, (text) => text.replace(from, to));
	},

	/** The plugin's data.json, parsed, or null. */
	data() {
		const text = careerTest.read(`.obsidian/plugins/${plugin.manifest.id}/data.json`);
		return text === null ? null : JSON.parse(text);
	},

	/** Renders a code block of `language` from note `path` as reading view would; resolves when drawn. */
	async renderBlock(language, source, path) {
		const el = await app.markdown.renderCodeBlock(language, source, path);
		el.addClass("markdown-rendered");
		return el.textContent;
	},

	/** Shows note `path` in reading view, its code blocks drawn by their processors (the source view hidden). */
	async renderNote(path) {
		app.markdown.unloadRendered();
		pane.querySelector(".fake-reading")?.remove();
		noteEl.hide();
		tabHeader.setText(path.slice(path.lastIndexOf("/") + 1).replace(/\.md$/, ""));
		const reading = pane.createDiv({ cls: ["fake-reading", "markdown-rendered"] });
		await app.markdown.renderNote(careerTest.read(path), path, reading);
	},

	/** The notices shown since the last call. */
	notices() {
		return takeNotices();
	},
};

globalThis.careerTest = careerTest;
