/**
 * The goal cascade from the built bundle: "Create goals note" (the guided interview, paused
 * and resumed), "Set goal status", "Add weekly action", "Show goal progress" and the live
 * `career-progress` block.
 *
 * Expected notes are computed by the core itself (through the glue) from the same inputs, so
 * the plugin must write exactly the core's bytes, and nothing else in the note may change.
 */

import assert from "node:assert/strict";
import { test } from "node:test";
import { PLUGIN_ID, core, harness, loadInVault, localToday, readVaultFile } from "./support.mjs";

const CREATE = `${PLUGIN_ID}:create-goals-note`;
const STATUS = `${PLUGIN_ID}:set-goal-status`;
const ACTION = `${PLUGIN_ID}:add-weekly-action`;
const PROGRESS = `${PLUGIN_ID}:show-goal-progress`;
const TODAY = localToday();
const YEAR = Number(TODAY.slice(0, 4));
const GOALS_PATH = `Career/${String(YEAR)} Goals.md`;
const INDEX_PATH = "Career/0_Career_Index.md";

/** A hand-written Career Index whose theme section does not link the goals note yet. */
const INDEX = `# Career\n\n## Vision\n\n**North Star (2031):** CTO of a mission-driven company\n\n## ${String(YEAR)} Theme\n\n> **"Year of visibility"**\n\n### Success Criteria\n\n- [ ] Three talks given\n\n## Network\n\nNotes kept by hand.\n`;

function text(vaultDir, path) {
	return readVaultFile(vaultDir, path)?.toString("utf8") ?? null;
}

/** The goals note the core writes for `input` this year, as the plugin would create it. */
async function goalsNoteFor(input, indexText = null) {
	const made = (await core()).goalsCreate({ input, today: TODAY, settings: {}, linkFormat: "wikilink", indexText });
	assert.equal(made.ok, true, JSON.stringify(made));
	return made.value;
}

const INPUT = {
	year: YEAR,
	theme: "Year of visibility",
	vision: "CTO of a mission-driven company",
	goals: [
		{ outcome: "Be known outside", metric: "3 talks" },
		{ outcome: "Publish the thesis", metric: "Paper by Q3" },
	],
	quarters: [{ quarter: 1, intention: "Stabilize the transition", focus: "Team" }],
	milestones: [],
};

/** Types into the interview's answer box and presses Next. */
async function answer(modal, value) {
	const box = modal.querySelector(".career-coach-answer");
	assert.ok(box, `an answer box is shown: ${modal.textContent}`);
	box.value = value;
	modal.querySelector(".career-coach-reply-answer").click();
	await harness.settle();
}

async function click(modal, cls) {
	const button = modal.querySelector(`.${cls}`);
	assert.ok(button, `a ${cls} button is shown: ${modal.textContent}`);
	button.click();
	await harness.settle();
}

test("the interview asks one question at a time, confirms each answer and creates the note the core renders, linked from the index", async (t) => {
	const { app, vaultDir } = await loadInVault(t, { files: { [INDEX_PATH]: INDEX } });
	void harness.runCommand(app, CREATE);
	let modal = await harness.waitForModal();
	// From October the next year is offered (tests/plugin/goals-year.test.mjs); this case plans this one.
	if (modal.querySelector(".career-coach-goals-this-year") !== null) {
		await click(modal, "career-coach-goals-this-year");
	}
	assert.match(modal.textContent, /North star: CTO of a mission-driven company/, "the index's north star is in view");
	assert.match(modal.textContent, /Three talks given/, "and its success criteria");
	assert.equal(modal.querySelector(".career-coach-goals-step").textContent, "Theme");

	await click(modal, "career-coach-reply-confirm");
	assert.equal(modal.querySelector(".career-coach-goals-step").textContent, "Goal 1");
	await answer(modal, "Be known outside | 3 talks");
	assert.equal(modal.querySelector(".career-coach-understood-text").textContent, "G1 — outcome: Be known outside; success metric: 3 talks", "the exact understanding is shown before anything is kept");
	await click(modal, "career-coach-reply-confirm");

	// Pause: close the modal; the interview is saved and resumes where it was.
	harness.closeAllModals();
	await harness.settle();
	void harness.runCommand(app, CREATE);
	modal = await harness.waitForModal();
	assert.match(modal.textContent, /Resumed where you left off/);
	assert.equal(modal.querySelector(".career-coach-goals-step").textContent, "Goal 2");
	assert.match(modal.querySelector(".career-coach-goals-so-far").textContent, /Be known outside/);

	await answer(modal, "Publish the thesis | Paper by Q3");
	await click(modal, "career-coach-reply-confirm");
	await click(modal, "career-coach-reply-finish");
	assert.match(modal.querySelector(".career-coach-goals-step").textContent, /^Q1/);
	await answer(modal, "Stabilize the transition | Team");
	await click(modal, "career-coach-reply-confirm");
	await click(modal, "career-coach-reply-finish");
	for (let guard = 0; guard < 20 && modal.querySelector(".career-coach-goals-create") === null; guard++) {
		await click(modal, modal.querySelector(".career-coach-reply-finish") ? "career-coach-reply-finish" : "career-coach-reply-skip");
	}
	assert.ok(text(vaultDir, GOALS_PATH) === null, "nothing is written before the person says so");
	await click(modal, "career-coach-goals-create");
	await harness.settle(10);

	const expected = await goalsNoteFor(INPUT, INDEX);
	assert.equal(text(vaultDir, GOALS_PATH), expected.text, "the note is exactly the core's");
	assert.equal(text(vaultDir, INDEX_PATH), expected.indexLink.text, "the index links the note");
	assert.ok(text(vaultDir, INDEX_PATH).startsWith(INDEX.slice(0, INDEX.indexOf("### Success"))), "the index's own words are untouched");
	assert.match(text(vaultDir, INDEX_PATH), new RegExp(`\\[\\[${String(YEAR)} Goals\\]\\]`));
	assert.deepEqual(harness.takeNotices(), [`Created ${GOALS_PATH} and linked it from the Career Index.`]);
	const data = JSON.parse(text(vaultDir, `.obsidian/plugins/${PLUGIN_ID}/data.json`));
	assert.equal(data.goalsInterview, null, "the finished interview is forgotten");
});

test("creating the goals note when it exists says so and writes nothing", async (t) => {
	const existing = "# My goals\n";
	// The year offered: from October (the default planning year's last quarter), the next one.
	const offered = `Career/${String(Number(TODAY.slice(5, 7)) >= 10 ? YEAR + 1 : YEAR)} Goals.md`;
	const { app, vaultDir } = await loadInVault(t, { files: { [offered]: existing } });
	await harness.runCommand(app, CREATE);
	assert.equal(harness.openModals().length, 0);
	assert.match(harness.takeNotices()[0], /already exists/);
	assert.equal(text(vaultDir, offered), existing);
});

/** A goals note the core rendered, with hand edits around its tables. */
async function handEditedGoals() {
	const { text: note } = await goalsNoteFor(INPUT);
	return note.replace("## Annual Goals\n", "## Annual Goals\n\nMy own note, kept.  \n").replace(/\n$/, "\n\nTrailing words of mine.");
}

test("Set goal status changes only that goal's Status cell", async (t) => {
	const before = await handEditedGoals();
	const { app, vaultDir } = await loadInVault(t, { files: { [GOALS_PATH]: before } });
	const running = harness.runCommand(app, STATUS);
	const goals = await harness.waitForModal();
	const g2 = [...goals.querySelectorAll(".suggestion-item")].find((item) => item.textContent.startsWith("G2"));
	assert.ok(g2, "both goals are offered");
	g2.click();
	await harness.settle();
	const statuses = await harness.waitForModal();
	assert.deepEqual(
		[...statuses.querySelectorAll(".suggestion-item")].map((item) => item.textContent),
		["Not started", "In progress", "At risk", "Complete"],
	);
	[...statuses.querySelectorAll(".suggestion-item")][2].click();
	await running;
	await harness.settle(10);

	const expected = (await core()).goalsSetStatus(before, { goal: "G2", status: "At risk" });
	assert.equal(text(vaultDir, GOALS_PATH), expected.value.text);
	assert.equal(expected.value.edits.length, 1, "one cell");
	assert.match(text(vaultDir, GOALS_PATH), /My own note, kept\. {2}\n/);
	assert.ok(text(vaultDir, GOALS_PATH).endsWith("Trailing words of mine."));
	assert.deepEqual(harness.takeNotices(), ["G2 is now At risk."]);
});

test("Add weekly action puts a tagged checkbox under this ISO week", async (t) => {
	const before = await handEditedGoals();
	const { app, vaultDir } = await loadInVault(t, { files: { [GOALS_PATH]: before } });
	await harness.runCommand(app, ACTION);
	const modal = await harness.waitForModal();
	modal.querySelector(".career-coach-action-text").value = "Email the program chair";
	modal.querySelector(".career-coach-action-goal").value = "G1";
	harness.findButton(modal, "Add action").click();
	await harness.settle(10);

	const expected = (await core()).goalsAddAction(before, { today: TODAY, text: "Email the program chair", goal: "G1" });
	assert.equal(expected.ok, true, JSON.stringify(expected));
	const after = text(vaultDir, GOALS_PATH);
	assert.equal(after, expected.value.text);
	assert.match(after, /- \[ \] Email the program chair #goal\/G1/);
	const week = (await core()).goalsRead(after).value.actions[0].period;
	assert.match(week, /^\d{4}-W\d{2}$/, "under an ISO week heading");
	assert.ok(after.endsWith("Trailing words of mine."));
	harness.takeNotices();

	// The same action again (a double click, a second run) adds nothing.
	await harness.runCommand(app, ACTION);
	const again = await harness.waitForModal();
	again.querySelector(".career-coach-action-text").value = "Email the program chair";
	again.querySelector(".career-coach-action-goal").value = "G1";
	harness.findButton(again, "Add action").click();
	await harness.settle(10);
	assert.equal(text(vaultDir, GOALS_PATH), after);
	assert.deepEqual(harness.takeNotices(), ['"Email the program chair" is already one of this week\'s open actions.']);
});

test("the career-progress block draws the progress chart of its note, re-rendered when the note changes, and writes nothing", async (t) => {
	const { text: base } = await goalsNoteFor(INPUT);
	const added = (await core()).goalsAddAction(base, { today: TODAY, text: "Draft the talk", goal: "G1" }).value.text;
	const withTwo = (await core()).goalsAddAction(added, { today: TODAY, text: "Book the venue", goal: "G1" }).value.text;
	const { app, vaultDir } = await loadInVault(t, { files: { [GOALS_PATH]: withTwo } });
	const before = app.vault.listenerCount();

	const el = await app.markdown.renderCodeBlock("career-progress", "", GOALS_PATH);
	await harness.settle(20);
	const svg = el.querySelector(".career-chart-kind-progress svg.career-chart-svg");
	assert.ok(svg, `the progress chart is drawn: ${el.textContent}`);
	assert.equal(svg.namespaceURI, "http://www.w3.org/2000/svg");
	assert.equal(svg.querySelector("title")?.textContent, "Goal progress");
	assert.equal(el.querySelector(".career-coach-progress-table"), null, "the chart, not the old table");
	const g1 = () => [...el.querySelectorAll(".career-chart-alt li")].map((li) => li.textContent).find((line) => line.startsWith("G1 "));
	assert.match(g1() ?? "", /0 of 2 done \(0%\)/, el.textContent);
	assert.ok([...svg.querySelectorAll("text")].some((n) => n.textContent === "0/2 · 0%"), "the bar's count is drawn");

	const file = app.vault.getAbstractFileByPath(GOALS_PATH);
	await app.vault.modify(file, withTwo.replace("- [ ] Draft the talk", "- [x] Draft the talk"));
	await harness.settle(20);
	assert.match(g1() ?? "", /1 of 2 done \(50%\)/, "re-rendered after the note changed");
	assert.ok([...el.querySelectorAll("svg text")].some((n) => n.textContent === "1/2 · 50%"), "the bar follows");
	assert.equal(text(vaultDir, GOALS_PATH), withTwo.replace("- [ ] Draft the talk", "- [x] Draft the talk"), "the block never writes");

	app.markdown.unloadRendered();
	assert.equal(app.vault.listenerCount(), before, "no listener remains after unload");
	await app.vault.modify(file, withTwo);
	await harness.settle(10);
	assert.equal(el.isConnected, false, "an unloaded block stops listening");
});

test("career-progress takes career-chart's options, and shows the goals note it is in whatever its name", async (t) => {
	const { text: note } = await goalsNoteFor(INPUT);
	const renamed = "Planning/My goals.md";
	const { app } = await loadInVault(t, { files: { [renamed]: note } });
	const here = await app.markdown.renderCodeBlock("career-progress", "", renamed);
	await harness.settle(20);
	const lines = (el) => [...el.querySelectorAll(".career-chart-alt li")].map((li) => li.textContent);
	assert.ok(lines(here).some((l) => l.startsWith("G1 ")) && lines(here).some((l) => l.startsWith("G2 ")), lines(here).join("\n"));

	const onlyG2 = await app.markdown.renderCodeBlock("career-progress", "goals: G2", renamed);
	await harness.settle(20);
	assert.ok(lines(onlyG2).some((l) => l.startsWith("G2 ")), lines(onlyG2).join("\n"));
	assert.ok(!lines(onlyG2).some((l) => l.startsWith("G1 ")), "goals: G2 leaves G1 out");

	const mistyped = await app.markdown.renderCodeBlock("career-progress", "year: soon", renamed);
	await harness.settle(20);
	assert.match(mistyped.querySelector(".career-chart-placeholder")?.textContent ?? "", /not a year/);
});

test("Show goal progress lists each goal with its count", async (t) => {
	const { text: note } = await goalsNoteFor(INPUT);
	const { app } = await loadInVault(t, { files: { [GOALS_PATH]: note } });
	await harness.runCommand(app, PROGRESS);
	const modal = await harness.waitForModal();
	const rows = [...modal.querySelectorAll(".career-coach-progress-goals tbody tr")].map((row) => row.firstChild.textContent);
	assert.deepEqual(rows, ["G1 — Be known outside", "G2 — Publish the thesis"]);
});

test("without a goals note, the commands that need one say which command creates it", async (t) => {
	const { app } = await loadInVault(t);
	await harness.runCommand(app, STATUS);
	await harness.runCommand(app, PROGRESS);
	assert.deepEqual(harness.takeNotices(), [
		`There is no ${GOALS_PATH} yet: run "Create goals note" first.`,
		`There is no ${GOALS_PATH} yet: run "Create goals note" first.`,
	]);
});
