/**
 * plugin/src/text/frontmatter.ts: reading one top-level scalar from a note's frontmatter, used
 * to recognise a session log the metadata cache has not indexed yet.
 */

import assert from "node:assert/strict";
import { before, test } from "node:test";
import { loadTextModule } from "./text-module.mjs";

let text;
before(async () => {
	text = await loadTextModule();
});

test("a plain, quoted or commented scalar is read", () => {
	const read = (note) => text.frontmatterScalar(note, "type");
	assert.equal(read("---\ntype: coaching-session\ndate: 2026-03-02\n---\n# Log\n"), "coaching-session");
	assert.equal(read('---\ndate: 2026-03-02\ntype: "coaching-session"\n---\n'), "coaching-session");
	assert.equal(read("---\ntype: 'coaching-session'\n---\n"), "coaching-session");
	assert.equal(read("---\ntype: coaching-session # a log\n---\n"), "coaching-session");
	assert.equal(read("---\r\ntype: coaching-session\r\n---\r\n"), "coaching-session", "CRLF");
	assert.equal(read("\uFEFF---\ntype: coaching-session\n---\n"), "coaching-session", "a byte order mark");
	assert.equal(read("---\ntype: coaching-session\n...\n"), "coaching-session", "YAML's end marker");
});

test("anything that is not that key's scalar in a frontmatter block gives null", () => {
	const read = (note) => text.frontmatterScalar(note, "type");
	assert.equal(read("type: coaching-session\n"), null, "no frontmatter");
	assert.equal(read("\n---\ntype: coaching-session\n---\n"), null, "the block must open the note");
	assert.equal(read("---\ntype: coaching-session\n"), null, "an unclosed block");
	assert.equal(read("---\ndate: 2026-03-02\n---\ntype: coaching-session\n"), null, "after the block");
	assert.equal(read("---\n  type: coaching-session\n---\n"), null, "nested, not top-level");
	assert.equal(read("---\ntypes: coaching-session\n---\n"), null, "another key");
	assert.equal(read("---\ntype:\n  - coaching-session\n---\n"), null, "a list");
	assert.equal(read("---\ntype: [coaching-session]\n---\n"), null, "a flow list");
	assert.equal(read("---\ntype: \n---\n"), null, "empty");
	assert.equal(read('---\ntype: "unterminated\n---\n'), null, "an unterminated string");
});
