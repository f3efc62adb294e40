/**
 * Every modal that previews a change, with the note changed on disk between the preview and
 * the confirmation (as Sync, another device or another app would):
 *
 * - a change touching the lines the confirmed change replaces or anchors on: nothing is
 *   written, the modal shows the new state (the new preview) and asks again, with what the
 *   person typed or chose still there; confirming again writes the change planned on the new
 *   text;
 * - a change elsewhere: merged, i.e. the same change is planned on the new text and written;
 *   the result is, byte for byte, the core's plan on the changed text, so both the other
 *   change and the person's are there.
 *
 * The coaching modal's merge case is in coach-session.test.mjs ("a note changed between
 * showing confirm and Confirm"). Run from the built bundle.
 */

import assert from "node:assert/strict";
import { readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { PREVIEW_CHANGED, coachModal, nextView, perform, shown, waitUntil } from "./coach-support.mjs";
import { CAREER_INDEX_COMMAND, PLUGIN_ID, core, harness, loadInVault, localToday, readVaultFile } from "./support.mjs";

const INDEX_PATH = "Career/0_Career_Index.md";
const TODAY = localToday();
const YEAR = Number(TODAY.slice(0, 4));
const GOALS_PATH = `Career/${String(YEAR)} Goals.md`;
const UPGRADE_CHANGED = "The note changed where these lines go while the preview was open, so nothing was written. This is what would be added now.";

const text = (vaultDir, path) => readVaultFile(vaultDir, path)?.toString("utf8") ?? null;

async function ok(result) {
	assert.equal(result.ok, true, JSON.stringify(result));
	return result.value;
}

/** The open upgrade preview (the newest one). */
async function upgradePreview(previous = null) {
	return waitUntil(() => harness.openModals().find((el) => el !== previous && el.querySelector(".career-coach-upgrade") !== null) ?? null, "the upgrade preview");
}

/** The lines a preview shows, in order. */
const previewLines = (modal) => [...modal.querySelectorAll(".career-coach-upgrade-line")].map((line) => line.textContent);
const previewContexts = (modal) => [...modal.querySelectorAll(".career-coach-upgrade-context")].map((el) => el.textContent);

// --- Create or upgrade career index -----------------------------------------------------------

const HAND = "# 我的职业 🎯\n\n## Vision\n\n准备 🚀 to lead a team 👩‍💻.\n";

async function planIndex(existing) {
	return ok((await core()).planNote({ kind: "career-index", settings: {}, today: TODAY, existing }));
}

test("upgrade preview: a change to the line the sections go after is shown in a new preview, and only the confirmed one is written", async (t) => {
	const { app, vaultDir } = await loadInVault(t, { files: { [INDEX_PATH]: HAND } });
	app.workspace.activeLeaf?.detach();
	const running = harness.runCommand(app, CAREER_INDEX_COMMAND);
	const first = await upgradePreview();
	assert.ok(previewContexts(first).includes("准备 🚀 to lead a team 👩‍💻."));

	const touched = HAND.replace("to lead a team", "to lead two teams");
	writeFileSync(join(vaultDir, INDEX_PATH), touched);
	harness.findButton(first, "Add to note").click();
	const second = await upgradePreview(first);

	assert.equal(text(vaultDir, INDEX_PATH), touched, "nothing written: the person has not seen this state");
	assert.equal(second.querySelector(".career-coach-upgrade-changed").textContent, UPGRADE_CHANGED);
	assert.ok(previewContexts(second).includes("准备 🚀 to lead two teams 👩‍💻."), "the new preview shows the changed line");
	const plan = await planIndex(touched);
	assert.deepEqual(previewLines(second), plan.additions.flatMap((a) => a.lines.map((line) => `+${line}`)));

	harness.findButton(second, "Add to note").click();
	await running;
	assert.equal(text(vaultDir, INDEX_PATH), plan.text, "the upgrade planned on the new text");
});

test("upgrade preview: a change elsewhere is merged, byte for byte", async (t) => {
	const { app, vaultDir } = await loadInVault(t, { files: { [INDEX_PATH]: HAND } });
	app.workspace.activeLeaf?.detach();
	const running = harness.runCommand(app, CAREER_INDEX_COMMAND);
	const preview = await upgradePreview();

	const elsewhere = HAND.replace("## Vision\n\n", "## Vision\n\nSynced from my phone 📱\n\n");
	writeFileSync(join(vaultDir, INDEX_PATH), elsewhere);
	harness.findButton(preview, "Add to note").click();
	await running;

	const plan = await planIndex(elsewhere);
	assert.equal(text(vaultDir, INDEX_PATH), plan.text, "the confirmed sections, planned on the new text");
	assert.ok(text(vaultDir, INDEX_PATH).includes("Synced from my phone 📱\n\n准备 🚀 to lead a team 👩‍💻."), "the other change is kept");
	assert.deepEqual(harness.openModals().filter((el) => el.querySelector(".career-coach-upgrade")), [], "not asked again");
});

// --- Blind spots: Add section -------------------------------------------------------------------

test("blind spot Add section: a touching change asks again, a change elsewhere is merged", async (t) => {
	const glue = await core();
	const index = (await planIndex(null)).text;
	// The index without Innovation Thesis, so the analysis offers to add it.
	const start = index.indexOf("## Innovation Thesis");
	const end = index.indexOf("## ", start + 3);
	const seed = index.slice(0, start) + index.slice(end);
	const { app, vaultDir } = await loadInVault(t, { files: { [INDEX_PATH]: seed } });
	app.workspace.activeLeaf?.detach();
	await harness.runCommand(app, `${PLUGIN_ID}:run-blind-spot-analysis`);
	const analysis = await waitUntil(() => harness.openModals().find((el) => el.querySelector(".career-coach-blind-findings")) ?? null, "the analysis");
	const add = () => harness.findButton(analysis.querySelector('[data-finding="no_innovation_thesis"]'), "Add section").click();
	const plan = (existing) => ok(glue.planSections({ today: TODAY, existing, sections: ["innovation_thesis"] }));
	const at = (await plan(seed)).additions[0].after_line;

	// Touching: a line typed exactly where the section would go, while the preview is open.
	add();
	const first = await upgradePreview();
	const lines = seed.split("\n");
	const touched = [...lines.slice(0, at), "Typed where the section goes", ...lines.slice(at)].join("\n");
	writeFileSync(join(vaultDir, INDEX_PATH), touched);
	harness.findButton(first, "Add to note").click();
	const second = await upgradePreview(first);
	assert.equal(text(vaultDir, INDEX_PATH), touched, "nothing written before the new preview is confirmed");
	assert.equal(second.querySelector(".career-coach-upgrade-changed").textContent, UPGRADE_CHANGED);
	const replanned = await plan(touched);
	assert.deepEqual(previewContexts(second), replanned.additions.filter((a) => a.after_line > 0).map((a) => (a.context.trim() === "" ? "(blank line)" : a.context)), "the new preview's places");
	assert.deepEqual(previewLines(second), replanned.additions.flatMap((a) => a.lines.map((line) => `+${line}`)), "and its lines");
	harness.findButton(second, "Cancel").click();
	await harness.settle(5);
	assert.equal(text(vaultDir, INDEX_PATH), touched, "cancelled: still nothing written");

	// Elsewhere: a line at the very top.
	add();
	const third = await upgradePreview(second);
	const elsewhere = `Synced line at the top\n${touched}`;
	writeFileSync(join(vaultDir, INDEX_PATH), elsewhere);
	harness.findButton(third, "Add to note").click();
	await waitUntil(() => text(vaultDir, INDEX_PATH) !== elsewhere, "the write");
	assert.equal(text(vaultDir, INDEX_PATH), (await plan(elsewhere)).text, "merged: the core's plan on the new text");
	assert.ok(text(vaultDir, INDEX_PATH).startsWith("Synced line at the top\n"));
});

// --- Coaching: Confirm ----------------------------------------------------------------------------

test("coaching Confirm: the note changed where the answer goes, so the new change is shown and the answer kept", async (t) => {
	const glue = await core();
	const index = (await planIndex(null)).text;
	const { app, vaultDir } = await loadInVault(t, { files: { [INDEX_PATH]: index } });
	app.workspace.activeLeaf?.detach();
	const running = harness.runCommand(app, `${PLUGIN_ID}:coach-a-section`);
	const picker = await harness.waitForModal();
	[...picker.querySelectorAll(".suggestion-item")].find((item) => item.textContent.startsWith("Annual Theme")).click();
	await running;
	const modal = await coachModal();
	await perform(modal, { action: "answer", text: "Visible outside the company" });
	assert.equal(shown(modal).kind, "confirm");
	const removed = () => [...modal.querySelectorAll(".career-coach-change.is-removed .career-coach-change-text")].map((el) => el.textContent);
	const placeholder = removed()[0];
	assert.ok(placeholder !== undefined && index.includes(placeholder), "the preview replaces a line of the note");

	// The person's other device fills in that very line meanwhile.
	const touched = index.replace(placeholder, '> **"Written on my phone"**');
	writeFileSync(join(vaultDir, INDEX_PATH), touched);
	await perform(modal, { action: "confirm" });

	assert.equal(text(vaultDir, INDEX_PATH), touched, "nothing was written over the phone's line");
	assert.equal(shown(modal).kind, "confirm", "asked again");
	assert.equal(modal.querySelector(".career-coach-session-message").textContent, PREVIEW_CHANGED);
	assert.ok(removed().includes('> **"Written on my phone"**'), "the new preview shows the phone's line");
	assert.match(modal.querySelector(".career-coach-understood").textContent, /Visible outside the company/, "the answer is kept");

	await perform(modal, { action: "confirm" });
	const session = glue.coachStart({ notePath: INDEX_PATH, note: index, sections: ["annual_theme"], today: TODAY, at: `${TODAY}T09:00:00` }).value;
	const answered = glue.coachStep({ session, note: touched, action: { action: "answer", text: "Visible outside the company" }, at: `${TODAY}T09:00:00` }).value.session;
	const written = glue.coachStep({ session: answered, note: touched, action: { action: "confirm" }, at: `${TODAY}T09:00:00` }).value.write;
	assert.equal(text(vaultDir, INDEX_PATH), written, "confirmed again: the change shown, planned on the new text");
	await nextView(modal);
});

// --- Reviews: carry, keep or drop -----------------------------------------------------------------

async function goalsWithActions(texts) {
	const glue = await core();
	let note = (await ok(glue.goalsCreate({ input: { year: YEAR, theme: "Year of visibility", vision: "CTO", goals: [{ outcome: "Be known outside", metric: "3 talks" }], quarters: [], milestones: [] }, today: TODAY, settings: {} }))).text;
	const week = (await ok(glue.nextReview({ kind: "week", today: TODAY, settings: {}, notes: [] }))).period;
	for (const action of texts) {
		note = (await ok(glue.goalsAddAction(note, { today: TODAY, text: action, goal: "G1", week }))).text;
	}
	return { note, week };
}

/** The core's weekly review plan for the goals note `goals`. */
async function weeklyPlan(goals, answers = {}) {
	const glue = await core();
	const notes = [[GOALS_PATH, goals]];
	const next = await ok(glue.nextReview({ kind: "week", today: TODAY, settings: {}, notes }));
	return ok(glue.planReview({ period: next.period, covers: next.covers, today: TODAY, settings: {}, links: "wikilink", goalsText: goals, nextGoalsText: null, indexText: null, sessionLogs: notes.map(([path, body]) => ({ path, text: body })), reviews: next.reviews, answers, periodic: null, periodicFormats: {} }));
}

const decisionTexts = (modal) => [...modal.querySelectorAll(".career-coach-decision-text")].map((el) => el.firstChild.textContent);
const choiceOf = (modal, item) => [...modal.querySelectorAll(".career-coach-decision")].find((row) => row.textContent.startsWith(item)).querySelector("button.is-active").textContent;

test("review choices: an unfinished item added meanwhile asks again with the new list and the choices kept", async (t) => {
	const { note, week } = await goalsWithActions(["Email the program chair"]);
	const { app, vaultDir } = await loadInVault(t, { files: { [GOALS_PATH]: note } });
	const running = harness.runCommand(app, `${PLUGIN_ID}:weekly-review`);
	const first = await harness.waitForModal();
	assert.deepEqual(decisionTexts(first), ["Email the program chair"]);
	[...first.querySelectorAll(".career-coach-decision")][0].querySelector(".career-coach-decision-drop").click();

	const glue = await core();
	const touched = (await ok(glue.goalsAddAction(note, { today: TODAY, text: "Book the venue", goal: "G1", week }))).text;
	writeFileSync(join(vaultDir, GOALS_PATH), touched);
	harness.findButton(first, "Write review").click();
	const second = await waitUntil(() => harness.openModals().find((el) => el !== first && el.querySelector(".career-coach-decisions")) ?? null, "the choices asked again");

	assert.equal(text(vaultDir, GOALS_PATH), touched, "nothing written yet");
	assert.deepEqual(readdirSync(join(vaultDir, "Career")), [`${String(YEAR)} Goals.md`], "no review note yet");
	assert.match(second.querySelector(".career-coach-decisions-changed").textContent, /changed while you were choosing/);
	assert.deepEqual(decisionTexts(second), ["Email the program chair", "Book the venue"], "the new list");
	assert.equal(choiceOf(second, "Email the program chair"), "Drop", "the choice made is kept");
	assert.equal(choiceOf(second, "Book the venue"), "Carry");

	harness.findButton(second, "Write review").click();
	await running;
	const plan = await weeklyPlan(touched, { drop: ["Email the program chair"] });
	assert.equal(text(vaultDir, GOALS_PATH), plan.goals.newText);
	assert.equal(text(vaultDir, plan.create.path), plan.create.text);
});

test("review choices: a change elsewhere in the goals note is merged, byte for byte", async (t) => {
	const { note } = await goalsWithActions(["Email the program chair"]);
	const { app, vaultDir } = await loadInVault(t, { files: { [GOALS_PATH]: note } });
	const running = harness.runCommand(app, `${PLUGIN_ID}:weekly-review`);
	const modal = await harness.waitForModal();
	const elsewhere = `${note}\nA note to self, synced meanwhile.\n`;
	writeFileSync(join(vaultDir, GOALS_PATH), elsewhere);
	harness.findButton(modal, "Write review").click();
	await running;

	const plan = await weeklyPlan(elsewhere);
	assert.equal(text(vaultDir, GOALS_PATH), plan.goals.newText, "the confirmed carry-forward, planned on the new text");
	assert.ok(text(vaultDir, GOALS_PATH).includes("A note to self, synced meanwhile.\n"), "the other change is kept");
	assert.match(text(vaultDir, GOALS_PATH), /- \[>\] Email the program chair/);
	assert.equal(text(vaultDir, plan.create.path), plan.create.text);
});

test("review choices: an item ticked meanwhile is not carried and its tick is kept", async (t) => {
	const { note } = await goalsWithActions(["Email the program chair"]);
	const { app, vaultDir } = await loadInVault(t, { files: { [GOALS_PATH]: note } });
	const running = harness.runCommand(app, `${PLUGIN_ID}:weekly-review`);
	const modal = await harness.waitForModal();
	const ticked = note.replace("- [ ] Email the program chair", "- [x] Email the program chair");
	assert.notEqual(ticked, note);
	writeFileSync(join(vaultDir, GOALS_PATH), ticked);
	harness.findButton(modal, "Write review").click();
	await running;
	const plan = await weeklyPlan(ticked);
	assert.equal(text(vaultDir, GOALS_PATH), plan.goals === null ? ticked : plan.goals.newText);
	assert.match(text(vaultDir, GOALS_PATH), /- \[x\] Email the program chair/, "the tick is kept");
	assert.doesNotMatch(text(vaultDir, GOALS_PATH), /carried::/);
	assert.equal(text(vaultDir, plan.create.path), plan.create.text);
});

// --- Goals interview: Create --------------------------------------------------------------------

test("goals interview: the Career Index changed during the interview keeps the change and gets the link", async (t) => {
	const glue = await core();
	// A hand-written index whose theme section does not link the goals note yet.
	const index = `# Career\n\n## Vision\n\n**North Star (2031):** CTO\n\n## ${String(YEAR)} Theme\n\n> **"Year of visibility"**\n\n## Network\n\nNotes kept by hand.\n`;
	const { app, vaultDir } = await loadInVault(t, { files: { [INDEX_PATH]: index } });
	app.workspace.activeLeaf?.detach();
	void harness.runCommand(app, `${PLUGIN_ID}:create-goals-note`);
	const modal = await harness.waitForModal();
	const click = async (cls) => {
		const button = modal.querySelector(`.${cls}`);
		assert.ok(button, `a ${cls} button: ${modal.textContent}`, 3000);
		button.click();
		await harness.settle();
	};
	// From October the next year is offered (goals-year.test.mjs); this case plans this one.
	if (modal.querySelector(".career-coach-goals-this-year") !== null) {
		await click("career-coach-goals-this-year");
	}
	await click("career-coach-reply-confirm"); // the index's theme
	modal.querySelector(".career-coach-answer").value = "Ship the thesis | Paper by Q3";
	await click("career-coach-reply-answer");
	await click("career-coach-reply-confirm");
	for (let guard = 0; guard < 30 && modal.querySelector(".career-coach-goals-create") === null; guard++) {
		await click(modal.querySelector(".career-coach-reply-finish") ? "career-coach-reply-finish" : "career-coach-reply-skip");
	}
	const elsewhere = index.replace("## Vision\n", "## Vision\n\nWritten on my phone meanwhile.\n");
	writeFileSync(join(vaultDir, INDEX_PATH), elsewhere);
	modal.querySelector(".career-coach-goals-create").click();
	await waitUntil(() => text(vaultDir, GOALS_PATH) !== null && text(vaultDir, INDEX_PATH) !== elsewhere, "the goals note and the link");
	// The link depends on the goals note's name only, so any input of this year gives it.
	const input = { year: YEAR, theme: "x", vision: "x", goals: [{ outcome: "x", metric: "y" }], quarters: [], milestones: [] };
	const made = await ok(glue.goalsCreate({ input, today: TODAY, settings: {}, linkFormat: "wikilink", indexText: elsewhere }));
	assert.equal(text(vaultDir, INDEX_PATH), made.indexLink.text, "the link, added to the index as it is now");
	assert.ok(text(vaultDir, INDEX_PATH).includes("Written on my phone meanwhile."));
});
