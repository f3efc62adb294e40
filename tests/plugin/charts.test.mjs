/**
 * The `career-chart` code block in the emulation, loaded from the built dist/main.js: it draws
 * with SVG elements (no markup strings), re-renders when a checkbox in the goals note is
 * ticked, never writes, leaves no listener behind when unloaded, and shows a friendly
 * placeholder (never an exception) for missing data, a malformed vault and a mistyped block.
 * The notes come from tests/golden/charts/vaults/, the same fixtures as the golden SVGs.
 */

import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { ROOT, harness, loadInVault } from "./support.mjs";

const VAULTS = join(ROOT, "tests/golden/charts/vaults");
const KINDS = ["timeline", "skills", "network", "risks", "progress", "streak"];
const SVG_NS = "http://www.w3.org/2000/svg";

/** The fixture vault `name`'s notes, as loadInVault's files. */
function fixture(name) {
	const files = {};
	const dir = join(VAULTS, name, "Career");
	for (const file of readdirSync(dir)) {
		files[`Career/${file}`] = readFileSync(join(dir, file), "utf8");
	}
	return files;
}

async function block(app, source, path = "Career/Charts.md") {
	const el = await app.markdown.renderCodeBlock("career-chart", source, path);
	await harness.settle(20);
	return el;
}

test("every chart draws SVG elements from the realistic notes, with title, desc and a text alternative", async (t) => {
	const { app } = await loadInVault(t, { files: fixture("realistic") });
	for (const kind of KINDS) {
		const el = await block(app, `kind: ${kind}\nyear: 2026`);
		const svg = el.querySelector("svg");
		assert.ok(svg, `${kind}: drawn (${el.textContent})`);
		assert.equal(svg.namespaceURI, SVG_NS, `${kind}: a real SVG element`);
		assert.equal(svg.getAttribute("role"), "img");
		assert.ok(svg.querySelector("title")?.textContent, `${kind}: a title`);
		assert.ok(svg.querySelector("desc")?.textContent, `${kind}: a desc`);
		assert.ok(el.querySelectorAll(".career-chart-alt li").length >= 2, `${kind}: a text alternative`);
		assert.ok(svg.querySelectorAll("rect, circle, polyline").length > 0, `${kind}: shapes`);
	}
});

test("ticking a box re-renders the progress chart; the block never writes and unloads clean", async (t) => {
	const files = fixture("realistic");
	const goalsPath = "Career/2026 Goals.md";
	const { app, vaultDir } = await loadInVault(t, { files });
	const before = app.vault.listenerCount();
	const el = await block(app, "kind: progress\nyear: 2026");
	const g1 = () => [...el.querySelectorAll("text")].map((n) => n.textContent).find((s) => /^\d+\/\d+ · \d+%$/.test(s));
	const first = g1();
	assert.ok(first, el.textContent);
	assert.ok(app.vault.listenerCount() > before, "the block listens to the vault");

	const file = app.vault.getAbstractFileByPath(goalsPath);
	const ticked = files[goalsPath].replace(/- \[ \] (.*#goal\/G1)/, "- [x] $1");
	await app.vault.modify(file, ticked);
	await harness.settle(20);
	assert.notEqual(g1(), first, "the chart changed after the box was ticked");
	assert.equal(readFileSync(join(vaultDir, goalsPath), "utf8"), ticked, "the block never writes");

	app.markdown.unloadRendered();
	assert.equal(app.vault.listenerCount(), before, "no listener remains after unload");
	await app.vault.modify(file, files[goalsPath]);
	await harness.settle(10);
	assert.equal(el.isConnected, false);
});

test("missing, sparse and malformed notes and mistyped blocks show a friendly placeholder", async (t) => {
	for (const name of ["empty", "malformed", "sparse"]) {
		const { app } = await loadInVault(t, { files: fixture(name) });
		for (const kind of KINDS) {
			const el = await block(app, `kind: ${kind}\nyear: 2026`);
			const drawn = el.querySelector("svg") !== null;
			const placeholder = el.querySelector(".career-chart-placeholder");
			assert.ok(drawn || placeholder !== null, `${name}/${kind}: drawn or explained (${el.textContent})`);
			if (name === "empty" && kind !== "streak") {
				assert.ok(placeholder, `${name}/${kind}: nothing to draw is said in words`);
			}
		}
	}
	const { app } = await loadInVault(t, { files: {} });
	for (const [source, message] of [
		["kind: pie", /no "pie" chart/],
		["kind: progress\nyear: soon", /not a year/],
		["", /Say which chart/],
		["kind: skills\ncolour: red", /not a chart option/],
		["kind: timeline", /No Career Index yet/],
	]) {
		const el = await block(app, source);
		assert.match(el.querySelector(".career-chart-placeholder")?.textContent ?? "", message, source);
	}
});
