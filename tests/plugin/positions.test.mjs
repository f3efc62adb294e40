/**
 * plugin/src/text/positions.ts: UTF-8 byte offsets (the core's) to UTF-16 editor positions
 * (Obsidian's), and applying byte-span edits. Expected values are computed independently with
 * Node's Buffer, the reference UTF-8 encoder.
 */

import assert from "node:assert/strict";
import { before, test } from "node:test";
import { loadTextModule } from "./text-module.mjs";

let text;
before(async () => {
	text = await loadTextModule();
});

const bytes = (s) => Buffer.byteLength(s, "utf8");

/** Reference: the position of a UTF-16 index, splitting lines like CodeMirror (\r\n, \r, \n). */
function referencePosition(s, index) {
	const before = s.slice(0, index);
	const lines = before.split(/\r\n|\r|\n/);
	return { line: lines.length - 1, ch: lines[lines.length - 1].length };
}

/** Every UTF-16 index of `s` that starts a code point and is not inside a CRLF, with its byte offset. */
function boundaries(s) {
	const out = [];
	let index = 0;
	for (const char of s) {
		if (!(char === "\n" && s[index - 1] === "\r")) {
			out.push({ index, offset: bytes(s.slice(0, index)) });
		}
		index += char.length;
	}
	out.push({ index: s.length, offset: bytes(s) });
	return out;
}

const SAMPLES = {
	ascii: "# Title\n\nplain text\n",
	emoji: "🎯 Goal: ship 🚀\n## Next 👩‍💻\n",
	cjk: "# 职业准备\n准备好了吗？\n",
	crlf: "# Title\r\n\r\n🎯 准备\r\nlast",
	mixedBreaks: "a\rb\nc\r\nd",
	accents: "Café crème\nnaïve",
	empty: "",
};

for (const [name, sample] of Object.entries(SAMPLES)) {
	test(`every boundary of the ${name} sample lands where the reference says`, () => {
		const points = boundaries(sample);
		const offsets = points.map((p) => p.offset);
		assert.deepEqual(
			text.bytesToPositions(sample, offsets),
			points.map((p) => referencePosition(sample, p.index)),
		);
		assert.deepEqual(
			text.bytesToIndexes(sample, offsets),
			points.map((p) => p.index),
		);
		assert.equal(text.utf8Length(sample), bytes(sample));
	});
}

test("a surrogate pair counts 4 bytes and 2 UTF-16 units; CJK 3 bytes and 1 unit", () => {
	assert.deepEqual(text.bytesToPositions("🎯x", [0, 4, 5]), [
		{ line: 0, ch: 0 },
		{ line: 0, ch: 2 },
		{ line: 0, ch: 3 },
	]);
	assert.deepEqual(text.bytesToPositions("准备x", [3, 6, 7]), [
		{ line: 0, ch: 1 },
		{ line: 0, ch: 2 },
		{ line: 0, ch: 3 },
	]);
});

test("offsets are returned in the order given, duplicates included", () => {
	const s = "ab\n准\n🎯";
	assert.deepEqual(text.bytesToPositions(s, [bytes(s), 0, 3, 3]), [
		{ line: 2, ch: 2 },
		{ line: 0, ch: 0 },
		{ line: 1, ch: 0 },
		{ line: 1, ch: 0 },
	]);
});

test("CRLF is one line break: the end of a line is before the \\r, the next line after the \\n", () => {
	const s = "ab\r\ncd";
	assert.deepEqual(text.bytesToPositions(s, [2, 4, 6]), [
		{ line: 0, ch: 2 },
		{ line: 1, ch: 0 },
		{ line: 1, ch: 2 },
	]);
	assert.throws(() => text.bytesToPositions(s, [3]), { name: "RangeError", message: /between the \\r and the \\n/ });
});

test("offsets inside a character, past the end or not integers are refused", () => {
	assert.throws(() => text.bytesToPositions("🎯", [2]), { name: "RangeError", message: /inside a character/ });
	assert.throws(() => text.bytesToPositions("准", [1]), { name: "RangeError", message: /inside a character/ });
	assert.throws(() => text.bytesToPositions("abc", [4]), { name: "RangeError", message: /past the end/ });
	assert.throws(() => text.bytesToPositions("abc", [-1]), { name: "RangeError" });
	assert.throws(() => text.bytesToPositions("abc", [1.5]), { name: "RangeError" });
});

test("the end of the text, with or without a final newline, is a position", () => {
	assert.deepEqual(text.bytesToPositions("准备\n", [bytes("准备\n")]), [{ line: 1, ch: 0 }]);
	assert.deepEqual(text.bytesToPositions("准备🎯", [bytes("准备🎯")]), [{ line: 0, ch: 4 }]);
	assert.deepEqual(text.bytesToPositions("", [0]), [{ line: 0, ch: 0 }]);
});

/** An edit at UTF-16 indexes [from, to) of `s`, expressed in bytes as the core would. */
function edit(s, from, to, newText) {
	return {
		span: { start: bytes(s.slice(0, from)), end: bytes(s.slice(0, to)) },
		expected: s.slice(from, to),
		new_text: newText,
	};
}

test("applyByteEdits inserts after emoji and CJK, replaces, and appends at the end of the text", () => {
	const s = "🎯 准备\r\nkeep 👩‍💻 this\nend";
	const edits = [
		edit(s, 0, 0, "---\ntype: x\n---\n"),
		edit(s, 3, 5, "ready"),
		edit(s, s.indexOf("this"), s.indexOf("this") + 4, "that"),
		edit(s, s.length, s.length, "\n## Added 🎉\n"),
	];
	assert.equal(text.applyByteEdits(s, edits), "---\ntype: x\n---\n🎯 ready\r\nkeep 👩‍💻 that\nend\n## Added 🎉\n");
	assert.equal(text.applyByteEdits(s, []), s);
});

test("applyByteEdits applies two insertions at one place in the order given", () => {
	const s = "a准b";
	assert.equal(text.applyByteEdits(s, [edit(s, 2, 2, "1"), edit(s, 2, 2, "2")]), "a准12b");
});

test("applyByteEdits refuses a span that does not hold its expected text, and overlapping or unordered edits", () => {
	const s = "🎯 准备 done";
	assert.throws(() => text.applyByteEdits(s, [{ ...edit(s, 3, 5, "x"), expected: "准" }]), /expected "准" at bytes 5\.\.11, found "准备"/);
	assert.throws(() => text.applyByteEdits(s, [edit(s, 3, 5, "x"), edit(s, 4, 6, "y")]), { name: "RangeError", message: /out of order or overlaps/ });
	assert.throws(() => text.applyByteEdits(s, [edit(s, 5, 6, "x"), edit(s, 0, 1, "y")]), { name: "RangeError" });
	assert.throws(
		() => text.applyByteEdits(s, [{ span: { start: 1, end: 1 }, expected: "", new_text: "x" }]),
		{ name: "RangeError", message: /inside a character/ },
	);
});

test("editsToChanges gives editor changes that, applied to the original, give applyByteEdits' result", () => {
	const s = "# 职业 🎯\r\n\r\n准备\nlast line 👩‍💻";
	const edits = [edit(s, 0, 0, "---\n---\n"), edit(s, 5, 7, "Goal"), edit(s, s.length, s.length, "\n## New\n")];
	const changes = text.editsToChanges(s, edits);
	assert.deepEqual(changes, [
		{ from: { line: 0, ch: 0 }, to: { line: 0, ch: 0 }, text: "---\n---\n" },
		{ from: { line: 0, ch: 5 }, to: { line: 0, ch: 7 }, text: "Goal" },
		{ from: { line: 3, ch: 15 }, to: { line: 3, ch: 15 }, text: "\n## New\n" },
	]);
	// Applying them by line/ch against the original lines gives the same text (modulo CRLF → LF, as the editor joins lines with \n).
	const lines = s.split(/\r\n|\r|\n/);
	const offset = (pos) => lines.slice(0, pos.line).reduce((n, line) => n + line.length + 1, 0) + pos.ch;
	const joined = lines.join("\n");
	let result = "";
	let copied = 0;
	for (const change of changes) {
		result += joined.slice(copied, offset(change.from)) + change.text;
		copied = offset(change.to);
	}
	result += joined.slice(copied);
	assert.equal(result, text.applyByteEdits(s, edits).replace(/\r\n/g, "\n"));
});
