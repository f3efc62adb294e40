/**
 * `data.json` shared with the `career` CLI, and paths from settings confined to the vault.
 *
 * - When another program changes `data.json` (the CLI, Sync), Obsidian calls the plugin's
 *   `onExternalSettingsChange`; the emulation does the same (`harness.changeDataOnDisk`). The
 *   plugin must take the new settings and the new coaching session or goals interview, and
 *   never save its older copy over them later.
 * - A career folder or a Periodic Notes folder of `../…` must write nothing outside the vault
 *   and say which setting is wrong.
 *
 * Run from the built bundle.
 */

import assert from "node:assert/strict";
import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { test } from "node:test";
import { answerBox, coachModal, DATA_PATH, readData, shown, START_COMMAND, typeAnswer, waitUntil } from "./coach-support.mjs";
import { CAREER_INDEX_COMMAND, PLUGIN_ID, core, harness, loadInVault, localToday, readVaultFile } from "./support.mjs";

const INDEX_PATH = "Career/0_Career_Index.md";

async function indexText() {
	const glue = await core();
	return glue.planNote({ kind: "career-index", settings: {}, today: localToday(), existing: null }).value.text;
}

test("the emulation calls onExternalSettingsChange only for a change made by another program", async (t) => {
	const { app, plugin } = await loadInVault(t, { data: { careerFolder: "Career" } });
	let calls = 0;
	const original = plugin.onExternalSettingsChange.bind(plugin);
	plugin.onExternalSettingsChange = async () => {
		calls += 1;
		await original();
	};
	await plugin.saveSettings();
	assert.equal(await plugin.checkExternalDataChange(), false, "the plugin's own save is not external");
	assert.equal(await harness.changeDataOnDisk(app, plugin, { careerFolder: "Work" }), true);
	assert.equal(calls, 1);
	assert.equal(await plugin.checkExternalDataChange(), false, "the same file seen twice is one change");
});

test("settings changed on disk are taken, and a later save keeps them and the CLI's session", async (t) => {
	const { app, vaultDir, plugin } = await loadInVault(t, { data: { careerFolder: "Career", goalsNamePattern: "{year} Goals" } });
	const session = { version: 1, note: INDEX_PATH, started_at: "2026-03-02T09:00:00" };
	await harness.changeDataOnDisk(app, plugin, { careerFolder: "Work", goalsNamePattern: "Goals {year}", session });
	assert.equal(plugin.settings.careerFolder, "Work", "the new settings are in force");

	// The settings tab saves (another setting changed in Obsidian): nothing of the CLI's is undone.
	plugin.settings.methodologyNote = false;
	await plugin.saveSettings();
	const data = readData(vaultDir);
	assert.equal(data.careerFolder, "Work");
	assert.equal(data.goalsNamePattern, "Goals {year}");
	assert.equal(data.methodologyNote, false);
	assert.deepEqual(data.session, session, "the CLI's session is kept as it wrote it");
});

test("a coaching session advanced in the terminal while the modal is open: the modal continues from it, the typed text is kept, and the older session is never saved over it", async (t) => {
	const note = await indexText();
	const { app, vaultDir, plugin } = await loadInVault(t, { files: { [INDEX_PATH]: note } });
	app.workspace.activeLeaf?.detach();
	await harness.runCommand(app, START_COMMAND);
	const modal = await coachModal();
	const first = shown(modal);
	typeAnswer(modal, "Typed in Obsidian, not sent yet");

	// `career coach` skips the section in a terminal and saves its session.
	const glue = await core();
	const before = readData(vaultDir).session;
	const stepped = glue.coachStep({ session: before, note, action: { action: "skip" }, at: "2026-03-02T10:00:00" });
	assert.equal(stepped.ok, true, JSON.stringify(stepped));
	const cli = stepped.value.session;
	assert.equal(await harness.changeDataOnDisk(app, plugin, { ...readData(vaultDir), session: cli }), true);

	await waitUntil(() => shown(modal).section !== first.section, "the modal to move to the terminal's section");
	assert.equal(shown(modal).section, glue.coachPrompt({ session: cli, note }).value.section, "it shows the section the terminal reached");
	assert.equal(answerBox(modal).value, "Typed in Obsidian, not sent yet", "the unsent text is still in the box");
	assert.match(modal.querySelector(".career-coach-session-message").textContent, /changed elsewhere/);

	// Closing pauses the session the terminal left, not the one the modal had opened with.
	harness.findButton(modal, "Pause").click();
	await waitUntil(() => readData(vaultDir).session.paused === true, "the pause to be saved");
	const saved = readData(vaultDir).session;
	assert.equal(saved.position, cli.position, "the terminal's progress is kept");
	assert.notEqual(saved.position, before.position);
	assert.equal(readData(vaultDir).sessionDraft.text, "Typed in Obsidian, not sent yet");
	assert.equal(readVaultFile(vaultDir, INDEX_PATH).toString("utf8"), note, "nothing was written to the note");
});

test("a session changed on disk without the hook being called yet is not overwritten: the save is refused and says why", async (t) => {
	const note = await indexText();
	const { app, vaultDir } = await loadInVault(t, { files: { [INDEX_PATH]: note } });
	app.workspace.activeLeaf?.detach();
	await harness.runCommand(app, START_COMMAND);
	const modal = await coachModal();
	const glue = await core();
	const cli = glue.coachStep({ session: readData(vaultDir).session, note, action: { action: "skip" }, at: "2026-03-02T10:00:00" }).value.session;
	const data = { ...readData(vaultDir), session: cli };
	writeFileSync(join(vaultDir, DATA_PATH), JSON.stringify(data)); // Obsidian has not noticed yet

	harness.findButton(modal, "Skip").click();
	const message = await waitUntil(() => {
		const el = modal.querySelector(".career-coach-session-message");
		return el !== null && el.style.display !== "none" ? el.textContent : null;
	}, "a message");
	assert.match(message, /changed elsewhere/);
	assert.deepEqual(readData(vaultDir).session, cli, "the terminal's session is still in data.json");
});

test("a goals interview advanced elsewhere: the modal continues from the file's interview and keeps the typed answer", async (t) => {
	const glue = await core();
	const note = await indexText();
	const { app, vaultDir, plugin } = await loadInVault(t, { files: { [INDEX_PATH]: note } });
	const running = harness.runCommand(app, `${PLUGIN_ID}:create-goals-note`);
	const modal = await harness.waitForModal();
	await running;
	const question = () => modal.querySelector(".career-coach-question")?.textContent;
	const asked = question();
	modal.querySelector("textarea.career-coach-answer").value = "Typed here, not sent";

	// Another device answered the first question and saved the interview.
	const started = glue.goalsInterviewStart({ today: localToday(), settings: {}, indexText: note, notes: [] }).value;
	let other = glue.goalsInterviewStep({ interview: started, reply: { kind: "answer", text: "Year of shipping" } }).value;
	if (glue.goalsInterviewPrompt(other).value.understood !== null) {
		other = glue.goalsInterviewStep({ interview: other, reply: { kind: "confirm" } }).value;
	}
	await harness.changeDataOnDisk(app, plugin, { goalsInterview: other });

	assert.notEqual(question(), asked, "the modal moved to where the other device is");
	assert.equal(question(), glue.goalsInterviewPrompt(other).value.question);
	assert.equal(modal.querySelector("textarea.career-coach-answer").value, "Typed here, not sent", "the typed answer is kept");
	assert.match(modal.querySelector(".career-coach-goals-message").textContent, /changed elsewhere/);
	assert.deepEqual(readData(vaultDir).goalsInterview, other, "nothing older was saved over it");
});

test("a career folder of ../outside writes nothing outside the vault and the notice names the setting", async (t) => {
	const outsideName = `outside-${process.pid}-${Date.now()}`;
	const { app, vaultDir } = await loadInVault(t, { data: { careerFolder: `../${outsideName}` } });
	const outside = join(dirname(vaultDir), outsideName);
	t.after(() => harness.removeDir(outside));
	await harness.runCommand(app, CAREER_INDEX_COMMAND);
	const notices = harness.takeNotices();
	assert.equal(notices.length, 1, JSON.stringify(notices));
	assert.match(notices[0], /career folder/);
	assert.match(notices[0], /outside the vault/);
	assert.equal(existsSync(outside), false, "nothing was created outside the vault");
	assert.deepEqual(readdirSync(vaultDir).filter((name) => name !== ".obsidian"), [], "nor inside it");
});

test("a Periodic Notes folder of ../outside: the review is refused naming the setting, and nothing is written anywhere", async (t) => {
	const outsideName = `outside-${process.pid}-${Date.now()}`;
	const { app, vaultDir } = await loadInVault(t, { data: { reviewsInPeriodicNotes: true } });
	const outside = join(dirname(vaultDir), outsideName);
	t.after(() => harness.removeDir(outside));
	// A week note already waits outside the vault, as the bug report had it.
	const glue = await core();
	const week = glue.nextReview({ kind: "week", today: localToday(), settings: {}, notes: [] }).value.period;
	const name = glue.periodicNotePath({ period: week, settings: {}, format: "" }).value;
	mkdirSync(outside, { recursive: true });
	writeFileSync(join(outside, `${name}.md`), "# Outside\n");
	mkdirSync(join(vaultDir, ".obsidian/plugins/periodic-notes"), { recursive: true });
	writeFileSync(join(vaultDir, ".obsidian/plugins/periodic-notes/data.json"), JSON.stringify({ weekly: { enabled: true, folder: `../${outsideName}`, format: "" } }));

	await harness.runCommand(app, `${PLUGIN_ID}:weekly-review`);
	await harness.settle(10);
	const notices = harness.takeNotices();
	assert.equal(notices.length, 1, JSON.stringify(notices));
	assert.match(notices[0], /Periodic Notes' weekly folder/);
	assert.match(notices[0], /outside the vault/);
	assert.equal(readVaultFile(outside, `${name}.md`).toString(), "# Outside\n", "the note outside the vault is untouched");
	assert.deepEqual(readdirSync(outside), [`${name}.md`]);
	assert.deepEqual(readdirSync(vaultDir).filter((entry) => entry !== ".obsidian"), [], "no review was written inside the vault either");
	assert.ok(basename(outside).startsWith("outside-"));
});
