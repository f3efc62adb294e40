/**
 * plugin/src/text/minimal-edit.ts: the one replacement between two texts that the coaching
 * session writes through the editor. The edit must turn the old text into the new one, replace
 * as little as possible, and never cut a character or a CRLF in two.
 */

import assert from "node:assert/strict";
import { before, test } from "node:test";
import { loadTextModule } from "./text-module.mjs";

let text;
before(async () => {
	text = await loadTextModule();
});

const CASES = [
	["identical", "abc\n", "abc\n"],
	["insertion in the middle", "# A\n\n## B\n", "# A\n\nnew line\n\n## B\n"],
	["deletion", "one\ntwo\nthree\n", "one\nthree\n"],
	["replace everything", "abc", "xyz"],
	["from empty", "", "hello\n"],
	["to empty", "hello\n", ""],
	["emoji sharing a high surrogate", "a🎯b", "a🎮b"],
	["emoji before the change", "🎯 goal\n", "🎯 goals\n"],
	["CJK", "准备 to lead\n", "准备好 to lead\n"],
	["CRLF: change after the CR", "a\r\nb\r\n", "a\r\nc\r\nb\r\n"],
	["CRLF to LF", "a\r\nb\r\n", "a\nb\n"],
	["LF to CRLF", "a\nb\n", "a\r\nb\n"],
	["repeated text", "| X |\n| X |\n", "| X |\n| 8 |\n| X |\n"],
];

for (const [name, before, after] of CASES) {
	test(`minimalEdit: ${name}`, () => {
		const edit = text.minimalEdit(before, after);
		assert.equal(text.applyByteEdits(before, [edit]), after, "the edit gives the new text");
		// Spans are on character boundaries and outside CRLFs: converting them must not throw.
		text.bytesToPositions(before, [edit.span.start, edit.span.end]);
		assert.ok(!/^[\uDC00-\uDFFF]/.test(edit.new_text) && !/[\uD800-\uDBFF]$/.test(edit.new_text), "no lone surrogate in the new text");
		assert.ok(edit.expected.length <= before.length);
		if (before === after) {
			assert.equal(edit.expected, "");
			assert.equal(edit.new_text, "");
		}
	});
}

test("minimalEdit replaces only the differing middle", () => {
	const edit = text.minimalEdit("keep START old END keep", "keep START new END keep");
	assert.equal(edit.expected, "old");
	assert.equal(edit.new_text, "new");
	assert.deepEqual(edit.span, { start: 11, end: 14 });
});
