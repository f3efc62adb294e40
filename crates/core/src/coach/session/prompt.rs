//! What the shell shows at each point of a session.

use serde::Serialize;

use super::walk::EntryAt;
use super::{no_section, AnswerStatus, Mode, NoteNow, Progress, Session, Stage};
use crate::coach::questions::{Definition, Field, Shape};
use crate::coach::reader::{FieldValue, Reading};
use crate::coach::writers::{changes, write, write_follow_up, ChangeLine};
use crate::error::CoreResult;
use crate::note::aliases::kind_of;

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
        /// The column of each entry value, in order (entries only).
        columns: Vec<String>,
        /// The deepening question whose reply this is, if it is one.
        #[serde(skip_serializing_if = "Option::is_none")]
        follow_up: Option<String>,
        /// The entry this edits or removes, as it is now, if it is one.
        #[serde(skip_serializing_if = "Option::is_none")]
        entry: Option<EntryAt>,
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
        /// A previous reply to edit.
        draft: String,
        /// Where in the plan.
        progress: Progress,
    },
    /// An entry already in the section: keep, edit or remove it, or add new ones.
    Entry {
        /// Section id.
        section: String,
        /// Section title.
        title: String,
        /// The section's question.
        question: String,
        /// The entry, its values under their labels.
        entry: EntryAt,
        /// Where in the plan.
        progress: Progress,
    },
    /// An entry's new values (blank or skip keeps it).
    EditEntry {
        /// Section id.
        section: String,
        /// Section title.
        title: String,
        /// The question.
        question: String,
        /// How to answer.
        hint: String,
        /// The entry as it is now.
        entry: EntryAt,
        /// The answer to start from: an earlier one, or the entry's values.
        draft: String,
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
    let note = NoteNow::new(note);
    let settled;
    let session = match super::walk::settled(session, &note) {
        Some(stage) => {
            settled = Session {
                stage,
                ..session.clone()
            };
            &settled
        }
        None => session,
    };
    if let Some(shown) = super::walk::prompt(session, &note, progress) {
        return shown;
    }
    let (planned, q) = session.current().ok_or_else(no_section)?;
    let (section, title) = (planned.section.clone(), planned.title.clone());
    let walked = session
        .answers
        .get(session.position)
        .is_some_and(|a| a.walked);
    Ok(match &session.stage {
        Stage::Asking => Prompt::Question {
            current: if planned.mode == Mode::Review {
                current_text(&note, &section)
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
            hint: if walked {
                let same = if q.shape == Shape::Entries {
                    format!(
                        " (the same {} changes one)",
                        q.fields
                            .get(usize::from(q.section == "wins"))
                            .map_or("name", |f| f.label)
                            .to_lowercase()
                    )
                } else {
                    String::new()
                };
                format!(
                    "{} The entries above stay as you left them: this adds new ones{same}. Leave it empty or skip to move on.",
                    q.hint
                )
            } else if planned.mode == Mode::Review && q.shape == Shape::Entries {
                let name = q
                    .fields
                    .get(usize::from(q.section == "wins"))
                    .map_or("name", |f| f.label);
                format!(
                    "{} Entries already here stay as they are: to change one, give it again with the same {name}; to remove one, write remove and its {name}.",
                    q.hint
                )
            } else {
                q.hint.into()
            },
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
                hint: "Skip leaves it out.".into(),
                progress,
            }
        }
        Stage::Confirming => {
            let understood = session.reading()?;
            let new = write(note.text, &section, &understood, session.today()?)?;
            Prompt::Confirm {
                changes: changes(note.text, &new),
                columns: if q.shape == Shape::Entries {
                    q.fields.iter().map(|f| f.label.to_string()).collect()
                } else {
                    Vec::new()
                },
                follow_up: None,
                entry: None,
                section,
                title,
                understood,
                progress,
            }
        }
        Stage::ConfirmingFollowUp { index, answer } => {
            let follow_up = q.follow_ups.get(*index).ok_or_else(no_section)?;
            let new = write_follow_up(
                note.text,
                &section,
                follow_up.label,
                answer,
                session.today()?,
            )?;
            Prompt::Confirm {
                changes: changes(note.text, &new),
                columns: Vec::new(),
                follow_up: Some(follow_up.question.to_string()),
                entry: None,
                understood: follow_up_reading(follow_up.label, answer),
                section,
                title,
                progress,
            }
        }
        Stage::Deepening { index } => Prompt::Deepen {
            question: q
                .follow_ups
                .get(*index)
                .map(|f| f.question.to_string())
                .unwrap_or_default(),
            draft: session
                .answers
                .get(session.position)
                .map(|a| a.follow_up_draft.clone())
                .unwrap_or_default(),
            section,
            title,
            progress,
        },
        // Walk stages are shown above; an entry gone meanwhile asks for new ones.
        Stage::Done
        | Stage::Entry { .. }
        | Stage::EditingEntry { .. }
        | Stage::ConfirmingEntry { .. }
        | Stage::ConfirmingRemoval { .. } => Prompt::Done {
            written: 0,
            skipped: 0,
        },
    })
}

/// A deepening reply as a reading: one value under the follow-up's label.
pub(super) fn follow_up_reading(label: &str, answer: &str) -> Reading {
    Reading {
        fields: vec![FieldValue {
            field: "follow_up".into(),
            label: label.into(),
            value: answer.trim().into(),
        }],
        ..Reading::default()
    }
}

/// The section's current text for review, without leading and trailing
/// blank lines: its body up to the first subsection another question owns
/// (the headline's H1 holds every section; Vision keeps The Picture).
fn current_text(note: &NoteNow, section: &str) -> String {
    let all = note.sections();
    let Some(home) = all
        .iter()
        .find(|s| kind_of(&s.title).is_some_and(|k| k.id == section))
    else {
        return String::new();
    };
    let owned = crate::coach::walk::own_kinds(section);
    let end = all
        .iter()
        .filter(|s| home.body_span.contains(s.heading_span))
        .find(|s| kind_of(&s.title).is_some_and(|k| k.id != section && !owned.contains(&k.id)))
        .map_or(home.body_span.end, |s| s.heading_span.start);
    note.text
        .get(home.body_span.start..end)
        .unwrap_or("")
        .trim()
        .to_string()
}
