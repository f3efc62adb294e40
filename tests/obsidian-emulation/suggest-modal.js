/**
 * `SuggestModal` and `FuzzySuggestModal`: the command-palette-like picker.
 *
 * Markup as in Obsidian: the modal gets the `prompt` class, an `input.prompt-input` in a
 * `.prompt-input-container`, and a `.prompt-results` list of `.suggestion-item` elements, the
 * selected one with `is-selected`. Typing refreshes the list (`getSuggestions`), ArrowDown and
 * ArrowUp move the selection, Enter or a click chooses. As in Obsidian, choosing closes the
 * modal first and then calls `onChooseSuggestion` — so `onClose` runs before the choice arrives,
 * which plugins must allow for.
 *
 * `FuzzySuggestModal` matches the query's characters in order, case-insensitively, in each
 * item's `getItemText`; an empty query lists every item in order. Better matches (contiguous,
 * earlier) come first; the match's ranges are highlighted with `span.fuzzy-match`.
 */

"use strict";

const { Modal } = require("./modal");

class SuggestModal extends Modal {
	constructor(app) {
		super(app);
		this.limit = 100;
		this.emptyStateText = "No results found.";
		this.modalEl.addClass("prompt");
		this.modalEl.removeChild(this.titleEl);
		this.modalEl.removeChild(this.contentEl);
		const container = this.modalEl.createDiv("prompt-input-container");
		this.inputEl = container.createEl("input", { cls: "prompt-input", type: "text", attr: { enterkeyhint: "done" } });
		this.resultContainerEl = this.modalEl.createDiv("prompt-results");
		this.instructionsEl = this.modalEl.createDiv("prompt-instructions");
		this.values = [];
		this.selected = 0;
		this.inputEl.addEventListener("input", () => void this.updateSuggestions());
		this.scope.register([], "ArrowDown", () => {
			this.setSelected(this.selected + 1);
			return false;
		});
		this.scope.register([], "ArrowUp", () => {
			this.setSelected(this.selected - 1);
			return false;
		});
		this.scope.register([], "Enter", (evt) => {
			this.selectActiveSuggestion(evt);
			return false;
		});
	}

	open() {
		super.open();
		this.inputEl.focus();
		void this.updateSuggestions();
	}

	setPlaceholder(placeholder) {
		this.inputEl.setAttribute("placeholder", placeholder);
	}

	setInstructions(instructions) {
		this.instructionsEl.empty();
		for (const { command, purpose } of instructions) {
			const row = this.instructionsEl.createDiv("prompt-instruction");
			row.createSpan({ cls: "prompt-instruction-command", text: command });
			row.createSpan({ text: purpose });
		}
	}

	async updateSuggestions() {
		const values = await this.getSuggestions(this.inputEl.value);
		this.values = values.slice(0, this.limit > 0 ? this.limit : undefined);
		this.resultContainerEl.empty();
		if (this.values.length === 0) {
			this.onNoSuggestion();
			return;
		}
		this.values.forEach((value, index) => {
			const el = this.resultContainerEl.createDiv("suggestion-item");
			this.renderSuggestion(value, el);
			el.addEventListener("click", (evt) => this.selectSuggestion(value, evt));
			el.addEventListener("mousemove", () => this.setSelected(index));
		});
		this.setSelected(0);
	}

	onNoSuggestion() {
		this.resultContainerEl.createDiv({ cls: "suggestion-empty", text: this.emptyStateText });
	}

	setSelected(index) {
		const items = [...this.resultContainerEl.querySelectorAll(".suggestion-item")];
		if (items.length === 0) {
			return;
		}
		this.selected = (index + items.length) % items.length;
		items.forEach((item, i) => item.toggleClass("is-selected", i === this.selected));
	}

	selectSuggestion(value, evt) {
		this.close();
		this.onChooseSuggestion(value, evt);
	}

	selectActiveSuggestion(evt) {
		const value = this.values[this.selected];
		if (value !== undefined) {
			this.selectSuggestion(value, evt);
		}
	}

	getSuggestions() {
		throw new Error("SuggestModal subclasses must implement getSuggestions().");
	}

	renderSuggestion() {
		throw new Error("SuggestModal subclasses must implement renderSuggestion().");
	}

	onChooseSuggestion() {
		throw new Error("SuggestModal subclasses must implement onChooseSuggestion().");
	}
}

class FuzzySuggestModal extends SuggestModal {
	getSuggestions(query) {
		const wanted = query.trim().toLowerCase();
		const matches = [];
		for (const item of this.getItems()) {
			const match = fuzzyMatch(wanted, this.getItemText(item));
			if (match !== null) {
				matches.push({ item, match });
			}
		}
		return wanted === "" ? matches : matches.sort((a, b) => b.match.score - a.match.score);
	}

	renderSuggestion(result, el) {
		const text = this.getItemText(result.item);
		let at = 0;
		for (const [start, end] of result.match.matches) {
			el.appendText(text.slice(at, start));
			el.createSpan({ cls: "fuzzy-match", text: text.slice(start, end) });
			at = end;
		}
		el.appendText(text.slice(at));
	}

	onChooseSuggestion(result, evt) {
		this.onChooseItem(result.item, evt);
	}
}

/** The query's characters in order in `text`: `{ score, matches: [start, end][] }`, or null. */
function fuzzyMatch(query, text) {
	const lower = text.toLowerCase();
	const matches = [];
	let from = 0;
	let score = 0;
	for (const char of query) {
		if (char === " ") {
			continue;
		}
		const at = lower.indexOf(char, from);
		if (at === -1) {
			return null;
		}
		const last = matches[matches.length - 1];
		if (last !== undefined && last[1] === at) {
			last[1] = at + 1;
			score += 2;
		} else {
			matches.push([at, at + 1]);
			score -= at / 100;
		}
		from = at + 1;
	}
	return { score, matches };
}

module.exports = { SuggestModal, FuzzySuggestModal };
