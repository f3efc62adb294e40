/**
 * The plugin's entry point: Obsidian's lifecycle and nothing else.
 *
 * `onload` reads the settings, adds the settings tab and registers the commands. It does not
 * touch the WebAssembly core: compiling it is deferred to the first command that needs it
 * (see `core/wasm.ts`), so enabling the plugin costs Obsidian's startup almost nothing.
 *
 * `onExternalSettingsChange` is Obsidian's call when `data.json` changed on disk (sync, or
 * `career` in a terminal): the settings are merged again and every open owner of the file
 * (a coaching session, a goals interview) re-reads its part, so nothing stale is saved over it;
 * an open settings tab shows the new values.
 */

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
