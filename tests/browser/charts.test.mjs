/**
 * The six charts in a real browser: headless Chromium renders the built plugin inside the
 * Obsidian emulation, which now renders a note's code blocks as reading view does, so these
 * screenshots show the real drawings, not the note's source. Every chart is photographed at
 * 1280 and 390 px, in the dark and the light theme (test-artifacts/chart-<kind>-<width>-<theme>.png),
 * and must fit its column without sideways scrolling. Ticking a box in the goals note redraws
 * the progress chart.
 *
 * The notes are tests/golden/charts/vaults/realistic (the golden SVGs' fixture), plus weekly
 * reviews up to this week, so the streak is as a person who kept reviewing would see it.
 *
 * Skipped, saying why, only when Chromium is missing and cannot be installed.
 */

/* global document, window -- used in functions that page.evaluate runs in the browser */

import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { ARTIFACTS, DESKTOP, PHONE, ROOT, ensureChromium, startBrowserTest } from "./browser-support.mjs";

const chromium = ensureChromium();
if (!chromium.ok) {
	console.warn(`\n*** Browser tests SKIPPED: ${chromium.reason} ***\n`);
}

const KINDS = ["timeline", "skills", "network", "risks", "progress", "streak"];
const FIXTURE = join(ROOT, "tests/golden/charts/vaults/realistic/Career");
const CHARTS_NOTE = `# Career charts\n\n${KINDS.map((k) => `## ${k}\n\n\`\`\`career-chart\nkind: ${k}\nyear: 2026\n\`\`\`\n`).join("\n")}`;

/** The ISO week (year, number) of `day`. */
function isoWeek(day) {
	const d = new Date(Date.UTC(day.getFullYear(), day.getMonth(), day.getDate()));
	d.setUTCDate(d.getUTCDate() + 3 - ((d.getUTCDay() + 6) % 7));
	const year = d.getUTCFullYear();
	return { year, week: Math.floor((d - Date.UTC(year, 0, 1)) / 86_400_000 / 7) + 1 };
}

/** The fixture's notes, and weekly reviews of 2026 from W38 to last week (one caught up late). */
function notes() {
	const files = readdirSync(FIXTURE).map((name) => [`Career/${name}`, readFileSync(join(FIXTURE, name), "utf8")]);
	const now = isoWeek(new Date());
	const last = now.year > 2026 ? 52 : now.year === 2026 ? now.week - 1 : 0;
	for (let week = 38; week <= last; week++) {
		if (week === 44) {
			continue;
		}
		const label = (w) => `2026-W${String(w).padStart(2, "0")}`;
		const covers = week === 45 ? [44, 45] : [week];
		files.push([`Career/${label(week)} Weekly Review.md`, `---\ntype: weekly-review\nperiod: ${label(week)}\ncovers:\n${covers.map((w) => `  - ${label(w)}\n`).join("")}---\n# Weekly Review ${label(week)}\n`]);
	}
	files.push(["Career/Charts.md", CHARTS_NOTE]);
	return files;
}

async function openCharts(page, url) {
	await page.goto(url);
	await page.evaluate(() => globalThis.careerTest.load());
	for (const [path, text] of notes()) {
		await page.evaluate(([p, t]) => globalThis.careerTest.write(p, t), [path, text]);
	}
}

/** Renders the charts note at the page's width; resolves when all six are drawn. */
async function render(page) {
	await page.evaluate(() => globalThis.careerTest.renderNote("Career/Charts.md"));
	await page.waitForFunction((n) => document.querySelectorAll(".block-language-career-chart svg").length === n, KINDS.length);
}

/** Charts wider than their column, or a page that scrolls sideways. */
async function overflow(page) {
	return page.evaluate(() => {
		const problems = [];
		if (document.scrollingElement.scrollWidth > window.innerWidth) {
			problems.push(`the page scrolls sideways (${String(document.scrollingElement.scrollWidth)})`);
		}
		for (const svg of document.querySelectorAll(".block-language-career-chart svg")) {
			const box = svg.getBoundingClientRect();
			const column = svg.closest(".fake-reading").getBoundingClientRect();
			if (box.right > column.right + 0.5) {
				problems.push(`${svg.querySelector("title").textContent} is ${String(Math.round(box.width))} px wide in a ${String(Math.round(column.width))} px column`);
			}
		}
		return problems;
	});
}

for (const theme of ["dark", "light"]) {
	test(`every chart is drawn in reading view at 1280 and 390 px (${theme})`, { skip: chromium.ok ? false : chromium.reason, timeout: 180_000 }, async (t) => {
		const { page, url, errors } = await startBrowserTest(t);
		await openCharts(page, theme === "light" ? `${url}?theme=light` : url);
		for (const [label, size] of [["1280", DESKTOP], ["390", PHONE]]) {
			await page.setViewportSize(size);
			await render(page);
			assert.deepEqual(await overflow(page), [], `${theme} at ${label} px`);
			const blocks = page.locator(".block-language-career-chart");
			for (const [i, kind] of KINDS.entries()) {
				const block = blocks.nth(i);
				assert.equal(await block.locator("svg").getAttribute("role"), "img");
				assert.ok((await block.locator(".career-chart-alt li").count()) >= 2, `${kind}: a text alternative`);
				await block.screenshot({ path: join(ARTIFACTS, `chart-${kind}-${label}-${theme}.png`) });
			}
			await page.screenshot({ path: join(ARTIFACTS, `charts-note-${label}-${theme}.png`), fullPage: true });
		}
		assert.deepEqual(errors, []);
	});
}

test("ticking a box in the goals note redraws the progress chart in the browser", { skip: chromium.ok ? false : chromium.reason, timeout: 120_000 }, async (t) => {
	const { page, url, errors } = await startBrowserTest(t);
	await openCharts(page, url);
	await render(page);
	const counts = () => page.evaluate(() => [...document.querySelectorAll(".career-chart-kind-progress text")].map((n) => n.textContent).filter((s) => /^\d+\/\d+ · /.test(s)).join(" | "));
	const before = await counts();
	await page.evaluate(() => globalThis.careerTest.replaceInNote("Career/2026 Goals.md", "- [ ] Draft the talk #goal/G1", "- [x] Draft the talk #goal/G1"));
	await page.waitForFunction((old) => [...document.querySelectorAll(".career-chart-kind-progress text")].map((n) => n.textContent).filter((s) => /^\d+\/\d+ · /.test(s)).join(" | ") !== old, before);
	assert.notEqual(await counts(), before);
	assert.deepEqual(errors, []);
});
