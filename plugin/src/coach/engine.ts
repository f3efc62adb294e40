/**
 * The coaching loop: one action at a time, each answer landed on the note as it is at the
 * moment of writing, and the session saved only after the write.
 *
 * The core holds the model every shell follows (the CLI and `career mcp` too): a pure session
 * state machine (`coachStart` / `coachPrompt` / `coachStep`) and one landing rule
 * (`landEdits`, the core's `proposal::land`). The shell only does I/O and presentation, here in
 * plain TypeScript with everything it touches passed in (the core's calls, reading and writing
 * the note, saving the session, the clock), so it runs the same in Obsidian and in tests:
 *
 * 1. a prompt is computed from the note as read; that text is what the person sees and acts on;
 * 2. `coachStep` on that same text gives the next session and, when the step writes, its
 *    change as byte-span edits of that text: exactly the change the preview showed;
 * 3. the write hands `landEdits` the note's text at that moment (inside `vault.process`, or
 *    the editor's text): unchanged, the edits apply as they are; changed elsewhere (typing,
 *    sync, another plugin), they move past that change, which is kept; changed in the lines
 *    they replace, nothing is written and the change is shown again from the note as it is now,
 *    with {@link PREVIEW_CHANGED_MESSAGE}, to confirm again; the answer stays in the session,
 *    so nothing typed is lost;
 * 4. only then the session is saved. The core's writers are idempotent, so a crash between 3
 *    and 4 replays a write that changes nothing: an answer is never lost and never written twice.
 *
 * A failed step leaves the session as it was; the caller keeps what the person typed and can
 * simply try again. Steps are queued, so an action that arrives while another is running (the
 * modal being closed during a write, which pauses) runs after it, never interleaved.
 *
 * No `obsidian` import: see `obsidian/coach-commands.ts` for the Obsidian side.
 */

import type { CoachAction, CoachInput, CoachPrompt, CoachSession, CoachStep, CoreResult, LandInput } from "../core/wasm";

/** The core's coaching calls (the typed, never-throwing wrappers of `core/wasm.ts`). */
export interface CoachCore {
	prompt(input: CoachInput): CoreResult<CoachPrompt>;
	step(input: CoachInput): CoreResult<CoachStep>;
	land(input: LandInput): CoreResult<string>;
}

/** Everything the loop does outside the core. */
export interface CoachIo {
	/** The note's vault path. */
	readonly path: string;
	/** The note's current text. */
	read(): Promise<string>;
	/**
	 * Writes the note in one write: `change` receives its text at that moment and returns the
	 * new text, or throws {@link NoteChangedError}, in which case nothing is written.
	 */
	write(change: (current: string) => string): Promise<void>;
	/** Persists the session after `action` (null: none, e.g. on start). */
	save(session: CoachSession, action: CoachAction | null): Promise<void>;
	/** The current time as the core records it, local `YYYY-MM-DDTHH:MM:SS`. */
	now(): string;
}

/** Thrown inside {@link CoachIo.write} when the change cannot land on the note; nothing was written. */
export class NoteChangedError extends Error {
	constructor(message = "The note changed since it was read.") {
		super(message);
		this.name = "NoteChangedError";
	}
}

/** What the person is told when the note changed where their confirmed answer goes. */
export const PREVIEW_CHANGED_MESSAGE = "The note changed where your answer goes, so nothing was written. This is the change now — confirm again, or edit your answer.";

/** Why a step did not happen. The session is unchanged. */
export interface EngineFailure {
	/** `core`: the core refused; `read`/`write`: the vault failed. */
	kind: "core" | "read" | "write";
	/** A sentence for the person. */
	message: string;
	/** The core's error code, for `core`. */
	code?: string;
}

/** The outcome of showing or stepping. */
export type EngineResult =
	| {
			ok: true;
			/** What to show now. */
			prompt: CoachPrompt;
			/** Whether this step changed the note. */
			wrote: boolean;
			/** Set when the note was written but the session could not be saved. */
			warning: string | null;
			/** Set when the preview was shown again because the note changed (nothing written). */
			changed?: string;
	  }
	| { ok: false; failure: EngineFailure };

/** One coaching session being run. */
export class CoachEngine {
	private current: CoachSession;
	private readonly core: CoachCore;
	private readonly io: CoachIo;
	private queue: Promise<unknown> = Promise.resolve();
	/** The note's text the prompt on screen was computed from: what the next action acts on. */
	private seen: string | null = null;

	constructor(session: CoachSession, core: CoachCore, io: CoachIo) {
		this.current = session;
		this.core = core;
		this.io = io;
	}

	/** The session as of the last successful step. */
	get session(): CoachSession {
		return this.current;
	}

	/**
	 * Replaces the session before anything was shown or stepped: a new session amended once the
	 * person has chosen the threads carried into it.
	 */
	adopt(session: CoachSession): void {
		this.current = session;
	}

	/**
	 * Takes the session as `data.json` holds it now (changed elsewhere: `career coach` in a
	 * terminal, another device) after any running step, and says what to show for it.
	 * `adopted` is called once it is taken (the store then expects it on the next save).
	 */
	reload(session: CoachSession, adopted?: () => void): Promise<EngineResult> {
		return this.enqueue(async () => {
			this.current = session;
			adopted?.();
			this.seen = null;
			return this.showCurrent(false, null);
		});
	}

	/** Whether every planned section is done. */
	get done(): boolean {
		return this.current.stage.stage === "done";
	}

	/** What to show for the session and the note as it is now. */
	prompt(): Promise<EngineResult> {
		return this.enqueue(() => this.showCurrent(false, null));
	}

	/** Applies `action` (see the module comment), then says what to show next. */
	act(action: CoachAction): Promise<EngineResult> {
		return this.enqueue(() => this.run(action));
	}

	private enqueue(task: () => Promise<EngineResult>): Promise<EngineResult> {
		const next = this.queue.then(task, task);
		this.queue = next.catch(() => undefined);
		return next;
	}

	private async run(action: CoachAction): Promise<EngineResult> {
		let seen = this.seen;
		if (seen === null) {
			const note = await this.readNote();
			if (typeof note !== "string") {
				return note;
			}
			seen = note;
		}
		const result = this.core.step({ session: this.current, note: seen, action, at: this.io.now() });
		if (!result.ok) {
			return coreFailure(result.error);
		}
		const step = result.value;
		const wrote = step.write !== null;
		let written: string | undefined;
		if (wrote) {
			const before = seen;
			try {
				await this.io.write((current) => {
					const landed = this.core.land({ path: this.io.path, before, edits: step.edits, current });
					if (!landed.ok) {
						// Only a change in the step's own lines is asked again; anything else is a failure.
						throw landed.error.code === "conflict" ? new NoteChangedError(landed.error.message) : new Error(landed.error.message);
					}
					written = landed.value;
					return landed.value;
				});
			} catch (thrown) {
				if (!(thrown instanceof NoteChangedError)) {
					return failure("write", `Nothing was written — your answer is kept: ${describe(thrown)}`);
				}
				// Changed where this step writes (every write is a confirmation): the session
				// stays, and the change is shown again from the note as it is now.
				return this.showCurrent(false, null, PREVIEW_CHANGED_MESSAGE);
			}
		}

		this.current = step.session;
		let warning: string | null = null;
		try {
			await this.io.save(this.current, action);
		} catch (thrown) {
			warning = `${wrote ? "The note was updated, but the" : "The"} session could not be saved: ${describe(thrown)}`;
		}
		return this.showCurrent(wrote, warning, undefined, written ?? seen);
	}

	/**
	 * Reads the note and shows the prompt for it; `changed` says why it is shown again. After a
	 * step, a failed read shows the prompt for `fallback`, the text the step left.
	 */
	private async showCurrent(wrote: boolean, warning: string | null, changed?: string, fallback?: string): Promise<EngineResult> {
		const read = await this.readNote();
		let note: string;
		if (typeof read === "string") {
			note = read;
		} else if (fallback !== undefined) {
			note = fallback;
		} else {
			return read;
		}
		const result = this.core.prompt({ session: this.current, note });
		if (!result.ok) {
			return coreFailure(result.error);
		}
		this.seen = note;
		const shown: EngineResult = { ok: true, prompt: result.value, wrote, warning };
		return changed === undefined ? shown : { ...shown, changed };
	}

	private async readNote(): Promise<string | { ok: false; failure: EngineFailure }> {
		try {
			return await this.io.read();
		} catch (thrown) {
			return failure("read", describe(thrown));
		}
	}
}

function coreFailure(error: { message: string; code: string }): { ok: false; failure: EngineFailure } {
	return { ok: false, failure: { kind: "core", message: error.message, code: error.code } };
}

function failure(kind: EngineFailure["kind"], message: string): { ok: false; failure: EngineFailure } {
	return { ok: false, failure: { kind, message } };
}

function describe(thrown: unknown): string {
	return thrown instanceof Error ? thrown.message : String(thrown);
}
