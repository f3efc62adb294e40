/**
 * The plugin's entry point: Obsidian's lifecycle and nothing else.
 *
 * `onload` reads the settings, adds the settings tab and registers the commands. It does not
 * touch the WebAssembly core, so enabling the plugin costs Obsidian's startup almost nothing:
 * once the layout is ready, and after `onload` has returned, the core warms up in the
 * background (inflated and compiled asynchronously, see `core/wasm.ts`); a command that comes
 * first prepares it itself.
 *
 * `onExternalSettingsChange` is Obsidian's call when `data.json` changed on disk (sync, or
 * `career` in a terminal): the settings are merged again and every open owner of the file
 * (a coaching session, a goals interview) re-reads its part, so nothing stale is saved over it;
 * an open settings tab shows the new values.
 */

import { warmUpCore } from "./core/wasm";
import { registerCommands } from "./obsidian/commands";
import { PluginBase } from "./obsidian/host";
import { notifyExternalChange, onExternalChange, updatePluginData } from "./obsidian/plugin-data";
import type { CareerCoachHost } from "./obsidian/host";
import { CareerSettingTab } from "./obsidian/settings-tab";
import { DEFAULT_SETTINGS, mergeSettings } from "./settings";
import type { CareerSettings } from "./settings";

/** Career Coach, as Obsidian loads it from `main.js`. */
export default class CareerCoachPlugin extends PluginBase implements CareerCoachHost {
	settings: CareerSettings = { ...DEFAULT_SETTINGS };
	/** The core's background warm-up once started (settled when done or given up; tests await it). */
	coreWarmUp: Promise<void> | null = null;

	override async onload(): Promise<void> {
		this.settings = mergeSettings(await this.loadData());
		const settingTab = new CareerSettingTab(this.app, this);
		// First listener, so the owners told after it already see the new settings.
		this.register(
			onExternalChange(this, (data) => {
				this.settings = mergeSettings(data);
				settingTab.refresh();
			}),
		);
		this.addSettingTab(settingTab);
		registerCommands(this);
		this.app.workspace.onLayoutReady(() => {
			// A timer, not now: when the plugin is enabled after startup the layout is already
			// ready and this runs inside onload, which must not wait for the core.
			const timer = window.setTimeout(() => {
				this.coreWarmUp = warmUpCore();
			}, 0);
			this.register(() => {
				window.clearTimeout(timer);
			});
		});
	}

	/** `data.json` changed on disk: take its settings, and let the open owners re-read theirs. */
	override async onExternalSettingsChange(): Promise<void> {
		await notifyExternalChange(this);
	}

	override onunload(): void {
		// Nothing to release: commands, the settings tab and the core's memory go with the plugin.
	}

	async saveSettings(): Promise<void> {
		// data.json also holds the coaching session: change the settings' keys only.
		await updatePluginData(this, { ...this.settings });
	}
}
