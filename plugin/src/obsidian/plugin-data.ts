/**
 * The plugin's `data.json`, shared by several owners: the settings, the coaching session
 * (`session`) and its unsent draft (`sessionDraft`). The `career coach` CLI reads and writes
 * the same file, so a session moves between the terminal and Obsidian.
 *
 * `Plugin.saveData` replaces the whole file, so every writer goes through
 * {@link updatePluginData}: read the file as it is now, change only its own keys, write it
 * back. The updates of one plugin instance are queued, so two of them (the settings tab saving
 * while a coaching step saves the session) never read the same old file and lose each other's
 * keys.
 *
 * Another program may change the file at any time (`career coach` in a terminal, Obsidian Sync
 * bringing another device's change). Obsidian then calls the plugin's
 * `onExternalSettingsChange`, which re-reads the file and tells every open owner through
 * {@link notifyExternalChange}, so a modal holding a coaching session or a goals interview
 * re-reads it instead of later saving its older copy over the newer one. An owner can also ask
 * {@link updatePluginData} to write only if its key still holds what it last read (`expect`),
 * which catches a change the notification has not reported yet.
 */

import type { Plugin } from "obsidian";

/** `data.json` as an object: anything else (missing, `null`, an array) reads as `{}`. */
export type PluginData = Record<string, unknown>;

/** The pending update of each plugin instance, so updates run one after another. */
const queues = new WeakMap<Plugin, Promise<unknown>>();

/** Told, with the file as it is now, when `data.json` was changed by another program. */
export type ExternalChangeListener = (data: PluginData) => void | Promise<void>;

/** The listeners of each plugin instance. */
const listeners = new WeakMap<Plugin, Set<ExternalChangeListener>>();

/** `data.json` no longer holds, under `key`, what the writer last read; nothing was written. */
export class StaleDataError extends Error {
	readonly key: string;

	constructor(key: string) {
		super(`${key === "session" ? "The coaching session" : key === "goalsInterview" ? "The goals interview" : `"${key}"`} was changed elsewhere (another device or career in a terminal), so it was not saved over; it has been read again.`);
		this.name = "StaleDataError";
		this.key = key;
	}
}

/** Calls `listener` whenever `data.json` changes on disk; returns what unsubscribes it. */
export function onExternalChange(plugin: Plugin, listener: ExternalChangeListener): () => void {
	let set = listeners.get(plugin);
	if (set === undefined) {
		set = new Set();
		listeners.set(plugin, set);
	}
	set.add(listener);
	return () => {
		set.delete(listener);
	};
}

/**
 * Re-reads `data.json` after another program changed it and tells every listener. Queued
 * behind this instance's own updates, so a listener never sees a half-applied update of ours.
 * Resolves with the data read.
 */
export function notifyExternalChange(plugin: Plugin): Promise<PluginData> {
	const previous = queues.get(plugin) ?? Promise.resolve();
	const next = previous.then(
		() => readPluginData(plugin),
		() => readPluginData(plugin),
	);
	queues.set(
		plugin,
		next.catch(() => undefined),
	);
	return next.then(async (data) => {
		for (const listener of [...(listeners.get(plugin) ?? [])]) {
			try {
				await listener(data);
			} catch (thrown) {
				console.error("Career Coach:", "A reload of data.json failed", thrown);
			}
		}
		return data;
	});
}

/** Whether two JSON values are equal (objects compared key by key, in any order). */
export function sameJson(a: unknown, b: unknown): boolean {
	if (a === b) {
		return true;
	}
	if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) {
		return (a ?? null) === (b ?? null);
	}
	if (Array.isArray(a) !== Array.isArray(b)) {
		return false;
	}
	const ka = Object.keys(a).filter((k) => (a as PluginData)[k] !== undefined);
	const kb = Object.keys(b).filter((k) => (b as PluginData)[k] !== undefined);
	return ka.length === kb.length && ka.every((k) => sameJson((a as PluginData)[k], (b as PluginData)[k]));
}

/** Reads `data.json` as an object (`{}` when it is missing or not an object). */
export async function readPluginData(plugin: Plugin): Promise<PluginData> {
	const data: unknown = await plugin.loadData();
	return typeof data === "object" && data !== null && !Array.isArray(data) ? { ...(data as PluginData) } : {};
}

/**
 * Sets the keys of `patch` in `data.json` and keeps every other key; a key whose value is
 * `undefined` is left as it is. Resolves with the data as written.
 *
 * `expect`: for each of its keys, the value the writer last read or wrote there; when the file
 * holds something else (another program changed it), nothing is written and the promise
 * rejects with {@link StaleDataError}.
 */
export function updatePluginData(plugin: Plugin, patch: PluginData, expect?: PluginData): Promise<PluginData> {
	const previous = queues.get(plugin) ?? Promise.resolve();
	const next = previous.then(
		() => apply(plugin, patch, expect),
		() => apply(plugin, patch, expect),
	);
	queues.set(
		plugin,
		next.catch(() => undefined),
	);
	return next;
}

async function apply(plugin: Plugin, patch: PluginData, expect: PluginData | undefined): Promise<PluginData> {
	const data = await readPluginData(plugin);
	for (const [key, value] of Object.entries(expect ?? {})) {
		if (!sameJson(data[key], value)) {
			throw new StaleDataError(key);
		}
	}
	for (const [key, value] of Object.entries(patch)) {
		if (value !== undefined) {
			data[key] = value;
		}
	}
	await plugin.saveData(data);
	return data;
}
