/**
 * "Write session log" and "Show open threads": session logs outside a coaching session in
 * Obsidian, as `career session-log new` and `career threads` do in a terminal
 * (crates/cli/src/commands/log.rs).
 *
 * - "Write session log" records a session held elsewhere (a call, a chat with an assistant):
 *   a form asks the focus (required), the decisions (`what | why`, one per line), the open
 *   threads, what was done, what worked, what to improve and the frameworks used (one per
 *   line; the log claims no framework it is not told); the log is created in one write and
 *   listed in the Session Logs tables (see `session-logs.ts`).
 * - "Show open threads" lists the open threads of every session log (its text, how often it
 *   was carried, its log as a link that opens it) with Resolve and Drop, which tick or cancel
 *   it in its log.
 *
 * Never throws: every failure ends in a notice or a message in the modal. Built with
 * `createEl` only; styles are `.career-coach-log*` and `.career-coach-open-thread*`.
 */

import { Modal, TFile, normalizePath } from "obsidian";
import type { App } from "obsidian";
import type { Thread, ThreadDisposition } from "../core/wasm";
import type { CareerCoachHost } from "./host";
import { notify, notifyFailure } from "./notices";
import { carriedLabel, lines, listOpenThreads, logName, openNote, disposeOpenThread, writeSessionLog } from "./session-logs";
import type { WrittenLog } from "./session-logs";

/** Adds "Write session log" and "Show open threads". */
export function registerSessionLogCommands(plugin: CareerCoachHost): void {
	plugin.addCommand({
		id: "write-session-log",
		name: "Write session log",
		callback: () => {
			new WriteLogModal(plugin).open();
		},
	});
	plugin.addCommand({
		id: "show-open-threads",
		name: "Show open threads",
		callback: () => showOpenThreads(plugin),
	});
}

/** "Show open threads": reads the logs, then opens the list. */
async function showOpenThreads(plugin: CareerCoachHost): Promise<void> {
	try {
		const threads = await listOpenThreads(plugin);
		new OpenThreadsModal(plugin, threads).open();
	} catch (thrown) {
		notifyFailure("Could not read the open threads", thrown);
	}
}

/** `what | why` lines as decisions; a line without `|` has no rationale. */
export function decisions(text: string): { what: string; why: string }[] {
	return lines(text).map((line) => {
		const bar = line.indexOf("|");
		return bar === -1 ? { what: line, why: "" } : { what: line.slice(0, bar).trim(), why: line.slice(bar + 1).trim() };
	});
}

/** One labelled field of the form. */
function field(parent: HTMLElement, name: string, hint: string): HTMLElement {
	const label = parent.createEl("label", { cls: "career-coach-log-field" });
	label.createSpan({ cls: "career-coach-log-field-name", text: name });
	if (hint !== "") {
		label.createSpan({ cls: "career-coach-log-field-hint", text: hint });
	}
	return label;
}

/** Shows "Wrote <name>" with a link that opens the log. */
function renderWritten(app: App, parent: HTMLElement, log: WrittenLog, close: () => void): void {
	const line = parent.createEl("p", { cls: "career-coach-logged" });
	line.appendText("Wrote ");
	const link = line.createEl("a", { cls: "career-coach-log-link", text: log.name, href: "#", attr: { title: log.path } });
	link.addEventListener("click", (evt) => {
		evt.preventDefault();
		close();
		void openNote(app, log.file).catch((thrown: unknown) => {
			notifyFailure(`Could not open ${log.path}`, thrown);
		});
	});
}

/** The "Write session log" form. */
class WriteLogModal extends Modal {
	private readonly plugin: CareerCoachHost;
	private focusInput: HTMLInputElement | null = null;
	private messageEl: HTMLElement | null = null;
	private busy = false;
	private written = false;

	constructor(plugin: CareerCoachHost) {
		super(plugin.app);
		this.plugin = plugin;
	}

	override onOpen(): void {
		const { contentEl } = this;
		this.modalEl.addClass("career-coach-log-modal");
		this.setTitle("Write session log");
		contentEl.empty();
		contentEl.addClass("career-coach-log-form");
		contentEl.createEl("p", {
			cls: "career-coach-hint",
			text: "For a coaching session held elsewhere. The log goes into the career folder and gets a row in the table of session logs.",
		});
		const focus = field(contentEl, "Focus", "Required: what the session was about, in one line.").createEl("input", {
			cls: "career-coach-log-focus",
			type: "text",
			attr: { spellcheck: "true" },
		});
		this.focusInput = focus;
		const decided = this.textArea(field(contentEl, "Decisions", "One per line: what | why."), "career-coach-log-decisions");
		const threads = this.textArea(field(contentEl, "Open threads", "One per line, for next time."), "career-coach-log-threads");
		const did = this.textArea(field(contentEl, "What was done", "One per line."), "career-coach-log-did");
		const worked = this.textArea(field(contentEl, "What worked well", "One per line."), "career-coach-log-worked");
		const improve = this.textArea(field(contentEl, "What to improve", "One per line."), "career-coach-log-improve");
		const frameworks = this.textArea(field(contentEl, "Frameworks used", "One per line, e.g. Goal Cascade. The log lists only these."), "career-coach-log-frameworks");
		this.messageEl = contentEl.createDiv({ cls: "career-coach-session-message is-error", attr: { role: "alert" } });
		this.messageEl.hide();
		const buttons = contentEl.createDiv({ cls: "modal-button-container career-coach-log-actions" });
		const write = buttons.createEl("button", { cls: "mod-cta", text: "Write log" });
		const submit = (): void => {
			void this.submit({ focus: focus.value, decided: decided.value, threads: threads.value, did: did.value, worked: worked.value, improve: improve.value, frameworks: frameworks.value }, write);
		};
		write.addEventListener("click", submit);
		buttons.createEl("button", { text: "Cancel" }).addEventListener("click", () => {
			this.close();
		});
		// Enter in the one-line focus writes the log; in the other fields it is a new line.
		this.scope.register([], "Enter", (evt) => {
			if (evt.target !== focus || evt.isComposing) {
				return undefined;
			}
			evt.preventDefault();
			submit();
			return false;
		});
		focus.focus();
	}

	override onClose(): void {
		this.contentEl.empty();
	}

	private textArea(parent: HTMLElement, cls: string): HTMLTextAreaElement {
		return parent.createEl("textarea", { cls, attr: { rows: "3", spellcheck: "true" } });
	}

	private async submit(form: LogForm, button: HTMLButtonElement): Promise<void> {
		if (this.busy || this.written) {
			return;
		}
		const line = lines(form.focus).join("; ");
		if (line === "") {
			this.showMessage("A session log needs a focus.");
			this.focusInput?.focus();
			return;
		}
		this.busy = true;
		button.disabled = true;
		this.messageEl?.hide();
		try {
			const log = await writeSessionLog(this.plugin, {
				focus: line,
				decisions: decisions(form.decided),
				threads: lines(form.threads),
				did: lines(form.did),
				worked: lines(form.worked),
				improve: lines(form.improve),
				frameworks: lines(form.frameworks),
			});
			this.written = true;
			this.showWritten(log);
		} catch (thrown) {
			console.error("Career Coach:", "Could not write the session log", thrown);
			this.showMessage(`The session log could not be written: ${thrown instanceof Error ? thrown.message : String(thrown)}`);
		} finally {
			this.busy = false;
			button.disabled = false;
		}
	}

	private showWritten(log: WrittenLog): void {
		const { contentEl } = this;
		contentEl.empty();
		renderWritten(this.app, contentEl, log, () => {
			this.close();
		});
		const buttons = contentEl.createDiv({ cls: "modal-button-container career-coach-log-actions" });
		const open = buttons.createEl("button", { cls: "mod-cta", text: "Open log" });
		open.addEventListener("click", () => {
			this.close();
			void openNote(this.app, log.file).catch((thrown: unknown) => {
				notifyFailure(`Could not open ${log.path}`, thrown);
			});
		});
		buttons.createEl("button", { text: "Close" }).addEventListener("click", () => {
			this.close();
		});
		open.focus();
	}

	private showMessage(text: string): void {
		this.messageEl?.setText(text);
		this.messageEl?.show();
	}
}

/** The form's fields, as typed. */
interface LogForm {
	focus: string;
	decided: string;
	threads: string;
	did: string;
	worked: string;
	improve: string;
	frameworks: string;
}

/** What the list's buttons do to a thread. */
const ACTIONS: readonly { disposition: ThreadDisposition; label: string; tooltip: string; done: string }[] = [
	{ disposition: "resolve", label: "Resolve", tooltip: "Done: tick it in its log", done: "Resolved" },
	{ disposition: "drop", label: "Drop", tooltip: "No longer wanted: cancel it in its log", done: "Dropped" },
];

/** The list of open threads across the session logs. */
class OpenThreadsModal extends Modal {
	private readonly plugin: CareerCoachHost;
	private threads: Thread[];
	private listEl: HTMLElement | null = null;
	private busy = false;

	constructor(plugin: CareerCoachHost, threads: Thread[]) {
		super(plugin.app);
		this.plugin = plugin;
		this.threads = threads;
	}

	override onOpen(): void {
		const { contentEl } = this;
		this.modalEl.addClass("career-coach-open-threads-modal");
		this.setTitle("Open threads");
		contentEl.empty();
		contentEl.addClass("career-coach-open-threads");
		this.listEl = contentEl.createDiv({ cls: "career-coach-open-threads-list" });
		const buttons = contentEl.createDiv({ cls: "modal-button-container" });
		buttons.createEl("button", { text: "Close" }).addEventListener("click", () => {
			this.close();
		});
		this.render();
	}

	override onClose(): void {
		this.contentEl.empty();
	}

	private render(): void {
		const list = this.listEl;
		if (list === null) {
			return;
		}
		list.empty();
		if (this.threads.length === 0) {
			list.createEl("p", { cls: "career-coach-open-threads-empty", text: "No open threads in the session logs." });
			return;
		}
		const count = this.threads.length;
		list.createEl("p", { cls: "career-coach-hint", text: `${String(count)} open thread${count === 1 ? "" : "s"}, oldest log first.` });
		const items = list.createEl("ul", { cls: "career-coach-threads" });
		for (const thread of this.threads) {
			const item = items.createEl("li", { cls: "career-coach-thread career-coach-open-thread", attr: { "data-note": thread.note, "data-line": String(thread.line) } });
			item.createDiv({ cls: "career-coach-thread-text", text: thread.text });
			const meta = item.createDiv({ cls: "career-coach-thread-meta" });
			const carried = carriedLabel(thread);
			if (carried !== "") {
				meta.createSpan({ cls: "career-coach-thread-carried", text: carried });
				meta.appendText(" · ");
			}
			const link = meta.createEl("a", { cls: "career-coach-log-link", text: logName(thread), href: "#", attr: { title: thread.note } });
			link.addEventListener("click", (evt) => {
				evt.preventDefault();
				void this.openLog(thread);
			});
			const group = item.createDiv({ cls: "career-coach-thread-choices" });
			for (const { disposition, label, tooltip, done } of ACTIONS) {
				const button = group.createEl("button", { cls: "career-coach-thread-choice", text: label, attr: { title: tooltip } });
				button.addEventListener("click", () => {
					void this.dispose(thread, disposition, done);
				});
			}
		}
	}

	private async openLog(thread: Thread): Promise<void> {
		const file = this.app.vault.getAbstractFileByPath(normalizePath(thread.note));
		if (!(file instanceof TFile)) {
			notify(`${thread.note} is not in the vault any more.`);
			return;
		}
		this.close();
		try {
			await openNote(this.app, file);
		} catch (thrown) {
			notifyFailure(`Could not open ${thread.note}`, thrown);
		}
	}

	/** Marks the thread in its log, then lists the threads as they are now. */
	private async dispose(thread: Thread, disposition: ThreadDisposition, done: string): Promise<void> {
		if (this.busy) {
			return;
		}
		this.busy = true;
		this.contentEl.addClass("is-busy");
		try {
			await disposeOpenThread(this.app, thread, disposition);
			notify(`${done}: ${thread.text}`);
		} catch (thrown) {
			notifyFailure(`Could not change "${thread.text}"`, thrown);
		}
		try {
			this.threads = await listOpenThreads(this.plugin);
		} catch (thrown) {
			notifyFailure("Could not read the open threads", thrown);
			this.threads = this.threads.filter((other) => other !== thread);
		}
		this.busy = false;
		this.contentEl.removeClass("is-busy");
		this.render();
	}
}
