/**
 * "Create or upgrade profile" and "Create or upgrade methodology note", and the link format
 * they follow, run from the built bundle.
 */

import assert from "node:assert/strict";
import { test } from "node:test";
import { CAREER_INDEX_COMMAND, METHODOLOGY_COMMAND, PROFILE_COMMAND, core, harness, loadInVault, localToday, readVaultFile } from "./support.mjs";

const METHODOLOGY_PATH = "Career/Career Coaching Methodology.md";

/** A CLAUDE.md the user already has for other purposes. */
const CLAUDE = "# CLAUDE.md\n\nThis vault is my second brain 🧠.\n\n## Conventions\n\n- Notes in English, some in 中文\n- Dates as YYYY-MM-DD\n";

async function planFor(kind, existing, extra = {}) {
	const glue = await core();
	const plan = glue.planNote({ kind, settings: {}, today: localToday(), existing, ...extra });
	assert.equal(plan.ok, true, JSON.stringify(plan));
	return plan.value;
}

/** Removes pure insertions (byte spans into `original`) from `written`, in bytes. */
function withoutInsertions(written, edits) {
	const bytes = Buffer.from(written, "utf8");
	const kept = [];
	let at = 0; // in `written`
	let shift = 0; // bytes inserted so far
	for (const edit of edits) {
		assert.equal(edit.expected, "", "a profile upgrade only inserts");
		assert.equal(edit.span.start, edit.span.end);
		const start = edit.span.start + shift;
		kept.push(bytes.subarray(at, start));
		const length = Buffer.byteLength(edit.new_text);
		assert.equal(bytes.subarray(start, start + length).toString("utf8"), edit.new_text);
		at = start + length;
		shift += length;
	}
	kept.push(bytes.subarray(at));
	return Buffer.concat(kept);
}

test("the profile is added to an existing CLAUDE.md without touching any of its bytes", async (t) => {
	const plan = await planFor("profile", CLAUDE);
	assert.equal(plan.action, "upgrade");
	const { app, vaultDir } = await loadInVault(t, { files: { "CLAUDE.md": CLAUDE } });

	const running = harness.runCommand(app, PROFILE_COMMAND);
	const modal = await harness.waitForModal();
	assert.equal(modal.querySelector(".modal-title").textContent, "Upgrade CLAUDE");
	assert.ok(modal.textContent.includes("+## User Preferences"));
	harness.findButton(modal, "Add to note").click();
	await running;

	const written = readVaultFile(vaultDir, "CLAUDE.md");
	assert.equal(written.toString("utf8"), plan.text);
	assert.deepEqual(withoutInsertions(written.toString("utf8"), plan.edits), Buffer.from(CLAUDE, "utf8"), "deleting what was inserted gives the original bytes");
	assert.deepEqual(harness.takeNotices(), ["Added 2 section(s) to CLAUDE.md"]);
	assert.deepEqual(app.workspace.openedFiles, [], "an upgrade does not open the note");
});

test("a missing profile is created at the vault root and opened", async (t) => {
	const plan = await planFor("profile", null);
	const { app, vaultDir } = await loadInVault(t);
	await harness.runCommand(app, PROFILE_COMMAND);
	assert.deepEqual(harness.takeNotices(), ["Created CLAUDE.md"]);
	assert.equal(readVaultFile(vaultDir, "CLAUDE.md").toString(), plan.text);
	assert.ok(plan.text.includes("[[0_Career_Index]]"), "wikilinks by default");
	assert.deepEqual(app.workspace.openedFiles, ["CLAUDE.md"]);
});

test("markdown links are written when the vault has Use [[Wikilinks]] turned off", async (t) => {
	const plan = await planFor("profile", null, { linkFormat: "markdown" });
	const wikilinks = await planFor("profile", null);
	assert.notEqual(plan.text, wikilinks.text, "the fixture tells the two formats apart");
	const { app, vaultDir } = await loadInVault(t, { appConfig: { useMarkdownLinks: true } });

	await harness.runCommand(app, PROFILE_COMMAND);
	const text = readVaultFile(vaultDir, "CLAUDE.md").toString();
	assert.equal(text, plan.text);
	assert.ok(!text.includes("[["), "no wikilink");
	assert.match(text, /\[0_Career_Index\]\([^)]*0_Career_Index\.md\)/);

	await harness.runCommand(app, CAREER_INDEX_COMMAND);
	const index = readVaultFile(vaultDir, "Career/0_Career_Index.md").toString();
	assert.equal(index, (await planFor("career-index", null, { linkFormat: "markdown" })).text);
});

test("useMarkdownLinks: false in app.json keeps wikilinks", async (t) => {
	const { app, vaultDir } = await loadInVault(t, { appConfig: { useMarkdownLinks: false } });
	await harness.runCommand(app, PROFILE_COMMAND);
	assert.equal(readVaultFile(vaultDir, "CLAUDE.md").toString(), (await planFor("profile", null)).text);
});

test("the methodology command is hidden when the setting is off", async (t) => {
	const { app, vaultDir } = await loadInVault(t, { data: { methodologyNote: false } });
	const command = app.commands.findCommand(METHODOLOGY_COMMAND);
	assert.ok(command, "registered, so that turning the setting on needs no reload");
	assert.equal(command.checkCallback(true), false);
	assert.equal(app.commands.executeCommandById(METHODOLOGY_COMMAND), false);
	await harness.settle();
	assert.equal(readVaultFile(vaultDir, METHODOLOGY_PATH), null);
	assert.deepEqual(harness.takeNotices(), []);
});

test("the methodology note is created in the career folder under its configured name", async (t) => {
	const plan = await planFor("methodology", null, { settings: { methodologyNoteName: "How I Coach" } });
	const { app, vaultDir } = await loadInVault(t, { data: { methodologyNoteName: "How I Coach" } });
	assert.equal(app.commands.findCommand(METHODOLOGY_COMMAND).checkCallback(true), true);
	await harness.runCommand(app, METHODOLOGY_COMMAND);
	assert.deepEqual(harness.takeNotices(), ["Created Career/How I Coach.md"]);
	assert.equal(readVaultFile(vaultDir, "Career/How I Coach.md").toString(), plan.text);
	assert.deepEqual(app.workspace.openedFiles, ["Career/How I Coach.md"]);
});

test("an existing methodology note is upgraded after the preview, and a second run writes nothing", async (t) => {
	const original = "# Career Coaching Methodology\n\nMy own notes on coaching 🎯.\n";
	const plan = await planFor("methodology", original);
	assert.equal(plan.action, "upgrade");
	const { app, vaultDir } = await loadInVault(t, { files: { [METHODOLOGY_PATH]: original } });

	await harness.runCommand(app, METHODOLOGY_COMMAND); // returns once the preview is open
	const modal = await harness.waitForModal();
	assert.equal(modal.querySelector(".modal-title").textContent, "Upgrade Career Coaching Methodology");
	harness.findButton(modal, "Add to note").click();
	await harness.settle();
	assert.equal(readVaultFile(vaultDir, METHODOLOGY_PATH).toString(), plan.text);
	assert.deepEqual(harness.takeNotices(), [`Added ${plan.additions.reduce((n, a) => n + a.what.length, 0)} section(s) to ${METHODOLOGY_PATH}`]);

	await harness.runCommand(app, METHODOLOGY_COMMAND);
	assert.deepEqual(harness.openModals(), []);
	assert.deepEqual(harness.takeNotices(), [`${METHODOLOGY_PATH} already has every section.`]);
	assert.equal(readVaultFile(vaultDir, METHODOLOGY_PATH).toString(), plan.text);
});
