/**
 * The review commands: "Weekly review", "Monthly review", "Quarterly review", "Annual review",
 * "Show what's due" and "Export review calendar", plus the status bar item that says which
 * review is due — as `career review`, `career due` and `career calendar` do in a terminal.
 *
 * A quarterly review shows the reviewed quarter's intention and focus and asks next quarter's,
 * its fields holding what is set (blank or unchanged keeps it); an annual review asks next
 * year's theme. Both in a small form before anything is written; both may be left blank. The other reviews
 * ask nothing: their questions are in the note, to answer there. Every command ends with the
 * review open and a notice of what happened (items carried, flags). Built with `createEl` only.
 */

import { Modal, normalizePath } from "obsidian";
import type { App } from "obsidian";
import type { Carried, Due, PeriodKind, QuarterContext, ReviewAnswers } from "../core/wasm";
import type { CareerCoachHost } from "./host";
import { notify, notifyFailure } from "./notices";
import { quarterNow, whatIsDue, writeCalendar, writeReview } from "./reviews";
import type { Decisions, WrittenReview } from "./reviews";
import { openNote } from "./session-logs";

/** The four reviews, with their command ids and names. */
const REVIEWS: readonly { kind: PeriodKind; id: string; name: string }[] = [
	{ kind: "week", id: "weekly-review", name: "Weekly review" },
	{ kind: "month", id: "monthly-review", name: "Monthly review" },
	{ kind: "quarter", id: "quarterly-review", name: "Quarterly review" },
	{ kind: "year", id: "annual-review", name: "Annual review" },
];

/** How long after Obsidian has finished loading the status bar first asks what is due. */
const FIRST_REFRESH_MS = 3000;

/** How often the status bar is recomputed while Obsidian stays open (the date moves on). */
const STATUS_REFRESH_MS = 30 * 60 * 1000;

/** Adds the review commands and the status bar item. */
export function registerReviewCommands(plugin: CareerCoachHost): void {
	const status = new DueStatus(plugin);
	for (const review of REVIEWS) {
		plugin.addCommand({
			id: review.id,
			name: review.name,
			callback: () => runReview(plugin, review.kind, status),
		});
	}
	plugin.addCommand({
		id: "show-whats-due",
		name: "Show what's due",
		callback: () => showDue(plugin, status),
	});
	plugin.addCommand({
		id: "export-review-calendar",
		name: "Export review calendar",
		callback: () => exportCalendar(plugin),
	});
	status.start();
}

/** Runs one review: asks what it needs, writes it, opens it. */
export async function runReview(plugin: CareerCoachHost, kind: PeriodKind, status: DueStatus): Promise<void> {
	let answers: ReviewAnswers | null = {};
	let failed = "";
	// A review that could not be written asks again with what was typed, so no answer is lost.
	for (;;) {
		const quarter = kind === "quarter" ? await quarterNow(plugin) : null;
		answers = await askAnswers(plugin.app, kind, answers, failed, quarter);
		if (answers === null) {
			return;
		}
		try {
			const written = await writeReview(plugin, kind, answers, (unfinished, again) => new DecisionsModal(plugin.app, kind, unfinished, again).ask());
			if (written === null) {
				return;
			}
			notify(reviewNotice(written));
			await openNote(plugin.app, written.file);
			return;
		} catch (thrown) {
			notifyFailure(`Could not write the ${adjective(kind)} review`, thrown);
			if (Object.keys(answers).length === 0) {
				return; // nothing typed: nothing to keep
			}
			failed = `Nothing was written: ${thrown instanceof Error ? thrown.message : String(thrown)} Your answers are kept below.`;
		} finally {
			status.refresh();
		}
	}
}

/** What a written review says in its notice. */
export function reviewNotice(written: WrittenReview): string {
	const { plan, file } = written;
	if (written.existed) {
		return `The ${adjective(plan.kind)} review of ${plan.period} is already written: ${file.path}`;
	}
	const parts = [plan.summary];
	for (const flag of plan.flags) {
		parts.push(flag.message);
	}
	return parts.filter((part) => part !== "").join(" ");
}

function adjective(kind: PeriodKind): string {
	return { week: "weekly", month: "monthly", quarter: "quarterly", year: "annual" }[kind];
}

/**
 * The answers a quarterly or annual review asks for; `{}` for the others; null when cancelled.
 * `typed`: answers given before (shown again in their fields); `message`: why they are asked again.
 */
function askAnswers(app: App, kind: PeriodKind, typed: ReviewAnswers, message: string, quarter: QuarterContext | null): Promise<ReviewAnswers | null> {
	if (kind === "quarter") {
		const next = quarter?.next;
		// The fields hold what is set, so confirming unchanged keeps it.
		const shown: ReviewAnswers = { ...typed };
		if (shown.nextIntention === undefined && next !== undefined && next.intention !== "") {
			shown.nextIntention = next.intention;
		}
		if (shown.nextFocus === undefined && next !== undefined && next.focus !== "") {
			shown.nextFocus = next.focus;
		}
		const lines = quarter === null ? [] : [planLine("Reviewed", quarter.reviewed), planLine("Next", quarter.next)];
		return new AnswersModal(app, "Quarterly review", [
			{ key: "nextIntention", label: `${next?.period ?? "Next quarter"}'s intention`, hint: "What the quarter is about, in a few words: \"Build the thesis\", \"Go external\". Unchanged keeps what is set." },
			{ key: "nextFocus", label: "Its focus", hint: "The specific priorities." },
		], shown, message, lines).ask();
	}
	if (kind === "year") {
		return new AnswersModal(app, "Annual review", [{ key: "nextTheme", label: "Next year's theme", hint: "If next year had ONE theme, what would it be? It starts next year's goals." }], typed, message).ask();
	}
	return Promise.resolve(message === "" ? {} : null);
}

/** "Reviewed 2026-Q3: "Go external" — focus: Conference talks", or "not set". */
function planLine(what: string, plan: QuarterContext["reviewed"]): string {
	const intention = plan.intention === "" ? "intention not set" : `"${plan.intention}"`;
	const focus = plan.focus === "" ? "" : ` — focus: ${plan.focus}`;
	return `${what} ${plan.period ?? ""}: ${intention}${focus}`;
}

/** One question of the answers form. */
interface AnswerField {
	key: "nextIntention" | "nextFocus" | "nextTheme";
	label: string;
	hint: string;
}

/** A small form: each answer optional, "Write review" or cancel. */
class AnswersModal extends Modal {
	private readonly title: string;
	private readonly fields: readonly AnswerField[];
	private readonly typed: ReviewAnswers;
	private readonly message: string;
	private readonly context: readonly string[];
	private resolve: (answers: ReviewAnswers | null) => void = () => undefined;
	private answered = false;

	constructor(app: App, title: string, fields: readonly AnswerField[], typed: ReviewAnswers, message: string, context: readonly string[] = []) {
		super(app);
		this.title = title;
		this.fields = fields;
		this.typed = typed;
		this.message = message;
		this.context = context;
	}

	ask(): Promise<ReviewAnswers | null> {
		return new Promise((resolve) => {
			this.resolve = resolve;
			this.open();
		});
	}

	override onOpen(): void {
		const { contentEl } = this;
		this.setTitle(this.title);
		this.modalEl.addClass("career-coach-review-modal");
		contentEl.empty();
		if (this.message !== "") {
			contentEl.createEl("p", { cls: "career-coach-session-message is-error career-coach-review-failed", text: this.message, attr: { role: "alert" } });
		}
		for (const line of this.context) {
			contentEl.createEl("p", { cls: "career-coach-review-current", text: line });
		}
		contentEl.createEl("p", { cls: "career-coach-hint", text: "Leave a field blank to decide later; the review note keeps the question." });
		const inputs = this.fields.map((field) => {
			const label = contentEl.createEl("label", { cls: "career-coach-log-field" });
			label.createSpan({ cls: "career-coach-log-field-name", text: field.label });
			label.createSpan({ cls: "career-coach-log-field-hint", text: field.hint });
			const input = label.createEl("input", { type: "text", cls: `career-coach-review-${field.key}` });
			input.value = this.typed[field.key] ?? "";
			return { field, input };
		});
		const buttons = contentEl.createDiv({ cls: "modal-button-container" });
		buttons.createEl("button", { cls: "mod-cta", text: "Write review" }).addEventListener("click", () => {
			const answers: ReviewAnswers = {};
			for (const { field, input } of inputs) {
				const value = input.value.trim();
				if (value !== "") {
					answers[field.key] = value;
				}
			}
			this.finish(answers);
		});
		buttons.createEl("button", { text: "Cancel" }).addEventListener("click", () => {
			this.close();
		});
		inputs[0]?.input.focus();
	}

	private finish(answers: ReviewAnswers): void {
		this.answered = true;
		this.resolve(answers);
		this.close();
	}

	override onClose(): void {
		this.contentEl.empty();
		if (!this.answered) {
			this.resolve(null);
		}
	}
}

/** The three choices for an unfinished item, the default first. */
const CHOICES: readonly { value: "carry" | "keep" | "drop"; label: string }[] = [
	{ value: "carry", label: "Carry" },
	{ value: "keep", label: "Keep" },
	{ value: "drop", label: "Drop" },
];

/**
 * "Last week's unfinished actions" (or last month's milestones): for each, carry it into the next
 * period (the default), keep it where it is, or drop it. Items carried three times or more are
 * marked, since the method asks to keep, re-scope or drop them.
 */
class DecisionsModal extends Modal {
	private readonly kind: PeriodKind;
	private readonly unfinished: readonly Carried[];
	private readonly again: { previous: Decisions; notice: string } | undefined;
	private readonly chosen = new Map<string, "carry" | "keep" | "drop">();
	private resolve: (decisions: Decisions | null) => void = () => undefined;
	private answered = false;

	constructor(app: App, kind: PeriodKind, unfinished: readonly Carried[], again?: { previous: Decisions; notice: string }) {
		super(app);
		this.kind = kind;
		this.unfinished = unfinished;
		this.again = again;
	}

	/** The choice made before for `text` (asked again), else carry. */
	private initial(text: string): "carry" | "keep" | "drop" {
		const previous = this.again?.previous;
		return previous?.keep.includes(text) === true ? "keep" : previous?.drop.includes(text) === true ? "drop" : "carry";
	}

	ask(): Promise<Decisions | null> {
		return new Promise((resolve) => {
			this.resolve = resolve;
			this.open();
		});
	}

	override onOpen(): void {
		const { contentEl } = this;
		const what = this.kind === "month" ? "milestones" : "actions";
		this.setTitle(`Unfinished ${what}`);
		this.modalEl.addClass("career-coach-decisions-modal");
		contentEl.empty();
		if (this.again !== undefined) {
			contentEl.createEl("p", { cls: "career-coach-session-message is-warning career-coach-decisions-changed", text: this.again.notice, attr: { role: "alert" } });
		}
		contentEl.createEl("p", { cls: "career-coach-hint", text: `Carry each into ${this.unfinished[0]?.to ?? "the next period"}, keep it where it is, or drop it.` });
		const list = contentEl.createEl("ul", { cls: "career-coach-decisions" });
		for (const item of this.unfinished) {
			const row = list.createEl("li", { cls: item.flagged ? "career-coach-decision is-flagged" : "career-coach-decision" });
			const label = row.createDiv({ cls: "career-coach-decision-text", text: item.text });
			if (item.flagged) {
				label.createSpan({ cls: "career-coach-decision-flag", text: ` — carried ${String(item.carried - 1)} times already: keep, re-scope or drop?` });
			}
			const buttons = row.createDiv({ cls: "career-coach-decision-choices", attr: { role: "radiogroup", "aria-label": item.text } });
			const initial = this.initial(item.text);
			this.chosen.set(item.text, initial);
			for (const choice of CHOICES) {
				const button = buttons.createEl("button", { cls: `career-coach-decision-${choice.value}`, text: choice.label, attr: { role: "radio", "aria-checked": String(choice.value === initial) } });
				if (choice.value === initial) {
					button.addClass("is-active");
				}
				button.addEventListener("click", () => {
					this.chosen.set(item.text, choice.value);
					for (const other of Array.from(buttons.children)) {
						other.toggleClass("is-active", other === button);
						other.setAttribute("aria-checked", String(other === button));
					}
				});
			}
		}
		const actions = contentEl.createDiv({ cls: "modal-button-container" });
		actions.createEl("button", { cls: "mod-cta", text: "Write review" }).addEventListener("click", () => {
			const decisions: Decisions = { keep: [], drop: [] };
			for (const [text, choice] of this.chosen) {
				if (choice !== "carry") {
					decisions[choice].push(text);
				}
			}
			this.answered = true;
			this.resolve(decisions);
			this.close();
		});
		actions.createEl("button", { text: "Cancel" }).addEventListener("click", () => {
			this.close();
		});
	}

	override onClose(): void {
		this.contentEl.empty();
		if (!this.answered) {
			this.resolve(null);
		}
	}
}

/** "Show what's due": the list, each with a button that runs its review. */
async function showDue(plugin: CareerCoachHost, status: DueStatus): Promise<void> {
	try {
		const { due } = await whatIsDue(plugin);
		new DueModal(plugin, due, status).open();
	} catch (thrown) {
		notifyFailure("Could not work out which reviews are due", thrown);
	}
}

/** The reviews due now. */
class DueModal extends Modal {
	private readonly plugin: CareerCoachHost;
	private readonly due: readonly Due[];
	private readonly status: DueStatus;

	constructor(plugin: CareerCoachHost, due: readonly Due[], status: DueStatus) {
		super(plugin.app);
		this.plugin = plugin;
		this.due = due;
		this.status = status;
	}

	override onOpen(): void {
		const { contentEl } = this;
		this.setTitle("What's due");
		this.modalEl.addClass("career-coach-due-modal");
		contentEl.empty();
		if (this.due.length === 0) {
			contentEl.createEl("p", { cls: "career-coach-due-none", text: "No review is due. Well kept." });
			return;
		}
		const list = contentEl.createEl("ul", { cls: "career-coach-due-list" });
		for (const item of this.due) {
			const row = list.createEl("li", { cls: "career-coach-due-item" });
			row.createSpan({ cls: "career-coach-due-label", text: item.label });
			const covers = item.covers.length > 1 ? `covers ${item.covers.join(", ")}` : item.period;
			row.createSpan({ cls: "career-coach-due-period", text: ` (${covers}; due since ${item.since})` });
			row.createEl("button", { cls: "mod-cta career-coach-due-run", text: "Review now" }).addEventListener("click", () => {
				this.close();
				void runReview(this.plugin, item.kind, this.status);
			});
		}
	}

	override onClose(): void {
		this.contentEl.empty();
	}
}

/** "Export review calendar": writes the `.ics` into the vault. */
async function exportCalendar(plugin: CareerCoachHost): Promise<void> {
	try {
		const file = await writeCalendar(plugin);
		notify(`Wrote ${file.path}: import it into your phone's calendar to be reminded of each review.`);
	} catch (thrown) {
		notifyFailure("Could not write the review calendar", thrown);
	}
}

/**
 * The status bar item: the most pressing review due ("Weekly review due"), hidden when none is.
 * Recomputed once the vault is ready, when notes in the vault change (debounced) and every half
 * hour; clicking it shows what's due.
 */
export class DueStatus {
	private readonly plugin: CareerCoachHost;
	private readonly el: HTMLElement;
	private timer: number | null = null;

	constructor(plugin: CareerCoachHost) {
		this.plugin = plugin;
		this.el = plugin.addStatusBarItem();
		this.el.addClass("career-coach-due-status", "mod-clickable");
		this.el.setAttribute("aria-label", "Show what's due");
		this.el.hide();
		plugin.registerDomEvent(this.el, "click", () => {
			void showDue(plugin, this);
		});
	}

	start(): void {
		const { plugin } = this;
		const { vault } = plugin.app;
		plugin.app.workspace.onLayoutReady(() => {
			// Not during startup: the first answer needs the WebAssembly core, which is compiled
			// only when something asks for it (see core/wasm.ts).
			this.refreshSoon(FIRST_REFRESH_MS);
			plugin.registerEvent(
				vault.on("create", (file) => {
					this.refreshIfReview(file.path);
				}),
			);
			plugin.registerEvent(
				vault.on("modify", (file) => {
					this.refreshIfReview(file.path);
				}),
			);
			plugin.registerEvent(
				vault.on("delete", (file) => {
					this.refreshIfReview(file.path);
				}),
			);
			plugin.registerEvent(
				vault.on("rename", (file, oldPath) => {
					this.refreshIfReview(file.path);
					this.refreshIfReview(oldPath);
				}),
			);
		});
		plugin.registerInterval(
			window.setInterval(() => {
				this.refresh();
			}, STATUS_REFRESH_MS),
		);
		plugin.register(() => {
			if (this.timer !== null) {
				window.clearTimeout(this.timer);
			}
		});
	}

	/**
	 * Recomputes when a change can affect what is due: a note in the career folder, or any note
	 * in Periodic Notes mode (reviews may live in periodic notes). Typing elsewhere in the vault
	 * costs nothing.
	 */
	private refreshIfReview(path: string): void {
		if (this.plugin.settings.reviewsInPeriodicNotes) {
			this.refreshSoon();
			return;
		}
		const setting = this.plugin.settings.careerFolder.trim();
		const folder = setting === "" ? "" : normalizePath(setting);
		if (folder === "" || folder === "/" ? !path.includes("/") : path.startsWith(`${folder}/`)) {
			this.refreshSoon();
		}
	}

	/** Recomputes after a quiet second, so a burst of writes costs one read of the folder. */
	private refreshSoon(delay = 1000): void {
		if (this.timer !== null) {
			window.clearTimeout(this.timer);
		}
		this.timer = window.setTimeout(() => {
			this.timer = null;
			this.refresh();
		}, delay);
	}

	refresh(): void {
		void whatIsDue(this.plugin)
			.then(({ status }) => {
				if (status === null) {
					this.el.hide();
				} else {
					this.el.setText(status);
					this.el.show();
				}
			})
			.catch((thrown: unknown) => {
				// A status bar must not nag with notices; the console keeps the reason.
				console.error("Career Coach:", "Could not work out which reviews are due", thrown);
				this.el.hide();
			});
	}
}
