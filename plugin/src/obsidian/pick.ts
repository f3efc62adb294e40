/**
 * A generic "pick one" suggester: resolves with the chosen item, or null when the person closes
 * it. Used for the section to coach and for the goal and status choices of the goals commands.
 */

import { FuzzySuggestModal } from "obsidian";
import type { App, FuzzyMatch } from "obsidian";

/** One choice: what is matched and shown, and an optional note under it. */
export interface Choice<T> {
	value: T;
	label: string;
	note?: string;
}

/** Lets the person pick one of `choices` by fuzzy search on its label. */
export function pickOne<T>(app: App, placeholder: string, choices: readonly Choice<T>[]): Promise<T | null> {
	return new Promise((resolve) => {
		new PickModal(app, placeholder, choices, resolve).open();
	});
}

class PickModal<T> extends FuzzySuggestModal<Choice<T>> {
	private readonly choices: readonly Choice<T>[];
	private resolve: ((value: T | null) => void) | null;

	constructor(app: App, placeholder: string, choices: readonly Choice<T>[], resolve: (value: T | null) => void) {
		super(app);
		this.choices = choices;
		this.resolve = resolve;
		this.setPlaceholder(placeholder);
		this.emptyStateText = "No match.";
	}

	override getItems(): Choice<T>[] {
		return [...this.choices];
	}

	override getItemText(choice: Choice<T>): string {
		return choice.label;
	}

	override renderSuggestion(match: FuzzyMatch<Choice<T>>, el: HTMLElement): void {
		super.renderSuggestion(match, el);
		el.addClass("career-coach-suggestion");
		if (match.item.note !== undefined) {
			el.createEl("small", { cls: "career-coach-suggestion-note", text: match.item.note });
		}
	}

	override onChooseItem(choice: Choice<T>): void {
		this.settle(choice.value);
	}

	override onClose(): void {
		super.onClose();
		// Obsidian closes a suggester before it calls onChooseItem: let the choice arrive first.
		void Promise.resolve().then(() => {
			this.settle(null);
		});
	}

	private settle(value: T | null): void {
		const resolve = this.resolve;
		this.resolve = null;
		resolve?.(value);
	}
}
