/**
 * The coaching loop: one action at a time, the note re-read before every step, the write
 * checked against the text it was computed from, and the session saved only after the write.
 *
 * The core's session (`coachStart` / `coachPrompt` / `coachStep`) is a pure state machine: given
 * the session, the note's current text, an action and the time, it returns the next session and
 * the note's new text, if this step writes. The shell does the rest, here, in plain TypeScript
 * with everything it touches passed in (the core's calls, reading and writing the note, saving
 * the session, the clock), so it runs the same in Obsidian and in tests:
 *
 * 1. read the note as it is now (the editor's text when the note is open);
 * 2. `coachStep` with the current time;
 * 3. write `step.write`, if any, replacing exactly the text read in 1; when the note changed
 *    in between (typing, sync, another plugin), read it again and run the step once more
 *    against the new text, so the answer goes where the section now is and the other change is
 *    kept; a second change in that short window gives up with {@link NOTE_CHANGED_MESSAGE};
 *    Confirm is special: the person agreed to the change the preview showed. Before writing, the
 *    preview is computed again from the note as it is now; if it differs (the note changed
 *    where the answer goes), nothing is written and the new preview is shown with
 *    {@link PREVIEW_CHANGED_MESSAGE}, to confirm again; the answer stays in the session. A
 *    change elsewhere gives the same preview, so the confirmed change is written into the new
 *    text;
 * 4. only then save the session. The core's writers are idempotent, so a crash between 3 and 4
 *    replays a write that changes nothing: an answer is never lost and never written twice.
 *
 * A failed step leaves the session as it was; the caller keeps what the person typed and can
 * simply try again. Steps are queued, so an action that arrives while another is running (the
 * modal being closed during a write, which pauses) runs after it, never interleaved.
 *
 * No `obsidian` import: see `obsidian/coach-session.ts` for the Obsidian side.
 */

import type { ChangeLine, CoachAction, CoachInput, CoachPrompt, CoachSession, CoachStep, CoreResult } from "../core/wasm";

/** The core's coaching calls (the typed, never-throwing wrappers of `core/wasm.ts`). */
export interface CoachCore {
	prompt(input: CoachInput): CoreResult<CoachPrompt>;
	step(input: CoachInput): CoreResult<CoachStep>;
}

/** Everything the loop does outside the core. */
export interface CoachIo {
	/** The note's current text. */
	read(): Promise<string>;
	/**
	 * Replaces the note's text `expected` by `text`, in one write.
	 *
	 * @throws NoteChangedError when the note does not hold `expected` any more (nothing written).
	 */
	write(expected: string, text: string): Promise<void>;
	/** Persists the session after `action` (null: none, e.g. on start). */
	save(session: CoachSession, action: CoachAction | null): Promise<void>;
	/** The current time as the core records it, local `YYYY-MM-DDTHH:MM:SS`. */
	now(): string;
}

/** Thrown by {@link CoachIo.write} when the note is not as expected; nothing was written. */
export class NoteChangedError extends Error {
	constructor(message = "The note changed since it was read.") {
		super(message);
		this.name = "NoteChangedError";
	}
}

/** What the person is told when the note kept changing under a write. */
export const NOTE_CHANGED_MESSAGE = "The note changed; nothing was written — your answer is kept.";

/** What the person is told when the note changed where their confirmed answer goes. */
export const PREVIEW_CHANGED_MESSAGE = "The note changed where your answer goes, so nothing was written. This is the change now — confirm again, or edit your answer.";

/** Why a step did not happen. The session is unchanged. */
export interface EngineFailure {
	/** `conflict`: the note kept changing; `core`: the core refused; `read`/`write`: the vault failed. */
	kind: "conflict" | "core" | "read" | "write";
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
	/** The last prompt shown, so Confirm can tell whether its preview still holds. */
	private shown: CoachPrompt | null = null;

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
			this.shown = null;
			const note = await this.readNote();
			return typeof note === "string" ? this.show(note, false, null) : note;
		});
	}

	/** Whether every planned section is done. */
	get done(): boolean {
		return this.current.stage.stage === "done";
	}

	/** What to show for the session and the note as it is now. */
	prompt(): Promise<EngineResult> {
		return this.enqueue(async () => {
			const note = await this.readNote();
			if (typeof note !== "string") {
				return note;
			}
			return this.show(note, false, null);
		});
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
		let note = await this.readNote();
		if (typeof note !== "string") {
			return note;
		}
		const reasked = this.previewChanged(note, action);
		if (reasked !== null) {
			return reasked;
		}
		const at = this.io.now();
		let step = this.step(note, action, at);
		if (!step.ok) {
			return step;
		}
		let wrote = false;
		let write = step.step.write;
		if (write !== null) {
			const first = await this.write(note, write);
			if (first === "changed") {
				// Someone else changed the note: place the answer again in the note as it is now.
				note = await this.readNote();
				if (typeof note !== "string") {
					return note;
				}
				const again = this.previewChanged(note, action);
				if (again !== null) {
					return again;
				}
				step = this.step(note, action, at);
				if (!step.ok) {
					return step;
				}
				write = step.step.write;
				if (write !== null) {
					const second = await this.write(note, write);
					if (second === "changed") {
						return failure("conflict", NOTE_CHANGED_MESSAGE);
					}
					if (second !== "written") {
						return second;
					}
				}
			} else if (first !== "written") {
				return first;
			}
			wrote = write !== null;
		}

		this.current = step.step.session;
		let warning: string | null = null;
		try {
			await this.io.save(this.current, action);
		} catch (thrown) {
			warning = `${wrote ? "The note was updated, but the" : "The"} session could not be saved: ${describe(thrown)}`;
		}
		const now = await this.io.read().catch(() => null);
		return this.show(now ?? (wrote && write !== null ? write : note), wrote, warning);
	}

	/**
	 * For Confirm: the new preview when the note as it is now (`note`) gives another change than
	 * the one shown, else null (the confirmed change still holds and may be written).
	 */
	private previewChanged(note: string, action: CoachAction): EngineResult | null {
		const before = this.shown;
		if (action.action !== "confirm" || before?.kind !== "confirm") {
			return null;
		}
		const now = this.core.prompt({ session: this.current, note });
		if (!now.ok || now.value.kind !== "confirm" || sameChanges(before.changes, now.value.changes)) {
			return null;
		}
		this.shown = now.value;
		return { ok: true, prompt: now.value, wrote: false, warning: null, changed: PREVIEW_CHANGED_MESSAGE };
	}

	private step(note: string, action: CoachAction, at: string): { ok: true; step: CoachStep } | { ok: false; failure: EngineFailure } {
		const result = this.core.step({ session: this.current, note, action, at });
		if (!result.ok) {
			return { ok: false, failure: { kind: "core", message: result.error.message, code: result.error.code } };
		}
		return { ok: true, step: result.value };
	}

	private show(note: string, wrote: boolean, warning: string | null): EngineResult {
		const result = this.core.prompt({ session: this.current, note });
		if (!result.ok) {
			return { ok: false, failure: { kind: "core", message: result.error.message, code: result.error.code } };
		}
		this.shown = result.value;
		return { ok: true, prompt: result.value, wrote, warning };
	}

	private async readNote(): Promise<string | { ok: false; failure: EngineFailure }> {
		try {
			return await this.io.read();
		} catch (thrown) {
			return failure("read", describe(thrown));
		}
	}

	private async write(expected: string, text: string): Promise<"written" | "changed" | { ok: false; failure: EngineFailure }> {
		try {
			await this.io.write(expected, text);
			return "written";
		} catch (thrown) {
			if (thrown instanceof NoteChangedError) {
				return "changed";
			}
			return failure("write", `Nothing was written — your answer is kept: ${describe(thrown)}`);
		}
	}
}

/** Whether two previews show the same lines. */
function sameChanges(a: readonly ChangeLine[], b: readonly ChangeLine[]): boolean {
	return a.length === b.length && a.every((line, i) => JSON.stringify(line) === JSON.stringify(b[i]));
}

function failure(kind: EngineFailure["kind"], message: string): { ok: false; failure: EngineFailure } {
	return { ok: false, failure: { kind, message } };
}

function describe(thrown: unknown): string {
	return thrown instanceof Error ? thrown.message : String(thrown);
}
