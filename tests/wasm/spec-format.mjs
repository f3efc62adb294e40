/**
 * The spec file format, read the same way as crates/core/tests/specs.rs does.
 *
 * Kept in step with the Rust harness: a block runs to the next marker line,
 * one blank line before a following `=== ` is the separator, and the same
 * generators build the large hostile inputs.
 */

import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";

/** Lists every `.txt` spec file under `dir`, sorted. */
export function specFiles(dir) {
	const out = [];
	for (const name of readdirSync(dir)) {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) out.push(...specFiles(path));
		else if (name.endsWith(".txt")) out.push(path);
	}
	return out.sort();
}

function generated(marker) {
	const match = /\[generate: ([a-z-]+) (\d+)\]/.exec(marker);
	if (!match) return "";
	const [, name, countText] = match;
	const n = Number(countText);
	switch (name) {
		case "table-rows": {
			let rows = "";
			for (let i = 0; i < n; i++) rows += `| row ${i} | ${i} |\n`;
			return `## Table\n\n| Name | Value |\n|------|-------|\n${rows}`;
		}
		case "nested-list": {
			let items = "";
			for (let i = 0; i < n; i++) items += `${"  ".repeat(i)}- level ${i}\n`;
			return `## Deep\n\n${items}`;
		}
		case "big-note": {
			const parts = [];
			let length = 0;
			for (let i = 0; length < n; i++) {
				const part = `## Section ${i}\n\nText of section ${i} with a [[Link ${i}]], a #tag and \`code\`.\n\n`;
				parts.push(part);
				length += Buffer.byteLength(part);
			}
			return parts.join("");
		}
		default:
			throw new Error(`unknown generator ${name}`);
	}
}

/** Parses one spec file into cases `{ name, op, input, expect }`. */
export function parseSpec(root, path) {
	const source = readFileSync(path, "utf8").replaceAll("\r\n", "\n");
	const file = relative(root, path);
	const lines = source.match(/[^\n]*\n|[^\n]+$/g) ?? [];
	const starts = lines.flatMap((line, i) => (line.startsWith("=== ") ? [i] : []));
	return starts.map((start, n) => {
		const end = starts[n + 1] ?? lines.length;
		let body = lines.slice(start + 1, end);
		if (n + 1 < starts.length && body.at(-1) === "\n") body = body.slice(0, -1);
		const name = lines[start].slice(4).trim();
		const find = (prefix) => body.findIndex((l) => l.startsWith(prefix));
		const opLine = body.find((l) => l.startsWith("op: "));
		if (!opLine) throw new Error(`${file}: ${name}: no op line`);
		const inputAt = find("--- input");
		let expectAt = find("--- expect");
		if (expectAt < 0) expectAt = find("--- error: ");
		const text = (from, to, marker) => {
			let t = body.slice(from, to).join("");
			if (marker.includes("[no final newline]")) t = t.slice(0, -1);
			return t;
		};
		const input = generated(body[inputAt]) + text(inputAt + 1, expectAt, body[inputAt]);
		const marker = body[expectAt];
		let expect;
		if (marker.startsWith("--- error: ")) expect = { error: marker.slice("--- error: ".length).trim() };
		else if (marker.includes("[unchanged]")) expect = { unchanged: true };
		else if (marker.includes("[input then]")) expect = { text: input + text(expectAt + 1, body.length, marker) };
		else expect = { text: text(expectAt + 1, body.length, marker) };
		return { file, name, op: JSON.parse(opLine.slice(4)), input, expect };
	});
}

const PREFIX = "---\nprepended: true\n---\n";

/** The variants every case runs in, as the Rust harness defines them. */
export function variants(testCase) {
	const out = [{ name: "as written", transform: (t) => t, lineShift: 0 }];
	const touchesFrontmatter =
		testCase.op.op.startsWith("frontmatter-") || testCase.op.op === "note-template" || testCase.input.startsWith("---");
	if (!touchesFrontmatter) out.push({ name: "with frontmatter", transform: (t) => PREFIX + t, lineShift: 3 });
	if (testCase.input.includes("\n")) out.push({ name: "with CRLF", transform: (t) => t.replaceAll("\n", "\r\n"), lineShift: 0 });
	out.push({ name: "with a BOM", transform: (t) => "\uFEFF" + t, lineShift: 0 });
	return out;
}

/** Operations that must change nothing when run a second time (ops.rs `is_idempotent`). */
export function isIdempotent(op) {
	return !["section-append", "table-remove-row", "task-toggle"].includes(op.op);
}

/** When every edit only inserts, deleting the inserted text must give back the input; returns the recovered text or null. */
export function recoverByDeletingInsertions(output, edits) {
	if (edits.length === 0 || edits.some((e) => e.expected !== "")) return null;
	const bytes = Buffer.from(output, "utf8");
	const sorted = [...edits].sort((a, b) => a.span.start - b.span.start);
	const parts = [];
	let from = 0;
	let shift = 0;
	for (const edit of sorted) {
		const start = edit.span.start + shift;
		const length = Buffer.byteLength(edit.new_text, "utf8");
		parts.push(bytes.subarray(from, start));
		from = start + length;
		shift += length;
	}
	parts.push(bytes.subarray(from));
	return Buffer.concat(parts).toString("utf8");
}
