//! What the shell shows at each point of a session.

use serde::Serialize;

use super::{no_section, AnswerStatus, Mode, Progress, Session, Stage};
use crate::coach::questions::{Definition, Field};
use crate::coach::reader::Reading;
use crate::coach::writers::{changes, find_kind, write, ChangeLine};
use crate::error::CoreResult;

/// What the shell shows now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Prompt {
    /// The section's question.
    Question {
        /// Section id.
        section: String,
        /// Section title.
        title: String,
        /// Fill or review.
        mode: Mode,
        /// The question.
        question: String,
        /// How to answer.
        hint: String,
        /// Terms defined next to the question.
        definitions: Vec<Definition>,
        /// The answer's fields.
        fields: Vec<Field>,
        /// The section as it is now (for review), trimmed.
        current: String,
        /// A previous answer to edit.
        draft: String,
        /// Where in the plan.
        progress: Progress,
    },
    /// A field the answer did not give.
    FollowUp {
        /// Section id.
        section: String,
        /// Section title.
        title: String,
        /// The question.
        question: String,
        /// How to answer.
        hint: String,
        /// Where in the plan.
        progress: Progress,
    },
    /// What was understood, and exactly how the note will change.
    Confirm {
        /// Section id.
        section: String,
        /// Section title.
        title: String,
        /// The structured reading.
        understood: Reading,
        /// The lines added and removed.
        changes: Vec<ChangeLine>,
        /// Where in the plan.
        progress: Progress,
    },
    /// A question that deepens the answer (blank skips it).
    Deepen {
        /// Section id.
        section: String,
        /// Section title.
        title: String,
        /// The question.
        question: String,
        /// Where in the plan.
        progress: Progress,
    },
    /// Every section is done.
    Done {
        /// Sections written.
        written: usize,
        /// Sections skipped.
        skipped: usize,
    },
}

/// What to show for the session and the note's current text.
pub fn prompt(session: &Session, note: &str) -> CoreResult<Prompt> {
    let progress = session.progress();
    if session.stage == Stage::Done {
        return Ok(Prompt::Done {
            written: session.count(AnswerStatus::Written),
            skipped: session.count(AnswerStatus::Skipped),
        });
    }
    let (planned, q) = session.current().ok_or_else(no_section)?;
    let (section, title) = (planned.section.clone(), planned.title.clone());
    Ok(match &session.stage {
        Stage::Asking => Prompt::Question {
            current: if planned.mode == Mode::Review {
                current_text(note, &section)
            } else {
                String::new()
            },
            draft: session
                .answers
                .get(session.position)
                .map(|a| a.answer.clone())
                .unwrap_or_default(),
            section,
            title,
            mode: planned.mode,
            question: q.question.into(),
            hint: q.hint.into(),
            definitions: q.definitions.to_vec(),
            fields: q.fields.to_vec(),
            progress,
        },
        Stage::FollowUp { field } => {
            let label = q
                .fields
                .iter()
                .find(|f| f.id == *field)
                .map_or(field.as_str(), |f| f.label);
            Prompt::FollowUp {
                section,
                title,
                question: format!("{label}?"),
                hint: "Press Enter to leave it out.".into(),
                progress,
            }
        }
        Stage::Confirming => {
            let understood = session.reading()?;
            let new = write(note, &section, &understood, session.today()?)?;
            Prompt::Confirm {
                changes: changes(note, &new),
                section,
                title,
                understood,
                progress,
            }
        }
        Stage::Deepening { index } => Prompt::Deepen {
            question: q
                .follow_ups
                .get(*index)
                .map(|f| f.question.to_string())
                .unwrap_or_default(),
            section,
            title,
            progress,
        },
        Stage::Done => Prompt::Done {
            written: 0,
            skipped: 0,
        },
    })
}

/// The section's current text for review, without leading and trailing blank lines.
fn current_text(note: &str, section: &str) -> String {
    find_kind(note, section)
        .map(|s| s.body_span.of(note).trim().to_string())
        .unwrap_or_default()
}
