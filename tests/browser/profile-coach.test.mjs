/**
 * "Coach my profile" in a real browser: headless Chromium renders the built plugin inside the
 * Obsidian emulation (see coach-modal.test.mjs). A question with its Decision aside, the
 * read-back to confirm and the closing form must fit a phone's width without sideways
 * scrolling or clipped buttons. Screenshots go to test-artifacts/.
 *
 * Skipped, saying why, only when Chromium is missing and cannot be installed.
 */

import assert from "node:assert/strict";
import { test } from "node:test";
import { captureBothWidths, ensureChromium, startBrowserTest } from "./browser-support.mjs";

const chromium = ensureChromium();
if (!chromium.ok) {
	console.warn(`\n*** Browser tests SKIPPED: ${chromium.reason} ***\n`);
}

const PROFILE = "# CLAUDE.md\n\n## User Preferences\n\n### Profile\n\n- **Name:** [name]\n- **Location:** [location]\n- **Timezone:** [timezone]\n\n### Professional Context\n\n- **Role:** [role]\n- **Industry:** [industry]\n- **Expertise:** [expertise]\n\n### Communication Preferences\n\n- **Tone:** [tone]\n- **Depth:** [depth]\n- **Format:** [format]\n\n### How to Help\n\n- [What kind of help is most valuable]\n\n### Things to Avoid\n\n- [Pet peeves and anti-patterns]\n";

test("the profile questions, the read-back and the closing form fit a phone", { skip: chromium.ok ? false : chromium.reason, timeout: 120_000 }, async (t) => {
	const { page, url, errors } = await startBrowserTest(t);
	await page.goto(url);
	await page.evaluate(() => globalThis.careerTest.load());
	await page.evaluate(([path, text]) => globalThis.careerTest.write(path, text), ["CLAUDE.md", PROFILE]);

	await page.evaluate(() => globalThis.careerTest.command("career-coach:coach-my-profile"));
	await page.waitForSelector(".career-coach-profile-modal .career-coach-answer");
	await page.click(".career-coach-reply-decision");
	await page.waitForSelector(".career-coach-aside-what");
	await captureBothWidths(page, { modalSelector: ".career-coach-profile-modal", file: "profile-question" });
	await page.fill(".career-coach-aside-what", "Coach the profile before the index");
	await page.click(".career-coach-aside-add");
	await page.fill(".career-coach-answer", "Alex Rivera");
	await page.click(".career-coach-reply-answer");
	await page.waitForSelector(".career-coach-understood-text");
	assert.equal(await page.textContent(".career-coach-understood-text"), "Name: Alex Rivera");
	await captureBothWidths(page, { modalSelector: ".career-coach-profile-modal", file: "profile-confirm" });
	await page.click(".career-coach-reply-confirm");
	await page.waitForFunction(() => (globalThis.careerTest.read("CLAUDE.md") ?? "").includes("**Name:** Alex Rivera"));
	await page.click(".career-coach-reply-pause");
	await page.waitForSelector(".career-coach-profile-done");
	await captureBothWidths(page, { modalSelector: ".career-coach-profile-modal", file: "profile-closing" });

	assert.deepEqual(errors, [], "no errors in the page");
});
