/**
 * `Vault` and its `DataAdapter`, backed by a real folder on disk.
 *
 * The file tree (`TFile`/`TFolder` objects) is scanned from the folder when the vault is
 * created and kept up to date by the vault's own operations, as in Obsidian; file contents
 * are always read from and written to disk, so a test can inspect the exact bytes written.
 * Dot-folders such as `.obsidian` are not part of the tree, as in Obsidian, but the adapter
 * reaches them (plugins keep `data.json` there).
 *
 * Where Obsidian would fail, this fails too: `create` on an existing path throws
 * "File already exists.", `create` in a missing folder throws, `createFolder` on an existing
 * folder throws "Folder already exists.". It is stricter than Obsidian in a few places, each
 * catching a plugin bug rather than a legitimate use: paths must already be normalized and
 * may not contain `..`, a `TFile` that was deleted may not be used, and the callback given to
 * `process` must return a string synchronously.
 */

"use strict";

const fs = require("node:fs");
const nodePath = require("node:path");
const { Events } = require("./events");
const { TFile, TFolder } = require("./files");
const { normalizePath, parentPath } = require("./paths");

/**
 * Obsidian's defaults for the vault config a plugin may read with `getConfig` (the keys
 * Obsidian writes to `.obsidian/app.json` once the user changes them).
 */
const DEFAULT_CONFIG = Object.freeze({
	useMarkdownLinks: false,
	newLinkFormat: "shortest",
	attachmentFolderPath: "/",
});

class DataAdapter {
	constructor(basePath) {
		this.basePath = basePath;
	}

	getName() {
		return nodePath.basename(this.basePath);
	}

	getBasePath() {
		return this.basePath;
	}

	/** Absolute path on disk for a vault path, refusing anything that escapes the vault. */
	getFullPath(path) {
		checkPath(path);
		return path === "/" ? this.basePath : nodePath.join(this.basePath, ...path.split("/"));
	}

	async exists(path) {
		return fs.existsSync(this.getFullPath(path));
	}

	async stat(path) {
		const full = this.getFullPath(path);
		if (!fs.existsSync(full)) {
			return null;
		}
		const stat = fs.statSync(full);
		return { type: stat.isDirectory() ? "folder" : "file", ctime: stat.ctimeMs, mtime: stat.mtimeMs, size: stat.size };
	}

	async read(path) {
		return fs.readFileSync(this.getFullPath(path), "utf8");
	}

	async write(path, data) {
		fs.writeFileSync(this.getFullPath(path), data, "utf8");
	}

	async mkdir(path) {
		fs.mkdirSync(this.getFullPath(path), { recursive: true });
	}

	async remove(path) {
		fs.rmSync(this.getFullPath(path));
	}

	async list(path) {
		const full = this.getFullPath(path);
		const files = [];
		const folders = [];
		for (const entry of fs.readdirSync(full, { withFileTypes: true })) {
			const child = path === "/" || path === "" ? entry.name : `${path}/${entry.name}`;
			(entry.isDirectory() ? folders : files).push(child);
		}
		return { files, folders };
	}
}

class Vault extends Events {
	constructor(basePath) {
		super();
		this.adapter = new DataAdapter(basePath);
		this.configDir = ".obsidian";
		this.config = { ...DEFAULT_CONFIG, ...readAppConfig(basePath, this.configDir) };
		/** Emulation only: told about every write to a file (the workspace reloads open views). */
		this.writeObserver = null;
		this.fileMap = new Map();
		this.root = new TFolder(this, "/", null);
		this.fileMap.set("/", this.root);
		this.scanFolder(this.root);
	}

	getName() {
		return this.adapter.getName();
	}

	getRoot() {
		return this.root;
	}

	/**
	 * A vault setting, as Obsidian reads it: `.obsidian/app.json` as it was when the vault was
	 * opened, over Obsidian's defaults; `undefined` for a key that is neither. Not in Obsidian's
	 * public typings, but present on `Vault` and used by plugins.
	 */
	getConfig(key) {
		return this.config[key];
	}

	getAbstractFileByPath(path) {
		return this.fileMap.get(path) ?? null;
	}

	getFileByPath(path) {
		const file = this.getAbstractFileByPath(path);
		return file instanceof TFile ? file : null;
	}

	getFolderByPath(path) {
		const folder = this.getAbstractFileByPath(path);
		return folder instanceof TFolder ? folder : null;
	}

	getFiles() {
		return [...this.fileMap.values()].filter((file) => file instanceof TFile);
	}

	getMarkdownFiles() {
		return this.getFiles().filter((file) => file.extension === "md");
	}

	getAllLoadedFiles() {
		return [...this.fileMap.values()];
	}

	async create(path, data, options) {
		checkVaultPath(path);
		if (typeof data !== "string") {
			throw new TypeError(`Vault.create expects text, got ${typeof data}.`);
		}
		if (this.fileMap.has(path) || fs.existsSync(this.adapter.getFullPath(path))) {
			throw new Error("File already exists.");
		}
		const parent = this.getFolderByPath(parentPath(path) || "/");
		if (parent === null) {
			throw new Error(`ENOENT: no such file or directory, open '${this.adapter.getFullPath(path)}'`);
		}
		const full = this.adapter.getFullPath(path);
		fs.writeFileSync(full, data, { encoding: "utf8", flag: "wx" });
		applyWriteOptions(full, options);
		const file = new TFile(this, path, parent, statOf(full));
		parent.children.push(file);
		this.fileMap.set(path, file);
		this.trigger("create", file);
		return file;
	}

	async createFolder(path) {
		checkVaultPath(path);
		if (this.fileMap.has(path)) {
			throw new Error("Folder already exists.");
		}
		let parent = this.root;
		let folder = null;
		for (const segment of path.split("/")) {
			const current = parent.isRoot() ? segment : `${parent.path}/${segment}`;
			const existing = this.fileMap.get(current);
			if (existing instanceof TFile) {
				throw new Error(`Cannot create folder "${path}": "${current}" is a file.`);
			}
			if (existing instanceof TFolder) {
				parent = existing;
				continue;
			}
			fs.mkdirSync(this.adapter.getFullPath(current), { recursive: true });
			folder = new TFolder(this, current, parent);
			parent.children.push(folder);
			this.fileMap.set(current, folder);
			this.trigger("create", folder);
			parent = folder;
		}
		return folder ?? parent;
	}

	async read(file) {
		return this.readNow(file);
	}

	async cachedRead(file) {
		return this.readNow(file);
	}

	async modify(file, data, options) {
		this.writeNow(file, data, options);
	}

	async append(file, data, options) {
		this.writeNow(file, this.readNow(file) + data, options);
	}

	/** Atomic read-modify-write: nothing else can touch the file between the read and the write. */
	async process(file, fn, options) {
		const before = this.readNow(file);
		const after = fn(before);
		if (typeof after !== "string") {
			throw new TypeError(
				`Vault.process callback must return the new text synchronously, got ${after instanceof Promise ? "a Promise" : typeof after}.`,
			);
		}
		if (after !== before) {
			this.writeNow(file, after, options);
		}
		return after;
	}

	async delete(file) {
		this.assertLive(file);
		fs.rmSync(this.adapter.getFullPath(file.path), { recursive: true });
		this.forget(file);
		this.trigger("delete", file);
	}

	async trash(file, system) {
		await this.moveToLocalTrash(file);
	}

	/** Moves a file into `.trash/` at the vault root, as Obsidian's "Move to Obsidian trash" option does. */
	async moveToLocalTrash(file) {
		this.assertLive(file);
		const trashDir = this.adapter.getFullPath(".trash");
		fs.mkdirSync(trashDir, { recursive: true });
		fs.renameSync(this.adapter.getFullPath(file.path), nodePath.join(trashDir, `${Date.now()}-${file.name}`));
		this.forget(file);
		this.trigger("delete", file);
	}

	// --- internals -------------------------------------------------------------------------

	readNow(file) {
		this.assertLive(file, TFile);
		return fs.readFileSync(this.adapter.getFullPath(file.path), "utf8");
	}

	writeNow(file, data, options) {
		this.assertLive(file, TFile);
		if (typeof data !== "string") {
			throw new TypeError(`Expected text to write to "${file.path}", got ${typeof data}.`);
		}
		const full = this.adapter.getFullPath(file.path);
		fs.writeFileSync(full, data, "utf8");
		applyWriteOptions(full, options);
		file.stat = statOf(full);
		this.trigger("modify", file);
		this.writeObserver?.(file, data);
	}

	/** Throws unless `file` is this vault's current object for its path (and of `type`, if given). */
	assertLive(file, type) {
		if (type !== undefined && !(file instanceof type)) {
			throw new TypeError(`Expected a ${type.name}, got ${describe(file)}.`);
		}
		if (this.fileMap.get(file.path) !== file) {
			throw new Error(`"${file.path}" is not in the vault any more (stale ${file.constructor.name}).`);
		}
	}

	forget(file) {
		if (file instanceof TFolder) {
			for (const child of [...file.children]) {
				this.forget(child);
			}
		}
		this.fileMap.delete(file.path);
		if (file.parent !== null) {
			file.parent.children = file.parent.children.filter((child) => child !== file);
		}
	}

	scanFolder(folder) {
		const full = this.adapter.getFullPath(folder.path);
		for (const entry of fs.readdirSync(full, { withFileTypes: true })) {
			if (entry.name.startsWith(".")) {
				continue;
			}
			const path = folder.isRoot() ? entry.name : `${folder.path}/${entry.name}`;
			if (entry.isDirectory()) {
				const child = new TFolder(this, path, folder);
				folder.children.push(child);
				this.fileMap.set(path, child);
				this.scanFolder(child);
			} else if (entry.isFile()) {
				const child = new TFile(this, path, folder, statOf(nodePath.join(full, entry.name)));
				folder.children.push(child);
				this.fileMap.set(path, child);
			}
		}
	}
}

/**
 * `<vault>/<configDir>/app.json`, where Obsidian keeps the "Files and links" and "Editor"
 * settings; `{}` when it is missing. A file that is not a JSON object throws, so a test with
 * a broken fixture fails at once rather than running with the defaults.
 */
function readAppConfig(basePath, configDir) {
	const full = nodePath.join(basePath, configDir, "app.json");
	if (!fs.existsSync(full)) {
		return {};
	}
	const parsed = JSON.parse(fs.readFileSync(full, "utf8"));
	if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
		throw new TypeError(`${full} must hold a JSON object.`);
	}
	return parsed;
}

/** Rejects paths that could escape the vault. */
function checkPath(path) {
	if (typeof path !== "string") {
		throw new TypeError(`Expected a vault path string, got ${typeof path}.`);
	}
	if (path.split("/").includes("..")) {
		throw new Error(`Path "${path}" leaves the vault.`);
	}
}

/** Rejects paths a plugin should have passed through `normalizePath` first. */
function checkVaultPath(path) {
	checkPath(path);
	if (path === "/" || path !== normalizePath(path)) {
		throw new Error(`Path "${path}" is not a normalized vault path (expected "${normalizePath(path)}").`);
	}
}

function applyWriteOptions(full, options) {
	if (options?.mtime !== undefined) {
		const mtime = new Date(options.mtime);
		fs.utimesSync(full, mtime, mtime);
	}
}

function statOf(full) {
	const stat = fs.statSync(full);
	return { ctime: stat.ctimeMs, mtime: stat.mtimeMs, size: stat.size };
}

function describe(value) {
	if (value === null || value === undefined) {
		return String(value);
	}
	return typeof value === "object" ? value.constructor.name : typeof value;
}

module.exports = { Vault, DataAdapter };
