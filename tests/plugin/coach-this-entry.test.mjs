/**
 * Issue 14, item 4: "Coach this" on a blind spot that points at one entry opens that entry
 * for editing, and confirming the edit changes it in place: no second copy. (Reported: "Coach
 * this" on a wins finding appended a second copy of the win, so the finding stayed.)
 */

import assert from "node:assert/strict";
import { test } from "node:test";
import { INDEX_PATH, answerBox, coachModal, occurrences, perform, shown, typeAnswer, waitUntil } from "./coach-support.mjs";
import { PLUGIN_ID, core, harness, loadInVault, localToday, readVaultFile } from "./support.mjs";

const WIN = "- **GAS Summit** — ran it three years running";

test("Coach this on an unquantified win edits that win, never a copy", async (t) => {
	const glue = await core();
	const plan = glue.planNote({ kind: "career-index", settings: {}, today: localToday(), existing: null });
	const index = plan.value.text.replace("- **[Win]** — [Description]", WIN);
	const { app, vaultDir } = await loadInVault(t, { files: { [INDEX_PATH]: index } });
	app.workspace.activeLeaf?.detach();
	await harness.settle();
	const findings = glue.blindSpots({ index, goals: null, logs: [], today: localToday() }).value;
	const finding = findings.find((f) => f.id === "wins_not_quantified");
	assert.ok(finding, "the win without numbers is a finding");

	await harness.runCommand(app, `${PLUGIN_ID}:run-blind-spot-analysis`);
	const blind = await waitUntil(() => harness.openModals().find((el) => el.querySelector(".career-coach-blind-findings") !== null) ?? null, "the analysis");
	const el = [...blind.querySelectorAll(".career-coach-finding")].find((c) => c.querySelector(".career-coach-finding-evidence").textContent === finding.evidence);
	harness.findButton(el, "Coach this").click();
	const modal = await coachModal();
	assert.deepEqual(shown(modal), { kind: "question", section: "wins" });
	assert.equal(answerBox(modal).value, "GAS Summit | ran it three years running", "the flagged win is in the answer box to edit");

	typeAnswer(modal, "GAS Summit | 900 attendees, $1.2M pipeline");
	await perform(modal, { action: "answer", text: "GAS Summit | 900 attendees, $1.2M pipeline" });
	assert.deepEqual(shown(modal), { kind: "confirm", section: "wins" });
	await perform(modal, { action: "confirm" });
	const note = readVaultFile(vaultDir, INDEX_PATH).toString("utf8");
	assert.equal(occurrences(note, "**GAS Summit**"), 1, note);
	assert.ok(note.includes("- **GAS Summit** — 900 attendees, $1.2M pipeline\n"), note);
	harness.pressKey("Escape");
	await harness.settle();
});
