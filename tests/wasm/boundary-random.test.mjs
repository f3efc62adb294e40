/**
 * Issue 19, "Bad input and safety": generated notes through the WASM boundary as the plugin uses
 * it, against the native core as `career` runs it. The notes mix what the boundary treats
 * differently: ASCII and two-byte text, astral characters, CRLF, a BOM, frontmatter, tables and
 * tasks, and sizes on both sides of the length from which the module keeps a note between calls.
 *
 * For each note: the packed outline as the plugin reads it equals `career outline --json`, and a
 * section-set's edits (all `applyOperation` returns), applied by the plugin's own
 * `applyByteEdits`, give the text `career section set` writes, or both refuse. The seed is fixed,
 * so a failure names a note that fails again.
 */

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { before, test } from "node:test";
import { loadTextModule } from "../plugin/text-module.mjs";
import { ROOT, loadCore, pluginModule } from "./load-core.mjs";

const CAREER = process.env.CAREER_BIN ?? join(ROOT, "target", "debug", "career");
const vault = mkdtempSync(join(tmpdir(), "career-boundary-"));
const NOTES = 40;

const LINES = [
	"# Career",
	"## Rôle — “current” 🚀",
	"### Sub/section \\/ escaped",
	"Title\n=====",
	"plain prose line",
	"Zoë’s note with [[Link#Straße|ålias]] and [x](a%20b.md)",
	"| Name | Role |\n| --- | :-: |\n| Ana \\| A | Lead 😀 |",
	"- [ ] call Ana 📅 2026-03-06",
	"- [x] done ✅ 2026-03-01",
	"  - nested item",
	"```\n# not a heading\n```",
	"> quoted ## line",
	"",
	"emoji 🧭🧭 and CJK 職業",
	"x".repeat(700),
];

/** Mulberry32: a small seeded generator, so every run sees the same notes. */
function random(seed) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

function notes() {
	const next = random(19);
	const pick = (list) => list[Math.floor(next() * list.length)];
	return Array.from({ length: NOTES }, (_, i) => {
		const lines = Array.from({ length: 2 + Math.floor(next() * 24) }, () => pick(LINES));
		let text = lines.join("\n");
		if (i % 5 === 1) text = text.replaceAll("\n", "\r\n");
		if (i % 7 === 2) text = `---\ntags: [career]\n---\n${text}`;
		if (i % 9 === 3) text = `\uFEFF${text}`;
		return next() < 0.8 ? `${text}\n` : text;
	});
}

/** What `career` does to `text`: `args` run on it as note.md; the note after, or null when refused. */
function career(text, args, stdin = "") {
	writeFileSync(join(vault, "note.md"), text);
	try {
		const out = execFileSync(CAREER, ["--vault", vault, ...args], { input: stdin, encoding: "utf8", stdio: ["pipe", "pipe", "pipe"], maxBuffer: 64 << 20 });
		return { out, note: readFileSync(join(vault, "note.md"), "utf8") };
	} catch {
		return null;
	}
}

let core;
let Outline;
let applyByteEdits;

before(async () => {
	core = await loadCore();
	({ Outline } = await pluginModule("outline"));
	({ applyByteEdits } = await loadTextModule());
});

test("generated notes read and edit across the boundary as the native core reads and edits them", () => {
	const written = (text) => Buffer.from(text, "utf8").toString("utf8");
	let edited = 0;
	for (const [i, text] of notes().entries()) {
		const label = `note ${i}: ${JSON.stringify(text.slice(0, 80))}…`;
		const packed = core.outlinePacked(text);
		assert.ok(packed.ok, label);
		const outline = new Outline(packed.value).toJSON();
		const native = career(text, ["outline", "--json", "note.md"]);
		assert.ok(native, label);
		assert.deepEqual(outline, JSON.parse(native.out), label);

		for (const section of outline.sections.slice(0, 3)) {
			const body = `New “body” 🚀 for ${section.title}\n`;
			const result = core.applyOperation(text, { op: "section-set", section: section.path, body });
			const cli = career(text, ["section", "set", "note.md", section.path], body);
			if (!result.ok) {
				assert.equal(cli, null, `${label} ${section.path}: refused here (${result.error.code}), not by career`);
				continue;
			}
			assert.ok(cli, `${label} ${section.path}: career refused what the module did`);
			const applied = result.value.edits.length === 0 ? text : applyByteEdits(text, result.value.edits);
			assert.equal(written(applied), cli.note, `${label} ${section.path}`);
			edited += 1;
		}
	}
	assert.ok(edited >= NOTES / 2, `only ${edited} section-sets were compared`);
});

test("an edit over a lone surrogate is refused by the plugin's guard, not written", () => {
	// Obsidian reads files with TextDecoder, which never makes one, but a string handed to the
	// core could hold it: the module reads it as U+FFFD, so the pre-image no longer matches.
	const text = "# A\nlone \uD800 surrogate\n# B\n";
	const result = core.applyOperation(text, { op: "section-set", section: "A", body: "new\n" });
	assert.ok(result.ok);
	assert.throws(() => applyByteEdits(text, result.value.edits), /expected "lone \uFFFD surrogate\\n"/);
	const outline = new Outline(core.outlinePacked(text).value).toJSON();
	assert.deepEqual(outline.sections.map((s) => s.title), ["A", "B"]);
});
