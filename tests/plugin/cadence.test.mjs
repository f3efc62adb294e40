/**
 * Issue 15 in the palette: the quarterly review shows the current intention and focus and
 * keeps them unless changed; a week with no review stays due (a catch-up) in "Show what's due";
 * the goals commands name both ways forward when the year has no goals note yet.
 *
 * The plugin reads the real clock, so expectations are asked of the core for the same day.
 */

import assert from "node:assert/strict";
import { test } from "node:test";
import { PLUGIN_ID, core, harness, loadInVault, localToday, readVaultFile } from "./support.mjs";

const TODAY = localToday();
const YEAR = Number(TODAY.slice(0, 4));
const GOALS_PATH = `Career/${String(YEAR)} Goals.md`;
const command = (id) => `${PLUGIN_ID}:${id}`;

async function unwrap(result) {
	assert.equal(result.ok, true, JSON.stringify(result));
	return result.value;
}

/** This year's goals note, every quarter planned, created on the year's first day. */
async function plannedGoals() {
	const glue = await core();
	const note = await unwrap(
		glue.goalsCreate({
			input: {
				year: YEAR,
				theme: "Year of visibility",
				vision: "CTO",
				goals: [{ outcome: "Be known outside", metric: "3 talks" }],
				quarters: [1, 2, 3, 4].map((quarter) => ({ quarter, intention: `Intention ${String(quarter)}`, focus: `Focus ${String(quarter)}` })),
				milestones: [],
			},
			today: `${String(YEAR)}-01-01`,
			settings: {},
		}),
	);
	return note.text;
}

test("the quarterly review shows the current plan and keeps next quarter's intention unless changed", async (t) => {
	const goals = await plannedGoals();
	const files = { [GOALS_PATH]: goals };
	const { app, vaultDir } = await loadInVault(t, { files });
	const next = await unwrap((await core()).nextReview({ kind: "quarter", today: TODAY, settings: {}, notes: Object.entries(files) }));
	assert.ok(next.quarter, "a quarterly review knows the current plans");

	const running = harness.runCommand(app, command("quarterly-review"));
	const modal = await harness.waitForModal();
	const shown = [...modal.querySelectorAll(".career-coach-review-current")].map((el) => el.textContent);
	assert.ok(shown.some((line) => line.includes(`"${next.quarter.reviewed.intention}"`)), `the reviewed quarter's intention is shown: ${shown.join(" | ")}`);
	assert.equal(modal.querySelector(".career-coach-review-nextIntention").value, next.quarter.next.intention, "the field holds what is set");
	assert.equal(modal.querySelector(".career-coach-review-nextFocus").value, next.quarter.next.focus);
	harness.findButton(modal, "Write review").click();
	await running;
	await harness.settle(10);

	const after = readVaultFile(vaultDir, GOALS_PATH)?.toString("utf8") ?? "";
	if (next.quarter.next.intention !== "") {
		assert.ok(after.includes(`| ${next.quarter.next.intention} | ${next.quarter.next.focus} |`), "next quarter's plan is kept");
	}
	const notice = harness.takeNotices().join(" ");
	assert.match(notice, /Quarterly review/);
});

test("a week without a review stays due: Show what's due offers the catch-up the core computes", async (t) => {
	// Created a month ago: every week since is due until reviewed.
	const glue = await core();
	const goals = (await plannedGoals()).replace(/created: \d{4}-\d{2}-\d{2}/, `created: ${monthAgo(TODAY)}`);
	const files = { [GOALS_PATH]: goals };
	const { app } = await loadInVault(t, { files });
	const { due } = await unwrap(glue.dueReviews({ today: TODAY, settings: {}, notes: Object.entries(files) }));
	const weekly = due.find((d) => d.kind === "week");
	assert.ok(weekly && weekly.covers.length >= 3, `weeks missed since the start stay due: ${JSON.stringify(weekly)}`);
	await harness.runCommand(app, command("show-whats-due"));
	const modal = await harness.waitForModal();
	assert.deepEqual(
		[...modal.querySelectorAll(".career-coach-due-label")].map((el) => el.textContent),
		due.map((d) => d.label),
	);
});

function monthAgo(iso) {
	const day = new Date(`${iso}T12:00:00Z`);
	day.setUTCDate(day.getUTCDate() - 31);
	return day.toISOString().slice(0, 10);
}
