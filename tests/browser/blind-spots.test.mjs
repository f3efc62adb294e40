/**
 * The blind spot analysis in a real browser: headless Chromium renders the built plugin inside
 * the Obsidian emulation (see coach-modal.test.mjs), on the seed's Career Index
 * (tests/fixtures/seed-index-before-blind-spots.md). The findings must fit a phone's width
 * without sideways scrolling or clipped buttons; "Coach this" is clicked for real and the
 * coaching modal, with the finding's question above it, must fit too. Screenshots go to
 * test-artifacts/.
 *
 * Skipped, saying why, only when Chromium is missing and cannot be installed.
 */

/* global document, getComputedStyle -- used in functions that page.evaluate runs in the browser */

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { ROOT, ensureChromium, startBrowserTest, PHONE, captureBothWidths } from "./browser-support.mjs";

const INDEX = "Career/0_Career_Index.md";
const SEED = readFileSync(join(ROOT, "tests/fixtures/seed-index-before-blind-spots.md"), "utf8");

const chromium = ensureChromium();
if (!chromium.ok) {
	console.warn(`\n*** Browser tests SKIPPED: ${chromium.reason} ***\n`);
}

/** Checks the layout of `selector` and takes full-page screenshots at both widths. */
function capture(page, selector, name) {
	return captureBothWidths(page, { modalSelector: selector, file: `blind-spots-${name}`, fullPage: true });
}

test("the findings fit a phone, and Coach this opens the flagged entry with the finding's question", { skip: chromium.ok ? false : chromium.reason, timeout: 120_000 }, async (t) => {
	const { page, url, errors } = await startBrowserTest(t);

	await page.goto(url);
	await page.evaluate(() => globalThis.careerTest.load());
	await page.evaluate(([path, text]) => globalThis.careerTest.write(path, text), [INDEX, SEED]);
	await page.evaluate(() => globalThis.careerTest.command("career-coach:run-blind-spot-analysis"));
	await page.waitForSelector(".career-coach-finding");

	assert.equal(await page.textContent(".modal-title"), "Blind spots");
	const headings = await page.locator(".career-coach-blind-heading").allTextContents();
	assert.match(headings[0], /^High \(\d+\)$/);
	const weight = await page.evaluate(() => Number(getComputedStyle(document.querySelector(".career-coach-finding-section")).fontWeight));
	assert.ok(weight >= 600, "the section is bold");
	const italic = await page.evaluate(() => getComputedStyle(document.querySelector(".career-coach-finding-question em")).fontStyle);
	assert.equal(italic, "italic", "the question is in italics");
	await capture(page, ".career-coach-blind-modal", "findings");

	// On a phone a finding's button spans the finding.
	await page.setViewportSize(PHONE);
	const widths = await page.evaluate(() => {
		const button = document.querySelector(".career-coach-finding-actions button");
		return { button: button.getBoundingClientRect().width, row: button.parentElement.getBoundingClientRect().width };
	});
	assert.ok(widths.button >= widths.row - 1, `the button is full width on a phone (${widths.button} of ${widths.row})`);

	await page.locator('[data-finding="no_external_sponsor"]').getByRole("button", { name: "Coach this" }).click();
	await page.waitForSelector('.career-coach-session-body[data-kind="edit-entry"]');
	assert.equal(await page.locator(".career-coach-blind-modal").count(), 0, "the analysis closed");
	assert.equal(await page.inputValue("textarea.career-coach-answer"), "Pat Kim | Lockton Global CIO", "the flagged sponsor, open for editing");
	assert.equal(await page.getAttribute(".career-coach-session-body", "data-section"), "network");
	assert.match(await page.textContent(".career-coach-session-focus-text"), /advocates for you/);
	await capture(page, ".career-coach-session-modal", "coach-this");
	await page.keyboard.press("Escape");

	assert.deepEqual(errors, [], "no errors in the page");
});
