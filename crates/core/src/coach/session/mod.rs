//! A coaching session as a plain, serialisable state machine.
//!
//! The shell (the plugin's modal or `career coach`) shows [`prompt`], passes
//! the person's action to [`step`] with the note's current text and the time,
//! performs the write `step` returns, and only then saves the new session.
//! Because writers are idempotent, a crash between the write and the save
//! replays a write that changes nothing: an answer is never lost and never
//! written twice. The session keeps the transcript the session log is built from.
//!
//! Each section starts with the entries already in it, one at a time (keep,
//! edit or remove; `walk.rs`), then asks its question for new ones; an
//! answer is read back (`Confirm`), then the section's deepening questions
//! follow. Planning and starting (at an entry, for "Coach this") is `plan.rs`.

use serde::{Deserialize, Serialize};

use crate::coach::questions::{for_section, QuestionSet};
use crate::coach::reader::{read, Reading};
use crate::coach::writers::ChangeLine;
use crate::dates::Day;
use crate::error::{CoreError, CoreResult, ErrorCode};
use note_now::NoteNow;

mod note_now;
mod plan;
mod prompt;
mod step;
mod walk;

pub use plan::{plan, start, start_at};
pub use prompt::{prompt, Prompt};
pub use step::step;
pub use walk::EntryAt;

/// The session format version; a saved session of another version is refused.
pub const VERSION: u32 = 1;

/// Whether a section is being filled or reviewed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Mode {
    /// Empty or only the template's prompts.
    Fill,
    /// Already has content: offered for review, never overwritten.
    Review,
}

/// One section in the session's plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Planned {
    /// Question-bank section id.
    pub section: String,
    /// Title shown to people.
    pub title: String,
    /// Fill or review.
    pub mode: Mode,
}

/// Where the session is within the current section.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "stage", rename_all = "kebab-case")]
pub enum Stage {
    /// Asking the section's question.
    Asking,
    /// Asking for a field the answer did not give.
    FollowUp {
        /// The field asked for.
        field: String,
    },
    /// Showing what was understood and how the note will change.
    Confirming,
    /// Asking a question that deepens the written answer.
    Deepening {
        /// Which follow-up.
        index: usize,
    },
    /// Showing a deepening answer and where it will go, before writing it.
    ConfirmingFollowUp {
        /// Which follow-up.
        index: usize,
        /// The reply, as typed.
        answer: String,
    },
    /// Offering an entry already in the section: keep, edit or remove it
    /// (or add new ones); see [`crate::coach::walk`].
    Entry {
        /// Which entry, 0-based, in the section as it is now.
        index: usize,
    },
    /// Asking for an entry's new values.
    EditingEntry {
        /// Which entry.
        index: usize,
        /// The entry's lines as shown (to find it again).
        text: String,
    },
    /// Showing an entry's new values and the change, before writing them.
    ConfirmingEntry {
        /// Which entry.
        index: usize,
        /// The entry's lines as shown.
        text: String,
        /// The reply, as typed.
        answer: String,
    },
    /// Asking to confirm removing an entry.
    ConfirmingRemoval {
        /// Which entry.
        index: usize,
        /// The entry's lines as shown.
        text: String,
    },
    /// Every planned section is done.
    Done,
}

/// What became of an answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum AnswerStatus {
    /// Not confirmed yet.
    Pending,
    /// Confirmed and written.
    Written,
    /// Skipped.
    Skipped,
}

/// A deepening question and its reply.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FollowUpAnswer {
    /// The question.
    pub question: String,
    /// The reply.
    pub answer: String,
}

/// The answer for one planned section. Empty fields are left out when it is
/// written (most sections of a new session have no answer yet, and every
/// session crosses into the plugin and is saved in `data.json` as JSON).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct AnswerRecord {
    /// The answer as typed.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub answer: String,
    /// Fields already asked for as follow-ups.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub asked: Vec<String>,
    /// Follow-up replies, by field id (kept apart from the answer, never re-parsed).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extra: Vec<(String, String)>,
    /// The confirmed changes, for the transcript.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub wrote: Vec<ChangeLine>,
    /// Deepening questions answered.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub follow_ups: Vec<FollowUpAnswer>,
    /// Pending, written or skipped.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<AnswerStatus>,
    /// A deepening reply sent back for editing (shown as the draft).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub follow_up_draft: String,
    /// Whether the section's entries were offered one by one (keep, edit, remove).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub walked: bool,
    /// An entry's new values sent back for editing (shown as the draft).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub entry_draft: String,
    /// The entries edited or removed, for the session log ("Edited: …").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub changed: Vec<String>,
}

/// A transcript entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    /// When, as the shell gave it (ISO 8601).
    pub at: String,
    /// What happened: started, asked, answered, confirmed, skipped, edited, back, paused, resumed, finished.
    pub kind: String,
    /// The section it concerns ("" for the session itself).
    pub section: String,
    /// The question, answer or summary.
    pub text: String,
}

/// A decision the person marked during the session (for the session log).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decision {
    /// What was decided.
    pub what: String,
    /// Why.
    pub why: String,
}

/// A coaching session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Session {
    /// Format version.
    pub version: u32,
    /// When it started.
    pub started_at: String,
    /// The day it runs on.
    pub today: String,
    /// The Career Index's vault path.
    pub note: String,
    /// The sections, in order.
    pub plan: Vec<Planned>,
    /// The current section.
    pub position: usize,
    /// Where within it.
    pub stage: Stage,
    /// One record per planned section.
    pub answers: Vec<AnswerRecord>,
    /// The transcript.
    pub events: Vec<Event>,
    /// Decisions marked during the session.
    pub decisions: Vec<Decision>,
    /// Whether it is paused (a paused session resumes where it stopped).
    pub paused: bool,
    /// Open threads from earlier logs carried into this session.
    #[serde(default)]
    pub carried: Vec<crate::log::threads::Thread>,
    /// New open threads noted during the session.
    #[serde(default)]
    pub threads: Vec<String>,
}

/// What the person does.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "action", rename_all = "kebab-case")]
pub enum Action {
    /// Answer the current question (blank skips it).
    Answer {
        /// The answer.
        text: String,
    },
    /// Write what was understood.
    Confirm,
    /// Change the answer (at an entry: edit that entry).
    Edit,
    /// Skip this section.
    Skip,
    /// Go back to the previous section.
    Back,
    /// Stop for now; resume later.
    Pause,
    /// Continue a paused session.
    Resume,
    /// Note an open thread for the next session.
    Thread {
        /// The thread.
        text: String,
    },
    /// Keep the entry shown as it is and go on to the next.
    Keep,
    /// Remove the entry shown (asked to confirm first).
    Remove,
    /// Keep the remaining entries and add new ones.
    Add,
    /// Record a decision for the session log.
    Decide {
        /// What was decided.
        what: String,
        /// Why.
        why: String,
    },
}

/// Progress through the plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Progress {
    /// 1-based number of the current section.
    pub current: usize,
    /// Sections in the plan.
    pub total: usize,
}

/// The result of a step: the new session and, if the note changes, its new text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Step {
    /// The session after the step (save it after the write succeeds).
    pub session: Session,
    /// The note's new text, when this step writes.
    pub write: Option<String>,
    /// The same change as byte-span edits of the note the step was given
    /// (empty when it writes nothing): what a shell lands on the note as it
    /// is at the moment of writing ([`crate::proposal::land`]).
    pub edits: Vec<crate::edit::TextEdit>,
}

impl Session {
    fn event(&mut self, at: &str, kind: &str, section: &str, text: &str) {
        self.events.push(Event {
            at: at.into(),
            kind: kind.into(),
            section: section.into(),
            text: text.into(),
        });
    }

    fn current(&self) -> Option<(&Planned, &'static QuestionSet)> {
        let planned = self.plan.get(self.position)?;
        Some((planned, for_section(&planned.section)?))
    }

    fn record(&mut self) -> Option<&mut AnswerRecord> {
        self.answers.get_mut(self.position)
    }

    fn today(&self) -> CoreResult<Day> {
        Day::parse(&self.today)
    }

    fn progress(&self) -> Progress {
        Progress {
            current: (self.position + 1).min(self.plan.len()),
            total: self.plan.len(),
        }
    }

    /// Logs the question now being asked.
    fn announce(&mut self, at: &str) {
        let asked = match (&self.stage, self.current()) {
            (Stage::Asking | Stage::Entry { .. }, Some((p, q))) => {
                Some((p.section.clone(), q.question.to_string()))
            }
            (Stage::Deepening { index }, Some((p, q))) => q
                .follow_ups
                .get(*index)
                .map(|f| (p.section.clone(), f.question.to_string())),
            _ => None,
        };
        if let Some((section, question)) = asked {
            self.event(at, "asked", &section, &question);
        }
    }

    /// What was understood for the planned section at `index`.
    pub fn reading_at(&self, index: usize) -> CoreResult<Reading> {
        let planned = self.plan.get(index).ok_or_else(no_section)?;
        let q = for_section(&planned.section).ok_or_else(no_section)?;
        let record = self.answers.get(index);
        let mut reading = read(
            q,
            record.map(|a| a.answer.as_str()).unwrap_or(""),
            self.today()?.year(),
        );
        for (field, value) in record.map(|a| a.extra.as_slice()).unwrap_or(&[]) {
            reading.set(q, field, value);
        }
        Ok(reading)
    }

    fn reading(&self) -> CoreResult<Reading> {
        let (_, q) = self.current().ok_or_else(no_section)?;
        let record = self.answers.get(self.position);
        let answer = record.map(|a| a.answer.as_str()).unwrap_or("");
        let mut reading = read(q, answer, self.today()?.year());
        for (field, value) in record.map(|a| a.extra.as_slice()).unwrap_or(&[]) {
            reading.set(q, field, value);
        }
        Ok(reading)
    }

    /// Begins the current section: its entries one by one when it has any,
    /// else its question.
    fn enter(&mut self, note: &NoteNow, at: &str) {
        if self.stage == Stage::Done || self.position >= self.plan.len() {
            return;
        }
        let section = self.plan.get(self.position).map(|p| p.section.clone());
        let has_entries = section.is_some_and(|section| !note.entries(&section).is_empty());
        if let Some(record) = self.record() {
            record.walked = has_entries;
        }
        self.stage = if has_entries {
            Stage::Entry { index: 0 }
        } else {
            Stage::Asking
        };
        self.announce(at);
    }

    /// Moves to the next section (`note`: the Career Index as it is after this step).
    fn advance(&mut self, at: &str, note: &NoteNow) {
        self.position += 1;
        if self.position >= self.plan.len() {
            self.position = self.plan.len();
            self.stage = Stage::Done;
            let written = self.count(AnswerStatus::Written);
            let skipped = self.count(AnswerStatus::Skipped);
            self.event(
                at,
                "finished",
                "",
                &format!("{written} written, {skipped} skipped"),
            );
        } else {
            self.enter(note, at);
        }
    }

    fn count(&self, status: AnswerStatus) -> usize {
        self.answers
            .iter()
            .filter(|a| a.status == Some(status))
            .count()
    }

    /// The next field to ask for, if the answer lacks one not yet asked.
    fn next_missing(&self) -> CoreResult<Option<String>> {
        let reading = self.reading()?;
        let asked = self
            .answers
            .get(self.position)
            .map(|a| a.asked.clone())
            .unwrap_or_default();
        Ok(reading.missing.into_iter().find(|m| !asked.contains(m)))
    }
}

fn no_section() -> CoreError {
    CoreError::new(
        ErrorCode::InvalidInput,
        "The session has no current section.",
    )
}

fn wrong(action: &str, stage: &Stage) -> CoreError {
    CoreError::new(
        ErrorCode::InvalidInput,
        format!("\"{action}\" does not fit this point of the session ({stage:?})."),
    )
}
