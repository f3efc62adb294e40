/**
 * The coaching modal's action row: the buttons each prompt offers, always in the one order
 * of the prompt grammar (the same as `career coach` in a terminal): the primary action first
 * (Next; Confirm and Edit; at an entry Keep, Edit, Remove and Add), then Skip, Back, Pause,
 * Decision and Thread.
 */

import type { CoachAction, CoachPrompt } from "../core/wasm";

/** One button of the action row. */
export interface ButtonSpec {
	label: string;
	run: () => void;
	/** The action Enter performs; shown as the call to action. */
	primary?: boolean;
	tooltip?: string;
	disabled?: boolean;
}

/** "Next": sends the typed answer (empty skips); what Enter does. */
export function nextButton(run: () => void): ButtonSpec {
	return { label: "Next", primary: true, tooltip: "Send your answer (empty skips)", run };
}

/** A button sending one action of the session (Skip, Back, Confirm…). */
export function actionButton(label: string, tooltip: string, run: () => void): ButtonSpec {
	return { label, tooltip, run };
}

/** "Pause": closes the modal, which pauses the session. */
export function pauseButton(run: () => void): ButtonSpec {
	return { label: "Pause", tooltip: "Pause and close; resume later", run };
}

/** "Close", once there is nothing left to do. */
export function closeButton(run: () => void): ButtonSpec {
	return { label: "Close", primary: true, run };
}

/** What the buttons of a prompt do, in the modal that shows them. */
export interface PromptHandlers {
	/** Sends the typed answer. */
	next: () => void;
	/** Sends one action of the session. */
	step: (action: CoachAction) => void;
	/** Pauses and closes. */
	pause: () => void;
	/** Closes, once there is nothing left to do. */
	close: () => void;
	/** Opens the form for a decision or an open thread. */
	aside: (kind: "decision" | "thread") => void;
}

/**
 * The buttons of `prompt`, in the grammar's order: the primary action (Next; Confirm and Edit;
 * at an entry Keep, Edit, Remove and Add), then Skip, Back, Pause, Decision and Thread, at every
 * prompt. `walked`: the section's entries were offered one by one, so Back at its question is
 * the last entry.
 */
export function promptButtons(prompt: CoachPrompt, h: PromptHandlers, walked = false): ButtonSpec[] {
	if (prompt.kind === "done") {
		return [closeButton(h.close)];
	}
	const step = (label: string, action: CoachAction, tooltip: string): ButtonSpec => actionButton(label, tooltip, () => {
		h.step(action);
	});
	const entry = prompt.kind === "confirm" ? (prompt.entry ?? null) : prompt.kind === "entry" || prompt.kind === "edit-entry" ? prompt.entry : null;
	let lead: ButtonSpec[];
	if (prompt.kind === "entry") {
		lead = [
			{ ...step("Keep", { action: "keep" }, "Leave this entry as it is"), primary: true },
			step("Edit", { action: "edit" }, "Change this entry (read back before it is written)"),
			step("Remove", { action: "remove" }, "Remove this entry (asked first)"),
			step("Add", { action: "add" }, "Keep the rest as they are and add new entries"),
		];
	} else if (prompt.kind === "confirm") {
		lead = [{ ...step("Confirm", { action: "confirm" }, "Write this to the note"), primary: true }, step("Edit", { action: "edit" }, "Change your answer")];
	} else {
		lead = [nextButton(h.next)];
	}
	const skip =
		prompt.kind === "deepen" || (prompt.kind === "confirm" && prompt.follow_up !== undefined)
			? "Skip this question"
			: entry !== null && prompt.kind !== "entry"
				? "Keep this entry as it is"
				: "Skip this section";
	return [
		...lead,
		step("Skip", { action: "skip" }, skip),
		backButton(prompt, entry !== null, walked, step),
		pauseButton(h.pause),
		actionButton("Decision", "Note a decision and why, for the session log", () => {
			h.aside("decision");
		}),
		actionButton("Thread", "Note an open thread for next time", () => {
			h.aside("thread");
		}),
	];
}

/**
 * Back, which is the previous question: the previous entry, this entry's choice (from its new
 * values or its confirmation), the last entry (at the question after a walk), or the previous
 * section; disabled at the first question of the first section.
 */
function backButton(prompt: Exclude<CoachPrompt, { kind: "done" }>, aboutEntry: boolean, walked: boolean, step: (label: string, action: CoachAction, tooltip: string) => ButtonSpec): ButtonSpec {
	let tooltip = "Back to the previous section";
	if (prompt.kind === "entry" && prompt.entry.number > 1) {
		tooltip = "Back to the previous entry";
	} else if (aboutEntry && prompt.kind !== "entry") {
		tooltip = "Back to this entry";
	} else if (prompt.kind === "question" && walked) {
		tooltip = "Back to the last entry";
	} else if (prompt.progress.current <= 1) {
		return { ...step("Back", { action: "back" }, "This is the first section"), disabled: true };
	}
	return step("Back", { action: "back" }, tooltip);
}

/**
 * Draws `buttons` into `container` (emptied first), in tab order; a click runs its button
 * unless `busy()`. Returns the primary button and what it runs (what Enter does), if any.
 */
export function renderActionRow(container: HTMLElement, buttons: readonly ButtonSpec[], busy: () => boolean): { button: HTMLButtonElement; run: () => void } | null {
	container.empty();
	let primary: { button: HTMLButtonElement; run: () => void } | null = null;
	for (const { label, run, primary: isPrimary, tooltip, disabled } of buttons) {
		const button = container.createEl("button", { text: label });
		if (isPrimary === true) {
			button.addClass("mod-cta");
			primary = { button, run };
		}
		if (tooltip !== undefined) {
			button.setAttr("title", tooltip);
		}
		button.disabled = disabled === true;
		button.addEventListener("click", () => {
			if (!busy()) {
				run();
			}
		});
	}
	return primary;
}

/**
 * Whether Enter runs the primary action: not while composing, not on another button, not in a
 * phone's textarea (Enter is a new line there) and not on a `<summary>` (it toggles).
 */
export function enterRunsPrimary(evt: KeyboardEvent, primary: HTMLButtonElement | null, textarea: HTMLTextAreaElement | null, mobile: boolean): boolean {
	const target = evt.target;
	if (evt.isComposing || (target instanceof HTMLButtonElement && target !== primary)) {
		return false;
	}
	if (target === textarea && mobile) {
		return false;
	}
	return !(target instanceof HTMLElement && target.closest("summary, .career-coach-aside") !== null);
}

/** Shows a warning or an error in the modal's message line. */
export function showMessage(el: HTMLElement, text: string, level: "warning" | "error"): void {
	el.setText(text);
	el.toggleClass("is-warning", level === "warning");
	el.toggleClass("is-error", level === "error");
	el.show();
}
