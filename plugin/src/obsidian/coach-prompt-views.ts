/**
 * What the coaching modal shows of a prompt, drawn with `createEl` only (note text is always
 * shown as text): a question with its hint, definitions and the section's current text, and
 * the confirm view — what the coach understood and the lines the note will gain or lose — and an
 * entry already in the section, its values under their labels (keep, edit or remove it). Split
 * from `coach-modal.ts`, which keeps the modal's state and keys; the buttons are in
 * `coach-buttons.ts`.
 */

import type { ChangeLine, CoachPrompt, EntryAt, Progress, Reading } from "../core/wasm";

/** A question: its text, hint, the terms it uses and, for a section under review, what it says now. */
export function renderQuestionText(body: HTMLElement, prompt: Extract<CoachPrompt, { kind: "question" }>): void {
	body.createEl("p", { cls: "career-coach-question", text: prompt.question });
	if (prompt.hint !== "") {
		body.createEl("p", { cls: "career-coach-hint", text: prompt.hint });
	}
	if (prompt.definitions.length > 0) {
		const list = body.createEl("dl", { cls: "career-coach-definitions" });
		for (const { term, meaning } of prompt.definitions) {
			const row = list.createDiv({ cls: "career-coach-definition" });
			row.createEl("dt", { text: term });
			row.createEl("dd", { text: meaning });
		}
	}
	if (prompt.mode === "review" && prompt.current !== "") {
		const details = body.createEl("details", { cls: "career-coach-current" });
		details.createEl("summary", { text: "What the note says now" });
		details.createDiv({ cls: "career-coach-current-text", text: prompt.current });
	}
}

/** "Entry 2 of 3 · Sponsors", then the entry as it is now: each value under its label. */
export function renderEntryNow(body: HTMLElement, entry: EntryAt): void {
	const group = entry.group === null ? "" : ` · ${entry.group}`;
	body.createEl("h3", { cls: "career-coach-subheading career-coach-entry-heading", text: `Entry ${String(entry.number)} of ${String(entry.count)}${group}` });
	const box = body.createDiv({ cls: "career-coach-entry-now" });
	const list = box.createEl("dl", { cls: "career-coach-entry-fields" });
	entry.labels.forEach((label, i) => {
		const row = list.createDiv({ cls: "career-coach-field" });
		row.createEl("dt", { text: label });
		const value = entry.values[i] ?? "";
		row.createEl("dd", { text: value === "" ? "—" : value });
	});
}

/** An entry already in the section: the section's question, then the entry (keep, edit or remove it). */
export function renderEntry(body: HTMLElement, prompt: Extract<CoachPrompt, { kind: "entry" }>): void {
	body.createEl("p", { cls: "career-coach-question is-short", text: prompt.question });
	if (prompt.entry.number === 1) {
		body.createEl("p", { cls: "career-coach-hint", text: "The entries already here come first, one at a time: keep, edit or remove each; then add new ones." });
	}
	renderEntryNow(body, prompt.entry);
}

/** An entry's new values: the entry as it is now and how to answer (the answer box follows). */
export function renderEditEntry(body: HTMLElement, prompt: Extract<CoachPrompt, { kind: "edit-entry" }>): void {
	body.createEl("p", { cls: "career-coach-question", text: prompt.question });
	renderEntryNow(body, prompt.entry);
	body.createEl("p", { cls: "career-coach-hint", text: prompt.hint });
}

/**
 * Confirm: what the coach understood — each value under its label, each entry's values under
 * their columns, what could not be placed as "Kept as a note" — then the note's change as
 * added and removed lines. `followUp` is the deepening question a reply answers; `entry` the
 * entry an edit or a removal is about.
 */
export function renderConfirm(body: HTMLElement, understood: Reading, changes: readonly ChangeLine[], columns: readonly string[] = [], followUp?: string, entry?: EntryAt): void {
	if (followUp !== undefined) {
		body.createEl("p", { cls: "career-coach-question is-short", text: followUp });
	}
	if (entry !== undefined) {
		const group = entry.group === null ? "" : ` · ${entry.group}`;
		body.createEl("p", { cls: "career-coach-question is-short", text: `${understood.remove?.length ? "Remove" : "Change"} entry ${String(entry.number)} of ${String(entry.count)}${group}?` });
	}
	// Not "Here is what I understood": the review's sentence-case rule (which may not be
	// disabled) reads the pronoun "I" as a capital letter out of place.
	body.createEl("h3", { cls: "career-coach-subheading", text: "Here is what the coach understood" });
	const reading = body.createDiv({ cls: "career-coach-understood" });
	const labelled = (parent: HTMLElement, cls: string, rows: readonly (readonly [string, string])[]): void => {
		if (rows.length === 0) {
			return;
		}
		const list = parent.createEl("dl", { cls });
		for (const [label, value] of rows) {
			const row = list.createDiv({ cls: "career-coach-field" });
			row.createEl("dt", { text: label });
			row.createEl("dd", { text: value === "" ? "—" : value });
		}
	};
	labelled(reading, "career-coach-fields", understood.fields.map(({ label, value }) => [label, value] as const));
	if (understood.entries.length > 0) {
		const entries = reading.createEl("ol", { cls: "career-coach-entries" });
		for (const cells of understood.entries) {
			labelled(entries.createEl("li", { cls: "career-coach-entry" }), "career-coach-entry-fields", cells.map((cell, i) => [columns[i] ?? `Value ${String(i + 1)}`, cell] as const));
		}
	}
	if (understood.items.length > 0) {
		const items = reading.createEl("ul", { cls: "career-coach-items" });
		for (const item of understood.items) {
			items.createEl("li", { text: item });
		}
	}
	if (understood.fields.length + understood.entries.length + understood.items.length + understood.unplaced.length + (understood.remove?.length ?? 0) === 0) {
		reading.createEl("p", { cls: "career-coach-hint", text: "Nothing that fits this section." });
	}
	for (const text of understood.remove ?? []) {
		reading.createEl("p", { cls: "career-coach-remove", text: `Remove: ${text}` });
	}
	for (const text of understood.unplaced) {
		reading.createEl("p", { cls: "career-coach-unplaced", text: `Kept as a note: ${text}` });
	}

	body.createEl("h3", { cls: "career-coach-subheading", text: "The note will change like this" });
	if (changes.length === 0) {
		body.createEl("p", { cls: "career-coach-hint", text: "The note will not change." });
		return;
	}
	const block = body.createDiv({ cls: "career-coach-changes", attr: { role: "list" } });
	for (const change of changes) {
		const added = change.sign === "+";
		const line = block.createDiv({
			cls: ["career-coach-change", added ? "is-added" : "is-removed"],
			attr: { role: "listitem", "aria-label": `${added ? "Added" : "Removed"}: ${change.text}` },
		});
		line.createSpan({ cls: "career-coach-change-sign", text: added ? "+" : "−", attr: { "aria-hidden": "true" } });
		line.createSpan({ cls: "career-coach-change-text", text: change.text === "" ? " " : change.text });
	}
}

/** The answer box holding `value`; with `keys`, the keyboard hint under it. */
export function renderAnswerBox(body: HTMLElement, value: string, placeholder: string, keys: boolean, onInput: () => void): HTMLTextAreaElement {
	const textarea = body.createEl("textarea", {
		cls: "career-coach-answer",
		attr: { rows: "5", placeholder, "aria-label": "Your answer", spellcheck: "true" },
	});
	textarea.value = value;
	textarea.addEventListener("input", onInput);
	if (keys) {
		body.createDiv({ cls: "career-coach-keys", text: "Enter: next · Shift+Enter: new line · Esc: pause" });
	}
	return textarea;
}

/** The header: "3 of 12" and a progress bar; a "review" badge on the title when the section has content. */
export function renderProgress(header: HTMLElement, titleEl: HTMLElement, progress: Progress, review: boolean): void {
	if (review) {
		titleEl.createSpan({
			cls: "career-coach-badge",
			text: "review",
			attr: { title: "This section already has content; nothing in it is overwritten." },
		});
	}
	const { current, total } = progress;
	header.createSpan({ cls: "career-coach-progress-text", text: `${String(current)} of ${String(total)}` });
	header.createEl("progress", {
		cls: "career-coach-progress",
		attr: { max: String(total), value: String(current), "aria-label": `Section ${String(current)} of ${String(total)}` },
	});
}
