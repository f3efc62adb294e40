/**
 * `Modal`: a dialog attached to `document.body` while open, with its own key scope.
 *
 * As in Obsidian: `open()` attaches the elements (`.modal-container > .modal` with a
 * `.modal-close-button`, `.modal-title` and `.modal-content`), pushes the modal's `scope` on
 * the app's keymap and calls `onOpen()`; `close()` detaches them, pops the scope and calls
 * `onClose()`. The scope inherits from `app.scope` and has Escape bound to `close()`. Clicking
 * the close button or the dimmed background closes the modal too.
 *
 * Tests find the open modal under `.modal-container`; `harness.pressKey` sends keys to it and
 * `harness.waitForModal` waits for a command to open one.
 */

"use strict";

const { Scope } = require("./keymap");

/** Every modal open right now, so a test's cleanup can close what a failed test left open. */
const openModals = new Set();

class Modal {
	constructor(app) {
		this.app = app;
		this.scope = new Scope(app.scope);
		this.scope.register([], "Escape", () => {
			this.close();
			return false;
		});
		this.containerEl = globalThis.createDiv("modal-container");
		this.bgEl = this.containerEl.createDiv("modal-bg");
		this.modalEl = this.containerEl.createDiv("modal");
		this.closeButtonEl = this.modalEl.createDiv({ cls: "modal-close-button", attr: { "aria-label": "Close" } });
		this.titleEl = this.modalEl.createDiv("modal-title");
		this.contentEl = this.modalEl.createDiv("modal-content");
		this.shouldRestoreSelection = true;
		this.isOpen = false;
		this.closeButtonEl.addEventListener("click", () => this.close());
		this.bgEl.addEventListener("click", () => this.close());
	}

	open() {
		if (this.isOpen) {
			return;
		}
		this.isOpen = true;
		openModals.add(this);
		globalThis.document.body.appendChild(this.containerEl);
		this.app.keymap.pushScope(this.scope);
		this.onOpen();
	}

	close() {
		if (!this.isOpen) {
			return;
		}
		this.isOpen = false;
		openModals.delete(this);
		this.app.keymap.popScope(this.scope);
		this.containerEl.detach();
		this.onClose();
	}

	onOpen() {}

	onClose() {}

	setTitle(title) {
		this.titleEl.setText(title);
		return this;
	}

	setContent(content) {
		this.contentEl.setText(content);
		return this;
	}
}

/** Closes every open modal (test cleanup). */
function closeAllModals() {
	for (const modal of [...openModals]) {
		modal.close();
	}
}

module.exports = { Modal, closeAllModals };
