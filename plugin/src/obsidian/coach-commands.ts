/**
 * The coaching commands: "Start coaching session", "Resume coaching session" and "Coach a
 * section", and the wiring of one running session (the core, the Career Index, the store, the
 * modal).
 *
 * The session is plain data kept in `data.json` (see `coach-store.ts`), so it survives closing
 * the modal, reloading the plugin and restarting Obsidian, and it moves between Obsidian and
 * `career coach` in a terminal. One session runs at a time; starting a new one while another
 * is unfinished asks first. Never throws: every failure ends in a notice.
 */

import { TFile, normalizePath } from "obsidian";
import type { App } from "obsidian";
import { localIsoDateTime } from "../coach/clock";
import type { SessionDraft } from "../coach/draft";
import { CoachEngine, NoteChangedError } from "../coach/engine";
import type { CoachCore, CoachIo } from "../coach/engine";
import { coachPrompt, coachStart, coachStep, notePaths } from "../core/wasm";
import type { CoachSession } from "../core/wasm";
import { minimalEdit } from "../text/minimal-edit";
import { localIsoDate } from "../today";
import { CoachModal } from "./coach-modal";
import { chooseResumeOrNew, chooseSection } from "./coach-pickers";
import { CoachStore, isUnfinished } from "./coach-store";
import type { CareerCoachHost } from "./host";
import { notify, notifyCoreError, notifyFailure } from "./notices";
import { ConflictError, currentText, writeUpgrade } from "./write-plan";

const START_FAILED = "Could not start the coaching session";

/** The core's coaching calls, as the engine takes them. */
const CORE: CoachCore = { prompt: coachPrompt, step: coachStep };

/** Adds the coaching commands. */
export function registerCoachCommands(plugin: CareerCoachHost): void {
	const coach = new Coach(plugin);
	// Reads data.json only (no WebAssembly): "Resume" must know synchronously whether to show.
	void coach.store.load().catch(() => undefined);

	plugin.addCommand({
		id: "start-coaching-session",
		name: "Start coaching session",
		callback: () => coach.start(),
	});
	plugin.addCommand({
		id: "resume-coaching-session",
		name: "Resume coaching session",
		checkCallback: (checking) => {
			if (coach.store.unfinished() === null) {
				return false;
			}
			if (!checking) {
				void coach.resume();
			}
			return true;
		},
	});
	plugin.addCommand({
		id: "coach-a-section",
		name: "Coach a section",
		callback: () => coach.coachSection(),
	});
	// Disabling the plugin closes the modal, which pauses and saves the session.
	plugin.register(() => {
		coach.closeModal();
	});
}

/** The Career Index as it is now. */
interface CareerIndex {
	path: string;
	text: string;
}

class Coach {
	readonly store: CoachStore;
	private readonly plugin: CareerCoachHost;
	private modal: CoachModal | null = null;

	constructor(plugin: CareerCoachHost) {
		this.plugin = plugin;
		this.store = new CoachStore(plugin);
	}

	private get app(): App {
		return this.plugin.app;
	}

	/** "Start coaching session": every section, after offering to resume an unfinished one. */
	async start(): Promise<void> {
		try {
			if (this.alreadyOpen()) {
				return;
			}
			const saved = await this.store.load();
			if (saved.session !== null && isUnfinished(saved.session)) {
				const choice = await chooseResumeOrNew(this.app, saved.session, "Start new");
				if (choice === "resume") {
					this.open(saved.session, saved.draft);
					return;
				}
				if (choice === null) {
					return;
				}
			}
			await this.startNew([], null);
		} catch (thrown) {
			notifyFailure(START_FAILED, thrown);
		}
	}

	/** "Resume coaching session": the saved unfinished session, as it is in data.json now. */
	async resume(): Promise<void> {
		try {
			if (this.alreadyOpen()) {
				return;
			}
			const saved = await this.store.load();
			if (saved.session === null || !isUnfinished(saved.session)) {
				notify("There is no unfinished coaching session to resume.");
				return;
			}
			this.open(saved.session, saved.draft);
		} catch (thrown) {
			notifyFailure("Could not resume the coaching session", thrown);
		}
	}

	/** "Coach a section": pick one of the question bank's sections and coach just that one. */
	async coachSection(): Promise<void> {
		try {
			if (this.alreadyOpen()) {
				return;
			}
			const index = await this.careerIndex();
			if (index === null) {
				return;
			}
			// A session over every section lists the question bank's sections, empty ones first.
			const all = coachStart({ notePath: index.path, note: index.text, today: localIsoDate(new Date()), at: now() });
			if (!all.ok) {
				notifyCoreError(START_FAILED, all.error);
				return;
			}
			const section = await chooseSection(this.app, all.value.plan);
			if (section === null) {
				return;
			}
			const saved = await this.store.load();
			if (saved.session !== null && isUnfinished(saved.session)) {
				const choice = await chooseResumeOrNew(this.app, saved.session, `Coach ${section.title} instead`);
				if (choice === "resume") {
					this.open(saved.session, saved.draft);
					return;
				}
				if (choice === null) {
					return;
				}
			}
			await this.startNew([section.section], null);
		} catch (thrown) {
			notifyFailure(START_FAILED, thrown);
		}
	}

	/** Closes the open session modal, if any (it pauses the session). */
	closeModal(): void {
		this.modal?.close();
	}

	private alreadyOpen(): boolean {
		if (this.modal === null) {
			return false;
		}
		notify("A coaching session is already open.");
		return true;
	}

	/** The Career Index for today's settings, or null (with a notice) when it does not exist. */
	private async careerIndex(): Promise<CareerIndex | null> {
		const paths = notePaths({ settings: { ...this.plugin.settings }, today: localIsoDate(new Date()) });
		if (!paths.ok) {
			notifyCoreError(START_FAILED, paths.error);
			return null;
		}
		const path = normalizePath(paths.value.careerIndex);
		const file = this.app.vault.getAbstractFileByPath(path);
		if (!(file instanceof TFile)) {
			notify(`${path} does not exist yet: run "Create or upgrade career index" first.`);
			return null;
		}
		return { path, text: await currentText(this.app, file) };
	}

	private async startNew(sections: string[], known: CareerIndex | null): Promise<void> {
		const index = known ?? (await this.careerIndex());
		if (index === null) {
			return;
		}
		const started = coachStart({ notePath: index.path, note: index.text, sections, today: localIsoDate(new Date()), at: now() });
		if (!started.ok) {
			notifyCoreError(START_FAILED, started.error);
			return;
		}
		await this.store.save(started.value, null);
		this.open(started.value, null);
	}

	/** Opens the modal on `session`; a paused session is resumed first. */
	private open(session: CoachSession, draft: SessionDraft | null): void {
		const { app } = this;
		const path = normalizePath(session.note);
		let modal: CoachModal | null = null;
		const io: CoachIo = {
			read: async () => currentText(app, noteFile(app, path)),
			write: async (expected, text) => {
				await writeText(app, path, expected, text);
			},
			save: async (saved, action) => {
				const keep = modal === null ? (action === null ? null : undefined) : modal.draftToSave(saved, action);
				await this.store.save(saved, keep);
			},
			now,
		};
		const engine = new CoachEngine(session, CORE, io);
		modal = new CoachModal(app, {
			engine,
			draft,
			resume: session.paused,
			saveDraft: (next) => this.store.saveDraft(next),
			onClosed: () => {
				if (this.modal === modal) {
					this.modal = null;
				}
			},
		});
		this.modal = modal;
		modal.open();
	}
}

function now(): string {
	return localIsoDateTime(new Date());
}

/** The note at `path`, or an error a person can act on. */
function noteFile(app: App, path: string): TFile {
	const file = app.vault.getAbstractFileByPath(path);
	if (!(file instanceof TFile)) {
		throw new Error(`${path} is not in the vault any more (moved or deleted?).`);
	}
	return file;
}

/**
 * Replaces the note's text `expected` by `text` — through its editor when it is open, else with
 * `vault.process` — as one minimal change, refusing when the note no longer holds `expected`.
 * Uses `write-plan.ts`, which performs and checks every note write of the plugin.
 */
async function writeText(app: App, path: string, expected: string, text: string): Promise<void> {
	const file = noteFile(app, path);
	const edit = minimalEdit(expected, text);
	try {
		await writeUpgrade(app, file, expected, { kind: "career-index", path, action: "upgrade", text, edits: [edit], additions: [] });
	} catch (thrown) {
		if (thrown instanceof ConflictError) {
			throw new NoteChangedError(thrown.message);
		}
		throw thrown;
	}
}
