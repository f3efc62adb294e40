/**
 * Browser stand-in for `node:path`: the POSIX functions the emulation's vault uses, over the
 * in-memory file system's absolute paths (see fs.cjs).
 */

"use strict";

function normalize(path) {
	const absolute = path.startsWith("/");
	const parts = [];
	for (const segment of path.split("/")) {
		if (segment === "" || segment === ".") {
			continue;
		}
		if (segment === "..") {
			parts.pop();
		} else {
			parts.push(segment);
		}
	}
	const joined = parts.join("/");
	return absolute ? `/${joined}` : joined || ".";
}

function join(...segments) {
	return normalize(segments.filter((segment) => segment !== "").join("/"));
}

function dirname(path) {
	const normal = normalize(path);
	const slash = normal.lastIndexOf("/");
	return slash <= 0 ? (normal.startsWith("/") ? "/" : ".") : normal.slice(0, slash);
}

function basename(path) {
	const normal = normalize(path);
	return normal.slice(normal.lastIndexOf("/") + 1);
}

module.exports = { sep: "/", normalize, join, dirname, basename, resolve: join };
