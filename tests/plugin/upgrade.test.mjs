/**
 * Upgrading an existing Career Index: the preview, confirming and cancelling it, a note that
 * changes meanwhile, and a note open in an editor. Run from the built bundle.
 */

import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { CAREER_INDEX_COMMAND, core, harness, loadInVault, localToday, readVaultFile } from "./support.mjs";

const { MarkdownView } = harness.obsidian;
const PATH = "Career/0_Career_Index.md";

/** A hand-written index: emoji (surrogate pairs) and CJK before every insertion point. */
const ORIGINAL = "# 我的职业 🎯\n\n## Vision\n\n准备 🚀 to lead a team 👩‍💻.\n";

async function planFor(existing, extra = {}) {
	const glue = await core();
	const plan = glue.planNote({ kind: "career-index", settings: {}, today: localToday(), existing, ...extra });
	assert.equal(plan.ok, true, JSON.stringify(plan));
	return plan.value;
}

const addedCount = (plan) => plan.additions.reduce((n, a) => n + a.what.length, 0);

/** Starts the command and returns { running, modal } once its preview is open. */
async function startUpgrade(app) {
	const running = harness.runCommand(app, CAREER_INDEX_COMMAND);
	const modal = await harness.waitForModal();
	return { running, modal };
}

test("the preview lists every addition: where it goes, its context and its lines", async (t) => {
	const plan = await planFor(ORIGINAL);
	assert.equal(plan.action, "upgrade");
	assert.ok(plan.additions.some((a) => a.after_line === 0) && plan.additions.some((a) => a.after_line > 0), "the fixture exercises both kinds of place");
	const { app, vaultDir } = await loadInVault(t, { files: { [PATH]: ORIGINAL } });

	const { running, modal } = await startUpgrade(app);

	assert.equal(modal.querySelector(".modal-title").textContent, "Upgrade 0_Career_Index");
	assert.match(modal.querySelector(".career-coach-upgrade-intro").textContent, /Career\/0_Career_Index\.md/);
	const blocks = [...modal.querySelectorAll(".career-coach-upgrade-addition")];
	assert.equal(blocks.length, plan.additions.length);
	blocks.forEach((block, i) => {
		const addition = plan.additions[i];
		const place = block.querySelector(".career-coach-upgrade-place").textContent;
		const context = block.querySelector(".career-coach-upgrade-context");
		if (addition.after_line === 0) {
			assert.equal(place, "At the top");
			assert.equal(context, null);
		} else {
			assert.equal(place, `After line ${addition.after_line}`);
			assert.equal(context.textContent, addition.context);
		}
		const lines = [...block.querySelectorAll(".career-coach-upgrade-lines .career-coach-upgrade-line")].map((line) => line.textContent);
		assert.deepEqual(lines, addition.lines.map((line) => `+${line}`));
	});
	assert.equal(modal.querySelector(".career-coach-upgrade-lines").tagName, "PRE", "added lines are a preformatted block");
	const add = harness.findButton(modal, "Add to note");
	assert.ok(add.classList.contains("mod-cta"));
	assert.equal(globalThis.document.activeElement, add, "Add to note has the focus");
	harness.findButton(modal, "Cancel");
	assert.equal(readVaultFile(vaultDir, PATH).toString(), ORIGINAL, "nothing is written while the preview is open");

	add.click();
	await running;
});

test("clicking Add to note writes exactly the core's text, through vault.process", async (t) => {
	const plan = await planFor(ORIGINAL);
	const { app, vaultDir } = await loadInVault(t, { files: { [PATH]: ORIGINAL } });
	const process = t.mock.method(app.vault, "process");

	const { running, modal } = await startUpgrade(app);
	harness.findButton(modal, "Add to note").click();
	await running;

	assert.equal(readVaultFile(vaultDir, PATH).toString(), plan.text);
	assert.equal(process.mock.callCount(), 1, "one atomic write");
	assert.deepEqual(harness.takeNotices(), [`Added ${addedCount(plan)} section(s) to ${PATH}`]);
	assert.deepEqual(harness.openModals(), [], "the preview closed");
});

test("Enter confirms", async (t) => {
	const plan = await planFor(ORIGINAL);
	const { app, vaultDir } = await loadInVault(t, { files: { [PATH]: ORIGINAL } });
	const { running } = await startUpgrade(app);
	harness.pressKey("Enter");
	await running;
	assert.equal(readVaultFile(vaultDir, PATH).toString(), plan.text);
});

for (const [how, dismiss] of [
	["Cancel", (modal) => harness.findButton(modal, "Cancel").click()],
	["Escape", () => harness.pressKey("Escape")],
	["Enter on the focused Cancel button", (modal) => {
		harness.findButton(modal, "Cancel").focus();
		harness.pressKey("Enter");
	}],
	["the close button", (modal) => modal.querySelector(".modal-close-button").click()],
]) {
	test(`${how} writes nothing`, async (t) => {
		const { app, vaultDir } = await loadInVault(t, { files: { [PATH]: ORIGINAL } });
		const writes = [];
		app.vault.on("modify", (file) => writes.push(file.path));
		const { running, modal } = await startUpgrade(app);
		dismiss(modal);
		await running;
		assert.equal(readVaultFile(vaultDir, PATH).toString(), ORIGINAL);
		assert.deepEqual(writes, []);
		assert.deepEqual(harness.takeNotices(), []);
		assert.deepEqual(harness.openModals(), []);
	});
}

test("a note changed on disk where the sections go is left as it is: the new preview is shown, and cancelling it writes nothing", async (t) => {
	const { app, vaultDir } = await loadInVault(t, { files: { [PATH]: ORIGINAL } });
	const { running, modal } = await startUpgrade(app);

	const concurrent = `${ORIGINAL}\nSynced from my phone 📱\n`;
	writeFileSync(join(vaultDir, PATH), concurrent); // as sync or another app would
	harness.findButton(modal, "Add to note").click();
	const again = await harness.waitForModal();
	assert.notEqual(again, modal, "asked again");
	assert.match(again.querySelector(".career-coach-upgrade-changed").textContent, /changed where these lines go/);
	assert.equal(readVaultFile(vaultDir, PATH).toString(), concurrent, "nothing written before the new preview is confirmed");
	harness.findButton(again, "Cancel").click();
	await running;

	assert.equal(readVaultFile(vaultDir, PATH).toString(), concurrent);
	assert.deepEqual(harness.takeNotices(), []);
});

test("a CRLF note is upgraded with the core's text, line endings included", async (t) => {
	const crlf = ORIGINAL.replace(/\n/g, "\r\n");
	const plan = await planFor(crlf);
	assert.ok(plan.text.includes("\r\n## Vision\r\n"), "the core keeps the note's CRLF");
	const { app, vaultDir } = await loadInVault(t, { files: { [PATH]: crlf } });
	const { running, modal } = await startUpgrade(app);
	harness.findButton(modal, "Add to note").click();
	await running;
	assert.equal(readVaultFile(vaultDir, PATH).toString(), plan.text);
});

test("a blank note is filled with the whole template, without a preview", async (t) => {
	const plan = await planFor("\n");
	assert.equal(plan.action, "create");
	const { app, vaultDir } = await loadInVault(t, { files: { [PATH]: "\n" } });
	await harness.runCommand(app, CAREER_INDEX_COMMAND);
	assert.equal(readVaultFile(vaultDir, PATH).toString(), plan.text);
	assert.deepEqual(harness.takeNotices(), [`Filled ${PATH}, which was empty.`]);
});

/**
 * The same note without its final newline: the core then inserts at the end of the last line,
 * after emoji (surrogate pairs, a ZWJ sequence) and CJK, where a UTF-8 byte count and the
 * editor's UTF-16 `ch` differ.
 */
const NO_EOL = ORIGINAL.slice(0, -1);

/** Reference conversion with Node's UTF-8 codec: the editor position of a byte offset. */
function positionOf(text, byteOffset) {
	const before = Buffer.from(text, "utf8").subarray(0, byteOffset).toString("utf8");
	const lines = before.split("\n");
	return { line: lines.length - 1, ch: lines[lines.length - 1].length };
}

/** Opens the note in the active leaf and returns its editor. */
async function openInEditor(app, path) {
	await app.workspace.getLeaf(false).openFile(app.vault.getFileByPath(path));
	const view = app.workspace.getActiveViewOfType(MarkdownView);
	assert.equal(view?.file.path, path);
	return view.editor;
}

test("a note open in the editor is changed through the editor, in one transaction", async (t) => {
	const plan = await planFor(NO_EOL);
	const lastLine = NO_EOL.split("\n").at(-1);
	assert.ok(
		plan.edits.some((edit) => edit.span.start === Buffer.byteLength(NO_EOL)) && Buffer.byteLength(lastLine) !== lastLine.length,
		"the fixture inserts after multi-byte characters on the same line",
	);
	const { app, vaultDir } = await loadInVault(t, { files: { [PATH]: NO_EOL } });
	const editor = await openInEditor(app, PATH);
	const transaction = t.mock.method(editor, "transaction");
	const process = t.mock.method(app.vault, "process");

	const { running, modal } = await startUpgrade(app);
	harness.findButton(modal, "Add to note").click();
	await running;

	assert.deepEqual(harness.takeNotices(), [`Added ${addedCount(plan)} section(s) to ${PATH}`]);
	assert.equal(editor.getValue(), plan.text, "the editor holds the core's text");
	assert.equal(readVaultFile(vaultDir, PATH).toString(), plan.text, "and Obsidian saved it");
	assert.equal(transaction.mock.callCount(), 1, "one transaction, one undo step");
	assert.equal(process.mock.callCount(), 0, "the file was not written behind the editor's back");
	assert.deepEqual(
		transaction.mock.calls[0].arguments[0].changes,
		plan.edits.map((edit) => ({
			from: positionOf(NO_EOL, edit.span.start),
			to: positionOf(NO_EOL, edit.span.end),
			text: edit.new_text,
		})),
		"byte spans became UTF-16 positions",
	);
	assert.deepEqual(positionOf(NO_EOL, Buffer.byteLength(NO_EOL)), { line: 4, ch: lastLine.length });
});

test("a note open in a background leaf is changed through that leaf's editor", async (t) => {
	const plan = await planFor(NO_EOL);
	const { app, vaultDir } = await loadInVault(t, { files: { [PATH]: NO_EOL, "Other.md": "other" } });
	const editor = await openInEditor(app, PATH);
	await app.workspace.getLeaf(true).openFile(app.vault.getFileByPath("Other.md"));
	assert.equal(app.workspace.getActiveViewOfType(MarkdownView).file.path, "Other.md");
	const process = t.mock.method(app.vault, "process");

	const { running, modal } = await startUpgrade(app);
	harness.findButton(modal, "Add to note").click();
	await running;

	assert.equal(editor.getValue(), plan.text);
	assert.equal(readVaultFile(vaultDir, PATH).toString(), plan.text);
	assert.equal(process.mock.callCount(), 0);
});

test("typing in the line the sections go after while the preview is open: asked again, then written around what was typed", async (t) => {
	const { app } = await loadInVault(t, { files: { [PATH]: ORIGINAL } });
	const editor = await openInEditor(app, PATH);
	const { running, modal } = await startUpgrade(app);

	editor.replaceRange("Typed meanwhile 准备. ", { line: 4, ch: 0 });
	const typed = editor.getValue();
	harness.findButton(modal, "Add to note").click();
	const again = await harness.waitForModal();
	assert.notEqual(again, modal, "asked again");
	assert.equal(editor.getValue(), typed, "nothing written yet: the editor holds exactly what the user typed");
	assert.ok([...again.querySelectorAll(".career-coach-upgrade-context")].some((el) => el.textContent.startsWith("Typed meanwhile 准备. ")), "the new preview shows the typed line");
	harness.findButton(again, "Add to note").click();
	await running;

	const plan = await planFor(typed);
	assert.equal(editor.getValue(), plan.text, "the upgrade planned on the typed text, through the editor");
	assert.ok(editor.getValue().includes("Typed meanwhile 准备. 准备 🚀"));
	assert.deepEqual(harness.takeNotices(), [`Added ${String(addedCount(plan))} section(s) to ${PATH}`]);
});

test("an editor with unsaved changes is what the plan is computed from", async (t) => {
	const { app, vaultDir } = await loadInVault(t, { files: { [PATH]: ORIGINAL } });
	const editor = await openInEditor(app, PATH);
	const view = app.workspace.getActiveViewOfType(MarkdownView);
	view.autoSave = false; // Obsidian saves about two seconds after the last keystroke
	editor.replaceRange("## Risk Register\n\n- 🎯 my own risk\n\n", { line: 2, ch: 0 });
	const unsaved = editor.getValue();
	assert.equal(readVaultFile(vaultDir, PATH).toString(), ORIGINAL, "not saved yet");
	const plan = await planFor(unsaved);

	const { running, modal } = await startUpgrade(app);
	assert.equal(modal.querySelectorAll(".career-coach-upgrade-addition").length, plan.additions.length);
	assert.ok(!modal.textContent.includes("+## Risk Register"), "the section typed in the editor is not offered again");
	harness.findButton(modal, "Add to note").click();
	await running;

	assert.equal(editor.getValue(), plan.text);
	assert.equal((plan.text.match(/^## Risk Register$/gm) ?? []).length, 1);
});
