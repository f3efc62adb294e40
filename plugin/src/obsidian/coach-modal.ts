/**
 * The coaching modal: one question at a time.
 *
 * It shows what the core's `coachPrompt` says (a question, a follow-up, what was understood
 * and how the note will change, a deepening question, an entry already in the section to keep,
 * edit or remove, or the end) and sends the person's choice to the engine (`coach/engine.ts`),
 * which reads the note, steps, writes and saves.
 * What is typed stays in the textarea until a step succeeds: a failed step (the note kept
 * changing, the core refused) shows why and leaves the text as it was, ready to send again.
 *
 * Keys: Enter sends (Next, Confirm, Close), Shift+Enter is a new line (on phones, whose
 * keyboards have no Shift+Enter, Enter is a new line and the Next button sends), Escape pauses
 * and closes. Closing in any way pauses the session and keeps the unsent text (see
 * `coach/draft.ts`); a later "Resume coaching session" continues at the same question with the
 * same text. Built with `createEl` only; styles are `.career-coach-session*` in plugin/styles/.
 *
 * A new session may first show the open threads of earlier session logs, and a finished one
 * asks the closing questions and writes its log: those views live in `coach-log-views.ts` and
 * draw into this modal through {@link CoachSurface}.
 */

import { Modal, Platform } from "obsidian";
import type { App } from "obsidian";
import { draftAfter, draftAt, draftFits } from "../coach/draft";
import type { SessionDraft } from "../coach/draft";
import type { CoachEngine, EngineResult } from "../coach/engine";
import type { CoachAction, CoachPrompt, CoachSession } from "../core/wasm";
import { ClosingView, ThreadReviewView } from "./coach-log-views";
import { renderAside } from "./coach-aside";
import { DraftAutosave } from "./coach-draft-autosave";
import { closeButton, enterRunsPrimary, promptButtons, renderActionRow, showMessage } from "./coach-buttons";
import type { ButtonSpec, PromptHandlers } from "./coach-buttons";
import { renderAnswerBox, renderConfirm, renderEditEntry, renderEntry, renderProgress, renderQuestionText } from "./coach-prompt-views";
import type { Closing, CoachSurface, ThreadReview } from "./coach-log-views";
import { isUnfinished } from "./coach-store";
import { notify } from "./notices";
import { sameJson } from "./plugin-data";

/** How the modal reaches the rest of the plugin. */
export interface CoachModalOptions {
	/** The session being run. */
	engine: CoachEngine;
	/** Saves the unsent text (`null` clears it). */
	saveDraft: (draft: SessionDraft | null) => Promise<void>;
	/** Unsent text saved earlier, put back into the textarea if it still fits the session. */
	draft: SessionDraft | null;
	/**
	 * Why this session was started, shown above the questions until the session ends (a blind
	 * spot's question, when started from the blind spot analysis); null or absent for none.
	 */
	focus?: string | null;
	/** Whether to send "resume" first (the saved session was paused). */
	resume: boolean;
	/**
	 * Open threads of earlier sessions, reviewed before the first question of a new session
	 * (see `coach-log-views.ts`); null or absent for none.
	 */
	review?: ThreadReview | null;
	/**
	 * Once every section is done: the closing questions and the session log; null or absent
	 * to just say "Done".
	 */
	closing?: Closing | null;
	/** Called once the modal has closed. */
	onClosed?: () => void;
}

/** The modal; open it with `new CoachModal(app, options).open()`. */
export class CoachModal extends Modal {
	private readonly options: CoachModalOptions;
	private headerEl: HTMLElement | null = null;
	private focusEl: HTMLElement | null = null;
	private bodyEl: HTMLElement | null = null;
	private messageEl: HTMLElement | null = null;
	private actionsEl: HTMLElement | null = null;
	private textarea: HTMLTextAreaElement | null = null;
	private primary: { button: HTMLButtonElement; run: () => void } | null = null;
	private restored: SessionDraft | null;
	private busy = false;
	private closed = false;
	/** Set when the session could not be shown at all: closing then has nothing to pause. */
	private broken = false;
	/** Saves the unsent text once typing pauses. */
	private readonly autosave = new DraftAutosave(() => {
		if (!this.busy && !this.closed) {
			void this.options.saveDraft(this.currentDraft(this.options.engine.session)).catch(() => undefined);
		}
	});
	/** Set when the modal closed: the unsent text, with the session point it belongs to. */
	private closingDraft: SessionDraft | null = null;
	/** The open threads shown before the first question, while they are. */
	private threadsView: ThreadReviewView | null = null;
	/** The closing questions, once the session is done. */
	private closingView: ClosingView | null = null;

	constructor(app: App, options: CoachModalOptions) {
		super(app);
		this.options = options;
		this.restored = options.draft;
	}

	/** What to keep as the unsent draft when the session is saved after `action` (see `draftAfter`). */
	draftToSave(session: CoachSession, action: CoachAction | null): SessionDraft | null | undefined {
		return draftAfter(action, () => this.closingDraft ?? this.currentDraft(session));
	}

	override onOpen(): void {
		const { contentEl } = this;
		this.modalEl.addClass("career-coach-session-modal");
		contentEl.empty();
		contentEl.addClass("career-coach-session");
		this.setTitle("Coaching session");
		this.headerEl = contentEl.createDiv({ cls: "career-coach-session-header" });
		const focus = this.options.focus ?? "";
		if (focus !== "") {
			this.focusEl = contentEl.createDiv({ cls: "career-coach-session-focus" });
			this.focusEl.createSpan({ cls: "career-coach-session-focus-label", text: "Blind spot" });
			this.focusEl.createSpan({ cls: "career-coach-session-focus-text", text: focus });
		}
		this.bodyEl = contentEl.createDiv({ cls: "career-coach-session-body" });
		this.messageEl = contentEl.createDiv({ cls: "career-coach-session-message", attr: { role: "status", "aria-live": "polite" } });
		this.messageEl.hide();
		this.actionsEl = contentEl.createDiv({ cls: "modal-button-container career-coach-session-actions" });
		this.bodyEl.createDiv({ cls: "career-coach-session-loading", text: "Loading…" });

		this.scope.register([], "Enter", (evt) => this.onEnter(evt));
		const review = this.options.review ?? null;
		if (review !== null && review.threads.length > 0) {
			this.threadsView = new ThreadReviewView(this.surface(), review, () => {
				void this.begin();
			});
			this.threadsView.show();
		} else {
			void this.begin();
		}
	}

	override onClose(): void {
		this.closed = true;
		this.autosave.cancel();
		const { engine } = this.options;
		// Closed at the open threads: the session has not begun, so there is nothing to pause.
		const notBegun = this.threadsView?.pending === true;
		this.threadsView?.closed();
		// Closed at the closing questions: the log is written with what was given.
		this.closingView?.closed();
		if (!engine.done && !this.broken && !notBegun) {
			// Keep the unsent text with the point it was typed at, even if a step is still running.
			this.closingDraft = this.currentDraft(engine.session);
			const draft = this.closingDraft;
			void engine.act({ action: "pause" }).then(async (result) => {
				if (!result.ok) {
					notify(`The coaching session could not be paused: ${result.failure.message}`);
					await this.options.saveDraft(draft).catch(() => undefined);
				}
			});
		}
		this.contentEl.empty();
		this.options.onClosed?.();
	}

	/**
	 * The session in `data.json` was changed elsewhere (`career coach` in a terminal, another
	 * device): continue from it rather than later saving this modal's older copy over it
	 * (`adopt` makes the store expect it from then on). What
	 * is typed stays in the answer box. A session finished, cleared or replaced elsewhere ends
	 * this modal without pausing (a pause would save the old session again).
	 */
	async sessionChangedElsewhere(session: CoachSession | null, adopt: () => void): Promise<void> {
		const { engine } = this.options;
		if (this.closed || this.broken || (session !== null && sameJson(session, engine.session))) {
			adopt();
			return;
		}
		const typed = this.textarea?.value ?? "";
		if (session?.started_at !== engine.session.started_at || !isUnfinished(session)) {
			this.broken = true;
			adopt();
			const kept = typed.trim() === "" ? "" : ` Your unsent text was: ${typed}`;
			notify(`The coaching session was finished or replaced elsewhere, so this window closed.${kept}`);
			this.close();
			return;
		}
		this.autosave.cancel();
		const result = await engine.reload(session, adopt);
		if (this.isClosed() || !result.ok) {
			return;
		}
		this.restored = typed.trim() === "" ? null : draftAt(session, typed);
		this.show(result);
		this.showMessage("The session was changed elsewhere (another device or career in a terminal); it continues from there.", "warning");
	}

	private async begin(): Promise<void> {
		const { engine, resume } = this.options;
		const result = resume ? await engine.act({ action: "resume" }) : await engine.prompt();
		if (this.closed) {
			return;
		}
		if (!result.ok) {
			this.broken = true;
			this.bodyEl?.empty();
			this.bodyEl?.createEl("p", { cls: "career-coach-session-failed", text: "The session cannot be shown." });
			this.showMessage(result.failure.message, "error");
			this.renderButtons([closeButton(this.handlers.close)]);
			return;
		}
		this.show(result);
	}

	/** Sends an action; on success shows the next prompt, on failure keeps everything as it is. */
	private async send(action: CoachAction): Promise<void> {
		if (this.busy || this.closed) {
			return;
		}
		this.autosave.cancel();
		this.setBusy(true);
		this.hideMessage();
		const result = await this.options.engine.act(action);
		if (this.isClosed()) {
			return;
		}
		this.setBusy(false);
		if (!result.ok) {
			this.showMessage(result.failure.message, "error");
			notify(result.failure.message);
			this.focusInput();
			return;
		}
		this.restored = null;
		this.show(result);
	}

	private show(result: Extract<EngineResult, { ok: true }>): void {
		this.render(result.prompt);
		if (result.changed !== undefined) {
			this.showMessage(result.changed, "warning");
			notify(result.changed);
		}
		if (result.warning !== null) {
			this.showMessage(result.warning, "error");
			notify(result.warning);
		}
	}

	private render(prompt: CoachPrompt): void {
		this.textarea = null;
		this.primary = null;
		const body = this.bodyEl;
		if (body === null) {
			return;
		}
		body.empty();
		// What is shown, for styles and for tests that drive the modal.
		body.setAttr("data-kind", prompt.kind);
		body.setAttr("data-section", prompt.kind === "done" ? null : prompt.section);
		this.renderHeader(prompt);
		switch (prompt.kind) {
			case "question":
				this.renderQuestion(body, prompt);
				break;
			case "follow-up":
				body.createEl("p", { cls: "career-coach-question is-short", text: prompt.question });
				body.createEl("p", { cls: "career-coach-hint", text: prompt.hint });
				this.renderAnswer(body, "", "Leave it empty to leave it out.");
				break;
			case "confirm":
				renderConfirm(body, prompt.understood, prompt.changes, prompt.columns, prompt.follow_up, prompt.entry);
				break;
			case "entry":
				renderEntry(body, prompt);
				break;
			case "edit-entry":
				renderEditEntry(body, prompt);
				this.renderAnswer(body, prompt.draft, "The entry's new values. Leave it empty and choose Next to keep it as it is.");
				break;
			case "deepen":
				body.createEl("p", { cls: "career-coach-question", text: prompt.question });
				this.renderAnswer(body, prompt.draft, "Optional — leave it empty and choose Next to move on.");
				break;
			case "done":
				this.setTitle("Coaching session");
				if (this.options.closing) {
					this.closingView ??= new ClosingView(this.surface(), this.options.closing, this.options.engine.session, `Done: ${String(prompt.written)} written, ${String(prompt.skipped)} skipped`);
					this.closingView.show();
					return;
				}
				body.createEl("p", {
					cls: "career-coach-done",
					text: `Done: ${String(prompt.written)} written, ${String(prompt.skipped)} skipped`,
				});
				body.createEl("p", { cls: "career-coach-hint", text: "Every planned section has been answered or skipped." });
				break;
		}
		const { session } = this.options.engine;
		this.renderButtons(promptButtons(prompt, this.handlers, session.answers[session.position]?.walked === true));
		this.focusInput();
	}

	private renderHeader(prompt: CoachPrompt): void {
		const header = this.headerEl;
		if (header === null) {
			return;
		}
		header.empty();
		if (prompt.kind === "done") {
			header.hide();
			this.focusEl?.hide();
			return;
		}
		header.show();
		this.setTitle(prompt.title);
		const { session } = this.options.engine;
		renderProgress(header, this.titleEl, prompt.progress, session.plan[session.position]?.mode === "review");
	}

	private renderQuestion(body: HTMLElement, prompt: Extract<CoachPrompt, { kind: "question" }>): void {
		renderQuestionText(body, prompt);
		this.renderAnswer(body, prompt.draft, "Your answer. Leave it empty and choose Next to skip this section.");
	}

	/** The answer box, holding the unsent draft if one fits, else `initial`. */
	private renderAnswer(body: HTMLElement, initial: string, placeholder: string): void {
		const { engine } = this.options;
		const restored = this.restored !== null && draftFits(this.restored, engine.session) ? this.restored.text : null;
		this.textarea = renderAnswerBox(body, restored ?? initial, placeholder, !Platform.isMobile, () => {
			this.autosave.schedule();
		});
	}

	/** Shows `buttons`, in tab order; the primary one is what Enter does. */
	private renderButtons(buttons: readonly ButtonSpec[]): void {
		if (this.actionsEl !== null) {
			this.primary = renderActionRow(this.actionsEl, buttons, () => this.busy);
		}
	}

	/** What the session-log views draw with (see `coach-log-views.ts`). */
	private surface(): CoachSurface {
		return {
			clear: (kind, closing) => {
				const body = this.bodyEl;
				if (body === null) {
					throw new Error("The coaching modal is not open.");
				}
				this.textarea = null;
				this.primary = null;
				body.empty();
				body.setAttr("data-kind", kind);
				body.setAttr("data-section", null);
				body.setAttr("data-closing", closing);
				return body;
			},
			setTitle: (title) => {
				this.setTitle(title);
			},
			answerBox: (parent, value, placeholder, label) => {
				const textarea = parent.createEl("textarea", {
					cls: "career-coach-answer",
					attr: { rows: "4", placeholder, "aria-label": label, spellcheck: "true" },
				});
				textarea.value = value;
				this.textarea = textarea;
				return textarea;
			},
			buttons: (buttons) => {
				this.renderButtons(buttons);
			},
			message: (text, level) => {
				this.showMessage(text, level);
			},
			hideMessage: () => {
				this.hideMessage();
			},
			setBusy: (busy) => {
				this.setBusy(busy);
			},
			focus: () => {
				this.focusInput();
			},
			close: () => {
				this.close();
			},
		};
	}

	/** Read through a method: TypeScript cannot see that `close()` may run during an await. */
	private isClosed(): boolean {
		return this.closed;
	}

	/** What the action row's buttons do in this modal. */
	private readonly handlers: PromptHandlers = {
		next: () => {
			this.sendAnswer();
		},
		step: (action) => {
			void this.send(action);
		},
		pause: () => {
			this.close();
		},
		close: () => {
			this.close();
		},
		aside: (kind) => {
			if (this.bodyEl !== null) {
				renderAside(this.bodyEl, kind, (action) => void this.sendKeepingText(action));
			}
		},
	};

	/** Sends a decision or thread; the answer box keeps what was typed. */
	private async sendKeepingText(action: CoachAction): Promise<void> {
		const typed = this.textarea?.value ?? "";
		await this.send(action);
		if (this.textarea !== null && typed !== "" && this.bodyEl?.querySelector(".career-coach-aside") === null) {
			this.textarea.value = typed;
		}
	}

	private sendAnswer(): void {
		void this.send({ action: "answer", text: this.textarea?.value ?? "" });
	}

	/** Enter: the primary action, unless the focus is on another button or a phone's textarea. */
	private onEnter(evt: KeyboardEvent): false | undefined {
		if (!enterRunsPrimary(evt, this.primary?.button ?? null, this.textarea, Platform.isMobile)) {
			return undefined;
		}
		evt.preventDefault();
		if (!this.busy) {
			this.primary?.run();
		}
		return false;
	}

	private focusInput(): void {
		const textarea = this.textarea;
		if (textarea !== null) {
			textarea.focus();
			const end = textarea.value.length;
			textarea.setSelectionRange(end, end);
			return;
		}
		this.primary?.button.focus();
	}

	private setBusy(busy: boolean): void {
		this.busy = busy;
		this.contentEl.toggleClass("is-busy", busy);
		if (this.textarea !== null) {
			this.textarea.readOnly = busy;
		}
		for (const button of Array.from(this.actionsEl?.querySelectorAll("button") ?? [])) {
			button.toggleClass("is-busy", busy);
			button.setAttr("aria-disabled", busy ? "true" : null);
		}
	}

	private showMessage(text: string, level: "warning" | "error"): void {
		if (this.messageEl !== null) {
			showMessage(this.messageEl, text, level);
		}
	}

	private hideMessage(): void {
		this.messageEl?.hide();
	}

	/** The textarea's text as a draft of the session's current point, or null when it is empty. */
	private currentDraft(session: CoachSession): SessionDraft | null {
		const text = this.textarea?.value ?? "";
		return text.trim() === "" ? null : draftAt(session, text);
	}
}
