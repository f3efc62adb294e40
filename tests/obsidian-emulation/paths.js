/**
 * `normalizePath` as Obsidian implements it, plus small path helpers the emulation shares.
 *
 * Obsidian's version: runs of `/` or `\` become one `/`, leading and trailing slashes are
 * removed, an empty result becomes `/`, non-breaking spaces (U+00A0, U+202F) become plain
 * spaces, and the result is put in Unicode NFC.
 */

"use strict";

/** Obsidian's `normalizePath`. */
function normalizePath(path) {
	let result = String(path).replace(/([\\/])+/g, "/").replace(/(^\/+|\/+$)/g, "");
	if (result === "") {
		result = "/";
	}
	return result.replace(/\u00A0|\u202F/g, " ").normalize("NFC");
}

/** The parent folder's path of a vault path (`""` for the root's children). */
function parentPath(path) {
	const slash = path.lastIndexOf("/");
	return slash === -1 ? "" : path.slice(0, slash);
}

/** The last segment of a vault path. */
function baseName(path) {
	return path.slice(path.lastIndexOf("/") + 1);
}

module.exports = { normalizePath, parentPath, baseName };
