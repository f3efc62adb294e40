/**
 * The Obsidian emulation itself: where it must behave like Obsidian for the plugin tests to
 * mean anything (path normalization, vault errors, atomic edits, frontmatter, links, DOM
 * helpers).
 */

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { harness, makeVault } from "./support.mjs";

const { normalizePath, TFile, TFolder, Setting } = harness.obsidian;

test("normalizePath behaves like Obsidian's", () => {
	assert.equal(normalizePath("//Career///Notes//"), "Career/Notes");
	assert.equal(normalizePath("Career\\Notes"), "Career/Notes");
	assert.equal(normalizePath(""), "/");
	assert.equal(normalizePath("/"), "/");
	assert.equal(normalizePath("My\u00A0Career/a\u202Fb"), "My Career/a b");
	assert.equal(normalizePath("Cafe\u0301"), "Caf\u00E9", "NFC");
});

test("vault.create refuses an existing path and a missing folder, as Obsidian does", async (t) => {
	const { app } = makeVault(t, { files: { "a.md": "A" } });
	await assert.rejects(app.vault.create("a.md", "B"), { message: "File already exists." });
	await assert.rejects(app.vault.create("Missing/b.md", "B"), /ENOENT/);
	await assert.rejects(app.vault.create("/c.md", "C"), /not a normalized vault path/);
	await assert.rejects(app.vault.create("../escape.md", "C"), /leaves the vault/);
	await assert.rejects(app.vault.createFolder("a.md/x"), /is a file/);
});

test("vault files and folders are tracked with stable objects and written to disk", async (t) => {
	const { app, vaultDir } = makeVault(t, { files: { "Old/x.md": "x", ".hidden/y.md": "y" } });
	assert.ok(app.vault.getAbstractFileByPath("Old") instanceof TFolder);
	assert.equal(app.vault.getAbstractFileByPath(".hidden"), null, "dot-folders are not in the tree");

	const folder = await app.vault.createFolder("New/Deep");
	assert.equal(folder.path, "New/Deep");
	assert.ok(app.vault.getFolderByPath("New") instanceof TFolder);
	await assert.rejects(app.vault.createFolder("New/Deep"), { message: "Folder already exists." });

	const file = await app.vault.create("New/Deep/n.md", "hello");
	assert.ok(file instanceof TFile);
	assert.equal(file.basename, "n");
	assert.equal(app.vault.getFileByPath("New/Deep/n.md"), file, "one object per path");
	assert.equal(readFileSync(join(vaultDir, "New/Deep/n.md"), "utf8"), "hello");
	assert.deepEqual(app.vault.getMarkdownFiles().map((f) => f.path).sort(), ["New/Deep/n.md", "Old/x.md"]);
});

test("vault.process is a synchronous read-modify-write and rejects async callbacks", async (t) => {
	const { app, vaultDir } = makeVault(t, { files: { "n.md": "one" } });
	const file = app.vault.getFileByPath("n.md");
	assert.equal(await app.vault.process(file, (text) => `${text} two`), "one two");
	assert.equal(readFileSync(join(vaultDir, "n.md"), "utf8"), "one two");
	await assert.rejects(
		app.vault.process(file, async (text) => text),
		/must return the new text synchronously, got a Promise/,
	);
});

test("processFrontMatter edits the YAML block and keeps the body byte for byte", async (t) => {
	const body = "# Title\r\n\r\nBody with: colons\r\n";
	const { app, vaultDir } = makeVault(t, { files: { "n.md": `---\r\ntype: note\r\ntags:\r\n  - a\r\n---\r\n${body}` } });
	const file = app.vault.getFileByPath("n.md");
	await app.fileManager.processFrontMatter(file, (fm) => {
		assert.deepEqual(fm, { type: "note", tags: ["a"] });
		fm.tags.push("b");
		fm.goal = "[[2026 Goals]]";
	});
	assert.equal(
		readFileSync(join(vaultDir, "n.md"), "utf8"),
		`---\r\ntype: note\r\ntags:\r\n  - a\r\n  - b\r\ngoal: "[[2026 Goals]]"\r\n---\r\n${body}`,
	);
});

test("links: generateMarkdownLink and getFirstLinkpathDest", async (t) => {
	const { app } = makeVault(t, { files: { "Career/2026 Goals.md": "", "Career/Index.md": "", "Other/Index.md": "" } });
	const goals = app.vault.getFileByPath("Career/2026 Goals.md");
	assert.equal(app.fileManager.generateMarkdownLink(goals, "Career/Index.md"), "[[2026 Goals]]");
	assert.equal(app.fileManager.generateMarkdownLink(goals, "", "#Q1", "Goals"), "[[2026 Goals#Q1|Goals]]");
	const index = app.vault.getFileByPath("Career/Index.md");
	assert.equal(app.fileManager.generateMarkdownLink(index, ""), "[[Career/Index]]", "ambiguous names use the path");

	assert.equal(app.metadataCache.getFirstLinkpathDest("2026 goals#Q1", "Career/Index.md"), goals);
	assert.equal(app.metadataCache.getFirstLinkpathDest("Index", "Other/x.md")?.path, "Other/Index.md", "closest wins");
	assert.equal(app.metadataCache.getFirstLinkpathDest("Nope", ""), null);
});

test("DOM helpers and Setting build real elements", () => {
	const root = createDiv({ cls: "root" });
	const span = root.createSpan({ text: "hi", cls: ["a", "b"], attr: { "data-x": "1" } });
	assert.equal(root.outerHTML, '<div class="root"><span class="a b" data-x="1">hi</span></div>');
	span.toggleClass("a", false);
	span.addClass("c");
	assert.equal(span.className, "b c");
	root.empty();
	assert.equal(root.childNodes.length, 0);

	new Setting(root).setName("Name").setDesc("Desc").setHeading();
	assert.equal(root.querySelector(".setting-item.setting-item-heading .setting-item-name").textContent, "Name");
});

test("vault.getConfig reads .obsidian/app.json over Obsidian's defaults", async (t) => {
	const plain = makeVault(t);
	assert.equal(plain.app.vault.getConfig("useMarkdownLinks"), false);
	assert.equal(plain.app.vault.getConfig("newLinkFormat"), "shortest");
	const custom = makeVault(t, { appConfig: { useMarkdownLinks: true, newLinkFormat: "absolute" } });
	assert.equal(custom.app.vault.getConfig("useMarkdownLinks"), true);
	assert.equal(custom.app.vault.getConfig("newLinkFormat"), "absolute");
	assert.equal(custom.app.vault.getConfig("noSuchKey"), undefined);
	const goals = await custom.app.vault.create("2026 Goals.md", "");
	assert.equal(custom.app.fileManager.generateMarkdownLink(goals, ""), "[2026 Goals](2026%20Goals.md)");
});

test("Editor: UTF-16 positions, CodeMirror line splitting, and transactions against the starting document", () => {
	const { Editor } = harness.obsidian;
	const changes = [];
	const editor = new Editor("🎯 准备\r\nsecond\rthird\nend", () => changes.push(editor.getValue()));
	assert.equal(editor.getValue(), "🎯 准备\nsecond\nthird\nend", "CRLF and CR read back as LF");
	assert.equal(editor.lineCount(), 4);
	assert.equal(editor.getLine(0), "🎯 准备");
	assert.equal(editor.posToOffset({ line: 0, ch: 5 }), 5, "the emoji is two UTF-16 units");
	assert.equal(editor.posToOffset({ line: 1, ch: 0 }), 6);
	assert.deepEqual(editor.offsetToPos(6), { line: 1, ch: 0 });
	assert.deepEqual(editor.offsetToPos(editor.getValue().length), { line: 3, ch: 3 });
	assert.throws(() => editor.posToOffset({ line: 0, ch: 6 }), RangeError);
	assert.throws(() => editor.posToOffset({ line: 4, ch: 0 }), RangeError);

	// Given out of order, all positions still refer to the document before the transaction.
	editor.transaction({
		changes: [
			{ from: { line: 3, ch: 3 }, text: "\n## Added\n" },
			{ from: { line: 0, ch: 3 }, to: { line: 0, ch: 5 }, text: "ready" },
			{ from: { line: 0, ch: 0 }, text: "---\r\n---\n" },
		],
	});
	assert.equal(editor.getValue(), "---\n---\n🎯 ready\nsecond\nthird\nend\n## Added\n");
	assert.equal(changes.length, 1, "one transaction, one change notification");
	assert.throws(
		() => editor.transaction({ changes: [{ from: { line: 0, ch: 0 }, to: { line: 0, ch: 2 }, text: "a" }, { from: { line: 0, ch: 1 }, text: "b" }] }),
		/overlap/,
	);
	editor.replaceRange("X", { line: 2, ch: 0 });
	assert.equal(editor.getLine(2), "X🎯 ready");
});

test("opening a note gives the leaf a MarkdownView whose editor saves to the file and follows the file", async (t) => {
	const { MarkdownView } = harness.obsidian;
	const { app, vaultDir } = makeVault(t, { files: { "n.md": "line 1\r\nline 2\r\n", "other.md": "o" } });
	assert.equal(app.workspace.getActiveViewOfType(MarkdownView), null, "nothing open yet");
	const file = app.vault.getFileByPath("n.md");
	await app.workspace.getLeaf(false).openFile(file);
	const view = app.workspace.getActiveViewOfType(MarkdownView);
	assert.ok(view instanceof MarkdownView);
	assert.equal(view.file, file);
	assert.equal(view.editor.getValue(), "line 1\nline 2\n");
	assert.equal(readFileSync(join(vaultDir, "n.md"), "utf8"), "line 1\r\nline 2\r\n", "opening does not write");

	view.editor.replaceRange("!", { line: 0, ch: 6 });
	assert.equal(readFileSync(join(vaultDir, "n.md"), "utf8"), "line 1!\nline 2\n", "saved at once, with LF");

	await app.vault.process(file, (text) => `${text}line 3\n`);
	assert.equal(view.editor.getValue(), "line 1!\nline 2\nline 3\n", "a change on disk reloads the open view");

	// Another leaf becomes active; the first one is still found by type.
	await app.workspace.getLeaf(true).openFile(app.vault.getFileByPath("other.md"));
	assert.equal(app.workspace.getActiveViewOfType(MarkdownView).file.path, "other.md");
	assert.deepEqual(
		app.workspace.getLeavesOfType("markdown").map((leaf) => leaf.view.file.path),
		["n.md", "other.md"],
	);
});

test("a modal pushes its scope: Escape closes it, other keys reach registered handlers", async (t) => {
	const { Modal } = harness.obsidian;
	const { app } = makeVault(t);
	const pressed = [];
	const modal = new Modal(app);
	modal.scope.register([], "Enter", () => {
		pressed.push("Enter");
		return false;
	});
	let closed = 0;
	modal.onClose = () => {
		closed += 1;
	};
	modal.open();
	assert.deepEqual(harness.openModals(), [modal.containerEl]);
	assert.equal(harness.pressKey("Enter").defaultPrevented, true);
	assert.equal(harness.pressKey("Enter", { shiftKey: true }).defaultPrevented, false, "modifiers must match exactly");
	assert.deepEqual(pressed, ["Enter"]);
	harness.pressKey("Escape");
	assert.equal(closed, 1);
	assert.deepEqual(harness.openModals(), []);
	assert.equal(harness.pressKey("Enter").defaultPrevented, false, "the scope is gone with the modal");
});

test("metadataCache.getFileCache gives a note's frontmatter, or null when not indexed or not Markdown", async (t) => {
	const { app } = makeVault(t, {
		files: {
			"log.md": "---\ntype: coaching-session\ntags:\n  - career\n---\n# Log\n",
			"plain.md": "# No properties\n",
			"broken.md": "---\ntype: [unterminated\n---\n",
			"data.txt": "---\ntype: x\n---\n",
		},
	});
	const file = (path) => app.vault.getFileByPath(path);
	assert.deepEqual(app.metadataCache.getFileCache(file("log.md")), { frontmatter: { type: "coaching-session", tags: ["career"] } });
	assert.deepEqual(app.metadataCache.getFileCache(file("plain.md")), {});
	assert.deepEqual(app.metadataCache.getFileCache(file("broken.md")), {}, "invalid YAML: no properties");
	assert.equal(app.metadataCache.getFileCache(file("data.txt")), null);
	app.metadataCache.notIndexed.add("log.md");
	assert.equal(app.metadataCache.getFileCache(file("log.md")), null);
	assert.throws(() => app.metadataCache.getFileCache(app.vault.getRoot()), /expects a TFile/);
});
