/**
 * Session logs in the vault: writing a new log, reading the open threads of the logs there,
 * and marking a thread resolved, carried or dropped — what `career coach` and `career
 * session-log new` do in a terminal (crates/cli/src/commands/log.rs), the same way.
 *
 * The core writes every byte (`sessionLog`, `openThreads`, `disposeThread`, `applyOperation`);
 * this module finds the notes, reads them and performs the writes:
 *
 * - a new log is one `vault.create` of its whole text, never over an existing note (the core
 *   names a second log of the day "… Session 2" from the names already taken);
 * - its row goes into the Session Logs table of the Career Index and of the methodology note,
 *   when they exist, through `write-plan.ts` (the editor if the note is open, else
 *   `vault.process` checked against the text read); a note without that table is skipped
 *   with a notice saying how to add it;
 * - a thread is changed in its log through `write-plan.ts` too, after checking that its line
 *   still holds the same open thread (else the unique open thread with the same text; else
 *   nothing is written and the person is told why), as Obsidian Tasks locates a task.
 */

import { TFile, TFolder, normalizePath } from "obsidian";
import type { App } from "obsidian";
import { applyOperation, disposeThread, notePaths, openThreads, sessionLog } from "../core/wasm";
import type { CoachSession, CoreError, NotePaths, Outcome, SessionLogInput, Thread, ThreadDisposition } from "../core/wasm";
import { localIsoDate } from "../today";
import { parentFolder } from "./folders";
import type { CareerCoachHost } from "./host";
import { recordedWork } from "./phases-record";
import { vaultLinkFormat } from "./link-format";
import { notify } from "./notices";
import { ConflictError, createPlannedNote, currentText, writeUpgrade } from "./write-plan";
import { coreSettings } from "./index-location";

/** The section holding the table every log gets a row in (Career Index, methodology note). */
const SESSION_LOGS_SECTION = "Session Logs";

/** The core refused; carries its error so callers can tell the cases apart. */
export class CoreRefusal extends Error {
	readonly code: string;

	constructor(error: CoreError) {
		super(error.message);
		this.name = "CoreRefusal";
		this.code = error.code;
	}
}

/** Where the career notes are for the current settings and today. */
export interface CareerPlace {
	today: string;
	paths: NotePaths;
	/** The career folder: the Career Index's folder, `""` for the vault root. */
	folder: string;
}

/** The notes' places for today's settings. @throws CoreRefusal when the settings are unusable. */
export function careerPlace(plugin: CareerCoachHost): CareerPlace {
	const today = localIsoDate(new Date());
	const paths = notePaths({ settings: coreSettings(plugin), today });
	if (!paths.ok) {
		throw new CoreRefusal(paths.error);
	}
	return { today, paths: paths.value, folder: parentFolder(normalizePath(paths.value.careerIndex)) };
}

/** The career folder, or null when it does not exist. */
function careerFolder(app: App, folder: string): TFolder | null {
	const found = folder === "" ? app.vault.getRoot() : app.vault.getAbstractFileByPath(folder);
	return found instanceof TFolder ? found : null;
}

/**
 * Every Markdown note directly in the career folder, as (vault path, text), sorted by name:
 * the core's `openThreads` keeps the session logs among them (frontmatter `type:
 * coaching-session`), oldest name first, as `career threads` does.
 */
export async function careerNotes(app: App, folder: string): Promise<[string, string][]> {
	const found = careerFolder(app, folder);
	if (found === null) {
		return [];
	}
	// By name, so that "<date> … Session" comes before "<date> … Session 2" (by path, the
	// space before "2" would sort before the ".md").
	const files = found.children
		.filter((child): child is TFile => child instanceof TFile && child.extension === "md")
		.sort((a, b) => (a.basename < b.basename ? -1 : a.basename > b.basename ? 1 : 0));
	const notes: [string, string][] = [];
	for (const file of files) {
		notes.push([file.path, await currentText(app, file)]);
	}
	return notes;
}

/** The open threads of every session log in the career folder, oldest log first. */
export async function listOpenThreads(plugin: CareerCoachHost): Promise<Thread[]> {
	const { folder } = careerPlace(plugin);
	const found = openThreads({ logs: await careerNotes(plugin.app, folder) });
	if (!found.ok) {
		throw new CoreRefusal(found.error);
	}
	return found.value;
}

/** The log's name: its file name without `.md`. */
export function logName(thread: Thread): string {
	const name = thread.note.slice(thread.note.lastIndexOf("/") + 1);
	return name.endsWith(".md") ? name.slice(0, -3) : name;
}

/**
 * Marks `thread` in its log: ticked (`resolve`), forwarded (`carry`) or cancelled (`drop`).
 * The log is read now; the thread is looked for at its line, else as the only open thread with
 * its text. A write that meets a change made meanwhile is tried once more on the new text.
 *
 * @throws Error (nothing written) when the log or the thread is not there any more.
 */
export async function disposeOpenThread(app: App, thread: Thread, disposition: ThreadDisposition): Promise<void> {
	const file = app.vault.getAbstractFileByPath(normalizePath(thread.note));
	if (!(file instanceof TFile)) {
		throw new Error(`${thread.note} is not in the vault any more, so "${thread.text}" was not changed.`);
	}
	for (let attempt = 0; ; attempt++) {
		const text = await currentText(app, file);
		const line = locateThread(file.path, text, thread);
		const outcome = disposeThread(text, { line, disposition });
		if (!outcome.ok) {
			throw new CoreRefusal(outcome.error);
		}
		try {
			await writeOutcome(app, file, text, outcome.value);
			return;
		} catch (thrown) {
			if (!(thrown instanceof ConflictError) || attempt > 0) {
				throw thrown;
			}
		}
	}
}

/** The line of `thread` in the log's current `text` (see {@link disposeOpenThread}). */
function locateThread(path: string, text: string, thread: Thread): number {
	const found = openThreads({ logs: [[path, text]] });
	if (!found.ok) {
		throw new CoreRefusal(found.error);
	}
	const same = (candidate: Thread): boolean => candidate.text === thread.text && candidate.carried === thread.carried;
	const atLine = found.value.find((candidate) => candidate.line === thread.line && same(candidate));
	if (atLine !== undefined) {
		return atLine.line;
	}
	const moved = found.value.filter(same);
	if (moved.length === 1 && moved[0] !== undefined) {
		return moved[0].line;
	}
	throw new Error(
		moved.length === 0
			? `"${thread.text}" is not an open thread in ${path} any more (changed meanwhile?), so nothing was written.`
			: `"${thread.text}" is in ${path} more than once, so nothing was written; change it in the note itself.`,
	);
}

/** Writes the core's outcome for `file`, whose text was `existing`; nothing when it is a no-op. */
export async function writeOutcome(app: App, file: TFile, existing: string, outcome: Outcome): Promise<void> {
	if (outcome.text === null) {
		return;
	}
	// write-plan.ts performs and checks every note write; the plan's kind is not used for it.
	await writeUpgrade(app, file, existing, { kind: "career-index", path: file.path, action: "upgrade", text: outcome.text, edits: outcome.edits, additions: [] });
}

/** Work the plugin knows a session did besides the coaching questions (the profile). */
export type LogPhases = NonNullable<SessionLogInput["phases"]>;

/** What goes into a new log, besides what the plugin knows (settings, day, links, names). */
export interface LogContent {
	/** The coaching session the log is about; absent for a session held elsewhere. */
	session?: CoachSession | null;
	/** One line: what the session was about. */
	focus: string;
	/** Whether the log lists the Career Index as its output (a session wrote to it). */
	wroteIndex?: boolean;
	decisions?: { what: string; why: string }[];
	did?: string[];
	threads?: string[];
	worked?: string[];
	improve?: string[];
	/** Frameworks the person names (a session held elsewhere lists only these). */
	frameworks?: string[];
	/** Phases the plugin knows were worked (the profile questions answered). */
	phases?: LogPhases;
}

/** A log just written. */
export interface WrittenLog {
	/** Its name, without `.md`. */
	name: string;
	/** Its vault path. */
	path: string;
	file: TFile;
}

/**
 * Writes a new session log in one `vault.create`, then adds its row to the Session Logs table
 * of the Career Index and of the methodology note (each when it exists; a note without the
 * table, or a row that could not be added, is reported in a notice and does not undo the log).
 *
 * @throws CoreRefusal, ConflictError (a note appeared at the log's path) or the vault's error.
 */
export async function writeSessionLog(plugin: CareerCoachHost, content: LogContent): Promise<WrittenLog> {
	const { app } = plugin;
	const { today, paths, folder } = careerPlace(plugin);
	// A session run here (coaching, or the profile questions): the core reads what else was done
	// today (index, blind spots, goals) from the career folder; a log for a session held
	// elsewhere claims only what it is told.
	const ranHere = (content.session ?? null) !== null || (content.phases?.profile?.length ?? 0) > 0;
	const notes = ranHere ? await careerNotes(app, folder) : [];
	// What this shell or `career` recorded today (an upgrade, sections added for blind spots).
	const recorded = ranHere ? await recordedWork(plugin) : null;
	for (let attempt = 0; ; attempt++) {
		const made = sessionLog({
			settings: coreSettings(plugin),
			today,
			linkFormat: vaultLinkFormat(app),
			session: content.session ?? null,
			focus: content.focus,
			outputs: content.wroteIndex === true ? [["Career Index", paths.careerIndexName]] : [],
			decisions: content.decisions ?? [],
			did: content.did ?? [],
			threads: content.threads ?? [],
			worked: content.worked ?? [],
			improve: content.improve ?? [],
			frameworks: content.frameworks ?? [],
			phases: content.phases ?? {},
			notes,
			recorded,
			taken: takenNames(app, folder),
		});
		if (!made.ok) {
			throw new CoreRefusal(made.error);
		}
		const log = made.value;
		const path = normalizePath(log.path);
		let file: TFile;
		try {
			file = await createPlannedNote(app.vault, path, log.text);
		} catch (thrown) {
			// Another log of the same name appeared meanwhile (sync): the next name is free.
			if (thrown instanceof ConflictError && attempt === 0) {
				continue;
			}
			throw thrown;
		}
		await addSessionLogsRow(app, normalizePath(paths.careerIndex), log.row, "Create or upgrade career index");
		await addSessionLogsRow(app, normalizePath(paths.methodology), log.row, "Create or upgrade methodology note");
		return { name: log.name, path, file };
	}
}

/** The names in the career folder (notes without `.md`, folders), so the new log's is new. */
function takenNames(app: App, folder: string): string[] {
	const found = careerFolder(app, folder);
	if (found === null) {
		return [];
	}
	return found.children.map((child) => (child instanceof TFile ? child.basename : child.name));
}

/**
 * Adds `row` to the note's Session Logs table; reports (never throws) what went wrong.
 * `upgrade` names the command that adds the table to this note.
 */
async function addSessionLogsRow(app: App, path: string, row: string[], upgrade: string): Promise<void> {
	const file = app.vault.getAbstractFileByPath(path);
	if (!(file instanceof TFile)) {
		return;
	}
	try {
		for (let attempt = 0; ; attempt++) {
			const text = await currentText(app, file);
			const added = applyOperation(text, { op: "table-add-row", section: SESSION_LOGS_SECTION, table: 0, cells: row });
			if (!added.ok) {
				if (added.error.code === "section_not_found" || added.error.code === "table_not_found") {
					notify(`${path} has no Session Logs table, so the log was not listed there: run "${upgrade}" to add one.`);
					return;
				}
				throw new CoreRefusal(added.error);
			}
			try {
				await writeOutcome(app, file, text, added.value);
				return;
			} catch (thrown) {
				if (!(thrown instanceof ConflictError) || attempt > 0) {
					throw thrown;
				}
			}
		}
	} catch (thrown) {
		const reason = thrown instanceof Error ? thrown.message : String(thrown);
		console.error("Career Coach:", `Could not add the session log to ${path}`, thrown);
		notify(`The session log was written, but it could not be listed in ${path}: ${reason}`);
	}
}

/** Opens `file` in the active tab. */
export async function openNote(app: App, file: TFile): Promise<void> {
	await app.workspace.getLeaf(false).openFile(file);
}

/** Splits a multi-line answer into its non-blank lines, trimmed. */
export function lines(text: string): string[] {
	return text
		.split("\n")
		.map((line) => line.trim())
		.filter((line) => line !== "");
}

/** A thread's carried count as shown next to it, e.g. " (carried 2×)"; empty when never. */
export function carriedLabel(thread: Thread): string {
	return thread.carried > 0 ? `carried ${String(thread.carried)}×` : "";
}
