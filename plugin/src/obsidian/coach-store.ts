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
 *
 * Every save of the session is conditional: it writes only if `data.json` still holds the
 * session this store last read or wrote, so a session advanced elsewhere (the terminal, another
 * device) is never overwritten by an older copy ({@link StaleDataError}); `onExternalSettingsChange`
 * hands the new file to {@link CoachStore.reloaded}.
 */

import type { Plugin } from "obsidian";
import { parseDraft } from "../coach/draft";
import type { SessionDraft } from "../coach/draft";
import type { CoachSession } from "../core/wasm";
import { readPluginData, updatePluginData } from "./plugin-data";
import type { PluginData } from "./plugin-data";

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
	/** What `data.json` held under `session` when last read or written; undefined: never read. */
	private known: unknown = undefined;

	constructor(plugin: Plugin) {
		this.plugin = plugin;
	}

	/** Reads the session and its draft from `data.json` (and remembers the session). */
	async load(): Promise<StoredSession> {
		return this.reloaded(await readPluginData(this.plugin));
	}

	/**
	 * Takes the session and its draft from `data`, as just read from `data.json`: later saves
	 * expect this session.
	 */
	reloaded(data: PluginData): StoredSession {
		const stored = peek(data);
		this.known = data[SESSION_KEY] ?? null;
		this.cached = stored.session;
		return stored;
	}

	/**
	 * Saves the session. `draft`: the unsent text to keep with it, `null` to clear it, or
	 * `undefined` to leave the saved draft as it is.
	 */
	async save(session: CoachSession, draft?: SessionDraft | null): Promise<void> {
		await updatePluginData(this.plugin, { [SESSION_KEY]: session, [DRAFT_KEY]: draft }, this.expected());
		this.cached = session;
		this.known = session;
	}

	/** Saves the unsent draft alone (`null` clears it). */
	async saveDraft(draft: SessionDraft | null): Promise<void> {
		await updatePluginData(this.plugin, { [DRAFT_KEY]: draft });
	}

	/** Forgets the session and its draft (its log has been written). */
	async clear(): Promise<void> {
		await updatePluginData(this.plugin, { [SESSION_KEY]: null, [DRAFT_KEY]: null }, this.expected());
		this.cached = null;
		this.known = null;
	}

	/** The condition of a save: the session as last seen (none before the first read). */
	private expected(): PluginData | undefined {
		return this.known === undefined ? undefined : { [SESSION_KEY]: this.known };
	}

	/** The last session read or saved, when it is not finished; no disk access. */
	unfinished(): CoachSession | null {
		return this.cached !== null && isUnfinished(this.cached) ? this.cached : null;
	}
}

/** The session and its draft in `data`, without taking them as the store's. */
export function peek(data: PluginData): StoredSession {
	const session = parseSession(data[SESSION_KEY]);
	return { session, draft: session === null ? null : parseDraft(data[DRAFT_KEY]) };
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
