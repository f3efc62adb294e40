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
 */

import type { Plugin } from "obsidian";

/** `data.json` as an object: anything else (missing, `null`, an array) reads as `{}`. */
export type PluginData = Record<string, unknown>;

/** The pending update of each plugin instance, so updates run one after another. */
const queues = new WeakMap<Plugin, Promise<unknown>>();

/** Reads `data.json` as an object (`{}` when it is missing or not an object). */
export async function readPluginData(plugin: Plugin): Promise<PluginData> {
	const data: unknown = await plugin.loadData();
	return typeof data === "object" && data !== null && !Array.isArray(data) ? { ...(data as PluginData) } : {};
}

/**
 * Sets the keys of `patch` in `data.json` and keeps every other key; a key whose value is
 * `undefined` is left as it is. Resolves with the data as written.
 */
export function updatePluginData(plugin: Plugin, patch: PluginData): Promise<PluginData> {
	const previous = queues.get(plugin) ?? Promise.resolve();
	const next = previous.then(
		() => apply(plugin, patch),
		() => apply(plugin, patch),
	);
	queues.set(
		plugin,
		next.catch(() => undefined),
	);
	return next;
}

async function apply(plugin: Plugin, patch: PluginData): Promise<PluginData> {
	const data = await readPluginData(plugin);
	for (const [key, value] of Object.entries(patch)) {
		if (value !== undefined) {
			data[key] = value;
		}
	}
	await plugin.saveData(data);
	return data;
}
