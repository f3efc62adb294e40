/**
 * `Workspace` and `WorkspaceLeaf`: opening files in leaves, finding views, waiting for the
 * layout.
 *
 * `getLeaf(...).openFile(file)` makes the leaf the active one, gives it a view and fires
 * `file-open` and `active-leaf-change`; tests read `openedFiles` (and `openStates`) to see what a
 * command opened, and how.
 * A Markdown file gets a `MarkdownView` whose `editor` holds the file's text (views.js,
 * editor.js); any other file a plain `View`. `getActiveViewOfType(type)` returns the active
 * leaf's view when it is an instance of `type`, and `getLeavesOfType("markdown")` every leaf
 * showing a Markdown view, as in Obsidian. A fresh workspace has no leaf open, as when every
 * tab is closed, so `getActiveViewOfType` is null until something is opened.
 * `onLayoutReady` runs its callback at once when the layout is ready, or queues it until the
 * test calls `app.workspace.emulateLayoutReady()`.
 */

"use strict";

const { Events } = require("./events");
const { TFile } = require("./files");
const { MarkdownView, View } = require("./views");

class WorkspaceLeaf {
	constructor(workspace) {
		this.workspace = workspace;
		this.file = null;
		this.view = null;
	}

	async openFile(file, openState) {
		if (!(file instanceof TFile)) {
			throw new TypeError("WorkspaceLeaf.openFile expects a TFile.");
		}
		this.workspace.app.vault.assertLive(file, TFile);
		if (this.view instanceof MarkdownView) {
			await this.view.save(); // Obsidian saves a note before the leaf shows another.
		}
		this.view?.unload();
		this.file = file;
		if (file.extension === "md") {
			const view = new MarkdownView(this);
			await view.loadFile(file);
			this.view = view;
		} else {
			this.view = new View(this);
		}
		this.view.load();
		this.workspace.activeLeaf = this;
		this.workspace.openedFiles.push(file.path);
		this.workspace.openStates.push(openState ?? null);
		this.workspace.trigger("file-open", file);
		this.workspace.trigger("active-leaf-change", this);
	}

	getViewState() {
		return { type: this.view?.getViewType() ?? "empty", state: { file: this.file?.path } };
	}

	detach() {
		this.view?.unload();
		this.view = null;
		this.workspace.leaves = this.workspace.leaves.filter((leaf) => leaf !== this);
		if (this.workspace.activeLeaf === this) {
			this.workspace.activeLeaf = null;
		}
	}
}

class Workspace extends Events {
	constructor(app, { layoutReady = true } = {}) {
		super();
		this.app = app;
		this.layoutReady = layoutReady;
		this.layoutReadyCallbacks = [];
		this.leaves = [];
		this.activeLeaf = null;
		/** Emulation only: the path of every file opened, in order. */
		this.openedFiles = [];
		/** Emulation only: the `openState` each of them was opened with (null when none). */
		this.openStates = [];
	}

	onLayoutReady(callback) {
		if (this.layoutReady) {
			callback();
		} else {
			this.layoutReadyCallbacks.push(callback);
		}
	}

	/** Emulation only: marks the layout ready and runs the queued callbacks. */
	emulateLayoutReady() {
		this.layoutReady = true;
		for (const callback of this.layoutReadyCallbacks.splice(0)) {
			callback();
		}
		this.trigger("layout-ready");
	}

	getLeaf(newLeaf) {
		if (!newLeaf && this.activeLeaf !== null) {
			return this.activeLeaf;
		}
		const leaf = new WorkspaceLeaf(this);
		this.leaves.push(leaf);
		return leaf;
	}

	getActiveFile() {
		return this.activeLeaf?.file ?? null;
	}

	getActiveViewOfType(type) {
		const view = this.activeLeaf?.view ?? null;
		return view instanceof type ? view : null;
	}

	getLeavesOfType(type) {
		return this.leaves.filter((leaf) => leaf.view !== null && leaf.view.getViewType() === type);
	}

	/** Emulation only: a file was written; the views showing it reload it (see views.js). */
	fileWritten(file, text) {
		for (const leaf of this.leaves) {
			if (leaf.view instanceof MarkdownView && leaf.view.file === file) {
				leaf.view.fileChangedOnDisk(text);
			}
		}
	}

	iterateAllLeaves(callback) {
		for (const leaf of this.leaves) {
			callback(leaf);
		}
	}
}

module.exports = { Workspace, WorkspaceLeaf };
