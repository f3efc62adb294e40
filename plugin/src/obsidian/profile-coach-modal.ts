/**
 * "Coach my profile": Phase 1 of the method, as `career coach --section profile` does in a
 * terminal (crates/cli/src/commands/profile_coach.rs). The core asks the seed's profile
 * questions in order (`profileQuestions`), reads each answer into a read-back
 * (`profileRead`) and, once confirmed, computes the edits that write it into User
 * Preferences only (`profileWrite`), which `writeOutcome` performs (the editor for an open
 * note, `Vault.process` otherwise). Buttons follow the prompt grammar: the primary action
 * first (Next, or Confirm), then Edit, Skip, Back, Pause, Decision and Thread (a decision or
 * an open thread noted at any step). At the end the person may add more, and what worked or
 * to improve, and the session log records Phase 1.
 *
 * Never throws: every failure ends in a notice or a message in the modal.
 */

import { Modal, TFile, normalizePath } from "obsidian";
import { profileQuestions, profileRead, profileWrite } from "../core/wasm";
import type { ProfileQuestion, ProfileReading } from "../core/wasm";
import type { CareerCoachHost } from "./host";
import { notify, notifyFailure } from "./notices";
import { decisions } from "./session-log-commands";
import { CoreRefusal, careerPlace, lines, writeOutcome, writeSessionLog } from "./session-logs";
import { currentText } from "./write-plan";

/** Adds "Coach my profile". */
export function registerProfileCoachCommand(plugin: CareerCoachHost): void {
	plugin.addCommand({
		id: "coach-my-profile",
		name: "Coach my profile",
		callback: () => openProfileCoach(plugin),
	});
}

/** Opens the questions, or says how to get a profile with User Preferences first. */
async function openProfileCoach(plugin: CareerCoachHost): Promise<void> {
	try {
		const path = normalizePath(careerPlace(plugin).paths.profile);
		const file = plugin.app.vault.getAbstractFileByPath(path);
		if (!(file instanceof TFile)) {
			notify(`There is no ${path} yet: run "Create or upgrade profile" first.`);
			return;
		}
		const questions = profileQuestions(await currentText(plugin.app, file));
		if (!questions.ok) {
			notify(questions.error.message.replace("`career profile upgrade` (or ", "").replace(") first", " first"));
			return;
		}
		new ProfileCoachModal(plugin, file, questions.value).open();
	} catch (thrown) {
		notifyFailure("Could not start coaching the profile", thrown);
	}
}

class ProfileCoachModal extends Modal {
	private readonly plugin: CareerCoachHost;
	private readonly file: TFile;
	private questions: ProfileQuestion[];
	private at = 0;
	private pending: ProfileReading | null = null;
	private written: ProfileReading[] = [];
	/** Decisions (`what | why`) and threads noted along the way, for the log. */
	private readonly noted: { decisions: string[]; threads: string[] } = { decisions: [], threads: [] };
	private busy = false;

	constructor(plugin: CareerCoachHost, file: TFile, questions: ProfileQuestion[]) {
		super(plugin.app);
		this.plugin = plugin;
		this.file = file;
		this.questions = questions;
	}

	override onOpen(): void {
		this.modalEl.addClass("career-coach-profile-modal");
		this.setTitle("Coach my profile");
		this.render("");
	}

	override onClose(): void {
		this.contentEl.empty();
	}

	private render(message: string, typed = ""): void {
		const { contentEl } = this;
		contentEl.empty();
		if (message !== "") {
			contentEl.createEl("p", { cls: "career-coach-session-message", text: message });
		}
		const question = this.questions[this.at];
		if (question === undefined) {
			this.renderDone();
			return;
		}
		contentEl.createDiv({ cls: "career-coach-profile-step", text: `${String(this.at + 1)} of ${String(this.questions.length)} · ${question.part}` });
		contentEl.createEl("p", { cls: "career-coach-question", text: question.question });
		contentEl.createEl("p", { cls: "career-coach-hint", text: question.hint });
		if (question.current !== null) {
			contentEl.createEl("p", { cls: "career-coach-hint career-coach-profile-current", text: `Now: ${question.current} (Skip keeps it)` });
		}
		if (this.pending !== null) {
			const box = contentEl.createDiv({ cls: "career-coach-understood" });
			box.createDiv({ cls: "career-coach-understood-label", text: "I understood:" });
			box.createDiv({ cls: "career-coach-understood-text", text: this.pending.readBack });
			const buttons = contentEl.createDiv({ cls: "modal-button-container career-coach-session-actions" });
			const confirm = this.button(buttons, "Confirm", "career-coach-reply-confirm", () => this.confirm(), true);
			this.button(buttons, "Edit", "career-coach-reply-edit", () => {
				const reading = this.pending;
				this.pending = null;
				this.render("", reading === null ? "" : reading.values.join("\n"));
			});
			this.button(buttons, "Skip", "career-coach-reply-skip", () => {
				this.move(1);
			});
			this.button(buttons, "Back", "career-coach-reply-back", () => {
				this.move(-1);
			});
			this.asideButtons(buttons, () => "");
			confirm.focus();
			return;
		}
		const input = contentEl.createEl("textarea", { cls: "career-coach-answer", attr: { rows: "3", spellcheck: "true" } });
		input.value = typed;
		const buttons = contentEl.createDiv({ cls: "modal-button-container career-coach-session-actions" });
		const submit = (): void => {
			this.answer(input.value);
		};
		this.button(buttons, "Next", "career-coach-reply-answer", submit, true);
		this.button(buttons, "Skip", "career-coach-reply-skip", () => {
			this.move(1);
		});
		this.button(buttons, "Back", "career-coach-reply-back", () => {
			this.move(-1);
		}).disabled = this.at === 0;
		this.button(buttons, "Pause", "career-coach-reply-pause", () => {
			this.renderDone();
		});
		this.asideButtons(buttons, () => input.value);
		input.addEventListener("keydown", (evt) => {
			if (evt.key === "Enter" && !evt.shiftKey && !evt.isComposing) {
				evt.preventDefault();
				submit();
			}
		});
		input.focus();
	}

	/** "Decision" and "Thread": note one for the session log at any step, keeping what is typed. */
	private asideButtons(buttons: HTMLElement, typed: () => string): void {
		for (const kind of ["decision", "thread"] as const) {
			this.button(buttons, kind === "decision" ? "Decision" : "Thread", `career-coach-reply-${kind}`, () => {
				this.renderAside(kind, typed());
			});
		}
	}

	private renderAside(kind: "decision" | "thread", typed: string): void {
		const form = this.contentEl.createDiv({ cls: "career-coach-aside" });
		const field = (placeholder: string, cls: string): HTMLInputElement => form.createEl("input", { cls, type: "text", attr: { placeholder } });
		const what = field(kind === "decision" ? "What was decided" : "The thread, for next time", "career-coach-aside-what");
		const why = kind === "decision" ? field("Why", "career-coach-aside-why") : null;
		this.button(form, kind === "decision" ? "Add decision" : "Add thread", "career-coach-aside-add", () => {
			const text = what.value.trim();
			if (text !== "") {
				if (kind === "decision") {
					const reason = why?.value.trim() ?? "";
					this.noted.decisions.push(reason === "" ? text : `${text} | ${reason}`);
				} else {
					this.noted.threads.push(text);
				}
			}
			this.render(text === "" ? "" : "Noted for the session log.", typed);
		});
		what.focus();
	}

	private button(parent: HTMLElement, text: string, cls: string, run: () => void | Promise<void>, primary = false): HTMLButtonElement {
		const button = parent.createEl("button", { cls: primary ? `mod-cta ${cls}` : cls, text });
		button.addEventListener("click", () => {
			void run();
		});
		return button;
	}

	private move(by: number): void {
		this.pending = null;
		this.at = Math.max(0, Math.min(this.questions.length, this.at + by));
		this.render("");
	}

	private answer(text: string): void {
		const question = this.questions[this.at];
		if (question === undefined) {
			return;
		}
		if (text.trim() === "") {
			this.move(1);
			return;
		}
		const reading = profileRead({ id: question.id, answer: text });
		if (!reading.ok) {
			this.render(reading.error.message, text);
			return;
		}
		this.pending = reading.value;
		this.render("");
	}

	/** Writes the confirmed reading into the profile, then the next question. */
	private async confirm(): Promise<void> {
		const reading = this.pending;
		if (reading === null || this.busy) {
			return;
		}
		this.busy = true;
		try {
			const text = await currentText(this.app, this.file);
			const outcome = profileWrite({ text, reading });
			if (!outcome.ok) {
				throw new CoreRefusal(outcome.error);
			}
			await writeOutcome(this.app, this.file, text, outcome.value);
			this.written = [...this.written.filter((r) => r.id !== reading.id), reading];
			const order = (r: ProfileReading): number => this.questions.findIndex((q) => q.id === r.id);
			this.written.sort((a, b) => order(a) - order(b));
			const fresh = profileQuestions(await currentText(this.app, this.file));
			if (fresh.ok) {
				this.questions = fresh.value;
			}
			this.pending = null;
			this.at += 1;
			this.render(`Written to ${this.file.path}.`);
		} catch (thrown) {
			this.render(`Nothing was written: ${thrown instanceof Error ? thrown.message : String(thrown)}`);
		} finally {
			this.busy = false;
		}
	}

	/** The end (or a pause): decisions, threads and observations, then the session log. */
	private renderDone(): void {
		const { contentEl } = this;
		contentEl.empty();
		const count = this.written.length;
		contentEl.createEl("p", { cls: "career-coach-profile-done", text: `${String(count)} of ${String(this.questions.length)} profile answers written to ${this.file.path}.` });
		const area = (label: string, hint: string, cls: string): HTMLTextAreaElement => {
			const field = contentEl.createDiv({ cls: "career-coach-log-field" });
			field.createEl("label", { text: label });
			field.createEl("p", { cls: "career-coach-hint", text: hint });
			return field.createEl("textarea", { cls, attr: { rows: "2", spellcheck: "true" } });
		};
		const decided = area("Decisions", "One per line: what | why.", "career-coach-log-decisions");
		decided.value = this.noted.decisions.join("\n");
		const threads = area("Open threads", "One per line, for next time.", "career-coach-log-threads");
		threads.value = this.noted.threads.join("\n");
		const worked = area("What worked well", "One per line.", "career-coach-log-worked");
		const improve = area("What to improve", "One per line.", "career-coach-log-improve");
		const buttons = contentEl.createDiv({ cls: "modal-button-container career-coach-session-actions" });
		const write = this.button(buttons, "Write log", "career-coach-profile-log", async () => {
			write.disabled = true;
			try {
				const log = await writeSessionLog(this.plugin, {
					focus: "Profile (User Preferences)",
					decisions: decisions(decided.value),
					threads: lines(threads.value),
					worked: lines(worked.value),
					improve: lines(improve.value),
					phases: { profile: this.written.map((r) => r.readBack), profileNote: this.file.name },
				});
				notify(`Wrote ${log.name}`);
				this.close();
			} catch (thrown) {
				write.disabled = false;
				notifyFailure("Could not write the session log", thrown);
			}
		}, true);
		this.button(buttons, "Close", "career-coach-profile-close", () => {
			this.close();
		});
	}
}
