//! The tools' arguments: one type per tool, each field described, closed
//! sets as enums, unknown arguments refused. The JSON Schemas clients see are
//! derived from these types (schemars), and [`Parameters`] turns a call whose
//! arguments do not fit into a JSON-RPC `invalid_params` error carrying our
//! stable code.

use std::borrow::Cow;
use std::collections::BTreeMap;

use rmcp::handler::server::common::FromContextPart;
use rmcp::handler::server::tool::ToolCallContext;
use rmcp::ErrorData;
use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

/// A tool's arguments. Like rmcp's own extractor, but a call whose arguments
/// do not fit the schema is refused with `{"code": "invalid_input"}` in the
/// error's data, so every refusal carries one of our stable codes.
pub struct Parameters<P>(pub P);

impl<P: JsonSchema> JsonSchema for Parameters<P> {
    fn schema_name() -> Cow<'static, str> {
        P::schema_name()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        P::json_schema(generator)
    }
}

impl<S, P: DeserializeOwned> FromContextPart<ToolCallContext<'_, S>> for Parameters<P> {
    fn from_context_part(context: &mut ToolCallContext<'_, S>) -> Result<Self, ErrorData> {
        let arguments = context.arguments.take().unwrap_or_default();
        serde_json::from_value(serde_json::Value::Object(arguments))
            .map(Parameters)
            .map_err(|e| {
                let message = format!(
                    "The arguments of {} do not fit its input schema: {e}.",
                    context.name
                );
                ErrorData::invalid_params(
                    message.clone(),
                    Some(serde_json::json!({ "code": "invalid_input", "message": message })),
                )
            })
    }
}

/// A string schema with a closed set of values.
fn one_of(description: &str, values: Vec<&str>) -> Schema {
    json_schema!({
        "type": "string",
        "description": description,
        "enum": values,
    })
}

/// A Career Index section the coach has questions for (its question-bank id).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(transparent)]
pub struct SectionId(pub String);

impl JsonSchema for SectionId {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        "SectionId".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        one_of(
            "The Career Index section, by its id (get_coaching_question shows its question).",
            career_core::assistant::coach::section_ids(),
        )
    }
}

/// A profile question's id.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ProfileQuestionId(pub String);

impl JsonSchema for ProfileQuestionId {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        "ProfileQuestionId".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        one_of(
            "The profile question (read_profile lists them with what the profile says now).",
            career_core::templates::profile_coach::QUESTIONS
                .iter()
                .map(|q| q.id)
                .collect(),
        )
    }
}

/// No arguments.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NoArgs {}

/// A note, or the Career Index when left out.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NoteArgs {
    /// The note's vault-relative path, e.g. "Career/2026 Goals.md". Leave it out for the Career Index.
    #[serde(default)]
    pub note: Option<String>,
}

/// A section of a note.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReadSectionArgs {
    /// The note's vault-relative path. Leave it out for the Career Index.
    #[serde(default)]
    pub note: Option<String>,
    /// The section's path: heading titles joined by "/", e.g. "Network/Sponsors"; its end is enough when unique ("Sponsors").
    pub section: String,
}

/// A coaching section.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct QuestionArgs {
    /// The section to coach.
    pub section: SectionId,
}

/// The person's answer to a section's question.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SectionAnswerArgs {
    /// The section the answer is for.
    pub section: SectionId,
    /// The person's answer, in their own words; entries one per line (a pasted LinkedIn history works for the Timeline).
    pub answer: String,
    /// Values for fields the answer did not give (or that were misread), by field id, e.g. {"budget": "$20M"}. Only what the person said.
    #[serde(default)]
    pub fields: BTreeMap<String, String>,
}

/// The person's answer to a deepening question.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FollowUpArgs {
    /// The section the deepening question belongs to.
    pub section: SectionId,
    /// Which deepening question, from 0, in the order get_coaching_question lists them.
    pub follow_up: usize,
    /// The person's answer, in their own words.
    pub answer: String,
}

/// The person's answer to a profile question.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ProfileAnswerArgs {
    /// Which profile question.
    pub question: ProfileQuestionId,
    /// The answer; for How to Help and Things to Avoid, one item per line or separated by ";".
    pub answer: String,
}

/// One of Career Coach's own notes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SetupNote {
    /// The profile file (CLAUDE.md): User Preferences and Career Coaching.
    Profile,
    /// The Career Index with its twelve sections.
    Index,
    /// The methodology note (the method, with its Session Logs table).
    Methodology,
}

/// Which notes to create or complete.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SetupArgs {
    /// The notes to create, or to complete with the sections they lack (only insertions). Default: all three (the methodology note only when enabled in the settings).
    #[serde(default)]
    pub notes: Vec<SetupNote>,
}

/// A change to a section's body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SectionAction {
    /// Replace the section's body (its subsections stay).
    Set,
    /// Add text at the end of the section, after a blank line.
    Append,
    /// Insert a new section with `heading` (nothing happens if it exists).
    Insert,
}

/// A surgical change to one section.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SectionEditArgs {
    /// The note's vault-relative path. Leave it out for the Career Index.
    #[serde(default)]
    pub note: Option<String>,
    /// set, append or insert.
    pub action: SectionAction,
    /// set/append: the section's path ("Network/Sponsors"). insert: the section to insert after (else at the end).
    #[serde(default)]
    pub section: Option<String>,
    /// insert: the new heading's text.
    #[serde(default)]
    pub heading: Option<String>,
    /// insert: the heading level, 1-6 (default: the neighbour's).
    #[serde(default)]
    pub level: Option<u8>,
    /// The markdown to write: the new body, the text to append, or the new section's body.
    #[serde(default)]
    pub text: String,
}

/// A change to a table row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RowAction {
    /// Add a row (nothing happens if an identical row exists).
    Add,
    /// Change cells of a row.
    Update,
    /// Remove a row.
    Remove,
}

/// A change to a row of a section's table.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TableEditArgs {
    /// The note's vault-relative path. Leave it out for the Career Index.
    #[serde(default)]
    pub note: Option<String>,
    /// The section holding the table ("Network/Sponsors").
    pub section: String,
    /// Which table in the section, from 0.
    #[serde(default)]
    pub table: usize,
    /// add, update or remove.
    pub action: RowAction,
    /// add: the cells, left to right.
    #[serde(default)]
    pub cells: Vec<String>,
    /// update/remove: the row, by its first cell's text (or its number from 0, as text).
    #[serde(default)]
    pub row: Option<String>,
    /// update: new cell texts by column name (the header's text), e.g. {"Status": "Done"}.
    #[serde(default)]
    pub set: BTreeMap<String, String>,
}

/// A change to a task.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum TaskAction {
    /// Add an open task to a section (nothing happens if it is there).
    Add,
    /// Tick or untick the task on a line, as the Tasks plugin does.
    Toggle,
}

/// A change to a task.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TaskEditArgs {
    /// The note's vault-relative path. Leave it out for the Career Index.
    #[serde(default)]
    pub note: Option<String>,
    /// add or toggle.
    pub action: TaskAction,
    /// add: the section ("Open Tasks").
    #[serde(default)]
    pub section: Option<String>,
    /// add: the task's text (Tasks-plugin fields such as "📅 2026-03-01" are kept).
    #[serde(default)]
    pub text: Option<String>,
    /// toggle: the task's line number, from 1 (read_outline lists tasks with their lines).
    #[serde(default)]
    pub line: Option<usize>,
}

/// A change to a property.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum PropertyAction {
    /// Set a property to one value.
    Set,
    /// Add a value to a list property (nothing happens if it is there).
    Add,
}

/// A change to a note's frontmatter.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PropertyEditArgs {
    /// The note's vault-relative path. Leave it out for the Career Index.
    #[serde(default)]
    pub note: Option<String>,
    /// set or add.
    pub action: PropertyAction,
    /// The property's name.
    pub key: String,
    /// The value.
    pub value: String,
}

/// An annual goal.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GoalArg {
    /// What will be achieved.
    pub outcome: String,
    /// How it will be measured.
    pub metric: String,
}

/// A quarter's intention.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct QuarterArg {
    /// The quarter, 1-4 (of the planning year).
    #[schemars(range(min = 1, max = 4))]
    pub quarter: u32,
    /// What the quarter is about, a short phrase ("Go external").
    pub intention: String,
    /// Its concrete priorities.
    #[serde(default)]
    pub focus: String,
}

/// A monthly milestone.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MilestoneArg {
    /// The month, YYYY-MM.
    #[schemars(regex(pattern = r"^\d{4}-\d{2}$"))]
    pub month: String,
    /// The checkpoint.
    pub text: String,
    /// The goal it serves: G1, G2 or G3.
    #[serde(default)]
    pub goal: String,
}

/// The year's goal cascade.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GoalsNoteArgs {
    /// The planning year (default: this one; in its last quarter, the next).
    #[serde(default)]
    pub year: Option<i32>,
    /// The year's theme, without quotes (default: the Career Index's).
    #[serde(default)]
    pub theme: Option<String>,
    /// Two or three annual goals; the first is G1.
    pub goals: Vec<GoalArg>,
    /// Quarterly intentions.
    #[serde(default)]
    pub quarters: Vec<QuarterArg>,
    /// Monthly milestones.
    #[serde(default)]
    pub milestones: Vec<MilestoneArg>,
}

/// A goal's status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub enum GoalStatusArg {
    /// Not started.
    #[serde(rename = "Not started")]
    NotStarted,
    /// In progress.
    #[serde(rename = "In progress")]
    InProgress,
    /// At risk.
    #[serde(rename = "At risk")]
    AtRisk,
    /// Complete.
    #[serde(rename = "Complete")]
    Complete,
}

impl GoalStatusArg {
    /// The status as the goals note writes it.
    pub fn label(self) -> &'static str {
        match self {
            Self::NotStarted => "Not started",
            Self::InProgress => "In progress",
            Self::AtRisk => "At risk",
            Self::Complete => "Complete",
        }
    }
}

/// A goal's new status.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GoalStatusArgs {
    /// The goal: G1, G2 or G3.
    pub goal: String,
    /// The new status.
    pub status: GoalStatusArg,
    /// The planning year (default: this one).
    #[serde(default)]
    pub year: Option<i32>,
}

/// A weekly action.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WeeklyActionArgs {
    /// What to do this week.
    pub text: String,
    /// The goal it serves: G1, G2 or G3.
    #[serde(default)]
    pub goal: Option<String>,
    /// The ISO week, e.g. 2026-W03 (default: this week).
    #[serde(default)]
    pub week: Option<String>,
}

/// A review's kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ReviewKind {
    /// The week's review (ISO weeks).
    Weekly,
    /// The month's review.
    Monthly,
    /// The quarter's review (of the planning year).
    Quarterly,
    /// The year's review.
    Annual,
}

impl ReviewKind {
    /// As a period kind.
    pub fn period_kind(self) -> career_core::PeriodKind {
        match self {
            Self::Weekly => career_core::PeriodKind::Week,
            Self::Monthly => career_core::PeriodKind::Month,
            Self::Quarterly => career_core::PeriodKind::Quarter,
            Self::Annual => career_core::PeriodKind::Year,
        }
    }
}

/// A review.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReviewArgs {
    /// weekly, monthly, quarterly or annual.
    pub kind: ReviewKind,
    /// The period: 2026-W03, 2026-01, 2026-Q1 or 2026 (default: the one due, with a catch-up of missed ones).
    #[serde(default)]
    pub period: Option<String>,
    /// Quarterly: next quarter's intention (default: keep it).
    #[serde(default)]
    pub intention: Option<String>,
    /// Quarterly: next quarter's focus (default: keep it).
    #[serde(default)]
    pub focus: Option<String>,
    /// Annual: next year's theme.
    #[serde(default)]
    pub theme: Option<String>,
    /// Weekly/monthly: unfinished items to leave open where they are, by their text.
    #[serde(default)]
    pub keep: Vec<String>,
    /// Weekly/monthly: unfinished items to cancel, by their text.
    #[serde(default)]
    pub drop: Vec<String>,
}

/// What to do with an open thread from an earlier session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ThreadDisposition {
    /// Done: tick it in its log.
    Resolve,
    /// Take it into this session's log (marked forwarded in the old one).
    Carry,
    /// No longer relevant: cancel it in its log.
    Drop,
}

/// An open thread and what to do with it.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ThreadArgs {
    /// The log holding the thread (its `note` in list_threads).
    pub note: String,
    /// The thread's line in that log (its `line` in list_threads).
    pub line: usize,
    /// resolve, carry or drop.
    pub disposition: ThreadDisposition,
}

/// A decision made in the session.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DecisionArgs {
    /// What was decided.
    pub what: String,
    /// Why.
    #[serde(default)]
    pub why: String,
}

/// An open thread for the next session.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OpenThreadArgs {
    /// What the next session should pick up.
    pub text: String,
}

/// A decision, in the closing.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DecisionArg {
    /// What was decided.
    pub what: String,
    /// Why.
    #[serde(default)]
    pub why: String,
}

/// How the session closes.
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CloseArgs {
    /// One line: what the session was about (default: the phases it worked).
    #[serde(default)]
    pub focus: Option<String>,
    /// Decisions not noted during the session.
    #[serde(default)]
    pub decisions: Vec<DecisionArg>,
    /// Open threads for next time, not noted during the session.
    #[serde(default)]
    pub threads: Vec<String>,
    /// What worked well (ask the person).
    #[serde(default)]
    pub worked: Vec<String>,
    /// What to improve next time (ask the person).
    #[serde(default)]
    pub improve: Vec<String>,
    /// Frameworks used besides those the session shows, e.g. "Goal Cascade".
    #[serde(default)]
    pub frameworks: Vec<String>,
}

/// A confirmation.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ConfirmArgs {
    /// The token of the proposal the person agreed to (from a propose_… tool).
    pub token: String,
}

/// The planning year.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct YearArgs {
    /// The planning year (default: the one containing today).
    #[serde(default)]
    pub year: Option<i32>,
}
