//! The session's walk through a section's entries: keep, edit or remove
//! each (see [`crate::coach::walk`]), then add new ones at the section's
//! question. Every change is read back and confirmed before it is written.
//!
//! `back` is the previous question: the previous entry, then the previous
//! section; at the question for new ones, the last entry. `skip` at an entry
//! leaves the section; at an entry's new values or its confirmation it keeps
//! that entry and goes on.

use serde::Serialize;

use std::rc::Rc;

use super::{no_section, Action, AnswerStatus, NoteNow, Progress, Prompt, Session, Stage};
use crate::coach::reader::Reading;
use crate::coach::walk::{self, WalkEntry};
use crate::coach::writers::changes;
use crate::error::CoreResult;

/// An entry of the walk, with where it is in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EntryAt {
    /// 1-based number among the section's entries.
    pub number: usize,
    /// How many entries the section has now.
    pub count: usize,
    /// The entry.
    #[serde(flatten)]
    pub entry: WalkEntry,
}

impl Session {
    fn section_id(&self) -> String {
        self.plan
            .get(self.position)
            .map(|p| p.section.clone())
            .unwrap_or_default()
    }

    fn entries_now(&self, note: &NoteNow) -> Rc<Vec<WalkEntry>> {
        note.entries(&self.section_id())
    }
}

/// Opens the entry on `line` for editing, if a planned section has one there.
pub(super) fn open_entry(s: &mut Session, note: &NoteNow, line: usize, at: &str) -> bool {
    for position in 0..s.plan.len() {
        s.position = position;
        let entries = s.entries_now(note);
        if let Some(index) = walk::index_at_line(&entries, line) {
            let text = entries
                .get(index)
                .map(|e| e.text.clone())
                .unwrap_or_default();
            if let Some(record) = s.record() {
                record.walked = true;
            }
            s.stage = Stage::Entry { index };
            s.announce(at);
            s.stage = Stage::EditingEntry { index, text };
            return true;
        }
    }
    s.position = 0;
    false
}

/// The stage read against the note as it is: an entry index past the
/// section's entries asks for new ones; an entry being edited or removed that
/// is no longer there (changed elsewhere, or removed already by a write
/// replayed after a crash) goes back to the choice for the entry now at its
/// place. An edit already written (replayed) stays, to confirm a no-op.
pub(super) fn settle(s: &mut Session, note: &NoteNow) {
    if let Some(stage) = settled(s, note) {
        s.stage = stage;
    }
}

/// The stage [`settle`] moves `s` to, if it moves it at all (most prompts
/// find the stage still fits, and then need no copy of the session).
pub(super) fn settled(s: &Session, note: &NoteNow) -> Option<Stage> {
    let entries = s.entries_now(note);
    let choice = |index: usize| {
        if index < entries.len() {
            Stage::Entry { index }
        } else {
            Stage::Asking
        }
    };
    match &s.stage {
        Stage::Entry { index } if *index >= entries.len() => Some(Stage::Asking),
        Stage::EditingEntry { index, text } | Stage::ConfirmingRemoval { index, text }
            if walk::locate(&entries, *index, text).is_none() =>
        {
            Some(choice(*index))
        }
        Stage::ConfirmingEntry {
            index,
            text,
            answer,
        } if edited_entry(&entries, *index, text, answer).is_none() => Some(choice(*index)),
        _ => None,
    }
}

/// The entry an edit is about: the one shown as `text`, or, when the edit
/// was written already (a replay), the entry at `index` holding its values.
fn edited_entry(entries: &[WalkEntry], index: usize, text: &str, answer: &str) -> Option<usize> {
    walk::locate(entries, index, text).or_else(|| {
        entries
            .get(index)
            .filter(|e| walk::new_values(e, answer) == e.values)
            .map(|_| index)
    })
}

/// The entry after a choice: entry `index` of the note as it is now, or the
/// question for new ones after the last.
fn next_entry(s: &mut Session, index: usize, note: &NoteNow) {
    s.stage = if index < s.entries_now(note).len() {
        Stage::Entry { index }
    } else {
        Stage::Asking
    };
}

/// An entry's values on one line, for the read-back of a removal and the log.
fn summary(values: &[String]) -> String {
    values
        .iter()
        .filter(|v| !v.trim().is_empty())
        .cloned()
        .collect::<Vec<_>>()
        .join(" · ")
}

/// Applies a walk action; `None` when the action is not the walk's (the
/// caller handles it). `Some(Ok(text))` carries the note to write, if any.
pub(super) fn step(
    s: &mut Session,
    action: &Action,
    note: &NoteNow,
    at: &str,
) -> Option<CoreResult<Option<String>>> {
    let section = s.section_id();
    let entries = s.entries_now(note);
    let text_of = |i: usize| entries.get(i).map(|e| e.text.clone()).unwrap_or_default();
    match (action, s.stage.clone()) {
        (Action::Keep, Stage::Entry { index }) => {
            s.event(at, "kept", &section, &text_of(index));
            next_entry(s, index + 1, note);
        }
        (Action::Edit, Stage::Entry { index }) => {
            if let Some(record) = s.record() {
                record.entry_draft.clear();
            }
            s.stage = Stage::EditingEntry {
                index,
                text: text_of(index),
            };
        }
        (Action::Remove, Stage::Entry { index }) => {
            s.stage = Stage::ConfirmingRemoval {
                index,
                text: text_of(index),
            };
        }
        (Action::Add, Stage::Entry { .. }) => {
            s.event(at, "adding", &section, "");
            s.stage = Stage::Asking;
        }
        (Action::Back, Stage::Entry { index }) if index > 0 => {
            s.event(at, "back", &section, "");
            s.stage = Stage::Entry { index: index - 1 };
        }
        (Action::Back, Stage::Asking)
            if s.answers.get(s.position).is_some_and(|a| a.walked) && !entries.is_empty() =>
        {
            s.event(at, "back", &section, "");
            s.stage = Stage::Entry {
                index: entries.len() - 1,
            };
        }
        (Action::Answer { text: answer }, Stage::EditingEntry { index, text }) => {
            if let Some(record) = s.record() {
                record.entry_draft.clear();
            }
            if answer.trim().is_empty() {
                s.event(at, "kept", &section, &text);
                next_entry(s, index + 1, note);
            } else {
                s.event(at, "answered", &section, answer.trim());
                s.stage = Stage::ConfirmingEntry {
                    index,
                    text,
                    answer: answer.trim().to_string(),
                };
            }
        }
        (
            Action::Skip,
            Stage::EditingEntry { index, text }
            | Stage::ConfirmingEntry { index, text, .. }
            | Stage::ConfirmingRemoval { index, text },
        ) => {
            s.event(at, "kept", &section, &text);
            next_entry(s, index + 1, note);
        }
        (
            Action::Back,
            Stage::EditingEntry { index, .. }
            | Stage::ConfirmingEntry { index, .. }
            | Stage::ConfirmingRemoval { index, .. },
        )
        | (Action::Edit, Stage::ConfirmingRemoval { index, .. }) => {
            s.event(at, "back", &section, "");
            s.stage = Stage::Entry { index };
        }
        (
            Action::Edit,
            Stage::ConfirmingEntry {
                index,
                text,
                answer,
            },
        ) => {
            if let Some(record) = s.record() {
                record.entry_draft = answer;
            }
            s.event(at, "edited", &section, "");
            s.stage = Stage::EditingEntry { index, text };
        }
        (
            Action::Confirm,
            Stage::ConfirmingEntry {
                index,
                text,
                answer,
            },
        ) => {
            let (new, values) = match edited(&entries, index, &text, &answer, note.text) {
                Ok(found) => found,
                Err(e) => return Some(Err(e)),
            };
            let summary = format!("Edited: {}", summary(&values));
            s.event(at, "confirmed", &section, &summary);
            if let Some(record) = s.record() {
                record.status = Some(AnswerStatus::Written);
                record.wrote.extend(changes(note.text, &new));
                record.changed.push(summary);
            }
            next_entry(s, index + 1, &NoteNow::new(&new));
            return Some(Ok((new != note.text).then_some(new)));
        }
        (Action::Confirm, Stage::ConfirmingRemoval { index, text }) => {
            // `settle` sent a removal already written (a replay) back to the choice.
            let Some(found) = walk::locate(&entries, index, &text) else {
                return Some(Err(no_section()));
            };
            let Some(entry) = entries.get(found) else {
                return Some(Err(no_section()));
            };
            let new = match walk::remove(note.text, entry) {
                Ok(new) => new,
                Err(e) => return Some(Err(e)),
            };
            let summary = format!("Removed: {}", summary(&entry.values));
            s.event(at, "confirmed", &section, &summary);
            if let Some(record) = s.record() {
                record.status = Some(AnswerStatus::Written);
                record.wrote.extend(changes(note.text, &new));
                record.changed.push(summary);
            }
            next_entry(s, found, &NoteNow::new(&new));
            return Some(Ok((new != note.text).then_some(new)));
        }
        _ => return None,
    }
    Some(Ok(None))
}

/// The note with the entry shown as `text` edited by `answer`, and its new
/// values. A replayed edit (the entry already holds them) changes nothing.
fn edited(
    entries: &[WalkEntry],
    index: usize,
    text: &str,
    answer: &str,
    note: &str,
) -> CoreResult<(String, Vec<String>)> {
    let entry = edited_entry(entries, index, text, answer)
        .and_then(|i| entries.get(i))
        .ok_or_else(|| {
            crate::error::CoreError::new(
                crate::error::ErrorCode::InvalidInput,
                "That entry changed in the note meanwhile; type back to see it as it is now.",
            )
        })?;
    let values = walk::new_values(entry, answer);
    Ok((walk::replace(note, entry, &values)?, values))
}

/// What to show at a walk stage; `None` at other stages.
pub(super) fn prompt(
    session: &Session,
    note: &NoteNow,
    progress: Progress,
) -> Option<CoreResult<Prompt>> {
    let (planned, q) = session.current()?;
    let (section, title) = (planned.section.clone(), planned.title.clone());
    let entries = session.entries_now(note);
    let count = entries.len();
    let at = |found: Option<usize>| -> Option<EntryAt> {
        let found = found?;
        Some(EntryAt {
            number: found + 1,
            count,
            entry: entries.get(found)?.clone(),
        })
    };
    let gone = || Some(Err(no_section()));
    Some(Ok(match &session.stage {
        Stage::Entry { index } => {
            let Some(entry) = at(Some(*index)) else {
                return gone();
            };
            Prompt::Entry {
                section,
                title,
                question: q.question.into(),
                entry,
                progress,
            }
        }
        Stage::EditingEntry { index, text } => {
            let Some(entry) = at(walk::locate(&entries, *index, text)) else {
                return gone();
            };
            let draft = session
                .answers
                .get(session.position)
                .map(|a| a.entry_draft.clone())
                .filter(|d| !d.is_empty())
                .unwrap_or_else(|| walk::draft(&entry.entry));
            Prompt::EditEntry {
                section,
                title,
                question: "What should this entry say now?".into(),
                hint: edit_hint(&entry.entry),
                entry,
                draft,
                progress,
            }
        }
        Stage::ConfirmingEntry {
            index,
            text,
            answer,
        } => {
            let (new, understood, entry) = match at(edited_entry(&entries, *index, text, answer)) {
                Some(entry) => {
                    let values = walk::new_values(&entry.entry, answer);
                    let new = match walk::replace(note.text, &entry.entry, &values) {
                        Ok(new) => new,
                        Err(e) => return Some(Err(e)),
                    };
                    (new, walk::reading(&entry.entry, &values), entry)
                }
                None => return gone(),
            };
            Prompt::Confirm {
                changes: changes(note.text, &new),
                columns: Vec::new(),
                follow_up: None,
                entry: Some(entry),
                section,
                title,
                understood,
                progress,
            }
        }
        Stage::ConfirmingRemoval { index, text } => {
            let Some(entry) = at(walk::locate(&entries, *index, text)) else {
                return gone();
            };
            let new = match walk::remove(note.text, &entry.entry) {
                Ok(new) => new,
                Err(e) => return Some(Err(e)),
            };
            Prompt::Confirm {
                changes: changes(note.text, &new),
                columns: Vec::new(),
                follow_up: None,
                understood: Reading {
                    remove: vec![summary(&entry.entry.values)],
                    ..Reading::default()
                },
                entry: Some(entry),
                section,
                title,
                progress,
            }
        }
        _ => return None,
    }))
}

/// How to give an entry's new values.
fn edit_hint(entry: &WalkEntry) -> String {
    if entry.labels.len() <= 1 {
        return "Type the new text; it replaces the entry's. Skip keeps it as it is.".into();
    }
    format!(
        "Type the entry again ({}), or change one value with \"{}: …\"; values you leave out stay. Skip keeps it as it is.",
        entry.labels.join(" | "),
        entry.labels.last().map_or("Label", String::as_str)
    )
}
