/**
 * Where the coaching session is kept: the plugin's `data.json`, key `session` — the same place
 * `career coach` keeps it (crates/cli/src/commands/coach.rs), so a session started in the
 * terminal resumes in Obsidian and the other way round. Its unsent draft goes under
 * `sessionDraft` (see `coach/draft.ts`). Both are written with {@link updatePluginData}, which
 * keeps the settings and every other key.
 *
 * The store also remembers the last session it read or wrote, so that "Resume coaching
 * session" can decide synchronously (a `checkCallback` cannot wait for the disk) whether it is
 * available. The commands re-read the file before acting on it, so a session changed in the
 * terminal meanwhile is seen.
 */

import type { Plugin } from "obsidian";
import { parseDraft } from "../coach/draft";
import type { SessionDraft } from "../coach/draft";
import type { CoachSession } from "../core/wasm";
import { readPluginData, updatePluginData } from "./plugin-data";

/** The key of the session in `data.json`, shared with the CLI. */
export const SESSION_KEY = "session";
/** The key of the unsent draft in `data.json`. */
export const DRAFT_KEY = "sessionDraft";

/** What `data.json` holds for coaching. */
export interface StoredSession {
	/** The saved session, or null when there is none (or it is not a session). */
	session: CoachSession | null;
	/** The unsent draft, or null. */
	draft: SessionDraft | null;
}

/** The coaching session in `data.json`. */
export class CoachStore {
	private readonly plugin: Plugin;
	private cached: CoachSession | null = null;

	constructor(plugin: Plugin) {
		this.plugin = plugin;
	}

	/** Reads the session and its draft from `data.json` (and remembers the session). */
	async load(): Promise<StoredSession> {
		const data = await readPluginData(this.plugin);
		const session = parseSession(data[SESSION_KEY]);
		this.cached = session;
		return { session, draft: session === null ? null : parseDraft(data[DRAFT_KEY]) };
	}

	/**
	 * Saves the session. `draft`: the unsent text to keep with it, `null` to clear it, or
	 * `undefined` to leave the saved draft as it is.
	 */
	async save(session: CoachSession, draft?: SessionDraft | null): Promise<void> {
		this.cached = session;
		await updatePluginData(this.plugin, { [SESSION_KEY]: session, [DRAFT_KEY]: draft });
	}

	/** Saves the unsent draft alone (`null` clears it). */
	async saveDraft(draft: SessionDraft | null): Promise<void> {
		await updatePluginData(this.plugin, { [DRAFT_KEY]: draft });
	}

	/** Forgets the session and its draft (its log has been written). */
	async clear(): Promise<void> {
		this.cached = null;
		await updatePluginData(this.plugin, { [SESSION_KEY]: null, [DRAFT_KEY]: null });
	}

	/** The last session read or saved, when it is not finished; no disk access. */
	unfinished(): CoachSession | null {
		return this.cached !== null && isUnfinished(this.cached) ? this.cached : null;
	}
}

/** Whether a session still has sections to go. */
export function isUnfinished(session: CoachSession): boolean {
	return session.stage.stage !== "done";
}

/**
 * A saved value that looks like a session, else null. Only the shape the plugin relies on is
 * checked here; the core checks the rest (and the format version) on the first step.
 */
function parseSession(value: unknown): CoachSession | null {
	if (typeof value !== "object" || value === null || Array.isArray(value)) {
		return null;
	}
	const record = value as Record<string, unknown>;
	const stage = record.stage;
	const valid =
		typeof record.version === "number" &&
		typeof record.started_at === "string" &&
		typeof record.note === "string" &&
		typeof record.position === "number" &&
		typeof record.paused === "boolean" &&
		Array.isArray(record.plan) &&
		typeof stage === "object" &&
		stage !== null &&
		typeof (stage as Record<string, unknown>).stage === "string";
	return valid ? (value as CoachSession) : null;
}
