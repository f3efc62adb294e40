/**
 * The coaching commands: "Start coaching session", "Resume coaching session" and "Coach a
 * section", and the wiring of one running session (the core, the Career Index, the store, the
 * modal). Other features start a session through the {@link Coaching} handle that
 * `registerCoachCommands` returns (a blind spot's "Coach this"), so that there is still one
 * session and one modal at a time.
 *
 * The session is plain data kept in `data.json` (see `coach-store.ts`), so it survives closing
 * the modal, reloading the plugin and restarting Obsidian, and it moves between Obsidian and
 * `career coach` in a terminal. One session runs at a time; starting a new one while another
 * is unfinished asks first. A new session starts with the open threads of earlier session
 * logs and a finished one ends with its own log (see `coach-log-hooks.ts`). Never throws:
 * every failure ends in a notice.
 */

import { TFile, normalizePath } from "obsidian";
import type { App } from "obsidian";
import { localIsoDateTime } from "../coach/clock";
import type { SessionDraft } from "../coach/draft";
import { CoachEngine } from "../coach/engine";
import type { CoachCore, CoachIo } from "../coach/engine";
import { coachPrompt, coachStart, coachStep, landEdits, notePaths } from "../core/wasm";
import type { CoachSession, Thread } from "../core/wasm";
import { localIsoDate } from "../today";
import { sessionClosing, threadReview, threadsForNewSession } from "./coach-log-hooks";
import { CoachModal } from "./coach-modal";
import { chooseResumeOrNew, chooseSection } from "./coach-pickers";
import { CoachStore, isUnfinished, peek } from "./coach-store";
import type { CareerCoachHost } from "./host";
import { notify, notifyCoreError, notifyFailure } from "./notices";
import { onExternalChange } from "./plugin-data";
import type { PluginData } from "./plugin-data";
import { currentText, writeChange } from "./write-plan";
import { coreSettings } from "./index-location";

const START_FAILED = "Could not start the coaching session";

/** The core's coaching calls, as the engine takes them. */
const CORE: CoachCore = { prompt: coachPrompt, step: coachStep, land: landEdits };

/** How other features start coaching. */
export interface Coaching {
	/**
	 * Coaches just `sections` (question-bank section ids), as "Coach a section" does once a
	 * section is chosen: an unfinished session is offered first (Resume, or start this one
	 * instead). `focus`, when given, is shown above the questions: why this is being coached;
	 * `entry`, the 1-based line of an entry to open for editing first (a blind spot's).
	 */
	coachSections(sections: readonly string[], focus?: string, entry?: number): Promise<void>;
}

/** Adds the coaching commands; returns the handle other features start sessions with. */
export function registerCoachCommands(plugin: CareerCoachHost): Coaching {
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
	// data.json changed on disk: the open session (if any) continues from the file's.
	plugin.register(onExternalChange(plugin, (data) => coach.externalChange(data)));
	// Disabling the plugin closes the modal, which pauses and saves the session.
	plugin.register(() => {
		coach.closeModal();
	});
	return {
		coachSections: (sections, focus, entry) => coach.coachSections(sections, focus, entry),
	};
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
					this.open(saved.session, saved.draft, null);
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
			this.open(saved.session, saved.draft, null);
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
			await this.startOrResume([section.section], section.title, index, null, null);
		} catch (thrown) {
			notifyFailure(START_FAILED, thrown);
		}
	}

	/** Coaches `sections` only (see {@link Coaching.coachSections}). */
	async coachSections(sections: readonly string[], focus?: string, entry?: number): Promise<void> {
		try {
			if (this.alreadyOpen()) {
				return;
			}
			const index = await this.careerIndex();
			if (index === null) {
				return;
			}
			// The session starts here; its titles name it in the Resume-or-new choice, if one is offered.
			const started = coachStart({ notePath: index.path, note: index.text, sections: [...sections], ...(entry === undefined ? {} : { entry }), today: localIsoDate(new Date()), at: now() });
			if (!started.ok) {
				notifyCoreError(START_FAILED, started.error);
				return;
			}
			const titles = started.value.plan.map((planned) => planned.title).join(", ");
			await this.startOrResume([...sections], titles, index, focus ?? null, entry ?? null, started.value);
		} catch (thrown) {
			notifyFailure(START_FAILED, thrown);
		}
	}

	/**
	 * Starts a session on `sections` of `index`, after offering to resume the unfinished one
	 * ("Coach <titles> instead" names the new one). `started`, when given, is that session
	 * already started on `index`: it is used when nothing was asked first.
	 */
	private async startOrResume(sections: string[], titles: string, index: CareerIndex, focus: string | null, entry: number | null, started: CoachSession | null = null): Promise<void> {
		const saved = await this.store.load();
		if (saved.session !== null && isUnfinished(saved.session)) {
			const choice = await chooseResumeOrNew(this.app, saved.session, `Coach ${titles} instead`);
			if (choice === "resume") {
				this.open(saved.session, saved.draft, null);
				return;
			}
			if (choice === null) {
				return;
			}
			// The choice may have taken a while: start from the Career Index as it is now.
			await this.startNew(sections, null, focus, entry);
			return;
		}
		if (started !== null) {
			await this.launch(started, focus);
			return;
		}
		await this.startNew(sections, index, focus, entry);
	}

	/** `data.json` was changed elsewhere: the store and the open modal re-read the session. */
	async externalChange(data: PluginData): Promise<void> {
		const modal = this.modal;
		if (modal === null) {
			this.store.reloaded(data);
			return;
		}
		await modal.sessionChangedElsewhere(peek(data).session, () => {
			this.store.reloaded(data);
		});
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
		const paths = notePaths({ settings: coreSettings(this.plugin), today: localIsoDate(new Date()) });
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

	private async startNew(sections: string[], known: CareerIndex | null, focus: string | null = null, entry: number | null = null): Promise<void> {
		const index = known ?? (await this.careerIndex());
		if (index === null) {
			return;
		}
		const started = coachStart({ notePath: index.path, note: index.text, sections, ...(entry === null ? {} : { entry }), today: localIsoDate(new Date()), at: now() });
		if (!started.ok) {
			notifyCoreError(START_FAILED, started.error);
			return;
		}
		// Threads an unfinished session carried are already forwarded ([>]) in their old
		// logs: the session replacing it takes them over so they reach a new log (as career coach does).
		const saved = await this.store.load();
		const inherited = saved.session !== null && isUnfinished(saved.session) ? saved.session.carried : [];
		// The started session as it is when there is nothing to add: a copy would have to be
		// handed to the module again on its first prompt (kept-sessions.ts).
		await this.launch(inherited.length === 0 ? started.value : { ...started.value, carried: [...inherited, ...started.value.carried] }, focus);
	}

	/**
	 * Saves a new session (replacing any other) and opens it. When earlier session logs have
	 * open threads, the modal shows them first and the session is saved once the person has
	 * chosen which to carry into it (as `career coach` does).
	 */
	private async launch(session: CoachSession, focus: string | null): Promise<void> {
		const threads = await threadsForNewSession(this.plugin);
		// Another session may have opened while this one was being prepared (a second click).
		if (this.alreadyOpen()) {
			return;
		}
		if (threads.length > 0) {
			this.open(session, null, focus, threads);
			return;
		}
		await this.store.save(session, null);
		this.open(session, null, focus);
	}

	/**
	 * Opens the modal on `session`; a paused session is resumed first. `threads`: the open
	 * threads to review before a new (not yet saved) session begins.
	 */
	private open(session: CoachSession, draft: SessionDraft | null, focus: string | null, threads: readonly Thread[] = []): void {
		const { app } = this;
		const path = normalizePath(session.note);
		let modal: CoachModal | null = null;
		const io: CoachIo = {
			path,
			read: async () => currentText(app, noteFile(app, path)),
			write: async (change) => {
				await writeChange(app, noteFile(app, path), change);
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
			focus,
			resume: session.paused,
			review: threads.length === 0 ? null : threadReview(this.plugin, threads, session, async (carrying) => {
				try {
					await this.store.save(carrying, null);
				} catch (thrown) {
					notifyFailure("The coaching session could not be saved; it is saved again after the next step", thrown);
				}
				engine.adopt(carrying);
			}),
			closing: sessionClosing(this.plugin, () => this.store.clear()),
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
