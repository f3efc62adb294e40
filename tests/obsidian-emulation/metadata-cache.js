/**
 * `MetadataCache`: resolving link paths to files, and the frontmatter of a note.
 *
 * `getFirstLinkpathDest` follows Obsidian's rules closely enough for plugin code: the subpath
 * (`#heading`, `^block`) is ignored, matching is case-insensitive, `.md` may be omitted, a
 * path with folders must match the end of the file's path, and among several files with the
 * same name the one closest to the source note wins, then the shortest path.
 *
 * `getFileCache(file)` gives a Markdown note's `{ frontmatter }` (absent when the note has
 * none, or when its YAML is invalid, as in Obsidian), read from disk each time, so it is never
 * stale; null for other files. Obsidian indexes a note some time after it was created or
 * synced and answers null until then: a test puts paths in `notIndexed` to get that answer.
 */

"use strict";

const { Events } = require("./events");
const { TFile } = require("./files");
const { parseYaml, splitFrontmatter } = require("./frontmatter");
const { parentPath } = require("./paths");

class MetadataCache extends Events {
	constructor(app) {
		super();
		this.app = app;
		/** Emulation only: paths of notes not indexed yet (`getFileCache` answers null). */
		this.notIndexed = new Set();
	}

	getFileCache(file) {
		if (!(file instanceof TFile)) {
			throw new TypeError("MetadataCache.getFileCache expects a TFile.");
		}
		this.app.vault.assertLive(file, TFile);
		if (file.extension !== "md" || this.notIndexed.has(file.path)) {
			return null;
		}
		const { yaml } = splitFrontmatter(this.app.vault.readNow(file));
		if (yaml === null) {
			return {};
		}
		try {
			return { frontmatter: parseYaml(yaml) };
		} catch {
			// Invalid (or, here, unsupported) YAML: Obsidian shows no properties.
			return {};
		}
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
