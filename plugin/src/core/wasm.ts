/**
 * The Rust core, compiled to WebAssembly: the only module that calls its exports.
 *
 * Every export is wrapped in a typed function that returns the core's Result union
 * (`{ ok: true, value } | { ok: false, error }`) and never throws: each runs behind
 * `callCore` (./instance.ts), which builds the instance on first use and turns a trap or any
 * other throw into an error result. The core reports bad input as data, so normally the glue's
 * answer is returned unchanged.
 *
 * The value types come from the declarations wasm-bindgen generates from the Rust types,
 * so the two sides cannot drift apart.
 */

export { CORE_FAILURE, CORE_TRAP, warmUpCore } from "./instance";
import {
	applyOperation as rawApplyOperation,
	blindSpotNote as rawBlindSpotNote,
	blindSpots as rawBlindSpots,
	chartScene as rawChartScene,
	coachKeep as rawCoachKeep,
	coachPromptKept as rawCoachPromptKept,
	confinePath as rawConfinePath,
	locateIndex as rawLocateIndex,
	coachStartKept as rawCoachStartKept,
	coachStepKept as rawCoachStepKept,
	coreVersion as rawCoreVersion,
	disposeThread as rawDisposeThread,
	dueReviews as rawDueReviews,
	goalsAddAction as rawGoalsAddAction,
	goalsCreate as rawGoalsCreate,
	goalsInterviewPrompt as rawGoalsInterviewPrompt,
	goalsInterviewStart as rawGoalsInterviewStart,
	goalsInterviewStep as rawGoalsInterviewStep,
	goalsProgress as rawGoalsProgress,
	goalsRead as rawGoalsRead,
	goalsSetStatus as rawGoalsSetStatus,
	landEdits as rawLandEdits,
	nextReview as rawNextReview,
	periodicNotePath as rawPeriodicNotePath,
	planReview as rawPlanReview,
	reviewCalendar as rawReviewCalendar,
	notePaths as rawNotePaths,
	openThreads as rawOpenThreads,
	outlinePacked as rawOutlinePacked,
	planNote as rawPlanNote,
	planSections as rawPlanSections,
	profileQuestions as rawProfileQuestions,
	profileRead as rawProfileRead,
	profileWrite as rawProfileWrite,
	sessionLog as rawSessionLog,
	recordWork as rawRecordWork,
} from "../../../build/wasm/career_wasm.js";
import { applyByteEdits } from "../text/positions";
import { callCore, coreGeneration } from "./instance";
import { SessionKeeper } from "./kept-sessions";
import { Outline } from "./outline";
import type {
	LocateIndexInput,
	BlindSpotInput,
	ChartInput,
	ChartScene,
	BlindSpotNoteInput,
	CoachInput,
	CoachPrompt,
	CoachSession,
	CoachStartInput,
	CoachStep,
	CoreResult,
	DatedInput,
	LandInput,
	Finding,
	NotePaths,
	NotePlan,
	Operation,
	Outcome,
	PlanInput,
	PlanSectionsInput,
	ProfileQuestion,
	ProfileReadInput,
	ProfileReading,
	ProfileWriteInput,
	SessionLogInput,
	SessionLogNote,
	PhasesRecord,
	RecordWorkInput,
	Thread,
	CreatedGoals,
	DueInput,
	DueNow,
	GoalProgressView,
	GoalsAddActionInput,
	GoalsCreateInput,
	GoalsInterview,
	GoalsInterviewPrompt,
	GoalsInterviewStartInput,
	GoalsNote,
	GoalsReply,
	NextInput,
	NextReview,
	CalendarInput,
	PeriodicInput,
	ReviewInput,
	ReviewPlan,
} from "../../../build/wasm/career_wasm.js";

export { Outline };
export type {
	Carried,
	ChartInput,
	ChartRole,
	ChartScene,
	ChartShape,
	CreatedGoals,
	Due,
	DueNow,
	GoalProgressView,
	GoalsInput,
	GoalsInterview,
	GoalsInterviewPrompt,
	GoalsNote,
	GoalsProgress,
	GoalsReply,
	NextReview,
	QuarterContext,
	NoteEdits,
	PeriodKind,
	PeriodicFormats,
	ProgressCount,
	ReviewAnswers,
	ReviewFlag,
	ReviewPlan,
	Addition,
	BlindSpotInput,
	BlindSpotNoteInput,
	ChangeLine,
	CoachAction,
	CoachInput,
	CoachPrompt,
	CoachSession,
	CoachStartInput,
	CoachStep,
	PhasesRecord,
	PhasesWork,
	EntryAt,
	CoreError,
	CoreResult,
	DatedInput,
	Finding,
	FindingAction,
	LandInput,
	LinkFormat,
	NoteKind,
	NoteOutline,
	NotePaths,
	NotePlan,
	Operation,
	Outcome,
	PlanInput,
	PlanSectionsInput,
	Progress,
	ProfileQuestion,
	ProfileReading,
	Reading,
	SessionLogInput,
	SessionLogNote,
	Span,
	TextEdit,
	Thread,
} from "../../../build/wasm/career_wasm.js";

/** What to do with an open thread of a session log: tick it, carry it forward or cancel it. */
export type ThreadDisposition = "resolve" | "carry" | "drop";

/** A note the core wrote: its name (without `.md`) and its full text. */
export interface SavedNote {
	name: string;
	text: string;
}

/** The core's version string. */
export function coreVersion(): CoreResult<string> {
	return callCore("coreVersion", () => ({ ok: true, value: rawCoreVersion() }));
}

/**
 * A path from a setting (`what` names it) as a normalised vault path, or `path_outside_vault`
 * when it would leave the vault (`..` above the root, an absolute path of another system).
 */
export function confinePath(input: { what: string; path: string }): CoreResult<string> {
	return callCore("confinePath", () => rawConfinePath(input));
}

/** Where the Career Index is when it is not at the configured path (`null`: use that path). */
export function locateIndex(input: LocateIndexInput): CoreResult<string | null> {
	return callCore("locateIndex", () => rawLocateIndex(input));
}

/** Every note path for the given settings and day, vault-relative with forward slashes. */
export function notePaths(input: DatedInput): CoreResult<NotePaths> {
	return callCore("notePaths", () => rawNotePaths(input));
}

/**
 * What to do with one of Career Coach's notes (the Career Index, the profile, the methodology
 * note): create it with `text`, upgrade it with `edits` (byte spans into `input.existing`,
 * which give `text`), or nothing. `input.existing` is the note's current text, `null` when
 * the note does not exist.
 */
export function planNote(input: PlanInput): CoreResult<NotePlan> {
	return callCore("planNote", () => rawPlanNote(input));
}

/** Every section, table, task and link of a note's text, with UTF-8 byte spans; each part is built when first read. */
export function outline(text: string): CoreResult<Outline> {
	const packed = callCore("outline", () => rawOutlinePacked(text));
	return packed.ok ? { ok: true, value: new Outline(packed.value) } : packed;
}

/**
 * Applies one edit operation to a note's text: the edits (byte spans into `text`) and the new
 * text, which is `null` when nothing changes (write nothing then). The core returns only the
 * edits; the new text is made here from them.
 */
export function applyOperation(text: string, op: Operation): CoreResult<Outcome> {
	// Only the edits cross the boundary; they are checked against `text` as they are applied.
	return callCore("applyOperation", () => {
		const result = rawApplyOperation(text, op);
		if (!result.ok) {
			return result;
		}
		const { edits } = result.value;
		return { ok: true, value: { edits, text: edits.length === 0 ? null : applyByteEdits(text, edits) } };
	});
}

/** The coaching sessions the module keeps between calls, by the session objects handed out. */
const sessions = new SessionKeeper({
	startKept: rawCoachStartKept,
	keep: rawCoachKeep,
	promptKept: rawCoachPromptKept,
	stepKept: rawCoachStepKept,
	generation: coreGeneration,
});

/**
 * Starts a coaching session on the Career Index (`input.note` is its current text): every
 * section with questions, empty ones first, or just `input.sections`.
 */
export function coachStart(input: CoachStartInput): CoreResult<CoachSession> {
	return callCore("coachStart", () => sessions.start(input));
}

/** What to show for a session and the Career Index's current text. */
export function coachPrompt(input: CoachInput): CoreResult<CoachPrompt> {
	return callCore("coachPrompt", () => sessions.prompt(input));
}

/**
 * Applies one action to a session: the next session and, when the note changes, its new text
 * (`write`). Write the text first, then save the session.
 */
export function coachStep(input: CoachInput): CoreResult<CoachStep> {
	return callCore("coachStep", () => sessions.step(input));
}

/**
 * The note's new text: `input.edits`, computed on `input.before` (the text the person saw),
 * landed on `input.current`, the note's text at the moment of writing. Moved past a change made
 * elsewhere; `conflict` when the change is in the lines they replace. The core's one landing
 * rule, which the CLI and `career mcp` use too; call it inside the write (`vault.process`).
 */
export function landEdits(input: LandInput): CoreResult<string> {
	return callCore("landEdits", () => rawLandEdits(input));
}

/**
 * The blind spot analysis of the Career Index (`input.index`, its current text), helped by the
 * goals note and the session logs (vault path, text) when there are any: the gaps found, most
 * severe first, each with its evidence, its line in the index (1-based), the question that
 * surfaces it and what to do about it.
 */
export function blindSpots(input: BlindSpotInput): CoreResult<Finding[]> {
	return callCore("blindSpots", () => rawBlindSpots(input));
}

/**
 * The saved analysis note for `input.findings`: its name (without `.md`) and full text, which
 * says what was resolved and what is new since `input.previous` (name, text), when given.
 */
export function blindSpotNote(input: BlindSpotNoteInput): CoreResult<SavedNote> {
	return callCore("blindSpotNote", () => rawBlindSpotNote(input));
}

/**
 * Plans adding only `input.sections` (canonical section ids, e.g. `innovation_thesis`) to the
 * Career Index whose text is `input.existing`, each at its place in the template; `"none"`
 * when the note already has them.
 */
export function planSections(input: PlanSectionsInput): CoreResult<NotePlan> {
	return callCore("planSections", () => rawPlanSections(input));
}

/**
 * A session log note: its name (without `.md`), vault path and full text, to create in one
 * write, and the cells of its row for the Session Logs tables (add it with a `table-add-row`
 * operation). From `input.session` when the log comes from a coaching session; `input.taken`
 * (the names already in the career folder) makes a second log of the day "… Session 2".
 */
export function sessionLog(input: SessionLogInput): CoreResult<SessionLogNote> {
	return callCore("sessionLog", () => rawSessionLog(input));
}

/** The record of today's work (`phasesToday` in data.json) with one more piece of work. */
export function recordWork(input: RecordWorkInput): CoreResult<PhasesRecord> {
	return callCore("recordWork", () => rawRecordWork(input));
}

/** The profile questions (Phase 1) in order, each with what the profile holds now. */
export function profileQuestions(text: string): CoreResult<ProfileQuestion[]> {
	return callCore("profileQuestions", () => rawProfileQuestions(text));
}

/** Reads an answer to a profile question into the read-back to confirm. */
export function profileRead(input: ProfileReadInput): CoreResult<ProfileReading> {
	return callCore("profileRead", () => rawProfileRead(input));
}

/** The edits that write a confirmed profile answer into User Preferences, and nothing else. */
export function profileWrite(input: ProfileWriteInput): CoreResult<Outcome> {
	return callCore("profileWrite", () => rawProfileWrite(input));
}

/**
 * The open threads (unticked checkboxes under "Open Threads") of the session logs among
 * `input.logs` (vault path, text; other notes are ignored), in the order given.
 */
export function openThreads(input: { logs: [string, string][] }): CoreResult<Thread[]> {
	return callCore("openThreads", () => rawOpenThreads(input));
}

/**
 * Marks the open thread on `input.line` (1-based) of a session log's `text`: `[x]` resolved,
 * `[>]` carried forward, `[-]` dropped; `task_not_found` when that line is no open thread.
 */
export function disposeThread(text: string, input: { line: number; disposition: ThreadDisposition }): CoreResult<Outcome> {
	return callCore("disposeThread", () => rawDisposeThread(text, input));
}

/** A goals note's goals, quarterly intentions, milestones and weekly actions, as written. */
export function goalsRead(text: string): CoreResult<GoalsNote> {
	return callCore("goalsRead", () => rawGoalsRead(text));
}

/** Starts the guided creation of this planning year's goals note from the Career Index. */
export function goalsInterviewStart(input: GoalsInterviewStartInput): CoreResult<GoalsInterview> {
	return callCore("goalsInterviewStart", () => rawGoalsInterviewStart(input));
}

/** The question to show now, with what the Career Index says and what was understood. */
export function goalsInterviewPrompt(interview: GoalsInterview): CoreResult<GoalsInterviewPrompt> {
	return callCore("goalsInterviewPrompt", () => rawGoalsInterviewPrompt(interview));
}

/** Applies one reply (answer, confirm, edit, back, skip, finish) to the interview. */
export function goalsInterviewStep(input: { interview: GoalsInterview; reply: GoalsReply }): CoreResult<GoalsInterview> {
	return callCore("goalsInterviewStep", () => rawGoalsInterviewStep(input));
}

/** The goals note to create (path, name, text) and the Career Index's link to it. */
export function goalsCreate(input: GoalsCreateInput): CoreResult<CreatedGoals> {
	return callCore("goalsCreate", () => rawGoalsCreate(input));
}

/** Sets a goal's Status cell in the goals note's `text`. */
export function goalsSetStatus(text: string, input: { goal: string; status: string }): CoreResult<Outcome> {
	return callCore("goalsSetStatus", () => rawGoalsSetStatus(text, input));
}

/** Adds a weekly action under its ISO week (today's when `week` is null). */
export function goalsAddAction(text: string, input: GoalsAddActionInput): CoreResult<Outcome> {
	return callCore("goalsAddAction", () => rawGoalsAddAction(text, input));
}

/** Progress per goal, quarter and month of a goals note's text, and the same as markdown. */
export function goalsProgress(text: string, input: DatedInput): CoreResult<GoalProgressView> {
	return callCore("goalsProgress", () => rawGoalsProgress(text, input));
}

/** The reviews due today among the career folder's notes, and the status bar's line. */
export function dueReviews(input: DueInput): CoreResult<DueNow> {
	return callCore("dueReviews", () => rawDueReviews(input));
}

/** The period a review covers now (catching up missed ones) and the notes it reads. */
export function nextReview(input: NextInput): CoreResult<NextReview> {
	return callCore("nextReview", () => rawNextReview(input));
}

/** A review's note (or periodic-note section) and its edits to the goals notes. */
export function planReview(input: ReviewInput): CoreResult<ReviewPlan> {
	return callCore("planReview", () => rawPlanReview(input));
}

/** Periodic Notes' name (without `.md`) for a period's note, from its moment.js format. */
export function periodicNotePath(input: PeriodicInput): CoreResult<string> {
	return callCore("periodicNotePath", () => rawPeriodicNotePath(input));
}

/** The review schedule as an `.ics` file's text. */
export function reviewCalendar(input: CalendarInput): CoreResult<string> {
	return callCore("reviewCalendar", () => rawReviewCalendar(input));
}

/** The scene a `career-chart` block draws: its source and the career folder's notes in. */
export function chartScene(input: ChartInput): CoreResult<ChartScene> {
	return callCore("chartScene", () => rawChartScene(input));
}
