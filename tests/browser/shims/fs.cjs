/**
 * Browser stand-in for `node:fs`: an in-memory file system with the synchronous calls the
 * emulation's vault and data adapter make (exists, stat, read, write, mkdir, rm, readdir,
 * rename, utimes), failing where Node would (a missing parent folder, `wx` on an existing
 * file). The page's vault lives at `/vault`; tests seed and read it through `files`.
 */

"use strict";

const { basename, dirname, normalize } = require("./path.cjs");

/** Absolute path → `{ dir: true }` or `{ text, mtimeMs, ctimeMs }`. */
const files = new Map([["/", { dir: true }]]);
const encoder = new TextEncoder();

function error(code, syscall, path) {
	const err = new Error(`${code}: ${syscall} '${path}'`);
	err.code = code;
	return err;
}

function entry(path) {
	return files.get(normalize(path));
}

function existsSync(path) {
	return entry(path) !== undefined;
}

function statSync(path) {
	const found = entry(path);
	if (found === undefined) {
		throw error("ENOENT", "stat", path);
	}
	const now = Date.now();
	return {
		isDirectory: () => found.dir === true,
		isFile: () => found.dir !== true,
		ctimeMs: found.ctimeMs ?? now,
		mtimeMs: found.mtimeMs ?? now,
		size: found.dir === true ? 0 : encoder.encode(found.text).length,
	};
}

function readFileSync(path) {
	const found = entry(path);
	if (found === undefined || found.dir === true) {
		throw error(found === undefined ? "ENOENT" : "EISDIR", "open", path);
	}
	return found.text;
}

function writeFileSync(path, data, options) {
	const full = normalize(path);
	const flag = typeof options === "object" && options !== null ? options.flag : undefined;
	const parent = entry(dirname(full));
	if (parent === undefined || parent.dir !== true) {
		throw error("ENOENT", "open", full);
	}
	const found = files.get(full);
	if (found?.dir === true) {
		throw error("EISDIR", "open", full);
	}
	if (found !== undefined && flag === "wx") {
		throw error("EEXIST", "open", full);
	}
	const now = Date.now();
	files.set(full, { text: String(data), ctimeMs: found?.ctimeMs ?? now, mtimeMs: now });
}

function mkdirSync(path, options) {
	const full = normalize(path);
	if (files.has(full)) {
		if (options?.recursive) {
			return;
		}
		throw error("EEXIST", "mkdir", full);
	}
	const parent = dirname(full);
	if (!files.has(parent)) {
		if (!options?.recursive) {
			throw error("ENOENT", "mkdir", full);
		}
		mkdirSync(parent, options);
	}
	files.set(full, { dir: true });
}

function rmSync(path, options) {
	const full = normalize(path);
	const found = files.get(full);
	if (found === undefined) {
		if (options?.force) {
			return;
		}
		throw error("ENOENT", "rm", full);
	}
	if (found.dir === true && !options?.recursive) {
		throw error("ERR_FS_EISDIR", "rm", full);
	}
	for (const key of [...files.keys()]) {
		if (key === full || key.startsWith(`${full}/`)) {
			files.delete(key);
		}
	}
}

function readdirSync(path, options) {
	const full = normalize(path);
	const prefix = full === "/" ? "/" : `${full}/`;
	const names = [...files.keys()].filter((key) => key !== full && key.startsWith(prefix) && !key.slice(prefix.length).includes("/"));
	if (!options?.withFileTypes) {
		return names.map((key) => basename(key));
	}
	return names.map((key) => ({
		name: basename(key),
		isDirectory: () => files.get(key).dir === true,
		isFile: () => files.get(key).dir !== true,
	}));
}

function renameSync(from, to) {
	const source = normalize(from);
	const target = normalize(to);
	for (const [key, value] of [...files.entries()]) {
		if (key === source || key.startsWith(`${source}/`)) {
			files.delete(key);
			files.set(target + key.slice(source.length), value);
		}
	}
}

function utimesSync(path, atime, mtime) {
	const found = entry(path);
	if (found !== undefined && found.dir !== true) {
		found.mtimeMs = new Date(mtime).getTime();
	}
}

module.exports = { files, existsSync, statSync, readFileSync, writeFileSync, mkdirSync, rmSync, readdirSync, renameSync, utimesSync };
