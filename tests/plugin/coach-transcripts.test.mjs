/**
 * The coaching transcripts (tests/specs/coach/) driven through the plugin's modal, as a person
 * would: answers typed and sent with Next, every command a button (Confirm, Edit, Skip, Back,
 * Pause, Decision, Thread; Keep, Edit, Remove, Add at an entry), a pause closing the modal and
 * "Resume coaching session" opening it again. The note must come out byte for byte as in the
 * transcript, as natively and in WASM. The session starts from the transcript's sections (saved
 * in data.json, then resumed), or, for `coach this`, from the finding's "Coach this" button in
 * the blind spot analysis.
 */

import assert from "node:assert/strict";
import { join } from "node:path";
import { test } from "node:test";
import { TRANSCRIPT_DAY, Typing, isChoice, meaning, transcripts } from "../wasm/transcript-format.mjs";
import { INDEX_PATH, RESUME_COMMAND, coachModal, perform, readData, shown, typeAnswer, waitUntil } from "./coach-support.mjs";
import { PLUGIN_ID, ROOT, core, harness, loadInVault, readVaultFile } from "./support.mjs";

const cases = transcripts(join(ROOT, "tests/specs/coach"));

/** Clicks `label` in the modal and waits for the view that follows. */
async function click(modal, label) {
	const button = harness.findButton(modal, label);
	if (button.disabled) {
		return; // e.g. Back on the first section: the terminal says so and asks again
	}
	await perform(modal, { action: label.toLowerCase() });
}

/** Runs the blind spot analysis and clicks "Coach this" on the finding `id`. */
async function coachThis(app, id) {
	await harness.runCommand(app, `${PLUGIN_ID}:run-blind-spot-analysis`);
	const blind = await waitUntil(() => harness.openModals().find((el) => el.querySelector(".career-coach-blind-findings") !== null) ?? null, "the analysis");
	const finding = blind.querySelector(`.career-coach-finding[data-finding="${id}"]`);
	assert.ok(finding, `the analysis shows ${id}`);
	harness.findButton(finding, "Coach this").click();
}

/** Fills and adds the Decision or Thread form. */
async function aside(modal, kind, typing) {
	harness.findButton(modal, kind === "decision" ? "Decision" : "Thread").click();
	const inputs = [...modal.querySelectorAll(".career-coach-aside input")];
	assert.equal(inputs.length, kind === "decision" ? 2 : 1, "the form asks what (and why)");
	for (const input of inputs) {
		input.value = typing.reply() ?? "";
	}
	modal.querySelector(".career-coach-session-body")?.firstElementChild?.setAttribute("data-test-stale", "");
	harness.findButton(modal, kind === "decision" ? "Add decision" : "Add thread").click();
	await waitUntil(() => modal.querySelector(".career-coach-aside") === null && modal.querySelector(".career-coach-session.is-busy") === null, "the form sent");
}

for (const c of cases) {
	test(`modal: ${c.file} :: ${c.name}`, async (t) => {
		const glue = await core();
		const plan = glue.planNote({ kind: "career-index", settings: {}, today: TRANSCRIPT_DAY, existing: null });
		const note = c.template ? plan.value.text : c.input;
		const started = glue.coachStart({ notePath: INDEX_PATH, note, sections: c.sections, today: TRANSCRIPT_DAY, at: `${TRANSCRIPT_DAY}T09:00:00` });
		assert.equal(started.ok, true, JSON.stringify(started));
		const data = c.coachThis === null ? { session: started.value } : {};
		const { app, vaultDir } = await loadInVault(t, { files: { [INDEX_PATH]: note }, data });
		app.workspace.activeLeaf?.detach();
		await harness.settle();
		if (c.coachThis === null) {
			await harness.runCommand(app, RESUME_COMMAND);
		} else {
			await coachThis(app, c.coachThis);
		}
		let modal = await coachModal();
		const typing = new Typing(c.typed);
		for (let i = 0; i < 500; i++) {
			const { kind } = shown(modal);
			if (!["question", "follow-up", "confirm", "deepen", "entry", "edit-entry"].includes(kind)) {
				break;
			}
			const reply = isChoice(kind) ? typing.line() : typing.reply();
			if (reply === null) {
				break;
			}
			const said = meaning(reply, kind);
			if (said.kind === "action" && said.action.action === "answer") {
				typeAnswer(modal, said.action.text);
				await perform(modal, said.action);
			} else if (said.kind === "action") {
				await click(modal, said.action.action[0].toUpperCase() + said.action.action.slice(1));
			} else if (said.kind === "pause") {
				harness.findButton(modal, "Pause").click();
				await waitUntil(() => readData(vaultDir)?.session?.paused === true, "the paused session");
				await harness.runCommand(app, RESUME_COMMAND);
				modal = await coachModal();
				await waitUntil(() => modal.querySelector(".career-coach-session.is-busy") === null, "the resumed session");
			} else if (said.kind === "decision" || said.kind === "thread") {
				await aside(modal, said.kind, typing);
			}
		}
		assert.equal(readVaultFile(vaultDir, INDEX_PATH).toString("utf8"), c.expect);
		const session = readData(vaultDir)?.session;
		if (c.typed.includes("decision")) {
			assert.ok(session === null || session.decisions.length > 0, "the decision is in the session");
		}
		harness.pressKey("Escape");
		await harness.settle();
	});
}
