/**
 * The goal cascade's commands: "Create goals note" (a guided interview, see
 * `goals-interview-modal.ts`), "Set goal status", "Add weekly action" and "Show goal
 * progress" — as `career goals new|status|action|progress` do in a terminal. The
 * `career-progress` code block is the progress chart (see `chart-block.ts`).
 *
 * The commands that change the goals note need it to exist; when it does not, they say which
 * command creates it. Built with `createEl` only.
 */

import { Modal } from "obsidian";
import type { TFile } from "obsidian";
import type { GoalProgressView, GoalsNote } from "../core/wasm";
import { addWeeklyAction, missingGoalsMessage, progressOf, readGoals, setGoalStatus } from "./goals";
import { openGoalsInterview } from "./goals-interview-modal";
import type { CareerCoachHost } from "./host";
import { notify, notifyFailure } from "./notices";
import { pickOne } from "./pick";
import { renderProgress } from "./progress-view";

/** The four statuses a goal can be set to, as the note writes them. */
export const GOAL_STATUSES = ["Not started", "In progress", "At risk", "Complete"] as const;

/** Adds the goals commands. */
export function registerGoalsCommands(plugin: CareerCoachHost): void {
	plugin.addCommand({
		id: "create-goals-note",
		name: "Create goals note",
		callback: () => openGoalsInterview(plugin),
	});
	plugin.addCommand({
		id: "set-goal-status",
		name: "Set goal status",
		callback: () => setStatus(plugin),
	});
	plugin.addCommand({
		id: "add-weekly-action",
		name: "Add weekly action",
		callback: () => addAction(plugin),
	});
	plugin.addCommand({
		id: "show-goal-progress",
		name: "Show goal progress",
		callback: () => showProgress(plugin),
	});
}

/** This year's goals note, or a notice saying how to create it. */
async function goalsOrExplain(plugin: CareerCoachHost): Promise<{ file: TFile; note: GoalsNote } | null> {
	const goals = await readGoals(plugin);
	if (goals === null) {
		notify(missingGoalsMessage(plugin));
		return null;
	}
	if (goals.note.goals.length === 0) {
		notify(`${goals.file.path} has no Annual Goals table with goals (G1, G2…) in it.`);
		return null;
	}
	return goals;
}

/** "Set goal status": pick a goal, pick its status, write the cell. */
async function setStatus(plugin: CareerCoachHost): Promise<void> {
	try {
		const goals = await goalsOrExplain(plugin);
		if (goals === null) {
			return;
		}
		const goal = await pickOne(
			plugin.app,
			"Which goal?",
			goals.note.goals.map((g) => ({ value: g.id, label: `${g.id} — ${g.outcome}`, note: g.status })),
		);
		if (goal === null) {
			return;
		}
		const status = await pickOne(
			plugin.app,
			`${goal}'s status`,
			GOAL_STATUSES.map((s) => ({ value: s, label: s })),
		);
		if (status === null) {
			return;
		}
		const changed = await setGoalStatus(plugin.app, goals.file, goal, status);
		notify(changed ? `${goal} is now ${status}.` : `${goal} was already ${status}.`);
	} catch (thrown) {
		notifyFailure("Could not set the goal's status", thrown);
	}
}

/** "Add weekly action": a short form (the action, the goal it serves). */
async function addAction(plugin: CareerCoachHost): Promise<void> {
	try {
		const goals = await goalsOrExplain(plugin);
		if (goals !== null) {
			new ActionModal(plugin, goals.file, goals.note).open();
		}
	} catch (thrown) {
		notifyFailure("Could not read the goals note", thrown);
	}
}

class ActionModal extends Modal {
	private readonly plugin: CareerCoachHost;
	private readonly file: TFile;
	private readonly note: GoalsNote;

	constructor(plugin: CareerCoachHost, file: TFile, note: GoalsNote) {
		super(plugin.app);
		this.plugin = plugin;
		this.file = file;
		this.note = note;
	}

	override onOpen(): void {
		const { contentEl } = this;
		this.setTitle("Add weekly action");
		this.modalEl.addClass("career-coach-action-modal");
		contentEl.empty();
		contentEl.createEl("p", { cls: "career-coach-hint", text: "It goes under this week's heading in the goals note, as a checkbox task plugins can read." });
		const label = contentEl.createEl("label", { cls: "career-coach-log-field" });
		label.createSpan({ cls: "career-coach-log-field-name", text: "Action" });
		const input = label.createEl("input", { type: "text", cls: "career-coach-action-text" });
		const goalLabel = contentEl.createEl("label", { cls: "career-coach-log-field" });
		goalLabel.createSpan({ cls: "career-coach-log-field-name", text: "Serves" });
		const select = goalLabel.createEl("select", { cls: "dropdown career-coach-action-goal" });
		for (const goal of this.note.goals) {
			select.createEl("option", { value: goal.id, text: `${goal.id} — ${goal.outcome}` });
		}
		select.createEl("option", { value: "", text: "No goal" });
		const message = contentEl.createDiv({ cls: "career-coach-session-message is-error", attr: { role: "alert" } });
		message.hide();
		const buttons = contentEl.createDiv({ cls: "modal-button-container" });
		const add = buttons.createEl("button", { cls: "mod-cta", text: "Add action" });
		const submit = (): void => {
			const text = input.value.trim();
			if (text === "") {
				message.setText("Write the action first.");
				message.show();
				return;
			}
			add.disabled = true;
			void addWeeklyAction(this.plugin, this.file, text, select.value === "" ? null : select.value)
				.then((added) => {
					notify(added ? `Added to this week's actions in ${this.file.path}.` : `"${text}" is already one of this week's open actions.`);
					this.close();
				})
				.catch((thrown: unknown) => {
					message.setText(thrown instanceof Error ? thrown.message : String(thrown));
					message.show();
					add.disabled = false;
				});
		};
		add.addEventListener("click", submit);
		input.addEventListener("keydown", (evt) => {
			if (evt.key === "Enter" && !evt.isComposing) {
				evt.preventDefault();
				submit();
			}
		});
		buttons.createEl("button", { text: "Cancel" }).addEventListener("click", () => {
			this.close();
		});
		input.focus();
	}

	override onClose(): void {
		this.contentEl.empty();
	}
}

/** "Show goal progress": goals, quarters and months as tables, in a modal. */
async function showProgress(plugin: CareerCoachHost): Promise<void> {
	try {
		const goals = await readGoals(plugin);
		if (goals === null) {
			notify(missingGoalsMessage(plugin));
			return;
		}
		new ProgressModal(plugin, goals.file.path, progressOf(plugin, goals.text)).open();
	} catch (thrown) {
		notifyFailure("Could not compute the progress", thrown);
	}
}

class ProgressModal extends Modal {
	private readonly path: string;
	private readonly view: GoalProgressView;

	constructor(plugin: CareerCoachHost, path: string, view: GoalProgressView) {
		super(plugin.app);
		this.path = path;
		this.view = view;
	}

	override onOpen(): void {
		this.setTitle("Goal progress");
		this.modalEl.addClass("career-coach-progress-modal");
		this.contentEl.empty();
		this.contentEl.createEl("p", { cls: "career-coach-hint", text: `From ${this.path}, counting its checkboxes and statuses.` });
		renderProgress(this.contentEl, this.view);
	}

	override onClose(): void {
		this.contentEl.empty();
	}
}
