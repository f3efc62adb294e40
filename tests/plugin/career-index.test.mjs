/**
 * "Create or upgrade career index" when the note is missing (create) or complete (nothing),
 * run from the built bundle in an emulated vault. Upgrades are in upgrade.test.mjs.
 */

import assert from "node:assert/strict";
import { test } from "node:test";
import { CAREER_INDEX_COMMAND, core, harness, loadInVault, localToday, readVaultFile, trapInFirstInstance, watchWebAssembly } from "./support.mjs";

const DEFAULT_PATH = "Career/0_Career_Index.md";

test("creates Career/0_Career_Index.md with the core's text, creating the folder, and opens it", async (t) => {
	const { app, vaultDir } = await loadInVault(t);
	assert.equal(app.vault.getAbstractFileByPath("Career"), null);
	const created = [];
	app.vault.on("create", (file) => created.push(file.path));
	const writes = [];
	app.vault.on("modify", (file) => writes.push(file.path));

	await harness.runCommand(app, CAREER_INDEX_COMMAND);

	assert.deepEqual(harness.takeNotices(), [`Created ${DEFAULT_PATH}`]);
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
	const expected = glue.planNote({ kind: "career-index", settings: {}, today: localToday(), existing: null });
	assert.equal(expected.ok, true);
	assert.equal(expected.value.action, "create");
	assert.equal(text, expected.value.text, "the note is exactly the core's text for today");

	assert.deepEqual(created, ["Career", DEFAULT_PATH], "the folder, then the note in one create");
	assert.deepEqual(writes, [], "the new note was not written a second time");
	assert.equal(app.vault.getFolderByPath("Career")?.path, "Career", "the folder is in the vault tree");
	assert.deepEqual(app.workspace.openedFiles, [DEFAULT_PATH], "the new note was opened");
});

test("a second run says the note already has every section and writes nothing", async (t) => {
	const { app, vaultDir } = await loadInVault(t);
	await harness.runCommand(app, CAREER_INDEX_COMMAND);
	harness.takeNotices();
	const before = readVaultFile(vaultDir, DEFAULT_PATH);
	const writes = [];
	app.vault.on("modify", (file) => writes.push(file.path));

	await harness.runCommand(app, CAREER_INDEX_COMMAND);
	// Also when the note is not open in an editor (read from disk rather than from the editor).
	app.workspace.activeLeaf.detach();
	await harness.runCommand(app, CAREER_INDEX_COMMAND);

	assert.deepEqual(harness.takeNotices(), [`${DEFAULT_PATH} already has every section.`, `${DEFAULT_PATH} already has every section.`]);
	assert.deepEqual(readVaultFile(vaultDir, DEFAULT_PATH), before, "the file's bytes are unchanged");
	assert.deepEqual(writes, [], "nothing was written");
	assert.deepEqual(harness.openModals(), [], "no preview was shown");
	assert.deepEqual(app.workspace.openedFiles, [DEFAULT_PATH], "nothing else was opened");
});

test("an existing career folder is used as it is", async (t) => {
	const { app, vaultDir } = await loadInVault(t, { files: { "Career/Notes.md": "keep me\n" } });
	await harness.runCommand(app, CAREER_INDEX_COMMAND);
	assert.deepEqual(harness.takeNotices(), [`Created ${DEFAULT_PATH}`]);
	assert.ok(readVaultFile(vaultDir, DEFAULT_PATH));
	assert.equal(readVaultFile(vaultDir, "Career/Notes.md").toString(), "keep me\n");
});

test("custom folder and note name from data.json are honoured", async (t) => {
	const { app, vaultDir } = await loadInVault(t, {
		data: { careerFolder: "Life/Work", careerIndexName: "My Career" },
	});
	await harness.runCommand(app, CAREER_INDEX_COMMAND);

	assert.deepEqual(harness.takeNotices(), ["Created Life/Work/My Career.md"]);
	const text = readVaultFile(vaultDir, "Life/Work/My Career.md")?.toString("utf8");
	assert.ok(text, "Life/Work/My Career.md was created, with its parent folders");
	assert.match(text, /^type: career-index$/m);
	assert.equal(readVaultFile(vaultDir, DEFAULT_PATH), null, "nothing was written at the default path");
	assert.deepEqual(app.workspace.openedFiles, ["Life/Work/My Career.md"]);
});

test("a file in the way of the career folder is reported, not overwritten", async (t) => {
	const { app, vaultDir } = await loadInVault(t, { files: { Career: "I am a file\n" } });
	await harness.runCommand(app, CAREER_INDEX_COMMAND);
	const notices = harness.takeNotices();
	assert.equal(notices.length, 1);
	assert.match(notices[0], /^Could not create or upgrade the career index: "Career" is a file/);
	assert.equal(readVaultFile(vaultDir, "Career").toString(), "I am a file\n");
});

test("a note that appears while its folder is being created is not overwritten", async (t) => {
	const { app, vaultDir } = await loadInVault(t);
	const createFolder = app.vault.createFolder.bind(app.vault);
	t.mock.method(app.vault, "createFolder", async (path) => {
		const folder = await createFolder(path);
		await app.vault.create(DEFAULT_PATH, "Synced from another device\n");
		return folder;
	});

	await harness.runCommand(app, CAREER_INDEX_COMMAND);

	assert.deepEqual(harness.takeNotices(), [
		`${DEFAULT_PATH} was created by something else meanwhile, so nothing was written. Run the command again.`,
	]);
	assert.equal(readVaultFile(vaultDir, DEFAULT_PATH).toString(), "Synced from another device\n");
	assert.deepEqual(app.workspace.openedFiles, []);
});

test("a folder where the note should be is reported", async (t) => {
	const { app, vaultDir } = await loadInVault(t, { files: { [`${DEFAULT_PATH}/inside.md`]: "x" } });
	await harness.runCommand(app, CAREER_INDEX_COMMAND);
	assert.deepEqual(harness.takeNotices(), [`${DEFAULT_PATH} is a folder, so the career index cannot be written there.`]);
	assert.equal(readVaultFile(vaultDir, `${DEFAULT_PATH}/inside.md`).toString(), "x");
});

test("settings the core refuses end in a notice with the core's message", async (t) => {
	const { app, vaultDir } = await loadInVault(t, { data: { careerIndexName: "a/b" } });
	const glue = await core();
	const refused = glue.notePaths({ settings: { careerIndexName: "a/b" }, today: localToday() });
	assert.equal(refused.ok, false, "the core refuses a name with a slash");

	await harness.runCommand(app, CAREER_INDEX_COMMAND);
	assert.deepEqual(harness.takeNotices(), [`Could not create or upgrade the career index: ${refused.error.message}`]);
	assert.equal(readVaultFile(vaultDir, "Career"), null);
});

test("a trap in the core is reported, and the next run starts a fresh instance", async (t) => {
	// The first instance traps in notePaths, as a Rust panic under panic=abort would.
	const wasm = watchWebAssembly({ onInstance: trapInFirstInstance("notePaths") });
	t.after(() => wasm.restore());
	const { app, vaultDir } = await loadInVault(t);

	await harness.runCommand(app, CAREER_INDEX_COMMAND);
	const notices = harness.takeNotices();
	assert.equal(notices.length, 1);
	assert.match(notices[0], /^Could not create or upgrade the career index: The core stopped unexpectedly/);
	assert.equal(readVaultFile(vaultDir, DEFAULT_PATH), null);

	await harness.runCommand(app, CAREER_INDEX_COMMAND);
	assert.deepEqual(harness.takeNotices(), [`Created ${DEFAULT_PATH}`]);
	assert.equal(wasm.counts.Module, 1, "the module is compiled once");
	assert.equal(wasm.counts.Instance, 2, "a new instance replaced the trapped one");
	assert.ok(readVaultFile(vaultDir, DEFAULT_PATH), "the second run created the note");
});
