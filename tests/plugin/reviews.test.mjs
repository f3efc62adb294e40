/**
 * Reviews from the built bundle: the four review commands, the carry-forward they write into
 * the goals note, Periodic Notes mode, "Show what's due", the status bar and the calendar.
 *
 * Reviews depend on the day, and the plugin reads the real clock; so every expectation is
 * asked of the core (through the glue) for the same day and the same notes, and the plugin must
 * write exactly what the core planned.
 */

import assert from "node:assert/strict";
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import ICAL from "ical.js";
import { PLUGIN_ID, core, harness, loadInVault, localToday, readVaultFile } from "./support.mjs";

const TODAY = localToday();
const YEAR = Number(TODAY.slice(0, 4));
const GOALS_PATH = `Career/${String(YEAR)} Goals.md`;
const command = (id) => `${PLUGIN_ID}:${id}`;

function text(vaultDir, path) {
	return readVaultFile(vaultDir, path)?.toString("utf8") ?? null;
}

async function unwrap(result) {
	assert.equal(result.ok, true, JSON.stringify(result));
	return result.value;
}

/** A goals note for this year with one open action in the week the weekly review covers. */
async function goalsWithOpenAction() {
	const glue = await core();
	const note = await unwrap(
		glue.goalsCreate({
			input: { year: YEAR, theme: "Year of visibility", vision: "CTO", goals: [{ outcome: "Be known outside", metric: "3 talks" }], quarters: [], milestones: [] },
			today: TODAY,
			settings: {},
		}),
	);
	const next = await unwrap(glue.nextReview({ kind: "week", today: TODAY, settings: {}, notes: [] }));
	const added = await unwrap(glue.goalsAddAction(note.text, { today: TODAY, text: "Email the program chair", goal: "G1", week: next.period }));
	return { goals: added.text, week: next.period };
}

/** The core's plan for the review the plugin will write, from the same notes. */
async function expectedPlan(kind, files, { answers = {}, settings = {} } = {}) {
	const glue = await core();
	const notes = Object.entries(files)
		.filter(([path]) => path.startsWith("Career/") && path.endsWith(".md") && !path.slice("Career/".length).includes("/"))
		.sort(([a], [b]) => (a < b ? -1 : 1));
	const next = await unwrap(glue.nextReview({ kind, today: TODAY, settings, notes }));
	return await unwrap(
		glue.planReview({
			period: next.period,
			covers: next.covers,
			today: TODAY,
			settings,
			links: "wikilink",
			goalsText: files[next.goalsPath] ?? null,
			nextGoalsText: files[next.nextGoalsPath] ?? null,
			indexText: files["Career/0_Career_Index.md"] ?? null,
			sessionLogs: notes.map(([path, body]) => ({ path, text: body })),
			reviews: next.reviews,
			answers,
			periodic: null,
			periodicFormats: {},
		}),
	);
}

/** The status bar item's text, or null when it is hidden. */
function statusBar(app) {
	const item = app.statusBarEl.querySelector(".career-coach-due-status");
	assert.ok(item, "the plugin adds a status bar item");
	return item.style.display === "none" ? null : item.textContent;
}

async function dueStatus(files) {
	const notes = Object.entries(files).filter(([path]) => path.startsWith("Career/"));
	return (await unwrap((await core()).dueReviews({ today: TODAY, settings: {}, notes }))).status;
}

test("the weekly review writes the core's note, carries the week's open action forward, and the status bar follows", async (t) => {
	const { goals, week } = await goalsWithOpenAction();
	const files = { [GOALS_PATH]: goals };
	const { app, vaultDir } = await loadInVault(t, { files });
	assert.equal(statusBar(app), null, "nothing is computed while Obsidian starts");
	await new Promise((resolve) => setTimeout(resolve, 3200));
	await harness.settle(10);
	assert.equal(statusBar(app), await dueStatus(files), "then the status bar says what the core says is due");

	const plan = await expectedPlan("week", files);
	const running = harness.runCommand(app, command("weekly-review"));
	const decisions = await harness.waitForModal();
	assert.deepEqual(
		[...decisions.querySelectorAll(".career-coach-decision-text")].map((el) => el.textContent),
		["Email the program chair"],
		"the unfinished action is asked about before anything is written",
	);
	assert.equal(text(vaultDir, GOALS_PATH), goals);
	assert.equal(decisions.querySelector(".career-coach-decision-carry").classList.contains("is-active"), true, "carry is the default");
	harness.findButton(decisions, "Write review").click();
	await running;
	await harness.settle(10);
	assert.equal(text(vaultDir, plan.create.path), plan.create.text, "the review note is the core's, in one write");
	assert.match(plan.create.text, new RegExp(`period: ${week}`));
	assert.equal(text(vaultDir, GOALS_PATH), plan.goals.newText, "the goals note got exactly the planned carry-forward");
	assert.match(text(vaultDir, GOALS_PATH), /- \[>\] Email the program chair #goal\/G1/, "the old action is marked forwarded");
	assert.match(text(vaultDir, GOALS_PATH), /- \[ \] Email the program chair #goal\/G1 \[carried:: 1\]/, "and carried with its count");
	assert.equal(harness.takeNotices()[0], plan.summary);

	await new Promise((resolve) => setTimeout(resolve, 1200));
	await harness.settle(10);
	const after = { [GOALS_PATH]: text(vaultDir, GOALS_PATH), [plan.create.path]: plan.create.text };
	assert.equal(statusBar(app), await dueStatus(after), "once written, the status bar no longer asks for it");

	// Running it again opens the review and changes nothing.
	await harness.runCommand(app, command("weekly-review"));
	await harness.settle(10);
	assert.match(harness.takeNotices()[0], /already written/);
	assert.equal(text(vaultDir, GOALS_PATH), after[GOALS_PATH]);
});

test("the quarterly review asks next quarter's intention and writes it where the core planned", async (t) => {
	const { goals } = await goalsWithOpenAction();
	const files = { [GOALS_PATH]: goals };
	const { app, vaultDir } = await loadInVault(t, { files });
	const answers = { nextIntention: "Go external", nextFocus: "Two talks" };
	const plan = await expectedPlan("quarter", files, { answers });

	const running = harness.runCommand(app, command("quarterly-review"));
	const modal = await harness.waitForModal();
	modal.querySelector(".career-coach-review-nextIntention").value = answers.nextIntention;
	modal.querySelector(".career-coach-review-nextFocus").value = answers.nextFocus;
	harness.findButton(modal, "Write review").click();
	await running;
	await harness.settle(10);

	assert.equal(text(vaultDir, plan.create.path), plan.create.text);
	if (plan.goals !== null) {
		assert.equal(text(vaultDir, GOALS_PATH), plan.goals.newText);
		const quarters = (await unwrap((await core()).goalsRead(text(vaultDir, GOALS_PATH)))).quarters;
		assert.ok(quarters.some((q) => q.intention === "Go external" && q.focus === "Two talks"), "next quarter's row holds the answers");
	} else {
		// Next quarter is in next year's goals note, which does not exist: the review keeps it.
		assert.ok(plan.flags.some((f) => f.code === "intention_kept_in_review"));
		assert.match(plan.create.text, /Go external/);
	}
});

test("an unfinished action can be kept where it is or dropped instead of carried", async (t) => {
	const glue = await core();
	const { goals, week } = await goalsWithOpenAction();
	const both = (await unwrap(glue.goalsAddAction(goals, { today: TODAY, text: "Book the venue", goal: "G1", week }))).text;
	const files = { [GOALS_PATH]: both };
	const { app, vaultDir } = await loadInVault(t, { files });
	const running = harness.runCommand(app, command("weekly-review"));
	const modal = await harness.waitForModal();
	const rows = [...modal.querySelectorAll(".career-coach-decision")];
	rows.find((row) => row.textContent.startsWith("Email the program chair")).querySelector(".career-coach-decision-drop").click();
	rows.find((row) => row.textContent.startsWith("Book the venue")).querySelector(".career-coach-decision-keep").click();
	harness.findButton(modal, "Write review").click();
	await running;
	await harness.settle(10);

	const plan = await expectedPlan("week", files, { answers: { keep: ["Book the venue"], drop: ["Email the program chair"] } });
	assert.equal(text(vaultDir, GOALS_PATH), plan.goals.newText);
	assert.match(text(vaultDir, GOALS_PATH), /- \[-\] Email the program chair #goal\/G1/);
	assert.match(text(vaultDir, GOALS_PATH), /- \[ \] Book the venue #goal\/G1\n/);
	assert.doesNotMatch(text(vaultDir, GOALS_PATH), /carried::/);
	assert.equal(text(vaultDir, plan.create.path), plan.create.text);
	assert.match(harness.takeNotices()[0], /1 kept; 1 dropped/);
});

test("cancelling the unfinished actions' choices writes nothing", async (t) => {
	const { goals } = await goalsWithOpenAction();
	const { app, vaultDir } = await loadInVault(t, { files: { [GOALS_PATH]: goals } });
	const running = harness.runCommand(app, command("weekly-review"));
	harness.findButton(await harness.waitForModal(), "Cancel").click();
	await running;
	await harness.settle(5);
	assert.equal(text(vaultDir, GOALS_PATH), goals);
	assert.deepEqual(readdirSync(join(vaultDir, "Career")), [`${String(YEAR)} Goals.md`], "no review note");
	assert.deepEqual(harness.takeNotices(), []);
});

test("cancelling the quarterly review's questions writes nothing", async (t) => {
	const { goals } = await goalsWithOpenAction();
	const { app, vaultDir } = await loadInVault(t, { files: { [GOALS_PATH]: goals } });
	const running = harness.runCommand(app, command("quarterly-review"));
	const modal = await harness.waitForModal();
	harness.findButton(modal, "Cancel").click();
	await running;
	assert.equal(text(vaultDir, GOALS_PATH), goals);
	assert.deepEqual(harness.takeNotices(), []);
});

test("in Periodic Notes mode the weekly review is appended to the week's own note, keeping every line of it", async (t) => {
	const glue = await core();
	const { goals } = await goalsWithOpenAction();
	const next = await unwrap(glue.nextReview({ kind: "week", today: TODAY, settings: {}, notes: [] }));
	const name = await unwrap(glue.periodicNotePath({ period: next.period, settings: {}, format: "" }));
	const journal = `Journal/${name}.md`;
	const mine = "# My week\r\n\r\n- Met Ana about the talk\r\n- Felt stretched";
	const { app, vaultDir } = await loadInVault(t, {
		files: { [GOALS_PATH]: goals, [journal]: mine },
		data: { reviewsInPeriodicNotes: true },
	});
	mkdirSync(join(vaultDir, ".obsidian/plugins/periodic-notes"), { recursive: true });
	writeFileSync(join(vaultDir, ".obsidian/plugins/periodic-notes/data.json"), JSON.stringify({ weekly: { enabled: true, folder: "Journal", format: "" } }));

	const running = harness.runCommand(app, command("weekly-review"));
	harness.findButton(await harness.waitForModal(), "Write review").click();
	await running;
	await harness.settle(10);
	const after = text(vaultDir, journal);
	assert.match(after, /## Career review/);
	let from = 0;
	for (const line of mine.split("\r\n")) {
		const at = after.indexOf(line, from);
		assert.ok(at >= from, `"${line}" is still there, in order`);
		from = at + line.length;
	}
	assert.match(after, /career_period: /, "the period is recorded in the note's properties");
	assert.equal(text(vaultDir, `Career/${next.period} Weekly Review.md`), null, "no note of its own");

	// The review in the periodic note counts: the weekly review is no longer due.
	await harness.runCommand(app, command("show-whats-due"));
	const modal = await harness.waitForModal();
	const labels = [...modal.querySelectorAll(".career-coach-due-label")].map((el) => el.textContent);
	assert.ok(!labels.some((label) => label.startsWith("Weekly")), `not due any more: ${labels.join(", ")}`);
});

test("Show what's due lists what the core says is due", async (t) => {
	const { goals } = await goalsWithOpenAction();
	const files = { [GOALS_PATH]: goals };
	const { app } = await loadInVault(t, { files });
	const notes = Object.entries(files);
	const { due } = await unwrap((await core()).dueReviews({ today: TODAY, settings: {}, notes }));
	await harness.runCommand(app, command("show-whats-due"));
	const modal = await harness.waitForModal();
	assert.deepEqual(
		[...modal.querySelectorAll(".career-coach-due-label")].map((el) => el.textContent),
		due.map((d) => d.label),
	);
	if (due.length === 0) {
		assert.match(modal.textContent, /No review is due/);
	}
});

test("Export review calendar writes an .ics a calendar parser reads, and replaces it on the next export", async (t) => {
	const { app, vaultDir } = await loadInVault(t);
	await harness.runCommand(app, command("export-review-calendar"));
	await harness.settle(5);
	const ics = text(vaultDir, "Career/Career reviews.ics");
	assert.ok(ics, "written into the career folder");
	const calendar = new ICAL.Component(ICAL.parse(ics));
	assert.equal(calendar.getAllSubcomponents("vevent").length, 4);
	assert.match(harness.takeNotices()[0], /^Wrote Career\/Career reviews\.ics/);

	await harness.runCommand(app, command("export-review-calendar"));
	await harness.settle(5);
	assert.equal(text(vaultDir, "Career/Career reviews.ics"), ics, "the same day gives the same file");
});
