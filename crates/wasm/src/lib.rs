//! WebAssembly bindings for `career-core`.
//!
//! Glue only. Every export has the same shape: deserialize one input object,
//! call the core, serialize the result into `{ ok: true, value }` or
//! `{ ok: false, error: { code, message } }`. Nothing here throws for bad
//! input and nothing panics: a trap would kill the instance, so the core's
//! errors travel as data. The TypeScript types below are the contract the
//! plugin compiles against.

use std::rc::Rc;

use career_core::{CoreError, ErrorCode};
use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::prelude::*;

mod charts;
mod coach;
mod exports;
mod goals;
mod keys;
mod note;
mod operation;
#[cfg(feature = "boundary-probe")]
mod probe;
mod profile;
mod reviews;
mod text;

pub use charts::*;
pub use coach::*;
pub use exports::*;
pub use goals::*;
pub use note::*;
#[cfg(feature = "boundary-probe")]
pub use probe::*;
pub use profile::*;
pub use reviews::*;

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
export type ErrorCode = string;
export interface CoreError { code: ErrorCode; message: string }
export interface ConfineInput { what: string; path: string }
export type CoreResult<T> = { ok: true; value: T } | { ok: false; error: CoreError };
export interface Settings {
  careerFolder: string;
  careerIndexName: string;
  goalsNamePattern: string;
  sessionLogNamePattern: string;
  profileFile: string;
  methodologyNoteName: string;
  methodologyNote: boolean;
  fiscalYearStartMonth: number;
  weeklyReviewNamePattern: string;
  monthlyReviewNamePattern: string;
  quarterlyReviewNamePattern: string;
  annualReviewNamePattern: string;
  reviewsInPeriodicNotes: boolean;
  /** Where the Career Index was found when not at the configured path (from `locateIndex`). */
  careerIndexLocation?: string;
}
/** A note that could be the Career Index: its vault path, and whether its frontmatter says `type: career-index`. */
export interface IndexCandidate { path: string; typed: boolean }
export interface LocateIndexInput { configured: string; configuredExists: boolean; indexName: string; candidates: IndexCandidate[] }
export type LinkFormat = "wikilink" | "markdown";
export type NoteKind = "career-index" | "profile" | "methodology";
export interface PlanInput { kind: NoteKind; settings?: Partial<Settings>; today: string; linkFormat?: LinkFormat; existing: string | null }
/** What an upgrade adds at one place: `lines` go after line `after_line` (1-based; 0 = top). */
export interface Addition { what: string[]; after_line: number; context: string; lines: string[] }
export interface NotePlan { kind: NoteKind; path: string; action: "create" | "upgrade" | "none"; text: string | null; edits: TextEdit[]; additions: Addition[] }
export interface DatedInput { settings?: Partial<Settings>; today: string }
export interface NotePaths { goalsName: string; careerIndexName: string; methodologyName: string; methodology: string; careerIndex: string; goals: string; sessionLog: string; profile: string }
export interface NewNote { path: string; text: string }

/** UTF-8 byte offsets into the note, end exclusive. */
export interface Span { start: number; end: number }
export interface TextEdit { span: Span; new_text: string; expected: string }
export interface Outcome { edits: TextEdit[]; text: string | null }
/** `applyOperation`'s result: the edits only (none: nothing changes); the shell applies them. */
export interface OperationEdits { edits: TextEdit[] }
export interface OutlineSection { path: string; title: string; level: number; heading_span: Span; body_span: Span }
export interface TableCell { span: Span; text: string; segment: Span }
export interface TableRow { span: Span; prefix: Span; cells: TableCell[]; leading_pipe: boolean; trailing_pipe: boolean }
export interface OutlineTable { span: Span; header: TableRow; delimiter: TableRow; rows: TableRow[]; alignments: ("none" | "left" | "center" | "right")[] }
export interface OutlineTask { line: number; span: Span; status: string; status_span: Span; text_span: Span; text: string; depth: number }
export interface OutlineLink { span: Span; kind: "wiki" | "markdown"; embed: boolean; target: string; subpath: string | null; alias: string | null }
export interface NoteOutline { sections: OutlineSection[]; tables: OutlineTable[]; tasks: OutlineTask[]; links: OutlineLink[] }
/** The outline packed for the boundary (crates/core/src/note/packed.rs), read by plugin/src/core/outline.ts: `strings` is the string table's UTF-8. */
export interface PackedOutline { numbers: Uint32Array; strings: Uint8Array }

/** A body row by 0-based index, or by its first cell's text. */
export type RowRef = number | string;
export type Operation =
  | { op: "section-set"; section: string; body: string }
  | { op: "section-append"; section: string; text: string; position?: "end" | "before-subsections" }
  | { op: "section-insert"; heading: string; level?: number; body?: string; before?: string; after?: string }
  | { op: "table-add-row"; section: string; table?: number; cells: string[] }
  | { op: "table-update-row"; section: string; table?: number; row: RowRef; cells?: (string | null)[]; set?: Record<string, string> }
  | { op: "table-remove-row"; section: string; table?: number; row: RowRef }
  | { op: "task-add"; section: string; text: string }
  | { op: "task-toggle"; line: number; today?: string }
  | { op: "frontmatter-set"; key: string; value: string }
  | { op: "frontmatter-add"; key: string; value: string }
  | { op: "goal-status"; goal: string; status: string }
  | { op: "goal-action"; week: string; text: string; goal?: string | null }
  | { op: "note-template"; kind: NoteKind; today: string; linkFormat?: LinkFormat };

/** A coaching session: plain data, saved by the shell after every step (see coach/session.rs). */
export interface CoachSession {
  version: number; started_at: string; today: string; note: string;
  plan: { section: string; title: string; mode: "fill" | "review" }[];
  position: number;
  stage: { stage: "asking" } | { stage: "follow-up"; field: string } | { stage: "confirming" } | { stage: "deepening"; index: number }
    | { stage: "confirming-follow-up"; index: number; answer: string }
    | { stage: "entry"; index: number } | { stage: "editing-entry"; index: number; text: string }
    | { stage: "confirming-entry"; index: number; text: string; answer: string } | { stage: "confirming-removal"; index: number; text: string }
    | { stage: "done" };
  answers: { answer?: string; asked?: string[]; extra?: [string, string][]; wrote?: ChangeLine[]; follow_ups?: { question: string; answer: string }[]; status?: "pending" | "written" | "skipped" | null; follow_up_draft?: string; walked?: boolean; entry_draft?: string; changed?: string[] }[];
  events: { at: string; kind: string; section: string; text: string }[];
  decisions: { what: string; why: string }[];
  paused: boolean;
  /** Open threads from earlier logs carried into this session. */
  carried: Thread[];
  /** New open threads noted during the session. */
  threads: string[];
}
export interface ChangeLine { sign: "+" | "-"; text: string }
export interface Progress { current: number; total: number }
export interface Reading { fields: { field: string; label: string; value: string }[]; entries: string[][]; items: string[]; missing: string[]; unplaced: string[]; remove?: string[] }
export interface QuestionField { id: string; label: string }
/** An entry already in a section (see coach/walk.rs), its values under their labels, and where it is among them. */
export interface EntryAt {
  number: number; count: number; line: number; end_line: number; form: "row" | "bullet" | "task";
  group: string | null; labels: string[]; values: string[]; text: string;
}
export type CoachPrompt =
  | { kind: "question"; section: string; title: string; mode: "fill" | "review"; question: string; hint: string; definitions: { term: string; meaning: string }[]; fields: QuestionField[]; current: string; draft: string; progress: Progress }
  | { kind: "follow-up"; section: string; title: string; question: string; hint: string; progress: Progress }
  /** `columns`: each entry value's column, in order; `follow_up`: the deepening question whose reply this is; `entry`: the entry it edits or removes. */
  | { kind: "confirm"; section: string; title: string; understood: Reading; columns: string[]; follow_up?: string; entry?: EntryAt; changes: ChangeLine[]; progress: Progress }
  | { kind: "deepen"; section: string; title: string; question: string; draft: string; progress: Progress }
  /** An entry already in the section: keep, edit or remove it, or add new ones. */
  | { kind: "entry"; section: string; title: string; question: string; entry: EntryAt; progress: Progress }
  /** An entry's new values; `draft` starts from its values. */
  | { kind: "edit-entry"; section: string; title: string; question: string; hint: string; entry: EntryAt; draft: string; progress: Progress }
  | { kind: "done"; written: number; skipped: number };
export type CoachAction =
  | { action: "answer"; text: string } | { action: "confirm" } | { action: "edit" } | { action: "skip" }
  | { action: "back" } | { action: "pause" } | { action: "resume" } | { action: "decide"; what: string; why: string }
  | { action: "thread"; text: string } | { action: "keep" } | { action: "remove" } | { action: "add" };
/** `entry`: the 1-based line of an entry to open for editing (a blind spot finding's `action.entry`). */
export interface CoachStartInput { notePath: string; note: string; sections?: string[]; entry?: number; today: string; at: string }
export interface CoachInput { session: CoachSession; note: string; action?: CoachAction; at?: string }
/** `edits`: the same change as byte spans of the note the step was given, for `landEdits`. */
export interface CoachStep { session: CoachSession; write: string | null; edits: TextEdit[] }
/** A session kept in the module (`coachStartKept`, `coachKeep`): its number, and the session as JSON text. */
export interface KeptSession { id: number; session: string }
/** `coachStepKept`'s input: `CoachInput` without the session, which is kept. */
export interface KeptStepInput { note: string; action: CoachAction; at?: string }
/** `CoachStep` with the new session kept: its number, and the session as JSON text. */
export interface KeptStep { id: number; session: string; write: string | null; edits: TextEdit[] }
/** `edits` computed on `before` (the text the person saw), landed on the note's text `current` at the write. */
export interface LandInput { path: string; before: string; edits: TextEdit[]; current: string }
/** `entry`: the 1-based line of the entry the finding points at, which "Coach this" opens for editing. */
export type FindingAction = { kind: "coach"; section: string; entry?: number } | { kind: "add-section"; section: string };
export interface Finding { id: string; severity: "high" | "medium" | "low"; section: string; evidence: string; line: number | null; lines: number[]; question: string; action: FindingAction }
export interface BlindSpotInput { index: string; goals?: string | null; logs?: [string, string][]; today: string }
export interface Thread { note: string; line: number; text: string; carried: number }
export interface SessionLogInput {
  settings?: Partial<Settings>; today: string; linkFormat?: LinkFormat; session?: CoachSession | null; focus: string;
  outputs?: [string, string][]; decisions?: { what: string; why: string }[]; did?: string[]; carried?: Thread[];
  threads?: string[]; worked?: string[]; improve?: string[]; taken?: string[];
  /** Frameworks named by the person; with a session, the log adds those it used. */
  frameworks?: string[];
  /** Phases the shell knows were worked (the profile questions answered). */
  phases?: LogPhases;
  /** The career folder's notes: with a session, today's other work (index, blind spots, goals) is read from them. */
  notes?: [string, string][];
  /** What the shells recorded of today's work (`phasesToday` in data.json): joins the log of a session run here. */
  recorded?: PhasesRecord | null;
}
/** Today's work the shells record as it happens, shared through data.json (`phasesToday`). */
export interface PhasesRecord { date: string; structure: string[]; indexNote: string; gaps: string[]; added: string[] }
/** An upgrade of the Career Index (`added`: its plan's additions' `what`, flattened), or a section added for a blind spot. */
export type PhasesWork =
  | { kind: "upgraded"; indexNote: string; added: string[] }
  | { kind: "added-for-blind-spot"; section: string; gap: string };
export interface RecordWorkInput { record?: PhasesRecord | null; today: string; work: PhasesWork }
export interface LogPhases {
  profile?: string[]; profileNote?: string; structure?: string[]; indexNote?: string;
  blindSpots?: { note: string; gaps: string[]; added: string[] } | null;
  goals?: { note: string; goals: string[]; quarters: number; milestones: number } | null;
}
export interface ProfileQuestion { id: string; part: string; label: string | null; question: string; hint: string; current: string | null }
export interface ProfileReadInput { id: string; answer: string }
export interface ProfileReading { id: string; values: string[]; readBack: string }
export interface ProfileWriteInput { text: string; reading: ProfileReading }
/** The log note to create in one write, and the cells of its Session Logs row (add with a table-add-row operation). */
export interface SessionLogNote { name: string; path: string; text: string; row: string[] }
export interface PlanSectionsInput { settings?: Partial<Settings>; today: string; linkFormat?: LinkFormat; existing: string; sections: string[] }
export interface BlindSpotNoteInput { findings: Finding[]; today: string; previous?: [string, string] | null }

/** `2026-W03`, `2026-01`, `2026-Q1` or `2026`. */
export type PeriodLabel = string;
export type PeriodKind = "week" | "month" | "quarter" | "year";
export type ItemState = "open" | "done" | "cancelled" | "forwarded";
export interface GoalRow { id: string; outcome: string; metric: string; status: string; row: number }
export interface QuarterRow { quarter: number; intention: string; focus: string; row: number }
export interface GoalItem { period: PeriodLabel; line: number; text: string; raw: string; goals: string[]; carried: number; state: ItemState }
export interface GoalsNote { year: number | null; theme: string | null; goals: GoalRow[]; quarters: QuarterRow[]; milestones: GoalItem[]; actions: GoalItem[] }
export interface CascadeContext { vision: string | null; theme: string | null; successCriteria: string[]; themeSection: string | null; themeFromReview: boolean }
export interface GoalDraft { outcome: string; metric: string }
export interface QuarterDraft { quarter: number; intention: string; focus: string }
export interface MilestoneDraft { month: PeriodLabel; text: string; goal: string }
export interface GoalsInput { year: number; theme: string; vision: string; goals: GoalDraft[]; quarters: QuarterDraft[]; milestones: MilestoneDraft[] }
/** The interview's state: pass it back as it is. */
export interface GoalsInterview { year: number; input: GoalsInput; yearNote?: string; currentYear?: number; [more: string]: unknown }
export interface GoalsInterviewStartInput { today: string; settings?: Partial<Settings>; indexText?: string; notes?: [string, string][]; year?: number | null }
export type GoalsReply = { kind: "answer"; text: string } | { kind: "confirm" } | { kind: "edit" } | { kind: "back" } | { kind: "skip" } | { kind: "finish" };
export interface GoalsInterviewPrompt { step: string; question: string; hint: string; examples: string[]; context: CascadeContext; understood: string | null; soFar: string[]; replies: string[]; done: boolean }
export interface GoalsCreateInput { input: GoalsInput; today: string; settings?: Partial<Settings>; linkFormat?: LinkFormat; indexText?: string | null }
export interface CreatedGoals { path: string; name: string; text: string; indexLink: Outcome | null }
export interface GoalsAddActionInput { today: string; text: string; goal?: string | null; week?: PeriodLabel | null }
export interface ProgressCount { done: number; total: number; percent: number }
export interface GoalProgress extends ProgressCount { id: string; outcome: string; metric: string; status: string }
export interface QuarterProgress extends ProgressCount { period: PeriodLabel; label: string; intention: string; focus: string; current: boolean }
export interface MonthProgress extends ProgressCount { period: PeriodLabel; title: string; current: boolean }
export interface GoalsProgress { year: number; theme: string | null; overall: ProgressCount; goals: GoalProgress[]; quarters: QuarterProgress[]; months: MonthProgress[]; currentQuarter: PeriodLabel | null; currentMonth: PeriodLabel | null; currentWeek: PeriodLabel | null }
export interface GoalProgressView { progress: GoalsProgress; markdown: string }

export interface ExistingReview { path: string; period: PeriodLabel; covers: PeriodLabel[]; skipped?: PeriodLabel[] }
export interface Due { kind: PeriodKind; period: PeriodLabel; covers: PeriodLabel[]; skipped: PeriodLabel[]; since: string; label: string }
export interface DueInput { today: string; settings?: Partial<Settings>; notes: [string, string][] }
export interface DueNow { due: Due[]; status: string | null }
export interface NextInput { kind: PeriodKind; today: string; settings?: Partial<Settings>; notes: [string, string][]; period?: PeriodLabel | null }
export interface NextReview { period: PeriodLabel; covers: PeriodLabel[]; skipped: PeriodLabel[]; reviews: ExistingReview[]; goalsPath: string; nextGoalsPath: string; previousGoalsPath: string; quarter: QuarterContext | null }
export interface QuarterPlan { period: PeriodLabel | null; intention: string; focus: string }
export interface QuarterContext { reviewed: QuarterPlan; next: QuarterPlan }
export interface ReviewAnswers { nextIntention?: string; nextFocus?: string; nextTheme?: string; keep?: string[]; drop?: string[] }
export interface PeriodicFormats { weekly?: string; monthly?: string; quarterly?: string; yearly?: string }
export interface NoteText { path: string; text: string }
export interface ReviewInput { period: PeriodLabel; covers?: PeriodLabel[]; skipped?: PeriodLabel[]; today: string; settings?: Partial<Settings>; links?: LinkFormat; goalsText?: string | null; nextGoalsText?: string | null; previousGoalsText?: string | null; indexText?: string | null; sessionLogs?: NoteText[]; reviews?: ExistingReview[]; answers?: ReviewAnswers; periodic?: NoteText | null; periodicFormats?: PeriodicFormats }
export interface ReviewNewNote { path: string; name: string; text: string }
export interface NoteEdits { path: string; edits: TextEdit[]; newText: string }
export interface ReviewFlag { code: string; message: string }
export interface Carried { text: string; goals: string[]; from: PeriodLabel; to: PeriodLabel; carried: number; flagged: boolean; moved: boolean; decision: "carry" | "keep" | "drop" }
export interface ReviewPlan { kind: PeriodKind; period: PeriodLabel; covers: PeriodLabel[]; skipped: PeriodLabel[]; create: ReviewNewNote | null; periodic: NoteEdits | null; goals: NoteEdits | null; nextGoals: NoteEdits | null; previousGoals: NoteEdits | null; carried: Carried[]; flags: ReviewFlag[]; summary: string }
export interface CalendarInput { settings?: Partial<Settings>; today: string; vault?: string }
export interface PeriodicInput { period: PeriodLabel; settings?: Partial<Settings>; format?: string }
"#;

/// The `invalid_input` error for an input that could not be read, and why.
pub(crate) fn not_understood(why: String) -> CoreError {
    CoreError::new(
        ErrorCode::InvalidInput,
        format!("The input was not understood: {why}."),
    )
}

/// Turns a JS options object into an input struct, or an `invalid_input` error.
///
/// Options go through `JSON.stringify` and serde_json rather than
/// serde-wasm-bindgen, because the latter reads only the declared keys and so
/// cannot report a misspelt one (`deny_unknown_fields` never fires). Options
/// are small; note text travels as a separate string argument.
pub(crate) fn input<T: DeserializeOwned>(value: JsValue) -> Result<T, CoreError> {
    serde_json::from_str(&json_of(&value)?).map_err(|err| not_understood(err.to_string()))
}

/// An options object as JSON text (not generic, so one copy of this code
/// serves every input type). Read through `encodeInto` (`text::string_of`),
/// not `as_string`, whose glue copies ASCII one UTF-16 unit at a time:
/// copying a coaching session's JSON (3 to 10 KB) in that way was a tenth of
/// `coachPrompt`.
fn json_of(value: &JsValue) -> Result<String, CoreError> {
    // `JSON.stringify(undefined)` is `undefined`, not a string.
    js_sys::JSON::stringify(value)
        .ok()
        .and_then(|json| text::string_of(&json))
        .ok_or_else(|| not_understood("expected an object".into()))
}

/// The text fields [`input_with_texts`] took, in the order named: each shared
/// with the module's kept copy of a long text (see `text::text_of`).
pub(crate) type Texts<const N: usize> = [Option<Rc<String>>; N];

/// Notes as `(vault path, text)`: the career folder's notes, session logs.
pub(crate) type Notes = Vec<(String, String)>;

/// The note lists [`input_taking`] took, in the order named.
pub(crate) type Lists<const N: usize> = [Option<Notes>; N];

/// Like [`input`], with the large text fields named in `texts` (a note's
/// text) read as strings directly instead of through `JSON.stringify` and
/// serde_json, which escape and unescape every byte: one copy instead of
/// three passes. Each is `None` when absent or `null`; any other non-string
/// is `invalid_input`. The struct skips those fields in its JSON.
pub(crate) fn input_with_texts<T: DeserializeOwned, const N: usize>(
    value: JsValue,
    texts: [&'static str; N],
) -> Result<(T, Texts<N>), CoreError> {
    input_taking::<T, N, 0>(value, texts, []).map(|(input, texts, [])| (input, texts))
}

/// [`input_with_texts`], and the lists of notes named in `lists` read pair
/// by pair, each string through `encodeInto` (see `text::pairs_of`): through
/// JSON, escaping and unescaping the notes was about a third of a chart
/// scene. A list is `None` when absent; `null` or any other shape than a
/// list of two strings each is `invalid_input`, as serde refuses it.
pub(crate) fn input_taking<T: DeserializeOwned, const NT: usize, const NL: usize>(
    value: JsValue,
    texts: [&'static str; NT],
    lists: [&'static str; NL],
) -> Result<(T, Texts<NT>, Lists<NL>), CoreError> {
    let invalid = not_understood;
    let Some(object) = value.dyn_ref::<js_sys::Object>() else {
        return Err(invalid("expected an object".into()));
    };
    let rest = js_sys::Object::assign(&js_sys::Object::new(), object);
    let take = |name: &'static str| {
        // Deleting a property of a fresh plain object cannot fail.
        let _ = keys::with_key(name, |key| js_sys::Reflect::delete_property(&rest, key));
        keys::get(object, name)
    };
    let mut taken: Texts<NT> = std::array::from_fn(|_| None);
    for (slot, name) in taken.iter_mut().zip(texts) {
        let field = take(name);
        if !field.is_undefined() && !field.is_null() {
            *slot = Some(
                text::text_of(&field)
                    .ok_or_else(|| invalid(format!("`{name}` must be a string")))?,
            );
        }
    }
    let mut listed: Lists<NL> = std::array::from_fn(|_| None);
    for (slot, name) in listed.iter_mut().zip(lists) {
        let field = take(name);
        if !field.is_undefined() {
            *slot = Some(text::pairs_of(&field).ok_or_else(|| {
                invalid(format!("`{name}` must be a list of [path, text] pairs"))
            })?);
        }
    }
    Ok((input(rest.into())?, taken, listed))
}

/// A field [`input_taking`] took that the input must have.
pub(crate) fn required<T>(field: Option<T>, name: &str) -> Result<T, CoreError> {
    field.ok_or_else(|| {
        CoreError::new(
            ErrorCode::InvalidInput,
            format!("The input was not understood: missing field `{name}`."),
        )
    })
}

#[derive(Serialize)]
#[serde(untagged)]
enum Envelope<'a, T: Serialize> {
    Ok { ok: bool, value: &'a T },
    Err { ok: bool, error: &'a CoreError },
}

fn not_a_string() -> CoreError {
    CoreError::new(
        ErrorCode::InvalidInput,
        "The input was not understood: the note's text must be a string.",
    )
}

/// For an export that takes the note's text as an argument: `answer` given
/// the text (borrowed, see [`text::with_text`]), or the `invalid_input`
/// response when it is no string.
pub(crate) fn on_note(value: &JsValue, answer: impl FnOnce(&str) -> JsValue) -> JsValue {
    text::with_text(value, answer).unwrap_or_else(|| respond::<()>(Err(not_a_string())))
}

/// The one place results become JS values.
pub(crate) fn respond<T: Serialize>(result: Result<T, CoreError>) -> JsValue {
    let serializer = serde_wasm_bindgen::Serializer::new()
        .serialize_maps_as_objects(true)
        .serialize_missing_as_null(true);
    let envelope = match &result {
        Ok(value) => Envelope::Ok { ok: true, value },
        Err(error) => Envelope::Err { ok: false, error },
    };
    envelope.serialize(&serializer).unwrap_or_else(|err| {
        // Serialising plain data cannot fail in practice; if it ever does, say so as data.
        let fallback = CoreError::new(
            ErrorCode::InvalidInput,
            format!("The result could not be returned: {err}."),
        );
        let envelope: Envelope<'_, ()> = Envelope::Err {
            ok: false,
            error: &fallback,
        };
        envelope.serialize(&serializer).unwrap_or(JsValue::NULL)
    })
}
