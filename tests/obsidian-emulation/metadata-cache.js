/**
 * `MetadataCache`: resolving link paths to files.
 *
 * `getFirstLinkpathDest` follows Obsidian's rules closely enough for plugin code: the subpath
 * (`#heading`, `^block`) is ignored, matching is case-insensitive, `.md` may be omitted, a
 * path with folders must match the end of the file's path, and among several files with the
 * same name the one closest to the source note wins, then the shortest path.
 */

"use strict";

const { Events } = require("./events");
const { parentPath } = require("./paths");

class MetadataCache extends Events {
	constructor(app) {
		super();
		this.app = app;
	}

	getFirstLinkpathDest(linkpath, sourcePath) {
		const target = linkpath.split("#")[0].trim().toLowerCase();
		if (target === "") {
			return this.app.vault.getFileByPath(sourcePath);
		}
		const withMd = /\.[a-z0-9]+$/i.test(target) ? [target, `${target}.md`] : [`${target}.md`];
		const candidates = this.app.vault.getFiles().filter((file) => {
			const path = file.path.toLowerCase();
			return withMd.some((wanted) => path === wanted || path.endsWith(`/${wanted}`));
		});
		if (candidates.length === 0) {
			return null;
		}
		const sourceFolder = parentPath(sourcePath).toLowerCase();
		candidates.sort((a, b) => {
			const aLocal = parentPath(a.path).toLowerCase() === sourceFolder ? 0 : 1;
			const bLocal = parentPath(b.path).toLowerCase() === sourceFolder ? 0 : 1;
			return aLocal - bLocal || a.path.length - b.path.length || a.path.localeCompare(b.path);
		});
		return candidates[0];
	}
}

module.exports = { MetadataCache };
