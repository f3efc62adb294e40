/**
 * "Coach my profile" (issue 14, item 6): the seed's profile questions one at a time, each
 * answer read back and written into User Preferences only when confirmed, and a session log
 * that records Phase 1 — the same transcript as crates/cli/tests/profile_coach.rs.
 */

import assert from "node:assert/strict";
import { test } from "node:test";
import { waitUntil } from "./coach-support.mjs";
import { PLUGIN_ID, PROFILE_COMMAND, core, harness, loadInVault, localToday, readVaultFile } from "./support.mjs";

const COACH_PROFILE = `${PLUGIN_ID}:coach-my-profile`;

function text(vaultDir, path) {
	return readVaultFile(vaultDir, path)?.toString("utf8") ?? null;
}

async function profile() {
	const plan = (await core()).planNote({ kind: "profile", settings: {}, today: localToday(), existing: null });
	assert.equal(plan.ok, true, JSON.stringify(plan));
	return plan.value.text;
}

function type(modal, value) {
	const box = modal.querySelector("textarea.career-coach-answer");
	assert.ok(box, `an answer box: ${modal.textContent}`);
	box.value = value;
	modal.querySelector(".career-coach-reply-answer").click();
}

async function press(modal, cls) {
	const button = modal.querySelector(`.${cls}`);
	assert.ok(button, `${cls}: ${modal.textContent}`);
	button.click();
	await harness.settle(5);
}

const step = (modal) => modal.querySelector(".career-coach-profile-step")?.textContent ?? null;

test("the profile questions are asked one at a time, read back, and written into User Preferences only", async (t) => {
	const before = await profile();
	const { app, vaultDir } = await loadInVault(t, { files: { "CLAUDE.md": before } });
	void harness.runCommand(app, COACH_PROFILE);
	const modal = await harness.waitForModal();
	assert.equal(modal.querySelector(".modal-title").textContent, "Coach my profile");
	assert.equal(step(modal), "1 of 11 · Profile");
	assert.equal(modal.querySelector(".career-coach-question").textContent, "What name should your assistant use for you?");
	const labels = [...modal.querySelectorAll(".career-coach-session-actions button")].map((b) => b.textContent);
	assert.deepEqual(labels, ["Next", "Skip", "Back", "Pause", "Decision", "Thread"], "the grammar's order, primary first");

	// A decision noted at the first question keeps what is typed.
	modal.querySelector("textarea.career-coach-answer").value = "Alex";
	await press(modal, "career-coach-reply-decision");
	modal.querySelector(".career-coach-aside-what").value = "Coach the profile first";
	modal.querySelector(".career-coach-aside-why").value = "It shapes every later answer";
	await press(modal, "career-coach-aside-add");
	assert.match(modal.textContent, /Noted for the session log\./);
	assert.equal(modal.querySelector("textarea.career-coach-answer").value, "Alex");

	type(modal, "Alex Rivera");
	assert.equal(modal.querySelector(".career-coach-understood-text").textContent, "Name: Alex Rivera");
	assert.equal(text(vaultDir, "CLAUDE.md"), before, "nothing is written before Confirm");
	await press(modal, "career-coach-reply-confirm");
	await waitUntil(() => step(modal) === "2 of 11 · Profile", "the second question");
	assert.match(text(vaultDir, "CLAUDE.md"), /- \*\*Name:\*\* Alex Rivera\n/);

	await press(modal, "career-coach-reply-skip"); // location
	await press(modal, "career-coach-reply-skip"); // timezone
	type(modal, "Director");
	await press(modal, "career-coach-reply-edit");
	assert.equal(modal.querySelector("textarea.career-coach-answer").value, "Director", "Edit keeps what was typed");
	type(modal, "VP Engineering");
	await press(modal, "career-coach-reply-confirm");
	await waitUntil(() => step(modal) === "5 of 11 · Professional Context", "industry");
	await press(modal, "career-coach-reply-back");
	assert.match(modal.querySelector(".career-coach-profile-current").textContent, /Now: VP Engineering/);
	await press(modal, "career-coach-reply-skip");
	for (let i = 5; i <= 9; i++) {
		await press(modal, "career-coach-reply-skip");
	}
	assert.equal(step(modal), "10 of 11 · How to Help");
	type(modal, "Challenge my assumptions\nSpot what I am missing");
	assert.equal(modal.querySelector(".career-coach-understood-text").textContent, "How to Help: Challenge my assumptions; Spot what I am missing");
	await press(modal, "career-coach-reply-confirm");
	await waitUntil(() => step(modal) === "11 of 11 · Things to Avoid", "the last question");
	await press(modal, "career-coach-reply-skip");

	// The end: a decision and a thread, then the log.
	await waitUntil(() => modal.querySelector(".career-coach-profile-done") !== null, "the end");
	assert.equal(modal.querySelector(".career-coach-profile-done").textContent, "3 of 11 profile answers written to CLAUDE.md.");
	assert.equal(modal.querySelector("textarea.career-coach-log-decisions").value, "Coach the profile first | It shapes every later answer", "what was noted is there");
	modal.querySelector("textarea.career-coach-log-threads").value = "Ask for the timezone again";
	await press(modal, "career-coach-profile-log");
	await waitUntil(() => harness.openModals().length === 0, "the modal closed");

	const after = text(vaultDir, "CLAUDE.md");
	assert.equal(
		after,
		before
			.replace("- **Name:** [name]", "- **Name:** Alex Rivera")
			.replace("- **Role:** [role]", "- **Role:** VP Engineering")
			.replace("- [What kind of help is most valuable]", "- Challenge my assumptions\n- Spot what I am missing"),
		"only the confirmed fields changed",
	);
	const log = text(vaultDir, `Career/${localToday()} Career Coaching Session.md`);
	assert.ok(log, "the session log was written");
	assert.match(log, /### Phase 1: Foundation \(Profile\)\n\n1\. \*\*User Preferences\*\* — Coached the profile in \[\[CLAUDE\.md\]\], one question at a time\n {3}- Name: Alex Rivera\n {3}- Role: VP Engineering\n {3}- How to Help: Challenge my assumptions; Spot what I am missing\n/);
	assert.match(log, /\| Coach the profile first \| It shapes every later answer \|/);
	assert.match(log, /- \[ \] Ask for the timezone again\n/);
	assert.match(log, /\| User Preferences \| \[\[CLAUDE\.md#User Preferences\]\] \|/);
	assert.doesNotMatch(log, /Director/);
});

test("a profile without User Preferences is not coached; the notice says how to add them", async (t) => {
	const { app, vaultDir } = await loadInVault(t, { files: { "CLAUDE.md": "# Mine\n" } });
	await harness.runCommand(app, COACH_PROFILE);
	assert.equal(harness.openModals().length, 0);
	assert.match(harness.takeNotices()[0], /Create or upgrade profile/);
	assert.equal(text(vaultDir, "CLAUDE.md"), "# Mine\n");
	void PROFILE_COMMAND;
});
