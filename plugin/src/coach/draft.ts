/**
 * What the person has typed but not yet sent: kept so that closing the modal, reloading the
 * plugin or restarting Obsidian never loses it.
 *
 * The core's session has no "draft" (an answer exists once it is sent), so the shell keeps the
 * unsent text next to the session, in `data.json` under `sessionDraft`. A draft belongs to one
 * point of one session: the session's start time, the section's position and the stage within
 * it. It is offered back only at that same point; if the session moved on meanwhile (answered
 * in the terminal with `career coach`, say) the draft no longer fits and is dropped rather than
 * put into a different question.
 */

import type { CoachAction, CoachSession } from "../core/wasm";

/** An unsent answer and the point of the session it was typed at. */
export interface SessionDraft {
	/** The text as typed. */
	text: string;
	/** The session's `started_at`. */
	startedAt: string;
	/** The session's `position`. */
	position: number;
	/** The session's `stage`, as JSON (`{"stage":"asking"}`). */
	stage: string;
}

/** The draft of `text` at the session's current point. */
export function draftAt(session: CoachSession, text: string): SessionDraft {
	return { text, startedAt: session.started_at, position: session.position, stage: JSON.stringify(session.stage) };
}

/** Whether `draft` was typed at the session's current point. */
export function draftFits(draft: SessionDraft, session: CoachSession): boolean {
	return draft.startedAt === session.started_at && draft.position === session.position && draft.stage === JSON.stringify(session.stage);
}

/** A draft read back from `data.json`, or null when the value is not one. */
export function parseDraft(value: unknown): SessionDraft | null {
	if (typeof value !== "object" || value === null) {
		return null;
	}
	const record = value as Record<string, unknown>;
	const { text, startedAt, position, stage } = record;
	if (typeof text !== "string" || typeof startedAt !== "string" || typeof position !== "number" || typeof stage !== "string") {
		return null;
	}
	return { text, startedAt, position, stage };
}

/**
 * What to keep as the unsent draft when the session is saved after `action`: the unsent text
 * (`pausing()`) when pausing, nothing after a step that used or replaced it, and the saved
 * draft unchanged (`undefined`) after a step that leaves the answer box as it was (resume, a
 * decision or an open thread noted).
 */
export function draftAfter(action: CoachAction | null, pausing: () => SessionDraft | null): SessionDraft | null | undefined {
	if (action === null) {
		return null;
	}
	switch (action.action) {
		case "pause":
			return pausing();
		case "resume":
		case "decide":
		case "thread":
			return undefined;
		default:
			return null;
	}
}
