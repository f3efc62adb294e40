/**
 * The coaching session, run from the built bundle through its modal: a whole scripted
 * session, an interruption (close, reload, resume), a note changing under a write, the
 * resume-or-start-new choice, "Coach a section" and the session store in data.json.
 *
 * Every expected note is computed by driving the core's `coachStart`/`coachStep` directly
 * through the glue with the same answers, so the plugin must write exactly what the core's
 * writers produce.
 */

import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import {
	CURRENT_ROLE_SCRIPT,
	DATA_PATH,
	INDEX_PATH,
	PREVIEW_CHANGED,
	RESUME_COMMAND,
	SECTION_COMMAND,
	START_COMMAND,
	answerBox,
	coachModal,
	expectedNote,
	nextView,
	occurrences,
	perform,
	readData,
	runScript,
	shown,
	typeAnswer,
	waitUntil,
} from "./coach-support.mjs";
import { CAREER_INDEX_COMMAND, DIST, core, harness, loadInVault, localToday, readVaultFile } from "./support.mjs";

const VISION = [
	"Leading a product org that ships calm software 🎯",
	"Life: time for family",
	"Role: VP Engineering",
	"Impact: 200 engineers grow",
	"Reach: keynote at 准 conf",
].join("\n");

/** Two sections answered (Vision, Annual Theme), every other one skipped. */
function twoSections({ kind, section }) {
	switch (kind) {
		case "question":
			if (section === "vision") {
				return { action: "answer", text: VISION };
			}
			if (section === "annual_theme") {
				return { action: "answer", text: "Visible outside the company" };
			}
			return { action: "skip" };
		case "confirm":
			return { action: "confirm" };
		case "deepen":
			return { action: "answer", text: section === "vision" ? "Only the title and no team." : "" };
		case "follow-up":
			return { action: "answer", text: "" };
		default:
			return null;
	}
}

/** The Career Index text the core creates today. */
async function templateText() {
	const glue = await core();
	const plan = glue.planNote({ kind: "career-index", settings: {}, today: localToday(), existing: null });
	assert.equal(plan.ok, true);
	return plan.value.text;
}

/** A vault with the Career Index created by the plugin's own command (and open in its editor). */
async function vaultWithIndex(t, options) {
	const loaded = await loadInVault(t, options);
	await harness.runCommand(loaded.app, CAREER_INDEX_COMMAND);
	harness.takeNotices();
	return loaded;
}

/** Closes the modal with Escape and waits until the pause is saved. */
async function pauseWithEscape(vaultDir) {
	harness.pressKey("Escape");
	await waitUntil(() => readData(vaultDir)?.session?.paused === true, "the paused session in data.json");
	assert.deepEqual(harness.openModals(), [], "the modal closed");
}

/** Disables the plugin and loads it again in a fresh app over the same vault (a restart). */
async function restart(app, plugin, vaultDir) {
	harness.unloadPlugin(app, plugin);
	const app2 = harness.createTestApp({ vaultDir });
	const plugin2 = await harness.loadPlugin(app2, DIST);
	await harness.settle();
	return { app: app2, plugin: plugin2 };
}

test("a whole session through the modal writes exactly what the core's writers produce", async (t) => {
	const { app, vaultDir } = await vaultWithIndex(t, { data: { methodologyNoteName: "How I coach", somethingElse: [1, 2] } });
	const before = readVaultFile(vaultDir, INDEX_PATH).toString("utf8");
	assert.equal(before, await templateText(), "the index is the core's template");
	const expected = await expectedNote(before, { today: localToday(), script: twoSections });
	assert.notEqual(expected, before);

	await harness.runCommand(app, START_COMMAND);
	const modal = await coachModal();

	// The first question (the title block): header, textarea with focus, buttons in tab order.
	assert.deepEqual(shown(modal), { kind: "question", section: "headline" });
	assert.equal(modal.querySelector(".modal-title").textContent, "Headline");
	assert.equal(modal.querySelector(".career-coach-progress-text").textContent, "1 of 19");
	const textarea = answerBox(modal);
	assert.equal(globalThis.document.activeElement, textarea, "the answer box has the focus");
	assert.match(textarea.getAttribute("placeholder"), /empty.*skip/i, "the placeholder says that an empty answer skips");
	assert.deepEqual(
		[...modal.querySelectorAll(".career-coach-session-actions button")].map((b) => b.textContent),
		["Next", "Skip", "Back", "Pause", "Decision", "Thread"],
	);
	assert.ok(harness.findButton(modal, "Next").classList.contains("mod-cta"));
	assert.equal(harness.findButton(modal, "Back").disabled, true, "nothing to go back to on the first question");
	assert.equal(modal.querySelector(".career-coach-badge"), null, "a fill question has no review badge");

	// Skip it: Vision, with its question and hint.
	await perform(modal, twoSections(shown(modal)));
	assert.deepEqual(shown(modal), { kind: "question", section: "vision" });
	assert.equal(modal.querySelector(".modal-title").textContent, "Vision");
	assert.equal(modal.querySelector(".career-coach-progress-text").textContent, "2 of 19");
	assert.match(modal.querySelector(".career-coach-question").textContent, /5 years from now/);
	assert.match(modal.querySelector(".career-coach-hint").textContent, /north star/);
	assert.equal(harness.findButton(modal, "Back").disabled, false, "Back returns to the headline");

	// Answer Vision with Enter: the confirm view shows what was understood and the change.
	await perform(modal, twoSections(shown(modal)), { useEnter: true });
	assert.deepEqual(shown(modal), { kind: "confirm", section: "vision" });
	const fields = [...modal.querySelectorAll(".career-coach-field")].map((row) => [row.querySelector("dt").textContent, row.querySelector("dd").textContent]);
	assert.deepEqual(fields, [
		["North star", "Leading a product org that ships calm software 🎯"],
		["Life", "time for family"],
		["Role", "VP Engineering"],
		["Impact", "200 engineers grow"],
		["Reach", "keynote at 准 conf"],
	]);
	const changes = [...modal.querySelectorAll(".career-coach-change")];
	assert.ok(changes.some((line) => line.classList.contains("is-added") && line.textContent.includes("**Life:** time for family")));
	assert.ok(changes.some((line) => line.classList.contains("is-removed")), "removed template lines are shown");
	assert.equal(readVaultFile(vaultDir, INDEX_PATH).toString("utf8"), before, "nothing is written before Confirm");
	assert.equal(globalThis.document.activeElement, harness.findButton(modal, "Confirm"), "Confirm has the focus");

	// The rest: clicks, Enter and Skip until done.
	await runScript(modal, twoSections);
	assert.deepEqual(shown(modal), { kind: "done", section: null });
	assert.equal(modal.querySelector(".career-coach-done").textContent, "Done: 2 written, 17 skipped");

	assert.equal(readVaultFile(vaultDir, INDEX_PATH).toString("utf8"), expected, "the note is exactly the core's");
	const editor = app.workspace.activeLeaf.view.editor;
	assert.equal(editor.getValue(), expected, "the open note was changed through its editor");
	assert.ok(editor.changeCount >= 3, "one editor transaction per write");
	const data = readData(vaultDir);
	assert.equal(data.session.stage.stage, "done");
	assert.equal(data.session.answers.filter((a) => a.status === "written").length, 2);
	// Two answers and the Vision follow-up, each confirmed before it was written.
	assert.equal(data.session.events.filter((e) => e.kind === "confirmed").length, 3);
	assert.match(data.session.events[0].at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/, "steps are stamped with the local time");
	assert.equal(data.methodologyNoteName, "How I coach", "the settings in data.json are kept");
	assert.deepEqual(data.somethingElse, [1, 2], "other keys in data.json are kept");
	assert.equal(data.sessionDraft, null, "no draft is left");

	// The closing questions follow; closing the modal there still writes the session log, with
	// what was given (here nothing: the focus is the written sections), and forgets the session.
	assert.equal(modal.querySelector(".career-coach-session-body").getAttribute("data-closing"), "focus");
	modal.querySelector(".modal-close-button").click();
	const logName = `${localToday()} Career Coaching Session`;
	await waitUntil(() => readVaultFile(vaultDir, `Career/${logName}.md`) !== null && readData(vaultDir).session === null, "the log and the cleared session");
	await harness.settle();
	assert.deepEqual(harness.openModals(), []);
	assert.match(readVaultFile(vaultDir, `Career/${logName}.md`).toString("utf8"), /^focus: Vision, Annual Theme$/m);
	assert.equal(readData(vaultDir).sessionDraft, null);
	assert.equal(readData(vaultDir).methodologyNoteName, "How I coach", "the settings in data.json are kept");
	assert.equal(app.commands.findCommand(RESUME_COMMAND).checkCallback(true), false, "nothing to resume");
	assert.deepEqual(harness.takeNotices(), [`Wrote ${logName}`]);
});

test("closing mid-section and reloading loses nothing and writes nothing twice", async (t) => {
	const loaded = await vaultWithIndex(t);
	const { vaultDir } = loaded;
	let { app, plugin } = loaded;
	app.workspace.activeLeaf.detach(); // the note is not open: writes go through vault.process
	const before = readVaultFile(vaultDir, INDEX_PATH).toString("utf8");
	const script = CURRENT_ROLE_SCRIPT;
	const expected = await expectedNote(before, { sections: ["current_role"], today: localToday(), script });

	// "Coach a section" → Current Role.
	const running = harness.runCommand(app, SECTION_COMMAND);
	const picker = await harness.waitForModal();
	const items = [...picker.querySelectorAll(".suggestion-item")];
	assert.equal(items.length, 19, "every section of the question bank is offered");
	items.find((item) => item.textContent.startsWith("Current Role")).click();
	await running;
	let modal = await coachModal();
	assert.deepEqual(shown(modal), { kind: "question", section: "current_role" });
	assert.equal(modal.querySelector(".career-coach-progress-text").textContent, "1 of 1");

	// Answer; the follow-up asks for the focus. Type it, but close before sending it.
	await perform(modal, script(shown(modal)));
	assert.deepEqual(shown(modal), { kind: "follow-up", section: "current_role" });
	assert.equal(modal.querySelector(".career-coach-question").textContent, "Focus?");
	typeAnswer(modal, "architecture");
	await pauseWithEscape(vaultDir);
	const paused = readData(vaultDir);
	assert.equal(paused.sessionDraft.text, "architecture", "the unsent text is saved with the session");
	assert.equal(readVaultFile(vaultDir, INDEX_PATH).toString("utf8"), before, "nothing written yet");

	// Restart; "Resume coaching session" is offered and puts the unsent text back.
	({ app, plugin } = await restart(app, plugin, vaultDir));
	t.after(() => harness.unloadPlugin(app, plugin));
	await harness.runCommand(app, RESUME_COMMAND);
	modal = await coachModal();
	assert.deepEqual(shown(modal), { kind: "follow-up", section: "current_role" });
	assert.equal(answerBox(modal).value, "architecture", "the draft is back in the textarea");
	await perform(modal, { action: "answer", text: answerBox(modal).value });
	assert.deepEqual(shown(modal), { kind: "confirm", section: "current_role" });
	await perform(modal, { action: "confirm" });
	assert.deepEqual(shown(modal), { kind: "deepen", section: "current_role" });
	const written = readVaultFile(vaultDir, INDEX_PATH).toString("utf8");
	assert.equal(occurrences(written, "| Direct reports | 8 |"), 1);

	// Close again after the write, restart, resume, finish.
	await pauseWithEscape(vaultDir);
	({ app, plugin } = await restart(app, plugin, vaultDir));
	t.after(() => harness.unloadPlugin(app, plugin));
	await harness.runCommand(app, RESUME_COMMAND);
	modal = await coachModal();
	assert.deepEqual(shown(modal), { kind: "deepen", section: "current_role" });
	assert.equal(answerBox(modal).value, "", "no stale draft");
	await runScript(modal, script);
	assert.equal(modal.querySelector(".career-coach-done").textContent, "Done: 1 written, 0 skipped");

	const final = readVaultFile(vaultDir, INDEX_PATH).toString("utf8");
	assert.equal(final, expected, "exactly the core's note: nothing lost, nothing doubled");
	assert.equal(occurrences(final, "| Direct reports | 8 |"), 1, "the row appears once");
	assert.equal(occurrences(final, "| Focus | architecture |"), 1);
	assert.equal(occurrences(final, "Lead the platform group by Q3"), 1);
	const kinds = readData(vaultDir).session.events.map((e) => e.kind);
	assert.equal(kinds.filter((k) => k === "paused").length, 2);
	assert.equal(kinds.filter((k) => k === "resumed").length, 2);
	// The answer and its follow-up, each confirmed before it was written.
	assert.equal(kinds.filter((k) => k === "confirmed").length, 2);
});

test("a note changed between showing confirm and Confirm: the answer goes where the section now is", async (t) => {
	const { app, vaultDir } = await vaultWithIndex(t);
	app.workspace.activeLeaf.detach();
	const original = readVaultFile(vaultDir, INDEX_PATH).toString("utf8");

	await harness.runCommand(app, START_COMMAND);
	const modal = await coachModal();
	await perform(modal, { action: "skip" });
	await perform(modal, { action: "skip" });
	assert.deepEqual(shown(modal), { kind: "question", section: "annual_theme" });
	await perform(modal, { action: "answer", text: "Visible outside the company" });
	assert.deepEqual(shown(modal), { kind: "confirm", section: "annual_theme" });

	// Someone edits the note meanwhile (sync, another device): a paragraph above the section.
	const concurrent = original.replace("## Vision\n", "## Vision\n\nWritten on my phone meanwhile.\n");
	writeFileSync(join(vaultDir, INDEX_PATH), concurrent);
	await perform(modal, { action: "confirm" });
	assert.deepEqual(shown(modal), { kind: "question", section: "success_criteria" });

	const text = readVaultFile(vaultDir, INDEX_PATH).toString("utf8");
	const script = ({ kind }) => (kind === "confirm" ? { action: "confirm" } : kind === "question" ? { action: "answer", text: "Visible outside the company" } : null);
	assert.equal(text, await expectedNote(concurrent, { sections: ["annual_theme"], today: localToday(), script }));
	assert.ok(text.includes("Written on my phone meanwhile."), "the concurrent edit is kept");
	assert.equal(occurrences(text, '> **"Visible outside the company"**'), 1);
});

test("a note changed elsewhere during the write: the answer lands beside the change, in one write", async (t) => {
	const { app, vaultDir } = await vaultWithIndex(t);
	app.workspace.activeLeaf.detach();
	const original = readVaultFile(vaultDir, INDEX_PATH).toString("utf8");
	const concurrent = original.replace("## Vision\n", "## Vision\n\nTyped while writing.\n");

	const running = harness.runCommand(app, SECTION_COMMAND);
	const picker = await harness.waitForModal();
	[...picker.querySelectorAll(".suggestion-item")].find((item) => item.textContent.startsWith("Annual Theme")).click();
	await running;
	const modal = await coachModal();
	await perform(modal, { action: "answer", text: "Visible outside the company" });

	// The note changes just before the write reads it: the core moves the answer past the change.
	const process = app.vault.process.bind(app.vault);
	let calls = 0;
	t.mock.method(app.vault, "process", async (file, fn, options) => {
		calls += 1;
		if (calls === 1) {
			writeFileSync(join(vaultDir, INDEX_PATH), concurrent);
		}
		return process(file, fn, options);
	});
	await perform(modal, { action: "confirm" });
	assert.equal(calls, 1, "one write");
	assert.deepEqual(shown(modal), { kind: "done", section: null });
	const text = readVaultFile(vaultDir, INDEX_PATH).toString("utf8");
	assert.ok(text.includes("Typed while writing."));
	assert.equal(occurrences(text, '> **"Visible outside the company"**'), 1);
	assert.deepEqual(harness.takeNotices(), []);
});

test("a note changed in the answer's line during the write: nothing is written, the change is shown again, the answer is kept", async (t) => {
	const { app, vaultDir } = await vaultWithIndex(t);
	app.workspace.activeLeaf.detach();

	const running = harness.runCommand(app, SECTION_COMMAND);
	const picker = await harness.waitForModal();
	[...picker.querySelectorAll(".suggestion-item")].find((item) => item.textContent.startsWith("Annual Theme")).click();
	await running;
	const modal = await coachModal();
	await perform(modal, { action: "answer", text: "Visible outside the company" });
	const sessionBefore = readData(vaultDir).session;
	const removed = modal.querySelector(".career-coach-change.is-removed .career-coach-change-text").textContent;

	// Another device fills in the line the answer replaces, just before the write reads the note.
	const process = app.vault.process.bind(app.vault);
	let calls = 0;
	const mock = t.mock.method(app.vault, "process", async (file, fn, options) => {
		calls += 1;
		const full = join(vaultDir, INDEX_PATH);
		writeFileSync(full, readVaultFile(vaultDir, INDEX_PATH).toString("utf8").replace(removed, "Phone edit"));
		return process(file, fn, options);
	});
	await perform(modal, { action: "confirm" });
	assert.equal(calls, 1);
	assert.deepEqual(harness.takeNotices(), [PREVIEW_CHANGED]);
	assert.deepEqual(shown(modal), { kind: "confirm", section: "annual_theme" }, "still asking to confirm");
	assert.deepEqual(readData(vaultDir).session, sessionBefore, "the session did not move");
	const kept = readVaultFile(vaultDir, INDEX_PATH).toString("utf8");
	assert.equal(occurrences(kept, "Visible outside the company"), 0, "nothing written");
	assert.ok(kept.includes("Phone edit"), "the other device's line is kept");

	mock.mock.restore();
	await perform(modal, { action: "confirm" });
	assert.deepEqual(shown(modal), { kind: "done", section: null });
	const text = readVaultFile(vaultDir, INDEX_PATH).toString("utf8");
	assert.equal(occurrences(text, '> **"Visible outside the company"**'), 1);
});

test("Start offers Resume or Start new when a session is unfinished", async (t) => {
	const { app, vaultDir } = await vaultWithIndex(t);
	await harness.runCommand(app, START_COMMAND);
	let modal = await coachModal();
	await perform(modal, { action: "skip" });
	typeAnswer(modal, "half a thought");
	await pauseWithEscape(vaultDir);
	const startedAt = readData(vaultDir).session.started_at;

	// Resume: the same session, at the second section, with the unsent text.
	let running = harness.runCommand(app, START_COMMAND);
	let choice = await harness.waitForModal();
	assert.equal(choice.querySelector(".modal-title").textContent, "Unfinished coaching session");
	assert.match(choice.textContent, /Vision, 2 of 19/);
	assert.equal(globalThis.document.activeElement, harness.findButton(choice, "Resume"));
	harness.pressKey("Enter");
	await running;
	modal = await coachModal();
	assert.deepEqual(shown(modal), { kind: "question", section: "vision" });
	assert.equal(answerBox(modal).value, "half a thought");
	await pauseWithEscape(vaultDir);

	// Escape on the choice does nothing.
	running = harness.runCommand(app, START_COMMAND);
	await harness.waitForModal();
	harness.pressKey("Escape");
	await running;
	assert.deepEqual(harness.openModals(), []);
	assert.equal(readData(vaultDir).session.started_at, startedAt);

	// Start new: a fresh session from the first section, without the old draft.
	running = harness.runCommand(app, START_COMMAND);
	choice = await harness.waitForModal();
	harness.findButton(choice, "Start new").click();
	await running;
	modal = await coachModal();
	assert.deepEqual(shown(modal), { kind: "question", section: "headline" });
	assert.equal(answerBox(modal).value, "");
	const data = readData(vaultDir);
	assert.equal(data.session.position, 0);
	assert.equal(data.session.paused, false);
	assert.equal(data.sessionDraft, null);
});

test("Resume is offered only when an unfinished session is saved, also one from the CLI", async (t) => {
	const { app, vaultDir, plugin } = await vaultWithIndex(t);
	const resume = app.commands.findCommand(RESUME_COMMAND);
	assert.equal(resume.checkCallback(true), false);

	// A session saved by `career coach` in a terminal (same key in data.json), not paused.
	const glue = await core();
	const note = readVaultFile(vaultDir, INDEX_PATH).toString("utf8");
	const session = glue.coachStart({ notePath: INDEX_PATH, note, sections: ["wins"], today: localToday(), at: `${localToday()}T08:00:00` }).value;
	mkdirSync(join(vaultDir, DATA_PATH, ".."), { recursive: true });
	writeFileSync(join(vaultDir, DATA_PATH), JSON.stringify({ careerFolder: "Career", session }, null, 2));
	harness.unloadPlugin(app, plugin);
	const app2 = harness.createTestApp({ vaultDir });
	const plugin2 = await harness.loadPlugin(app2, DIST);
	t.after(() => harness.unloadPlugin(app2, plugin2));
	await harness.settle();
	assert.equal(app2.commands.findCommand(RESUME_COMMAND).checkCallback(true), true);
	await harness.runCommand(app2, RESUME_COMMAND);
	const modal = await coachModal();
	assert.deepEqual(shown(modal), { kind: "question", section: "wins" });
	assert.equal(modal.querySelector(".modal-title").textContent, "Wins & Artifacts");
	assert.equal(readData(vaultDir).session.events.some((e) => e.kind === "resumed"), false, "a session that was not paused is not resumed");
	await pauseWithEscape(vaultDir);
});

test("a section with content is offered for review, with its current text", async (t) => {
	const { app, vaultDir } = await vaultWithIndex(t);
	app.workspace.activeLeaf.detach();
	const original = readVaultFile(vaultDir, INDEX_PATH).toString("utf8");
	writeFileSync(join(vaultDir, INDEX_PATH), original.replace("> [Your POV on your industry]", "> Small teams beat big ones."));

	const running = harness.runCommand(app, SECTION_COMMAND);
	const picker = await harness.waitForModal();
	const belief = [...picker.querySelectorAll(".suggestion-item")].find((item) => item.textContent.startsWith("The Belief"));
	assert.match(belief.textContent, /review/i);
	belief.click();
	await running;
	const modal = await coachModal();
	assert.equal(modal.querySelector(".career-coach-badge").textContent, "review");
	const current = modal.querySelector("details.career-coach-current");
	assert.ok(current, "the current text is in a collapsible block");
	assert.match(current.querySelector(".career-coach-current-text").textContent, /Small teams beat big ones/);
	assert.equal(current.hasAttribute("open"), false, "collapsed by default");
	await pauseWithEscape(vaultDir);
});

test("without a Career Index the commands say what to do", async (t) => {
	const { app, vaultDir } = await loadInVault(t);
	await harness.runCommand(app, START_COMMAND);
	await harness.runCommand(app, SECTION_COMMAND);
	const hint = `${INDEX_PATH} does not exist yet: run "Create or upgrade career index" first.`;
	assert.deepEqual(harness.takeNotices(), [hint, hint]);
	assert.deepEqual(harness.openModals(), []);
	assert.equal(readData(vaultDir), null, "nothing was saved");
});

test("Back returns to the previous section with its answer; Edit goes back to the question", async (t) => {
	const { app } = await vaultWithIndex(t);
	await harness.runCommand(app, START_COMMAND);
	const modal = await coachModal();
	await perform(modal, { action: "skip" });
	assert.deepEqual(shown(modal), { kind: "question", section: "vision" });
	await perform(modal, { action: "answer", text: VISION });
	assert.equal(shown(modal).kind, "confirm");
	await perform(modal, { action: "edit" });
	assert.deepEqual(shown(modal), { kind: "question", section: "vision" });
	assert.equal(answerBox(modal).value, VISION, "Edit keeps the answer to change it");
	await perform(modal, { action: "skip" });
	assert.deepEqual(shown(modal), { kind: "question", section: "annual_theme" });
	assert.equal(harness.findButton(modal, "Back").disabled, false);
	await perform(modal, { action: "back" });
	assert.deepEqual(shown(modal), { kind: "question", section: "vision" });
	harness.pressKey("Escape");
	await nextView(modal);
});

test("saving the settings keeps the session, and typing saves the draft", async (t) => {
	const { app, vaultDir, plugin } = await vaultWithIndex(t);
	await harness.runCommand(app, START_COMMAND);
	const modal = await coachModal();
	typeAnswer(modal, "still thinking");
	await new Promise((resolve) => setTimeout(resolve, 600)); // the draft is saved once typing pauses
	await waitUntil(() => readData(vaultDir)?.sessionDraft?.text === "still thinking", "the draft saved while typing", 5000);

	plugin.settings.careerFolder = "Career";
	plugin.settings.methodologyNoteName = "Method";
	await plugin.saveSettings();
	const data = readData(vaultDir);
	assert.equal(data.methodologyNoteName, "Method");
	assert.equal(data.session.plan.length, 19, "the session survived a settings save");
	assert.equal(data.sessionDraft.text, "still thinking");
	await pauseWithEscape(vaultDir);
});

test("Start new keeps the threads the replaced unfinished session had carried", async (t) => {
	const { app, vaultDir } = await vaultWithIndex(t);
	// An unfinished session (as career coach or an earlier modal saved it) that carried a
	// thread, already marked [>] in its old log: replacing the session must not lose it.
	const glue = await core();
	const note = readVaultFile(vaultDir, INDEX_PATH).toString("utf8");
	const old = glue.coachStart({ notePath: INDEX_PATH, note, sections: ["wins"], today: localToday(), at: `${localToday()}T08:00:00` }).value;
	const thread = { note: "Career/old log.md", line: 40, text: "Draft the thesis", carried: 1 };
	mkdirSync(join(vaultDir, DATA_PATH, ".."), { recursive: true });
	writeFileSync(join(vaultDir, DATA_PATH), JSON.stringify({ careerFolder: "Career", session: { ...old, carried: [thread] } }, null, 2));

	const running = harness.runCommand(app, START_COMMAND);
	const choice = await harness.waitForModal();
	harness.findButton(choice, "Start new").click();
	await running;
	await coachModal();
	const saved = readData(vaultDir).session;
	assert.notEqual(saved.started_at, old.started_at, "a new session replaced the old one");
	assert.deepEqual(saved.carried, [thread], "the carried thread moved to the new session");
});
