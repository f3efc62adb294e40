/**
 * "Create or upgrade …": the Career Index, the profile and the methodology note.
 *
 * The core decides every path and every byte of note text (`planNote`); this module reads the
 * note as it is now, asks for the plan, shows the preview when an existing note would change,
 * and performs the single write (see `write-plan.ts`). Never throws: every outcome ends in a
 * notice (or in the user cancelling the preview), because a command callback has nobody to
 * report to.
 */

import { TFile, normalizePath } from "obsidian";
import { notePaths, planNote } from "../core/wasm";
import type { NoteKind, NotePaths, NotePlan } from "../core/wasm";
import { localIsoDate } from "../today";
import type { CareerCoachHost } from "./host";
import { vaultLinkFormat } from "./link-format";
import { notify, notifyCoreError, notifyFailure } from "./notices";
import { CoreRefusal } from "./session-logs";
import { recordToday } from "./phases-record";
import { previewAndWrite } from "./upgrade-write";
import { ConflictError, createPlannedNote, currentText, replaceAllEdits, writeUpgrade } from "./write-plan";
import { coreSettings } from "./index-location";

/** How each note is named in messages, and which of the core's paths is its. */
const NOTES: Readonly<Record<NoteKind, { noun: string; path: (paths: NotePaths) => string }>> = {
	"career-index": { noun: "career index", path: (paths) => paths.careerIndex },
	profile: { noun: "profile", path: (paths) => paths.profile },
	methodology: { noun: "methodology note", path: (paths) => paths.methodology },
};

/** Creates the note of `kind` when it is missing, or offers to add what it lacks. */
export async function createOrUpgradeNote(plugin: CareerCoachHost, kind: NoteKind): Promise<void> {
	const action = `Could not create or upgrade the ${NOTES[kind].noun}`;
	try {
		await run(plugin, kind, action);
	} catch (thrown) {
		if (thrown instanceof ConflictError) {
			notify(thrown.message);
		} else if (thrown instanceof CoreRefusal) {
			notifyCoreError(action, { code: thrown.code, message: thrown.message });
		} else {
			notifyFailure(action, thrown);
		}
	}
}

async function run(plugin: CareerCoachHost, kind: NoteKind, action: string): Promise<void> {
	const { app } = plugin;
	const settings = coreSettings(plugin);
	const today = localIsoDate(new Date());

	const paths = notePaths({ settings, today });
	if (!paths.ok) {
		notifyCoreError(action, paths.error);
		return;
	}
	const path = normalizePath(NOTES[kind].path(paths.value));
	const found = app.vault.getAbstractFileByPath(path);
	if (found !== null && !(found instanceof TFile)) {
		notify(`${path} is a folder, so the ${NOTES[kind].noun} cannot be written there.`);
		return;
	}
	const existing = found === null ? null : await currentText(app, found);

	const planned = planNote({ kind, settings, today, linkFormat: vaultLinkFormat(app), existing });
	if (!planned.ok) {
		notifyCoreError(action, planned.error);
		return;
	}
	const plan = planned.value;
	if (normalizePath(plan.path) !== path) {
		throw new Error(`the core planned ${plan.path} but the note is ${path}.`);
	}

	if (plan.action === "none") {
		notify(`${path} already has every section.`);
		return;
	}
	if (found === null || existing === null) {
		await create(plugin, path, plan);
		return;
	}
	if (plan.action === "create") {
		// The note exists but is blank: fill it, checked like any other change.
		await writeUpgrade(app, found, existing, { ...plan, edits: replaceAllEdits(existing, plan.text ?? "") });
		notify(`Filled ${path}, which was empty.`);
		return;
	}

	// Confirmed, it is planned again on the note as it is then (see upgrade-write.ts).
	let written = plan;
	const outcome = await previewAndWrite(app, found, existing, plan, (text) => {
		const again = planNote({ kind, settings, today, linkFormat: vaultLinkFormat(app), existing: text });
		if (!again.ok) {
			throw new CoreRefusal(again.error);
		}
		if (again.value.action === "none" || again.value.text === null) {
			return null;
		}
		written = again.value.action === "create" ? { ...again.value, edits: replaceAllEdits(text, again.value.text) } : again.value;
		return written;
	});
	if (outcome === "nothing") {
		notify(`${path} already has every section.`);
	} else if (outcome === "written") {
		notify(`Added ${String(countAdded(written))} section(s) to ${path}`);
		if (kind === "career-index") {
			// Phase 2 of the next session log (a new index is read from its `created`).
			await recordToday(plugin, { kind: "upgraded", indexNote: found.basename, added: written.additions.flatMap((a) => a.what) });
		}
	}
}

/** Creates the missing note in one write and opens it. */
async function create(plugin: CareerCoachHost, path: string, plan: NotePlan): Promise<void> {
	if (plan.action !== "create" || plan.text === null) {
		throw new Error(`the core planned to ${plan.action} ${path}, which does not exist.`);
	}
	const file = await createPlannedNote(plugin.app.vault, path, plan.text);
	await plugin.app.workspace.getLeaf(false).openFile(file);
	notify(`Created ${path}`);
}

/**
 * How many things an upgrade adds: each entry of an addition's `what` is one section, the
 * prompts of one section, or the note's properties.
 */
function countAdded(plan: NotePlan): number {
	return plan.additions.reduce((total, addition) => total + addition.what.length, 0);
}
