/**
 * Decisions and open threads as visible actions of the coaching modal: the Decision and Thread
 * buttons (at every prompt, as `decision` and `thread` are in `career coach`) open this small
 * form under the prompt. What is in the answer box stays there. Built with `createEl` only.
 */

import type { CoachAction } from "../core/wasm";

/** Which note the form takes. */
export type AsideKind = "decision" | "thread";

/**
 * Shows the form for `kind` at the end of `body` (replacing one already there); `submit`
 * receives the session action once the person adds it.
 */
export function renderAside(body: HTMLElement, kind: AsideKind, submit: (action: CoachAction) => void): void {
	body.querySelector(".career-coach-aside")?.remove();
	const form = body.createDiv({ cls: "career-coach-aside", attr: { "data-aside": kind } });
	form.createEl("h3", { cls: "career-coach-subheading", text: kind === "decision" ? "Note a decision" : "Note an open thread" });
	const input = (label: string, placeholder: string): HTMLInputElement => {
		const field = form.createEl("label", { cls: "career-coach-aside-field", text: label });
		return field.createEl("input", { attr: { type: "text", placeholder, "aria-label": label } });
	};
	const what = kind === "decision" ? input("What was decided", "e.g. Theme: visible outside the company") : input("The thread", "e.g. Identify podcast targets");
	const why = kind === "decision" ? input("Why", "e.g. Internal credibility is established") : null;
	const buttons = form.createDiv({ cls: "career-coach-aside-buttons" });
	const add = buttons.createEl("button", { text: kind === "decision" ? "Add decision" : "Add thread" });
	const cancel = buttons.createEl("button", { text: "Cancel" });
	const send = (): void => {
		const text = what.value.trim();
		if (text === "") {
			what.focus();
			return;
		}
		submit(kind === "decision" ? { action: "decide", what: text, why: why?.value.trim() ?? "" } : { action: "thread", text });
	};
	add.addEventListener("click", send);
	cancel.addEventListener("click", () => {
		form.remove();
	});
	for (const field of [what, why]) {
		field?.addEventListener("keydown", (evt) => {
			if (evt.key === "Enter" && !evt.isComposing) {
				evt.preventDefault();
				send();
			}
		});
	}
	what.focus();
}
