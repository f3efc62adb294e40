/**
 * The plugin's commands: registration only; what each one does lives in its own module.
 *
 * Commands that only make sense in some states use `checkCallback`, so Obsidian hides them from
 * the palette instead of offering something that would refuse.
 */

import { registerBlindSpotCommand } from "./blind-spots";
import { registerChartBlock } from "./chart-block";
import { registerCoachCommands } from "./coach-commands";
import { registerGoalsCommands } from "./goals-commands";
import type { CareerCoachHost } from "./host";
import { createOrUpgradeNote } from "./note-command";
import { registerReviewCommands } from "./review-commands";
import { registerProfileCoachCommand } from "./profile-coach-modal";
import { registerSessionLogCommands } from "./session-log-commands";

/** Adds every command of the plugin to Obsidian's command palette. */
export function registerCommands(plugin: CareerCoachHost): void {
	plugin.addCommand({
		id: "create-or-upgrade-career-index",
		name: "Create or upgrade career index",
		callback: () => createOrUpgradeNote(plugin, "career-index"),
	});
	plugin.addCommand({
		id: "create-or-upgrade-profile",
		name: "Create or upgrade profile",
		callback: () => createOrUpgradeNote(plugin, "profile"),
	});
	plugin.addCommand({
		id: "create-or-upgrade-methodology-note",
		name: "Create or upgrade methodology note",
		checkCallback: (checking) => {
			if (!plugin.settings.methodologyNote) {
				return false;
			}
			if (!checking) {
				void createOrUpgradeNote(plugin, "methodology");
			}
			return true;
		},
	});
	registerProfileCoachCommand(plugin);
	const coaching = registerCoachCommands(plugin);
	registerBlindSpotCommand(plugin, coaching);
	registerSessionLogCommands(plugin);
	registerGoalsCommands(plugin);
	registerReviewCommands(plugin);
	registerChartBlock(plugin);
}
