/**
 * The plugin's tab in Obsidian's settings: one text field per name or path, a month picker for the
 * planning year, one toggle per switch.
 *
 * Each field saves as the user types, each toggle as it is flipped. A blank field means "use the default", so the setting
 * falls back to it at once rather than handing the core an empty name. Values that are vault
 * paths (the folder, the profile file) go through `normalizePath`; names and name patterns
 * are not paths and are kept as typed.
 */

import { PluginSettingTab, Setting, normalizePath } from "obsidian";
import type { App } from "obsidian";
import { DEFAULT_SETTINGS } from "../settings";
import type { TextSettingKey, ToggleSettingKey } from "../settings";
import type { CareerCoachHost } from "./host";

/** How one setting is shown and cleaned up before it is saved. */
interface TextSettingSpec {
	key: TextSettingKey;
	name: string;
	desc: string;
	/** True when the value is a vault path, to be passed through `normalizePath`. */
	isPath: boolean;
}

/** The settings in the order they are shown. */
const TEXT_SETTINGS: readonly TextSettingSpec[] = [
	{
		key: "careerFolder",
		name: "Career folder",
		desc: "Folder in your vault where career notes are kept.",
		isPath: true,
	},
	{
		key: "careerIndexName",
		name: "Career index note name",
		desc: "Name of the note that links your whole career plan, without .md.",
		isPath: false,
	},
	{
		key: "goalsNamePattern",
		name: "Goals note name pattern",
		desc: "Name of the yearly goals note; {year} is replaced by the year.",
		isPath: false,
	},
	{
		key: "sessionLogNamePattern",
		name: "Session log name pattern",
		desc: "Name of each coaching session's log; {date} is replaced by the session date.",
		isPath: false,
	},
	{
		key: "profileFile",
		name: "Profile file",
		desc: "Path of the file that describes you to the coach, from the vault root.",
		isPath: true,
	},
	{
		key: "methodologyNoteName",
		name: "Methodology note name",
		desc: "Name of the note that explains the coaching method, kept in the career folder, without .md.",
		isPath: false,
	},
	{
		key: "weeklyReviewNamePattern",
		name: "Weekly review name pattern",
		desc: "Name of a weekly review; {period} becomes the ISO week, e.g. 2026-W03.",
		isPath: false,
	},
	{
		key: "monthlyReviewNamePattern",
		name: "Monthly review name pattern",
		desc: "Name of a monthly review; {period} becomes the month, e.g. 2026-01.",
		isPath: false,
	},
	{
		key: "quarterlyReviewNamePattern",
		name: "Quarterly review name pattern",
		desc: "Name of a quarterly review; {period} becomes the quarter, e.g. 2026-Q1.",
		isPath: false,
	},
	{
		key: "annualReviewNamePattern",
		name: "Annual review name pattern",
		desc: "Name of an annual review; {period} becomes the year, e.g. 2026.",
		isPath: false,
	},
];

/** How one on/off setting is shown. */
interface ToggleSettingSpec {
	key: ToggleSettingKey;
	name: string;
	desc: string;
}

/** The switches, shown after the text settings. */
const TOGGLE_SETTINGS: readonly ToggleSettingSpec[] = [
	{
		key: "methodologyNote",
		name: "Create the methodology note",
		desc: "Offer the command that creates or upgrades the methodology note.",
	},
	{
		key: "reviewsInPeriodicNotes",
		name: "Write reviews into periodic notes",
		desc: "Add each review as a Career review section of the Periodic Notes note for its week, month, quarter or year, when that note exists.",
	},
];

/** Month names for the fiscal year setting, January first. */
const MONTHS = [
	"January",
	"February",
	"March",
	"April",
	"May",
	"June",
	"July",
	"August",
	"September",
	"October",
	"November",
	"December",
];

/** Shows and edits the plugin's settings (`CareerSettings`). */
export class CareerSettingTab extends PluginSettingTab {
	private readonly host: CareerCoachHost;
	/** One per control shown: puts the current setting back into it. Empty while the tab is closed. */
	private refreshers: (() => void)[] = [];

	constructor(app: App, host: CareerCoachHost) {
		super(app, host);
		this.host = host;
	}

	/**
	 * Shows the settings as they are now, after `data.json` changed on disk (the CLI, Sync) while
	 * the tab is open. A field that has the focus is left alone: the person is typing there, and
	 * what they type is saved as they type it.
	 */
	refresh(): void {
		for (const refresh of this.refreshers) {
			refresh();
		}
	}

	override hide(): void {
		this.refreshers = [];
		super.hide();
	}

	override display(): void {
		const { containerEl } = this;
		this.refreshers = [];
		containerEl.empty();
		containerEl.addClass("career-coach-settings");
		for (const spec of TEXT_SETTINGS) {
			this.addTextSetting(containerEl, spec);
		}
		this.addFiscalYearSetting(containerEl);
		for (const spec of TOGGLE_SETTINGS) {
			this.addToggleSetting(containerEl, spec);
		}
	}

	private addFiscalYearSetting(containerEl: HTMLElement): void {
		new Setting(containerEl)
			.setName("Planning year starts in")
			.setDesc("The month your goals year starts; quarters and the goals note follow it. January for a calendar year.")
			.addDropdown((dropdown) => {
				MONTHS.forEach((month, i) => {
					dropdown.addOption(String(i + 1), month);
				});
				dropdown.setValue(String(this.host.settings.fiscalYearStartMonth)).onChange(async (value) => {
					this.host.settings.fiscalYearStartMonth = Number(value);
					await this.host.saveSettings();
				});
				this.refreshers.push(() => {
					if (!isFocused(dropdown.selectEl)) {
						dropdown.setValue(String(this.host.settings.fiscalYearStartMonth));
					}
				});
			});
	}

	private addToggleSetting(containerEl: HTMLElement, spec: ToggleSettingSpec): void {
		new Setting(containerEl)
			.setName(spec.name)
			.setDesc(spec.desc)
			.addToggle((toggle) => {
				toggle.setValue(this.host.settings[spec.key]).onChange(async (value) => {
					this.host.settings[spec.key] = value;
					await this.host.saveSettings();
				});
				this.refreshers.push(() => {
					if (toggle.getValue() !== this.host.settings[spec.key]) {
						toggle.setValue(this.host.settings[spec.key]);
					}
				});
			});
	}

	private addTextSetting(containerEl: HTMLElement, spec: TextSettingSpec): void {
		new Setting(containerEl)
			.setName(spec.name)
			.setDesc(spec.desc)
			.addText((text) => {
				text
					.setPlaceholder(DEFAULT_SETTINGS[spec.key])
					.setValue(this.host.settings[spec.key])
					.onChange(async (value) => {
						this.host.settings[spec.key] = cleanValue(spec, value);
						await this.host.saveSettings();
					});
				this.refreshers.push(() => {
					if (!isFocused(text.inputEl)) {
						text.setValue(this.host.settings[spec.key]);
					}
				});
			});
	}
}

/** Whether the person is in this control right now. */
function isFocused(el: HTMLElement): boolean {
	return el.ownerDocument.activeElement === el;
}

/** The value to store for what the user typed: the default when blank, else tidied. */
function cleanValue(spec: TextSettingSpec, typed: string): string {
	const trimmed = typed.trim();
	if (trimmed === "") {
		return DEFAULT_SETTINGS[spec.key];
	}
	return spec.isPath ? normalizePath(trimmed) : trimmed;
}
