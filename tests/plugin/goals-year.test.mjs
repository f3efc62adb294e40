// The goals modal offers the next planning year in the last quarter of one,
// says so, and can plan the current one instead (issue 14: "The year is
// wrong in December"). The planning year's start month puts today in its
// last quarter or not, whatever the real date.
import assert from "node:assert/strict";
import { test } from "node:test";
import { PLUGIN_ID, harness, loadInVault, localToday } from "./support.mjs";

const CREATE = `${PLUGIN_ID}:create-goals-note`;
const TODAY = localToday();
const YEAR = Number(TODAY.slice(0, 4));
const MONTH = Number(TODAY.slice(5, 7));

/** A start month that makes today's month the tenth of its planning year (its last quarter). */
const LAST_QUARTER_START = ((MONTH - 1 - 9 + 12) % 12) + 1;
/** The planning year (labelled by the calendar year it starts in) containing today. */
const CURRENT = MONTH >= LAST_QUARTER_START ? YEAR : YEAR - 1;

test("in the last quarter of a planning year the modal offers the next one and says so", async (t) => {
	const { app } = await loadInVault(t, { data: { fiscalYearStartMonth: LAST_QUARTER_START } });
	void harness.runCommand(app, CREATE);
	const modal = await harness.waitForModal();
	assert.match(modal.textContent, new RegExp(`What is your theme for ${String(CURRENT + 1)}\\?`));
	assert.match(modal.textContent, new RegExp(`last quarter of the ${String(CURRENT)} planning year, so these goals are for ${String(CURRENT + 1)}`));
	const other = modal.querySelector(".career-coach-goals-this-year");
	assert.ok(other, modal.textContent);
	assert.equal(other.textContent, `Plan ${String(CURRENT)} instead`);
	other.click();
	await harness.settle();
	assert.match(modal.textContent, new RegExp(`What is your theme for ${String(CURRENT)}\\?`));
	assert.equal(modal.querySelector(".career-coach-goals-this-year"), null, "no second switch");
	assert.doesNotMatch(modal.textContent, /last quarter/);
});

test("outside the last quarter the current planning year is planned, with no note", async (t) => {
	// The start month is this month: today is in the first quarter.
	const { app } = await loadInVault(t, { data: { fiscalYearStartMonth: MONTH } });
	void harness.runCommand(app, CREATE);
	const modal = await harness.waitForModal();
	assert.match(modal.textContent, new RegExp(`What is your theme for ${String(YEAR)}\\?`));
	assert.doesNotMatch(modal.textContent, /last quarter/);
	assert.equal(modal.querySelector(".career-coach-goals-this-year"), null);
});
