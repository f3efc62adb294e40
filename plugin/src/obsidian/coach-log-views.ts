/**
 * The two views of the coaching modal that are about session logs rather than the Career
 * Index, as `career coach` asks them in a terminal (crates/cli/src/commands/coach.rs):
 *
 * - before the first question of a new session, the open threads of earlier logs, each with
 *   Resolved / Carry / Drop (Carry chosen by default) and Continue, which applies the choices
 *   to the logs and carries the kept threads into the session ({@link ThreadReviewView});
 * - once every section is done, the closing questions, one at a time (the focus, the open
 *   threads for next time, what worked, what to improve), then the log is written and named,
 *   with a button to open it ({@link ClosingView}). Closing the modal at any of them still
 *   writes the log with what was given, so a finished session is never lost.
 *
 * The views draw into the coaching modal through {@link CoachSurface} and leave the work to
 * their hooks (`coach-commands.ts` supplies them). Built with `createEl` only.
 */

import { Platform } from "obsidian";
import type { CoachSession, Thread, ThreadDisposition } from "../core/wasm";
import { notify } from "./notices";
import { carriedLabel, lines, logName } from "./session-logs";
import type { WrittenLog } from "./session-logs";

/** One button of the modal's action row (the coaching modal's own shape). */
export interface ViewButton {
	label: string;
	run: () => void;
	/** The action Enter performs; shown as the call to action. */
	primary?: boolean;
	tooltip?: string;
	disabled?: boolean;
}

/** What the coaching modal lends a view to draw with. */
export interface CoachSurface {
	/**
	 * Empties the body for a new view, marks what it shows (`data-kind`: `threads`, or `done`
	 * for the closing views; `data-closing`: the closing question, or `logged`; for styles and
	 * tests) and returns it; the answer box and the Enter action are forgotten.
	 */
	clear(kind: "threads" | "done", closing: string | null): HTMLElement;
	setTitle(title: string): void;
	/** An answer box in `parent`: Enter does the primary action, Shift+Enter is a new line. */
	answerBox(parent: HTMLElement, value: string, placeholder: string, label: string): HTMLTextAreaElement;
	/** Shows `buttons` in the action row, in tab order. */
	buttons(buttons: readonly ViewButton[]): void;
	message(text: string, level: "warning" | "error"): void;
	hideMessage(): void;
	setBusy(busy: boolean): void;
	/** Puts the focus in the answer box, else on the primary button. */
	focus(): void;
	close(): void;
}

/** What to do with one thread. */
export interface ThreadChoice {
	thread: Thread;
	disposition: ThreadDisposition;
}

/** The threads to review at the start of a new session, and what applies the choices. */
export interface ThreadReview {
	threads: readonly Thread[];
	/**
	 * Marks each thread in its log and saves the new session with the carried threads; the
	 * session's questions start once it resolves. Reports its own partial failures.
	 */
	apply(choices: readonly ThreadChoice[]): Promise<void>;
	/** The modal closed before Continue: no log was changed and the session was not started. */
	cancel(): void;
}

/** The closing answers, as the log takes them. */
export interface ClosingAnswers {
	focus: string;
	threads: string[];
	worked: string[];
	improve: string[];
}

/** What writes and opens the log of a finished session. */
export interface Closing {
	/** Writes the log of `session` (and forgets the saved session). */
	write(session: CoachSession, answers: ClosingAnswers): Promise<WrittenLog>;
	/** Opens a log just written. */
	open(log: WrittenLog): Promise<void>;
}

const CHOICES: readonly { disposition: ThreadDisposition; label: string; tooltip: string }[] = [
	{ disposition: "resolve", label: "Resolved", tooltip: "Done: tick it in its log" },
	{ disposition: "carry", label: "Carry", tooltip: "Still open: repeat it in this session's log" },
	{ disposition: "drop", label: "Drop", tooltip: "No longer wanted: cancel it in its log" },
];

/** The open threads of earlier sessions, shown before the first question. */
export class ThreadReviewView {
	private readonly surface: CoachSurface;
	private readonly review: ThreadReview;
	private readonly onApplied: () => void;
	private readonly choices: ThreadDisposition[];
	private state: "choosing" | "applying" | "applied" = "choosing";

	constructor(surface: CoachSurface, review: ThreadReview, onApplied: () => void) {
		this.surface = surface;
		this.review = review;
		this.onApplied = onApplied;
		this.choices = review.threads.map(() => "carry");
	}

	/** Whether the session has not begun yet (closing the modal then must not pause it). */
	get pending(): boolean {
		return this.state !== "applied";
	}

	show(): void {
		const { surface, review } = this;
		surface.setTitle("Open threads");
		const body = surface.clear("threads", null);
		const count = review.threads.length;
		body.createEl("p", {
			cls: "career-coach-question is-short",
			text: `${String(count)} open thread${count === 1 ? "" : "s"} from earlier sessions`,
		});
		body.createEl("p", {
			cls: "career-coach-hint",
			text: "Resolved ticks it in its log. Carry repeats it in this session's log. Drop cancels it.",
		});
		const list = body.createEl("ul", { cls: "career-coach-threads" });
		review.threads.forEach((thread, index) => {
			const item = list.createEl("li", { cls: "career-coach-thread" });
			item.createDiv({ cls: "career-coach-thread-text", text: thread.text });
			const meta = [carriedLabel(thread), logName(thread)].filter((part) => part !== "").join(" · ");
			item.createDiv({ cls: "career-coach-thread-meta", text: meta });
			const group = item.createDiv({ cls: "career-coach-thread-choices", attr: { role: "group", "aria-label": `What to do with: ${thread.text}` } });
			const buttons = CHOICES.map(({ disposition, label, tooltip }) => {
				const button = group.createEl("button", { cls: "career-coach-thread-choice", text: label, attr: { title: tooltip, "data-disposition": disposition } });
				button.addEventListener("click", () => {
					if (this.state !== "choosing") {
						return;
					}
					this.choices[index] = disposition;
					mark();
				});
				return { button, disposition };
			});
			const mark = (): void => {
				for (const { button, disposition } of buttons) {
					const chosen = this.choices[index] === disposition;
					button.toggleClass("is-active", chosen);
					button.setAttr("aria-pressed", chosen ? "true" : "false");
				}
			};
			mark();
		});
		surface.buttons([
			{
				label: "Continue",
				primary: true,
				tooltip: "Apply these choices and start the session",
				run: () => {
					void this.apply();
				},
			},
		]);
		surface.focus();
	}

	/** The modal closed: before Continue, nothing happens (the start is cancelled). */
	closed(): void {
		if (this.state === "choosing") {
			this.state = "applied";
			this.review.cancel();
		}
	}

	private async apply(): Promise<void> {
		if (this.state !== "choosing") {
			return;
		}
		this.state = "applying";
		this.surface.setBusy(true);
		const choices = this.review.threads.map((thread, index) => ({ thread, disposition: this.choices[index] ?? "carry" }));
		try {
			await this.review.apply(choices);
		} catch (thrown) {
			// The hook reports its own failures; anything else must not keep the session from starting.
			notify(`The open threads could not all be updated: ${thrown instanceof Error ? thrown.message : String(thrown)}`);
		}
		this.state = "applied";
		this.surface.setBusy(false);
		this.onApplied();
	}
}

/** The closing questions' ids, in order. */
type ClosingStep = "focus" | "threads" | "worked" | "improve";

const STEPS: readonly { step: ClosingStep; question: string; hint: (fallback: string) => string }[] = [
	{ step: "focus", question: "Focus of this session, in one line?", hint: (fallback) => `Keep it or change it; left empty it is "${fallback}".` },
	{ step: "threads", question: "Open threads for next time?", hint: () => "One per line; your next session starts with them. Leave it empty for none." },
	{ step: "worked", question: "What worked well?", hint: () => "Optional; one point per line." },
	{ step: "improve", question: "What to improve?", hint: () => "Optional; one point per line." },
];

/** The focus a log gets when none is typed: the titles of the sections written. */
export function defaultFocus(session: CoachSession): string {
	const written = session.plan.filter((_, index) => session.answers[index]?.status === "written").map((planned) => planned.title);
	return written.length === 0 ? "Career Index review" : written.join(", ");
}

/** Whether the session wrote to the Career Index. */
export function wroteIndex(session: CoachSession): boolean {
	return session.answers.some((answer) => answer.status === "written");
}

/** The closing questions of a finished session, then the log. */
export class ClosingView {
	private readonly surface: CoachSurface;
	private readonly closing: Closing;
	private readonly session: CoachSession;
	private readonly summary: string;
	private readonly fallback: string;
	/** What was typed for each question. */
	private readonly typed: string[];
	private index = 0;
	private textarea: HTMLTextAreaElement | null = null;
	private state: "asking" | "writing" | "written" = "asking";
	private isOpen = true;

	constructor(surface: CoachSurface, closing: Closing, session: CoachSession, summary: string) {
		this.surface = surface;
		this.closing = closing;
		this.session = session;
		this.summary = summary;
		this.fallback = defaultFocus(session);
		this.typed = [this.fallback, "", "", ""];
	}

	show(): void {
		this.ask(0);
	}

	/** The modal closed: the log is written with what was given, unless it already was. */
	closed(): void {
		this.isOpen = false;
		if (this.state !== "asking") {
			return;
		}
		this.keepTyped();
		void this.write();
	}

	private ask(index: number): void {
		const { surface } = this;
		const step = STEPS[index];
		if (step === undefined) {
			return;
		}
		this.index = index;
		surface.setTitle("Coaching session");
		const body = surface.clear("done", step.step);
		body.createEl("p", { cls: "career-coach-done", text: this.summary });
		body.createEl("p", { cls: "career-coach-closing-progress", text: `Closing question ${String(index + 1)} of ${String(STEPS.length)}` });
		body.createEl("p", { cls: "career-coach-question", text: step.question });
		body.createEl("p", { cls: "career-coach-hint", text: step.hint(this.fallback) });
		this.textarea = surface.answerBox(body, this.typed[index] ?? "", index === 0 ? this.fallback : "", step.question);
		if (!Platform.isMobile) {
			body.createDiv({ cls: "career-coach-keys", text: "Enter: next · Shift+Enter: new line · Esc: close and write the log" });
		}
		const last = index === STEPS.length - 1;
		surface.buttons([
			{
				label: last ? "Write log" : "Next",
				primary: true,
				tooltip: last ? "Write the session log" : "Next closing question",
				run: () => {
					this.keepTyped();
					if (last) {
						void this.write();
					} else {
						this.ask(index + 1);
					}
				},
			},
			{
				label: "Back",
				tooltip: index === 0 ? "This is the first closing question" : "Back to the previous question",
				disabled: index === 0,
				run: () => {
					this.keepTyped();
					this.ask(index - 1);
				},
			},
		]);
		surface.focus();
	}

	private keepTyped(): void {
		if (this.textarea !== null) {
			this.typed[this.index] = this.textarea.value;
		}
	}

	private answers(): ClosingAnswers {
		const [focus = "", threads = "", worked = "", improve = ""] = this.typed;
		return { focus: lines(focus).join("; ") || this.fallback, threads: lines(threads), worked: lines(worked), improve: lines(improve) };
	}

	private async write(): Promise<void> {
		if (this.state !== "asking") {
			return;
		}
		this.state = "writing";
		const { surface } = this;
		if (this.isOpen) {
			surface.hideMessage();
			surface.setBusy(true);
		}
		let log: WrittenLog;
		try {
			log = await this.closing.write(this.session, this.answers());
		} catch (thrown) {
			this.state = "asking";
			const reason = thrown instanceof Error ? thrown.message : String(thrown);
			const message = `The session log could not be written: ${reason}`;
			if (this.isOpen) {
				surface.setBusy(false);
				surface.message(message, "error");
				surface.focus();
			} else {
				notify(message);
			}
			return;
		}
		this.state = "written";
		if (!this.isOpen) {
			notify(`Wrote ${log.name}`);
			return;
		}
		surface.setBusy(false);
		this.showWritten(log);
	}

	private showWritten(log: WrittenLog): void {
		const { surface } = this;
		this.textarea = null;
		const body = surface.clear("done", "logged");
		body.createEl("p", { cls: "career-coach-done", text: this.summary });
		const line = body.createEl("p", { cls: "career-coach-logged" });
		line.appendText("Wrote ");
		const link = line.createEl("a", { cls: "career-coach-log-link", text: log.name, href: "#", attr: { title: log.path } });
		link.addEventListener("click", (evt) => {
			evt.preventDefault();
			this.open(log);
		});
		surface.buttons([
			{
				label: "Open log",
				primary: true,
				tooltip: `Open ${log.path}`,
				run: () => {
					this.open(log);
				},
			},
			{
				label: "Close",
				run: () => {
					surface.close();
				},
			},
		]);
		surface.focus();
	}

	private open(log: WrittenLog): void {
		this.surface.close();
		void this.closing.open(log).catch((thrown: unknown) => {
			notify(`Could not open ${log.path}: ${thrown instanceof Error ? thrown.message : String(thrown)}`);
		});
	}
}
