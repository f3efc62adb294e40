/**
 * "Run blind spot analysis": what is missing from the Career Index that should be front and
 * center.
 *
 * The core does the analysis (`blindSpots`) from the Career Index, the year's goals note and
 * the session logs; this module finds and reads those notes, shows the findings (see
 * `blind-spot-modal.ts`) and performs what the person chooses there:
 *
 * - "Coach this" starts a coaching session on the finding's section, through the coaching
 *   commands' own entry point (one session at a time, Resume or start new), opening the entry
 *   the finding points at for editing when it points at one.
 * - "Add section" asks the core to plan adding just that section (`planSections`), shows the
 *   usual upgrade preview and writes through `write-plan.ts` once confirmed; the analysis then
 *   runs again, and the section is recorded for the next session log (`phases-record.ts`).
 * - "Save as note" writes `Blind Spot Analysis YYYY-MM-DD` into the career folder in one
 *   `vault.create`, compared with the latest saved analysis; an analysis already saved today
 *   is never overwritten.
 *
 * Never throws: every failure ends in a notice.
 */

import { MarkdownView, TFile, TFolder, normalizePath } from "obsidian";
import type { App } from "obsidian";
import { blindSpotNote, blindSpots, notePaths, planSections } from "../core/wasm";
import type { Finding, NotePaths, NotePlan } from "../core/wasm";
import { frontmatterScalar } from "../text/frontmatter";
import { localIsoDate } from "../today";
import { BlindSpotModal } from "./blind-spot-modal";
import type { BlindSpotAnalysis } from "./blind-spot-modal";
import type { Coaching } from "./coach-commands";
import { parentFolder } from "./folders";
import type { CareerCoachHost } from "./host";
import { vaultLinkFormat } from "./link-format";
import { notify, notifyCoreError, notifyFailure } from "./notices";
import { recordToday } from "./phases-record";
import { previewAndWrite } from "./upgrade-write";
import { ConflictError, createPlannedNote, currentText, replaceAllEdits } from "./write-plan";
import { coreSettings } from "./index-location";

const FAILED = "Could not run the blind spot analysis";
/** The frontmatter `type` of a session log (crates/core/src/log/render.rs writes it). */
const SESSION_LOG_TYPE = "coaching-session";
/** How saved analyses are named: this prefix, then the date (crates/core/src/blindspots/note.rs). */
const SAVED_PREFIX = "Blind Spot Analysis ";

/** Adds "Run blind spot analysis"; `coaching` starts the sessions its findings offer. */
export function registerBlindSpotCommand(plugin: CareerCoachHost, coaching: Coaching): void {
	plugin.addCommand({
		id: "run-blind-spot-analysis",
		name: "Run blind spot analysis",
		callback: () => runBlindSpotAnalysis(plugin, coaching),
	});
}

/**
 * "Coach this": coaches the finding's section. When the finding points at one entry (a win
 * without numbers, a risk without mitigation), the session opens that entry for editing, so it
 * is changed in place, never copied; otherwise it walks the section's entries, then asks for new
 * ones.
 */
async function coachFinding(coaching: Coaching, finding: Finding): Promise<void> {
	if (finding.action.kind !== "coach") {
		return;
	}
	await coaching.coachSections([finding.action.section], finding.question, finding.action.entry);
}

/** Runs the analysis and opens the findings. */
async function runBlindSpotAnalysis(plugin: CareerCoachHost, coaching: Coaching): Promise<void> {
	try {
		const analysis = await analyze(plugin);
		if (analysis === null) {
			return;
		}
		new BlindSpotModal(plugin.app, analysis, {
			openLine: (line) => openIndexAt(plugin, line),
			coach: (finding) => {
				void coachFinding(coaching, finding);
			},
			addSection: (finding) => addSection(plugin, finding),
			reanalyze: () => analyze(plugin),
			save: (findings) => saveAnalysis(plugin, findings),
		}).open();
	} catch (thrown) {
		notifyFailure(FAILED, thrown);
	}
}

/** Where the notes are for today's settings. */
interface Place {
	paths: NotePaths;
	today: string;
	/** The Career Index's vault path. */
	indexPath: string;
	/** The career folder: the Career Index's folder, `""` for the vault root. */
	folder: string;
}

function place(plugin: CareerCoachHost, action: string): Place | null {
	const today = localIsoDate(new Date());
	const paths = notePaths({ settings: coreSettings(plugin), today });
	if (!paths.ok) {
		notifyCoreError(action, paths.error);
		return null;
	}
	const indexPath = normalizePath(paths.value.careerIndex);
	return { paths: paths.value, today, indexPath, folder: parentFolder(indexPath) };
}

/** The Career Index, or null with a notice saying how to create it. */
function indexFile(app: App, path: string): TFile | null {
	const file = app.vault.getAbstractFileByPath(path);
	if (file instanceof TFile) {
		return file;
	}
	notify(`${path} does not exist yet: run "Create or upgrade career index" first.`);
	return null;
}

/**
 * Reads the Career Index, the goals note and the session logs, and asks the core for the
 * findings; null (after a notice) when there is nothing to analyse or the core refused.
 */
async function analyze(plugin: CareerCoachHost): Promise<BlindSpotAnalysis | null> {
	const { app } = plugin;
	const where = place(plugin, FAILED);
	if (where === null) {
		return null;
	}
	const file = indexFile(app, where.indexPath);
	if (file === null) {
		return null;
	}
	const index = await currentText(app, file);
	const goalsFile = app.vault.getAbstractFileByPath(normalizePath(where.paths.goals));
	const goals = goalsFile instanceof TFile ? await currentText(app, goalsFile) : null;
	const logs = await sessionLogs(app, where.folder);

	const found = blindSpots({ index, goals, logs, today: where.today });
	if (!found.ok) {
		notifyCoreError(FAILED, found.error);
		return null;
	}
	return { findings: found.value, indexPath: where.indexPath, logCount: logs.length, goals: goals !== null };
}

/** The Markdown notes directly in `folder` (the vault root for `""`), sorted by path. */
function notesIn(app: App, folder: string): TFile[] {
	const found = folder === "" ? app.vault.getRoot() : app.vault.getFolderByPath(folder);
	if (!(found instanceof TFolder)) {
		return [];
	}
	return found.children
		.filter((child): child is TFile => child instanceof TFile && child.extension === "md")
		.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * Every session log in the career folder, as (vault path, text): the notes whose frontmatter
 * `type` is `coaching-session`. The metadata cache says which they are; a note it has not
 * indexed yet (just created or synced) is read and its frontmatter checked here.
 */
async function sessionLogs(app: App, folder: string): Promise<[string, string][]> {
	const logs: [string, string][] = [];
	for (const file of notesIn(app, folder)) {
		const cache = app.metadataCache.getFileCache(file);
		if (cache !== null) {
			if (cache.frontmatter?.type !== SESSION_LOG_TYPE) {
				continue;
			}
			logs.push([file.path, await app.vault.cachedRead(file)]);
			continue;
		}
		const text = await app.vault.cachedRead(file);
		if (frontmatterScalar(text, "type") === SESSION_LOG_TYPE) {
			logs.push([file.path, text]);
		}
	}
	return logs;
}

/** Opens the Career Index with the cursor on `line` (1-based, as the findings give it). */
async function openIndexAt(plugin: CareerCoachHost, line: number): Promise<void> {
	try {
		const { app } = plugin;
		const where = place(plugin, "Could not open the career index");
		const file = where === null ? null : indexFile(app, where.indexPath);
		if (file === null) {
			return;
		}
		const target = Math.max(0, line - 1);
		const leaf = app.workspace.getLeaf(false);
		// Obsidian scrolls to `eState.line`; the cursor is put there too, so typing starts there.
		await leaf.openFile(file, { active: true, eState: { line: target } });
		const view = leaf.view;
		if (view instanceof MarkdownView && view.file?.path === file.path) {
			view.editor.setCursor({ line: Math.min(target, view.editor.lastLine()), ch: 0 });
		}
	} catch (thrown) {
		notifyFailure("Could not open the career index", thrown);
	}
}

/**
 * "Add section": plans adding the finding's section, previews it and writes it once confirmed.
 * Resolves with whether the note may have changed (the analysis is then run again).
 */
async function addSection(plugin: CareerCoachHost, finding: Finding): Promise<boolean> {
	const action = `Could not add ${finding.section}`;
	try {
		const { app } = plugin;
		const where = place(plugin, action);
		const file = where === null ? null : indexFile(app, where.indexPath);
		if (where === null || file === null) {
			return false;
		}
		const existing = await currentText(app, file);
		const planned = planSections({
			settings: coreSettings(plugin),
			today: where.today,
			linkFormat: vaultLinkFormat(app),
			existing,
			sections: [finding.action.section],
		});
		if (!planned.ok) {
			notifyCoreError(action, planned.error);
			return false;
		}
		const plan = planned.value;
		if (normalizePath(plan.path) !== file.path) {
			throw new Error(`the core planned ${plan.path} but the note is ${file.path}.`);
		}
		if (plan.action === "none" || plan.text === null) {
			notify(`${file.path} already has ${finding.section}.`);
			return true;
		}
		// A blank note is filled as a whole, like "Create or upgrade career index" does.
		const withEdits = (text: string, planned: NotePlan): NotePlan =>
			planned.action === "create" && planned.text !== null ? { ...planned, edits: replaceAllEdits(text, planned.text) } : planned;
		// Confirmed, it is planned again on the note as it is then (see upgrade-write.ts).
		const outcome = await previewAndWrite(app, file, existing, withEdits(existing, plan), (text) => {
			const again = planSections({ settings: coreSettings(plugin), today: where.today, linkFormat: vaultLinkFormat(app), existing: text, sections: [finding.action.section] });
			if (!again.ok) {
				throw new Error(again.error.message);
			}
			return again.value.action === "none" || again.value.text === null ? null : withEdits(text, again.value);
		});
		if (outcome === "cancelled") {
			return false;
		}
		notify(outcome === "written" ? `Added ${finding.section} to ${file.path}` : `${file.path} already has ${finding.section}.`);
		if (outcome === "written") {
			// Phase 4 of the next session log: the gap and the section added for it.
			await recordToday(plugin, { kind: "added-for-blind-spot", section: finding.section, gap: `${finding.section}: ${finding.evidence}` });
		}
		return true;
	} catch (thrown) {
		if (thrown instanceof ConflictError) {
			notify(thrown.message);
		} else {
			notifyFailure(action, thrown);
		}
		return false;
	}
}

/**
 * "Save as note": the dated analysis note in the career folder, in one `vault.create`; never
 * over an existing note (today's analysis saved already).
 */
async function saveAnalysis(plugin: CareerCoachHost, findings: readonly Finding[]): Promise<void> {
	const action = "Could not save the blind spot analysis";
	try {
		const { app } = plugin;
		const where = place(plugin, action);
		if (where === null) {
			return;
		}
		const saved = notesIn(app, where.folder).filter((file) => file.basename.startsWith(SAVED_PREFIX));
		const latest = saved.reduce<TFile | null>((last, file) => (last === null || file.basename > last.basename ? file : last), null);
		const previous: [string, string] | null = latest === null ? null : [latest.basename, await app.vault.cachedRead(latest)];

		const note = blindSpotNote({ findings: [...findings], today: where.today, previous });
		if (!note.ok) {
			notifyCoreError(action, note.error);
			return;
		}
		const path = normalizePath(where.folder === "" ? `${note.value.name}.md` : `${where.folder}/${note.value.name}.md`);
		if (app.vault.getAbstractFileByPath(path) !== null) {
			notify(`${path} already exists: today's analysis was saved before, and it was not overwritten.`);
			return;
		}
		await createPlannedNote(app.vault, path, note.value.text);
		notify(`Saved ${path}`);
	} catch (thrown) {
		if (thrown instanceof ConflictError) {
			notify(thrown.message);
		} else {
			notifyFailure(action, thrown);
		}
	}
}
