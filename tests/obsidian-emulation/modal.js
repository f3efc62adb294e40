/**
 * `Modal`: a dialog attached to `document.body` while open.
 *
 * `open()` attaches the elements and calls `onOpen()`; `close()` detaches them and calls
 * `onClose()`. Tests find the open modal's content under `.modal-container .modal-content`.
 */

"use strict";

class Modal {
	constructor(app) {
		this.app = app;
		this.containerEl = globalThis.createDiv("modal-container");
		this.modalEl = this.containerEl.createDiv("modal");
		this.titleEl = this.modalEl.createDiv("modal-title");
		this.contentEl = this.modalEl.createDiv("modal-content");
		this.shouldRestoreSelection = true;
		this.isOpen = false;
	}

	open() {
		if (this.isOpen) {
			return;
		}
		this.isOpen = true;
		globalThis.document.body.appendChild(this.containerEl);
		this.onOpen();
	}

	close() {
		if (!this.isOpen) {
			return;
		}
		this.isOpen = false;
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

module.exports = { Modal };
