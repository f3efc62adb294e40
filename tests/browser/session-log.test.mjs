/**
 * Session logs in a real browser: headless Chromium renders the built plugin inside the
 * Obsidian emulation (see coach-modal.test.mjs). "Write session log" is filled in with real
 * typing, then a coaching session starts with that log's open threads (Resolved / Carry /
 * Drop), ends with the closing questions and writes its own log, and "Show open threads"
 * lists what is left. Every view must fit a phone's width without sideways scrolling or
 * clipped buttons; screenshots go to test-artifacts/.
 *
 * Skipped, saying why, only when Chromium is missing and cannot be installed.
 */

/* global document -- used in functions that page.evaluate runs in the browser */

import assert from "node:assert/strict";
import { test } from "node:test";
import { localToday } from "../plugin/support.mjs";
import { ensureChromium, startBrowserTest, captureBothWidths } from "./browser-support.mjs";

const LOG = `Career/${localToday()} Career Coaching Session.md`;
const LOG_2 = `Career/${localToday()} Career Coaching Session 2.md`;

const chromium = ensureChromium();
if (!chromium.ok) {
	console.warn(`\n*** Browser tests SKIPPED: ${chromium.reason} ***\n`);
}

/** Screenshots the page at both widths, checking the layout of `selector` at each. */
function capture(page, name, selector) {
	return captureBothWidths(page, { modalSelector: selector, file: `session-log-${name}` });
}

test("a log written by hand, its threads at the next session's start, the closing questions and the list", { skip: chromium.ok ? false : chromium.reason, timeout: 120_000 }, async (t) => {
	const { page, url, errors } = await startBrowserTest(t);
	const read = (path) => page.evaluate((p) => globalThis.careerTest.read(p), path);

	await page.goto(url);
	await page.evaluate(() => globalThis.careerTest.load());
	await page.evaluate(() => {
		globalThis.careerTest.command("career-coach:create-or-upgrade-career-index");
		return globalThis.careerTest.settle();
	});

	// "Write session log", typed for real; Enter in the focus field writes it.
	await page.evaluate(() => globalThis.careerTest.command("career-coach:write-session-log"));
	await page.waitForSelector("input.career-coach-log-focus");
	await page.click("textarea.career-coach-log-threads");
	await page.keyboard.type("Ask Sam for an intro to the platform group's director of engineering");
	await page.keyboard.press("Enter");
	await page.keyboard.type("Draft the platform pitch");
	await page.click("textarea.career-coach-log-decisions");
	await page.keyboard.type("Go deep on platform | it compounds over the next three years");
	await page.click("input.career-coach-log-focus");
	await page.keyboard.type("Sponsorship, with my mentor");
	await capture(page, "form", ".career-coach-log-modal");
	await page.keyboard.press("Enter");
	await page.waitForSelector(".career-coach-logged");
	assert.match(await read(LOG), /- \[ \] Ask Sam for an intro[^\n]*\n- \[ \] Draft the platform pitch\n/);
	await page.keyboard.press("Escape");

	// A new session starts with those threads; Drop one, carry the other.
	await page.evaluate(() => globalThis.careerTest.command("career-coach:coach-a-section"));
	await page.waitForSelector(".prompt-input");
	await page.keyboard.type("annual theme");
	await page.keyboard.press("Enter");
	await page.waitForSelector('.career-coach-session-body[data-kind="threads"]');
	assert.equal(await page.locator(".career-coach-thread").count(), 2);
	await capture(page, "threads", ".career-coach-session-modal");
	await page.locator(".career-coach-thread").nth(1).getByRole("button", { name: "Drop" }).click();
	await page.getByRole("button", { name: "Continue" }).click();
	await page.waitForSelector('.career-coach-session-body[data-kind="question"]');
	assert.match(await read(LOG), /- \[>\] Ask Sam[^\n]*\n- \[-\] Draft the platform pitch\n/);

	// Answer, confirm, then the closing questions with the keyboard.
	await page.keyboard.type("Visible outside the company");
	await page.keyboard.press("Enter");
	await page.waitForSelector('.career-coach-session-body[data-kind="confirm"]');
	await page.keyboard.press("Enter");
	await page.waitForSelector('.career-coach-session-body[data-closing="focus"]');
	assert.equal(await page.inputValue("textarea.career-coach-answer"), "Annual Theme");
	await capture(page, "closing", ".career-coach-session-modal");
	await page.keyboard.press("Enter");
	await page.waitForSelector('.career-coach-session-body[data-closing="threads"]');
	await page.keyboard.type("Book a talk slot");
	await page.keyboard.press("Enter");
	await page.waitForSelector('.career-coach-session-body[data-closing="worked"]');
	await page.keyboard.press("Enter");
	await page.waitForSelector('.career-coach-session-body[data-closing="improve"]');
	await page.keyboard.press("Enter");
	await page.waitForSelector('.career-coach-session-body[data-closing="logged"]');
	await capture(page, "logged", ".career-coach-session-modal");
	const second = await read(LOG_2);
	assert.match(second, /- \[ \] Ask Sam for an intro[^\n]* \[carried:: 1\]\n- \[ \] Book a talk slot\n/);
	await page.keyboard.press("Escape");

	// "Show open threads": the two left, from the second log.
	await page.evaluate(() => globalThis.careerTest.command("career-coach:show-open-threads"));
	await page.waitForSelector(".career-coach-open-thread");
	assert.equal(await page.locator(".career-coach-open-thread").count(), 2);
	await capture(page, "open-threads", ".career-coach-open-threads-modal");
	await page.locator(".career-coach-open-thread").first().getByRole("button", { name: "Resolve" }).click();
	await page.waitForFunction(() => document.querySelectorAll(".career-coach-open-thread").length === 1);
	assert.match(await read(LOG_2), /- \[x\] Ask Sam/);
	await page.keyboard.press("Escape");

	assert.deepEqual(errors, [], "no errors in the page");
});
