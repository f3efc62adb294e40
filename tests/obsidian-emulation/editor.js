/**
 * `Editor`: Obsidian's editor interface over one document, as CodeMirror 6 implements it.
 *
 * What matters for plugins and is emulated faithfully:
 * - Positions are `{ line, ch }`, both 0-based, `ch` in UTF-16 code units (what JavaScript
 *   strings count: `🎯` is 2, `准` is 1). `posToOffset`/`offsetToPos` convert to UTF-16 offsets
 *   into `getValue()`.
 * - The document is a list of lines. Like CodeMirror 6 with its default configuration (which
 *   Obsidian uses), text is split at `\n`, `\r\n` and a lone `\r`, and `getValue()` joins the
 *   lines with `\n`: a CRLF file opened in the editor reads back with LF, and is saved with LF
 *   once edited (Obsidian users see exactly that: editing a CRLF note converts it).
 * - `transaction({ changes })` applies every change against the document as it was before the
 *   transaction, as CodeMirror does for the changes of one transaction, in one step.
 *
 * Stricter than Obsidian, to catch plugin bugs: a position outside the document (a line that
 * does not exist, a `ch` past the end of its line) throws instead of being clamped, changes of
 * one transaction may not overlap, and the few members not emulated throw when called.
 *
 * Saving: the editor calls `onChange` after every change; `MarkdownView` (views.js) saves the
 * document to the file at once, where Obsidian would save it about two seconds later. Tests can
 * therefore read the file right after an edit; see views.js.
 */

"use strict";

/** CodeMirror 6's default line splitting: `\r\n`, `\r` and `\n` all end a line. */
function splitLines(text) {
	return String(text).split(/\r\n|\r|\n/);
}

class Editor {
	/**
	 * @param {string} text the initial document
	 * @param {(editor: Editor) => void} [onChange] called after every change (the view saves)
	 */
	constructor(text = "", onChange = () => {}) {
		this.lines = splitLines(text);
		this.onChange = onChange;
		this.cursor = { line: 0, ch: 0 };
		this.focused = false;
		/** Emulation only: how many transactions (and other edits) the editor has applied. */
		this.changeCount = 0;
	}

	getDoc() {
		return this;
	}

	refresh() {}

	getValue() {
		return this.lines.join("\n");
	}

	setValue(content) {
		this.replaceDocument(content);
	}

	getLine(line) {
		this.checkLine(line);
		return this.lines[line];
	}

	setLine(n, text) {
		this.replaceRange(text, { line: n, ch: 0 }, { line: n, ch: this.getLine(n).length });
	}

	lineCount() {
		return this.lines.length;
	}

	lastLine() {
		return this.lines.length - 1;
	}

	getRange(from, to) {
		return this.getValue().slice(this.posToOffset(from), this.posToOffset(to));
	}

	replaceRange(replacement, from, to, origin) {
		this.transaction({ changes: [{ from, to: to ?? from, text: replacement }] }, origin);
	}

	getSelection() {
		return "";
	}

	somethingSelected() {
		return false;
	}

	getCursor() {
		return { ...this.cursor };
	}

	setCursor(pos, ch) {
		const target = typeof pos === "number" ? { line: pos, ch: ch ?? 0 } : pos;
		this.posToOffset(target);
		this.cursor = { line: target.line, ch: target.ch };
	}

	listSelections() {
		return [{ anchor: this.getCursor(), head: this.getCursor() }];
	}

	setSelection(anchor) {
		this.setCursor(anchor);
	}

	focus() {
		this.focused = true;
	}

	blur() {
		this.focused = false;
	}

	hasFocus() {
		return this.focused;
	}

	/** Offset (UTF-16 units into `getValue()`) of a `{ line, ch }` position. */
	posToOffset(pos) {
		if (pos === null || typeof pos !== "object" || !Number.isInteger(pos.line) || !Number.isInteger(pos.ch)) {
			throw new TypeError(`Expected an editor position { line, ch } with integers, got ${JSON.stringify(pos)}.`);
		}
		this.checkLine(pos.line);
		const length = this.lines[pos.line].length;
		if (pos.ch < 0 || pos.ch > length) {
			throw new RangeError(`Position ${JSON.stringify(pos)} is outside line ${pos.line}, which has ${length} characters.`);
		}
		let offset = 0;
		for (let i = 0; i < pos.line; i++) {
			offset += this.lines[i].length + 1;
		}
		return offset + pos.ch;
	}

	/** The `{ line, ch }` position of an offset (UTF-16 units into `getValue()`). */
	offsetToPos(offset) {
		const total = this.getValue().length;
		if (!Number.isInteger(offset) || offset < 0 || offset > total) {
			throw new RangeError(`Offset ${offset} is outside the document (0..${total}).`);
		}
		let rest = offset;
		for (let line = 0; line < this.lines.length; line++) {
			if (rest <= this.lines[line].length) {
				return { line, ch: rest };
			}
			rest -= this.lines[line].length + 1;
		}
		throw new RangeError(`Offset ${offset} could not be placed.`);
	}

	/**
	 * Applies `tx.changes` (each `{ from, to?, text }`) against the document as it is now, all
	 * in one step; `tx.selection` then moves the cursor. Changes may come in any order; two
	 * insertions at the same place keep their order.
	 */
	transaction(tx, origin) {
		if (tx === null || typeof tx !== "object") {
			throw new TypeError("Editor.transaction expects an EditorTransaction object.");
		}
		if (tx.replaceSelection !== undefined || tx.selections !== undefined) {
			throw new Error("The emulated Editor does not implement replaceSelection or selections in transactions.");
		}
		const before = this.getValue();
		const changes = (tx.changes ?? []).map((change, index) => {
			if (typeof change.text !== "string") {
				throw new TypeError(`Change ${index} has no text.`);
			}
			const from = this.posToOffset(change.from);
			const to = change.to === undefined ? from : this.posToOffset(change.to);
			if (to < from) {
				throw new RangeError(`Change ${index} ends before it starts.`);
			}
			return { from, to, text: change.text, index };
		});
		changes.sort((a, b) => a.from - b.from || a.to - b.to || a.index - b.index);
		for (let i = 1; i < changes.length; i++) {
			if (changes[i].from < changes[i - 1].to) {
				throw new RangeError(`Changes ${changes[i - 1].index} and ${changes[i].index} overlap.`);
			}
		}
		let after = "";
		let copied = 0;
		for (const change of changes) {
			after += before.slice(copied, change.from) + change.text;
			copied = change.to;
		}
		after += before.slice(copied);
		if (changes.length > 0) {
			this.lines = splitLines(after);
			this.changeCount += 1;
		}
		if (tx.selection !== undefined) {
			this.setCursor(tx.selection.from);
		} else {
			this.cursor = this.clampCursor(this.cursor);
		}
		if (changes.length > 0) {
			this.onChange(this, origin);
		}
	}

	// --- emulation internals -----------------------------------------------------------------

	/** Replaces the whole document (as loading a file into the view does) and reports the change. */
	replaceDocument(content, { silent = false } = {}) {
		this.lines = splitLines(content);
		this.changeCount += 1;
		this.cursor = this.clampCursor(this.cursor);
		if (!silent) {
			this.onChange(this);
		}
	}

	checkLine(line) {
		if (!Number.isInteger(line) || line < 0 || line >= this.lines.length) {
			throw new RangeError(`Line ${line} does not exist (the document has ${this.lines.length} lines).`);
		}
	}

	clampCursor(cursor) {
		const line = Math.min(cursor.line, this.lines.length - 1);
		return { line, ch: Math.min(cursor.ch, this.lines[line].length) };
	}

	undo() {
		throw new Error("The emulated Editor does not implement undo.");
	}

	redo() {
		throw new Error("The emulated Editor does not implement redo.");
	}
}

module.exports = { Editor, splitLines };
