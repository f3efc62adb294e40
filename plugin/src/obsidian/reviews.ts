/**
 * Reviews in the vault: what is due, writing a weekly, monthly, quarterly or annual review,
 * and the review calendar — what `career review`, `career due` and `career calendar` do in a
 * terminal (crates/cli/src/commands/review.rs), the same way.
 *
 * The core decides everything (`dueReviews`, `nextReview`, `planReview`, `reviewCalendar`);
 * this module reads the notes it needs and performs the writes the plan asks for, in an order
 * that never leaves half a review behind:
 *
 * 1. every existing note the plan edits (the goals note's carry-forward and next quarter, next
 *    year's goals note, or in Periodic Notes mode the period's note) is written through
 *    `write-plan.ts`, checked against the text the plan was made from; a note changed meanwhile
 *    refuses the whole review before anything else is written, and a second run is safe
 *    because carried items are marked `[>]` and are not carried again;
 * 2. then the review note is created in one `vault.create`.
 *
 * Reviews are found by their frontmatter `period` (the core reads it), not by file name.
 *
 * Periodic Notes' folder and format come from another plugin's settings, which anyone (or a
 * sync conflict) may have set to `../outside`: the folder and the note's path made from the
 * format both go through the core's `confinePath`, and a path that would leave the vault
 * refuses the review (`path_outside_vault`, naming the setting) before anything is read or
 * written.
 */

import { TFile, normalizePath } from "obsidian";
import type { App } from "obsidian";
import { confinePath, dueReviews, nextReview, periodicNotePath, planReview, reviewCalendar } from "../core/wasm";
import type { Carried, Due, NoteEdits, PeriodKind, PeriodicFormats, QuarterContext, ReviewAnswers, ReviewPlan } from "../core/wasm";
import type { CareerCoachHost } from "./host";
import { vaultLinkFormat } from "./link-format";
import { CoreRefusal, careerNotes, careerPlace, writeOutcome } from "./session-logs";
import { ConflictError, createPlannedNote, currentText } from "./write-plan";
import { coreSettings } from "./index-location";

/** Periodic Notes' settings file, relative to the vault's config folder. */
const PERIODIC_NOTES_DATA = "plugins/periodic-notes/data.json";

/** Where Periodic Notes keeps one kind of note. */
interface PeriodicPlace {
	folder: string;
	format: string;
}

/** What is due now, and the one line for the status bar (null when nothing is). */
export interface DueNow {
	due: Due[];
	status: string | null;
}

/**
 * The notes reviews are read from: the career folder's, and in Periodic Notes mode the notes
 * under Periodic Notes' folders that hold a career review (frontmatter `career_review`; its
 * formats may nest them, e.g. `YYYY/[W]ww`), as `career due` reads them.
 *
 * `career` is the career folder's notes, already read by the caller.
 */
async function reviewNotes(plugin: CareerCoachHost, career: readonly [string, string][]): Promise<[string, string][]> {
	const { app } = plugin;
	const notes = [...career];
	if (!plugin.settings.reviewsInPeriodicNotes) {
		return notes;
	}
	const seen = new Set(notes.map(([path]) => path));
	const folders = [...new Set(Object.values(await periodicPlaces(app)).map((place) => place.folder))];
	for (const file of app.vault.getMarkdownFiles()) {
		const inside = folders.some((f) => f === "" || file.path.startsWith(`${f}/`));
		// Only notes holding a career review (by their properties) are read, so a vault of
		// thousands of daily notes costs a look-up in Obsidian's cache, not a read each.
		const holdsReview = app.metadataCache.getFileCache(file)?.frontmatter?.career_review !== undefined;
		if (inside && holdsReview && !seen.has(file.path)) {
			seen.add(file.path);
			notes.push([file.path, await currentText(app, file)]);
		}
	}
	return notes;
}

/** The reviews due today, from the reviews in the career folder (and periodic notes). */
export async function whatIsDue(plugin: CareerCoachHost): Promise<DueNow> {
	const { today, folder } = careerPlace(plugin);
	const career = await careerNotes(plugin.app, folder);
	const found = dueReviews({ today, settings: coreSettings(plugin), notes: await reviewNotes(plugin, career) });
	if (!found.ok) {
		throw new CoreRefusal(found.error);
	}
	return found.value;
}

/**
 * What a quarterly review shows before asking: the reviewed quarter's intention and focus, and
 * next quarter's as set so far (read only to show them; the review is planned from a fresh read).
 */
export async function quarterNow(plugin: CareerCoachHost): Promise<QuarterContext | null> {
	const { today, folder } = careerPlace(plugin);
	const notes = await careerNotes(plugin.app, folder);
	const next = nextReview({ kind: "quarter", today, settings: coreSettings(plugin), notes: await reviewNotes(plugin, notes) });
	if (!next.ok) {
		throw new CoreRefusal(next.error);
	}
	return next.value.quarter;
}

/** What to do with unfinished items: the texts to keep and to drop (the rest are carried). */
export interface Decisions {
	keep: string[];
	drop: string[];
}

/**
 * Asks what happens to the unfinished items; null cancels the review. `again`, when the items
 * are asked a second time because the notes changed meanwhile: the choices made so far and why.
 */
export type Decide = (unfinished: Carried[], again?: { previous: Decisions; notice: string }) => Promise<Decisions | null>;

/** Shown when the unfinished items are asked again. */
export const DECISIONS_CHANGED_NOTICE = "The goals note changed while you were choosing, so nothing was written. These are the unfinished items now; your choices are kept where the item still is.";

/** How many times notes that keep changing are read again before giving up. */
const ROUNDS = 5;

/** Carries everything: what a review does when nobody is asked. */
export function carryAll(): Promise<Decisions> {
	return Promise.resolve({ keep: [], drop: [] });
}

/** A review written. */
export interface WrittenReview {
	plan: ReviewPlan;
	/** The note that holds the review: the new note, or the periodic note it went into. */
	file: TFile;
	/** The review note was already there (nothing was written). */
	existed: boolean;
}

/** Every note a review reads, as read in one round, and the plan made from them. */
interface ReviewRound {
	/** The plan with the answers (and decisions, once made). */
	review: ReviewPlan;
	/** The unfinished items, before any decision: what the person is asked about. */
	unfinished: Carried[];
	/** The texts read, by vault path, that the plan was made from. */
	read: Map<string, string | null>;
}

/**
 * Writes the review of `kind` that is due (or the newest period of that kind, when none is),
 * catching up missed periods in one review, with the answers a quarterly or annual review asks.
 * When actions or milestones are unfinished, `decide` is asked which to keep where they are and
 * which to drop (the rest are carried); resolves null when the person cancels there.
 *
 * Nothing is written from an older read. After the person has chosen, every note is read and
 * the review planned again: when the unfinished items are still the same (a change elsewhere),
 * that plan is written, keeping the other change; when they differ (an item ticked, added or
 * renamed meanwhile), nothing is written and they are asked again with the choices made so far.
 *
 * @throws CoreRefusal, ConflictError (a note kept changing or appeared meanwhile) or the vault's error.
 */
export async function writeReview(plugin: CareerCoachHost, kind: PeriodKind, answers: ReviewAnswers, decide: Decide = carryAll): Promise<WrittenReview | null> {
	let chosen: Decisions | null = null;
	let asked: string | null = null;
	for (let round = 0; ; round++) {
		const { review, unfinished, read } = await planRound(plugin, kind, answers, chosen);
		if (review.create !== null) {
			// Already reviewed (the same period run twice): open it rather than touch anything.
			const already = plugin.app.vault.getAbstractFileByPath(normalizePath(review.create.path));
			if (already instanceof TFile) {
				return { plan: review, file: already, existed: true };
			}
			if (already !== null) {
				throw ConflictError.appeared(normalizePath(review.create.path));
			}
		}
		const items = itemsKey(unfinished);
		if (unfinished.length > 0 && items !== asked) {
			// Unfinished items: the person says what happens to each before anything is written.
			const decisions: Decisions | null = await decide(unfinished, chosen === null ? undefined : { previous: chosen, notice: DECISIONS_CHANGED_NOTICE });
			if (decisions === null) {
				return null;
			}
			chosen = decisions;
			asked = items;
			continue; // read again: the notes may have changed while the person chose
		}
		try {
			return await writePlanned(plugin.app, review, read);
		} catch (thrown) {
			if (!(thrown instanceof ConflictError) || round >= ROUNDS) {
				throw thrown;
			}
		}
	}
}

/** Reads every note the review needs, as it is now, and plans the review from them. */
async function planRound(plugin: CareerCoachHost, kind: PeriodKind, answers: ReviewAnswers, chosen: Decisions | null): Promise<ReviewRound> {
	const { app } = plugin;
	const { today, paths, folder } = careerPlace(plugin);
	const settings = coreSettings(plugin);
	const notes = await careerNotes(app, folder);
	const next = nextReview({ kind, today, settings, notes: await reviewNotes(plugin, notes) });
	if (!next.ok) {
		throw new CoreRefusal(next.error);
	}
	const { period: reviewed, covers, skipped, goalsPath, nextGoalsPath, previousGoalsPath } = next.value;
	const periodic = settings.reviewsInPeriodicNotes ? await periodicNote(plugin, kind, reviewed) : null;
	const goalsText = await textOf(app, goalsPath);
	const nextGoalsText = await textOf(app, nextGoalsPath);
	// A week's or month's review collects what was left open in last year's goals note.
	const previousGoalsText = kind === "week" || kind === "month" ? await textOf(app, previousGoalsPath) : null;
	const indexText = await textOf(app, paths.careerIndex);
	const plan = (withAnswers: ReviewAnswers): ReviewPlan => {
		const planned = planReview({
			period: reviewed,
			covers,
			skipped,
			today,
			settings,
			links: vaultLinkFormat(app),
			goalsText,
			nextGoalsText,
			previousGoalsText,
			indexText,
			sessionLogs: notes.map(([path, text]) => ({ path, text })),
			reviews: next.value.reviews,
			answers: withAnswers,
			periodic: periodic?.note ?? null,
			periodicFormats: periodic?.formats ?? {},
		});
		if (!planned.ok) {
			throw new CoreRefusal(planned.error);
		}
		return planned.value;
	};
	const base = plan(answers);
	const unfinished = base.carried.filter((item) => item.decision === "carry");
	const present = new Set(unfinished.map((item) => item.text));
	const keep = chosen?.keep.filter((text) => present.has(text)) ?? [];
	const drop = chosen?.drop.filter((text) => present.has(text)) ?? [];
	const review = keep.length > 0 || drop.length > 0 ? plan({ ...answers, keep, drop }) : base;
	const read = new Map<string, string | null>([
		[normalizePath(goalsPath), goalsText],
		[normalizePath(nextGoalsPath), nextGoalsText],
		[normalizePath(previousGoalsPath), previousGoalsText],
		[normalizePath(periodic?.note?.path ?? ""), periodic?.note?.text ?? null],
	]);
	return { review, unfinished, read };
}

/** The unfinished items as the person sees them, to tell whether they changed. */
function itemsKey(items: readonly Carried[]): string {
	return JSON.stringify(items.map((item) => [item.text, item.goals, item.from, item.to, item.carried, item.flagged]));
}

/** Performs a planned review: the existing notes' edits first, then the new review note. */
async function writePlanned(app: App, review: ReviewPlan, read: ReadonlyMap<string, string | null>): Promise<WrittenReview> {
	for (const edits of [review.previousGoals, review.goals, review.nextGoals]) {
		if (edits !== null) {
			await writeEdits(app, edits, read);
		}
	}
	if (review.periodic !== null) {
		return { plan: review, file: await writeEdits(app, review.periodic, read), existed: false };
	}
	if (review.create === null) {
		throw new Error("The core planned no review note, so nothing was written.");
	}
	const file = await createPlannedNote(app.vault, normalizePath(review.create.path), review.create.text);
	return { plan: review, file, existed: false };
}

/**
 * Writes planned edits to an existing note through `write-plan.ts`, which refuses (ConflictError)
 * when the note no longer holds the text the plan was made from (`read`, by path).
 */
async function writeEdits(app: App, planned: NoteEdits, read: ReadonlyMap<string, string | null>): Promise<TFile> {
	const path = normalizePath(planned.path);
	const file = app.vault.getAbstractFileByPath(path);
	const existing = read.get(path);
	if (!(file instanceof TFile) || existing === undefined || existing === null) {
		throw new Error(`${path} is not in the vault any more, so the review was not written.`);
	}
	await writeOutcome(app, file, existing, { edits: planned.edits, text: planned.newText });
	return file;
}

/** A note's text, or null when there is no note at `path`. */
async function textOf(app: App, path: string | null): Promise<string | null> {
	if (path === null) {
		return null;
	}
	const file = app.vault.getAbstractFileByPath(normalizePath(path));
	return file instanceof TFile ? await currentText(app, file) : null;
}

/** The period's note from Periodic Notes, when the user has one; null falls back to our own note. */
async function periodicNote(plugin: CareerCoachHost, kind: PeriodKind, period: string): Promise<{ note: { path: string; text: string } | null; formats: PeriodicFormats }> {
	const places = await periodicPlaces(plugin.app);
	const formats: PeriodicFormats = {
		weekly: places.week?.format ?? "",
		monthly: places.month?.format ?? "",
		quarterly: places.quarter?.format ?? "",
		yearly: places.year?.format ?? "",
	};
	const place = places[kind];
	const name = periodicNotePath({ period, settings: coreSettings(plugin), format: place?.format ?? "" });
	if (!name.ok) {
		throw new CoreRefusal(name.error);
	}
	const setting = `Periodic Notes' ${PERIODIC_KEYS[kind]} folder`;
	const folder = confined(setting, place?.folder ?? "");
	const path = normalizePath(confined(`Periodic Notes' ${PERIODIC_KEYS[kind]} format`, folder === "" ? `${name.value}.md` : `${folder}/${name.value}.md`));
	const text = await textOf(plugin.app, path);
	return { note: text === null ? null : { path, text }, formats };
}

/** Periodic Notes' folder and format per kind of period, from its settings (when installed). */
async function periodicPlaces(app: App): Promise<Partial<Record<PeriodKind, PeriodicPlace>>> {
	const dataPath = normalizePath(`${app.vault.configDir}/${PERIODIC_NOTES_DATA}`);
	if (!(await app.vault.adapter.exists(dataPath))) {
		return {};
	}
	let saved: unknown;
	try {
		saved = JSON.parse(await app.vault.adapter.read(dataPath));
	} catch {
		return {};
	}
	const places: Partial<Record<PeriodKind, PeriodicPlace>> = {};
	for (const [kind, key] of Object.entries(PERIODIC_KEYS) as [PeriodKind, string][]) {
		const entry = isRecord(saved) ? saved[key] : undefined;
		if (isRecord(entry)) {
			places[kind] = {
				folder: typeof entry.folder === "string" ? entry.folder.trim() : "",
				format: typeof entry.format === "string" ? entry.format : "",
			};
		}
	}
	return places;
}

/** Periodic Notes' key for each kind of period, as in its settings and in its own settings tab. */
const PERIODIC_KEYS: Readonly<Record<PeriodKind, string>> = { week: "weekly", month: "monthly", quarter: "quarterly", year: "yearly" };

/** `path` (from the setting `what`) as a vault path; throws `path_outside_vault` when it leaves the vault. */
function confined(what: string, path: string): string {
	const inside = confinePath({ what, path });
	if (!inside.ok) {
		throw new CoreRefusal(inside.error);
	}
	return inside.value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The review calendar's vault path: next to the career notes. */
export function calendarPath(plugin: CareerCoachHost): string {
	const { folder } = careerPlace(plugin);
	return normalizePath(folder === "" ? "Career reviews.ics" : `${folder}/Career reviews.ics`);
}

/**
 * Writes the review schedule as an `.ics` file into the vault (replacing an older one), so a
 * phone's calendar can remind of reviews while Obsidian is closed.
 */
export async function writeCalendar(plugin: CareerCoachHost): Promise<TFile> {
	const { app } = plugin;
	const { today } = careerPlace(plugin);
	const made = reviewCalendar({ today, settings: coreSettings(plugin), vault: plugin.app.vault.getName() });
	if (!made.ok) {
		throw new CoreRefusal(made.error);
	}
	const path = calendarPath(plugin);
	const existing = app.vault.getAbstractFileByPath(path);
	if (existing instanceof TFile) {
		await app.vault.process(existing, () => made.value);
		return existing;
	}
	return await createPlannedNote(app.vault, path, made.value);
}
