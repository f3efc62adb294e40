/**
 * The plugin's commands: registration and what each one does in the vault.
 *
 * The core decides every path and every byte of note text; this module only asks it, checks
 * the vault, and performs the single write. A new note is written with one `vault.create`
 * (never created empty and filled afterwards, which would race with Templater and sync),
 * and an existing note is never overwritten.
 */

import { normalizePath } from "obsidian";
import { notePaths, renderCareerIndex } from "../core/wasm";
import type { DatedInput } from "../core/wasm";
import { localIsoDate } from "../today";
import { ensureFolder, parentFolder } from "./folders";
import type { CareerCoachHost } from "./host";
import { notify, notifyCoreError, notifyFailure } from "./notices";

/** Adds every command of the plugin to Obsidian's command palette. */
export function registerCommands(plugin: CareerCoachHost): void {
	plugin.addCommand({
		id: "create-career-index",
		name: "Create career index",
		callback: () => createCareerIndex(plugin),
	});
}

/**
 * Creates the Career Index note from the core's template and opens it.
 *
 * Refuses, with a notice, when the note already exists. Never throws: every failure ends
 * in a notice, because a command callback has nobody to report to.
 */
export async function createCareerIndex(plugin: CareerCoachHost): Promise<void> {
	const action = "Could not create the career index";
	const input: DatedInput = { settings: { ...plugin.settings }, today: localIsoDate(new Date()) };

	const paths = notePaths(input);
	if (!paths.ok) {
		notifyCoreError(action, paths.error);
		return;
	}
	const path = normalizePath(paths.value.careerIndex);
	const { vault, workspace } = plugin.app;
	if (vault.getAbstractFileByPath(path) !== null) {
		notify(`${path} already exists, so it was left unchanged.`);
		return;
	}

	const note = renderCareerIndex(input);
	if (!note.ok) {
		notifyCoreError(action, note.error);
		return;
	}

	try {
		await ensureFolder(vault, parentFolder(path));
		const file = await vault.create(path, note.value.text);
		await workspace.getLeaf(false).openFile(file);
	} catch (thrown) {
		notifyFailure(action, thrown);
	}
}
