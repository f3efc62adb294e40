/**
 * The blind spot analysis, shown: the core's findings grouped by severity (High, Medium, Low,
 * each with its count), and for each finding its section, the evidence, a link to the line of
 * the Career Index it points at, the question that surfaces the gap and what to do about it
 * ("Coach this" or "Add section"). "Save as note" keeps the analysis in the vault.
 *
 * The modal only shows and asks; `blind-spots.ts` does the work through the callbacks. After
 * "Add section" the analysis runs again and the list is redrawn. Built with `createEl` only
 * (note text is always shown as text); one column that wraps, with full-width buttons on a
 * phone (see `.career-coach-blind*` in plugin/styles/).
 */

import { Modal } from "obsidian";
import type { App } from "obsidian";
import type { Finding } from "../core/wasm";

/** One run of the analysis. */
export interface BlindSpotAnalysis {
	/** The findings, as the core ordered them. */
	findings: Finding[];
	/** The Career Index's vault path. */
	indexPath: string;
	/** How many session logs were read. */
	logCount: number;
	/** Whether the goals note was read. */
	goals: boolean;
}

/** What the modal's buttons do. */
export interface BlindSpotActions {
	/** Opens the Career Index at `line` (1-based); the modal has closed. */
	openLine: (line: number) => Promise<void>;
	/** Starts coaching the finding's section; the modal has closed. */
	coach: (finding: Finding) => void;
	/** Adds the finding's missing section; resolves with whether the note may have changed. */
	addSection: (finding: Finding) => Promise<boolean>;
	/** Runs the analysis again; null when it could not run (a notice said why). */
	reanalyze: () => Promise<BlindSpotAnalysis | null>;
	/** Saves `findings` as the dated analysis note. */
	save: (findings: readonly Finding[]) => Promise<void>;
}

/** The severities, most severe first, with their headings. */
const GROUPS: readonly { severity: Finding["severity"]; heading: string }[] = [
	{ severity: "high", heading: "High" },
	{ severity: "medium", heading: "Medium" },
	{ severity: "low", heading: "Low" },
];

/** The modal; open it with `new BlindSpotModal(app, analysis, actions).open()`. */
export class BlindSpotModal extends Modal {
	private analysis: BlindSpotAnalysis;
	private readonly actions: BlindSpotActions;
	private introEl: HTMLElement | null = null;
	private listEl: HTMLElement | null = null;
	private footerEl: HTMLElement | null = null;
	private busy = false;

	constructor(app: App, analysis: BlindSpotAnalysis, actions: BlindSpotActions) {
		super(app);
		this.analysis = analysis;
		this.actions = actions;
	}

	override onOpen(): void {
		const { contentEl } = this;
		this.modalEl.addClass("career-coach-blind-modal");
		this.setTitle("Blind spots");
		contentEl.empty();
		contentEl.addClass("career-coach-blind");
		this.introEl = contentEl.createEl("p", { cls: "career-coach-blind-intro" });
		this.listEl = contentEl.createDiv({ cls: "career-coach-blind-findings" });
		this.footerEl = contentEl.createDiv({ cls: "modal-button-container career-coach-blind-footer" });
		const save = this.footerEl.createEl("button", { cls: "mod-cta", text: "Save as note" });
		save.setAttr("title", "Save this analysis as a dated note in the career folder");
		save.addEventListener("click", () => {
			void this.run(() => this.actions.save(this.analysis.findings));
		});
		this.footerEl.createEl("button", { text: "Close" }).addEventListener("click", () => {
			this.close();
		});
		this.render();
	}

	override onClose(): void {
		this.contentEl.empty();
	}

	/** Draws the intro and the findings of the current analysis. */
	private render(): void {
		const { analysis } = this;
		const sources = [analysis.indexPath];
		if (analysis.goals) {
			sources.push("the goals note");
		}
		sources.push(`${String(analysis.logCount)} session log${analysis.logCount === 1 ? "" : "s"}`);
		this.introEl?.setText(`What is missing that should be front and center? Read: ${sources.join(", ")}.`);

		const list = this.listEl;
		if (list === null) {
			return;
		}
		list.empty();
		if (analysis.findings.length === 0) {
			list.createEl("p", { cls: "career-coach-blind-empty", text: "No blind spots found." });
			return;
		}
		for (const { severity, heading } of GROUPS) {
			const findings = analysis.findings.filter((finding) => finding.severity === severity);
			if (findings.length === 0) {
				continue;
			}
			const group = list.createDiv({ cls: ["career-coach-blind-group", `is-${severity}`], attr: { "data-severity": severity } });
			group.createEl("h3", { cls: "career-coach-blind-heading", text: `${heading} (${String(findings.length)})` });
			for (const finding of findings) {
				this.renderFinding(group, finding);
			}
		}
	}

	private renderFinding(parent: HTMLElement, finding: Finding): void {
		const item = parent.createDiv({ cls: "career-coach-finding", attr: { "data-finding": finding.id } });
		const summary = item.createEl("p", { cls: "career-coach-finding-summary" });
		summary.createEl("strong", { cls: "career-coach-finding-section", text: finding.section });
		summary.appendText(" ");
		summary.createSpan({ cls: "career-coach-finding-evidence", text: finding.evidence });
		const line = finding.line;
		if (line !== null) {
			summary.appendText(" ");
			const link = summary.createEl("a", {
				cls: "career-coach-finding-line",
				text: `line ${String(line)}`,
				attr: { href: "#", "aria-label": `Open ${this.analysis.indexPath} at line ${String(line)}` },
			});
			link.addEventListener("click", (evt) => {
				evt.preventDefault();
				if (this.busy) {
					return;
				}
				this.close();
				void this.actions.openLine(line);
			});
		}
		item.createEl("p", { cls: "career-coach-finding-question" }).createEl("em", { text: finding.question });

		const actions = item.createDiv({ cls: "career-coach-finding-actions" });
		if (finding.action.kind === "coach") {
			const button = actions.createEl("button", { text: "Coach this" });
			button.setAttr("title", `Start a coaching session on ${finding.section}`);
			button.addEventListener("click", () => {
				if (this.busy) {
					return;
				}
				this.close();
				this.actions.coach(finding);
			});
		} else {
			const button = actions.createEl("button", { text: "Add section" });
			button.setAttr("title", `Add ${finding.section} to the career index (you see a preview first)`);
			button.addEventListener("click", () => {
				void this.run(async () => {
					if (await this.actions.addSection(finding)) {
						await this.refresh();
					}
				});
			});
		}
	}

	/** Runs the analysis again and redraws; keeps the current findings if it cannot run. */
	private async refresh(): Promise<void> {
		const next = await this.actions.reanalyze();
		if (next !== null && this.listEl !== null) {
			this.analysis = next;
			this.render();
		}
	}

	/** Runs `work` with every button disabled, one piece of work at a time. */
	private async run(work: () => Promise<void>): Promise<void> {
		if (this.busy) {
			return;
		}
		this.setBusy(true);
		try {
			await work();
		} finally {
			this.setBusy(false);
		}
	}

	private setBusy(busy: boolean): void {
		this.busy = busy;
		this.contentEl.toggleClass("is-busy", busy);
		for (const button of Array.from(this.contentEl.querySelectorAll("button"))) {
			button.disabled = busy;
		}
	}
}
