/**
 * The two small choices around a coaching session: resume the unfinished session or start a
 * new one, and which section to coach.
 *
 * Both resolve a promise with the choice, or with null when the person closes them (Escape,
 * the close button, a click outside). Built with `createEl` only.
 */

import { Modal } from "obsidian";
import type { App } from "obsidian";
import type { CoachSession } from "../core/wasm";
import { pickOne } from "./pick";

/** One section of a session's plan. */
export type PlannedSection = CoachSession["plan"][number];

/**
 * Asks whether to resume `session` or start a new one (`startLabel` names what "new" means,
 * e.g. "Start new" or "Coach Wins instead").
 */
export function chooseResumeOrNew(app: App, session: CoachSession, startLabel: string): Promise<"resume" | "new" | null> {
	return new Promise((resolve) => {
		new ResumeOrNewModal(app, session, startLabel, resolve).open();
	});
}

/** Lets the person pick one of `sections` by fuzzy search on its title. */
export function chooseSection(app: App, sections: readonly PlannedSection[]): Promise<PlannedSection | null> {
	return pickOne(
		app,
		"Which section do you want to work on?",
		sections.map((section) => ({ value: section, label: section.title, note: section.mode === "review" ? "Has content: review it" : "Empty: fill it in" })),
	);
}

/** A one-line summary of where a session stands, e.g. "Vision, 2 of 12, started 2026-03-02 09:14". */
export function describeSession(session: CoachSession): string {
	const planned = session.plan[session.position];
	const where = planned === undefined ? "" : `${planned.title}, ${String(session.position + 1)} of ${String(session.plan.length)}, `;
	return `${where}started ${session.started_at.replace("T", " ").slice(0, 16)}`;
}

class ResumeOrNewModal extends Modal {
	private readonly session: CoachSession;
	private readonly startLabel: string;
	private resolve: ((choice: "resume" | "new" | null) => void) | null;

	constructor(app: App, session: CoachSession, startLabel: string, resolve: (choice: "resume" | "new" | null) => void) {
		super(app);
		this.session = session;
		this.startLabel = startLabel;
		this.resolve = resolve;
	}

	override onOpen(): void {
		const { contentEl } = this;
		this.modalEl.addClass("career-coach-choice-modal");
		this.setTitle("Unfinished coaching session");
		contentEl.empty();
		contentEl.createEl("p", { text: `You have a coaching session that is not finished: ${describeSession(this.session)}.` });
		contentEl.createEl("p", {
			cls: "career-coach-hint",
			text: "Resume it where you stopped, or start a new one (the unfinished session is then replaced; what it wrote stays in the note).",
		});
		const buttons = contentEl.createDiv({ cls: "modal-button-container career-coach-session-actions" });
		const resume = buttons.createEl("button", { cls: "mod-cta", text: "Resume" });
		resume.addEventListener("click", () => {
			this.finish("resume");
		});
		buttons.createEl("button", { text: this.startLabel }).addEventListener("click", () => {
			this.finish("new");
		});
		resume.focus();
	}

	override onClose(): void {
		this.contentEl.empty();
		this.settle(null);
	}

	private finish(choice: "resume" | "new"): void {
		this.settle(choice);
		this.close();
	}

	private settle(choice: "resume" | "new" | null): void {
		const resolve = this.resolve;
		this.resolve = null;
		resolve?.(choice);
	}
}
