/**
 * `Workspace` and `WorkspaceLeaf`: enough to open files and to wait for the layout.
 *
 * There are no real views. `getLeaf(...).openFile(file)` records the file as the leaf's and
 * the workspace's active file (tests read `openedFiles` to see what a command opened) and
 * fires `file-open`; `getActiveViewOfType` returns null, as when no editor is focused.
 * `onLayoutReady` runs its callback at once when the layout is ready, or queues it until the
 * test calls `app.workspace.emulateLayoutReady()`.
 */

"use strict";

const { Events } = require("./events");
const { TFile } = require("./files");

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
		this.file = file;
		this.workspace.activeLeaf = this;
		this.workspace.openedFiles.push(file.path);
		this.workspace.trigger("file-open", file);
		this.workspace.trigger("active-leaf-change", this);
	}

	getViewState() {
		return { type: this.file === null ? "empty" : "markdown", state: { file: this.file?.path } };
	}

	detach() {
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
		return null;
	}

	getLeavesOfType(type) {
		return [];
	}

	iterateAllLeaves(callback) {
		for (const leaf of this.leaves) {
			callback(leaf);
		}
	}
}

module.exports = { Workspace, WorkspaceLeaf };
