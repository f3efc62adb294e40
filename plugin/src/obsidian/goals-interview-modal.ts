/**
 * "Create goals note": the guided interview, one question at a time, as `career goals new` asks
 * in a terminal. The core runs the interview (`goalsInterviewStart/Prompt/Step`); this modal
 * shows the question with what the Career Index says (north star, theme, success criteria),
 * reads the answer, shows exactly what was understood for Confirm or Edit, and offers the
 * replies the core allows now (Back, Skip, Done).
 *
 * The interview is saved in `data.json` after every step, so closing the modal (or Obsidian)
 * loses nothing: the command resumes it, with "Start over" to begin again. When the interview
 * is done the note is created in one write and linked from the Career Index's theme section.
 * Built with `createEl` only.
 *
 * `career goals new` keeps its interview under the same key of `data.json`. Each save here
 * writes only if the file still holds the interview this modal last read or wrote; when the
 * file changes on disk (Obsidian calls `onExternalSettingsChange`), the modal continues from
 * the file's interview, keeping what is typed in the answer box, instead of saving its older
 * copy over it.
 */

import { Modal, normalizePath } from "obsidian";
import { goalsInterviewPrompt, goalsInterviewStart, goalsInterviewStep, notePaths } from "../core/wasm";
import type { GoalsInterview, GoalsInterviewPrompt, GoalsReply } from "../core/wasm";
import { createGoals, readIndex } from "./goals";
import type { CareerCoachHost } from "./host";
import { notify, notifyFailure } from "./notices";
import { StaleDataError, onExternalChange, readPluginData, sameJson, updatePluginData } from "./plugin-data";
import type { PluginData } from "./plugin-data";
import { CoreRefusal, careerNotes, careerPlace, openNote } from "./session-logs";
import { coreSettings } from "./index-location";

/** The key in `data.json` that holds an unfinished interview. */
export const INTERVIEW_KEY = "goalsInterview";

/** Button labels for the replies the core offers. */
const REPLY_LABELS: Record<string, string> = {
	back: "Back",
	skip: "Skip",
	finish: "Done",
	edit: "Edit",
	confirm: "Confirm",
	answer: "Next",
};

/**
 * Opens the interview: resumes a saved one for the year offered, else starts from the Career
 * Index. In a planning year's last quarter the core offers the next year and says so.
 */
export async function openGoalsInterview(plugin: CareerCoachHost): Promise<void> {
	try {
		const fresh = await startInterview(plugin);
		const saved = (await readPluginData(plugin))[INTERVIEW_KEY];
		// A paused interview of the year offered, or of the current year (planned on in its
		// last quarter), is resumed; one of another year (or a cleared one, null) is not.
		const resumed = isInterview(saved) && (saved.year === fresh.year || saved.year === fresh.currentYear) ? saved : null;
		const interview = resumed ?? fresh;
		if (existingGoals(plugin, interview.year)) {
			return;
		}
		new GoalsInterviewModal(plugin, interview, resumed !== null, saved ?? null).open();
	} catch (thrown) {
		notifyFailure("Could not start the goals interview", thrown);
	}
}

/** The goals note's path for planning year `year`, per the settings. */
function goalsPathFor(plugin: CareerCoachHost, year: number): string {
	const month = String(plugin.settings.fiscalYearStartMonth).padStart(2, "0");
	const paths = notePaths({ settings: coreSettings(plugin), today: `${String(year).padStart(4, "0")}-${month}-01` });
	if (!paths.ok) {
		throw new CoreRefusal(paths.error);
	}
	return normalizePath(paths.value.goals);
}

/** Whether `year`'s goals note exists; if so, a notice says how to change it. */
function existingGoals(plugin: CareerCoachHost, year: number): boolean {
	const path = goalsPathFor(plugin, year);
	if (plugin.app.vault.getAbstractFileByPath(path) === null) {
		return false;
	}
	notify(`${path} already exists: change it with "Set goal status" and "Add weekly action", or edit it directly.`);
	return true;
}

function isInterview(value: unknown): value is GoalsInterview {
	return typeof value === "object" && value !== null && typeof (value as { year?: unknown }).year === "number";
}

/** A new interview for `year`, or for the year the core offers today. */
async function startInterview(plugin: CareerCoachHost, year: number | null = null): Promise<GoalsInterview> {
	const { today, folder } = careerPlace(plugin);
	const index = await readIndex(plugin);
	// Last year's annual review may have chosen this year's theme (its `next_theme`).
	const notes = await careerNotes(plugin.app, folder);
	const started = goalsInterviewStart({ today, settings: coreSettings(plugin), indexText: index?.text ?? "", notes, year });
	if (!started.ok) {
		throw new CoreRefusal(started.error);
	}
	return started.value;
}

class GoalsInterviewModal extends Modal {
	private readonly plugin: CareerCoachHost;
	private interview: GoalsInterview;
	private readonly resumed: boolean;
	private busy = false;
	/** What `data.json` held under the interview's key when last read or written. */
	private known: unknown;
	private unsubscribe: (() => void) | null = null;

	constructor(plugin: CareerCoachHost, interview: GoalsInterview, resumed: boolean, known: unknown) {
		super(plugin.app);
		this.plugin = plugin;
		this.interview = interview;
		this.resumed = resumed;
		this.known = known;
	}

	override onOpen(): void {
		this.modalEl.addClass("career-coach-goals-modal");
		this.setTitle(`${String(this.interview.year)} goals`);
		this.unsubscribe = onExternalChange(this.plugin, (data) => {
			this.changedElsewhere(data);
		});
		this.render(this.resumed ? "Resumed where you left off." : "");
	}

	override onClose(): void {
		this.unsubscribe?.();
		this.unsubscribe = null;
		this.contentEl.empty();
	}

	/** Saves the interview (null clears it), only over the one this modal last saw. */
	private async save(interview: GoalsInterview | null): Promise<void> {
		await updatePluginData(this.plugin, { [INTERVIEW_KEY]: interview }, { [INTERVIEW_KEY]: this.known });
		this.known = interview;
	}

	/** `data.json` changed on disk: continue from its interview, keeping what is typed. */
	private changedElsewhere(data: PluginData): void {
		const saved = data[INTERVIEW_KEY] ?? null;
		if (sameJson(saved, this.known)) {
			return;
		}
		this.known = saved;
		if (isInterview(saved) && saved.year === this.interview.year) {
			this.interview = saved;
			this.render("The interview was changed elsewhere (another device or career goals new in a terminal); it continues from there.", this.typed());
			return;
		}
		// Finished or cleared elsewhere: this one stays on screen and is saved again with its next step.
		this.render("The saved interview was finished or cleared elsewhere; this one continues and is saved again with your next answer.", this.typed());
	}

	/** What is typed in the answer box now ("" when there is none). */
	private typed(): string {
		return this.contentEl.querySelector<HTMLTextAreaElement>("textarea.career-coach-answer")?.value ?? "";
	}

	private render(message: string, typed = ""): void {
		const prompt = goalsInterviewPrompt(this.interview);
		const { contentEl } = this;
		contentEl.empty();
		if (!prompt.ok) {
			contentEl.createEl("p", { cls: "career-coach-session-message is-error", text: prompt.error.message });
			const buttons = contentEl.createDiv({ cls: "modal-button-container" });
			buttons.createEl("button", { cls: "mod-cta", text: "Start over" }).addEventListener("click", () => {
				void this.startOver();
			});
			return;
		}
		const shown = prompt.value;
		if (message !== "") {
			contentEl.createEl("p", { cls: "career-coach-hint career-coach-goals-message", text: message });
		}
		this.renderContext(shown);
		if (shown.done) {
			this.renderDone();
			return;
		}
		contentEl.createDiv({ cls: "career-coach-goals-step", text: shown.step });
		if (shown.soFar.length > 0) {
			const list = contentEl.createEl("ul", { cls: "career-coach-goals-so-far" });
			for (const item of shown.soFar) {
				list.createEl("li", { text: item });
			}
		}
		contentEl.createEl("p", { cls: "career-coach-question", text: shown.question });
		if (shown.hint !== "") {
			contentEl.createEl("p", { cls: "career-coach-hint", text: shown.hint });
		}
		this.renderOtherYear(shown);
		if (shown.understood !== null) {
			this.renderConfirm(shown);
			return;
		}
		this.renderAnswer(shown, typed);
	}

	/** At the theme, when the next year is offered: a way to plan the current one instead. */
	private renderOtherYear(shown: GoalsInterviewPrompt): void {
		const current = this.interview.currentYear;
		if (shown.step !== "Theme" || current === undefined || current === this.interview.year || this.interview.input.goals.length > 0) {
			return;
		}
		const other = this.contentEl.createEl("button", { cls: "career-coach-goals-this-year", text: `Plan ${String(current)} instead` });
		other.addEventListener("click", () => {
			void this.planYear(current);
		});
	}

	/** Replaces the interview with one for `year` (unless its goals note exists). */
	private async planYear(year: number): Promise<void> {
		try {
			if (existingGoals(this.plugin, year)) {
				return;
			}
			const fresh = await startInterview(this.plugin, year);
			await this.save(fresh);
			this.interview = fresh;
			this.setTitle(`${String(year)} goals`);
			this.render(`Planning ${String(year)}.`);
		} catch (thrown) {
			notifyFailure("Could not switch the goals interview's year", thrown);
		}
	}

	/** What the Career Index says, kept in view while answering. */
	private renderContext(shown: GoalsInterviewPrompt): void {
		const { vision, theme, successCriteria } = shown.context;
		if (vision === null && theme === null && successCriteria.length === 0) {
			return;
		}
		const box = this.contentEl.createDiv({ cls: "career-coach-goals-context" });
		if (vision !== null) {
			box.createDiv({ text: `North star: ${vision}` });
		}
		if (theme !== null) {
			box.createDiv({ text: `Theme: ${theme}` });
		}
		if (successCriteria.length > 0) {
			box.createDiv({ text: "Success criteria:" });
			const list = box.createEl("ul");
			for (const criterion of successCriteria) {
				list.createEl("li", { text: criterion });
			}
		}
	}

	private renderAnswer(shown: GoalsInterviewPrompt, typed: string): void {
		const { contentEl } = this;
		const input = contentEl.createEl("textarea", { cls: "career-coach-answer", attr: { rows: "3", spellcheck: "true" } });
		input.value = typed;
		if (shown.examples.length > 0) {
			const examples = contentEl.createDiv({ cls: "career-coach-goals-examples" });
			examples.createSpan({ text: "For example: " });
			for (const example of shown.examples) {
				const chip = examples.createEl("button", { cls: "career-coach-goals-example", text: example });
				chip.addEventListener("click", () => {
					input.value = example;
					input.focus();
				});
			}
		}
		// The prompt grammar's order, as in the coaching modal and the terminal: the primary
		// action first (Next), then Confirm ("confirm" without an answer keeps what the Career
		// Index says, the prefilled theme), Skip, Back, Pause and Done.
		const buttons = contentEl.createDiv({ cls: "modal-button-container career-coach-session-actions" });
		const next = buttons.createEl("button", { cls: "mod-cta career-coach-reply-answer", text: REPLY_LABELS.answer ?? "Next" });
		for (const kind of ["confirm", "skip", "back", "pause", "finish"]) {
			if (kind === "pause") {
				this.pauseButton(buttons);
			} else if (shown.replies.includes(kind)) {
				buttons.createEl("button", { cls: `career-coach-reply-${kind}`, text: REPLY_LABELS[kind] ?? kind }).addEventListener("click", () => {
					void this.reply({ kind } as GoalsReply);
				});
			}
		}
		const submit = (): void => {
			void this.reply({ kind: "answer", text: input.value });
		};
		next.addEventListener("click", submit);
		input.addEventListener("keydown", (evt) => {
			if (evt.key === "Enter" && !evt.shiftKey && !evt.isComposing) {
				evt.preventDefault();
				submit();
			}
		});
		input.focus();
	}

	private renderConfirm(shown: GoalsInterviewPrompt): void {
		const { contentEl } = this;
		const box = contentEl.createDiv({ cls: "career-coach-understood" });
		box.createDiv({ cls: "career-coach-understood-label", text: "I understood:" });
		box.createDiv({ cls: "career-coach-understood-text", text: shown.understood ?? "" });
		const buttons = contentEl.createDiv({ cls: "modal-button-container career-coach-session-actions" });
		const confirm = buttons.createEl("button", { cls: "mod-cta career-coach-reply-confirm", text: "Confirm" });
		confirm.addEventListener("click", () => {
			void this.reply({ kind: "confirm" });
		});
		buttons.createEl("button", { cls: "career-coach-reply-edit", text: "Edit" }).addEventListener("click", () => {
			void this.reply({ kind: "edit" });
		});
		if (shown.replies.includes("back")) {
			buttons.createEl("button", { cls: "career-coach-reply-back", text: "Back" }).addEventListener("click", () => {
				void this.reply({ kind: "back" });
			});
		}
		this.pauseButton(buttons);
		confirm.focus();
	}

	private renderDone(): void {
		const { contentEl } = this;
		const { input } = this.interview;
		contentEl.createEl("p", {
			cls: "career-coach-question",
			text: `Ready: ${String(input.goals.length)} goals, ${String(input.quarters.length)} quarterly intentions and ${String(input.milestones.length)} milestones.`,
		});
		const buttons = contentEl.createDiv({ cls: "modal-button-container career-coach-session-actions" });
		const create = buttons.createEl("button", { cls: "mod-cta career-coach-goals-create", text: "Create goals note" });
		create.addEventListener("click", () => {
			void this.create(create);
		});
		buttons.createEl("button", { cls: "career-coach-reply-back", text: "Back" }).addEventListener("click", () => {
			void this.reply({ kind: "back" });
		});
		this.pauseButton(buttons);
		buttons.createEl("button", { text: "Start over" }).addEventListener("click", () => {
			void this.startOver();
		});
		create.focus();
	}

	/** "Pause": closes the modal; the interview is kept and resumes next time. */
	private pauseButton(parent: HTMLElement): void {
		parent.createEl("button", { cls: "career-coach-reply-pause", text: "Pause", attr: { title: "Pause and close; resume later" } }).addEventListener("click", () => {
			this.close();
		});
	}

	private async reply(reply: GoalsReply): Promise<void> {
		if (this.busy) {
			return;
		}
		this.busy = true;
		try {
			const next = goalsInterviewStep({ interview: this.interview, reply });
			if (!next.ok) {
				this.render(next.error.message);
				return;
			}
			await this.save(next.value);
			this.interview = next.value;
			this.render("");
		} catch (thrown) {
			notifyFailure("Could not save the goals interview", thrown);
			if (thrown instanceof StaleDataError) {
				// Changed elsewhere and not reported yet: continue from the file's, keeping the answer.
				this.changedElsewhere(await readPluginData(this.plugin));
			}
		} finally {
			this.busy = false;
		}
	}

	private async startOver(): Promise<void> {
		try {
			const fresh = await startInterview(this.plugin, this.interview.year);
			await this.save(fresh);
			this.interview = fresh;
			this.render("Started over.");
		} catch (thrown) {
			notifyFailure("Could not restart the goals interview", thrown);
		}
	}

	private async create(button: HTMLButtonElement): Promise<void> {
		button.disabled = true;
		try {
			const created = await createGoals(this.plugin, this.interview.input);
			await this.save(null).catch(() => undefined);
			notify(created.linkedFromIndex ? `Created ${created.file.path} and linked it from the Career Index.` : `Created ${created.file.path}.`);
			this.close();
			await openNote(this.plugin.app, created.file);
		} catch (thrown) {
			button.disabled = false;
			this.render(`Nothing was written: ${thrown instanceof Error ? thrown.message : String(thrown)}`);
		}
	}
}
