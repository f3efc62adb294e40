/**
 * `Notice`, recording every message so tests can read what the user was told.
 *
 * A notice is also rendered into `document.body` (`.notice-container > .notice`), as in
 * Obsidian. `noticeLog` holds `{ message, duration }` entries in order; a `DocumentFragment`
 * message is recorded by its text.
 */

"use strict";

/** Every notice shown since the last `takeNotices()`, oldest first. */
const noticeLog = [];

class Notice {
	constructor(message, duration) {
		const doc = globalThis.document;
		let container = doc.body.querySelector(".notice-container");
		if (container === null) {
			container = doc.body.createDiv("notice-container");
		}
		this.containerEl = container.createDiv("notice");
		this.messageEl = this.containerEl.createDiv("notice-message");
		this.noticeEl = this.messageEl;
		this.entry = { message: "", duration };
		noticeLog.push(this.entry);
		this.setMessage(message);
	}

	setMessage(message) {
		if (typeof message !== "string" && !(message instanceof globalThis.DocumentFragment)) {
			throw new TypeError(`Notice message must be a string or DocumentFragment, got ${typeof message}.`);
		}
		this.messageEl.setText(message);
		this.entry.message = this.messageEl.textContent ?? "";
		return this;
	}

	hide() {
		this.containerEl.detach();
	}
}

/** Returns the recorded notices' messages and clears the log. */
function takeNotices() {
	return noticeLog.splice(0).map((entry) => entry.message);
}

module.exports = { Notice, noticeLog, takeNotices };
