/**
 * The vault's file tree objects: `TAbstractFile`, `TFile`, `TFolder`.
 *
 * As in Obsidian, each path has exactly one object for as long as it exists, so plugin code
 * can compare files by identity and must use `instanceof` to tell files from folders. The
 * `stat` of a file mirrors the real file on disk.
 */

"use strict";

const { baseName } = require("./paths");

class TAbstractFile {
	constructor(vault, path, parent) {
		this.vault = vault;
		this.path = path;
		this.name = path === "/" ? "" : baseName(path);
		this.parent = parent;
	}
}

class TFile extends TAbstractFile {
	constructor(vault, path, parent, stat) {
		super(vault, path, parent);
		const dot = this.name.lastIndexOf(".");
		this.basename = dot > 0 ? this.name.slice(0, dot) : this.name;
		this.extension = dot > 0 ? this.name.slice(dot + 1) : "";
		this.stat = stat;
	}
}

class TFolder extends TAbstractFile {
	constructor(vault, path, parent) {
		super(vault, path, parent);
		this.children = [];
	}

	isRoot() {
		return this.path === "/";
	}
}

module.exports = { TAbstractFile, TFile, TFolder };
