/**
 * Coaching sessions kept in the WebAssembly module between calls (crates/wasm/src/coach.rs).
 *
 * Every coaching call takes the session, a few kilobytes of plain data, and `coachStart` and
 * `coachStep` give a new one. Passed as an object, the session crossed into the module as
 * `JSON.stringify` plus serde_json on every call, which on a 30 KB Career Index was half of
 * `coachPrompt`. Instead the module keeps the sessions it made under a number, and this keeper
 * remembers which number each session object it handed out stands for. A session it did not
 * hand out (read from `data.json`, or made by spreading one, as `coach-log-hooks.ts` does) is
 * handed to the module once with `coachKeep`; so is one the module no longer keeps (it keeps
 * the last few) or one from before the instance was restarted after a trap.
 *
 * Every session that goes through the keeper is frozen (its own properties: the plugin treats
 * the parts as values too): a session stands for what the module keeps under its number, so
 * the plugin makes a new object to change one, never assigns into it.
 */

import { CORE_FAILURE } from "./codes";
import type { CoachInput, CoachPrompt, CoachSession, CoachStartInput, CoachStep, CoreResult, KeptSession, KeptStep, KeptStepInput } from "../../../build/wasm/career_wasm.js";

/** The module's exports for kept sessions, and which instance is current. */
export interface KeptCore {
	startKept(input: CoachStartInput): CoreResult<KeptSession>;
	keep(session: CoachSession): CoreResult<number>;
	/** `undefined`: the module no longer keeps `id`. */
	promptKept(id: number, note: string): CoreResult<CoachPrompt> | undefined;
	/** `undefined`: the module no longer keeps `id`. */
	stepKept(id: number, input: KeptStepInput): CoreResult<KeptStep> | undefined;
	/** Changes whenever the instance is built anew (its kept sessions are then gone). */
	generation(): number;
}

/** A session's number in the module, and the instance that keeps it. */
interface Kept {
	id: number;
	generation: number;
}

/** `coachStart`, `coachPrompt` and `coachStep` over sessions kept in the module. */
export class SessionKeeper {
	private readonly core: KeptCore;
	private readonly kept = new WeakMap<CoachSession, Kept>();

	constructor(core: KeptCore) {
		this.core = core;
	}

	start(input: CoachStartInput): CoreResult<CoachSession> {
		const started = this.core.startKept(input);
		return started.ok ? { ok: true, value: this.adopt(started.value) } : started;
	}

	prompt(input: CoachInput): CoreResult<CoachPrompt> {
		return this.onKept(input.session, (id) => this.core.promptKept(id, input.note));
	}

	step(input: CoachInput): CoreResult<CoachStep> {
		const { note, action, at } = input;
		const kept = action === undefined ? { note, at } : { note, action, at };
		return this.onKept(input.session, (id) => {
			// Without an action the module answers `invalid_input`, as `coachStep` does.
			const stepped = this.core.stepKept(id, kept as KeptStepInput);
			if (!stepped?.ok) {
				return stepped;
			}
			const { write, edits } = stepped.value;
			return { ok: true, value: { session: this.adopt(stepped.value), write, edits } };
		});
	}

	/** `call` with the number the module keeps `session` under, handing it over when needed. */
	private onKept<T>(session: CoachSession, call: (id: number) => CoreResult<T> | undefined): CoreResult<T> {
		const known = this.kept.get(session);
		if (known?.generation === this.core.generation()) {
			const answer = call(known.id);
			if (answer !== undefined) {
				return answer;
			}
		}
		const kept = this.core.keep(session);
		if (!kept.ok) {
			return kept;
		}
		this.remember(Object.freeze(session), kept.value);
		// Just kept, in the same turn: the module still has it.
		return call(kept.value) ?? { ok: false, error: { code: CORE_FAILURE, message: "The core lost a coaching session it had just been given." } };
	}

	/** The session the module just kept, as a frozen object that stands for it. */
	private adopt(kept: { id: number; session: string }): CoachSession {
		const session = Object.freeze(JSON.parse(kept.session) as CoachSession);
		this.remember(session, kept.id);
		return session;
	}

	private remember(session: CoachSession, id: number): void {
		this.kept.set(session, { id, generation: this.core.generation() });
	}
}
