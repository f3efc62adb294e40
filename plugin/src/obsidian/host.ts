/**
 * What the Obsidian-facing modules need from the plugin instance.
 *
 * The settings tab and the commands receive the plugin through this interface rather than
 * importing the class from `main.ts`, which keeps the import graph acyclic and makes their
 * dependency explicit: the app, the current settings and a way to save them.
 */

import type { Plugin } from "obsidian";

/**
 * Obsidian's plugin base class, re-exported so that `main.ts` can extend it while this folder
 * stays the only one that imports `obsidian` at runtime.
 */
export { Plugin as PluginBase } from "obsidian";
import type { CareerSettings } from "../settings";

/** The running plugin as seen by its commands and settings tab. */
export interface CareerCoachHost extends Plugin {
	/** The settings in force; replaced as a whole or edited in place, then saved. */
	settings: CareerSettings;
	/** Writes the current settings to the plugin's `data.json`. */
	saveSettings(): Promise<void>;
}
