/**
 * The "Create career index" command, run from the built bundle in an emulated vault.
 */

import assert from "node:assert/strict";
import { test } from "node:test";
import { CREATE_CAREER_INDEX, core, harness, loadInVault, localToday, readVaultFile, watchWebAssembly } from "./support.mjs";

const DEFAULT_PATH = "Career/0_Career_Index.md";

test("creates Career/0_Career_Index.md with the core's text, creating the folder, and opens it", async (t) => {
	const { app, vaultDir } = await loadInVault(t);
	assert.equal(app.vault.getAbstractFileByPath("Career"), null);

	await harness.runCommand(app, CREATE_CAREER_INDEX);

	assert.deepEqual(harness.takeNotices(), []);
	const bytes = readVaultFile(vaultDir, DEFAULT_PATH);
	assert.ok(bytes, `${DEFAULT_PATH} exists on disk`);
	const text = bytes.toString("utf8");
	const frontmatter = /^---\n([\s\S]*?)\n---\n/.exec(text);
	assert.ok(frontmatter, "the note starts with a frontmatter block");
	assert.match(frontmatter[1], /^type: career-index$/m);
	for (const heading of ["## Vision", "## Current Role"]) {
		assert.ok(text.includes(`\n${heading}\n`), `has the heading ${heading}`);
	}

	const glue = await core();
	const expected = glue.renderCareerIndex({ settings: {}, today: localToday() });
	assert.equal(expected.ok, true);
	assert.equal(text, expected.value.text, "the note is exactly the core's rendering for today");

	assert.equal(app.vault.getFolderByPath("Career")?.path, "Career", "the folder is in the vault tree");
	assert.deepEqual(app.workspace.openedFiles, [DEFAULT_PATH], "the new note was opened");
});

test("running it again leaves the existing note untouched and says so", async (t) => {
	const { app, vaultDir } = await loadInVault(t);
	await harness.runCommand(app, CREATE_CAREER_INDEX);
	harness.takeNotices();
	const file = app.vault.getFileByPath(DEFAULT_PATH);
	await app.vault.modify(file, "# My own career index\n\nEdited by hand.\n");
	const before = readVaultFile(vaultDir, DEFAULT_PATH);

	await harness.runCommand(app, CREATE_CAREER_INDEX);

	assert.deepEqual(readVaultFile(vaultDir, DEFAULT_PATH), before, "the file's bytes are unchanged");
	const notices = harness.takeNotices();
	assert.equal(notices.length, 1);
	assert.match(notices[0], /Career\/0_Career_Index\.md already exists/);
	assert.deepEqual(app.workspace.openedFiles, [DEFAULT_PATH], "nothing else was opened");
});

test("an existing career folder is used as it is", async (t) => {
	const { app, vaultDir } = await loadInVault(t, { files: { "Career/Notes.md": "keep me\n" } });
	await harness.runCommand(app, CREATE_CAREER_INDEX);
	assert.deepEqual(harness.takeNotices(), []);
	assert.ok(readVaultFile(vaultDir, DEFAULT_PATH));
	assert.equal(readVaultFile(vaultDir, "Career/Notes.md").toString(), "keep me\n");
});

test("custom folder and note name from data.json are honoured", async (t) => {
	const { app, vaultDir } = await loadInVault(t, {
		data: { careerFolder: "Life/Work", careerIndexName: "My Career" },
	});
	await harness.runCommand(app, CREATE_CAREER_INDEX);

	assert.deepEqual(harness.takeNotices(), []);
	const text = readVaultFile(vaultDir, "Life/Work/My Career.md")?.toString("utf8");
	assert.ok(text, "Life/Work/My Career.md was created, with its parent folders");
	assert.match(text, /^type: career-index$/m);
	assert.equal(readVaultFile(vaultDir, DEFAULT_PATH), null, "nothing was written at the default path");
	assert.deepEqual(app.workspace.openedFiles, ["Life/Work/My Career.md"]);
});

test("a file in the way of the career folder is reported, not overwritten", async (t) => {
	const { app, vaultDir } = await loadInVault(t, { files: { Career: "I am a file\n" } });
	await harness.runCommand(app, CREATE_CAREER_INDEX);
	const notices = harness.takeNotices();
	assert.equal(notices.length, 1);
	assert.match(notices[0], /^Could not create the career index: "Career" is a file/);
	assert.equal(readVaultFile(vaultDir, "Career").toString(), "I am a file\n");
});

test("a trap in the core is reported, and the next run starts a fresh instance", async (t) => {
	const wasm = watchWebAssembly({
		// The first instance traps in notePaths, as a Rust panic under panic=abort would.
		onInstance: (instance, count) =>
			count > 1
				? instance
				: {
						exports: {
							...instance.exports,
							notePaths: () => {
								throw new WebAssembly.RuntimeError("unreachable");
							},
						},
					},
	});
	t.after(() => wasm.restore());
	const { app, vaultDir } = await loadInVault(t);

	await harness.runCommand(app, CREATE_CAREER_INDEX);
	const notices = harness.takeNotices();
	assert.equal(notices.length, 1);
	assert.match(notices[0], /^Could not create the career index: The core stopped unexpectedly/);
	assert.equal(readVaultFile(vaultDir, DEFAULT_PATH), null);

	await harness.runCommand(app, CREATE_CAREER_INDEX);
	assert.deepEqual(harness.takeNotices(), []);
	assert.equal(wasm.counts.Module, 1, "the module is compiled once");
	assert.equal(wasm.counts.Instance, 2, "a new instance replaced the trapped one");
	assert.ok(readVaultFile(vaultDir, DEFAULT_PATH), "the second run created the note");
});
