//! What the tools return: a text for the assistant to read and show, and the
//! same result as `structuredContent` matching the tool's `outputSchema`.
//! A refusal is a result with `isError: true` whose text starts with our
//! stable code (`error[stale_proposal]: …`) and whose `_meta` carries it.

use rmcp::handler::server::tool::IntoCallToolResult;
use rmcp::model::{CallToolResponse, CallToolResult, ContentBlock, MetaObject};
use rmcp::ErrorData;
use schemars::JsonSchema;
use serde::Serialize;

use career_core::proposal::Proposal;
use career_core::CoreError;

/// A tool's outcome.
pub enum Reply<T> {
    /// The result, with its text.
    Done {
        /// What the assistant reads.
        text: String,
        /// The structured result.
        value: T,
    },
    /// A refusal with our code; `meta` adds what the assistant needs to go on
    /// (a stale proposal's new preview).
    Refused {
        /// The error.
        error: CoreError,
        /// Extra text after the message.
        detail: String,
        /// Extra `_meta` entries.
        meta: Option<serde_json::Value>,
    },
}

impl<T> Reply<T> {
    /// A result.
    pub fn done(text: impl Into<String>, value: T) -> Self {
        Self::Done {
            text: text.into(),
            value,
        }
    }
}

impl<T> From<CoreError> for Reply<T> {
    fn from(error: CoreError) -> Self {
        Self::Refused {
            error,
            detail: String::new(),
            meta: None,
        }
    }
}

impl<T: Serialize + JsonSchema + 'static> IntoCallToolResult for Reply<T> {
    fn into_call_tool_result(self) -> Result<CallToolResponse, ErrorData> {
        match self {
            Self::Done { text, value } => {
                let value = serde_json::to_value(value)
                    .map_err(|e| ErrorData::internal_error(e.to_string(), None))?;
                let mut result = CallToolResult::success(vec![ContentBlock::text(text)]);
                result.structured_content = Some(value);
                Ok(result.into())
            }
            Self::Refused {
                error,
                detail,
                meta,
            } => {
                let mut text = format!("error[{}]: {}", error.code, error.message);
                if !detail.is_empty() {
                    text.push_str("\n\n");
                    text.push_str(&detail);
                }
                let mut result = CallToolResult::error(vec![ContentBlock::text(text)]);
                let mut object = serde_json::Map::new();
                object.insert(
                    "code".into(),
                    serde_json::Value::String(error.code.to_string()),
                );
                if let Some(serde_json::Value::Object(extra)) = meta {
                    object.extend(extra);
                }
                result.meta = Some(MetaObject(object));
                Ok(result.into())
            }
        }
    }
}

/// One note's part of a proposed change.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct ChangeOut {
    /// The note's vault path.
    pub path: String,
    /// `create` (a new note) or `edit`.
    pub action: String,
    /// Lines added.
    pub added: usize,
    /// Lines removed.
    pub removed: usize,
    /// The unified diff of the note.
    pub diff: String,
}

/// A field the answer did not give.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct FieldOut {
    /// The field's id (for `fields`).
    pub id: String,
    /// Its label.
    pub label: String,
}

/// A proposed change, waiting for the person's agreement.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct ProposalOut {
    /// Give this to confirm_change once the person agrees. Empty when nothing would change.
    pub token: String,
    /// What the change is, in one line.
    pub summary: String,
    /// "Here is what I understood", one line each: show it to the person.
    pub read_back: Vec<String>,
    /// Every note it changes, in the order they are written.
    pub changes: Vec<ChangeOut>,
    /// Fields the answer did not give: ask for them one at a time, then propose again with `fields`.
    pub missing: Vec<FieldOut>,
    /// What to ask or do once this is confirmed (deepening questions, carried items…).
    pub next: Vec<String>,
    /// Things to tell the person about this change.
    pub notes: Vec<String>,
}

impl ProposalOut {
    /// The output of a proposal.
    pub fn of(proposal: &Proposal) -> Self {
        Self {
            token: if proposal.is_empty() {
                String::new()
            } else {
                proposal.token.clone()
            },
            summary: proposal.summary.clone(),
            read_back: proposal.read_back.clone(),
            changes: proposal
                .changes
                .iter()
                .map(|c| ChangeOut {
                    path: c.path.clone(),
                    action: match c.action {
                        career_core::proposal::ChangeAction::Create => "create".into(),
                        career_core::proposal::ChangeAction::Edit => "edit".into(),
                    },
                    added: c.added,
                    removed: c.removed,
                    diff: c.diff.clone(),
                })
                .collect(),
            missing: Vec::new(),
            next: Vec::new(),
            notes: Vec::new(),
        }
    }

    /// The text the assistant reads: the read-back, the diff and what to do.
    pub fn text(&self) -> String {
        let mut out = vec![self.summary.clone()];
        if !self.read_back.is_empty() {
            out.push(String::new());
            out.extend(self.read_back.iter().cloned());
        }
        if !self.missing.is_empty() {
            out.push(String::new());
            out.push(format!(
                "Not given (ask, one at a time, then propose again with `fields`): {}",
                self.missing
                    .iter()
                    .map(|f| format!("{} (`{}`)", f.label, f.id))
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
        for note in &self.notes {
            out.push(format!("Note: {note}"));
        }
        if self.changes.is_empty() {
            out.push(String::new());
            out.push(
                "Nothing would change: the notes already say this. There is nothing to confirm."
                    .into(),
            );
        } else {
            out.push(String::new());
            out.push("The notes will change like this:".into());
            out.push("```diff".into());
            for c in &self.changes {
                out.push(c.diff.trim_end_matches('\n').to_string());
            }
            out.push("```".into());
            out.push(format!(
                "Show this to the person. Only if they agree, call confirm_change with token \"{}\"; if they correct it, propose again.",
                self.token
            ));
        }
        if !self.next.is_empty() {
            out.push(String::new());
            out.push("Once it is confirmed:".into());
            out.extend(self.next.iter().map(|n| format!("- {n}")));
        }
        out.join("\n")
    }
}

/// A note written by a confirmation.
#[derive(Debug, Serialize, JsonSchema)]
pub struct WrittenOut {
    /// The note's vault path.
    pub path: String,
    /// `created`, `changed` or `unchanged`.
    pub outcome: String,
}

/// What a confirmation wrote.
#[derive(Debug, Serialize, JsonSchema)]
pub struct ConfirmOut {
    /// What the change was.
    pub summary: String,
    /// Each note, in the order written.
    pub written: Vec<WrittenOut>,
    /// What to ask or do next.
    pub next: Vec<String>,
}

/// A section of the Career Index and its state.
#[derive(Debug, Serialize, JsonSchema)]
pub struct SectionStateOut {
    /// The question-bank id, for get_coaching_question and propose_section_answer.
    pub id: String,
    /// Its title.
    pub title: String,
    /// `filled`, `empty` (only the template's prompts) or `missing`.
    pub state: String,
}

/// The Career Index.
#[derive(Debug, Serialize, JsonSchema)]
pub struct IndexOut {
    /// Its vault path.
    pub path: String,
    /// Whether it exists (propose_setup creates it).
    pub exists: bool,
    /// Each coaching section and its state.
    pub sections: Vec<SectionStateOut>,
    /// The whole note.
    pub text: String,
}

/// A note's text.
#[derive(Debug, Serialize, JsonSchema)]
pub struct NoteOut {
    /// Its vault path.
    pub path: String,
    /// The whole note.
    pub text: String,
}

/// One section of a note.
#[derive(Debug, Serialize, JsonSchema)]
pub struct SectionOut {
    /// The note's vault path.
    pub note: String,
    /// The section's full path.
    pub section: String,
    /// Its body, exactly as in the note.
    pub body: String,
}

/// A note's outline.
#[derive(Debug, Serialize, JsonSchema)]
pub struct OutlineOut {
    /// The note's vault path.
    pub note: String,
    /// Sections (with paths and levels), tables, tasks (with lines) and links, with byte spans.
    pub outline: serde_json::Value,
}

/// One profile question and what the profile says.
#[derive(Debug, Serialize, JsonSchema)]
pub struct ProfileAnswerOut {
    /// The question's id (for propose_profile_answer).
    pub id: String,
    /// The part of User Preferences it fills.
    pub part: String,
    /// The question.
    pub question: String,
    /// How to answer.
    pub hint: String,
    /// What the profile says now (absent: only the template's prompt).
    pub current: Option<String>,
}

/// The profile.
#[derive(Debug, Serialize, JsonSchema)]
pub struct ProfileOut {
    /// Its vault path.
    pub path: String,
    /// Whether it exists with User Preferences (propose_setup adds them).
    pub ready: bool,
    /// Each question, in the order they are asked.
    pub answers: Vec<ProfileAnswerOut>,
}

/// A term and its meaning.
#[derive(Debug, Serialize, JsonSchema)]
pub struct DefinitionOut {
    /// The term.
    pub term: String,
    /// What it means.
    pub meaning: String,
}

/// A section's coaching question.
#[derive(Debug, Serialize, JsonSchema)]
pub struct QuestionOut {
    /// The section's id.
    pub section: String,
    /// Its title.
    pub title: String,
    /// `fill` (empty) or `review` (has content: entries given again by name are changed, `remove NAME` removes one).
    pub mode: String,
    /// The question, in the method's words.
    pub question: String,
    /// How to answer.
    pub hint: String,
    /// The answer's shape: `fields`, `entries` (one per line), `text` or `items`.
    pub shape: String,
    /// The fields (an entry's columns), in order.
    pub fields: Vec<FieldOut>,
    /// The deepening questions, numbered from 0, asked once the answer is written.
    pub follow_ups: Vec<String>,
    /// Terms to define before asking.
    pub definitions: Vec<DefinitionOut>,
    /// The section now (empty when it holds only the template's prompts).
    pub current: String,
}

/// An open thread from an earlier session.
#[derive(Debug, Serialize, JsonSchema)]
pub struct ThreadOut {
    /// The log holding it.
    pub note: String,
    /// Its line there.
    pub line: usize,
    /// The thread.
    pub text: String,
    /// How many times it was carried forward.
    pub carried: u32,
}

/// Open threads.
#[derive(Debug, Serialize, JsonSchema)]
pub struct ThreadsOut {
    /// Every open thread, oldest log first.
    pub threads: Vec<ThreadOut>,
}

/// Reviews due.
#[derive(Debug, Serialize, JsonSchema)]
pub struct DueOut {
    /// Each kind of review due today: its period, the periods it covers (a catch-up), those it skips, since when.
    pub due: Vec<serde_json::Value>,
}

/// Goal progress.
#[derive(Debug, Serialize, JsonSchema)]
pub struct ProgressOut {
    /// The goals note.
    pub note: String,
    /// Completion per goal, quarter and month (done ÷ counted).
    pub progress: serde_json::Value,
}

/// One blind spot.
#[derive(Debug, Serialize, JsonSchema)]
pub struct FindingOut {
    /// Stable rule id, e.g. `no_business_metrics`.
    pub id: String,
    /// `high`, `medium` or `low`.
    pub severity: String,
    /// The section it concerns.
    pub section: String,
    /// What the rule found.
    pub evidence: String,
    /// The 1-based lines that are its evidence.
    pub lines: Vec<usize>,
    /// The question that surfaces the gap: ask it.
    pub question: String,
    /// The section to coach to fill it (for propose_section_answer), when there is one.
    pub coach: Option<String>,
    /// The 1-based line of the entry the finding points at, when it cites one:
    /// improve that entry (propose_table_edit on its row, or propose_section_edit) instead of
    /// adding a second copy of it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entry: Option<usize>,
}

/// Blind spots.
#[derive(Debug, Serialize, JsonSchema)]
pub struct BlindSpotsOut {
    /// The gaps, most important first.
    pub findings: Vec<FindingOut>,
}

/// What the session has noted.
#[derive(Debug, Serialize, JsonSchema)]
pub struct NotedOut {
    /// Decisions noted so far.
    pub decisions: usize,
    /// Open threads noted so far.
    pub threads: usize,
}
