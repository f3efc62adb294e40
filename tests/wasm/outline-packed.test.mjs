/**
 * The packed outline (crates/core/src/note/packed.rs, read by plugin/src/core/outline.ts) loses
 * nothing: on every corpus note, every fixture and notes with non-ASCII and astral text, the
 * outline the plugin reads equals the core's full outline as `career outline --json` prints it,
 * part by part, however the parts are read (one alone, in any order, or all at once).
 */

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { before, test } from "node:test";
import { ROOT, loadCore, pluginModule } from "./load-core.mjs";

const CAREER = process.env.CAREER_BIN ?? join(ROOT, "target", "debug", "career");
const scratch = mkdtempSync(join(tmpdir(), "career-outline-"));

/** The core's full outline of `text`, as the CLI prints it (built by `cargo test` before these tests run). */
function fullOutline(text) {
	writeFileSync(join(scratch, "note.md"), text);
	return JSON.parse(execFileSync(CAREER, ["--vault", scratch, "outline", "--json", "note.md"], { encoding: "utf8", maxBuffer: 64 << 20 }));
}
let Outline;
let core;

before(async () => {
	({ Outline } = await pluginModule("outline"));
	core = await loadCore();
});

function markdownUnder(dir) {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? markdownUnder(path) : name.endsWith(".md") ? [path] : [];
	});
}

const ODD = [
	"",
	"# Ünïcödé 🚀 heading\n\nA [[Zoë's note#Straße|ålias 😀]] and [x](<a b.md#c>).\n\n| Náme 🧭 | Rôle |\n| :-- | --: |\n| Ada \\| Lovelace | 🚀 |\n\n- [x] Dönë 😀 task\n  - [>] nested ✓\n",
	"Title\n=====\n\n## A/B `c` \\/ d\n\n![[embed.png]]\n\n- [ ] \n",
	// Every part's first string starts with U+FEFF, which a UTF-8 decoder drops by default.
	"# \uFEFFbom title\n\n| \uFEFFcell | b |\n| --- | --- |\n| \uFEFFx | y |\n\n- [ ] \uFEFFtask\n\n[[\uFEFFtarget]]\n",
];

function inputs() {
	const corpus = join(ROOT, "../shared/corpus/obsidian-help-en");
	const files = [...markdownUnder(corpus), ...markdownUnder(join(ROOT, "tests/fixtures"))];
	return [...files.map((path) => [path, readFileSync(path, "utf8")]), ...ODD.map((text, i) => [`odd #${i}`, text])];
}

test("the packed outline equals the full outline on every note", () => {
	const all = inputs();
	assert.ok(all.length > 170, "the corpus is there");
	let tables = 0;
	for (const [name, text] of all) {
		const full = fullOutline(text);
		const packed = core.outlinePacked(text);
		assert.equal(packed.ok, true, name);
		assert.ok(packed.value.numbers instanceof Uint32Array, name);
		const outline = new Outline(packed.value);
		assert.deepEqual(JSON.parse(JSON.stringify(outline)), full, name);
		assert.deepEqual(outline.counts, { sections: full.sections.length, tables: full.tables.length, tasks: full.tasks.length, links: full.links.length }, name);
		tables += full.tables.length;
	}
	assert.ok(tables > 20, "tables were compared");
});

test("each part reads the same alone and in any order, and is built once", () => {
	const text = ODD[1];
	const full = fullOutline(text);
	for (const order of [["links"], ["tasks", "sections"], ["tables", "links", "tasks", "sections"]]) {
		const outline = new Outline(core.outlinePacked(text).value);
		for (const part of order) {
			assert.deepEqual(outline[part], full[part], part);
			assert.equal(outline[part], outline[part], `${part} is built once`);
		}
	}
	const links = new Outline(core.outlinePacked(text).value).links;
	assert.deepEqual(
		links.map((l) => [l.target, l.subpath, l.alias]),
		full.links.map((l) => [l.target, l.subpath, l.alias]),
	);
	assert.ok(links.some((l) => l.alias === "ålias 😀"), "astral text survives the UTF-16 slicing");
});

test("a packed outline of another layout is refused, not misread", () => {
	const packed = core.outlinePacked("# A\n").value;
	packed.numbers[0] = 99;
	assert.throws(() => new Outline(packed), /layout 99/);
});
