/**
 * Where the Career Index is, found through the metadata cache.
 *
 * People start with whatever exists: a hand-made `0_Career_Index` at the vault root, or a note
 * marked `type: career-index` in a folder of its own. The rule is the core's (`locateIndex`),
 * the same one `career` applies by scanning: the note at the configured path; else the one note
 * whose frontmatter says `type: career-index`; else the one note named like the setting; two
 * candidates are an error listing them. {@link coreSettings} is what every command hands the
 * core, so every path it computes (the index, links to it) points at the note that exists and
 * `upgrade` upgrades it instead of creating a second one.
 */

import { TFile } from "obsidian";
import { locateIndex, notePaths } from "../core/wasm";
import type { CareerSettings } from "../settings";
import { localIsoDate } from "../today";
import type { CareerCoachHost } from "./host";
import { CoreRefusal } from "./session-logs";

/** The settings as the core takes them, with the index's found location. */
export type CoreSettings = CareerSettings & { careerIndexLocation?: string };

/**
 * The plugin's settings for a core call, with `careerIndexLocation` set when the Career Index
 * is somewhere other than the configured path.
 *
 * @throws CoreRefusal when the settings name no valid path, or (`ambiguous_index`) when
 *   several notes could be the index.
 */
export function coreSettings(plugin: CareerCoachHost): CoreSettings {
	const settings: CoreSettings = { ...plugin.settings };
	const paths = notePaths({ settings, today: localIsoDate(new Date()) });
	if (!paths.ok) {
		// A bad setting (or a trapped core): reported as the command's own failure.
		throw new CoreRefusal(paths.error);
	}
	const configured = paths.value.careerIndex;
	const { vault, metadataCache } = plugin.app;
	if (vault.getAbstractFileByPath(configured) instanceof TFile) {
		return settings;
	}
	const candidates = vault.getMarkdownFiles().map((file) => ({
		path: file.path,
		typed: String(metadataCache.getFileCache(file)?.frontmatter?.type ?? "").trim() === "career-index",
	}));
	const found = locateIndex({ configured, configuredExists: false, indexName: settings.careerIndexName, candidates });
	if (!found.ok) {
		throw new CoreRefusal(found.error);
	}
	if (found.value !== null) {
		settings.careerIndexLocation = found.value;
	}
	return settings;
}
