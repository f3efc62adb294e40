/**
 * Session logs from the built bundle: the closing questions and the log of a finished coaching
 * session, the open threads reviewed when the next one starts (carried, resolved, dropped),
 * "Write session log" for a session held elsewhere and "Show open threads".
 *
 * Every expected log is computed by the core itself (`sessionLog`, `applyOperation` through
 * the glue) from the same inputs, so the plugin must write exactly the core's bytes, in one
 * create for the log and one added row in each Session Logs table.
 */

import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { INDEX_PATH, SECTION_COMMAND, coachModal, occurrences, perform, readData, runScript, shown, typeAnswer, waitUntil } from "./coach-support.mjs";
import { CAREER_INDEX_COMMAND, METHODOLOGY_COMMAND, PLUGIN_ID, ROOT, core, harness, loadInVault, localToday, readVaultFile } from "./support.mjs";
import { applyEdits } from "../wasm/load-core.mjs";

const WRITE_LOG_COMMAND = `${PLUGIN_ID}:write-session-log`;
const THREADS_COMMAND = `${PLUGIN_ID}:show-open-threads`;
const METHODOLOGY_PATH = "Career/Career Coaching Methodology.md";
const LOG_NAME = `${localToday()} Career Coaching Session`;
const LOG_PATH = `Career/${LOG_NAME}.md`;
const LOG_2_NAME = `${LOG_NAME} 2`;
const LOG_2_PATH = `Career/${LOG_2_NAME}.md`;

/** Answers Annual Theme and confirms; leaves every optional question empty. */
function annualTheme({ kind }) {
	return (
		{
			question: { action: "answer", text: "Visible outside the company" },
			confirm: { action: "confirm" },
			deepen: { action: "answer", text: "" },
			"follow-up": { action: "answer", text: "" },
		}[kind] ?? null
	);
}

function text(vaultDir, path) {
	return readVaultFile(vaultDir, path)?.toString("utf8") ?? null;
}

/** The closing step the modal shows (`focus`, `threads`, `worked`, `improve`, `logged`), or null. */
function closingStep(modal) {
	return modal.querySelector(".career-coach-session-body").getAttribute("data-closing");
}

/** A vault with the Career Index created by the plugin's own command (open in its editor). */
async function vaultWithIndex(t, options) {
	const loaded = await loadInVault(t, options);
	await harness.runCommand(loaded.app, CAREER_INDEX_COMMAND);
	harness.takeNotices();
	return loaded;
}

/** "Coach a section" on `title`; resolves with the coaching modal once it shows something. */
async function coachSection(app, title) {
	const running = harness.runCommand(app, SECTION_COMMAND);
	const picker = await harness.waitForModal();
	[...picker.querySelectorAll(".suggestion-item")].find((item) => item.textContent.startsWith(title)).click();
	await running;
	return coachModal();
}

/** Types `answer` at the current closing question and sends it with `button`. */
async function answerClosing(modal, answer, button = "Next") {
	const before = closingStep(modal);
	typeAnswer(modal, answer);
	harness.findButton(modal, button).click();
	await waitUntil(() => closingStep(modal) !== before && modal.querySelector(".career-coach-session.is-busy") === null, `the step after ${before}`);
}

/** The log the core writes for these inputs, with the plugin's defaults (settings, links). */
async function expectedLog(input) {
	const glue = await core();
	const log = glue.sessionLog({ settings: {}, today: localToday(), linkFormat: "wikilink", ...input });
	assert.equal(log.ok, true, JSON.stringify(log));
	return log.value;
}

/** `note` with `row` added to its Session Logs table, as the core adds it. */
async function withRow(note, row) {
	const glue = await core();
	const added = glue.applyOperation(note, { op: "table-add-row", section: "Session Logs", table: 0, cells: row });
	assert.equal(added.ok, true, JSON.stringify(added));
	assert.equal(added.value.edits.length, 1, "one insertion");
	assert.equal(added.value.edits[0].expected, "", "nothing of the note is replaced");
	return applyEdits(note, added.value.edits);
}

/**
 * Runs a one-section session on Annual Theme to the end and answers the closing questions.
 * Returns the session as saved when it was done and the Career Index's text at that point.
 */
async function finishSession(app, vaultDir, { focus, threads, worked }) {
	const modal = await coachSection(app, "Annual Theme");
	await runScript(modal, annualTheme);
	assert.equal(shown(modal).kind, "done");
	const session = readData(vaultDir).session;
	const index = text(vaultDir, INDEX_PATH);
	await answerClosing(modal, focus);
	await answerClosing(modal, threads);
	await answerClosing(modal, worked);
	await answerClosing(modal, "", "Write log");
	return { modal, session, index };
}

test("finishing a session asks the closing questions, writes the log and lists it once in the Career Index", async (t) => {
	const { app, vaultDir } = await vaultWithIndex(t);
	const modal = await coachSection(app, "Annual Theme");
	await runScript(modal, annualTheme);

	// Done: the first closing question, the focus, holds the written sections' titles.
	assert.equal(modal.querySelector(".career-coach-done").textContent, "Done: 1 written, 0 skipped");
	assert.equal(closingStep(modal), "focus");
	assert.equal(modal.querySelector(".career-coach-question").textContent, "Focus of this session, in one line?");
	assert.equal(modal.querySelector("textarea.career-coach-answer").value, "Annual Theme");
	assert.equal(harness.findButton(modal, "Back").disabled, true);
	const session = readData(vaultDir).session;
	assert.equal(session.stage.stage, "done", "the finished session is saved until its log is written");
	const index = text(vaultDir, INDEX_PATH);

	// One question at a time; Back keeps what was typed.
	await answerClosing(modal, "Theme for the year");
	assert.equal(closingStep(modal), "threads");
	assert.equal(modal.querySelector(".career-coach-question").textContent, "Open threads for next time?");
	typeAnswer(modal, "Find two podcasts\n\n  Draft the thesis  ");
	harness.findButton(modal, "Back").click();
	await waitUntil(() => closingStep(modal) === "focus", "back at the focus");
	assert.equal(modal.querySelector("textarea.career-coach-answer").value, "Theme for the year");
	harness.pressKey("Enter");
	await waitUntil(() => closingStep(modal) === "threads", "the threads again");
	assert.equal(modal.querySelector("textarea.career-coach-answer").value, "Find two podcasts\n\n  Draft the thesis  ");
	harness.findButton(modal, "Next").click();
	await waitUntil(() => closingStep(modal) === "worked", "what worked");
	await answerClosing(modal, "One question at a time");
	assert.equal(closingStep(modal), "improve");
	await answerClosing(modal, "", "Write log");

	// The log: exactly the core's, created in one write.
	assert.equal(closingStep(modal), "logged");
	assert.equal(modal.querySelector(".career-coach-logged").textContent, `Wrote ${LOG_NAME}`);
	const expected = await expectedLog({
		session,
		focus: "Theme for the year",
		outputs: [["Career Index", "0_Career_Index"]],
		threads: ["Find two podcasts", "Draft the thesis"],
		worked: ["One question at a time"],
		improve: [],
		taken: ["0_Career_Index"],
		// The index created today is Phase 2 of this session's log.
		notes: [[INDEX_PATH, index]],
	});
	assert.equal(expected.name, LOG_NAME);
	const log = text(vaultDir, LOG_PATH);
	assert.equal(log, expected.text, "the log is exactly the core's");
	assert.match(log, /^---\ntype: coaching-session\n/);
	assert.match(log, /^focus: Theme for the year$/m);
	assert.match(log, /## What We Did\n[\s\S]*### Phase 2: Career Index Structure\n\n1\. Created the Career Index[\s\S]*2\. \*\*Annual Theme\*\* — Asked "[^"]+"\n[\s\S]*- Confirmed and updated\n/);
	assert.match(log, /## Open Threads for Future Sessions\n\n- \[ \] Find two podcasts\n- \[ \] Draft the thesis\n/);
	assert.match(log, /\*\*What worked well:\*\*\n- One question at a time\n/);

	// The Career Index (open in its editor) gets exactly one more row, nothing else changes.
	const after = text(vaultDir, INDEX_PATH);
	assert.equal(after, await withRow(index, expected.row));
	const rowLine = `| [[${LOG_NAME}]] | Theme for the year | Career Index |\n`;
	assert.equal(occurrences(after, rowLine), 1);
	assert.equal(after.replace(rowLine, ""), index, "no other byte changed");
	assert.equal(app.workspace.activeLeaf.view.editor.getValue(), after, "written through the open editor");

	// The session is forgotten; "Open log" opens the log.
	const data = readData(vaultDir);
	assert.equal(data.session, null);
	assert.equal(data.sessionDraft, null);
	harness.findButton(modal, "Open log").click();
	await waitUntil(() => app.workspace.openedFiles.includes(LOG_PATH), "the log opened");
	assert.deepEqual(harness.openModals(), []);
	assert.deepEqual(harness.takeNotices(), []);
});

test("the next session starts with the open threads: carried ones repeat with their count, resolved ones are ticked", async (t) => {
	const { app, vaultDir } = await vaultWithIndex(t);
	app.workspace.activeLeaf.detach(); // the notes are not open: writes go through vault.process
	const first = await finishSession(app, vaultDir, { focus: "First", threads: "Find two podcasts\nDraft the thesis", worked: "" });
	harness.findButton(first.modal, "Close").click();
	const firstLog = text(vaultDir, LOG_PATH);
	assert.match(firstLog, /- \[ \] Find two podcasts\n- \[ \] Draft the thesis\n/);

	// A new session on the same day shows the threads first, each carried unless told otherwise.
	const modal = await coachSection(app, "Annual Theme");
	assert.equal(shown(modal).kind, "threads");
	assert.equal(modal.querySelector(".modal-title").textContent, "Open threads");
	const items = [...modal.querySelectorAll(".career-coach-thread")];
	assert.deepEqual(
		items.map((item) => [item.querySelector(".career-coach-thread-text").textContent, item.querySelector(".career-coach-thread-meta").textContent]),
		[
			["Find two podcasts", LOG_NAME],
			["Draft the thesis", LOG_NAME],
		],
	);
	const chosen = (item) => item.querySelector(".career-coach-thread-choice.is-active").textContent;
	assert.deepEqual(items.map(chosen), ["Carry", "Carry"]);
	assert.equal(readData(vaultDir).session, null, "nothing is saved before the choice");
	harness.findButton(items[1], "Resolved").click();
	assert.deepEqual(items.map(chosen), ["Carry", "Resolved"]);
	harness.findButton(modal, "Continue").click();
	await waitUntil(() => shown(modal).kind === "question", "the first question");

	// The first log: carried forwarded ([>]), resolved ticked; nothing else changed.
	assert.equal(text(vaultDir, LOG_PATH), firstLog.replace("- [ ] Find two podcasts", "- [>] Find two podcasts").replace("- [ ] Draft the thesis", "- [x] Draft the thesis"));
	const saved = readData(vaultDir).session;
	assert.deepEqual(
		saved.carried.map((thread) => [thread.note, thread.text, thread.carried]),
		[[LOG_PATH, "Find two podcasts", 0]],
	);

	// Skip the section; the closing questions; the second log of the day.
	await perform(modal, { action: "skip" });
	assert.equal(shown(modal).kind, "done");
	assert.equal(modal.querySelector("textarea.career-coach-answer").value, "Career Index review", "nothing written: the default focus");
	const session = readData(vaultDir).session;
	const index = text(vaultDir, INDEX_PATH);
	await answerClosing(modal, "");
	await answerClosing(modal, "Ask Sam about sponsorship");
	await answerClosing(modal, "");
	await answerClosing(modal, "Shorter questions", "Write log");
	assert.equal(modal.querySelector(".career-coach-logged").textContent, `Wrote ${LOG_2_NAME}`);

	const log = text(vaultDir, LOG_2_PATH);
	const expected = await expectedLog({
		session,
		focus: "Career Index review",
		outputs: [],
		threads: ["Ask Sam about sponsorship"],
		worked: [],
		improve: ["Shorter questions"],
		taken: ["0_Career_Index", LOG_NAME],
		notes: [[INDEX_PATH, index]],
	});
	assert.equal(expected.name, LOG_2_NAME);
	assert.equal(log, expected.text);
	assert.match(log, /- \[ \] Find two podcasts \[carried:: 1\]\n- \[ \] Ask Sam about sponsorship\n/);
	assert.match(log, /Carried forward: Find two podcasts/);
	assert.equal(occurrences(log, "Draft the thesis"), 0, "a resolved thread is not carried");
	assert.equal(text(vaultDir, INDEX_PATH), await withRow(index, expected.row));
	assert.equal(occurrences(text(vaultDir, INDEX_PATH), `| [[${LOG_NAME}`), 2, "two rows, one per log");
	harness.findButton(modal, "Close").click();
	assert.deepEqual(harness.takeNotices(), []);

	// A third start lists the newest copies only; closing there starts nothing and changes nothing.
	const logsBefore = [text(vaultDir, LOG_PATH), text(vaultDir, LOG_2_PATH)];
	const third = await coachSection(app, "Annual Theme");
	assert.deepEqual(
		[...third.querySelectorAll(".career-coach-thread")].map((item) => [
			item.querySelector(".career-coach-thread-text").textContent,
			item.querySelector(".career-coach-thread-meta").textContent,
		]),
		[
			["Find two podcasts", `carried 1× · ${LOG_2_NAME}`],
			["Ask Sam about sponsorship", LOG_2_NAME],
		],
	);
	harness.pressKey("Escape");
	await harness.settle();
	assert.deepEqual(harness.openModals(), []);
	assert.deepEqual([text(vaultDir, LOG_PATH), text(vaultDir, LOG_2_PATH)], logsBefore);
	assert.equal(readData(vaultDir).session, null, "no session was saved");
	assert.deepEqual(harness.takeNotices(), ["The coaching session was not started; the open threads were left as they were."]);
});

test("\"Write session log\" writes a log with decisions, threads and work done, listed where there is a table", async (t) => {
	const { app, vaultDir } = await vaultWithIndex(t);
	await harness.runCommand(app, METHODOLOGY_COMMAND);
	harness.takeNotices();
	app.workspace.activeLeaf.detach();
	const index = text(vaultDir, INDEX_PATH);
	const methodology = text(vaultDir, METHODOLOGY_PATH);

	await harness.runCommand(app, WRITE_LOG_COMMAND);
	let modal = await harness.waitForModal();
	assert.equal(modal.querySelector(".modal-title").textContent, "Write session log");
	assert.equal(globalThis.document.activeElement, modal.querySelector("input.career-coach-log-focus"), "the focus field has the focus");

	// The focus is required.
	harness.findButton(modal, "Write log").click();
	await harness.settle();
	assert.equal(modal.querySelector(".career-coach-session-message").textContent, "A session log needs a focus.");
	assert.equal(readVaultFile(vaultDir, LOG_PATH), null);

	const fill = (cls, value) => {
		const el = modal.querySelector(cls);
		el.value = value;
		el.dispatchEvent(new globalThis.Event("input", { bubbles: true }));
	};
	fill("input.career-coach-log-focus", "Sponsorship with Sam | mentor call");
	fill("textarea.career-coach-log-decisions", "Go deep on platform | it compounds\n\nNo side projects this quarter");
	fill("textarea.career-coach-log-threads", "Ask Sam for an intro\nDraft the platform pitch");
	fill("textarea.career-coach-log-did", "Reviewed the goals\nMapped sponsors");
	fill("textarea.career-coach-log-worked", "Writing the ask down first");
	fill("textarea.career-coach-log-improve", "Bring numbers\nEnd on a date");
	fill("textarea.career-coach-log-frameworks", "Sponsor/Mentor/Advisor distinction");
	harness.findButton(modal, "Write log").click();
	await waitUntil(() => modal.querySelector(".career-coach-logged") !== null, "the log written");
	assert.equal(modal.querySelector(".career-coach-logged").textContent, `Wrote ${LOG_NAME}`);

	const expected = await expectedLog({
		session: null,
		focus: "Sponsorship with Sam | mentor call",
		outputs: [],
		decisions: [
			{ what: "Go deep on platform", why: "it compounds" },
			{ what: "No side projects this quarter", why: "" },
		],
		did: ["Reviewed the goals", "Mapped sponsors"],
		threads: ["Ask Sam for an intro", "Draft the platform pitch"],
		worked: ["Writing the ask down first"],
		improve: ["Bring numbers", "End on a date"],
		frameworks: ["Sponsor/Mentor/Advisor distinction"],
		taken: ["0_Career_Index", "Career Coaching Methodology"],
	});
	const log = text(vaultDir, LOG_PATH);
	assert.equal(log, expected.text);
	assert.match(log, /\| Go deep on platform \| it compounds \|\n/);
	assert.match(log, /1\. Reviewed the goals\n2\. Mapped sponsors\n/);
	assert.match(log, /- \[ \] Ask Sam for an intro\n- \[ \] Draft the platform pitch\n/);
	assert.match(log, /\*\*What worked well:\*\*\n- Writing the ask down first\n\n\*\*What to improve:\*\*\n- Bring numbers\n- End on a date\n/);
	// Only the framework named, none assumed (a session held elsewhere).
	assert.match(log, /## Frameworks Used\n\n1\. \*\*Sponsor\/Mentor\/Advisor distinction\*\* — [^\n]*\n\n---/);
	assert.equal(text(vaultDir, INDEX_PATH), await withRow(index, expected.row), "listed in the Career Index");
	assert.equal(text(vaultDir, METHODOLOGY_PATH), await withRow(methodology, expected.row), "and in the methodology note");

	// "Open log" opens it.
	harness.findButton(modal, "Open log").click();
	await waitUntil(() => app.workspace.openedFiles.includes(LOG_PATH), "the log opened");
	assert.deepEqual(harness.openModals(), []);
	assert.deepEqual(harness.takeNotices(), []);

	// A note without a Session Logs table is left alone, with a notice saying how to add one.
	app.workspace.activeLeaf.detach();
	writeFileSync(join(vaultDir, METHODOLOGY_PATH), "# How I coach\n\nNo table here.\n");
	await harness.runCommand(app, WRITE_LOG_COMMAND);
	modal = await harness.waitForModal();
	fill("input.career-coach-log-focus", "Second");
	harness.pressKey("Enter");
	await waitUntil(() => modal.querySelector(".career-coach-logged") !== null, "the second log written");
	assert.equal(modal.querySelector(".career-coach-logged").textContent, `Wrote ${LOG_2_NAME}`);
	assert.equal(text(vaultDir, METHODOLOGY_PATH), "# How I coach\n\nNo table here.\n");
	assert.equal(occurrences(text(vaultDir, INDEX_PATH), `[[${LOG_2_NAME}]]`), 1);
	assert.deepEqual(harness.takeNotices(), [
		`${METHODOLOGY_PATH} has no Session Logs table, so the log was not listed there: run "Create or upgrade methodology note" to add one.`,
	]);
	harness.findButton(modal, "Close").click();
});

test("\"Show open threads\" lists every log's open threads; Resolve and Drop mark them in their log", async (t) => {
	// Two logs written by the core: the second carried a thread twice already.
	const first = await expectedLog({ focus: "One", threads: ["Alpha"], taken: [] });
	const second = await expectedLog({
		focus: "Two",
		carried: [{ note: first.path, line: 1, text: "Beta", carried: 1 }],
		threads: ["Gamma"],
		taken: [first.name],
	});
	const { app: live, vaultDir } = await loadInVault(t, { files: { [first.path]: first.text, [second.path]: second.text } });

	await harness.runCommand(live, THREADS_COMMAND);
	const modal = await harness.waitForModal();
	assert.equal(modal.querySelector(".modal-title").textContent, "Open threads");
	const rows = () =>
		[...modal.querySelectorAll(".career-coach-open-thread")].map((item) => [
			item.querySelector(".career-coach-thread-text").textContent,
			item.querySelector(".career-coach-thread-meta").textContent,
		]);
	assert.deepEqual(rows(), [
		["Alpha", first.name],
		["Beta", `carried 2× · ${second.name}`],
		["Gamma", second.name],
	]);

	// Resolve Alpha after its log changed above it: the thread is found where it moved.
	const moved = first.text.replace("## Session Objective\n", "## Session Objective\n\nAdded on my phone.\n");
	writeFileSync(join(vaultDir, first.path), moved);
	const item = (name) => [...modal.querySelectorAll(".career-coach-open-thread")].find((el) => el.querySelector(".career-coach-thread-text").textContent === name);
	harness.findButton(item("Alpha"), "Resolve").click();
	await waitUntil(() => rows().length === 2, "the list without Alpha");
	assert.equal(text(vaultDir, first.path), moved.replace("- [ ] Alpha", "- [x] Alpha"));

	harness.findButton(item("Gamma"), "Drop").click();
	await waitUntil(() => rows().length === 1, "the list without Gamma");
	assert.equal(text(vaultDir, second.path), second.text.replace("- [ ] Gamma", "- [-] Gamma"));
	assert.deepEqual(rows(), [["Beta", `carried 2× · ${second.name}`]]);
	assert.deepEqual(harness.takeNotices(), ["Resolved: Alpha", "Dropped: Gamma"]);

	// The log's name is a link that opens it.
	item("Beta").querySelector("a.career-coach-log-link").click();
	await waitUntil(() => live.workspace.openedFiles.includes(second.path), "the log opened");
	assert.deepEqual(harness.openModals(), []);
});

test("\"Show open threads\" says when there are none", async (t) => {
	const { app } = await vaultWithIndex(t);
	await harness.runCommand(app, THREADS_COMMAND);
	const modal = await harness.waitForModal();
	assert.equal(modal.querySelector(".career-coach-open-threads-empty").textContent, "No open threads in the session logs.");
	harness.findButton(modal, "Close").click();
	assert.deepEqual(harness.takeNotices(), []);
});

test("a blind spot's Add section and an upgrade of the Career Index are in the next session's What We Did", async (t) => {
	// Issue 14 item 8: the log listed no section added after the blind spots, and no upgrade.
	const seed = readFileSync(join(ROOT, "tests/fixtures/seed-index-before-blind-spots.md"), "utf8");
	const { app, vaultDir } = await loadInVault(t, { files: { [INDEX_PATH]: seed } });
	app.workspace.activeLeaf?.detach();
	await harness.settle();

	await harness.runCommand(app, `${PLUGIN_ID}:run-blind-spot-analysis`);
	const blind = await waitUntil(() => harness.openModals().find((el) => el.querySelector(".career-coach-blind-findings") !== null) ?? null, "the analysis");
	harness.findButton(blind.querySelector('[data-finding="no_innovation_thesis"]'), "Add section").click();
	const preview = await waitUntil(() => harness.openModals().find((el) => el.querySelector(".career-coach-upgrade") !== null), "the preview");
	harness.findButton(preview, "Add to note").click();
	await waitUntil(() => blind.querySelector('[data-finding="no_innovation_thesis"] button')?.textContent === "Coach this", "the section added");
	harness.pressKey("Escape");
	await harness.settle();

	const upgrading = harness.runCommand(app, CAREER_INDEX_COMMAND);
	harness.findButton(await harness.waitForModal(), "Add to note").click();
	await upgrading;
	harness.takeNotices();
	const recorded = readData(vaultDir).phasesToday;
	assert.equal(recorded.date, localToday());
	assert.deepEqual(recorded.added, ["Innovation Thesis"]);

	await finishSession(app, vaultDir, { focus: "Blind spots and structure", threads: "", worked: "" });
	const log = text(vaultDir, LOG_PATH);
	assert.match(log, /### Phase 2: Career Index Structure\n\n(?:\d+\. .*\n)*\d+\. Upgraded the Career Index: added [^\n]*Risk Register/u, log);
	assert.ok(log.includes("### Phase 4: Blind Spot Analysis\n\n"), log);
	assert.ok(log.includes("   - Identified 1 gap:\n     - Innovation Thesis: The index has no Innovation Thesis"), log);
	assert.ok(log.includes("**Added new sections:**\n   - Innovation Thesis\n"), log);
});
