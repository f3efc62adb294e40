/**
 * Views: `View`, `ItemView`, `TextFileView`-like `MarkdownView` with an `Editor`.
 *
 * `WorkspaceLeaf.openFile` gives a Markdown file a `MarkdownView` whose `editor` holds the
 * file's text (see editor.js for how lines and positions behave). What Obsidian does with an
 * open note and is emulated here:
 * - A change in the editor is saved to the file through `vault.modify`, as Obsidian's view
 *   does; Obsidian waits about two seconds (or until the note is closed), the emulation saves
 *   at once so tests can read the file right after an edit. A test that needs an unsaved
 *   editor can set `view.autoSave = false` and call `view.save()` itself.
 * - When the file changes on disk by other means (`vault.process`, `vault.modify`, sync), the
 *   open views of that file reload it unless they hold unsaved changes, as Obsidian does.
 */

"use strict";

const { Component } = require("./plugin");
const { Editor, splitLines } = require("./editor");

class View extends Component {
	constructor(leaf) {
		super();
		this.leaf = leaf;
		this.app = leaf?.workspace?.app;
		this.containerEl = globalThis.createDiv("workspace-leaf-content");
	}

	getViewType() {
		return "empty";
	}

	getDisplayText() {
		return "";
	}
}

class ItemView extends View {}

class MarkdownView extends ItemView {
	constructor(leaf) {
		super(leaf);
		this.file = null;
		/** Emulation only: save each change at once (Obsidian: after ~2 s). */
		this.autoSave = true;
		/** Emulation only: true while the editor holds text that is not in the file yet. */
		this.dirty = false;
		this.editor = new Editor("", () => this.onEditorChange());
	}

	getViewType() {
		return "markdown";
	}

	getMode() {
		return "source";
	}

	getDisplayText() {
		return this.file?.basename ?? "";
	}

	getViewData() {
		return this.editor.getValue();
	}

	setViewData(data, clear) {
		this.editor.replaceDocument(data, { silent: true });
		this.dirty = false;
	}

	clear() {
		this.editor.replaceDocument("", { silent: true });
	}

	/** Loads `file` into the editor (what opening a note does). */
	async loadFile(file) {
		this.file = file;
		this.setViewData(this.app.vault.readNow(file), true);
	}

	/** Writes the editor's text to the file, as Obsidian's view does, through `vault.modify`. */
	async save() {
		if (this.file === null || !this.dirty) {
			return;
		}
		this.dirty = false;
		await this.app.vault.modify(this.file, this.getViewData());
	}

	requestSave() {
		void this.save();
	}

	onEditorChange() {
		this.dirty = true;
		if (this.autoSave) {
			this.requestSave();
		}
	}

	/** Emulation only: the file changed on disk; reload unless this view has unsaved changes. */
	fileChangedOnDisk(text) {
		// The view's own save writes the editor's text: nothing to reload then.
		if (this.dirty) {
			return;
		}
		if (splitLines(text).join("\n") !== this.editor.getValue()) {
			this.setViewData(text, false);
		}
	}
}

module.exports = { View, ItemView, MarkdownView };
