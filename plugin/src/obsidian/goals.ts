/**
 * The goals note in the vault: reading it, creating it, setting a goal's status and adding a
 * weekly action — what `career goals new|status|action|progress` do in a terminal
 * (crates/cli/src/commands/goals.rs), the same way.
 *
 * The core writes every byte (`goalsCreate`, `goalsSetStatus`, `goalsAddAction`); this module
 * finds the notes and performs the writes: a new goals note is one `vault.create`, and the link
 * back from the Career Index's theme section, like every edit of an existing note, goes through
 * `write-plan.ts` (the editor when the note is open, else `vault.process`, refusing when the
 * note changed since it was read).
 */

import { TFile, normalizePath } from "obsidian";
import type { App } from "obsidian";
import { goalsAddAction, goalsCreate, goalsProgress, goalsRead, goalsSetStatus, notePaths } from "../core/wasm";
import type { GoalProgressView, GoalsInput, GoalsNote, Outcome } from "../core/wasm";
import type { CareerCoachHost } from "./host";
import { vaultLinkFormat } from "./link-format";
import { CoreRefusal, careerPlace, writeOutcome } from "./session-logs";
import { ConflictError, createPlannedNote, currentText } from "./write-plan";
import { coreSettings } from "./index-location";

/** This planning year's goals note, read. */
export interface GoalsInVault {
	file: TFile;
	text: string;
	note: GoalsNote;
}

/** The goals note's path for today (the planning year's, per the settings). */
export function goalsPath(plugin: CareerCoachHost): string {
	return normalizePath(careerPlace(plugin).paths.goals);
}

/**
 * Why there is no goals note for today, naming both ways forward: plan the new year, or finish
 * last year's note when it exists (on 2027-01-01, before 2027 is planned).
 */
export function missingGoalsMessage(plugin: CareerCoachHost): string {
	const path = goalsPath(plugin);
	const { today } = careerPlace(plugin);
	const year = Number(today.slice(0, 4));
	// The same day a year earlier (28 February for 29 February) lies in the previous planning year.
	const before = `${String(year - 1).padStart(4, "0")}${today.slice(4).replace("-02-29", "-02-28")}`;
	const paths = notePaths({ settings: coreSettings(plugin), today: before });
	const previous = paths.ok ? normalizePath(paths.value.goals) : null;
	if (previous !== null && previous !== path && plugin.app.vault.getAbstractFileByPath(previous) instanceof TFile) {
		return `There is no ${path} yet. Either run "Create goals note" to plan the new year, or open ${previous} to finish last year's plan there.`;
	}
	return `There is no ${path} yet: run "Create goals note" first.`;
}

/** Reads this year's goals note; null when there is none yet. */
export async function readGoals(plugin: CareerCoachHost): Promise<GoalsInVault | null> {
	const file = plugin.app.vault.getAbstractFileByPath(goalsPath(plugin));
	if (!(file instanceof TFile)) {
		return null;
	}
	const text = await currentText(plugin.app, file);
	const note = goalsRead(text);
	if (!note.ok) {
		throw new CoreRefusal(note.error);
	}
	return { file, text, note: note.value };
}

/** The Career Index's text, or null when it does not exist. */
export async function readIndex(plugin: CareerCoachHost): Promise<{ file: TFile; text: string } | null> {
	const file = plugin.app.vault.getAbstractFileByPath(normalizePath(careerPlace(plugin).paths.careerIndex));
	return file instanceof TFile ? { file, text: await currentText(plugin.app, file) } : null;
}

/** A goals note just created. */
export interface CreatedGoals {
	file: TFile;
	/** Whether the Career Index got its link to the note (false: it had one, or there is no index). */
	linkedFromIndex: boolean;
}

/**
 * Creates the goals note from a finished interview in one write, then links it from the Career
 * Index's theme section (when the index exists and does not link it yet).
 *
 * @throws CoreRefusal, ConflictError (the note appeared meanwhile) or the vault's error.
 */
export async function createGoals(plugin: CareerCoachHost, input: GoalsInput): Promise<CreatedGoals> {
	const { app } = plugin;
	const { today } = careerPlace(plugin);
	const index = await readIndex(plugin);
	const made = goalsCreate({ input, settings: coreSettings(plugin), today, linkFormat: vaultLinkFormat(app), indexText: index?.text ?? null });
	if (!made.ok) {
		throw new CoreRefusal(made.error);
	}
	const file = await createPlannedNote(app.vault, normalizePath(made.value.path), made.value.text);
	let linkedFromIndex = false;
	let link = made.value.indexLink;
	let indexText = index?.text ?? null;
	// The index changed between its read and the write (typing, sync): link it in its new text.
	for (let attempt = 0; index !== null && indexText !== null && link !== null && link.text !== null; attempt++) {
		try {
			await writeOutcome(app, index.file, indexText, link);
			linkedFromIndex = true;
			break;
		} catch (thrown) {
			if (!(thrown instanceof ConflictError) || attempt > 0) {
				throw thrown;
			}
			indexText = await currentText(app, index.file);
			const again = goalsCreate({ input, settings: coreSettings(plugin), today, linkFormat: vaultLinkFormat(app), indexText });
			if (!again.ok) {
				throw new CoreRefusal(again.error);
			}
			link = again.value.indexLink;
		}
	}
	return { file, linkedFromIndex };
}

/**
 * Applies a change computed by the core from the goals note's current text, once more on the new
 * text if the note changed in between (a sync, a typing user).
 */
async function changeGoals(app: App, file: TFile, change: (text: string) => Outcome): Promise<boolean> {
	for (let attempt = 0; ; attempt++) {
		const text = await currentText(app, file);
		const outcome = change(text);
		try {
			await writeOutcome(app, file, text, outcome);
			return outcome.text !== null;
		} catch (thrown) {
			if (!(thrown instanceof ConflictError) || attempt > 0) {
				throw thrown;
			}
		}
	}
}

function unwrap(result: { ok: true; value: Outcome } | { ok: false; error: { code: string; message: string } }): Outcome {
	if (!result.ok) {
		throw new CoreRefusal(result.error);
	}
	return result.value;
}

/** Sets a goal's Status cell (only that cell changes). Returns false when it already said so. */
export async function setGoalStatus(app: App, file: TFile, goal: string, status: string): Promise<boolean> {
	return await changeGoals(app, file, (text) => unwrap(goalsSetStatus(text, { goal, status })));
}

/** Adds an action for the current ISO week (its heading is created when missing). */
export async function addWeeklyAction(plugin: CareerCoachHost, file: TFile, action: string, goal: string | null): Promise<boolean> {
	const { today } = careerPlace(plugin);
	return await changeGoals(plugin.app, file, (text) => unwrap(goalsAddAction(text, { today, text: action, goal, week: null })));
}

/** Progress of a goals note's text, computed by the core for today. */
export function progressOf(plugin: CareerCoachHost, text: string): GoalProgressView {
	const { today } = careerPlace(plugin);
	const found = goalsProgress(text, { today, settings: coreSettings(plugin) });
	if (!found.ok) {
		throw new CoreRefusal(found.error);
	}
	return found.value;
}
