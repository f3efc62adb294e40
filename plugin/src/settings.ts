/**
 * The plugin's settings: their shape, their defaults and how saved data becomes settings.
 *
 * The shape is the one the Rust core expects (see the contract: camelCase; names and paths
 * are strings, switches are booleans), so the same object is handed to the core unchanged.
 * `mergeSettings` is pure and never trusts `data.json`: a user may have edited it by hand, or
 * an older version of the plugin may have written it, so every field is checked and anything
 * unusable falls back to its default instead of reaching the core. The CLI reads the same
 * `data.json` with the same rule (crates/cli/src/settings.rs).
 */

/** Where Career Coach keeps its notes and how it names them. */
export interface CareerSettings {
	/** Vault folder holding the career notes, e.g. `Career`. */
	careerFolder: string;
	/** Name of the Career Index note, without `.md`. */
	careerIndexName: string;
	/** Name pattern of the yearly goals note; `{year}` is replaced by the year. */
	goalsNamePattern: string;
	/** Name pattern of a session log; `{date}` is replaced by the session's date. */
	sessionLogNamePattern: string;
	/** Vault path of the profile file the coach reads. */
	profileFile: string;
	/** Name of the methodology note, without `.md`; it lives in the career folder. */
	methodologyNoteName: string;
	/** Whether the methodology note is offered at all (its command is hidden when off). */
	methodologyNote: boolean;
	/** The month (1–12) the planning year starts in; quarters follow it. */
	fiscalYearStartMonth: number;
	/** Name pattern of a weekly review; `{period}` becomes `2026-W03`. */
	weeklyReviewNamePattern: string;
	/** Name pattern of a monthly review; `{period}` becomes `2026-01`. */
	monthlyReviewNamePattern: string;
	/** Name pattern of a quarterly review; `{period}` becomes `2026-Q1`. */
	quarterlyReviewNamePattern: string;
	/** Name pattern of an annual review; `{period}` becomes `2026`. */
	annualReviewNamePattern: string;
	/** Write reviews into Periodic Notes' note for the period instead of notes of their own. */
	reviewsInPeriodicNotes: boolean;
}

/** The keys of {@link CareerSettings} whose values are strings. */
export type TextSettingKey = {
	[K in keyof CareerSettings]: CareerSettings[K] extends string ? K : never;
}[keyof CareerSettings];

/** The keys of {@link CareerSettings} whose values are booleans. */
export type ToggleSettingKey = {
	[K in keyof CareerSettings]: CareerSettings[K] extends boolean ? K : never;
}[keyof CareerSettings];

/** The settings a fresh install starts with. Frozen so no caller can change them by accident. */
export const DEFAULT_SETTINGS: Readonly<CareerSettings> = Object.freeze({
	careerFolder: "Career",
	careerIndexName: "0_Career_Index",
	goalsNamePattern: "{year} Goals",
	sessionLogNamePattern: "{date} Career Coaching Session",
	profileFile: "CLAUDE.md",
	methodologyNoteName: "Career Coaching Methodology",
	methodologyNote: true,
	fiscalYearStartMonth: 1,
	weeklyReviewNamePattern: "{period} Weekly Review",
	monthlyReviewNamePattern: "{period} Monthly Review",
	quarterlyReviewNamePattern: "{period} Quarterly Review",
	annualReviewNamePattern: "{period} Annual Review",
	reviewsInPeriodicNotes: false,
});

/** The string-valued keys, in display order. */
export const TEXT_SETTING_KEYS: readonly TextSettingKey[] = [
	"careerFolder",
	"careerIndexName",
	"goalsNamePattern",
	"sessionLogNamePattern",
	"profileFile",
	"methodologyNoteName",
	"weeklyReviewNamePattern",
	"monthlyReviewNamePattern",
	"quarterlyReviewNamePattern",
	"annualReviewNamePattern",
];

/** The boolean-valued keys, in display order. */
export const TOGGLE_SETTING_KEYS: readonly ToggleSettingKey[] = ["methodologyNote", "reviewsInPeriodicNotes"];

/**
 * Builds complete settings from whatever `loadData()` returned.
 *
 * A text setting keeps its saved value when that value is a string that is not blank; a
 * switch keeps its saved value when that value is a boolean (not `"false"`, not `0`); the
 * fiscal year's start month keeps a whole number from 1 to 12;
 * otherwise the default is used. Unknown keys are dropped, and anything that is not a plain
 * object (`null` for a fresh install, an array, a number) yields the defaults.
 */
export function mergeSettings(saved: unknown): CareerSettings {
	const merged: CareerSettings = { ...DEFAULT_SETTINGS };
	if (!isRecord(saved)) {
		return merged;
	}
	for (const key of TEXT_SETTING_KEYS) {
		const value = saved[key];
		if (typeof value === "string" && value.trim() !== "") {
			merged[key] = value;
		}
	}
	for (const key of TOGGLE_SETTING_KEYS) {
		const value = saved[key];
		if (typeof value === "boolean") {
			merged[key] = value;
		}
	}
	const month = saved.fiscalYearStartMonth;
	if (typeof month === "number" && Number.isInteger(month) && month >= 1 && month <= 12) {
		merged.fiscalYearStartMonth = month;
	}
	return merged;
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === "object" && value !== null && !Array.isArray(value);
}
