/**
 * Issue 14, item 4: "Coach this" on a blind spot that points at one entry opens that entry
 * for editing: its values are shown under their labels and are in the answer box, the new
 * ones are read back, and confirming changes it in place: no second copy. (Reported: "Coach
 * this" on a wins finding appended a second copy of the win, so the finding stayed.) A finding
 * that points at no entry starts the section's walk through its entries instead.
 */

import assert from "node:assert/strict";
import { test } from "node:test";
import { INDEX_PATH, answerBox, coachModal, occurrences, perform, shown, typeAnswer, waitUntil } from "./coach-support.mjs";
import { PLUGIN_ID, core, harness, loadInVault, localToday, readVaultFile } from "./support.mjs";

const WIN = "- **GAS Summit** — ran it three years running";

/** The Career Index template with `replace` applied, in a loaded vault; and its findings. */
async function vaultWith(t, replace) {
	const glue = await core();
	const plan = glue.planNote({ kind: "career-index", settings: {}, today: localToday(), existing: null });
	const index = replace(plan.value.text);
	const { app, vaultDir } = await loadInVault(t, { files: { [INDEX_PATH]: index } });
	app.workspace.activeLeaf?.detach();
	await harness.settle();
	const findings = glue.blindSpots({ index, goals: null, logs: [], today: localToday() }).value;
	return { app, vaultDir, index, findings };
}

/** Clicks "Coach this" on the finding `id` in the blind spot analysis; returns the coaching modal. */
async function coachThis(app, id) {
	await harness.runCommand(app, `${PLUGIN_ID}:run-blind-spot-analysis`);
	const blind = await waitUntil(() => harness.openModals().find((el) => el.querySelector(".career-coach-blind-findings") !== null) ?? null, "the analysis");
	harness.findButton(blind.querySelector(`.career-coach-finding[data-finding="${id}"]`), "Coach this").click();
	return coachModal();
}

test("Coach this on an unquantified win edits that win, never a copy", async (t) => {
	const { app, vaultDir, index, findings } = await vaultWith(t, (text) => text.replace("- **[Win]** — [Description]", WIN));
	const finding = findings.find((f) => f.id === "wins_not_quantified");
	assert.equal(index.split("\n")[finding.action.entry - 1], WIN, "the finding names the win's line");

	const modal = await coachThis(app, "wins_not_quantified");
	assert.deepEqual(shown(modal), { kind: "edit-entry", section: "wins" });
	const values = [...modal.querySelectorAll(".career-coach-entry-now .career-coach-field")].map((row) => `${row.querySelector("dt").textContent}: ${row.querySelector("dd").textContent}`);
	assert.deepEqual(values, ["Title: GAS Summit", "Description: ran it three years running"], "the entry under its labels");
	assert.equal(answerBox(modal).value, "GAS Summit | ran it three years running", "the flagged win is in the answer box to edit");

	await perform(modal, { action: "answer", text: "GAS Summit | 900 attendees, $1.2M pipeline" });
	assert.deepEqual(shown(modal), { kind: "confirm", section: "wins" });
	assert.equal(readVaultFile(vaultDir, INDEX_PATH).toString("utf8"), index, "nothing is written before Confirm");
	await perform(modal, { action: "confirm" });
	const note = readVaultFile(vaultDir, INDEX_PATH).toString("utf8");
	assert.equal(occurrences(note, "**GAS Summit**"), 1, note);
	assert.equal(note, index.replace(WIN, "- **GAS Summit** — 900 attendees, $1.2M pipeline"), "only the win changed");
	harness.pressKey("Escape");
	await harness.settle();
});

test("Coach this on a finding without an entry walks the section's entries", async (t) => {
	const { app } = await vaultWith(t, (text) => text.replace("### Sponsors\n\n| Name | Context |\n|------|---------|\n| | |", "### Sponsors\n\n| Name | Context |\n|------|---------|\n| Pat Kim | Global CIO |"));
	const modal = await coachThis(app, "no_mentee");
	assert.deepEqual(shown(modal), { kind: "entry", section: "network" });
	assert.match(modal.querySelector(".career-coach-entry-heading").textContent, /^Entry 1 of 1 · Sponsors$/u);
	const buttons = [...modal.querySelectorAll(".career-coach-session-actions button")].map((b) => b.textContent);
	assert.deepEqual(buttons, ["Keep", "Edit", "Remove", "Add", "Skip", "Back", "Pause", "Decision", "Thread"], "the prompt grammar's order");
	await perform(modal, { action: "keep" });
	assert.deepEqual(shown(modal), { kind: "question", section: "network" }, "then new ones");
	typeAnswer(modal, "");
	harness.pressKey("Escape");
	await harness.settle();
});
