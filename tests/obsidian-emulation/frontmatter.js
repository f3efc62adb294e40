/**
 * Frontmatter for `processFrontMatter`: splitting a note into its YAML block and body, and a
 * small YAML subset to read and write that block.
 *
 * Supported: `key: value` with plain, single- or double-quoted strings, numbers, booleans and
 * null; block lists (`key:` then `  - item` lines); flow lists (`key: [a, b]`); comment lines.
 * Anything else (nested maps, multi-line strings, anchors) throws, so a test using it fails
 * loudly instead of passing on a wrong parse. Written strings are quoted whenever plain YAML
 * would misread them, so `[[Links]]` come out as `"[[Links]]"`, like Obsidian writes them.
 */

"use strict";

const FENCE = /^---\r?$/;

/** Splits `text` into `{ yaml, body, eol }`; `yaml` is null when there is no frontmatter. */
function splitFrontmatter(text) {
	const eol = text.includes("\r\n") ? "\r\n" : "\n";
	const lines = text.split("\n");
	if (lines.length < 2 || !FENCE.test(lines[0])) {
		return { yaml: null, body: text, eol };
	}
	for (let i = 1; i < lines.length; i += 1) {
		if (FENCE.test(lines[i])) {
			const yaml = lines
				.slice(1, i)
				.map((line) => line.replace(/\r$/, ""))
				.join("\n");
			return { yaml, body: lines.slice(i + 1).join("\n"), eol };
		}
	}
	return { yaml: null, body: text, eol };
}

/** Parses the YAML subset into a plain object. */
function parseYaml(yaml) {
	const result = {};
	// The key whose value is still open: `key:` with nothing after it, maybe followed by `- items`.
	let openKey = null;
	for (const raw of yaml.split("\n")) {
		if (raw.trim() === "" || raw.trimStart().startsWith("#")) {
			continue;
		}
		const item = /^\s*-(?:\s+(.*))?$/.exec(raw);
		if (item !== null && openKey !== null) {
			result[openKey] ??= [];
			result[openKey].push(parseScalar((item[1] ?? "").trim()));
			continue;
		}
		const pair = /^([^\s:#-][^:]*?):(?:\s+(.*))?$/.exec(raw);
		if (pair === null) {
			throw new Error(`YAML subset: cannot parse line ${JSON.stringify(raw)}.`);
		}
		const key = pair[1];
		const value = (pair[2] ?? "").trim();
		if (value === "") {
			result[key] = null;
			openKey = key;
			continue;
		}
		openKey = null;
		result[key] = value.startsWith("[") ? parseFlowList(value) : parseScalar(value);
	}
	return result;
}

function parseFlowList(value) {
	if (!value.endsWith("]")) {
		throw new Error(`YAML subset: unterminated flow list ${JSON.stringify(value)}.`);
	}
	const inner = value.slice(1, -1).trim();
	if (inner === "") {
		return [];
	}
	const items = [];
	let current = "";
	let quote = null;
	for (const ch of inner) {
		if (quote !== null) {
			current += ch;
			if (ch === quote) {
				quote = null;
			}
		} else if (ch === '"' || ch === "'") {
			quote = ch;
			current += ch;
		} else if (ch === ",") {
			items.push(parseScalar(current.trim()));
			current = "";
		} else {
			current += ch;
		}
	}
	items.push(parseScalar(current.trim()));
	return items;
}

function parseScalar(text) {
	const value = text.replace(/\s+#.*$/, "");
	if (value.startsWith('"')) {
		return JSON.parse(value);
	}
	if (value.startsWith("'")) {
		if (!value.endsWith("'") || value.length < 2) {
			throw new Error(`YAML subset: unterminated string ${JSON.stringify(value)}.`);
		}
		return value.slice(1, -1).replace(/''/g, "'");
	}
	if (value === "" || value === "~" || value === "null") {
		return null;
	}
	if (value === "true" || value === "false") {
		return value === "true";
	}
	if (/^-?\d+(\.\d+)?$/.test(value)) {
		return Number(value);
	}
	if (/^[[{|>&*!]/.test(value)) {
		throw new Error(`YAML subset: unsupported value ${JSON.stringify(value)}.`);
	}
	return value;
}

/** Writes a plain object back as YAML (no fences, `\n` line ends). */
function stringifyYaml(object) {
	const lines = [];
	for (const [key, value] of Object.entries(object)) {
		if (value === undefined) {
			continue;
		}
		if (Array.isArray(value)) {
			if (value.length === 0) {
				lines.push(`${key}: []`);
			} else {
				lines.push(`${key}:`);
				for (const item of value) {
					lines.push(`  - ${stringifyScalar(item)}`);
				}
			}
		} else {
			lines.push(`${key}: ${stringifyScalar(value)}`);
		}
	}
	return lines.join("\n");
}

function stringifyScalar(value) {
	if (value === null) {
		return "null";
	}
	if (typeof value === "number" || typeof value === "boolean") {
		return String(value);
	}
	if (typeof value !== "string") {
		throw new Error(`YAML subset: cannot write ${typeof value} values.`);
	}
	const plainIsSafe =
		value !== "" &&
		/^[^\s\-?:,[\]{}#&*!|>'"%@`]/.test(value) &&
		!/:\s|\s#|:$|\s$|\n/.test(value) &&
		!/^(true|false|null|~|-?\d+(\.\d+)?)$/.test(value);
	return plainIsSafe ? value : JSON.stringify(value);
}

module.exports = { splitFrontmatter, parseYaml, stringifyYaml };
